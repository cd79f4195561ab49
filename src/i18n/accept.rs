//! `i18n accept`: record that translations were reviewed against the English
//! as it is now, so they count as current again.
//!
//! Without ids: every outdated message of the locale, and every translated
//! message that has no fingerprint yet. With ids: exactly those; an id whose
//! translation is the English text itself is then recorded as meant to be
//! the same (`same = true`), as Weblate lets a translator dismiss its
//! "unchanged translation" check. Entries of messages that are gone are
//! dropped, so the record only ever describes the files as they are.

use std::path::Path;

use super::fingerprint::{Entry, Record};
use super::review::{self, State};
use super::source::Sources;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};

/// What `accept` recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// `(id, state before)`, in id order.
    pub recorded: Vec<(String, State)>,
    /// Entries dropped because their message is gone.
    pub dropped: usize,
}

pub fn accept(root: &Path, locale: &str, ids: &[String]) -> Result<Accepted, Diagnostics> {
    let config = Config::load(root)?;
    if !config.translated_locales().any(|l| l == locale) {
        let mut d = Diagnostic::in_file(
            crate::config::CONFIG_FILE,
            if locale == config.default_locale {
                format!("`{locale}` is the source locale: it has nothing to accept")
            } else {
                format!("`{locale}` is not a translated locale of this site")
            },
        );
        let others: Vec<&str> = config.translated_locales().collect();
        d = d.help(
            did_you_mean(locale, others.iter().copied())
                .unwrap_or_else(|| format!("translated locales: {}", others.join(", "))),
        );
        return Err(d.into());
    }
    let site = crate::content::load(root)?;
    let sources = Sources::load(root, &config, &site);
    let record = Record::load(root, locale)?;
    let review = review::review_locale(root, &sources, locale, record.clone());

    let mut selected = Vec::new();
    let mut problems = Diagnostics::default();
    if ids.is_empty() {
        selected.extend(
            review
                .messages()
                .filter(|m| m.state == State::Outdated || m.unrecorded)
                .map(|m| (m.id.clone(), m.state, false)),
        );
    }
    for id in ids {
        let file = Record::path(locale);
        match review.message(id) {
            None => {
                let mut d = Diagnostic::new(format!("`{id}` is not a message of this site"))
                    .help("see `codecompare i18n status` for the ids".to_string());
                if let Some(help) = did_you_mean(id, sources.ids()) {
                    d = d.help(help);
                }
                problems.push(d);
            }
            Some(m) if m.state == State::Missing => problems.push(
                Diagnostic::in_file(file, format!("`{id}` is not translated in {locale} yet"))
                    .help("translate it first; accept records a translation that exists"),
            ),
            Some(m) if m.state == State::Broken => problems.push(
                Diagnostic::in_file(
                    file,
                    format!(
                        "`{id}` is broken in {locale}: {}",
                        m.problem.as_deref().unwrap_or("")
                    ),
                )
                .help("fix it first"),
            ),
            Some(m) => selected.push((id.clone(), m.state, m.state == State::Untranslated)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut updated = record.clone();
    for (id, _, same) in &selected {
        if let Some(source) = sources.message(id) {
            updated
                .entries
                .insert(id.clone(), Entry::new(&source.english, *same));
        }
    }
    // Keep entries only for messages that are still translated.
    let before = updated.entries.len();
    updated.entries.retain(|id, _| {
        review
            .message(id)
            .is_some_and(|m| !matches!(m.state, State::Missing))
    });
    let dropped = before - updated.entries.len();
    if updated != record {
        updated.save(root, locale).map_err(|err| {
            Diagnostic::in_file(Record::path(locale), format!("cannot write: {err}"))
        })?;
    }
    selected.sort();
    Ok(Accepted {
        recorded: selected
            .into_iter()
            .map(|(id, state, _)| (id, state))
            .collect(),
        dropped,
    })
}
