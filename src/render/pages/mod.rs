//! The context of each page kind, built from localized content and the
//! sentence patterns of the catalog: what every page shares lives here
//! (head, alternates, JSON-LD, crumbs, links, the picker); each page kind
//! has its own file.

mod code;
pub use code::compiled_code;
pub(super) mod command;
mod compare;
pub use compare::compiled_compare;
mod home;
mod json_ld;
pub(super) mod number;
mod protocol;

use std::borrow::Cow;

use serde::Serialize;

use super::context::*;
use super::fragments::Part;
use super::lend::{PageData, Place, own};
use super::localized::{LocalCode, LocalProtocol, code_args};
use super::{PageId, Renderer};
use crate::content::pairs::Pair;
use crate::content::{PairPolicy, Reference};
use crate::diag::Diagnostic;
use crate::i18n::{Arg, Text};
use crate::urls::Route;

/// The template and data of one page: its own values, serialized now, and
/// the shared ones it borrows (`lend.rs`).
pub fn context<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
) -> Result<PageData<'r>, Diagnostic> {
    let lent = |key| r.lent(locale, key);
    let (template, own, loans) = match page {
        PageId::Home => ("home.html", own(home::home(r, locale, page)), vec![]),
        PageId::NotFound => ("404.html", own(home::not_found(r, locale, page)), vec![]),
        PageId::Protocol(pi) => (
            "protocol.html",
            own(protocol::protocol(r, locale, page, *pi)),
            vec![],
        ),
        PageId::Code(pi, ci) => (
            "code.html",
            own(code::code(r, locale, page, *pi, *ci)),
            vec![(Place::Page("code"), lent((*pi, *ci)))],
        ),
        PageId::Compare(pi, pair) => {
            let (a, b) = compare::pair_positions(r, locale, *pi, pair)?;
            (
                "compare.html",
                own(compare::compare(r, locale, page, (*pi, pair), (a, b))),
                vec![
                    (Place::Page("a"), lent((*pi, a))),
                    (Place::Page("b"), lent((*pi, b))),
                    (
                        Place::Page("column_a"),
                        r.part(locale, (*pi, a), Part::ColumnA)?,
                    ),
                    (
                        Place::Page("column_b"),
                        r.part(locale, (*pi, b), Part::ColumnB)?,
                    ),
                    (
                        Place::Page("badge_a"),
                        r.part(locale, (*pi, a), Part::Badge)?,
                    ),
                    (
                        Place::Page("badge_b"),
                        r.part(locale, (*pi, b), Part::Badge)?,
                    ),
                ],
            )
        }
        PageId::Commands(pi) => (
            "commands.html",
            own(command::commands(r, locale, page, *pi)),
            vec![],
        ),
        PageId::Command(pi, ci) => (
            "command.html",
            own(command::command(r, locale, page, *pi, *ci)),
            vec![],
        ),
        PageId::Number(number) => (
            "number.html",
            own(number::number(r, locale, page, number)),
            vec![],
        ),
    };
    let mut loans = loans;
    loans.push((Place::Top("ui"), r.lent_ui(locale)));
    Ok(PageData {
        template,
        own: own.map_err(|err| Diagnostic::new(format!("cannot build the page context: {err}")))?,
        loans,
    })
}

/// The head, navigation and UI strings every page shares.
pub(super) struct Head<'r> {
    pub title: String,
    pub heading: Text,
    pub description: String,
    pub crumbs: Vec<Crumb<'r>>,
    pub og_type: &'static str,
}

pub(super) fn wrap<'r, T: Serialize>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    head: Head<'r>,
    body: T,
) -> Page<'r, T> {
    let route = r.route(page);
    let config = &r.config;
    let absolute = |l: &str| r.urls.absolute(l, &route);
    let mut alternates: Vec<Alternate> = config
        .locales
        .iter()
        .map(|l| Alternate {
            hreflang: l,
            href: absolute(l),
        })
        .collect();
    // The page's own address and the default's are among the alternates.
    let address = |l: &str| {
        let alternate = alternates.iter().find(|a| a.hreflang == l);
        alternate.map_or_else(|| absolute(l), |a| a.href.clone())
    };
    let (canonical, default) = (address(locale), address(&config.default_locale));
    alternates.push(Alternate {
        hreflang: "x-default",
        href: default,
    });
    let switcher = config
        .locales
        .iter()
        .map(|l| SwitchLink {
            locale: l,
            label: r.plain_str(l, "language_name"),
            href: r.urls.path(l, &route),
            current: l == locale,
        })
        .collect();
    let json_ld = json_ld::json_ld(r, locale, page, &head, &canonical);
    let source_href =
        (locale != config.default_locale).then(|| r.urls.path(&config.default_locale, &route));
    let partial = partial(r, locale);
    Page {
        lang: locale,
        site_title: r.title(locale),
        title: head.title,
        heading: head.heading,
        description: head.description,
        canonical,
        alternates,
        switcher,
        breadcrumbs: head.crumbs,
        ui: r.ui(locale),
        base: config.base_path(),
        home: &r.paths(locale).home,
        search_index: &r.paths(locale).search_index,
        json_ld,
        og_type: head.og_type,
        live_reload: r.live_reload,
        source_href,
        partial,
        page: body,
    }
}

