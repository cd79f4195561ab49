//! Files that are not pages: sitemap, robots.txt, per-protocol JSON data and
//! the search index of each locale.

use std::fmt::Write as _;

use serde::Serialize;

use super::{PageId, Renderer};
use crate::i18n::escape_html;
use crate::urls::Route;

/// `sitemap.xml`: every page in every locale, each with its alternates.
pub fn sitemap(r: &Renderer, pages: &[PageId]) -> String {
    let locales = &r.config.locales;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages.iter().filter(|p| **p != PageId::NotFound) {
        let route = r.route(page);
        for locale in locales {
            let _ = writeln!(
                xml,
                "<url><loc>{}</loc>",
                escape_html(&r.urls.absolute(locale, &route))
            );
            for alternate in locales {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{}\"/>",
                    escape_html(&r.urls.absolute(alternate, &route))
                );
            }
            let _ = writeln!(
                xml,
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n</url>",
                escape_html(&r.urls.absolute(&r.config.default_locale, &route))
            );
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

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
    urls: std::collections::BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct CodesFile<'a> {
    protocol: &'a str,
    name: &'a str,
    title: &'a str,
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
                })
        })
        .collect();
    serde_json::to_string(&entries).unwrap_or_default()
}
