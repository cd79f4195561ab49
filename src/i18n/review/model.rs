//! What a review finds: per message, per file, per locale.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Translated from the English as it is now.
    Current,
    /// Translated, but the English has changed since.
    Outdated,
    /// Present, but the same text as the English.
    Untranslated,
    Missing,
    /// Uses a variable the English message does not offer.
    Broken,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Current => "current",
            State::Outdated => "outdated",
            State::Untranslated => "untranslated",
            State::Missing => "missing",
            State::Broken => "broken",
        }
    }

    /// Whether the page shows the translation (else the English).
    pub fn is_translated(self) -> bool {
        matches!(self, State::Current | State::Outdated)
    }
}

/// One message in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct MessageReview {
    pub id: String,
    pub state: State,
    /// The English text now.
    pub english: String,
    /// Where the English lives and shows.
    pub source: Location,
    /// The translation, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    /// Where the translation is, in the locale's file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Outdated: the English the translation was reviewed against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// Broken: what is wrong.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// Translated, but not in the record yet: `i18n accept` records it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unrecorded: bool,
}

/// One translation file of one locale.
#[derive(Debug, Clone)]
pub struct FileReview {
    /// `i18n/<locale>/<name>.ftl`, relative to the root.
    pub file: PathBuf,
    pub messages: Vec<MessageReview>,
    /// Messages no source message has (and no other message uses).
    pub obsolete: Vec<Located>,
    /// Syntax errors.
    pub syntax: Vec<Located>,
}

impl FileReview {
    pub fn with_state(&self, state: State) -> impl Iterator<Item = &MessageReview> {
        self.messages.iter().filter(move |m| m.state == state)
    }

    pub fn count(&self, state: State) -> usize {
        self.with_state(state).count()
    }

    pub fn translated(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| m.state.is_translated())
            .count()
    }

    /// Syntax errors and broken messages, in file order.
    pub fn broken(&self) -> Vec<Located> {
        let mut broken = self.syntax.clone();
        broken.extend(self.with_state(State::Broken).map(|m| Located {
            id: Some(m.id.clone()),
            line: m.line.unwrap_or(1),
            column: m.column.unwrap_or(1),
            message: m.problem.clone().unwrap_or_default(),
        }));
        broken.sort_by_key(|b| (b.line, b.column));
        broken
    }
}

/// Every translation file of one locale.
#[derive(Debug, Clone)]
pub struct LocaleReview {
    pub locale: String,
    pub files: Vec<FileReview>,
    pub record: Record,
}

impl LocaleReview {
    pub fn messages(&self) -> impl Iterator<Item = &MessageReview> {
        self.files.iter().flat_map(|f| &f.messages)
    }

    pub fn message(&self, id: &str) -> Option<&MessageReview> {
        self.messages().find(|m| m.id == id)
    }

    pub fn count(&self, state: State) -> usize {
        self.messages().filter(|m| m.state == state).count()
    }

    pub fn expected(&self) -> usize {
        self.messages().count()
    }

    pub fn translated(&self) -> usize {
        self.messages().filter(|m| m.state.is_translated()).count()
    }

    /// Translated messages in percent, rounded down: 100 only when complete.
    pub fn percent(&self) -> u8 {
        match self.expected() {
            0 => 100,
            n => u8::try_from(self.translated() * 100 / n).unwrap_or(100),
        }
    }

    /// Ids in a state.
    pub fn ids(&self, state: State) -> BTreeSet<String> {
        self.messages()
            .filter(|m| m.state == state)
            .map(|m| m.id.clone())
            .collect()
    }

    /// Broken messages as errors, for `check` and `build`. (Syntax errors
    /// already come from loading the bundles.)
    pub fn diagnostics(&self) -> Diagnostics {
        let mut out = Diagnostics::default();
        for file in &self.files {
            for m in file.with_state(State::Broken) {
                out.push(
                    Diagnostic::in_file(
                        &file.file,
                        format!("{}: {}", m.id, m.problem.as_deref().unwrap_or("broken")),
                    )
                    .at(m.line.unwrap_or(1), m.column.unwrap_or(1))
                    .help(help_variables(m)),
                );
            }
        }
        out
    }
}

/// Every locale's review.
#[derive(Debug, Clone)]
pub struct Review {
    pub source_locale: String,
    pub sources: Sources,
    /// The translated locales, in site.toml order.
    pub locales: Vec<LocaleReview>,
}

impl Review {
    pub fn locale(&self, locale: &str) -> Option<&LocaleReview> {
        self.locales.iter().find(|l| l.locale == locale)
    }

    /// Broken messages of every locale, as errors.
    pub fn diagnostics(&self) -> Diagnostics {
        let mut out = Diagnostics::default();
        for locale in &self.locales {
            out.extend(locale.diagnostics());
        }
        out
    }
}