/// "This translation is 40% complete", on every page of a locale below
/// `partial_threshold`.
pub(super) fn partial(r: &Renderer, locale: &str) -> Option<Text> {
    r.catalog
        .reviewed(locale)
        .filter(|reviewed| r.config.i18n.is_partial(reviewed.percent))
        .map(|reviewed| {
            r.t(
                locale,
                "partial-notice",
                &[("percent", Arg::Number(usize::from(reviewed.percent)))],
            )
        })
}

pub(super) fn crumb_home<'r>(r: &'r Renderer, locale: &str) -> Crumb<'r> {
    Crumb {
        label: r.ui_text(locale, "nav_home"),
        href: Cow::Borrowed(&r.paths(locale).home),
    }
}

fn crumb_protocol(protocol: &LocalProtocol) -> Crumb<'_> {
    Crumb {
        label: Cow::Owned(Text::native(&protocol.name)),
        href: Cow::Borrowed(&protocol.url),
    }
}

fn pair_args<'c>(
    protocol: &'c str,
    a: &'c LocalCode,
    b: &'c LocalCode,
) -> [(&'static str, Arg<'c>); 13] {
    [
        ("protocol", Arg::Str(protocol)),
        ("a", Arg::Str(&a.code)),
        ("b", Arg::Str(&b.code)),
        ("a_name", Arg::Text(&a.name)),
        ("b_name", Arg::Text(&b.name)),
        ("a_summary", Arg::Text(&a.summary)),
        ("b_summary", Arg::Text(&b.summary)),
        ("a_class", Arg::Text(&a.class.name)),
        ("b_class", Arg::Text(&b.class.name)),
        ("a_digit", Arg::Str(&a.class.digit)),
        ("b_digit", Arg::Str(&b.class.digit)),
        ("a_class_form", Arg::Str(&a.class.label)),
        ("b_class_form", Arg::Str(&b.class.label)),
    ]
}

/// The first sentence of a markdown text, keeping its fallback mark.
fn first_sentence(text: &Text, source_locale: &str) -> Text {
    let sentence = super::markdown::first_sentence(&text.text);
    if text.has_fallback() {
        Text::fallback(&sentence, source_locale)
    } else {
        Text::native(&sentence)
    }
}

/// "125 vs 426".
fn compare_short(r: &Renderer, locale: &str, a: &str, b: &str) -> Text {
    r.t(
        locale,
        "compare-short",
        &[("a", Arg::Str(a)), ("b", Arg::Str(b))],
    )
}

pub(super) fn code_link(code: &LocalCode) -> CodeLink {
    CodeLink {
        code: code.code.clone(),
        name: code.name.clone(),
        summary: code.summary.clone(),
        href: code.url.clone(),
        standing: code.standing.clone(),
    }
}

fn compare_link(r: &Renderer, locale: &str, p: &LocalProtocol, pair: &Pair) -> Link {
    let (Some(a), Some(b)) = (p.code(&pair.a), p.code(&pair.b)) else {
        unreachable!("featured pairs are validated");
    };
    Link {
        label: r.t(locale, "compare-title", &pair_args(&p.name, a, b)),
        href: r.urls.path(locale, &Route::Compare(&p.id, pair)),
    }
}

fn picker<'p>(p: &'p LocalProtocol, policy: PairPolicy, selected: &str) -> Option<Picker<'p>> {
    let policy = match policy {
        PairPolicy::All => "all",
        PairPolicy::SameClass => "same-class",
        PairPolicy::SameCategory => "same-category",
        PairPolicy::None => return None,
    };
    Some(Picker {
        codes: p
            .codes
            .iter()
            .map(|c| CodeOption {
                code: &c.code,
                class: &c.class.digit,
                category: c.category.as_ref().map_or("", |k| &k.digit),
                label: format!("{} {}", c.code, c.name.text),
            })
            .collect(),
        base: p.url.clone(),
        policy: policy.into(),
        selected: selected.into(),
        second: p
            .codes
            .iter()
            .map(|c| &c.code)
            .filter(|c| *c != selected)
            .nth(usize::from(selected.is_empty()))
            .cloned()
            .unwrap_or_default(),
    })
}
