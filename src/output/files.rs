//! File by file: writing a staged file, comparing with the one in place,
//! flushing what was staged, and the test hook that fails writes.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::FAIL_WRITES_AFTER;
use super::errors::io_error;
use super::tree::sync_filesystem;
use crate::diag::Diagnostic;

/// Past this many changed files, one `syncfs` is cheaper than a sync per
/// file; below it, `syncfs` would also wait for everything else not yet on
/// disk (a previous build's hundreds of megabytes, say).
const SYNC_EACH_UP_TO: usize = 2_000;

/// Flushes the staged files' data (each, or the whole file system).
pub(super) fn sync_files(dir: &Path, staged: &[PathBuf]) {
    if staged.len() > SYNC_EACH_UP_TO {
        return sync_filesystem(dir);
    }
    staged.par_iter().for_each(|rel| {
        if let Ok(file) = std::fs::File::open(dir.join(rel)) {
            let _ = file.sync_data();
        }
    });
}

/// Flushes the folders whose entries the renames changed, so the new names
/// are on disk (each, or the whole file system).
pub(super) fn sync_folders(target: &Path, renamed: &[PathBuf]) {
    if renamed.len() > SYNC_EACH_UP_TO {
        return sync_filesystem(target);
    }
    let folders: HashSet<PathBuf> = renamed
        .iter()
        .filter_map(|rel| target.join(rel).parent().map(Path::to_path_buf))
        .chain([target.to_path_buf()])
        .collect();
    for folder in folders {
        if let Ok(dir) = std::fs::File::open(&folder) {
            let _ = dir.sync_all();
        }
    }
}

/// The metadata of the file at `path` if it holds exactly `contents` (a
/// missing file does not).
pub(super) fn same_bytes(path: &Path, contents: &[u8]) -> Option<std::fs::Metadata> {
    let metadata = std::fs::metadata(path).ok()?;
    let same = metadata.is_file()
        && metadata.len() == contents.len() as u64
        && std::fs::read(path).is_ok_and(|old| old == contents);
    same.then_some(metadata)
}

/// Writes `path`, creating its parents, and returns what the file system
/// says of it (from the open file: no second path lookup); errors name `shown`.
pub(super) fn write_file(
    path: &Path,
    contents: &[u8],
    shown: &Path,
) -> Result<std::fs::Metadata, Diagnostic> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| io_error(shown, "create the folder of", &err))?;
    }
    let written = match injected_failure() {
        Some(err) => Err(err),
        None => std::fs::File::create(path).and_then(|mut file| {
            file.write_all(contents)?;
            file.metadata()
        }),
    };
    written.map_err(|err| io_error(shown, "write", &err))
}

/// The failure `FAIL_WRITES_AFTER` asks for, if this write is past the limit.
pub(super) fn injected_failure() -> Option<std::io::Error> {
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
