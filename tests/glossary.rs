//! The Korean glossary: `i18n/ko/glossary.toml` lists the terms a Korean
//! engineer expects and the variants that must not appear, and how command
//! names are read aloud (which decides the particle after them). Every
//! message value of `i18n/ko/*.ftl` is checked against it (ids and comments
//! are not text a reader sees, so they are not checked).

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
    #[serde(default)]
    reading: Vec<Reading>,
}

/// How a name is read aloud: `RNFR` is "알엔에프알", so `RNFR`이, `RNFR`을.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reading {
    name: String,
    read: String,
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
    /// The `avoid` entries are endings, found anywhere (`십시오` in
    /// `확인하십시오`), not only where a word starts.
    #[serde(default)]
    anywhere: bool,
}

impl Term {
    fn finds(&self, text: &str, variant: &str) -> bool {
        if self.anywhere {
            text.contains(variant)
        } else {
            finds(text, variant)
        }
    }
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

/// Whether the last syllable of `read` has a final consonant (받침), and
/// whether that consonant is ㄹ (which takes 로, not 으로). `None` when `read`
/// does not end in a Hangul syllable.
fn final_consonant(read: &str) -> Option<(bool, bool)> {
    let last = read.trim().chars().next_back()?;
    if !is_hangul_syllable(last) {
        return None;
    }
    let jong = (last as u32 - 0xAC00) % 28;
    Some((jong != 0, jong == 8))
}

/// The particle right at the start of `next`, if it disagrees with a reading
/// that ends as `(batchim, rieul)` says.
fn wrong_particle(next: &str, (batchim, rieul): (bool, bool)) -> Option<&'static str> {
    let alone = |n: usize| next.chars().nth(n).is_none_or(|c| !is_hangul_syllable(c));
    if next.starts_with("으로") && alone(2) {
        return (!batchim || rieul).then_some("으로");
    }
    if next.starts_with('로') && alone(1) {
        return (batchim && !rieul).then_some("로");
    }
    // (particle, whether it must stand alone, whether it follows a 받침)
    const PARTICLES: [(&str, bool, bool); 10] = [
        ("이나", true, true),
        ("나", true, false),
        ("이", true, true),
        ("가", true, false),
        ("은", false, true),
        ("을", false, true),
        ("과", false, true),
        ("는", false, false),
        ("를", false, false),
        ("와", false, false),
    ];
    PARTICLES
        .into_iter()
        .find(|(p, whole, _)| next.starts_with(p) && (!whole || alone(p.chars().count())))
        .and_then(|(p, _, wants)| (wants != batchim).then_some(p))
}

/// Particles right after `name` (bare or in backticks, not inside a longer
/// name) that disagree with how it is read.
fn particle_errors(text: &str, name: &str, read: &str) -> Vec<String> {
    let Some(ends) = final_consonant(read) else {
        return vec![format!("{name}: reading {read:?} does not end in Hangul")];
    };
    let mut errors = Vec::new();
    for (at, _) in text.match_indices(name) {
        let before = text[..at].chars().next_back();
        let inside = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=');
        if before.is_some_and(inside) {
            continue;
        }
        let rest = &text[at + name.len()..];
        let quoted = before == Some('`');
        let next = if quoted {
            match rest.strip_prefix('`') {
                Some(next) => next,
                None => continue,
            }
        } else {
            rest
        };
        if let Some(p) = wrong_particle(next, ends) {
            let shown = if quoted {
                format!("`{name}`{p}")
            } else {
                format!("{name}{p}")
            };
            errors.push(format!("{shown} (read {read:?})"));
        }
    }
    errors
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
                if term.finds(&other.ko, variant) {
                    problems.push(format!(
                        "{:?} avoids {variant:?}, which the preferred term of {:?} ({}) contains",
                        term.en, other.en, other.ko
                    ));
                }
            }
        }
    }
    let mut names = std::collections::HashSet::new();
    for reading in &glossary.reading {
        if reading.name.trim().is_empty() || final_consonant(&reading.read).is_none() {
            problems.push(format!(
                "reading {:?} = {:?}: needs a name and a Hangul reading",
                reading.name, reading.read
            ));
        }
        if !names.insert(reading.name.as_str()) {
            problems.push(format!("reading {:?} is listed twice", reading.name));
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
                    if term.finds(&value, variant) {
                        problems.push(format!(
                            "{}:{line}: {id}: {variant:?} → use {:?} ({})",
                            relative(file),
                            term.ko,
                            term.en
                        ));
                    }
                }
            }
            for reading in &glossary.reading {
                for error in particle_errors(&value, &reading.name, &reading.read) {
                    problems.push(format!("{}:{line}: {id}: {error}", relative(file)));
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

#[test]
fn particles_follow_the_reading() {
    assert_eq!(final_consonant("알엔에프알"), Some((true, true)));
    assert_eq!(final_consonant("알씨피티"), Some((false, false)));
    assert_eq!(final_consonant("큇"), Some((true, false)));
    let ok = "`RNFR`이 `RNFR`을 `RNFR`로 `RNFR`과 `RNFR`이나 RNFR은";
    assert!(particle_errors(ok, "RNFR", "알엔에프알").is_empty());
    let bad = "`RNFR`가 `RNFR`를 RNFR는 `RNFR`와 `RNFR`나";
    assert_eq!(particle_errors(bad, "RNFR", "알엔에프알").len(), 5);
    assert!(particle_errors("`RCPT`가 `RCPT`로 `RCPT`나", "RCPT", "알씨피티").is_empty());
    assert_eq!(
        particle_errors("`RCPT`이 `RCPT`으로", "RCPT", "알씨피티").len(),
        2
    );
    assert_eq!(
        particle_errors("`QUIT`로 `QUIT`으로", "QUIT", "큇").len(),
        1
    );
    // Not the name itself: a longer name, an argument, a following word.
    assert!(particle_errors("`MAIL FROM`을 HELP MAIL이 `EMAIL`는", "MAIL", "메일").is_empty());
    assert!(particle_errors("`RETR file`을 보냅니다", "RETR", "알이티알").is_empty());
}
