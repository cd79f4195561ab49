//! Writing the site: into a staging folder beside the output, then into place.
//!
//! Last stage of the pipeline. Two ways, chosen by what is already there:
//!
//! - **A new output** (no folder, or an empty one): every file goes into the
//!   staging folder, which then replaces the output folder by a rename.
//! - **An update** (the folder carries our marker): every file is rendered
//!   and compared with the file already there; only files whose bytes
//!   differ are written, into the staging folder. Nothing in the output is
//!   touched until everything has rendered and every changed file is staged
//!   and synced; then each changed file is renamed over its old version
//!   (one atomic rename per file), and files no longer produced are
//!   removed. Unchanged files keep their inode and mtime, so sync tools
//!   upload only what changed.
//!
//! Either way a build that fails before `commit` (content, translations,
//! templates, rendering, or an I/O error while staging) leaves the previous
//! output exactly as it was. The output folder is refused when it could be
//! something other than a previous build: the site root or one of its
//! source folders, the home folder, or a non-empty folder without our
//! marker file.
//!
//! I/O errors carry the code `io`: when a disk fills up, every remaining
//! write fails for the same reason, so `summarize_io` folds them into the
//! first one and a count instead of one line per file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};

mod guard;
use guard::absolute;
pub use guard::check_target;

/// The `code` of every diagnostic this module makes from an I/O error.
pub const IO_ERROR: &str = "io";

/// Test hook, not for users: with `CODECOMPARE_FAIL_WRITES_AFTER=N` in the
/// environment, every file written into the staging folder, and every
/// rename of a staged file into the output, after the first N fails with
/// "No space left on device", so tests can prove what a full disk (or a
/// failure half-way through replacing files) does without filling one.
/// Read once per process.
pub const FAIL_WRITES_AFTER: &str = "CODECOMPARE_FAIL_WRITES_AFTER";

/// Written into every build, so a later build knows the folder is ours.
pub const MARKER: &str = ".codecompare-build";
const MARKER_TEXT: &str = "written by codecompare; the folder is replaced on each build\n";

/// What a build did to the output folder, counted in files (pages, data
/// files and static files; the marker is not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Written: new files and files whose bytes differ.
    pub changed: usize,
    /// Left as they were (same inode, same mtime).
    pub unchanged: usize,
    /// Files of the previous build that this build no longer produces.
    pub removed: usize,
}

