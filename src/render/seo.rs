//! Files that are not pages: sitemap, robots.txt, per-protocol JSON data and
//! the search index of each locale.

use crate::i18n::Arg;
use std::fmt::Write as _;

use serde::Serialize;

use super::{PageId, Renderer};
use crate::i18n::escape_html;
use crate::urls::Route;

/// What one sitemap file may hold (sitemaps.org): 50,000 URLs and 50 MB.
pub const SITEMAP_LIMITS: SitemapLimits = SitemapLimits {
    urls: 50_000,
    bytes: 50 * 1024 * 1024,
};

#[derive(Clone, Copy)]
pub struct SitemapLimits {
    pub urls: usize,
    pub bytes: usize,
}

/// Test hook, not for users: `CODECOMPARE_SITEMAP_URLS=N` lowers the URLs
/// per sitemap file, so tests can see a split without 50,000 pages.
pub const SITEMAP_URLS_VAR: &str = "CODECOMPARE_SITEMAP_URLS";

impl SitemapLimits {
    /// The limits of a build: the standard ones, or the test hook's.
    pub fn of_build() -> SitemapLimits {
        let urls = std::env::var(SITEMAP_URLS_VAR)
            .ok()
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0);
        SitemapLimits {
            urls: urls.unwrap_or(SITEMAP_LIMITS.urls),
            ..SITEMAP_LIMITS
        }
    }
}

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// `sitemap.xml`: every page in every locale, each with its alternates, in
/// one file whatever its size (what `serve` shows).
pub fn sitemap(r: &Renderer, pages: &[PageId]) -> String {
    let mut xml = String::from(URLSET_OPEN);
    for page in pages.iter().filter(|p| **p != PageId::NotFound) {
        let addresses = page_urls(r, page);
        for own in 0..addresses.len() {
            sitemap_entry(r, &addresses, own, &mut xml);
        }
    }
    xml.push_str(URLSET_CLOSE);
    xml
}

/// The sitemap files of a build, each handed to `write` as soon as it is
/// full: `sitemap.xml` alone while the site fits the limits; past them,
/// `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as their index,
/// so robots.txt names one file either way.
pub fn sitemap_files<E>(
    r: &Renderer,
    pages: &[PageId],
    limits: SitemapLimits,
    mut write: impl FnMut(&str, &str) -> Result<(), E>,
) -> Result<(), E> {
    let mut parts = 0;
    let mut xml = String::from(URLSET_OPEN);
    let mut urls = 0;
    let mut entry = String::new();
    for page in pages.iter().filter(|p| **p != PageId::NotFound) {
        let addresses = page_urls(r, page);
        for own in 0..addresses.len() {
            entry.clear();
            sitemap_entry(r, &addresses, own, &mut entry);
            let full =
                urls == limits.urls || xml.len() + entry.len() + URLSET_CLOSE.len() > limits.bytes;
            if full && urls > 0 {
                xml.push_str(URLSET_CLOSE);
                parts += 1;
                write(&format!("sitemap-{parts}.xml"), &xml)?;
                xml.truncate(URLSET_OPEN.len());
                urls = 0;
            }
            xml.push_str(&entry);
            urls += 1;
        }
    }
    xml.push_str(URLSET_CLOSE);
    if parts == 0 {
        return write("sitemap.xml", &xml);
    }
    parts += 1;
    write(&format!("sitemap-{parts}.xml"), &xml)?;
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in 1..=parts {
        let url = r.urls.absolute_asset(&format!("sitemap-{part}.xml"));
        let _ = writeln!(index, "<sitemap><loc>{}</loc></sitemap>", escape_html(&url));
    }
    index.push_str("</sitemapindex>\n");
    write("sitemap.xml", &index)
}

/// A page's address in every locale (the order of `config.locales`), made
/// once for the page's entries in all of them.
fn page_urls(r: &Renderer, page: &PageId) -> Vec<String> {
    let route = r.route(page);
    r.config
        .locales
        .iter()
        .map(|locale| escape_html(&r.urls.absolute(locale, &route)))
        .collect()
}

