//! Whole-folder work: removing what a build no longer produces, flushing the
//! file system, deleting a replaced build.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::errors::partial_error;
use super::{MARKER, manifest};
use crate::diag::Diagnostic;

/// The files (relative) and folders (absolute, parents first) below
/// `target` when the build started, besides the marker and the manifest.
/// Listed in a thread while pages render: on a disk, walking tens of
/// thousands of folders takes as long as rendering them.
pub(super) struct Listing {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

pub(super) fn list(target: &Path) -> Listing {
    let mut listing = Listing {
        files: Vec::new(),
        folders: Vec::new(),
    };
    for entry in walkdir::WalkDir::new(target)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        let rel = entry.path().strip_prefix(target).unwrap_or(entry.path());
        if entry.file_type().is_dir() {
            listing.folders.push(entry.into_path());
        } else if rel != Path::new(MARKER) && rel != Path::new(manifest::MANIFEST) {
            listing.files.push(rel.to_path_buf());
        }
    }
    listing
}

/// Removes every listed file that this build did not produce, then the
/// folders left empty; the count and the errors.
pub(super) fn remove_stale(
    target: &Path,
    listing: Listing,
    produced: &HashSet<PathBuf>,
) -> (usize, Vec<Diagnostic>) {
    let mut removed = 0;
    let mut errors = Vec::new();
    for rel in listing.files.iter().filter(|rel| !produced.contains(*rel)) {
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
    let mut holding: HashSet<&Path> = HashSet::new();
    for rel in listing.files.iter().filter(|rel| produced.contains(*rel)) {
        for folder in rel.ancestors().skip(1) {
            if !holding.insert(folder) {
                break;
            }
        }
    }
    for folder in listing.folders.iter().rev() {
        let rel = folder.strip_prefix(target).unwrap_or(folder);
        if !holding.contains(rel) {
            let _ = std::fs::remove_dir(folder);
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
