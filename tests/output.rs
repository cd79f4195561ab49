//! Writing the output: a rebuild writes only the files whose bytes changed
//! (the others keep their inode and mtime) and removes the files no longer
//! produced; a failed build (bad content, or an I/O failure while staging)
//! leaves the previous output byte-for-byte; an I/O failure while files are
//! being replaced leaves every file whole, old or new, and the next build
//! finishes the job. No staging folder is left behind.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
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

/// Every file below `dir`: relative path → (inode, mtime in ns, bytes).
/// Not the manifest: it records modification times, so two folders built
/// from the same site have different ones (tests below look at it alone).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, i128, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != MANIFEST)
        .map(|e| {
            let meta = e.metadata().unwrap();
            let mtime = meta.mtime() as i128 * 1_000_000_000 + meta.mtime_nsec() as i128;
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, (meta.ino(), mtime, std::fs::read(e.path()).unwrap()))
        })
        .collect()
}

/// Builds `root` into a fresh folder beside it and returns its files.
fn fresh_build(root: &Path) -> BTreeMap<PathBuf, (u64, i128, Vec<u8>)> {
    let out = root.join("fresh");
    let _ = std::fs::remove_dir_all(&out);
    let built = codecompare(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", stderr(&built));
    let files = snapshot(&out);
    std::fs::remove_dir_all(&out).unwrap();
    files
}

/// The "N pages changed, M unchanged, K removed" line of a build.
fn counts(output: &std::process::Output) -> (usize, usize, usize) {
    let out = stdout(output);
    let line = out
        .lines()
        .find(|l| l.contains(" pages changed, "))
        .unwrap_or_else(|| panic!("no counts line in {out}"));
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (n[0], n[1], n[2])
}

/// Changes every page: one comment at the end of the base template.
fn edit_every_page(root: &Path) {
    let base = root.join("templates/base.html");
    std::fs::write(&base, read(&base) + "<!-- edited -->\n").unwrap();
}

#[test]
fn a_rebuild_writes_only_what_changed_and_removes_what_is_gone() {
    let site = fixture("mini");
    let root = site.path();
    let first = build(root);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&root.join("public"));
    let (changed, unchanged, removed) = counts(&first);
    assert_eq!((changed, unchanged, removed), (before.len() - 1, 0, 0));

    let manifest = root.join("public").join(MANIFEST);
    let manifest_before = std::fs::metadata(&manifest).unwrap();
    let again = build(root);
    assert_eq!(counts(&again), (0, before.len() - 1, 0), "nothing to do");
    assert_eq!(snapshot(&root.join("public")), before);
    let manifest_after = std::fs::metadata(&manifest).unwrap();
    assert_eq!(
        (manifest_before.ino(), manifest_before.mtime_nsec()),
        (manifest_after.ino(), manifest_after.mtime_nsec()),
        "an unchanged manifest is not written again"
    );

    // One code file edited, and a page left over from an earlier build.
    let file = root.join("content/ftp/125.yaml");
    std::fs::write(
        &file,
        read(&file).replace("name: Data Connection Open", "name: Data Link Open"),
    )
    .unwrap();
    let stray = root.join("public/ftp/999/index.html");
    std::fs::create_dir_all(stray.parent().unwrap()).unwrap();
    std::fs::write(&stray, "old").unwrap();
    let expected = fresh_build(root);
    let rebuilt = build(root);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    let after = snapshot(&root.join("public"));

    assert!(!stray.exists() && !stray.parent().unwrap().exists());
    let paths = |m: &BTreeMap<PathBuf, _>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        paths(&after),
        paths(&expected),
        "same files as a fresh build"
    );
    let mut should_change = 0;
    for (rel, (ino, mtime, bytes)) in &after {
        assert_eq!(
            bytes,
            &expected[rel].2,
            "{} as a fresh build",
            rel.display()
        );
        let (old_ino, old_mtime, old_bytes) = &before[rel];
        if old_bytes == bytes {
            assert_eq!(
                (ino, mtime),
                (old_ino, old_mtime),
                "{} touched",
                rel.display()
            );
        } else {
            should_change += 1;
            assert_ne!(ino, old_ino, "{} replaced by a rename", rel.display());
        }
    }
    assert!(
        should_change > 4,
        "the code's pages changed: {should_change}"
    );
    assert!(should_change < before.len() / 2, "not everything changed");
    assert_eq!(
        counts(&rebuilt),
        (should_change, after.len() - 1 - should_change, 1)
    );
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn a_build_that_fails_on_content_or_templates_touches_nothing() {
    let site = fixture("mini");
    let root = site.path();
    assert!(build(root).status.success());
    let before = snapshot(&root.join("public"));
    let file = root.join("content/ftp/426.yaml");
    let good = read(&file);
    std::fs::write(&file, good.replace("fix:", "fixx:")).unwrap();
    let failed = build(root);
    assert!(!failed.status.success());
    assert_eq!(snapshot(&root.join("public")), before);
    std::fs::write(&file, good).unwrap();
    // Fails at render time, after every other page has rendered.
    let code = root.join("templates/code.html");
    let broken = read(&code).replacen(
        "{% block content %}",
        "{% block content %}{{ no_such_variable }}",
        1,
    );
    std::fs::write(&code, broken).unwrap();
    let failed = build(root);
    assert!(!failed.status.success(), "{}", stdout(&failed));
    assert_eq!(snapshot(&root.join("public")), before);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn a_full_disk_is_one_error_with_a_count_and_changes_nothing() {
    let site = fixture("mini");
    let root = site.path();
    assert!(build(root).status.success());
    let before = snapshot(&root.join("public"));
    edit_every_page(root);

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
        snapshot(&root.join("public")),
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
    let before = snapshot(&root.join("public"));
    edit_every_page(root);
    // As many staged writes as the edit needs, less one: the last fails.
    let pages = html_files(&root.join("public")).len();
    let failed = build_failing_after(root, pages - 1);
    let message = stderr(&failed);
    assert!(!failed.status.success(), "{message}");
    assert!(message.contains("No space left on device"), "{message}");
    assert!(
        message.contains("error: build failed: 1 problem found"),
        "{message}"
    );
    assert_eq!(
        snapshot(&root.join("public")),
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
fn a_failure_while_replacing_files_leaves_each_file_old_or_new() {
    let site = fixture("mini");
    let root = site.path();
    assert!(build(root).status.success());
    let before = snapshot(&root.join("public"));
    edit_every_page(root);
    let expected = fresh_build(root);
    // Every page is staged, then half of the renames into the output fail.
    let pages = html_files(&root.join("public")).len();
    let failed = build_failing_after(root, pages + pages / 2);
    let message = stderr(&failed);
    assert!(!failed.status.success(), "{message}");
    assert!(message.contains("error: cannot replace "), "{message}");
    assert!(message.contains("more I/O error"), "{message}");
    assert!(message.contains("every file is whole"), "{message}");
    let after = snapshot(&root.join("public"));
    let (mut old, mut new) = (0, 0);
    for (rel, (_, _, bytes)) in &after {
        if *bytes == before[rel].2 {
            old += 1;
        } else {
            assert_eq!(*bytes, expected[rel].2, "{} is old or new", rel.display());
            new += 1;
        }
    }
    assert!(old > 0 && new > 0, "{old} old, {new} new");
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));

    let repaired = build(root);
    assert!(repaired.status.success(), "{}", stderr(&repaired));
    let after = snapshot(&root.join("public"));
    for (rel, (_, _, bytes)) in &expected {
        assert_eq!(*bytes, after[rel].2, "{} repaired", rel.display());
    }
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

const MANIFEST: &str = ".codecompare-manifest";

/// A page whose data did not change is not rendered again, but only while
/// its file is the one the manifest records: a file changed in the output
/// by hand is rendered and put back, and so is every page after a template
/// edit (the salt).
#[test]
fn the_manifest_skips_only_files_that_are_as_recorded() {
    let site = fixture("mini");
    let root = site.path();
    let out = root.join("public");
    assert!(build(root).status.success());
    let manifest = read(&out.join(MANIFEST));
    let page = out.join("ftp/125-vs-426/index.html");
    let rel = "ftp/125-vs-426/index.html";
    let line = manifest
        .lines()
        .find(|l| l.ends_with(&format!(" {rel}")))
        .unwrap_or_else(|| panic!("{rel} in the manifest:\n{manifest}"));
    let fields: Vec<&str> = line.split(' ').collect();
    assert_eq!(fields[0].len(), 32, "a page has a fingerprint: {line}");
    assert_eq!(
        fields[1],
        std::fs::metadata(&page).unwrap().len().to_string()
    );
    assert!(
        manifest
            .lines()
            .any(|l| l.starts_with("- ") && l.ends_with(" sitemap.xml")),
        "data files have none"
    );

    // Same length, other bytes, written by hand: repaired.
    let good = read(&page);
    let tampered = good.replacen("<main", "<MAIN", 1);
    std::fs::write(&page, &tampered).unwrap();
    let repaired = build(root);
    assert!(repaired.status.success(), "{}", stderr(&repaired));
    assert_eq!(read(&page), good, "the hand edit is undone");
    assert_eq!(counts(&repaired).0, 1, "{}", stdout(&repaired));

    // A template edit changes every page, fingerprints or not.
    edit_every_page(root);
    let rebuilt = build(root);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert!(read(&page).ends_with("<!-- edited -->\n"));
    let pages = html_files(&out).len();
    assert_eq!(counts(&rebuilt).0, pages, "{}", stdout(&rebuilt));
}