/// A build in progress; dropped without `commit`, it removes its staging
/// folder and the output stays as it was.
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    /// The output carries our marker: compare and replace file by file.
    update: bool,
    /// Every file this build produces (update only), relative to the output.
    produced: Mutex<HashSet<PathBuf>>,
    /// The staged files to rename into the output (update only).
    staged: Mutex<Vec<PathBuf>>,
    changed: AtomicUsize,
    unchanged: AtomicUsize,
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
        let update = target.is_dir() && target.join(MARKER).is_file();
        if !update {
            std::fs::write(dir.join(MARKER), MARKER_TEXT)
                .map_err(|err| io_error(&dir, "write to", &err))?;
        }
        Ok(Staging {
            target,
            dir,
            update,
            produced: Mutex::default(),
            staged: Mutex::default(),
            changed: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Stages one file (relative to the output), creating its parents; in
    /// an update, only if its bytes differ from the file already there.
    /// Errors name the file where it would end up in the output (the staging
    /// folder is gone by the time anyone reads them).
    pub fn write(&self, rel: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
        if self.update {
            lock(&self.produced).insert(rel.to_path_buf());
            if same_bytes(&self.target.join(rel), contents) {
                self.unchanged.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        }
        write_file(&self.dir.join(rel), contents, &self.target.join(rel))?;
        if self.update {
            lock(&self.staged).push(rel.to_path_buf());
        }
        self.changed.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Copies `static/` as-is (its absence is fine).
    pub fn copy_static(&self, from: &Path) -> Result<usize, Diagnostic> {
        let mut copied = 0;
        for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
            let bytes =
                std::fs::read(entry.path()).map_err(|err| io_error(entry.path(), "read", &err))?;
            self.write(rel, &bytes)?;
            copied += 1;
        }
        Ok(copied)
    }

    /// Puts the build in place: a new output replaces the folder whole; an
    /// update renames each changed file over its old version and removes
    /// the files no longer produced. I/O errors while doing so are all
    /// collected (each file is then either old or new, never partial).
    pub fn commit(mut self) -> Result<Changes, Diagnostics> {
        let mut changes = Changes {
            changed: self.changed.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
            removed: 0,
        };
        if !self.update {
            self.swap()?;
            return Ok(changes);
        }
        // The staged bytes reach the disk before any name in the output
        // points at them, so a crash cannot leave a renamed, empty file.
        sync_filesystem(&self.dir);
        let mut staged = std::mem::take(&mut *lock(&self.staged));
        staged.sort();
        let mut errors: Vec<Diagnostic> = staged
            .par_iter()
            .filter_map(|rel| self.rename_in(rel).err())
            .collect();
        let produced = std::mem::take(&mut *lock(&self.produced));
        let (removed, remove_errors) = remove_stale(&self.target, &produced);
        changes.removed = removed;
        errors.extend(remove_errors);
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.dir);
        if errors.is_empty() {
            sync_filesystem(&self.target);
            Ok(changes)
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// Renames one staged file over its counterpart in the output.
    fn rename_in(&self, rel: &Path) -> Result<(), Diagnostic> {
        let (from, to) = (self.dir.join(rel), self.target.join(rel));
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|err| partial_error(&to, "create the folder of", &err))?;
        }
        injected_failure()
            .map_or_else(|| std::fs::rename(&from, &to), Err)
            .map_err(|err| partial_error(&to, "replace", &err))
    }

    /// Replaces the output folder with the staging folder.
    fn swap(&mut self) -> Result<(), Diagnostic> {
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

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether `path` holds exactly `contents` (a missing file does not).
fn same_bytes(path: &Path, contents: &[u8]) -> bool {
    let same_len =
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == contents.len() as u64);
    same_len && std::fs::read(path).is_ok_and(|old| old == contents)
}

/// Removes every file below `target` that this build did not produce (the
/// marker stays), then the folders left empty; the count and the errors.
fn remove_stale(target: &Path, produced: &HashSet<PathBuf>) -> (usize, Vec<Diagnostic>) {
    let mut removed = 0;
    let mut errors = Vec::new();
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(target)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        let rel = entry.path().strip_prefix(target).unwrap_or(entry.path());
        if entry.file_type().is_dir() {
            folders.push(entry.into_path());
        } else if rel != Path::new(MARKER) && !produced.contains(rel) {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(err) => errors.push(partial_error(entry.path(), "remove", &err)),
            }
        }
    }
    // Deepest first; a folder that still holds files stays.
    for folder in folders.iter().rev() {
        let _ = std::fs::remove_dir(folder);
    }
    (removed, errors)
}

/// Flushes the file system that holds `path` (Linux `syncfs`: one call
/// instead of one `fsync` per file); elsewhere a no-op.
#[cfg(target_os = "linux")]
fn sync_filesystem(path: &Path) {
    use std::os::fd::AsRawFd;
    if let Ok(dir) = std::fs::File::open(path) {
        // SAFETY: `syncfs` only reads the descriptor, which `dir` keeps open
        // for the duration of the call.
        unsafe {
            libc::syncfs(dir.as_raw_fd());
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_filesystem(_path: &Path) {}

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

fn io_error(path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(format!("cannot {action} {}: {err}", path.display()))
        .code(IO_ERROR)
        .help("nothing was replaced: the previous output is as it was; free disk space or fix the folder's permissions, then build again")
}

/// An I/O error after some files of the output were already replaced.
fn partial_error(path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(format!("cannot {action} {}: {err}", path.display()))
        .code(IO_ERROR)
        .help("the output is part old, part new: every file is whole, either from the previous build or from this one; fix the folder's permissions or free disk space, then build again to finish")
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
