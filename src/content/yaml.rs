//! Reading source files: UTF-8 text, then YAML through serde.
//!
//! The only place that knows the YAML library (serde_yaml is unmaintained
//! upstream; swapping it touches this file alone). Errors come out as
//! diagnostics with the file, line, column and, for a misspelt key, a
//! suggestion.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, did_you_mean};

/// A source file's text with the path used in messages (relative to the root).
#[derive(Debug, Clone)]
pub struct Source {
    pub path: std::path::PathBuf,
    pub text: String,
}

impl Source {
    /// A diagnostic at the first place `needle` appears on or after the line of
    /// `key:`; at the key, or the top of the file, when it is not found.
    pub fn diagnostic_at(
        &self,
        key: &str,
        needle: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let offset = locate(&self.text, key, needle);
        let len = match needle {
            Some(needle) if self.text[offset..].starts_with(needle) => needle.len(),
            _ => self.text[offset..].find(['\n', ':']).unwrap_or(0),
        };
        Diagnostic::in_file(&self.path, message).at_span(&self.text, offset, offset + len)
    }
}

/// Reads `root/rel` as UTF-8 text; an empty file is an error too.
pub fn read_source(root: &Path, rel: &Path) -> Result<Source, Diagnostic> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|err| Diagnostic::in_file(rel, format!("cannot read this file: {err}")))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
        Diagnostic::in_file(rel, "this file is not valid UTF-8")
            .at_offset(&prefix, valid)
            .help("save the file as UTF-8 (without a byte-order mark)")
    })?;
    if text.starts_with('\u{feff}') {
        return Err(Diagnostic::in_file(rel, "this file starts with a byte-order mark (BOM, U+FEFF)")
            .at(1, 1)
            .help("remove the invisible BOM: save the file as UTF-8 without BOM (most editors call it \"UTF-8\", not \"UTF-8 with BOM\")"));
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::in_file(rel, "this file is empty")
            .at(1, 1)
            .help("fill in the required fields, or delete the file"));
    }
    Ok(Source {
        path: rel.to_path_buf(),
        text,
    })
}

/// Parses a YAML document into `T`, rejecting unknown keys (each `T` says
/// `deny_unknown_fields`).
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Diagnostic> {
    check_size_and_nesting(source)?;
    serde_yaml::from_str(&source.text).map_err(|err| yaml_error(source, &err))
}

/// Content files are small and flat. Hostile input (a huge file, or flow
/// collections nested thousands deep, which the YAML parser takes quadratic
/// time on) is refused before parsing; alias bombs are stopped by serde_yaml.
fn check_size_and_nesting(source: &Source) -> Result<(), Diagnostic> {
    const MAX_BYTES: usize = 1 << 20;
    const MAX_DEPTH: usize = 64;
    if source.text.len() > MAX_BYTES {
        return Err(
            Diagnostic::in_file(&source.path, "this file is larger than 1 MiB")
                .at(1, 1)
                .help("a content file holds one code; split or shorten it"),
        );
    }
    let mut depth = 0usize;
    for (offset, byte) in source.text.bytes().enumerate() {
        match byte {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {}
            _ => continue,
        }
        if depth > MAX_DEPTH {
            return Err(Diagnostic::in_file(
                &source.path,
                format!("brackets nested more than {MAX_DEPTH} deep"),
            )
            .at_offset(&source.text, offset)
            .help("content fields are text and lists of codes; remove the nesting"));
        }
    }
    Ok(())
}

fn yaml_error(source: &Source, err: &serde_yaml::Error) -> Diagnostic {
    let full = err.to_string();
    // serde_yaml appends " at line L column C"; the position goes in the header.
    let message = full.split(" at line ").next().unwrap_or(&full).to_string();
    let position = err.location().map(|l| (l.line(), l.column()));
    if let Some(diagnostic) = tab_indentation(source, position) {
        return diagnostic;
    }
    if let Some(diagnostic) = duplicate_key(source, &message) {
        return diagnostic;
    }
    let mut diagnostic = Diagnostic::in_file(&source.path, message.clone());
    diagnostic = match position {
        Some((line, column)) => diagnostic.at(line, column),
        None => diagnostic.at(1, 1),
    };
    if message.contains("invalid type: integer") || message.contains("invalid type: floating point")
    {
        diagnostic = diagnostic.help(
            "codes are text: put them in quotes, e.g. code: \"125\" or related: [\"150\", \"226\"]",
        );
    } else if let Some(help) = unknown_field_help(&message) {
        diagnostic = diagnostic.help(help);
    } else if message.starts_with("missing field") {
        diagnostic =
            diagnostic.help("add the field; see CONTRIBUTING.md for the fields of each file");
    }
    diagnostic
}

