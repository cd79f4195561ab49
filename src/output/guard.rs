//! Which folders a build may write: never the site root or a folder that
//! contains it, a source folder, the home folder, a file, or a non-empty
//! folder that a previous build did not write (no marker file).

use std::path::{Path, PathBuf};

use super::MARKER;
use crate::diag::Diagnostic;

const SOURCE_DIRS: [&str; 5] = ["content", "templates", "i18n", "static", "src"];

/// Refuses output folders that a swap could destroy by mistake.
pub fn check_target(root: &Path, target: &Path) -> Result<(), Diagnostic> {
    let refuse = |why: String| {
        Err(Diagnostic::new(format!(
            "refusing to write the site to {}: {why}",
            target.display()
        ))
        .help("pass --output with a new folder, or a folder a previous build wrote (e.g. public/)"))
    };
    let root = canonical(root);
    let target_real = canonical(target);
    if root.starts_with(&target_real) {
        return refuse(
            "it is the site root or contains it, and a build replaces the whole folder".into(),
        );
    }
    for dir in SOURCE_DIRS {
        if target_real.starts_with(root.join(dir)) {
            return refuse(format!("it is inside the source folder {dir}/"));
        }
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if home.is_some_and(|home| canonical(&home).starts_with(&target_real)) {
        return refuse("it is your home folder or contains it".into());
    }
    if target.is_file() {
        return refuse("it is a file".into());
    }
    let non_empty = std::fs::read_dir(target)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if non_empty && !target.join(MARKER).exists() {
        return refuse(format!(
            "it is a non-empty folder that codecompare did not write (no {MARKER} file in it), and a build replaces the whole folder"
        ));
    }
    Ok(())
}

pub(super) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Resolves symlinks of the longest existing ancestor, so `a/../b` and links compare right.
fn canonical(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    out.extend(rest.iter().rev());
    out
}
