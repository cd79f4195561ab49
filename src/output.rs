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

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};

mod errors;
mod files;
mod guard;
pub mod manifest;
mod stamp;
mod tree;
pub use errors::summarize_io;
use errors::{io_error, partial_error};
use files::{injected_failure, same_bytes, sync_files, sync_folders, write_file};
use guard::absolute;
pub use guard::check_target;
use manifest::{Entry, Manifest, Rel};
use stamp::Anchor;
use tree::{remove_stale, remove_tree};

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
        if !fallbacks.is_empty() {
            let mut manifest = lock(&self.manifest);
            manifest.fallbacks.insert(key(rel), fallbacks);
        }
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
        if !fallbacks.is_empty() {
            let mut manifest = lock(&self.manifest);
            manifest.fallbacks.insert(key(rel), fallbacks.to_vec());
        }
        Some(fallbacks)
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
        let manifest = std::mem::take(&mut *lock(&self.manifest));
        if self.anchor.is_none() {
            self.write_manifest(&manifest)?;
            self.swap()?;
            return Ok(changes);
        }
        let staged = std::mem::take(&mut *lock(&self.staged));
        let changed = self.previous.as_ref() != Some(&manifest);
        // The new manifest is written beside, not yet put in place, while
        // the files are replaced.
        let (removed, mut errors, written) = std::thread::scope(|scope| {
            let written = changed.then(|| scope.spawn(|| self.write_manifest(&manifest)));
            let (removed, errors) = self.replace_files(&staged);
            let written = written.map(|thread| {
                let failed = || Diagnostic::new("writing the build manifest failed");
                thread.join().unwrap_or_else(|_| Err(failed()))
            });
            (removed, errors, written)
        });
        changes.removed = removed;
        // Last, and only if it changed: it names only files in place.
        match written {
            Some(Err(err)) => errors.push(err),
            Some(Ok(())) if errors.is_empty() => errors.extend(self.put_manifest().err()),
            _ => {}
        }
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.dir);
        if errors.is_empty() {
            sync_folders(&self.target, &staged);
            Ok(changes)
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// Renames every staged file into the output and removes the files no
    /// longer produced: how many were removed, and the errors.
    fn replace_files(&self, staged: &[PathBuf]) -> (usize, Vec<Diagnostic>) {
        // The staged bytes reach the disk before any name in the output
        // points at them, so a crash cannot leave a renamed, empty file.
        sync_files(&self.dir, staged.len());
        let mut errors: Vec<Diagnostic> = staged
            .par_iter()
            .enumerate()
            .filter_map(|(slot, rel)| self.rename_in(slot, rel).err())
            .collect();
        let produced = std::mem::take(&mut *lock(&self.produced));
        let listing = lock(&self.listing)
            .take()
            .and_then(|walk| walk.join().ok())
            .unwrap_or_else(|| tree::list(&self.target));
        let (removed, remove_errors) = remove_stale(&self.target, listing, &produced);
        errors.extend(remove_errors);
        (removed, errors)
    }

    /// Writes the manifest into the staging folder, line by line.
    fn write_manifest(&self, manifest: &Manifest) -> Result<(), Diagnostic> {
        let (staged, shown) = (
            self.dir.join(manifest::MANIFEST),
            self.target.join(manifest::MANIFEST),
        );
        std::fs::File::create(&staged)
            .and_then(|file| manifest::write(std::io::BufWriter::new(file), self.salt, manifest))
            .map_err(|err| io_error(&shown, "write", &err))
    }

    /// Puts the manifest written by `write_manifest` beside the output's
    /// files, by a rename.
    fn put_manifest(&self) -> Result<(), Diagnostic> {
        let target = self.target.join(manifest::MANIFEST);
        std::fs::rename(self.dir.join(manifest::MANIFEST), &target)
            .map_err(|err| partial_error(&target, "replace", &err))
    }

    /// Renames the file staged in `slot` over its counterpart in the
    /// output; its folder is made only when missing (most files replace
    /// one in place).
    fn rename_in(&self, slot: usize, rel: &Path) -> Result<(), Diagnostic> {
        let (from, to) = (self.dir.join(slot.to_string()), self.target.join(rel));
        if let Some(err) = injected_failure() {
            return Err(partial_error(&to, "replace", &err));
        }
        match std::fs::rename(&from, &to) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|err| partial_error(&to, "create the folder of", &err))?;
                }
                std::fs::rename(&from, &to)
            }
            renamed => renamed,
        }
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

/// `rel` as a manifest key.
fn key(rel: &Path) -> Rel {
    rel.as_os_str().to_owned()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
