//! Content in one locale: every text looked up (with fallback) and every
//! markdown field rendered once, before any page is rendered.

use std::collections::HashMap;

use super::standing::StandingBadge;
use rayon::prelude::*;
use serde::Serialize;

use super::markdown;
use crate::content::{Class, Code, Protocol, Reference, Site};
use crate::i18n::{Arg, Catalog, Lookup, Text, ids};
use crate::urls::{Route, Urls};

#[derive(Debug, Clone, Serialize)]
pub struct LocalClass {
    pub digit: String,
    /// The family of codes it names: `4xx`, `x2x`, `5.x.x`, `x.7.x`.
    pub label: String,
    pub name: Text,
    pub summary: Text,
}

/// A code with every field in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct LocalCode {
    pub code: String,
    pub name: Text,
    pub summary: Text,
    pub description: Text,
    pub seen_when: Text,
    pub fix: Text,
    /// The first sentence of `seen_when`, for the key-differences list.
    pub when: Text,
    /// The first sentence of `fix`, for "when to use which".
    pub fix_first: Text,
    pub class: LocalClass,
    pub category: Option<LocalClass>,
    pub references: Vec<Reference>,
    pub related: Vec<String>,
    pub standing: Option<StandingBadge>,
    pub url: String,
    /// "FTP 125 Data Connection Open" (`code-title`), a heading and link text.
    pub title: Text,
    /// The code's line in "when to use which" (`which-item`).
    pub which: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocalProtocol {
    pub id: String,
    pub name: String,
    pub title: Text,
    pub summary: Text,
    /// Where a reader meets this protocol's codes (number pages).
    pub seen_in: Option<Text>,
    pub references: Vec<Reference>,
    pub classes: Vec<LocalClass>,
    pub codes: Vec<LocalCode>,
    pub url: String,
    /// Where each code is in `codes`: pages look codes up by name thousands
    /// of times.
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl LocalProtocol {
    pub fn code(&self, code: &str) -> Option<&LocalCode> {
        self.codes.get(self.position(code)?)
    }

    pub fn position(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }
}

/// The whole site's content in one locale.
pub struct LocalSite {
    pub locale: String,
    pub protocols: Vec<LocalProtocol>,
}

pub fn localize(site: &Site, catalog: &Catalog, urls: &Urls, locale: &str) -> LocalSite {
    let protocols = site
        .protocols
        .iter()
        .map(|protocol| localize_protocol(protocol, catalog, urls, (locale, &site.today)))
        .collect();
    LocalSite {
        locale: locale.to_string(),
        protocols,
    }
}

/// `(locale, today)`: the locale, and the date standings are judged on.
fn localize_protocol(
    protocol: &Protocol,
    catalog: &Catalog,
    urls: &Urls,
    (locale, today): (&str, &str),
) -> LocalProtocol {
    let source = &catalog.source_locale;
    let plain = |id: String, text: &str| plain_text(catalog.content(locale, &id, text), source);
    let class = |table: &str, digit: &str, class: &Class| {
        let id = |field| match table {
            "class" => ids::class_field(protocol, digit, field),
            _ => ids::category_field(protocol, digit, field),
        };
        let label = match table {
            "class" => protocol.code_form.class_label(digit),
            _ => protocol.code_form.category_label(digit),
        };
        LocalClass {
            digit: digit.to_string(),
            label,
            name: plain(id("name"), &class.name),
            summary: plain(id("summary"), &class.summary),
        }
    };
    let classes: Vec<LocalClass> = protocol
        .classes
        .iter()
        .map(|(d, c)| class("class", d, c))
        .collect();
    let categories: Vec<LocalClass> = protocol
        .categories
        .iter()
        .map(|(d, c)| class("category", d, c))
        .collect();
    let find = |list: &[LocalClass], digit: String| list.iter().find(|c| c.digit == digit).cloned();
    // In parallel: markdown and its sanitizing are most of a build's work
    // before the first page (a 45-code site: about a tenth of the build).
    let codes: Vec<LocalCode> = protocol
        .codes
        .par_iter()
        .map(|code| {
            // Validation guarantees the class exists; the default only keeps this total.
            let class = find(&classes, code.class()).unwrap_or_else(|| LocalClass {
                label: protocol.code_form.class_label(&code.class()),
                digit: code.class(),
                name: Text::default(),
                summary: Text::default(),
            });
            let category = find(&categories, code.category());
            localize_code(
                protocol,
                code,
                (class, category),
                catalog,
                urls,
                (locale, today),
            )
        })
        .collect();
    LocalProtocol {
        id: protocol.id.clone(),
        name: protocol.name.clone(),
        title: plain(ids::protocol_field(protocol, "title"), &protocol.title),
        summary: rich_text(
            catalog.content(
                locale,
                &ids::protocol_field(protocol, "summary"),
                &protocol.summary,
            ),
            source,
        ),
        seen_in: protocol
            .seen_in
            .as_ref()
            .map(|text| plain(ids::protocol_field(protocol, "seen_in"), text)),
        references: protocol.references.clone(),
        classes,
        index: codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect(),
        codes,
        url: urls.path(locale, &Route::Protocol(&protocol.id)),
    }
}

fn localize_code(
    protocol: &Protocol,
    code: &Code,
    (class, category): (LocalClass, Option<LocalClass>),
    catalog: &Catalog,
    urls: &Urls,
    (locale, today): (&str, &str),
) -> LocalCode {
    let source = &catalog.source_locale;
    let lookup = |field: &str, text: &str| {
        catalog.content(locale, &ids::code_field(protocol, code, field), text)
    };
    let seen_when = lookup("seen_when", &code.seen_when);
    let fix = lookup("fix", &code.fix);
    let first_sentence = |lookup: &Lookup| Lookup {
        value: markdown::first_sentence(&lookup.value),
        ..lookup.clone()
    };
    let when = first_sentence(&seen_when);
    let fix_first = first_sentence(&fix);
    let mut local = LocalCode {
        code: code.code.clone(),
        name: plain_text(lookup("name", &code.name), source),
        summary: plain_text(lookup("summary", &code.summary), source),
        description: rich_text(lookup("description", &code.description), source),
        seen_when: rich_text(seen_when, source),
        fix: rich_text(fix, source),
        when: plain_text(when, source),
        fix_first: plain_text(fix_first, source),
        class,
        category,
        references: code.references.clone(),
        related: code.related.clone(),
        standing: super::standing::badge(catalog, locale, code, today),
        url: urls.path(locale, &Route::Code(&protocol.id, &code.code)),
        title: Text::default(),
        which: Text::default(),
    };
    let (title, which) = {
        let args = code_args(&protocol.name, &local);
        (
            catalog.message(locale, "code-title", &args),
            catalog.message(locale, "which-item", &args),
        )
    };
    local.title = title;
    local.which = which;
    local
}

/// The variables a sentence about one code can use.
pub fn code_args<'c>(protocol: &'c str, code: &'c LocalCode) -> [(&'static str, Arg<'c>); 8] {
    [
        ("protocol", Arg::Str(protocol)),
        ("code", Arg::Str(&code.code)),
        ("name", Arg::Text(&code.name)),
        ("summary", Arg::Text(&code.summary)),
        ("class", Arg::Text(&code.class.name)),
        ("digit", Arg::Str(&code.class.digit)),
        ("class_form", Arg::Str(&code.class.label)),
        ("fix", Arg::Text(&code.fix_first)),
    ]
}

/// Plain text, marked when it fell back.
pub fn plain_text(lookup: Lookup, source_locale: &str) -> Text {
    let text = if lookup.fell_back {
        Text::fallback(&lookup.value, source_locale)
    } else {
        Text::native(&lookup.value)
    };
    Text {
        outdated: lookup.outdated,
        ..text
    }
}

/// Markdown: HTML in `html` (in a `lang` block when it fell back), plain text in `text`.
pub fn rich_text(lookup: Lookup, source_locale: &str) -> Text {
    let html = markdown::to_html(&lookup.value);
    Text {
        text: markdown::to_plain(&lookup.value),
        html: if lookup.fell_back {
            format!("<div lang=\"{source_locale}\">{html}</div>")
        } else {
            html
        },
        outdated: lookup.outdated,
        fell_back: lookup.fell_back,
    }
}
