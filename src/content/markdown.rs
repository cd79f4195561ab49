//! What contributors may write in markdown and in reference URLs.
//!
//! Content is checked where it enters, so that nothing unsafe or broken can
//! reach a page: a link or reference is `https`/`http` (or `mailto` in
//! markdown) or a relative link to a page of the site, and raw HTML is an
//! error rather than something a sanitizer silently drops. The render stage
//! parses markdown with the same `OPTIONS`, so what is checked here is what
//! is rendered there.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// The markdown dialect of every field (checked here, rendered in `render`).
pub const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// Something in a markdown field that needs a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Raw HTML, as written.
    Html(String),
    /// The destination of a link or an image.
    Link(String),
}

/// Every raw HTML snippet and link destination of a markdown field, in order.
pub fn scan(markdown: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let snippet = html.trim();
                if !snippet.is_empty() {
                    found.push(Found::Html(snippet.to_string()));
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                found.push(Found::Link(dest_url.to_string()))
            }
            _ => {}
        }
    }
    found
}

/// How a URL may be used, by where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// `references:` entries: absolute `https`/`http` only.
    Reference,
    /// Links in markdown: also `mailto:` and links relative to the page.
    Markdown,
}

/// A URL that passed the scheme check: external, or a site path still to be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    External,
    Relative(String),
}

/// Checks a URL's form; the error is a sentence for the contributor.
pub fn check_url(url: &str, usage: UrlUse) -> Result<Target, String> {
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Err("the link has no URL".into());
    }
    if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{url}` contains spaces or control characters"));
    }
    match scheme(trimmed) {
        Some(scheme) => check_absolute(trimmed, &scheme, usage),
        None if usage == UrlUse::Reference => {
            Err(format!("`{url}` is not an absolute https or http URL"))
        }
        None if trimmed.starts_with("//") => Err(format!(
            "`{url}` is protocol-relative; write https:// in full"
        )),
        None => Ok(Target::Relative(trimmed.to_string())),
    }
}

fn check_absolute(url: &str, scheme: &str, usage: UrlUse) -> Result<Target, String> {
    let allowed = match usage {
        UrlUse::Reference => &["https", "http"][..],
        UrlUse::Markdown => &["https", "http", "mailto"][..],
    };
    if !allowed.contains(&scheme) {
        return Err(format!(
            "`{scheme}:` links are not allowed (only {})",
            allowed.join(", ")
        ));
    }
    let parsed =
        url::Url::parse(url).map_err(|err| format!("`{url}` is not a valid URL: {err}"))?;
    if scheme != "mailto" && parsed.host_str().is_none_or(|h| !h.contains('.')) {
        return Err(format!("`{url}` has no host name"));
    }
    Ok(Target::External)
}

/// The scheme of `url` (lower-cased) when it has one, as browsers read it.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let first_other = url.find(['/', '?', '#']).unwrap_or(usize::MAX);
    let is_scheme = colon < first_other
        && candidate.starts_with(|c: char| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| candidate.to_ascii_lowercase())
}

/// Resolves a relative link written on the page at `base` (a site path such as
/// `/ftp/125/`) to the site path it points at, without query or fragment.
pub fn resolve(base: &str, relative: &str) -> Option<String> {
    let root = url::Url::parse("https://site.invalid").ok()?;
    let page = root.join(base).ok()?;
    let target = page.join(relative).ok()?;
    (target.host_str() == Some("site.invalid")).then(|| target.path().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_html_and_links() {
        let found = scan("a <b>x</b> [l](/ftp/125/) ![i](https://e.org/i.png)\n\n<div>y</div>\n");
        assert_eq!(
            found,
            vec![
                Found::Html("<b>".into()),
                Found::Html("</b>".into()),
                Found::Link("/ftp/125/".into()),
                Found::Link("https://e.org/i.png".into()),
                Found::Html("<div>y</div>".into()),
            ]
        );
    }

    #[test]
    fn urls_by_use() {
        use UrlUse::*;
        assert_eq!(
            check_url("https://www.rfc-editor.org/rfc/rfc959", Reference),
            Ok(Target::External)
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "ftp//bad",
            "/ftp/125/",
            "data:text/html,x",
            "https://",
            "vbscript:x",
        ] {
            assert!(check_url(bad, Reference).is_err(), "{bad}");
        }
        assert_eq!(
            check_url("mailto:a@example.org", Markdown),
            Ok(Target::External)
        );
        assert_eq!(
            check_url("../426/", Markdown),
            Ok(Target::Relative("../426/".into()))
        );
        assert!(check_url("javascript:alert(1)", Markdown).is_err());
        assert!(check_url("//evil.example/x", Markdown).is_err());
    }

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve("/ftp/125/", "../426/").as_deref(),
            Some("/ftp/426/")
        );
        assert_eq!(
            resolve("/ftp/125/", "/smtp/550/#x").as_deref(),
            Some("/smtp/550/")
        );
        assert_eq!(resolve("/ftp/", "426/").as_deref(), Some("/ftp/426/"));
    }
}
