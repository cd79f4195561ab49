//! Checks on the text of one file: markdown fields and references.
//!
//! Run per file during validation; relative links are only collected here,
//! because whether the page they point at exists is known once every
//! protocol is loaded (`resolve_links`).

use super::markdown::{self, Found, Target, UrlUse};
use super::pairs::Pair;
use super::yaml::Source;
use super::{Code, ProtocolFile, Reference, Site};
use crate::diag::Diagnostics;

/// A relative link waiting for the whole site to be known.
#[derive(Debug, Clone)]
pub struct PendingLink {
    pub source: Source,
    pub field: String,
    pub href: String,
    /// The site path of the page the text appears on (`/ftp/125/`).
    pub base: String,
}

/// Collects the diagnostics of one file's text and its relative links.
pub struct FieldChecker<'a> {
    pub source: &'a Source,
    pub base: String,
    pub diagnostics: &'a mut Diagnostics,
    pub pending: &'a mut Vec<PendingLink>,
}

impl FieldChecker<'_> {
    /// A markdown field: no raw HTML, and only allowed links.
    pub fn markdown(&mut self, field: &str, text: &str) {
        for found in markdown::scan(text) {
            match found {
                Found::Html(snippet) => self.diagnostics.push(
                    self.source
                        .diagnostic_at(field, Some(first_tag(&snippet)), format!("raw HTML in `{field}`: `{}`", shorten(&snippet)))
                        .help("HTML is not allowed in content: use markdown (`**bold**`, `` `code` ``, `- ` lists), or write `&lt;` for a literal `<`"),
                ),
                Found::Link(href) => match markdown::check_url(&href, UrlUse::Markdown) {
                    Ok(Target::External) => {}
                    Ok(Target::Relative(href)) => self.pending.push(PendingLink {
                        source: self.source.clone(),
                        field: field.to_string(),
                        href,
                        base: self.base.clone(),
                    }),
                    Err(message) => self.diagnostics.push(
                        self.source
                            .diagnostic_at(field, Some(&href), format!("link in `{field}`: {message}"))
                            .help("link to an https:// page, a mailto: address, or a page of this site such as /ftp/426/"),
                    ),
                },
            }
        }
    }

    /// `references:`: absolute https/http URLs with a title.
    pub fn references(&mut self, references: &[Reference]) {
        for reference in references {
            if let Err(message) = markdown::check_url(&reference.url, UrlUse::Reference) {
                self.diagnostics.push(
                    self.source
                        .diagnostic_at("references", Some(&reference.url), format!("reference URL: {message}"))
                        .help("a reference is an absolute https:// (or http://) URL, e.g. https://www.rfc-editor.org/rfc/rfc959#section-4.2"),
                );
            }
        }
    }
}

/// Reports every relative link whose page does not exist.
pub fn resolve_links(site: &Site, pending: Vec<PendingLink>, diagnostics: &mut Diagnostics) {
    if pending.is_empty() {
        return;
    }
    for link in pending {
        let resolved = markdown::resolve(&link.base, &link.href);
        if resolved.as_deref().is_some_and(|path| is_page(site, path)) {
            continue;
        }
        let shown = resolved.unwrap_or_else(|| link.href.clone());
        diagnostics.push(
            link.source
                .diagnostic_at(&link.field, Some(&link.href), format!("link in `{}`: `{}` points at {shown}, which is not a page of this site", link.field, link.href))
                .help(format!("links are resolved from {}; link to an existing page such as /<protocol>/<code>/", link.base)),
        );
    }
}

/// Whether `path` is a page the content produces in the source locale: the
/// home page, a protocol, a code or a comparison (read from the path, not
/// looked up among every page: there are as many comparisons as pairs of codes).
fn is_page(site: &Site, path: &str) -> bool {
    let Some(inner) = path.strip_prefix('/') else {
        return false;
    };
    if inner.is_empty() {
        return true;
    }
    let Some(inner) = inner.strip_suffix('/') else {
        return false;
    };
    let (id, rest) = inner.split_once('/').unwrap_or((inner, ""));
    let Some(protocol) = site.protocol(id) else {
        return false;
    };
    rest.is_empty()
        || (!rest.contains('/')
            && (protocol.code(rest).is_some()
                || Pair::parse_slug(rest).is_some_and(|pair| protocol.has_pair(&pair))))
}

/// The opening tag of a snippet, to point at (`<div class="x">` → `<div`).
fn first_tag(snippet: &str) -> &str {
    let end = snippet[1..]
        .find(|c: char| c.is_whitespace() || c == '>' || c == '<')
        .map_or(snippet.len(), |i| i + 1);
    &snippet[..end]
}

fn shorten(snippet: &str) -> String {
    let line = snippet.lines().next().unwrap_or_default();
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(60).collect::<String>())
    } else {
        line.to_string()
    }
}

/// Whether a required text field is empty or only whitespace.
pub fn check_not_blank(source: &Source, fields: &[(&str, &str)], diagnostics: &mut Diagnostics) {
    for (field, text) in fields {
        if text.trim().is_empty() {
            diagnostics.push(
                source
                    .diagnostic_at(field, None, format!("`{field}` is empty"))
                    .help(format!(
                        "write the {field}; every text field needs content (see CONTRIBUTING.md)"
                    )),
            );
        }
    }
}

/// The text of `_protocol.yaml`: required fields, summary markdown, references.
pub fn check_protocol_text(
    file: &ProtocolFile,
    source: &Source,
    diagnostics: &mut Diagnostics,
    pending: &mut Vec<PendingLink>,
) {
    let mut required = vec![
        ("id", file.id.as_str()),
        ("name", file.name.as_str()),
        ("title", file.title.as_str()),
        ("summary", file.summary.as_str()),
    ];
    for class in file.classes.values().chain(file.categories.values()) {
        required.push(("name", class.name.as_str()));
        required.push(("summary", class.summary.as_str()));
    }
    check_not_blank(source, &required, diagnostics);
    let mut checker = FieldChecker {
        source,
        base: format!("/{}/", file.id),
        diagnostics,
        pending,
    };
    checker.markdown("summary", &file.summary);
    checker.references(&file.references);
}

/// The text of a code file: required fields, markdown fields, references.
pub fn check_code_text(
    protocol: &str,
    code: &Code,
    source: &Source,
    diagnostics: &mut Diagnostics,
    pending: &mut Vec<PendingLink>,
) {
    let markdown = [
        ("description", code.description.as_str()),
        ("seen_when", code.seen_when.as_str()),
        ("fix", code.fix.as_str()),
    ];
    let mut required = vec![
        ("code", code.code.as_str()),
        ("name", code.name.as_str()),
        ("summary", code.summary.as_str()),
    ];
    required.extend(markdown);
    for reference in &code.references {
        required.push(("references", reference.title.as_str()));
    }
    check_not_blank(source, &required, diagnostics);
    let mut checker = FieldChecker {
        source,
        base: format!("/{protocol}/{}/", code.code),
        diagnostics,
        pending,
    };
    for (field, text) in markdown {
        checker.markdown(field, text);
    }
    checker.references(&code.references);
}
