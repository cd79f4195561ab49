//! One `Serialize` struct per template: what each template can print.
//!
//! A few values that many pages share are not serialized with their page but
//! lent to it (`lend.rs`): `ui` on every page, `page.code` on code pages,
//! `page.a` and `page.b` on comparisons. Their fields here are marked
//! `#[serde(skip)]`; templates see them under the same names.

use std::borrow::Cow;

use serde::Serialize;

use super::localized::{LocalClass, LocalCode};
use crate::content::Reference;
use crate::i18n::Text;

/// A locale's UI strings by their name in templates (`nav_home`). Looked up
/// a few dozen times per page: a hash table with xxh3 finds a name with one
/// comparison where an ordered map made seven. Templates see them sorted
/// all the same (a template value's map is ordered).
pub type UiStrings = std::collections::HashMap<String, Text, xxhash_rust::xxh3::Xxh3DefaultBuilder>;

/// What every page has: language, head metadata, navigation and UI strings.
#[derive(Serialize)]
pub struct Page<'a, T: Serialize> {
    pub lang: &'a str,
    /// The site's name in this locale (`site-title`, else site.toml's `title`).
    pub site_title: &'a Text,
    /// The `<title>`, plain text.
    pub title: String,
    /// The page's `<h1>`.
    pub heading: Text,
    pub description: String,
    pub canonical: String,
    pub alternates: Vec<Alternate<'a>>,
    pub switcher: Vec<SwitchLink<'a>>,
    pub breadcrumbs: Vec<Crumb<'a>>,
    /// The locale's UI strings (lent).
    #[serde(skip)]
    pub ui: &'a UiStrings,
    /// URL prefix of static files (`""` at a domain's root).
    pub base: &'a str,
    pub home: &'a str,
    pub search_index: &'a str,
    /// JSON-LD, already escaped for a `<script>` element.
    pub json_ld: String,
    pub og_type: &'static str,
    pub live_reload: bool,
    /// The same page in the source locale; `None` on source-locale pages.
    /// Outdated and partly translated notices link to it.
    pub source_href: Option<String>,
    /// "This translation is 40% complete", on the pages of a locale below
    /// `partial_threshold` in site.toml.
    pub partial: Option<Text>,
    pub page: T,
}

#[derive(Serialize)]
pub struct Alternate<'a> {
    pub hreflang: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct SwitchLink<'a> {
    pub locale: &'a str,
    /// The language's name in itself ("한국어").
    pub label: Cow<'a, str>,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Crumb<'a> {
    pub label: Cow<'a, Text>,
    pub href: Cow<'a, str>,
}

impl Crumb<'static> {
    /// A crumb made for one page.
    pub fn owned(label: Text, href: String) -> Self {
        Crumb {
            label: Cow::Owned(label),
            href: Cow::Owned(href),
        }
    }
}

#[derive(Serialize)]
pub struct Link {
    pub label: Text,
    pub href: String,
}

/// A link made of borrowed parts: serialized as `Link` is.
#[derive(Serialize)]
pub struct LinkTo<'a> {
    pub label: &'a Text,
    pub href: &'a str,
}

/// A comparison offered on a code page: "125 vs 426" and the other code's name.
#[derive(Serialize)]
pub struct CompareLink<'a> {
    pub label: Text,
    pub name: &'a Text,
    pub href: String,
}

#[derive(Serialize)]
pub struct CodeLink {
    pub code: String,
    pub name: Text,
    pub summary: Text,
    pub href: String,
    pub standing: Option<super::standing::StandingBadge>,
}

/// The two-code picker: every code of the protocol, and where a pair goes.
#[derive(Serialize)]
pub struct Picker<'a> {
    pub codes: Vec<CodeOption<'a>>,
    /// The protocol page's URL; a pair goes to `<base><a>-vs-<b>/`.
    pub base: String,
    /// `all` or `same-class`.
    pub policy: String,
    pub selected: String,
    /// Preselected in the second list: a code other than the first.
    pub second: String,
}

#[derive(Serialize)]
pub struct CodeOption<'a> {
    pub code: &'a str,
    pub class: &'a str,
    pub category: &'a str,
    pub label: String,
}

#[derive(Serialize)]
pub struct ProtocolCard {
    pub name: String,
    pub title: Text,
    pub summary: Text,
    pub href: String,
    /// "60 codes · 1,770 comparisons", a sentence pattern.
    pub counts: Text,
}

#[derive(Serialize)]
pub struct HomePage {
    pub protocols: Vec<ProtocolCard>,
    pub featured: Vec<Link>,
}

#[derive(Serialize)]
pub struct ClassGroup {
    pub class: LocalClass,
    pub codes: Vec<CodeLink>,
}

#[derive(Serialize)]
pub struct ProtocolPage<'a> {
    pub name: String,
    pub summary: Text,
    pub references: Vec<Reference>,
    pub groups: Vec<ClassGroup>,
    pub picker: Option<Picker<'a>>,
    pub featured: Vec<Link>,
    pub codes_json: String,
    /// `/<protocol>/commands/` when the protocol has commands.
    pub commands_page: Option<String>,
}

#[derive(Serialize)]
pub struct CodePage<'a> {
    pub protocol: String,
    /// Lent.
    #[serde(skip)]
    pub code: &'a LocalCode,
    pub related: Vec<CodeLink>,
    pub comparisons: Vec<CompareLink<'a>>,
    pub picker: Option<Picker<'a>>,
    /// The codes of the associated protocol (basic ↔ enhanced SMTP codes).
    pub associated: Option<Associated>,
    /// The same number in other protocols.
    pub also_in: Vec<super::pages::number::NumberEntry>,
    /// `/codes/<number>/` when the number is shared.
    pub number_page: Option<String>,
    /// The commands whose tables list this code, with its roles.
    pub returned_by: Vec<super::pages::command::CommandLink>,
    pub examples: Vec<super::pages::command::ExampleView>,
    pub commands_page: Option<String>,
}

#[derive(Serialize)]
pub struct Session {
    pub a: Vec<super::pages::command::CommandLink>,
    pub b: Vec<super::pages::command::CommandLink>,
    pub example: Option<super::pages::command::ExampleView>,
}

#[derive(Serialize)]
pub struct Associated {
    pub heading: Text,
    pub codes: Vec<CodeLink>,
}

#[derive(Serialize)]
pub struct ComparePage<'a> {
    pub protocol: String,
    /// Which commands each code answers, and an exchange that shows both.
    pub session: Option<Session>,
    /// Lent, like `b`.
    #[serde(skip)]
    pub a: &'a LocalCode,
    #[serde(skip)]
    pub b: &'a LocalCode,
    pub intro: Text,
    pub differences: Vec<Text>,
    pub which: [&'a Text; 2],
    pub notes: Option<Text>,
    pub learn_more: [LinkTo<'a>; 2],
    pub references: Vec<&'a Reference>,
}

#[derive(Serialize)]
pub struct NotFoundPage {}
