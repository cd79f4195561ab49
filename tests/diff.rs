//! `codecompare diff`: what an edit did to the built site, per locale.

mod common;

use std::path::Path;

use common::*;
use serde_json::{Value, json};

fn build_into(root: &Path, out: &str) {
    let output = codecompare(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        root.join(out).to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

fn diff(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "diff".to_string(),
        root.join("old").to_string_lossy().into_owned(),
        root.join("new").to_string_lossy().into_owned(),
        "--root".into(),
        root.to_string_lossy().into_owned(),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    codecompare(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The mini site built, 426's summary edited, built again.
fn edited_site() -> tempfile::TempDir {
    let site = fixture("mini");
    let root = site.path();
    build_into(root, "old");
    let file = root.join("content/ftp/426.yaml");
    let text = read(&file);
    let line = text.lines().find(|l| l.starts_with("summary:")).unwrap();
    std::fs::write(&file, text.replacen(line, "summary: An edited summary.", 1)).unwrap();
    build_into(root, "new");
    site
}

/// The pages that show 426's summary: its own page, the protocol page, its
/// three comparisons and the page of 226, which lists 426 as related.
fn pages_showing_426(prefix: &str) -> Vec<String> {
    [
        "",
        "125-vs-426/",
        "150-vs-426/",
        "226-vs-426/",
        "226/",
        "426/",
    ]
    .iter()
    .map(|p| format!("{prefix}/ftp/{p}"))
    .collect()
}

#[test]
fn an_edited_code_changes_its_pages_in_each_locale_that_shows_the_english() {
    let site = edited_site();
    let out = diff(site.path(), &["--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let nothing: Vec<String> = Vec::new();
    assert_eq!(
        report["pages"],
        json!([
            // English and German (whose fixture has no translation of 426)
            // show the new English summary; Korean shows its translation.
            {"locale": "en", "added": nothing, "removed": nothing, "changed": pages_showing_426("")},
            {"locale": "ko", "added": nothing, "removed": nothing, "changed": nothing},
            {"locale": "de", "added": nothing, "removed": nothing, "changed": pages_showing_426("/de")},
        ])
    );
    assert_eq!(
        report["files"],
        json!({"added": nothing, "removed": nothing, "changed":
            ["/ftp/codes.json", "/search/de.json", "/search/en.json", "/search/ko.json"]})
    );
}

#[test]
fn the_text_report_counts_and_lists_per_locale() {
    let site = edited_site();
    let out = diff(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut expected = String::from("en: 6 pages differ (0 added, 0 removed, 6 changed)\n");
    for page in pages_showing_426("") {
        expected.push_str(&format!("  changed {page}\n"));
    }
    expected.push_str("ko: no page differs\n");
    expected.push_str("de: 6 pages differ (0 added, 0 removed, 6 changed)\n");
    for page in pages_showing_426("/de") {
        expected.push_str(&format!("  changed {page}\n"));
    }
    expected.push_str("other files: 4 files differ (0 added, 0 removed, 4 changed)\n");
    for file in [
        "/ftp/codes.json",
        "/search/de.json",
        "/search/en.json",
        "/search/ko.json",
    ] {
        expected.push_str(&format!("  changed {file}\n"));
    }
    expected.push_str("In all, 12 pages in 2 locales and 4 other files differ\n");
    assert_eq!(text, expected);
    assert_eq!(diff(site.path(), &["--exit-code"]).status.code(), Some(1));
}

#[test]
fn a_new_code_adds_pages_and_equal_builds_differ_in_nothing() {
    let site = fixture("mini");
    let root = site.path();
    build_into(root, "old");
    build_into(root, "new");
    let same = diff(root, &["--exit-code"]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert!(stdout(&same).ends_with("In all, 0 pages in 0 locales and 0 other files differ\n"));

    let code = read(&root.join("content/ftp/150.yaml")).replace("\"150\"", "\"151\"");
    std::fs::write(root.join("content/ftp/151.yaml"), code).unwrap();
    build_into(root, "new");
    let out = diff(root, &["--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let added = report["pages"][0]["added"].as_array().unwrap();
    assert!(added.contains(&json!("/ftp/151/")), "{added:?}");
    assert!(added.contains(&json!("/ftp/150-vs-151/")), "{added:?}");
    assert!(
        added.iter().all(|p| p.as_str().unwrap().contains("151")),
        "{added:?}"
    );
    let ko_added = report["pages"][1]["added"].as_array().unwrap();
    assert!(ko_added.contains(&json!("/ko/ftp/151/")), "{ko_added:?}");
    assert_eq!(added.len(), ko_added.len());
}

#[test]
fn a_missing_folder_is_an_error_with_exit_code_2() {
    let site = fixture("mini");
    let out = diff(site.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a folder"), "{}", stderr(&out));
}
