//! A rebuild into the previous output skips the comparison pages whose
//! inputs did not change, without building them (`render/inputs.rs`). Here,
//! after each kind of edit a comparison can see, the rebuilt folder must
//! hold exactly what a fresh build of the same site writes, and report the
//! same translation fallbacks: a stale page, or a fallback lost with a
//! skipped page, fails the test.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

const MANIFEST: &str = ".codecompare-manifest";

/// `codecompare build` of `root` into `out`, judging standings on `today`,
/// with more arguments.
fn build_on(root: &Path, out: &Path, today: &str, more: &[&str]) -> Output {
    let built = Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args(["build", "--root", root.to_str().unwrap(), "--output"])
        .arg(out)
        .args(more)
        .env("NO_COLOR", "1")
        .env("CODECOMPARE_TODAY", today)
        .output()
        .expect("run codecompare");
    assert!(built.status.success(), "{}", stderr(&built));
    built
}

/// Every file below `dir` but the manifest, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != MANIFEST)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The report's lines about translations (completeness and fallbacks).
fn translation_lines(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .filter(|l| l.starts_with("Translations") || l.starts_with("Messages that fell back"))
        .map(str::to_string)
        .collect()
}

/// (changed, unchanged, removed) of the "N pages changed, M unchanged, K
/// removed" line.
fn counts(output: &Output) -> (usize, usize, usize) {
    let out = stdout(output);
    let line = out
        .lines()
        .find(|l| l.contains(" pages changed, "))
        .unwrap();
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (n[0], n[1], n[2])
}

