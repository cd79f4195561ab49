//! The Korean glossary: `i18n/ko/glossary.toml` lists the terms a Korean
//! engineer expects and the variants that must not appear. Every message
//! value of `i18n/ko/*.ftl` is checked against it (ids and comments are not
//! text a reader sees, so they are not checked).

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    en: String,
    ko: String,
    #[serde(default)]
    avoid: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn glossary() -> Glossary {
    let path = root().join("i18n/ko/glossary.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The message values of one `.ftl` file, line by line: `(line number, id,
/// text)`. A message starts at `id = value` (or `-term = value`) and goes on
/// over indented lines and blank lines; a comment or any other line at the
/// margin ends it.
fn values(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with(' ') {
            if let Some(id) = &current {
                out.push((number, id.clone(), line.trim().to_string()));
            }
            continue;
        }
        current = None;
        if line.starts_with('#') {
            continue;
        }
        if let Some((id, value)) = line.split_once('=') {
            let id = id.trim();
            let is_id = id
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_id && !id.is_empty() {
                out.push((number, id.to_string(), value.trim().to_string()));
                current = Some(id.to_string());
            }
        }
    }
    out
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Where `variant` occurs in `text` at the start of a word: the character
/// before it is not a Hangul syllable, so `리셋` is found in `리셋합니다` and
/// `리셋을` but not in `프리셋`, and `원 서버` not in `지원 서버`.
fn finds(text: &str, variant: &str) -> bool {
    text.match_indices(variant).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_hangul_syllable(c))
    })
}

fn ko_files() -> Vec<PathBuf> {
    let dir = root().join("i18n/ko");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn glossary_is_well_formed() {
    let glossary = glossary();
    assert!(!glossary.term.is_empty(), "the glossary has no terms");
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for term in &glossary.term {
        if term.en.trim().is_empty() || term.ko.trim().is_empty() {
            problems.push(format!("a term has an empty en or ko: {:?}", term.en));
        }
        if !seen.insert(term.en.to_lowercase()) {
            problems.push(format!("{:?} is listed twice", term.en));
        }
        if term.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
            problems.push(format!("{:?}: empty note", term.en));
        }
        for variant in &term.avoid {
            if variant.trim().is_empty() {
                problems.push(format!("{:?}: empty avoid entry", term.en));
            }
            // The glossary must not contradict itself: no preferred Korean
            // term may contain a variant some term avoids.
            for other in &glossary.term {
                if finds(&other.ko, variant) {
                    problems.push(format!(
                        "{:?} avoids {variant:?}, which the preferred term of {:?} ({}) contains",
                        term.en, other.en, other.ko
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn korean_files_use_the_glossary_terms() {
    let glossary = glossary();
    let files = ko_files();
    assert!(
        files.iter().any(|f| f.ends_with("site.ftl")),
        "no i18n/ko/*.ftl found"
    );
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, id, value) in values(&text) {
            checked += 1;
            for term in &glossary.term {
                for variant in &term.avoid {
                    if finds(&value, variant) {
                        problems.push(format!(
                            "{}:{line}: {id}: {variant:?} → use {:?} ({})",
                            relative(file),
                            term.ko,
                            term.en
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} value lines read");
    assert!(
        problems.is_empty(),
        "{} glossary violation(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn values_and_word_starts() {
    let ftl = "## 주석: 원 서버\na = 하나\nb =\n    둘\n\n    셋\n# c\n    넷\n-t = 다섯\n";
    let got: Vec<(usize, String, String)> = values(ftl);
    let lines: Vec<(usize, &str, &str)> = got
        .iter()
        .map(|(n, id, v)| (*n, id.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (2, "a", "하나"),
            (3, "b", ""),
            (4, "b", "둘"),
            (6, "b", "셋"),
            (9, "-t", "다섯")
        ]
    );
    assert!(finds("리셋을 보냅니다", "리셋"));
    assert!(finds("연결(리셋)", "리셋"));
    assert!(!finds("프리셋", "리셋"));
    assert!(!finds("지원 서버", "원 서버"));
    assert!(finds("지원 서버와 원 서버", "원 서버"));
}
