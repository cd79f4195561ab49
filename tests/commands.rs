//! The command files' reply tables equal the RFCs' tables, transcribed in
//! tests/data (RFC 959 §5.4 and RFC 5321 §4.3.2), group by group.

mod common;

use std::collections::BTreeMap;

use common::*;

/// The reply groups of a command file, as the test reads YAML (independently
/// of the generator's own types).
fn groups(protocol: &str, name: &str) -> BTreeMap<String, Vec<String>> {
    let text = read(&repo().join(format!("content/{protocol}/commands/{name}.yaml")));
    let yaml: serde_json::Value = serde_json::to_value(serde_yaml_value(&text)).unwrap();
    let mut out = BTreeMap::new();
    if let Some(map) = yaml["replies"].as_object() {
        for (key, value) in map {
            let list = value
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            out.insert(key.clone(), list);
        }
    }
    out
}

fn serde_yaml_value(text: &str) -> serde_json::Value {
    // The test reads YAML with a minimal parser for the `replies:` block: one
    // `key: ["a", "b"]` per line, which is how every command file writes it.
    let mut replies = serde_json::Map::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("replies:") {
            inside = true;
            continue;
        }
        if inside {
            let Some(rest) = line.strip_prefix("  ") else {
                break;
            };
            let (key, value) = rest.split_once(':').unwrap();
            let codes: Vec<serde_json::Value> = value
                .trim()
                .trim_matches(|c| c == '[' || c == ']')
                .split(',')
                .map(|s| s.trim().trim_matches('"').to_string())
                .filter(|s| !s.is_empty())
                .map(serde_json::Value::String)
                .collect();
            replies.insert(key.trim().to_string(), serde_json::Value::Array(codes));
        }
    }
    serde_json::json!({ "replies": replies })
}

fn codes_of(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 3)
        .map(str::to_string)
        .collect()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

#[test]
fn ftp_tables_equal_rfc_959() {
    let table = read(&repo().join("tests/data/rfc959-command-replies.txt"));
    let mut current: Option<(String, usize)> = None;
    let mut expected: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let text = line.trim();
        let is_code_line = text.starts_with(|c: char| c.is_ascii_digit() || c == '(');
        if !is_code_line {
            let name = if text == "Connection Establishment" {
                "CONNECT".to_string()
            } else {
                text.to_string()
            };
            let is_command = name == "CONNECT" || name.chars().all(|c| c.is_ascii_uppercase());
            current = is_command.then(|| (name, indent(line)));
            continue;
        }
        let Some((name, base)) = &current else {
            panic!("codes outside a command: {line}")
        };
        let groups = expected.entry(name.clone()).or_default();
        let deeper = indent(line) > base + 3;
        for code in if text.starts_with('(') {
            codes_of(&text.replace(['(', ')'], ""))
        } else {
            codes_of(text)
        } {
            let key = match (deeper, text.starts_with('('), &code[..1]) {
                (true, true, _) => "restart_marker",
                (true, false, _) => "after_preliminary",
                (false, _, "1") => "preliminary",
                (false, _, "3") => "intermediate",
                _ => "final",
            };
            groups.entry(key.to_string()).or_default().push(code);
        }
    }
    assert!(expected.len() >= 34, "parsed {} commands", expected.len());
    for (name, want) in &expected {
        let mut got = groups("ftp", name);
        got.remove("then");
        // RFC 959 lists intermediate replies among the others; the file keeps
        // them apart, so compare the codes of every group as sets in order.
        assert_eq!(&got, want, "FTP {name}: replies differ from RFC 959 §5.4");
    }
}

#[test]
fn smtp_tables_equal_rfc_5321() {
    let table = read(&repo().join("tests/data/rfc5321-command-replies.txt"));
    let mut expected: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut last_key = String::new();
    let mut in_data = false;
    // A wrapped line (a parenthesis carried over) belongs to the line before.
    let mut lines: Vec<String> = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let text = line.trim();
        let starts = ["S: ", "E: ", "I: "].iter().any(|p| text.starts_with(p));
        match lines.last_mut() {
            Some(last) if indent(line) > 6 && !starts => {
                last.push(' ');
                last.push_str(text);
            }
            _ => lines.push(line.to_string()),
        }
    }
    for line in &lines {
        let line = line.as_str();
        let text = line.trim();
        if indent(line) == 6 {
            names = match text {
                "CONNECTION ESTABLISHMENT" => vec!["CONNECT".into()],
                "EHLO or HELO" => vec!["EHLO".into(), "HELO".into()],
                other => vec![other.to_string()],
            };
            in_data = false;
            continue;
        }
        let (key, body) = if let Some(rest) = text.strip_prefix("I: ") {
            // `I: 354 -> data -> S: 250`: the intermediate reply, then what follows the data.
            let (first, after) = rest.split_once("->").unwrap();
            for name in &names {
                let groups = expected.entry(name.clone()).or_default();
                groups
                    .entry("intermediate".into())
                    .or_default()
                    .extend(codes_of(first));
                let after = after.split_once("S:").map_or("", |(_, a)| a);
                groups
                    .entry("after_intermediate".into())
                    .or_default()
                    .extend(codes_of(after));
            }
            in_data = true;
            last_key = "after_intermediate".into();
            continue;
        } else if let Some(rest) = text.strip_prefix("S: ") {
            ("success", rest)
        } else if let Some(rest) = text.strip_prefix("E: ") {
            (
                if in_data && indent(line) > 9 {
                    "after_intermediate"
                } else {
                    "error"
                },
                rest,
            )
        } else {
            (last_key.as_str(), text)
        };
        let key = key.to_string();
        for name in &names {
            expected
                .entry(name.clone())
                .or_default()
                .entry(key.clone())
                .or_default()
                .extend(codes_of(body));
        }
        last_key = key;
    }
    assert!(expected.len() >= 12, "parsed {} commands", expected.len());
    for (name, want) in &expected {
        let mut got = groups("smtp", name);
        got.remove("then");
        let want: BTreeMap<String, Vec<String>> = want
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(
            got, want,
            "SMTP {name}: replies differ from RFC 5321 §4.3.2"
        );
    }
}

