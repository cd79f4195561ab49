//! Comparison and code pages written without Tera, when the templates are
//! the built-in ones.
//!
//! Nine pages in ten are comparisons, and most of a comparison's CPU went to
//! Tera: its data serialized into JSON values, then every dotted name looked
//! up in them (the profile in `bench/README.md`). When the site's
//! `base.html`, `compare.html`, `code.html` and `macros.html` parse to the
//! same syntax trees as the copies built into this program, `compare` and
//! `code` produce the bytes those templates would, straight from the typed
//! page; a site that changes any of the four gets Tera as before. The
//! columns and badges of comparisons stay Tera fragments (`fragments.rs`,
//! once per code), so their templates can change freely.
//! `tests/compiled.rs` renders every comparison and code page of real sites
//! both ways and compares the bytes: a change to one of the four templates
//! must be mirrored here, and that test fails until it is.
//!
//! Tera's rules this follows: values are escaped with the site's escape
//! function unless the template says `safe`; a missing value is an error
//! (here: the page goes to Tera, which reports it); an empty string or list
//! and `null` are false in `if`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

mod base;
mod code;
mod compare;
mod macros;

use serde::Serialize;

use super::context::{CodePage, ComparePage, Page};
use crate::i18n::{Text, escape_html_into};

const BUILT_IN: [(&str, &str); 4] = [
    ("base.html", include_str!("../../../templates/base.html")),
    ("code.html", include_str!("../../../templates/code.html")),
    (
        "compare.html",
        include_str!("../../../templates/compare.html"),
    ),
    (
        "macros.html",
        include_str!("../../../templates/macros.html"),
    ),
];

/// Whether `sources` (name, text) hold the built-in base, code, comparison
/// and macro templates byte for byte: then `tera` holds them too, and
/// `built_in` need not parse the copies to compare.
pub fn same_text(sources: &[(String, String)]) -> bool {
    BUILT_IN.iter().all(|(name, text)| {
        sources
            .iter()
            .any(|(loaded, source)| loaded == name && source == text)
    })
}

/// Whether `tera` holds the built-in base, code, comparison and macro
/// templates, so that `compare` and `code` make what Tera would.
pub fn built_in(tera: &tera::Tera) -> bool {
    static PARSED: OnceLock<Vec<tera::Template>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        BUILT_IN
            .iter()
            .filter_map(|(name, source)| tera::Template::new(name, None, source).ok())
            .collect()
    });
    parsed.len() == BUILT_IN.len()
        && parsed.iter().all(|built| {
            tera.get_template(&built.name).is_ok_and(|loaded| {
                loaded.ast == built.ast
                    && loaded.macros == built.macros
                    && loaded.parent == built.parent
                    && loaded.imported_macro_files == built.imported_macro_files
            })
        })
}

/// The fragments a comparison pastes in, rendered once per code.
pub struct Parts<'a> {
    pub column_a: &'a str,
    pub column_b: &'a str,
    pub badge_a: &'a str,
    pub badge_b: &'a str,
}

/// A UI string the templates use is missing: Tera renders the page instead,
/// and reports the error as it always has.
pub struct Missing;

/// The page as `compare.html` would write it.
pub fn compare(page: &Page<'_, ComparePage<'_>>, parts: &Parts) -> Result<String, Missing> {
    base(page, 24 * 1024, |out| compare::article(out, page, parts))
}

/// The page as `code.html` would write it.
pub fn code(page: &Page<'_, CodePage<'_>>) -> Result<String, Missing> {
    base(page, 64 * 1024, |out| code::article(out, page))
}

/// `base.html` around a content block.
fn base<T: Serialize>(
    page: &Page<'_, T>,
    capacity: usize,
    content: impl FnOnce(&mut Out) -> Result<(), Missing>,
) -> Result<String, Missing> {
    let mut out = Out {
        html: String::with_capacity(capacity),
        ui: page.ui,
    };
    base::head(&mut out, page)?;
    base::header(&mut out, page)?;
    out.raw("<main id=\"main\">\n");
    if let Some(partial) = &page.partial {
        out.raw("<p class=\"notice partial-notice\" role=\"note\">");
        out.raw(&partial.html);
        out.raw(" <a href=\"");
        out.esc(page.source_href.as_deref().unwrap_or_default());
        out.raw("\" hreflang=\"");
        out.esc(&page.alternates.first().ok_or(Missing)?.hreflang);
        out.raw("\">");
        out.html_of("source_link")?;
        out.raw("</a></p>\n");
    }
    content(&mut out)?;
    out.raw("\n</main>\n<footer class=\"site-footer\">\n  <p>");
    out.html_of("footer_text")?;
    out.raw("</p>\n</footer>\n</body>\n</html>\n");
    Ok(out.html)
}

struct Out<'a> {
    html: String,
    ui: &'a BTreeMap<String, Text>,
}

impl<'a> Out<'a> {
    fn raw(&mut self, html: &str) {
        self.html.push_str(html);
    }

    fn esc(&mut self, text: &str) {
        escape_html_into(&mut self.html, text);
    }

    fn ui(&self, key: &str) -> Result<&'a Text, Missing> {
        self.ui.get(key).ok_or(Missing)
    }

    /// `{{ ui.<key>.html | safe }}`
    fn html_of(&mut self, key: &str) -> Result<(), Missing> {
        let text = self.ui(key)?;
        self.raw(&text.html);
        Ok(())
    }

    /// `{{ ui.<key>.text }}`
    fn text_of(&mut self, key: &str) -> Result<(), Missing> {
        let text = self.ui(key)?;
        self.esc(&text.text);
        Ok(())
    }

    /// `before`, then an opening `<a href="…">` with `href` escaped.
    fn a_href(&mut self, before: &str, href: &str) {
        self.tags(&[before, "<a href=\""]);
        self.esc(href);
        self.raw("\">");
    }

    /// Several pieces of HTML in a row.
    fn tags(&mut self, parts: &[&str]) {
        for part in parts {
            self.raw(part);
        }
    }
}
