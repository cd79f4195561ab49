//! Markdown from contributors to safe HTML, and to plain text.
//!
//! pulldown-cmark renders; ammonia then removes raw HTML that could run
//! script and limits link URLs to http, https, mailto and relative ones, so a
//! pull request cannot inject script into the site.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    crate::content::markdown::OPTIONS
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder.url_schemes(HashSet::from(["http", "https", "mailto"]));
        builder.link_rel(Some("noopener noreferrer"));
        builder
    })
}

/// Safe HTML for a markdown field.
pub fn to_html(markdown: &str) -> String {
    static SEEN: Memo = Memo::new();
    SEEN.get_or(markdown, || {
        let mut raw = String::with_capacity(markdown.len() * 3 / 2);
        html::push_html(&mut raw, Parser::new_ext(markdown, options()));
        sanitizer().clean(&raw).to_string()
    })
}

/// Results of a pure function of a text, remembered for the life of the
/// process: `serve` localizes the whole site again after each edit, and
/// then only the edited texts are new (sanitizing is most of the cost).
struct Memo(OnceLock<Mutex<HashMap<String, String>>>);

/// Texts remembered per function (a site has a few per code and locale);
/// past it a long `serve` session forgets everything and starts again.
const MEMO_LIMIT: usize = 100_000;

impl Memo {
    const fn new() -> Memo {
        Memo(OnceLock::new())
    }

    fn get_or(&self, text: &str, make: impl FnOnce() -> String) -> String {
        let seen = self.0.get_or_init(Mutex::default);
        let lock = || seen.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(done) = lock().get(text) {
            return done.clone();
        }
        let done = make();
        let mut seen = lock();
        if seen.len() >= MEMO_LIMIT {
            seen.clear();
        }
        seen.insert(text.to_string(), done.clone());
        done
    }
}

/// The text of a markdown field without markup, for meta descriptions and
/// search.
pub fn to_plain(markdown: &str) -> String {
    static SEEN: Memo = Memo::new();
    SEEN.get_or(markdown, || plain(markdown))
}

fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            Event::Start(Tag::Item) if !out.is_empty() && !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of a markdown field, as plain text.
pub fn first_sentence(markdown: &str) -> String {
    let plain = to_plain(markdown);
    let end = plain
        .match_indices(['.', '!', '?', '。'])
        .map(|(i, s)| i + s.len())
        .find(|&end| plain[end..].is_empty() || plain[end..].starts_with(' '));
    match end {
        Some(end) => plain[..end].to_string(),
        None => plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_javascript_links_are_removed() {
        let html = to_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](/ftp/125/)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"/ftp/125/\""), "{html}");
    }

    #[test]
    fn plain_text_and_first_sentence() {
        assert_eq!(to_plain("Use `PASV`.\n\n- one\n- two"), "Use PASV. one two");
        assert_eq!(
            first_sentence("The server sends `PASV` replies. Then more."),
            "The server sends PASV replies."
        );
        assert_eq!(first_sentence("v1.2 is fine"), "v1.2 is fine");
    }
}
