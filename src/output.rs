//! Writing the site: into a staging folder beside the output, then a swap.
//!
//! Last stage of the pipeline. A failed build leaves the previous output
//! exactly as it was; a successful one replaces it whole. The output folder
//! is refused when it could be something other than a previous build: the
//! site root or one of its source folders, the home folder, or a non-empty
//! folder without our marker file.
//!
//! I/O errors carry the code `io`: when a disk fills up, every remaining
//! write fails for the same reason, so `summarize_io` folds them into the
//! first one and a count instead of one line per file.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Diagnostic, Diagnostics};

/// The `code` of every diagnostic this module makes from an I/O error.
pub const IO_ERROR: &str = "io";

/// Test hook, not for users: with `CODECOMPARE_FAIL_WRITES_AFTER=N` in the
/// environment, every file written into the staging folder after the first
/// N fails with "No space left on device", so tests can prove what a full
/// disk does without filling one. Read once per process.
pub const FAIL_WRITES_AFTER: &str = "CODECOMPARE_FAIL_WRITES_AFTER";

/// Written into every build, so a later build knows the folder is ours.
pub const MARKER: &str = ".codecompare-build";
const SOURCE_DIRS: [&str; 5] = ["content", "templates", "i18n", "static", "src"];

/// A build in progress; dropped without `commit`, it removes itself.
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Checks `target` and creates an empty staging folder beside it.
    pub fn create(root: &Path, target: &Path) -> Result<Staging, Diagnostic> {
        let target = absolute(target);
        check_target(&absolute(root), &target)?;
        let parent = target.parent().unwrap_or(Path::new("/"));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        std::fs::create_dir_all(parent).map_err(|err| io_error(parent, "create", &err))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|err| io_error(&dir, "clear", &err))?;
        }
        std::fs::create_dir_all(&dir).map_err(|err| io_error(&dir, "create", &err))?;
        std::fs::write(
            dir.join(MARKER),
            "written by codecompare; the folder is replaced on each build\n",
        )
        .map_err(|err| io_error(&dir, "write to", &err))?;
        Ok(Staging {
            target,
            dir,
            committed: false,
        })
    }

    /// Writes one file below the staging folder, creating its parents.
    /// Errors name the file where it would end up in the output (the staging
    /// folder is gone by the time anyone reads them).
    pub fn write(&self, rel: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
        write_file(&self.dir.join(rel), contents, &self.target.join(rel))
    }

    /// Copies `static/` as-is (its absence is fine).
    pub fn copy_static(&self, from: &Path) -> Result<usize, Diagnostic> {
        let mut copied = 0;
        for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
            let (to, shown) = (self.dir.join(rel), self.target.join(rel));
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|err| io_error(&shown, "create the folder of", &err))?;
            }
            injected_failure()
                .map_or_else(|| std::fs::copy(entry.path(), &to).map(drop), Err)
                .map_err(|err| io_error(&shown, "write", &err))?;
            copied += 1;
        }
        Ok(copied)
    }

    /// Replaces the output folder with the staging folder.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .unwrap_or_default()
                .to_string_lossy(),
            std::process::id()
        ));
        let had_previous = self.target.exists();
        if had_previous {
            std::fs::rename(&self.target, &old)
                .map_err(|err| io_error(&self.target, "move aside", &err))?;
        }
        if let Err(err) = std::fs::rename(&self.dir, &self.target) {
            if had_previous {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(io_error(&self.target, "replace", &err));
        }
        self.committed = true;
        if had_previous {
            remove_tree(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Deletes a previous build; its top-level folders (one per locale and
/// protocol) go in parallel, since tens of thousands of files take a while.
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.par_iter().for_each(|path| {
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
    });
    let _ = std::fs::remove_dir_all(dir);
}

/// Writes `path`, creating its parents; errors name `shown`.
fn write_file(path: &Path, contents: &[u8], shown: &Path) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| io_error(shown, "create the folder of", &err))?;
    }
    injected_failure()
        .map_or_else(|| std::fs::write(path, contents), Err)
        .map_err(|err| io_error(shown, "write", &err))
}

/// The failure `FAIL_WRITES_AFTER` asks for, if this write is past the limit.
fn injected_failure() -> Option<std::io::Error> {
    static LIMIT: OnceLock<Option<usize>> = OnceLock::new();
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let limit = (*LIMIT.get_or_init(|| {
        std::env::var(FAIL_WRITES_AFTER)
            .ok()
            .and_then(|n| n.parse().ok())
    }))?;
    // ENOSPC: "No space left on device".
    (WRITES.fetch_add(1, Ordering::Relaxed) >= limit).then(|| std::io::Error::from_raw_os_error(28))
}

/// Folds every I/O error into the first (in path order) and a count of the
/// others; other diagnostics are kept as they are. One full disk is one
/// problem, not one line per page.
pub fn summarize_io(diagnostics: Diagnostics) -> Diagnostics {
    let (mut io, mut rest): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .0
        .into_iter()
        .partition(|d| d.code == Some(IO_ERROR));
    // They name no source file; their messages start with the path written.
    io.sort_by(|a, b| a.message.cmp(&b.message));
    let mut io = io.into_iter();
    if let Some(mut first) = io.next() {
        let others = io.count();
        if others > 0 {
            let plural = if others == 1 { "" } else { "s" };
            first.message = format!("{}, and {others} more I/O error{plural}", first.message);
        }
        rest.push(first);
    }
    Diagnostics(rest)
}

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

fn absolute(path: &Path) -> PathBuf {
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

fn io_error(path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(format!("cannot {action} {}: {err}", path.display()))
        .code(IO_ERROR)
        .help("nothing was replaced: the previous output is as it was; free disk space or fix the folder's permissions, then build again")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_fold_into_the_first_and_a_count() {
        let err = std::io::Error::from_raw_os_error(28);
        let mut all = Diagnostics::default();
        for page in ["b", "a", "c"] {
            all.push(io_error(Path::new(page), "write", &err));
        }
        all.push(Diagnostic::new("a template problem"));
        let folded = summarize_io(all).0;
        assert_eq!(folded.len(), 2);
        assert_eq!(folded[0].message, "a template problem");
        assert!(folded[1].message.starts_with("cannot write a: "));
        assert!(folded[1].message.ends_with(", and 2 more I/O errors"));
        let one = summarize_io(Diagnostics(vec![io_error(Path::new("a"), "write", &err)])).0;
        assert!(!one[0].message.contains("more"));
    }
}