fn replace(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn append(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    std::fs::write(&path, read(&path) + text).unwrap();
}

type Edit = (&'static str, &'static str, fn(&Path));

/// Each edit is kept for the ones after it; the second field is the date the
/// build runs on.
const EDITS: &[Edit] = &[
    ("a code of one comparison", "2026-01-01", |root| {
        replace(root, "content/ftp/125.yaml", "already open", "open already")
    }),
    ("a temporary registration", "2026-01-01", |root| {
        append(
            root,
            "content/ftp/426.yaml",
            "standing:\n  status: temporary\n  expires: \"2026-06-30\"\n  spec: \"draft-test\"\n",
        )
    }),
    ("the date, which expires it", "2026-12-01", |_| {}),
    ("the notes of a pair", "2026-12-01", |root| {
        replace(
            root,
            "content/ftp/pairs/125-vs-426.yaml",
            "starts a transfer",
            "opens a transfer",
        )
    }),
    ("the protocol file", "2026-12-01", |root| {
        replace(
            root,
            "content/ftp/_protocol.yaml",
            "Positive Preliminary",
            "Preliminary",
        )
    }),
    ("a translation only comparisons use", "2026-12-01", |root| {
        append(
            root,
            "i18n/de/site.ftl",
            "compare-intro = { $a } und { $b } im Vergleich.\n",
        )
    }),
    ("a translation removed", "2026-12-01", |root| {
        replace(root, "i18n/de/site.ftl", "heading-fix = Lösung\n", "")
    }),
    (
        "another code's name, listed on every code page",
        "2026-12-01",
        |root| replace(root, "content/ftp/226.yaml", "name: ", "name: Renamed "),
    ),
    (
        "one code's fix, shown only on its pages",
        "2026-12-01",
        |root| {
            replace(
                root,
                "content/ftp/150.yaml",
                "fix: |\n  ",
                "fix: |\n  First, ",
            )
        },
    ),
    ("the site's title", "2026-12-01", |root| {
        replace(root, "site.toml", "Mini Codes", "Mini Reply Codes")
    }),
];

#[test]
fn after_each_edit_a_rebuild_writes_what_a_fresh_build_writes() {
    let site = fixture("mini");
    let root = site.path();
    let (out, fresh) = (root.join("public"), root.join("fresh"));
    build_on(root, &out, "2026-01-01", &[]);
    let total = files(&out).len();
    for (what, today, edit) in EDITS {
        edit(root);
        let rebuilt = build_on(root, &out, today, &[]);
        let _ = std::fs::remove_dir_all(&fresh);
        let expected = build_on(root, &fresh, today, &[]);
        assert!(
            files(&out) == files(&fresh),
            "after editing {what}: not as a fresh build"
        );
        assert_eq!(
            translation_lines(&rebuilt),
            translation_lines(&expected),
            "{what}"
        );
        let (changed, unchanged, _) = counts(&rebuilt);
        assert!(changed > 0, "editing {what} changed no page");
        if *what == "a code of one comparison" {
            assert!(
                unchanged > total / 2,
                "{what}: only {unchanged} of {total} kept"
            );
        }
    }
    // The address, given on the command line, is an input too.
    let moved = ["--base-url", "https://moved.example.org"];
    let rebuilt = build_on(root, &out, "2026-12-01", &moved);
    let _ = std::fs::remove_dir_all(&fresh);
    build_on(root, &fresh, "2026-12-01", &moved);
    assert!(counts(&rebuilt).0 > 0);
    assert!(
        files(&out) == files(&fresh),
        "after --base-url: not as a fresh build"
    );
}

#[test]
fn a_kept_page_still_counts_its_fallbacks() {
    let site = fixture("mini");
    let root = site.path();
    let out = root.join("public");
    let first = build_on(root, &out, "2026-01-01", &[]);
    let lines = translation_lines(&first);
    assert!(
        lines.iter().any(|l| l.contains("de: ")),
        "the fixture's German falls back: {lines:?}"
    );
    let again = build_on(root, &out, "2026-01-01", &[]);
    assert_eq!(counts(&again).0, 0, "nothing rebuilt");
    assert_eq!(translation_lines(&again), lines);
}

#[test]
fn files_put_in_the_output_by_hand_are_removed_wherever_they_are() {
    let site = fixture("mini");
    let root = site.path();
    let out = root.join("public");
    build_on(root, &out, "2026-01-01", &[]);
    let built = files(&out);
    let strays = [
        "stray.txt",
        "ko/ftp/125-vs-426/notes.txt",
        "ftp/new/deep/page.html",
    ];
    for stray in strays {
        let path = out.join(stray);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "by hand").unwrap();
    }
    let again = build_on(root, &out, "2026-01-01", &[]);
    // Every file but the marker counts as a page or data file left alone.
    assert_eq!(counts(&again), (0, built.len() - 1, strays.len()));
    assert!(files(&out) == built, "only the strays went");
    assert!(
        !out.join("ftp/new").exists(),
        "and the folders made for them"
    );
}

/// Code pages list codes of other protocols too: the enhanced codes that go
/// with an SMTP reply, and the same number in FTP. Renaming one of those
/// must reach the other protocol's code pages.
#[test]
fn code_pages_follow_codes_of_other_protocols() {
    let site = repo_site();
    let root = site.path();
    let (out, fresh) = (root.join("public"), root.join("fresh"));
    build_on(root, &out, "2026-12-01", &[]);
    let edits = [
        (
            "content/smtp-enhanced/5.1.1.yaml",
            "name: Bad Destination",
            "name: Unknown Destination",
        ),
        (
            "content/ftp/421.yaml",
            "name: Service Not Available",
            "name: Service Closing",
        ),
    ];
    for (file, from, to) in edits {
        replace(root, file, from, to);
        let rebuilt = build_on(root, &out, "2026-12-01", &[]);
        let _ = std::fs::remove_dir_all(&fresh);
        build_on(root, &fresh, "2026-12-01", &[]);
        assert!(counts(&rebuilt).0 > 0, "{file}: nothing changed");
        assert!(
            files(&out) == files(&fresh),
            "after editing {file}: not as a fresh build"
        );
    }
}
