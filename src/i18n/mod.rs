//! Translations: Fluent bundles per locale, and lookups with fallback.
//!
//! Third stage of the pipeline: `Config` and `Site` in, a `Catalog` out. The
//! source locale takes content text from YAML and UI text from
//! `i18n/<source>/site.ftl`; every other locale reads `i18n/<locale>/*.ftl`.
//! A message missing in a locale falls back to the source locale; the
//! fallback is recorded (for the build summary) and marked `lang` in HTML.
//!
//! Sentence patterns get their data as Fluent variables, and every bundle
//! offers `NUMBER_END($code)` so each language decides its own grammar (see
//! TRANSLATING.md).
//!
//! `review.rs` tells, per locale and message, whether a translation is
//! current, outdated (the English changed since: `fingerprint.rs`), a copy
//! of the English, missing or broken; `Catalog::with_review` makes lookups
//! follow it (a copy shows as English, an outdated text is flagged).

pub mod accept;
mod args;
pub use args::Arg;
mod cache;
pub use cache::ReviewCache;
pub mod export;
pub mod fallbacks;
pub mod fingerprint;
pub mod ftl;
mod load;
mod marks;
pub(crate) use load::error_offset;
pub use load::{locale_files, parse_ftl};
use marks::marked_to_text;
pub use marks::{escape_bytes_into, escape_html, escape_html_into};
pub mod ids;
mod numbers;
pub mod review;
pub mod source;
pub mod spoken;
pub mod status;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use serde::Serialize;

use crate::config::Config;
use crate::diag::Diagnostics;

pub const I18N_DIR: &str = "i18n";
pub const SITE_FILE: &str = "site.ftl";

/// Marks the start and end of fallback text inside a formatted sentence, so the
/// HTML form can wrap it in `<span lang>` after escaping (private-use code points
/// never occur in content).
const FALLBACK_START: char = '\u{E000}';
const FALLBACK_END: char = '\u{E001}';
/// Marks text in the page's language inside a pattern that fell back.
const NATIVE_START: char = '\u{E002}';
const NATIVE_END: char = '\u{E003}';

type Bundle = FluentBundle<FluentResource>;

/// A piece of localized text in its two forms: plain (for `<title>`, meta and
/// attributes) and HTML (escaped, fallback parts wrapped in `lang`).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub html: String,
    /// A translation whose English has changed since it was reviewed.
    pub outdated: bool,
    /// The HTML carries a fallback `lang` (known where the text is made, so
    /// sentence patterns need not search the HTML for it).
    #[serde(skip)]
    pub fell_back: bool,
}

impl Text {
    /// Text in the page's own language.
    pub fn native(text: &str) -> Text {
        Text {
            text: text.to_string(),
            html: escape_html(text),
            outdated: false,
            fell_back: false,
        }
    }

    /// Text that fell back to `lang`.
    pub fn fallback(text: &str, lang: &str) -> Text {
        Text {
            text: text.to_string(),
            html: format!("<span lang=\"{lang}\">{}</span>", escape_html(text)),
            outdated: false,
            fell_back: true,
        }
    }

    /// Whether the HTML form carries a fallback `lang`.
    pub fn has_fallback(&self) -> bool {
        self.fell_back
    }
}

/// One message's text in a locale: its own, or the source locale's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub value: String,
    pub fell_back: bool,
    /// The translation's English has changed since it was reviewed.
    pub outdated: bool,
}

/// What the review says about one locale, for lookups and the build report.
#[derive(Debug, Clone, Default)]
pub struct Reviewed {
    /// Translations that are copies of the English: shown as English.
    pub untranslated: BTreeSet<String>,
    /// Translations whose English changed since: shown, flagged.
    pub outdated: BTreeSet<String>,
    /// Translated messages in percent.
    pub percent: u8,
}

/// Fluent bundles of every locale, with the source locale's as fallback.
pub struct Catalog {
    pub source_locale: String,
    /// Shared, so `serve` can apply a new review, or reload one locale,
    /// without parsing the others again.
    bundles: BTreeMap<String, Arc<Bundle>>,
    /// Ids of the source locale's plain `site.ftl` messages: the UI strings templates get.
    ui_ids: Vec<String>,
    /// Every fallback taken, for the build report.
    fallbacks: fallbacks::Fallbacks,
    /// Per translated locale, once `with_review` has run.
    reviewed: BTreeMap<String, Reviewed>,
}

impl Catalog {
    /// Loads `i18n/<locale>/*.ftl` for every locale of the config.
    pub fn load(config: &Config) -> Result<Catalog, Diagnostics> {
        let empty = Catalog {
            source_locale: config.default_locale.clone(),
            bundles: BTreeMap::new(),
            ui_ids: Vec::new(),
            fallbacks: Default::default(),
            reviewed: BTreeMap::new(),
        };
        empty.reload(config, &config.locales)
    }

