//! Parts of pages that are the same wherever they appear, rendered once.
//!
//! A code's column on a comparison page (`compare-column.html`: its name,
//! standing, description, when you see it, how to fix it) and its class badge
//! (`compare-badge.html`) depend on the code, the locale and the side only,
//! yet they sit on every comparison of the code: N − 1 pages per locale. Each
//! is rendered the first time a page needs it and pasted into every later
//! one, so `build` renders it once and `serve` only for the pages someone
//! opens. With the built-in templates it is written by `compiled/`, which
//! costs a comparison site a few percent less CPU than Tera would (each
//! column took Tera about 20 µs); an edited template gets Tera.

use std::sync::OnceLock;

use serde::Serialize;

use super::Renderer;
use super::lend::{Lender, PageData, Place, own};
use crate::diag::Diagnostic;
use crate::urls::Route;

/// A part of a comparison page made from one code: its column on the side
/// of the first code of the pair (`a`) or the second (`b`), or its badge.
#[derive(Clone, Copy)]
pub enum Part {
    ColumnA = 0,
    ColumnB = 1,
    Badge = 2,
}

impl Part {
    fn template(self) -> &'static str {
        match self {
            Part::ColumnA | Part::ColumnB => "compare-column.html",
            Part::Badge => "compare-badge.html",
        }
    }

    fn side(self) -> &'static str {
        match self {
            Part::ColumnB => "b",
            _ => "a",
        }
    }
}

/// What `compare-column.html` and `compare-badge.html` can print besides `c`
/// (the code) and `ui`.
#[derive(Serialize)]
struct Column<'a> {
    side: &'static str,
    protocol: &'a str,
    /// The code's page in the source locale, where outdated notices point;
    /// absent on source-locale pages.
    source_href: Option<String>,
}

/// Every part per locale, protocol and code, rendered on first use.
pub type Parts = Vec<Vec<[OnceLock<Result<Lender, Diagnostic>>; 3]>>;

pub fn parts(codes_per_protocol: impl Iterator<Item = usize>) -> Parts {
    codes_per_protocol
        .map(|n| (0..n).map(|_| Default::default()).collect())
        .collect()
}

impl Renderer {
    /// A part made from code `ci` of protocol `pi`, as a lent string.
    pub(super) fn part(
        &self,
        locale: &str,
        (pi, ci): (usize, usize),
        part: Part,
    ) -> Result<&Lender, Diagnostic> {
        self.lent[locale].parts[pi][ci][part as usize]
            .get_or_init(|| self.render_part(locale, (pi, ci), part))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn render_part(
        &self,
        locale: &str,
        (pi, ci): (usize, usize),
        part: Part,
    ) -> Result<Lender, Diagnostic> {
        let protocol = &self.site.protocols[pi];
        let source = &self.config.default_locale;
        let source_href = (locale != source).then(|| {
            self.urls
                .path(source, &Route::Code(&protocol.id, &protocol.codes[ci].code))
        });
        if self.compiled_parts {
            let (c, ui) = (&self.local(locale).protocols[pi].codes[ci], self.ui(locale));
            let written = match part {
                Part::Badge => super::compiled::badge(c, ui),
                _ => super::compiled::column(
                    c,
                    ui,
                    (part.side(), &protocol.name),
                    source_href.as_deref(),
                ),
            };
            // A missing UI string: Tera renders the part, and says so.
            if let Ok(html) = written {
                return Ok(Lender::new(&html));
            }
        }
        let column = Column {
            side: part.side(),
            protocol: &protocol.name,
            source_href,
        };
        let mut data = PageData {
            template: part.template(),
            own: own(column).map_err(|err| {
                Diagnostic::new(format!("cannot build the column context: {err}"))
            })?,
            loans: vec![
                (Place::Top("c"), self.lent(locale, (pi, ci))),
                (Place::Top("ui"), self.lent_ui(locale)),
            ],
        };
        let mut html = Vec::new();
        self.render_data(&mut data, &mut html)?;
        let html = String::from_utf8(html).map_err(|err| Diagnostic::new(err.to_string()))?;
        Ok(Lender::new(&html))
    }
}