#[test]
fn every_listed_code_and_featured_pair_has_an_example() {
    let site = codecompare::content::load(&repo()).expect("the repository's content loads");
    for protocol in &site.protocols {
        let shows = |code: &str| {
            let in_code = protocol.codes.iter().any(|c| {
                c.examples.iter().any(|e| {
                    codecompare::content::examples::codes_in(&e.lines)
                        .iter()
                        .any(|x| x == code)
                })
            });
            let in_pair = protocol.pair_examples.values().flatten().any(|e| {
                codecompare::content::examples::codes_in(&e.lines)
                    .iter()
                    .any(|x| x == code)
            });
            in_code || in_pair
        };
        for command in &protocol.commands {
            for (_, codes) in command.replies.groups() {
                for code in codes {
                    assert!(
                        shows(code),
                        "{} {code} (listed by {}) has no example exchange",
                        protocol.name,
                        command.name
                    );
                }
            }
        }
        if ["ftp", "smtp", "http"].contains(&protocol.id.as_str()) {
            for pair in &protocol.featured {
                let both = |lines: &[codecompare::content::examples::Line]| {
                    let codes = codecompare::content::examples::codes_in(lines);
                    codes.contains(&pair.a) && codes.contains(&pair.b)
                };
                let found = protocol
                    .pair_examples
                    .get(&pair.slug())
                    .into_iter()
                    .flatten()
                    .any(|e| both(&e.lines))
                    || protocol
                        .codes
                        .iter()
                        .flat_map(|c| &c.examples)
                        .any(|e| both(&e.lines));
                assert!(
                    found,
                    "featured {} {} has no example showing both codes",
                    protocol.name,
                    pair.slug()
                );
                for code in [&pair.a, &pair.b] {
                    assert!(
                        shows(code),
                        "{} {code} of a featured pair has no example",
                        protocol.name
                    );
                }
            }
        }
    }
}

/// `check` on a copy of the repository after `edit`, which must fail naming `expected`.
fn refused(file: &str, from: &str, to: &str, expected: &[&str]) {
    let site = repo_site();
    let path = site.path().join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let out = codecompare(&["check", "--root", site.path().to_str().unwrap()]);
    let message = stderr(&out);
    assert!(!out.status.success(), "must fail: {file}");
    for e in expected {
        assert!(message.contains(e), "expected {e:?} in:\n{message}");
    }
}

#[test]
fn bad_examples_and_tables_are_refused_where_they_are() {
    // A reply the command's table does not allow.
    refused(
        "content/ftp/pairs/125-vs-426.yaml",
        "\"S: 426 ",
        "\"S: 200 ",
        &[
            "content/ftp/pairs/125-vs-426.yaml:12:10",
            "example: 200 is not a reply the table allows here for RETR",
        ],
    );
    // A second 1yz reply to one command.
    refused(
        "content/ftp/pairs/125-vs-426.yaml",
        "\"S: 426 ",
        "\"S: 150 ",
        &["a second preliminary (1yz) reply to RETR"],
    );
    // A 3yz not followed by the command the sequence needs.
    refused(
        "content/ftp/331.yaml",
        "\"C: PASS",
        "\"C: NOOP",
        &[
            "content/ftp/331.yaml:29:10",
            "after the intermediate reply to USER, the client must send PASS or ACCT",
        ],
    );
    // A table naming a code that does not exist, a preliminary that is not 1yz.
    refused(
        "content/ftp/commands/RETR.yaml",
        "preliminary: [\"125\", \"150\"]",
        "preliminary: [\"125\", \"250\", \"199\"]",
        &[
            "content/ftp/commands/RETR.yaml:",
            "preliminary reply `250` is not a 1yz code",
            "reply `199` of RETR does not exist",
        ],
    );
    // Unknown keys are refused.
    refused(
        "content/smtp/commands/DATA.yaml",
        "replies:",
        "repiles: x\nreplies:",
        &[
            "content/smtp/commands/DATA.yaml:",
            "unknown field `repiles`",
        ],
    );
    // HTTP: the header RFC 9110 requires.
    refused(
        "content/http/405.yaml",
        "\"S: Allow:",
        "\"S: X-Allow:",
        &[
            "content/http/405.yaml:",
            "RFC 9110 §15.5.6: a 405 response includes Allow",
        ],
    );
}

#[test]
fn a_class_the_protocol_lacks_gets_help_from_its_own_classes() {
    // RFC 5321 has no 1yz replies: the help names SMTP's classes, not "add class 1".
    let site = repo_site();
    let code = read(&site.path().join("content/smtp/250.yaml")).replacen(
        "code: \"250\"",
        "code: \"150\"",
        1,
    );
    std::fs::write(site.path().join("content/smtp/150.yaml"), code).unwrap();
    let out = codecompare(&["check", "--root", site.path().to_str().unwrap()]);
    let message = stderr(&out);
    assert!(message.contains("content/smtp/150.yaml:1:8"), "{message}");
    assert!(
        message.contains("SMTP has no class `1`, so code 150 cannot exist"),
        "{message}"
    );
    assert!(
        message.contains("SMTP's classes are 2, 3, 4, 5"),
        "{message}"
    );
    assert!(!message.contains("add \"1\""), "{message}");
}
