//! Comparison and code pages written without Tera, when the templates are
//! the built-in ones.
//!
//! Nine pages in ten are comparisons, and most of a comparison's CPU went to
//! Tera: its data serialized into JSON values, then every dotted name looked
//! up in them (the profile in `bench/README.md`). When the site's
//! `base.html`, `compare.html`, `code.html` and `macros.html` parse to the
//! same syntax trees as the copies built into this program, `compare` and
//! `code` produce the bytes those templates would, straight from the typed
//! page; a site that changes any of the four gets Tera as before. A code's
//! column and badge on comparisons (`fragments.rs`, once per code) are
//! checked on their own (`compare-column.html`, `compare-badge.html` and
//! `macros.html`): editing a column keeps the pages compiled and renders
//! only the columns with Tera. `tests/compiled.rs` renders every comparison
//! and code page of real sites both ways and compares the bytes: a change
//! to a mirrored template must be mirrored here, and that test fails until
//! it is.
//!
//! Tera's rules this follows: values are escaped with the site's escape
//! function unless the template says `safe`; a missing value is an error
//! (here: the page goes to Tera, which reports it); an empty string or list
//! and `null` are false in `if`.

use std::sync::OnceLock;

mod base;
mod code;
mod compare;
mod macros;
mod parts;

use serde::Serialize;

use super::context::{CodePage, ComparePage, Page, UiStrings};
use super::localized::LocalCode;
use crate::i18n::{Text, escape_html_into};

const BUILT_IN: [(&str, &str); 6] = [
    ("base.html", include_str!("../../../templates/base.html")),
    ("code.html", include_str!("../../../templates/code.html")),
    (
        "compare.html",
        include_str!("../../../templates/compare.html"),
    ),
    (
        "compare-badge.html",
        include_str!("../../../templates/compare-badge.html"),
    ),
    (
        "compare-column.html",
        include_str!("../../../templates/compare-column.html"),
    ),
    (
        "macros.html",
        include_str!("../../../templates/macros.html"),
    ),
];

/// The templates comparison and code pages are written from.
const PAGES: [&str; 4] = ["base.html", "code.html", "compare.html", "macros.html"];
/// The templates of a code's column and badge on comparisons.
const PARTS: [&str; 3] = ["compare-badge.html", "compare-column.html", "macros.html"];

/// What `compiled/` writes for the loaded templates: the pages (comparisons
/// and code pages) when the templates of `PAGES` are built in, the parts
/// when those of `PARTS` are. Editing a column leaves the pages compiled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Compiled {
    pub pages: bool,
    pub parts: bool,
}

impl Compiled {
    /// What `sources` (name, text) hold byte for byte as built in: then
    /// `tera` holds them too, and they need not be parsed to compare.
    pub fn by_text(sources: &[(String, String)]) -> Compiled {
        let same = |names: &[&str]| {
            names.iter().all(|name| {
                let built_in = BUILT_IN.iter().find(|(n, _)| n == name).map(|(_, t)| *t);
                sources
                    .iter()
                    .any(|(loaded, source)| loaded == name && Some(source.as_str()) == built_in)
            })
        };
        Compiled {
            pages: same(&PAGES),
            parts: same(&PARTS),
        }
    }

    /// `self`, plus what `tera` holds with the built-in syntax trees (a
    /// template can differ in text and not in tree: a comment, say).
    pub fn or_same_trees(self, tera: &tera::Tera) -> Compiled {
        if self.pages && self.parts {
            return self;
        }
        let same = built_in_trees(tera);
        Compiled {
            pages: self.pages || PAGES.iter().all(|name| same.contains(name)),
            parts: self.parts || PARTS.iter().all(|name| same.contains(name)),
        }
    }
}

/// The built-in templates `tera` holds with the same syntax trees.
fn built_in_trees(tera: &tera::Tera) -> Vec<&'static str> {
    static PARSED: OnceLock<Vec<tera::Template>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        BUILT_IN
            .iter()
            .filter_map(|(name, source)| tera::Template::new(name, None, source).ok())
            .collect()
    });
    let same = |built: &tera::Template| {
        tera.get_template(&built.name).is_ok_and(|loaded| {
            loaded.ast == built.ast
                && loaded.macros == built.macros
                && loaded.parent == built.parent
                && loaded.imported_macro_files == built.imported_macro_files
        })
    };
    BUILT_IN
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| {
            parsed
                .iter()
                .any(|built| built.name == *name && same(built))
        })
        .collect()
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

/// `compare-column.html` for code `c` on `side` of comparisons in a protocol
/// named `protocol`; `source_href` is the code's source-locale page.
pub fn column(
    c: &LocalCode,
    ui: &UiStrings,
    (side, protocol): (&str, &str),
    source_href: Option<&str>,
) -> Result<String, Missing> {
    let mut out = Out::new(
        c.description.html.len() + c.seen_when.html.len() + c.fix.html.len() + 2048,
        ui,
    );
    parts::column(&mut out, c, (side, protocol), source_href)?;
    Ok(out.html)
}

/// `compare-badge.html` for code `c`.
pub fn badge(c: &LocalCode, ui: &UiStrings) -> Result<String, Missing> {
    let mut out = Out::new(256, ui);
    parts::badge(&mut out, c)?;
    Ok(out.html)
}

/// `base.html` around a content block.
fn base<T: Serialize>(
    page: &Page<'_, T>,
    capacity: usize,
    content: impl FnOnce(&mut Out) -> Result<(), Missing>,
) -> Result<String, Missing> {
    let mut out = Out::new(capacity, page.ui);
    base::head(&mut out, page)?;
    base::header(&mut out, page)?;
    out.raw("<main id=\"main\">\n");
    if let Some(partial) = &page.partial {
        out.raw("<p class=\"notice partial-notice\" role=\"note\">");
        out.raw(&partial.html);
        out.raw(" <a href=\"");
        out.esc(page.source_href.as_deref().unwrap_or_default());
        out.raw("\" hreflang=\"");
        out.esc(page.alternates.first().ok_or(Missing)?.hreflang);
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
    ui: &'a UiStrings,
}

impl<'a> Out<'a> {
    fn new(capacity: usize, ui: &'a UiStrings) -> Out<'a> {
        Out {
            html: String::with_capacity(capacity),
            ui,
        }
    }

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