/// YAML forbids tabs in indentation; the parser's own message ("found
/// character that cannot start any token") does not say so. Points at the
/// first tab that indents a line, at or before the parser's position.
fn tab_indentation(source: &Source, position: Option<(usize, usize)>) -> Option<Diagnostic> {
    let last_line = position.map_or(usize::MAX, |(line, _)| line);
    let (index, line) = source
        .text
        .lines()
        .enumerate()
        .take(last_line)
        .find(|(_, line)| {
            line.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        })?;
    let column = line.find('\t').unwrap_or(0) + 1;
    Some(
        Diagnostic::in_file(
            &source.path,
            "a tab indents this line; YAML forbids tabs in indentation",
        )
        .at(index + 1, column)
        .help(
            "indent with spaces (two per level); set your editor to insert spaces in .yaml files",
        ),
    )
}

/// serde_yaml reports a duplicate key at the start of its mapping; point at
/// the second occurrence instead.
fn duplicate_key(source: &Source, message: &str) -> Option<Diagnostic> {
    // serde_yaml: `duplicate entry with key "name"`; serde's derive: ``duplicate field `name` ``.
    let key = match message.split_once("duplicate entry with key \"") {
        Some((_, rest)) => rest.split('"').next()?,
        None => message
            .split_once("duplicate field `")?
            .1
            .split('`')
            .next()?,
    };
    let needle = format!("{key}:");
    let mut offsets = source.text.match_indices(&needle).filter(|(i, _)| {
        let line_start = source.text[..*i].rfind('\n').map_or(0, |n| n + 1);
        source.text[line_start..*i]
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '{' || c == ',')
            || source.text[..*i].ends_with(", ")
            || source.text[..*i].ends_with("{ ")
    });
    let first = offsets.next()?.0;
    let second = offsets.next()?.0;
    let (line, _) = crate::diag::line_column(&source.text, first);
    Some(
        Diagnostic::in_file(&source.path, format!("`{key}` is given twice"))
            .at_offset(&source.text, second)
            .help(format!(
                "the first `{key}` is on line {line}; keep one of them"
            )),
    )
}

/// "unknown field `descripton`, expected one of `code`, `description`" →
/// "did you mean `description`?"
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (given, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    did_you_mean(given, candidates.iter().copied()).or_else(|| {
        Some(format!(
            "remove `{given}`; allowed keys are {}",
            candidates.join(", ")
        ))
    })
}

fn locate(text: &str, key: &str, needle: Option<&str>) -> usize {
    let key_start = text
        .match_indices(&format!("{key}:"))
        .find(|(i, _)| *i == 0 || text.as_bytes()[i - 1] == b'\n')
        .map(|(i, _)| i);
    let Some(key_start) = key_start else { return 0 };
    let found = needle.and_then(|needle| {
        text[key_start..]
            .match_indices(needle)
            .map(|(i, _)| key_start + i)
            .find(|&i| is_token(text, i, needle.len()))
    });
    found.unwrap_or(key_start)
}

/// Whether `text[start..start+len]` is not part of a longer word or number.
fn is_token(text: &str, start: usize, len: usize) -> bool {
    let bytes = text.as_bytes();
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(start + len).copied();
    let boundary = |b: Option<u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
    // Only an edge that is itself a letter or digit can run into a longer word.
    let word = |b: u8| b.is_ascii_alphanumeric();
    (!word(bytes[start]) || boundary(before)) && (!word(bytes[start + len - 1]) || boundary(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source {
            path: "x.yaml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn locates_a_value_after_its_key() {
        let s = source("code: \"125\"\nrelated: [\"1250\", \"150\"]\n");
        let d = s.diagnostic_at("related", Some("150"), "m");
        assert_eq!(d.position, Some((2, 20)));
        let d = s.diagnostic_at("missing", None, "m");
        assert_eq!(d.position, Some((1, 1)));
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let help =
            unknown_field_help("unknown field `descripton`, expected one of `code`, `description`");
        assert_eq!(help.as_deref(), Some("did you mean `description`?"));
    }
}
