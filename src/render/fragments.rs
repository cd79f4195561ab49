//! Parts of pages that are the same wherever they appear, rendered once.
//!
//! A code's column on a comparison page (`compare-column.html`: its name,
//! standing, description, when you see it, how to fix it) depends on the
//! code, the locale and the side only, yet it sits on every comparison of the
//! code: N − 1 pages per locale. It is rendered the first time a page needs
//! it and pasted into every later one, so `build` renders it once and `serve`
//! only for the pages someone opens.

use std::sync::OnceLock;

use serde::Serialize;

use super::Renderer;
use super::lend::{Lender, PageData, Place};
use crate::diag::Diagnostic;
use crate::urls::Route;

/// Which column: the first code of a pair is `a`, the second `b`.
#[derive(Clone, Copy)]
pub enum Side {
    A = 0,
    B = 1,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
}

/// What `compare-column.html` can print besides `c` (the code) and `ui`.
#[derive(Serialize)]
struct Column<'a> {
    side: &'static str,
    protocol: &'a str,
    /// The code's page in the source locale, where outdated notices point;
    /// absent on source-locale pages.
    source_href: Option<String>,
}

/// One column per locale, protocol, code and side, rendered on first use.
pub type Columns = Vec<Vec<[OnceLock<Result<Lender, Diagnostic>>; 2]>>;

pub fn columns(codes_per_protocol: impl Iterator<Item = usize>) -> Columns {
    codes_per_protocol
        .map(|n| (0..n).map(|_| Default::default()).collect())
        .collect()
}

impl Renderer {
    /// The column of code `ci` of protocol `pi` on `side`, as a lent string.
    pub(super) fn column(
        &self,
        locale: &str,
        (pi, ci): (usize, usize),
        side: Side,
    ) -> Result<&Lender, Diagnostic> {
        self.lent[locale].columns[pi][ci][side as usize]
            .get_or_init(|| self.render_column(locale, (pi, ci), side))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn render_column(
        &self,
        locale: &str,
        (pi, ci): (usize, usize),
        side: Side,
    ) -> Result<Lender, Diagnostic> {
        let protocol = &self.site.protocols[pi];
        let source = &self.config.default_locale;
        let column = Column {
            side: side.name(),
            protocol: &protocol.name,
            source_href: (locale != source).then(|| {
                self.urls
                    .path(source, &Route::Code(&protocol.id, &protocol.codes[ci].code))
            }),
        };
        let own = match serde_json::to_value(column) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => return Err(Diagnostic::new("cannot build the column context")),
        };
        let mut data = PageData {
            template: "compare-column.html",
            own,
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
