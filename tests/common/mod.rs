//! Shared test helpers: fixture sites in temporary folders, and running the binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where site.toml, templates/ and i18n/ live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fixture site in a temporary folder: the repository's templates, static
/// files and translations, overlaid with `tests/fixtures/<name>/`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for shared in ["templates", "static", "i18n"] {
        copy_dir(&repo().join(shared), &dir.path().join(shared));
    }
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A copy of the repository's own site (content, translations, templates).
pub fn repo_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for shared in ["templates", "static", "i18n", "content"] {
        copy_dir(&repo().join(shared), &dir.path().join(shared));
    }
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    dir
}

pub fn codecompare(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codecompare"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run codecompare")
}

/// Runs `codecompare build --root <root> --output <root>/public`.
pub fn build(root: &Path) -> Output {
    let out = root.join("public");
    codecompare(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every `index.html`/`.html` file below `dir`.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
}

/// The values of every `attr="..."` in `html`.
pub fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let start = i + needle.len();
            html[start..].find('"').map(|end| &html[start..start + end])
        })
        .collect()
}

/// A hash of every file's path and bytes below `dir`, to prove it unchanged.
pub fn tree_hash(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut entries: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .collect();
    entries.sort();
    for path in entries {
        path.strip_prefix(dir).unwrap().hash(&mut hasher);
        if path.is_file() {
            std::fs::read(&path).unwrap().hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// Decodes the few entities templates produce in attributes.
pub fn unescape(s: &str) -> String {
    s.replace("&#x2F;", "/")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The repository's site built once per test binary, for tests that only read it.
pub fn site() -> &'static Path {
    static SITE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let dir = repo_site();
        let output = build(dir.path());
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        dir
    })
    .path()
    .join("public")
    .leak()
}
