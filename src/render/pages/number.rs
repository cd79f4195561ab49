//! The number page `/codes/<number>/`: one number (421) as every protocol
//! that defines it means it, side by side, with how to tell which one a
//! reader has. Also the "also in" links of code pages.

use serde::Serialize;

use super::super::context::{CodeLink, Crumb, Page};
use super::super::{PageId, Renderer};
use super::{Head, code_link, crumb_home, wrap};
use crate::i18n::{Arg, Text};
use crate::urls::Route;

#[derive(Serialize)]
pub struct NumberPage {
    pub number: String,
    pub entries: Vec<NumberEntry>,
}

/// One protocol's code with this number.
#[derive(Serialize)]
pub struct NumberEntry {
    pub protocol: String,
    pub protocol_title: Text,
    pub seen_in: Option<Text>,
    pub class: Text,
    pub class_label: String,
    pub link: CodeLink,
}

pub fn number<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    number: &str,
) -> Page<'r, NumberPage> {
    let entries = entries(r, locale, number, None);
    let heading = title(r, locale, number, "number-title");
    let head = Head {
        title: format!("{} — {}", heading.text, r.title(locale).text),
        heading,
        description: title(r, locale, number, "number-meta").text,
        crumbs: vec![
            crumb_home(r, locale),
            Crumb::owned(
                Text::native(number),
                r.urls.path(locale, &Route::Number(number)),
            ),
        ],
        og_type: "article",
    };
    let body = NumberPage {
        number: number.to_string(),
        entries,
    };
    wrap(r, locale, page, head, body)
}

/// Every protocol's code with `number`, except the one of protocol `except`.
pub fn entries(r: &Renderer, locale: &str, number: &str, except: Option<&str>) -> Vec<NumberEntry> {
    let local = r.local(locale);
    r.site
        .with_number(number)
        .into_iter()
        .filter(|(p, _)| Some(p.id.as_str()) != except)
        .filter_map(|(source, code)| {
            let p = local.protocols.iter().find(|p| p.id == source.id)?;
            let c = p.code(&code.code)?;
            Some(NumberEntry {
                protocol: p.name.clone(),
                protocol_title: p.title.clone(),
                seen_in: p.seen_in.clone(),
                class: c.class.name.clone(),
                class_label: c.class.label.clone(),
                link: code_link(c),
            })
        })
        .collect()
}

/// A pattern about one number (`number-title`, `number-meta`): `$number` and
/// the names of the protocols that define it.
pub fn title(r: &Renderer, locale: &str, number: &str, id: &str) -> Text {
    let names: Vec<&str> = r
        .site
        .with_number(number)
        .iter()
        .map(|(p, _)| p.name.as_str())
        .collect();
    let protocols = names.join(", ");
    r.t(
        locale,
        id,
        &[
            ("number", Arg::Str(number)),
            ("protocols", Arg::Str(&protocols)),
        ],
    )
}

/// The number page of a code, when its number is shared with another protocol.
pub fn page_of(r: &Renderer, locale: &str, number: Option<&str>) -> Option<String> {
    let number = number?;
    r.site
        .shared_numbers
        .iter()
        .any(|n| n == number)
        .then(|| r.urls.path(locale, &Route::Number(number)))
}
