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
