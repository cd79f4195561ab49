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
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::Diagnostic;

mod commit;
mod errors;
mod files;
mod guard;
pub mod manifest;
mod stamp;
mod tree;
use errors::io_error;
pub use errors::summarize_io;
use files::{same_bytes, write_file};
use guard::absolute;
pub use guard::check_target;
use manifest::{Entry, Manifest, Rel};
use stamp::Anchor;

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
    /// The output, opened, when it carries our marker: then files are
    /// compared and replaced one by one.
    anchor: Option<Anchor>,
    /// Every file this build produces (update only), relative to the output.
    produced: Mutex<HashSet<Rel>>,
    /// The staged files to rename into the output (update only): the file
    /// at index i is staged as `i` in the staging folder.
    staged: Mutex<Vec<PathBuf>>,
    /// The previous build's manifest (update only; fingerprints only when
    /// made with the same salt); `None` when there is none.
    previous: Option<Manifest>,
    /// This build's manifest, filled as files are written or kept.
    manifest: Mutex<Manifest>,
    salt: u128,
    /// The files already in the output, listed in a thread (update only).
    listing: Mutex<Option<std::thread::JoinHandle<tree::Listing>>>,
    changed: AtomicUsize,
    unchanged: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Checks `target` and creates an empty staging folder beside it;
    /// `salt` is `manifest::salt`, taken before the templates were read.
    pub fn create(root: &Path, target: &Path, salt: u128) -> Result<Staging, Diagnostic> {
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
        let anchor = update
            .then(|| Anchor::open(&target).map_err(|err| io_error(&target, "open", &err)))
            .transpose()?;
        if !update {
            std::fs::write(dir.join(MARKER), MARKER_TEXT)
                .map_err(|err| io_error(&dir, "write to", &err))?;
        }
        let previous = update.then(|| manifest::load(&target, salt)).flatten();
        let listing = update.then(|| {
            let target = target.clone();
            let since = anchor
                .as_ref()
                .zip(previous.as_ref())
                .and_then(|(anchor, previous)| {
                    let written = anchor.stamp(Path::new(manifest::MANIFEST))?.mtime;
                    let known = previous.entries.keys().map(PathBuf::from).collect();
                    Some((anchor.try_clone().ok()?, known, written))
                });
            std::thread::spawn(move || match since {
                Some((anchor, known, written)) => tree::list_since(&anchor, known, written),
                None => tree::list(&target),
            })
        });
        Ok(Staging {
            target,
            dir,
            anchor,
            produced: Mutex::default(),
            staged: Mutex::default(),
            previous,
            manifest: Mutex::default(),
            salt,
            listing: Mutex::new(listing),
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
        self.write_page(rel, contents, None, Vec::new())
    }

    /// `write` for a page with its fingerprint and the ids of the messages
    /// that fell back on it, recorded in the manifest.
    pub fn write_page(
        &self,
        rel: &Path,
        contents: &[u8],
        fingerprint: Option<u128>,
        fallbacks: Vec<String>,
    ) -> Result<(), Diagnostic> {
        self.record_fallbacks(rel, fallbacks);
        if let Some(anchor) = &self.anchor {
            lock(&self.produced).insert(key(rel));
            if let Some(old) = same_bytes(anchor, rel, contents) {
                self.keep(rel, Entry::of(old, fingerprint));
                return Ok(());
            }
        }
        // An update stages its few files flat, named by number: no folders
        // to make in the staging folder, or to remove with it.
        let (staged, parents) = match &self.anchor {
            Some(_) => (self.dir.join(self.slot(rel).to_string()), false),
            None => (self.dir.join(rel), true),
        };
        let stamp = write_file(&staged, contents, (&self.target, rel), parents)?;
        let entry = Entry::of(stamp, fingerprint);
        lock(&self.manifest).entries.insert(key(rel), entry);
        self.changed.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Whether the page at `rel` is the previous build's and was made from
    /// inputs with this fingerprint: then it is kept without being rendered,
    /// and the answer holds the ids of the messages that fell back on it.
    pub fn kept(&self, rel: &Path, fingerprint: u128) -> Option<&[String]> {
        let (previous, anchor) = (self.previous.as_ref()?, self.anchor.as_ref()?);
        let entry = previous.entries.get(rel.as_os_str())?;
        let current = entry.fingerprint == Some(fingerprint)
            && anchor.stamp(rel).is_some_and(|stamp| entry.matches(stamp));
        if !current {
            return None;
        }
        lock(&self.produced).insert(key(rel));
        self.keep(rel, *entry);
        let fallbacks = previous
            .fallbacks
            .get(rel.as_os_str())
            .map_or(&[][..], Vec::as_slice);
        self.record_fallbacks(rel, fallbacks.to_vec());
        Some(fallbacks)
    }

    /// Makes room in the manifest for `pages` entries, so that it does not
    /// grow, rehashing, while the pages are written.
    pub fn expect(&self, pages: usize) {
        lock(&self.manifest).entries.reserve(pages);
    }

    /// Records in the manifest the ids of the messages that fell back on
    /// the page at `rel` (none: nothing to record).
    fn record_fallbacks(&self, rel: &Path, fallbacks: Vec<String>) {
        if !fallbacks.is_empty() {
            lock(&self.manifest).fallbacks.insert(key(rel), fallbacks);
        }
    }

    /// Reserves the staging name of a changed file (update only).
    fn slot(&self, rel: &Path) -> usize {
        let mut staged = lock(&self.staged);
        staged.push(rel.to_path_buf());
        staged.len() - 1
    }

    /// Counts a file left as it is and records it in the manifest.
    fn keep(&self, rel: &Path, entry: Entry) {
        lock(&self.manifest).entries.insert(key(rel), entry);
        self.unchanged.fetch_add(1, Ordering::Relaxed);
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
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// `rel` as a manifest key.
fn key(rel: &Path) -> Rel {
    rel.as_os_str().to_owned()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