/// One `<url>` of a page in the locale at `own`, with every alternate;
/// `urls` from `page_urls`.
fn sitemap_entry(r: &Renderer, urls: &[String], own: usize, xml: &mut String) {
    let mut push = |parts: &[&str]| parts.iter().for_each(|part| xml.push_str(part));
    push(&["<url><loc>", &urls[own], "</loc>\n"]);
    for (locale, url) in r.config.locales.iter().zip(urls) {
        push(&[ALTERNATE, locale, "\" href=\"", url, "\"/>\n"]);
    }
    // The default locale comes first in `config.locales`.
    push(&[ALTERNATE, "x-default\" href=\"", &urls[0], "\"/>\n</url>\n"]);
}

const ALTERNATE: &str = "<xhtml:link rel=\"alternate\" hreflang=\"";

pub fn robots(r: &Renderer) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        r.urls.absolute_asset("sitemap.xml")
    )
}

#[derive(Serialize)]
struct CodeRecord<'a> {
    code: &'a str,
    class: String,
    category: String,
    name: &'a str,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    standing: Option<&'a crate::content::Standing>,
    /// The number shared across protocols (`421`), when the form has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    /// Codes of the associated protocol it goes with, both directions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    associated: Vec<String>,
    /// The commands whose tables list it, with its roles there.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    commands: std::collections::BTreeMap<&'a str, Vec<crate::content::commands::Role>>,
    urls: std::collections::BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct CodesFile<'a> {
    protocol: &'a str,
    name: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    associated_protocol: Option<&'a str>,
    codes: Vec<CodeRecord<'a>>,
}

