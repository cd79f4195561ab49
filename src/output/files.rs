//! File by file: writing a staged file, comparing with the one in place,
//! flushing what was staged, and the test hook that fails writes.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::FAIL_WRITES_AFTER;
use super::errors::io_error;
use super::stamp::{Anchor, Stamp};
use super::tree::sync_filesystem;
use crate::diag::Diagnostic;

/// Past this many changed files, one `syncfs` is cheaper than a sync per
/// file; below it, `syncfs` would also wait for everything else not yet on
/// disk (a previous build's hundreds of megabytes, say).
const SYNC_EACH_UP_TO: usize = 2_000;

/// Flushes the data of the `count` files staged in `dir`, named `0`, `1`,
/// … (each, or the whole file system).
pub(super) fn sync_files(dir: &Path, count: usize) {
    if count > SYNC_EACH_UP_TO {
        return sync_filesystem(dir);
    }
    let files: Vec<PathBuf> = (0..count).map(|slot| dir.join(slot.to_string())).collect();
    sync_each(&files, std::fs::File::sync_data);
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
    let folders: Vec<PathBuf> = folders.into_iter().collect();
    sync_each(&folders, std::fs::File::sync_all);
}

/// How many flushes wait on the disk at once. A flush is a wait, not CPU
/// work: many at once let the file system commit them together (one
/// journal commit for many files on ext4) instead of one after another.
const SYNCS_AT_ONCE: usize = 32;

/// Opens and flushes every path, `SYNCS_AT_ONCE` at a time.
fn sync_each(paths: &[PathBuf], sync: fn(&std::fs::File) -> std::io::Result<()>) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..SYNCS_AT_ONCE.min(paths.len()) {
            scope.spawn(|| {
                while let Some(path) = paths.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Ok(file) = std::fs::File::open(path) {
                        let _ = sync(&file);
                    }
                }
            });
        }
    });
}

/// The stamp of the file at `rel` below `anchor` if it holds exactly
/// `contents` (a missing file does not).
pub(super) fn same_bytes(anchor: &Anchor, rel: &Path, contents: &[u8]) -> Option<Stamp> {
    let stamp = anchor.stamp(rel)?;
    let same = stamp.is_file
        && stamp.len == contents.len() as u64
        && std::fs::read(anchor.path().join(rel)).is_ok_and(|old| old == contents);
    same.then_some(stamp)
}

/// Writes `path`, creating its parents if `parents`, and returns what the
/// file system says of it (from the open file: no second path lookup);
/// errors name `rel` in the output folder `target` (the path made only then).
pub(super) fn write_file(
    path: &Path,
    contents: &[u8],
    (target, rel): (&Path, &Path),
    parents: bool,
) -> Result<Stamp, Diagnostic> {
    if let Some(parent) = path.parent().filter(|_| parents) {
        std::fs::create_dir_all(parent)
            .map_err(|err| io_error(&target.join(rel), "create the folder of", &err))?;
    }
    let written = match injected_failure() {
        Some(err) => Err(err),
        None => std::fs::File::create(path).and_then(|mut file| {
            file.write_all(contents)?;
            file.metadata().map(|metadata| Stamp::from(&metadata))
        }),
    };
    written.map_err(|err| io_error(&target.join(rel), "write", &err))
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
