//! What a review reads from disk, kept between reviews by `serve`.
//!
//! The review compares every locale's `.ftl` files with the English of the
//! content, so it runs after every edit; parsing the translations again
//! each time (740 KB of Korean for this repository) is most of what it
//! reads. A file whose length and modification time are unchanged is taken
//! from here; `serve` also forgets each path the watcher reports (two edits
//! within the clock's resolution can keep both). `check`, `build` and
//! `i18n status` use a fresh cache, so they read everything.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::fingerprint::Record;
use super::ftl::{self, FtlFile};
use crate::diag::Diagnostics;

type Stamp = (u64, Option<SystemTime>);

fn stamp(root: &Path, rel: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(root.join(rel)).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// Parsed `.ftl` files and records, by path relative to the root.
#[derive(Default)]
pub struct ReviewCache {
    files: HashMap<PathBuf, (Stamp, FtlFile)>,
    records: HashMap<PathBuf, (Stamp, Record)>,
}

impl ReviewCache {
    /// Drops `rel` (relative to the root) so the next review reads it again.
    pub fn forget(&mut self, rel: &Path) {
        self.files.remove(rel);
        self.records.remove(rel);
    }

    /// Brings `rels` up to date; then `file` answers for them.
    pub(super) fn read_files(&mut self, root: &Path, rels: &[PathBuf]) {
        for rel in rels {
            let now = stamp(root, rel);
            let cached = self.files.get(rel).map(|(stamp, _)| stamp);
            if now.is_none() || cached != now.as_ref() {
                let file = ftl::read(root, rel);
                match now {
                    Some(now) => {
                        self.files.insert(rel.clone(), (now, file));
                    }
                    None => {
                        self.files.remove(rel);
                    }
                }
            }
        }
    }

    /// A file `read_files` read (none when it could not be read).
    pub(super) fn file(&self, rel: &Path) -> Option<&FtlFile> {
        self.files.get(rel).map(|(_, file)| file)
    }

    /// A locale's record, read again only when it changed.
    pub(super) fn record(&mut self, root: &Path, locale: &str) -> Result<Record, Diagnostics> {
        let rel = Record::path(locale);
        let now = stamp(root, &rel);
        if let (Some(now), Some((stamp, record))) = (now, self.records.get(&rel))
            && *stamp == now
        {
            return Ok(record.clone());
        }
        let record = Record::load(root, locale)?;
        match now {
            Some(now) => {
                self.records.insert(rel, (now, record.clone()));
            }
            None => {
                self.records.remove(&rel);
            }
        }
        Ok(record)
    }
}
