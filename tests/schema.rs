//! The JSON Schemas of the content files: `codecompare schema` writes exactly
//! the committed `schemas/`, the editor settings give every content file of
//! the repository exactly one of them (code, protocol, pair, command), every
//! such file is valid, and the schemas refuse the mistakes a schema can
//! express. Validation is done by an independent validator (Python's `jsonschema`, installed into target/ by
//! scripts/setup-python-tools), not by the Rust code that made the schemas.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::*;
use serde_json::{Value, json};

#[test]
fn committed_schemas_equal_a_fresh_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = codecompare(&["schema", "--output", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let committed = repo().join("schemas");
    assert_eq!(
        names(dir.path()),
        names(&committed),
        "schemas/ holds other files than `codecompare schema` writes"
    );
    for name in names(dir.path()) {
        let fresh = read(&dir.path().join(&name));
        let old = read(&committed.join(&name));
        let first_difference = fresh
            .lines()
            .zip(old.lines())
            .position(|(a, b)| a != b)
            .map_or(fresh.lines().count().min(old.lines().count()), |i| i)
            + 1;
        assert!(
            fresh == old,
            "schemas/{name} is out of date (from line {first_difference}): run `cargo run -- schema` and commit the result"
        );
    }
}

#[test]
fn every_content_file_has_one_schema_and_is_valid() {
    let globs = editor_globs();
    let mut requests = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let rel = path
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let matching: Vec<&String> = globs
            .iter()
            .filter(|(_, patterns)| patterns.iter().any(|p| glob_matches(p, &rel)))
            .map(|(schema, _)| schema)
            .collect();
        assert_eq!(
            matching.len(),
            1,
            "{rel} must match exactly one schema in .vscode/settings.json, matches {matching:?}"
        );
        requests.push((path, repo().join(matching[0])));
    }
    assert!(requests.len() > 300, "the repository's content was found");
    let invalid: Vec<String> = validate(&requests)
        .into_iter()
        .filter(|(_, errors)| !errors.is_empty())
        .map(|(file, errors)| format!("{file}: {errors:?}"))
        .collect();
    assert!(
        invalid.is_empty(),
        "invalid content:\n{}",
        invalid.join("\n")
    );
}

#[test]
fn schemas_refuse_what_they_can_express() {
    let dir = tempfile::tempdir().unwrap();
    let code = read(&repo().join("tests/fixtures/mini/content/ftp/125.yaml"));
    let cases: [(&str, String, &str); 7] = [
        ("valid.yaml", code.clone(), ""),
        (
            "unknown-key.yaml",
            format!("{code}descripton: a misspelt key\n"),
            "Additional properties are not allowed ('descripton' was unexpected)",
        ),
        (
            "empty-summary.yaml",
            replace_line(&code, "summary:", "summary: \"\""),
            "summary: '' does not match",
        ),
        (
            "blank-name.yaml",
            replace_line(&code, "name:", "name: \"   \""),
            "name: '   ' does not match",
        ),
        (
            "javascript-url.yaml",
            code.replacen(
                "https://www.rfc-editor.org/rfc/rfc959#section-4.2",
                "javascript:alert(1)",
                1,
            ),
            "references/0/url: 'javascript:alert(1)' does not match",
        ),
        (
            "missing-fix.yaml",
            code.replacen(
                "fix: |\n  Nothing to fix. Read or write on the open connection and wait for the final reply.\n",
                "",
                1,
            ),
            "'fix' is a required property",
        ),
        (
            "unquoted-code.yaml",
            code.replacen("code: \"125\"", "code: 125", 1),
            "",
        ),
    ];
    let schema = repo().join("schemas/code.schema.json");
    let mut requests = Vec::new();
    for (name, text, _) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        requests.push((path, schema.clone()));
    }
    let pair = dir.path().join("pair.yaml");
    std::fs::write(&pair, "notes: \"\"\nextra: 1\n").unwrap();
    requests.push((pair, repo().join("schemas/pair.schema.json")));
    let protocol = dir.path().join("_protocol.yaml");
    let protocol_text = read(&repo().join("tests/fixtures/mini/content/ftp/_protocol.yaml"));
    std::fs::write(&protocol, format!("{protocol_text}colour: blue\n")).unwrap();
    requests.push((protocol, repo().join("schemas/protocol.schema.json")));
    let command = dir.path().join("NOOP.yaml");
    let command_text = read(&repo().join("content/smtp/commands/NOOP.yaml"));
    let command_text =
        replace_line(&command_text, "summary:", "summary: \"\"").replacen("success:", "sucess:", 1);
    std::fs::write(&command, command_text).unwrap();
    requests.push((command, repo().join("schemas/command.schema.json")));

    let results = validate(&requests);
    for ((name, _, expected), (_, errors)) in cases.iter().zip(&results) {
        if expected.is_empty() {
            assert!(errors.is_empty(), "{name} must be valid: {errors:?}");
        } else {
            assert_eq!(errors.len(), 1, "{name}: one error expected: {errors:?}");
            assert!(
                errors[0].contains(expected),
                "{name}: expected {expected:?} in {errors:?}"
            );
        }
    }
    let pair_errors = &results[cases.len()].1;
    assert!(
        pair_errors
            .iter()
            .any(|e| e.contains("'extra' was unexpected"))
            && pair_errors.iter().any(|e| e.starts_with("notes: ''")),
        "{pair_errors:?}"
    );
    let protocol_errors = &results[cases.len() + 1].1;
    assert!(
        protocol_errors.len() == 1 && protocol_errors[0].contains("'colour' was unexpected"),
        "{protocol_errors:?}"
    );
    let command_errors = &results[cases.len() + 2].1;
    assert!(
        command_errors.len() == 2
            && command_errors
                .iter()
                .any(|e| e.starts_with("replies: ") && e.contains("'sucess' was unexpected"))
            && command_errors.iter().any(|e| e.starts_with("summary: ''")),
        "{command_errors:?}"
    );
}

