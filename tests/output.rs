//! Writing the output: an I/O failure in the middle of a build (a full disk)
//! is reported once with a count, leaves the previous output byte-for-byte,
//! and leaves no staging folder behind.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// `codecompare build` with the test hook that fails every write after `after`.
fn build_failing_after(root: &Path, after: usize) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args(["build", "--root", root.to_str().unwrap(), "--output"])
        .arg(root.join("public"))
        .env("NO_COLOR", "1")
        .env("CODECOMPARE_FAIL_WRITES_AFTER", after.to_string())
        .output()
        .expect("run codecompare")
}

/// Every entry of `root` whose name says it is a staging or set-aside folder.
fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-") || n.contains(".old-"))
        .collect()
}

#[test]
fn a_full_disk_is_one_error_with_a_count_and_changes_nothing() {
    let site = fixture("mini");
    let root = site.path();
    assert!(build(root).status.success());
    let before = tree_hash(&root.join("public"));

    let failed = build_failing_after(root, 5);
    let message = stderr(&failed);
    assert!(!failed.status.success(), "{message}");
    let errors: Vec<&str> = message.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 2, "one error and the summary:\n{message}");
    assert!(
        errors[0].starts_with("error: cannot write ")
            && errors[0].contains("No space left on device"),
        "{message}"
    );
    let more: usize = errors[0]
        .rsplit_once(", and ")
        .and_then(|(_, tail)| tail.strip_suffix(" more I/O errors"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no `and N more I/O errors` in {:?}", errors[0]));
    assert!(more > 10, "every page after the fifth failed: {more}");
    assert_eq!(errors[1], "error: build failed: 1 problem found");
    assert!(
        message.contains("the previous output is as it was"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");

    assert_eq!(
        tree_hash(&root.join("public")),
        before,
        "previous output changed"
    );
    assert!(
        leftovers(root).is_empty(),
        "left behind: {:?}",
        leftovers(root)
    );
}

#[test]
fn a_write_failure_in_the_last_files_is_reported_too() {
    let site = fixture("mini");
    let root = site.path();
    assert!(build(root).status.success());
    let before = tree_hash(&root.join("public"));
    // As many writes as a build makes, less one: the last (a static file) fails.
    let files = walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count();
    let failed = build_failing_after(root, files - 2);
    let message = stderr(&failed);
    assert!(!failed.status.success(), "{message}");
    assert!(message.contains("No space left on device"), "{message}");
    assert!(
        message.contains("error: build failed: 1 problem found"),
        "{message}"
    );
    assert_eq!(
        tree_hash(&root.join("public")),
        before,
        "previous output changed"
    );
    assert!(
        leftovers(root).is_empty(),
        "left behind: {:?}",
        leftovers(root)
    );
}

#[test]
fn base_url_from_the_command_line_moves_every_link() {
    let site = fixture("mini");
    let root = site.path();
    let out = root.join("pages");
    let built = codecompare(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "https://owner.github.io/codecompare/",
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let html = read(&out.join("ftp/125/index.html"));
    assert!(
        html.contains("rel=\"canonical\" href=\"https://owner.github.io/codecompare/ftp/125/\""),
        "{html}"
    );
    for href in attr_values(&html, "href") {
        let href = unescape(href);
        assert!(
            href.starts_with("https://owner.github.io/codecompare/")
                || href.starts_with("/codecompare/")
                || href.starts_with('#')
                || !href.starts_with('/') && !href.contains("example.org"),
            "{href}"
        );
    }

    let refused = codecompare(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "owner.github.io",
    ]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("--base-url must be an absolute http(s) URL"),
        "{}",
        stderr(&refused)
    );
}
