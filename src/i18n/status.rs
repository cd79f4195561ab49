//! `i18n status`: for each locale, how much is translated, and per file the
//! messages that are missing, outdated (the English changed since they were
//! translated: old and new English shown), untranslated (a copy of the
//! English), obsolete (no source message has the id) and broken (syntax
//! errors, or variables the English does not offer).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::export;
use super::ftl::Located;
use super::review::{self, FileReview, LocaleReview, MessageReview, Review, State};
use crate::config::Config;
use crate::diag::Diagnostics;

#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub source_locale: String,
    pub locales: Vec<LocaleStatus>,
    /// Generated English files (`i18n export`) that no longer match the YAML.
    pub stale_exports: Vec<PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    pub expected: usize,
    /// Current and outdated messages: what pages show translated.
    pub translated: usize,
    /// `translated` in percent, rounded down.
    pub percent: u8,
    pub outdated: usize,
    pub untranslated: usize,
    /// Translated messages without a fingerprint yet (`i18n accept` records them).
    pub unrecorded: usize,
    pub files: Vec<FileStatus>,
}

#[derive(Debug, Serialize)]
pub struct FileStatus {
    pub file: PathBuf,
    pub expected: usize,
    pub translated: usize,
    pub missing: Vec<String>,
    pub outdated: Vec<Outdated>,
    pub untranslated: Vec<Located>,
    pub obsolete: Vec<Located>,
    pub broken: Vec<Located>,
    /// Every message of the file with its state, English and location.
    pub messages: Vec<MessageReview>,
}

/// A translation whose English changed since it was reviewed.
#[derive(Debug, Serialize)]
pub struct Outdated {
    pub id: String,
    pub line: usize,
    pub column: usize,
    /// The English the translation was reviewed against.
    pub was: String,
    /// The English now.
    pub now: String,
}

pub fn status(root: &Path) -> Result<StatusReport, Diagnostics> {
    let config = Config::load(root)?;
    let site = crate::content::load(root)?;
    let review = review::review(root, &config, &site)?;
    let stale_exports = export::stale(root, &config, &site);
    Ok(StatusReport::new(&review, stale_exports))
}

impl StatusReport {
    pub fn new(review: &Review, stale_exports: Vec<PathBuf>) -> StatusReport {
        let source = &review.sources;
        let expected = source.files.first().map_or(0, |f| f.messages.len());
        let mut locales = vec![LocaleStatus {
            locale: review.source_locale.clone(),
            expected,
            translated: expected,
            percent: 100,
            outdated: 0,
            untranslated: 0,
            unrecorded: 0,
            files: vec![FileStatus {
                file: source.site_file.clone(),
                expected,
                translated: expected,
                missing: Vec::new(),
                outdated: Vec::new(),
                untranslated: Vec::new(),
                obsolete: Vec::new(),
                broken: source.site_syntax.clone(),
                messages: Vec::new(),
            }],
        }];
        locales.extend(review.locales.iter().map(locale_status));
        StatusReport {
            source_locale: review.source_locale.clone(),
            locales,
            stale_exports,
        }
    }

    pub fn has_broken(&self) -> bool {
        self.locales
            .iter()
            .flat_map(|l| &l.files)
            .any(|f| !f.broken.is_empty())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report for people: a line per locale and file, then each message
    /// that needs work, with its place.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for locale in &self.locales {
            if locale.locale == self.source_locale {
                let _ = writeln!(out, "{} (source)", locale.locale);
            } else {
                let _ = writeln!(
                    out,
                    "{}: {}% translated ({}/{}), {} outdated, {} untranslated",
                    locale.locale,
                    locale.percent,
                    locale.translated,
                    locale.expected,
                    locale.outdated,
                    locale.untranslated
                );
            }
            for file in &locale.files {
                file_text(&mut out, file);
            }
            if locale.unrecorded > 0 {
                let _ = writeln!(
                    out,
                    "  {} translated messages have no fingerprint yet: run `codecompare i18n accept {}` once they are reviewed",
                    locale.unrecorded, locale.locale
                );
            }
        }
        for file in &self.stale_exports {
            let _ = writeln!(
                out,
                "{} no longer matches the English (YAML, site.toml): run `codecompare i18n export`",
                file.display()
            );
        }
        out
    }
}

fn locale_status(locale: &LocaleReview) -> LocaleStatus {
    LocaleStatus {
        locale: locale.locale.clone(),
        expected: locale.expected(),
        translated: locale.translated(),
        percent: locale.percent(),
        outdated: locale.count(State::Outdated),
        untranslated: locale.count(State::Untranslated),
        unrecorded: locale.messages().filter(|m| m.unrecorded).count(),
        files: locale.files.iter().map(file_status).collect(),
    }
}

fn file_status(file: &FileReview) -> FileStatus {
    let located = |m: &MessageReview, message: &str| Located {
        id: Some(m.id.clone()),
        line: m.line.unwrap_or(1),
        column: m.column.unwrap_or(1),
        message: message.into(),
    };
    FileStatus {
        file: file.file.clone(),
        expected: file.messages.len(),
        translated: file.translated(),
        missing: file
            .with_state(State::Missing)
            .map(|m| m.id.clone())
            .collect(),
        outdated: file
            .with_state(State::Outdated)
            .map(|m| Outdated {
                id: m.id.clone(),
                line: m.line.unwrap_or(1),
                column: m.column.unwrap_or(1),
                was: m.was.clone().unwrap_or_default(),
                now: m.english.clone(),
            })
            .collect(),
        untranslated: file
            .with_state(State::Untranslated)
            .map(|m| located(m, "the same text as the English"))
            .collect(),
        obsolete: file.obsolete.clone(),
        broken: file.broken(),
        messages: file.messages.clone(),
    }
}

fn file_text(out: &mut String, file: &FileStatus) {
    let _ = writeln!(
        out,
        "  {}: {}/{} translated, {} outdated, {} untranslated, {} missing, {} obsolete, {} broken",
        file.file.display(),
        file.translated,
        file.expected,
        file.outdated.len(),
        file.untranslated.len(),
        file.missing.len(),
        file.obsolete.len(),
        file.broken.len()
    );
    for id in &file.missing {
        let _ = writeln!(out, "    missing  {id}");
    }
    for item in &file.outdated {
        let _ = writeln!(
            out,
            "    outdated {}:{}:{}: {}: the English changed since it was translated",
            file.file.display(),
            item.line,
            item.column,
            item.id
        );
        let _ = writeln!(out, "{}", indented("      was: ", &item.was));
        let _ = writeln!(out, "{}", indented("      now: ", &item.now));
    }
    for (kind, list) in [
        ("untranslated", &file.untranslated),
        ("obsolete", &file.obsolete),
        ("broken  ", &file.broken),
    ] {
        for item in list {
            let id = item
                .id
                .as_deref()
                .map(|id| format!("{id}: "))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    {kind} {}:{}:{}: {id}{}",
                file.file.display(),
                item.line,
                item.column,
                item.message
            );
        }
    }
}

/// `label` then the text, its later lines aligned under the first.
fn indented(label: &str, text: &str) -> String {
    let pad = " ".repeat(label.chars().count());
    let mut lines = text.lines();
    let mut out = format!("{label}{}", lines.next().unwrap_or(""));
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}