/// `yaml.schemas` of .vscode/settings.json: schema path → globs.
fn editor_globs() -> Vec<(String, Vec<String>)> {
    let settings: Value =
        serde_json::from_str(&read(&repo().join(".vscode/settings.json"))).unwrap();
    let map = settings["yaml.schemas"].as_object().expect("yaml.schemas");
    map.iter()
        .map(|(schema, globs)| {
            let globs = match globs {
                Value::String(one) => vec![one.clone()],
                other => other
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|g| g.as_str().unwrap().to_string())
                    .collect(),
            };
            (schema.trim_start_matches("./").to_string(), globs)
        })
        .collect()
}

/// The glob subset the settings use: `*` matches within one path segment.
fn glob_matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            let Some(rest) = path.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|&i| rest.is_char_boundary(i) && !rest[..i].contains('/'))
                .any(|i| glob_matches(tail, &rest[i..]))
        }
    }
}

fn replace_line(text: &str, start: &str, with: &str) -> String {
    text.lines()
        .map(|l| if l.starts_with(start) { with } else { l })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Runs the independent validator on (file, schema) pairs; returns each
/// file's errors, in order.
fn validate(requests: &[(PathBuf, PathBuf)]) -> Vec<(String, Vec<String>)> {
    let input = json!(
        requests
            .iter()
            .map(|(file, schema)| json!({"file": file, "schema": schema}))
            .collect::<Vec<_>>()
    );
    let mut child = Command::new(python())
        .arg(repo().join("tests/tools/validate_schema.py"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the validator");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "validator failed: {}", stderr(&out));
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results.len(), requests.len());
    results
        .into_iter()
        .map(|r| {
            let errors = r["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap().to_string())
                .collect();
            (r["file"].as_str().unwrap().to_string(), errors)
        })
        .collect()
}

/// The Python of target/pytools, installed on first use.
fn python() -> PathBuf {
    static READY: OnceLock<PathBuf> = OnceLock::new();
    READY
        .get_or_init(|| {
            let setup = Command::new("bash")
                .arg(repo().join("scripts/setup-python-tools"))
                .status()
                .expect("run scripts/setup-python-tools");
            assert!(
                setup.success(),
                "scripts/setup-python-tools failed: the schema tests need Python 3 with venv and the package registry"
            );
            repo().join("target/pytools/bin/python")
        })
        .clone()
}