    /// The catalog with the bundles of `locales` read again from their
    /// files and the others shared with this one, unreviewed: what `serve`
    /// does after a `.ftl` edit.
    pub fn reload(&self, config: &Config, locales: &[String]) -> Result<Catalog, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let mut catalog = self.unreviewed();
        for locale in locales {
            let is_source = locale == &config.default_locale;
            match load::load_bundle(&config.root, locale, is_source) {
                Ok((bundle, site_ids)) => {
                    if is_source {
                        catalog.ui_ids = site_ids;
                    }
                    catalog.bundles.insert(locale.clone(), Arc::new(bundle));
                }
                Err(found) => diagnostics.extend(found),
            }
        }
        diagnostics.into_result(catalog)
    }

    /// The same bundles, not reviewed and with no fallbacks recorded: what
    /// `serve` keeps so that a content edit needs no `.ftl` parsed again.
    pub fn unreviewed(&self) -> Catalog {
        Catalog {
            source_locale: self.source_locale.clone(),
            bundles: self.bundles.clone(),
            ui_ids: self.ui_ids.clone(),
            fallbacks: Default::default(),
            reviewed: BTreeMap::new(),
        }
    }

    /// Lookups follow the review: a copy of the English is shown as English,
    /// an outdated translation is flagged.
    pub fn with_review(mut self, review: &review::Review) -> Catalog {
        self.reviewed = review
            .locales
            .iter()
            .map(|l| {
                let reviewed = Reviewed {
                    untranslated: l.ids(review::State::Untranslated),
                    outdated: l.ids(review::State::Outdated),
                    percent: l.percent(),
                };
                (l.locale.clone(), reviewed)
            })
            .collect();
        self
    }

    /// The review of a translated locale (empty before `with_review`).
    pub fn reviewed(&self, locale: &str) -> Option<&Reviewed> {
        self.reviewed.get(locale)
    }

    fn is_untranslated(&self, locale: &str, id: &str) -> bool {
        self.reviewed
            .get(locale)
            .is_some_and(|r| r.untranslated.contains(id))
    }

    fn is_outdated(&self, locale: &str, id: &str) -> bool {
        self.reviewed
            .get(locale)
            .is_some_and(|r| r.outdated.contains(id))
    }

    pub fn is_source(&self, locale: &str) -> bool {
        locale == self.source_locale
    }

    /// The ids of every UI message of the source locale's `site.ftl`.
    pub fn ui_ids(&self) -> &[String] {
        &self.ui_ids
    }

    /// A UI or sentence message, falling back to the source locale. In a
    /// pattern that fell back, only the English parts are marked `lang`:
    /// values given in the page's language keep it.
    pub fn message(&self, locale: &str, id: &str, args: &[(&str, Arg)]) -> Text {
        if !self.is_untranslated(locale, id)
            && let Some(value) = self.format(locale, id, args, false)
        {
            return marked_to_text(value, &self.source_locale, false);
        }
        let fell_back = !self.is_source(locale);
        if fell_back {
            self.record_fallback(locale, id);
        }
        match self.format(&self.source_locale, id, args, fell_back) {
            Some(value) => marked_to_text(value, &self.source_locale, fell_back),
            // Missing in the source locale too: show the id, as Fluent tools do.
            None => Text::native(id),
        }
    }

    /// Content text: the locale's translation of `id`, or `source` (the YAML
    /// text) in the source locale and as fallback.
    pub fn content(&self, locale: &str, id: &str, source: &str) -> Lookup {
        if self.is_source(locale) {
            return Lookup {
                value: source.to_string(),
                fell_back: false,
                outdated: false,
            };
        }
        let own = (!self.is_untranslated(locale, id))
            .then(|| self.format(locale, id, &[], false))
            .flatten();
        match own {
            Some(value) => Lookup {
                value,
                fell_back: false,
                outdated: self.is_outdated(locale, id),
            },
            None => {
                self.record_fallback(locale, id);
                Lookup {
                    value: source.to_string(),
                    fell_back: true,
                    outdated: false,
                }
            }
        }
    }

    /// Fallbacks taken so far, per locale.
    pub fn fallback_counts(&self) -> BTreeMap<String, usize> {
        self.fallbacks.counts()
    }

    /// Counts the fallbacks of a page kept from the previous build.
    pub fn restore_fallbacks(&self, locale: &str, ids: &[String]) {
        self.fallbacks.restore(locale, ids);
    }

    fn record_fallback(&self, locale: &str, id: &str) {
        self.fallbacks.record(locale, id);
    }

    /// Formats `id` in exactly `locale`; `None` when missing or broken there.
    /// `fell_back`: the pattern stands in for a missing translation.
    fn format(
        &self,
        locale: &str,
        id: &str,
        args: &[(&str, Arg)],
        fell_back: bool,
    ) -> Option<String> {
        let bundle = self.bundles.get(locale)?;
        let pattern = bundle.get_message(id)?.value()?;
        if let Some(value) = args::format_simple(bundle, pattern, args, fell_back) {
            return value;
        }
        let mut errors = Vec::new();
        let fluent = args::to_fluent(args, fell_back);
        let value = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        errors.is_empty().then(|| value.into_owned())
    }
}
