//! Putting a finished build in place: a new output by one rename of the
//! staging folder, an update file by file (each file old or new, never
//! partial), with the manifest written while files are renamed and put in
//! place last, only if nothing failed.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use super::errors::{io_error, partial_error};
use super::files::{injected_failure, sync_files, sync_folders};
use super::manifest::{self, Manifest};
use super::tree::{self, remove_stale, remove_tree};
use super::{Changes, Staging, lock};
use crate::diag::{Diagnostic, Diagnostics};

impl Staging {
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