/// `/<protocol>/codes.json`: the codes as data, with each locale's page URL.
pub fn codes_json(r: &Renderer, pi: usize) -> String {
    let protocol = &r.site.protocols[pi];
    let codes = protocol
        .codes
        .iter()
        .map(|code| CodeRecord {
            code: &code.code,
            class: code.class(),
            category: code.category(),
            name: &code.name,
            summary: &code.summary,
            standing: code.standing.as_ref(),
            commands: protocol
                .commands_of(&code.code)
                .into_iter()
                .map(|(c, roles)| (c.name.as_str(), roles))
                .collect(),
            number: code.parts.number.as_deref(),
            associated: if code.associated.is_empty() {
                r.site
                    .associated_with(&protocol.id, &code.code)
                    .into_iter()
                    .map(|(_, c)| c.code.clone())
                    .collect()
            } else {
                code.associated.clone()
            },
            urls: r
                .config
                .locales
                .iter()
                .map(|l| {
                    (
                        l.as_str(),
                        r.urls.absolute(l, &Route::Code(&protocol.id, &code.code)),
                    )
                })
                .collect(),
        })
        .collect();
    let file = CodesFile {
        protocol: &protocol.id,
        name: &protocol.name,
        title: &protocol.title,
        associated_protocol: protocol.associated_protocol.as_deref().or_else(|| {
            r.site
                .protocols
                .iter()
                .find(|p| p.associated_protocol.as_deref() == Some(protocol.id.as_str()))
                .map(|p| p.id.as_str())
        }),
        codes,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// One search entry, with short keys: the index is fetched on the first keystroke.
#[derive(Serialize)]
struct SearchEntry<'a> {
    /// protocol name
    p: &'a str,
    /// code
    c: &'a str,
    /// name, then summary, in the locale
    n: &'a str,
    s: &'a str,
    /// English name and summary too, so English terms find codes on every locale's site
    e: String,
    u: &'a str,
    /// protocol page, for building comparison URLs
    b: &'a str,
    /// pair policy: whether cross-class comparisons exist
    x: bool,
    /// other ways readers type it: `571` for 5.7.1, and the codes it goes
    /// with in the associated protocol (`550` for 5.7.1, `5.7.1` for 550)
    #[serde(skip_serializing_if = "String::is_empty")]
    a: String,
}

/// `/search/<locale>.json`: what the search box matches against.
pub fn search_index(r: &Renderer, locale: &str) -> String {
    let local = r.local(locale);
    let entries: Vec<SearchEntry> = local
        .protocols
        .iter()
        .zip(&r.site.protocols)
        .flat_map(|(p, source)| {
            p.codes
                .iter()
                .zip(&source.codes)
                .map(move |(code, source_code)| SearchEntry {
                    p: &p.name,
                    c: &code.code,
                    n: &code.name.text,
                    s: &code.summary.text,
                    e: if r.catalog.is_source(locale) {
                        String::new()
                    } else {
                        format!("{} {}", source_code.name, source_code.summary)
                    },
                    u: &code.url,
                    b: &p.url,
                    x: source.pair_policy == crate::content::PairPolicy::All,
                    a: aliases(r, source, source_code),
                })
        })
        .collect();
    let numbers: Vec<(&String, crate::i18n::Text, String)> = r
        .site
        .shared_numbers
        .iter()
        .map(|number| {
            let title = super::pages::number::title(r, locale, number, "number-title");
            (number, title, r.urls.path(locale, &Route::Number(number)))
        })
        .collect();
    let mut entries = entries;
    // Commands answer to their name (`RETR`, `rcpt`); the label is the
    // command's title and summary in the locale.
    let commands: Vec<(&str, &str, String, String, &str)> = local
        .protocols
        .iter()
        .zip(&r.site.protocols)
        .flat_map(|(p, source)| {
            source.commands.iter().map(move |c| {
                let id = crate::i18n::ids::command_field(source, &c.name, "summary");
                let summary = r.catalog.content(locale, &id, &c.summary).value;
                let args = [("protocol", Arg::Str(&p.name)), ("name", Arg::Str(&c.name))];
                let title = r.t(locale, "command-title", &args).text;
                let url = r.urls.path(locale, &Route::Command(&p.id, &c.name));
                (
                    p.name.as_str(),
                    c.name.as_str(),
                    format!("{title}: {summary}"),
                    url,
                    p.url.as_str(),
                )
            })
        })
        .collect();
    entries.extend(
        commands
            .iter()
            .map(|(p, name, label, url, base)| SearchEntry {
                p,
                c: name,
                n: label,
                s: "",
                e: String::new(),
                u: url,
                b: base,
                x: false,
                a: name.to_ascii_lowercase(),
            }),
    );
    entries.extend(numbers.iter().map(|(number, title, url)| SearchEntry {
        p: "",
        c: number,
        n: &title.text,
        s: "",
        e: String::new(),
        u: url,
        b: "",
        x: false,
        a: String::new(),
    }));
    serde_json::to_string(&entries).unwrap_or_default()
}

/// What else a reader may type for `code`: its digits without dots (`571`),
/// and the codes it goes with in the associated protocol, both ways.
fn aliases(
    r: &Renderer,
    protocol: &crate::content::Protocol,
    code: &crate::content::Code,
) -> String {
    let mut out: Vec<String> = Vec::new();
    if code.code.contains('.') {
        out.push(code.code.replace('.', ""));
    }
    out.extend(code.associated.iter().cloned());
    out.extend(
        r.site
            .associated_with(&protocol.id, &code.code)
            .into_iter()
            .map(|(_, c)| c.code.clone()),
    );
    out.join(" ")
}

/// `/<protocol>/commands.json`: every command with its reply table, as the
/// command files give it, and each locale's page URL.
pub fn commands_json(r: &Renderer, pi: usize) -> String {
    let protocol = &r.site.protocols[pi];
    let commands: Vec<serde_json::Value> = protocol
        .commands
        .iter()
        .map(|c| {
            let urls: std::collections::BTreeMap<&str, String> = r
                .config
                .locales
                .iter()
                .map(|l| {
                    (
                        l.as_str(),
                        r.urls.absolute(l, &Route::Command(&protocol.id, &c.name)),
                    )
                })
                .collect();
            serde_json::json!({
                "name": c.name,
                "syntax": c.syntax,
                "summary": c.summary,
                "replies": c.replies,
                "references": c.references,
                "urls": urls,
            })
        })
        .collect();
    let file =
        serde_json::json!({ "protocol": protocol.id, "name": protocol.name, "commands": commands });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}
