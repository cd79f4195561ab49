//! Which English each translation was last checked against.
//!
//! `i18n/<locale>/_sources.toml` holds, per translated message, a fingerprint
//! of the English text the translation was reviewed against and that English
//! itself (so `i18n status` can show what changed). codecompare writes it
//! (`i18n accept`); translators and translation tools never edit it. When the
//! English of a message no longer matches its fingerprint, the translation is
//! *outdated*.
//!
//! The fingerprint is FNV-1a (64 bits) of the normalized text: stable across
//! Rust versions and platforms, unlike std's `DefaultHasher`, and plenty for
//! telling versions of one message apart.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::I18N_DIR;
use crate::diag::{Diagnostic, Diagnostics};

pub const RECORD_FILE: &str = "_sources.toml";

const HEADER: &str = "\
# Written by `codecompare i18n accept`: do not edit by hand, and leave it out of
# translation tools. For each translated message, a fingerprint of the English
# it was last reviewed against (FNV-1a of the text) and that English, so
# `codecompare i18n status` can show what changed since. `same = true`: the
# translator confirmed that the English text is right in this language too.
";

/// The fingerprint of a source text: 16 hex digits.
pub fn fingerprint(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = normalize(text).bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("{hash:016x}")
}

/// What counts as a change: not line endings, trailing spaces, or blank
/// lines around the text.
pub fn normalize(text: &str) -> String {
    text.trim()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One message's entry in the record.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// `fingerprint` of the English.
    pub hash: String,
    /// The English text itself.
    pub en: String,
    /// The translation is meant to be identical to the English.
    #[serde(default)]
    pub same: bool,
}

impl Entry {
    pub fn new(english: &str, same: bool) -> Entry {
        Entry {
            hash: fingerprint(english),
            en: normalize(english),
            same,
        }
    }

    /// Whether this entry was made against `english` as it is now.
    pub fn matches(&self, english: &str) -> bool {
        self.hash == fingerprint(english)
    }
}

/// The record of one locale: message id → entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub entries: BTreeMap<String, Entry>,
}

impl Record {
    /// `i18n/<locale>/_sources.toml`, relative to the root.
    pub fn path(locale: &str) -> PathBuf {
        Path::new(I18N_DIR).join(locale).join(RECORD_FILE)
    }

    /// Reads a locale's record; no file is an empty record.
    pub fn load(root: &Path, locale: &str) -> Result<Record, Diagnostics> {
        let rel = Record::path(locale);
        let text = match std::fs::read_to_string(root.join(&rel)) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Record::default());
            }
            Err(err) => {
                return Err(Diagnostic::in_file(&rel, format!("cannot read: {err}")).into());
            }
        };
        if let Some(entries) = parse_own_lines(&text) {
            return Ok(Record { entries });
        }
        toml::from_str(&text)
            .map(|entries| Record { entries })
            .map_err(|err| {
                Diagnostic::in_file(&rel, format!("invalid record: {}", err.message().trim()))
                    .at_offset(&text, err.span().map_or(0, |s| s.start))
                    .help(format!(
                        "this file is written by codecompare; after a merge conflict, keep either side and run `codecompare i18n accept {locale}` for the messages you reviewed"
                    ))
                    .into()
            })
    }

    /// Writes the record: one line per message, sorted, so merges and diffs
    /// stay per message.
    pub fn save(&self, root: &Path, locale: &str) -> std::io::Result<()> {
        std::fs::write(root.join(Record::path(locale)), self.to_toml())
    }

    pub fn to_toml(&self) -> String {
        let mut out = String::from(HEADER);
        out.push('\n');
        for (id, entry) in &self.entries {
            let _ = write!(
                out,
                "{id} = {{ hash = \"{}\", en = {}",
                entry.hash,
                toml_string(&entry.en)
            );
            if entry.same {
                out.push_str(", same = true");
            }
            out.push_str(" }\n");
        }
        out
    }
}

/// Reads the lines `to_toml` writes, without a TOML parser: the record holds
/// all the English of the site, and the toml crate takes longer on it than
/// loading the content (serve reloads it on every edit). `None` for anything
/// else (a hand edit, a merge conflict): then the toml crate reads the file
/// and reports what is wrong.
fn parse_own_lines(text: &str) -> Option<BTreeMap<String, Entry>> {
    let mut entries = BTreeMap::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, rest) = line.split_once(" = { hash = \"")?;
        let (hash, rest) = rest.split_once("\", en = ")?;
        // The strings `toml_string` writes are JSON strings too.
        let mut strings = serde_json::Deserializer::from_str(rest).into_iter::<String>();
        let en = strings.next()?.ok()?;
        let same = match &rest[strings.byte_offset()..] {
            " }" => false,
            ", same = true }" => true,
            _ => return None,
        };
        let valid_id = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if id.is_empty()
            || !id.chars().all(valid_id)
            || !hash.chars().all(|c| c.is_ascii_hexdigit())
        {
            return None;
        }
        let entry = Entry {
            hash: hash.to_string(),
            en,
            same,
        };
        if entries.insert(id.to_string(), entry).is_some() {
            return None;
        }
    }
    Some(entries)
}

/// A TOML basic string on one line.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_fnv1a_of_the_normalized_text() {
        // FNV-1a 64 of the empty string and of "a" (published test vectors).
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("One.\r\nTwo.  \n"), fingerprint("One.\nTwo."));
        assert_ne!(fingerprint("One."), fingerprint("One!"));
    }

    #[test]
    fn record_round_trips_through_its_file_format() {
        let mut record = Record::default();
        record.entries.insert(
            "ftp-125-description".into(),
            Entry::new("Line \"one\" \\ {x}\n\n- two\ttab\n", false),
        );
        record
            .entries
            .insert("code-title".into(), Entry::new("{ $code }", true));
        let text = record.to_toml();
        assert_eq!(text.lines().filter(|l| l.contains(" = { hash")).count(), 2);
        let entries: BTreeMap<String, Entry> = toml::from_str(&text).unwrap();
        assert_eq!(entries, record.entries);
        assert_eq!(parse_own_lines(&text), Some(record.entries));
        assert_eq!(
            parse_own_lines("a = { hash = \"1\", en = \"x\" } # edited"),
            None
        );
    }
}
