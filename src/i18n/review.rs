//! The state of every translation: current, outdated, untranslated, missing
//! or broken.
//!
//! English messages (`source.rs`) in; each locale's `.ftl` files and its
//! record of reviewed English (`fingerprint.rs`) read; one `MessageReview`
//! per locale and message out. `i18n status` prints it, `i18n accept` updates
//! the record from it, and the build uses it to mark outdated sections,
//! show English where a "translation" is a copy of it, refuse variables the
//! English does not offer, and apply `partial_threshold`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::cache::ReviewCache;
use super::fingerprint::{Entry, Record};
use super::ftl::{self, FtlFile, Located};
use super::source::{Location, SourceMessage, Sources};
use super::{I18N_DIR, locale_files};
use crate::config::Config;
use crate::content::Site;
use crate::diag::{Diagnostic, Diagnostics};

/// Messages whose translation may be the English text itself. Besides these,
/// a message with no words of its own (`{ $protocol } { $code } { $name }`)
/// may stay as it is, and a translator can confirm any other message with
/// `codecompare i18n accept <locale> <id>`, recorded as `same = true`.
pub const SAME_AS_SOURCE: &[&str] = &[
    // "FTP 125 Data Connection Open vs 426 Connection Closed": "vs" is how
    // comparisons are titled in most languages.
    "compare-title",
    "compare-short",
    "label-vs",
    // The reason phrase "OK" is what the protocol itself sends.
    "http-200-name",
];

mod model;
pub use model::*;

/// Reviews every translated locale of the site.
pub fn review(root: &Path, config: &Config, site: &Site) -> Result<Review, Diagnostics> {
    review_cached(root, config, site, &mut ReviewCache::default())
}

/// `review`, reading only the `.ftl` files and records that `cache` does
/// not hold as they are now (what `serve` does after an edit).
pub fn review_cached(
    root: &Path,
    config: &Config,
    site: &Site,
    cache: &mut ReviewCache,
) -> Result<Review, Diagnostics> {
    let sources = Sources::load(root, config, site);
    let mut diagnostics = Diagnostics::default();
    let mut locales = Vec::new();
    for locale in config.translated_locales() {
        match cache.record(root, locale) {
            Ok(record) => locales.push(review_with(root, &sources, locale, record, cache)),
            Err(found) => diagnostics.extend(found),
        }
    }
    diagnostics.into_result(Review {
        source_locale: config.default_locale.clone(),
        sources,
        locales,
    })
}

/// One locale against the sources and its record.
pub fn review_locale(root: &Path, sources: &Sources, locale: &str, record: Record) -> LocaleReview {
    review_with(root, sources, locale, record, &mut ReviewCache::default())
}

fn review_with(
    root: &Path,
    sources: &Sources,
    locale: &str,
    record: Record,
    cache: &mut ReviewCache,
) -> LocaleReview {
    let dir = Path::new(I18N_DIR).join(locale);
    // Every file of the locale: a message may reference a helper in another.
    let rels = locale_files(root, locale);
    cache.read_files(root, &rels);
    let missing = FtlFile::default();
    let mut files: BTreeMap<PathBuf, &FtlFile> = rels
        .into_iter()
        .map(|rel| {
            let file = cache.file(&rel).unwrap_or(&missing);
            (rel, file)
        })
        .collect();
    for source in &sources.files {
        files.entry(dir.join(&source.name)).or_insert(&missing);
    }
    let all: BTreeMap<String, &ftl::FtlMessage> = files
        .values()
        .flat_map(|f| &f.messages)
        .map(|(id, m)| (id.clone(), m))
        .collect();
    let referenced: BTreeSet<&String> = files.values().flat_map(|f| &f.referenced).collect();
    let reviews = sources
        .files
        .iter()
        .map(|source| {
            let rel = dir.join(&source.name);
            let file = files[&rel];
            let messages = source
                .messages
                .iter()
                .map(|m| review_message(m, file.messages.get(&m.id), &all, &record))
                .collect();
            let expected: BTreeSet<&str> = source.messages.iter().map(|m| m.id.as_str()).collect();
            let obsolete = file
                .messages
                .iter()
                .filter(|(id, _)| !expected.contains(id.as_str()) && !referenced.contains(id))
                .map(|(id, m)| Located {
                    id: Some(id.clone()),
                    line: m.line,
                    column: m.column,
                    message: "no source message has this id any more; delete it or rename it"
                        .into(),
                })
                .collect();
            FileReview {
                file: rel,
                messages,
                obsolete,
                syntax: file.syntax.clone(),
            }
        })
        .collect();
    LocaleReview {
        locale: locale.to_string(),
        files: reviews,
        record,
    }
}

fn review_message(
    source: &SourceMessage,
    translation: Option<&ftl::FtlMessage>,
    all: &BTreeMap<String, &ftl::FtlMessage>,
    record: &Record,
) -> MessageReview {
    let mut review = MessageReview {
        id: source.id.clone(),
        state: State::Missing,
        english: source.english.clone(),
        source: source.location.clone(),
        translation: translation.map(|t| t.text.clone()),
        line: translation.map(|t| t.line),
        column: translation.map(|t| t.column),
        was: None,
        problem: None,
        unrecorded: false,
    };
    let Some(translation) = translation else {
        return review;
    };
    let used = ftl::variables_with_references(&source.id, all);
    let unknown: Vec<&String> = used.difference(&source.variables).collect();
    let entry = record.entries.get(&source.id);
    review.state = if !unknown.is_empty() {
        review.problem = Some(format!(
            "uses {}, which the English message does not offer (it has {})",
            list(unknown),
            list(&source.variables)
        ));
        State::Broken
    } else if same_text(&translation.text, &source.english) && !same_is_right(source, entry) {
        State::Untranslated
    } else {
        match entry {
            None => {
                review.unrecorded = true;
                State::Current
            }
            Some(entry) if entry.matches(&source.english) => State::Current,
            Some(entry) => {
                review.was = Some(entry.en.clone());
                State::Outdated
            }
        }
    };
    review
}

/// Whether a translation identical to the English is right for this message.
pub fn same_is_right(source: &SourceMessage, entry: Option<&Entry>) -> bool {
    SAME_AS_SOURCE.contains(&source.id.as_str())
        || !has_words(&source.english)
        || entry.is_some_and(|e| e.same && e.matches(&source.english))
}

/// Whether a text has letters outside its placeables.
fn has_words(text: &str) -> bool {
    let mut depth = 0usize;
    text.chars().any(|c| {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_alphabetic() => return true,
            _ => {}
        }
        false
    })
}

/// Equal but for whitespace.
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn list<'a>(variables: impl IntoIterator<Item = &'a String>) -> String {
    let names: Vec<String> = variables.into_iter().map(|v| format!("${v}")).collect();
    if names.is_empty() {
        "no variables".into()
    } else {
        names.join(", ")
    }
}

fn help_variables(m: &MessageReview) -> String {
    format!(
        "a translation may use fewer of the English message's variables, not others (the English is at {}); check the spelling",
        m.source.describe()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_outside_placeables() {
        assert!(!has_words("{ $protocol } { $code } { $name }"));
        assert!(!has_words("{ $a } · { $b }"));
        assert!(has_words("{ $a } vs { $b }"));
        assert!(has_words("Description"));
    }
}
