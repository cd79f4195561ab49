//! Whole-folder work: removing what a build no longer produces, flushing the
//! file system, deleting a replaced build.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::errors::partial_error;
use super::stamp::Anchor;
use super::{MARKER, manifest};
use crate::diag::Diagnostic;

/// The files and folders (parents first), relative to the output, below
/// `target` when the build started, besides the marker and the manifest.
/// Listed in a thread while pages render.
pub(super) struct Listing {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

/// Every file and folder, walking the whole tree: without a manifest.
pub(super) fn list(target: &Path) -> Listing {
    let mut listing = Listing {
        files: Vec::new(),
        folders: Vec::new(),
    };
    walk(target, target, &mut listing);
    listing
}

fn walk(target: &Path, from: &Path, listing: &mut Listing) {
    for entry in walkdir::WalkDir::new(from)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        let rel = entry.path().strip_prefix(target).unwrap_or(entry.path());
        if entry.file_type().is_dir() {
            listing.folders.push(rel.to_path_buf());
        } else if rel != Path::new(MARKER) && rel != Path::new(manifest::MANIFEST) {
            listing.files.push(rel.to_path_buf());
        }
    }
}

/// The same listing from the previous build's manifest, which names every
/// file that build left (`known`) and was written at `written`, after its
/// last change to the tree. Adding, removing or renaming anything in a
/// folder sets the folder's modification time, so only folders changed
/// since then are read, for files nobody listed (put there by hand, or
/// renamed in by a build that failed before writing its manifest); a new
/// folder in one is walked whole. Walking tens of thousands of folders
/// costs more CPU than the rest of a one-edit rebuild; a `stat` of each
/// costs a fraction of it. Times are compared with `>=`: the file system's
/// clock is coarser than its timestamps.
pub(super) fn list_since(target: &Anchor, known: Vec<PathBuf>, written: u128) -> Listing {
    // Paths as bytes: hashing and sorting a `Path` goes component by component.
    let files: HashSet<&OsStr> = known.iter().map(|rel| rel.as_os_str()).collect();
    let mut folders: HashSet<&OsStr> = HashSet::new();
    for rel in &known {
        for folder in rel.ancestors().skip(1) {
            if !folders.insert(folder.as_os_str()) {
                break;
            }
        }
    }
    // Byte order puts a folder before everything in it; strays found in a
    // changed folder come after the known ones.
    let mut sorted: Vec<&OsStr> = folders.iter().copied().collect();
    sorted.sort_unstable();
    let mut listing = Listing {
        files: Vec::new(),
        folders: sorted
            .iter()
            .filter(|rel| !rel.is_empty())
            .map(PathBuf::from)
            .collect(),
    };
    for rel in sorted {
        // A folder whose time cannot be read is read whole.
        let inside = if rel.is_empty() { OsStr::new(".") } else { rel };
        let unchanged = target
            .stamp(Path::new(inside))
            .is_some_and(|folder| folder.mtime != 0 && folder.mtime < written);
        if !unchanged {
            unlisted(
                target.path(),
                Path::new(rel),
                (&files, &folders),
                &mut listing,
            );
        }
    }
    listing.files.extend(known);
    listing
}

/// The entries of the folder `rel` that the manifest does not know: files,
/// and new folders walked whole.
fn unlisted(
    target: &Path,
    rel: &Path,
    (files, folders): (&HashSet<&OsStr>, &HashSet<&OsStr>),
    listing: &mut Listing,
) {
    for entry in std::fs::read_dir(target.join(rel))
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = rel.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if !folders.contains(path.as_os_str()) {
                listing.folders.push(path);
                walk(target, &entry.path(), listing);
            }
        } else if !files.contains(path.as_os_str())
            && path != Path::new(MARKER)
            && path != Path::new(manifest::MANIFEST)
        {
            listing.files.push(path);
        }
    }
}

/// Removes every listed file that this build did not produce, then the
/// folders left empty; the count and the errors.
pub(super) fn remove_stale(
    target: &Path,
    listing: Listing,
    produced: &HashSet<manifest::Rel>,
) -> (usize, Vec<Diagnostic>) {
    let (mut removed, mut errors) = (0, Vec::new());
    let (stale, kept): (Vec<_>, Vec<_>) = listing
        .files
        .iter()
        .partition(|rel| !produced.contains(rel.as_os_str()));
    for rel in stale {
        let path = target.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => errors.push(partial_error(&path, "remove", &err)),
        }
    }
    // Deepest first, and only folders that may now be empty: not one
    // above a file that stays (trying tens of thousands of full folders
    // costs as much as the rest of a rebuild).
    let mut holding: HashSet<&OsStr> = HashSet::new();
    for rel in kept {
        for folder in rel.ancestors().skip(1) {
            if !holding.insert(folder.as_os_str()) {
                break;
            }
        }
    }
    for rel in listing.folders.iter().rev() {
        if !holding.contains(rel.as_os_str()) {
            let _ = std::fs::remove_dir(target.join(rel));
        }
    }
    (removed, errors)
}

/// Flushes the file system that holds `path` (Linux `syncfs`: one call
/// instead of one `fsync` per file); elsewhere a no-op.
#[cfg(target_os = "linux")]
pub(super) fn sync_filesystem(path: &Path) {
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
pub(super) fn sync_filesystem(_path: &Path) {}

/// Deletes a previous build; its top-level folders (one per locale and
/// protocol) go in parallel, since tens of thousands of files take a while.
pub(super) fn remove_tree(dir: &Path) {
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
