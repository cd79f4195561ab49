//! Discovery and parsing: every file under `content/`, each on its own.
//!
//! Produces the parsed files of each protocol folder plus every problem found
//! on the way (stray files, unreadable or malformed YAML), so validation can go
//! on and report cross-file problems in the same run.
//!
//! A file's parse depends on its bytes alone, so `serve` keeps a `ParseCache`
//! between reloads: a file whose length and modification time are unchanged
//! (and that the watcher did not name) is taken from it, and an edit re-parses
//! only the edited file. `build` and `check` parse everything, with no cache.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::commands::Command;
use super::yaml::{self, Source};
use super::{COMMANDS_DIR, CONTENT_DIR, Code, PAIRS_DIR, PROTOCOL_FILE, PairFile, ProtocolFile};
use crate::diag::{Diagnostic, Diagnostics};

/// The parsed files of one protocol folder.
#[derive(Debug, Default)]
pub struct LoadedProtocol {
    /// The folder name, which must equal the protocol's `id`.
    pub dir: String,
    pub protocol: Option<(ProtocolFile, Source)>,
    /// Code files with their file stems.
    pub codes: Vec<(String, Code, Source)>,
    /// Pair files with their file stems (`125-vs-426`).
    pub pairs: Vec<(String, PairFile, Source)>,
    /// Command files with their file stems (`RETR`).
    pub commands: Vec<(String, Command, Source)>,
    /// Stems of code files that could not be parsed: they exist, so naming
    /// them elsewhere is not a second error.
    pub unparsed_codes: Vec<String>,
}

/// Parsed files by path (relative to the root), each with the length and
/// modification time it had when read.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<PathBuf, Cached>,
    /// Files parsed (not taken from the cache) since the cache was made.
    parsed: usize,
}

struct Cached {
    stamp: Stamp,
    result: Result<Parsed, Diagnostic>,
}

/// What tells a file's bytes changed without reading them: its length and
/// modification time. Editing twice within the clock's resolution can keep
/// both, so `serve` also forgets every path the watcher reports.
type Stamp = (u64, Option<SystemTime>);

impl ParseCache {
    /// Files parsed so far: one per file at the first load, then one per
    /// changed file.
    pub fn parsed(&self) -> usize {
        self.parsed
    }

    /// Drops `rel` (relative to the root) so the next load reads it again.
    pub fn forget(&mut self, rel: &Path) {
        self.files.remove(rel);
    }
}

fn stamp(root: &Path, rel: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(root.join(rel)).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// What a file under `content/` is, by where it sits.
#[derive(Clone, Copy)]
enum FileKind {
    Protocol,
    Code,
    Pair,
    Command,
}

/// Every file under `content/`, parsed; with a cache, only the files it does
/// not hold as they are now (the cache then holds every file, and no file
/// that is gone).
pub fn load_all(root: &Path, cache: Option<&mut ParseCache>) -> (Vec<LoadedProtocol>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::in_file(CONTENT_DIR, "the content folder is missing")
                .help("create content/<protocol>/_protocol.yaml"),
        );
        return (Vec::new(), diagnostics);
    }
    let (files, mut protocols) = discover(root, &mut diagnostics);
    let parsed = match cache {
        None => files
            .par_iter()
            .map(|(_, kind, rel)| parse_file(root, *kind, rel))
            .collect(),
        Some(cache) => parse_cached(root, &files, cache),
    };
    for ((dir, kind, rel), result) in files.iter().zip(parsed) {
        let Some(entry) = protocols.iter_mut().find(|p| &p.dir == dir) else {
            continue;
        };
        match result {
            Ok(Parsed::Protocol(file, source)) => entry.protocol = Some((file, source)),
            Ok(Parsed::Code(stem, file, source)) => entry.codes.push((stem, file, source)),
            Ok(Parsed::Pair(stem, file, source)) => entry.pairs.push((stem, file, source)),
            Ok(Parsed::Command(stem, file, source)) => entry.commands.push((stem, file, source)),
            Err(diagnostic) => {
                if matches!(kind, FileKind::Code) {
                    entry.unparsed_codes.push(file_stem(rel));
                }
                diagnostics.push(diagnostic)
            }
        }
    }
    (protocols, diagnostics)
}

/// The parse of each file: from the cache when its stamp is unchanged, else
/// parsed (in parallel) and put in the cache.
fn parse_cached(
    root: &Path,
    files: &[(String, FileKind, PathBuf)],
    cache: &mut ParseCache,
) -> Vec<Result<Parsed, Diagnostic>> {
    let stamps: Vec<Option<Stamp>> = files.iter().map(|(_, _, rel)| stamp(root, rel)).collect();
    let fresh: Vec<(usize, Result<Parsed, Diagnostic>)> = files
        .par_iter()
        .zip(&stamps)
        .enumerate()
        .filter(|(_, ((_, _, rel), stamp))| {
            let cached = cache.files.get(rel).map(|c| &c.stamp);
            stamp.is_none() || cached != stamp.as_ref()
        })
        .map(|(i, ((_, kind, rel), _))| (i, parse_file(root, *kind, rel)))
        .collect();
    cache.parsed += fresh.len();
    let mut fresh = fresh.into_iter().peekable();
    let mut files_now = HashMap::with_capacity(files.len());
    let mut results = Vec::with_capacity(files.len());
    for (i, ((_, kind, rel), stamp)) in files.iter().zip(stamps).enumerate() {
        let result = match fresh.next_if(|(j, _)| *j == i) {
            Some((_, result)) => result,
            None => match cache.files.remove(rel) {
                Some(cached) => cached.result,
                None => {
                    cache.parsed += 1;
                    parse_file(root, *kind, rel)
                }
            },
        };
        results.push(result.clone());
        if let Some(stamp) = stamp {
            files_now.insert(rel.clone(), Cached { stamp, result });
        }
    }
    cache.files = files_now;
    results
}

/// Walks `content/`, classifying each file; anything that fits nowhere is an error.
fn discover(
    root: &Path,
    diagnostics: &mut Diagnostics,
) -> (Vec<(String, FileKind, PathBuf)>, Vec<LoadedProtocol>) {
    let mut files = Vec::new();
    let mut protocols = Vec::new();
    let walker = WalkDir::new(root.join(CONTENT_DIR))
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| CONTENT_DIR.into());
                diagnostics.push(Diagnostic::in_file(path, format!("cannot read: {err}")));
                continue;
            }
        };
        let rel = relative(root, entry.path());
        let parts: Vec<String> = rel
            .iter()
            .skip(1)
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let is_dir = entry.file_type().is_dir();
        match (parts.as_slice(), is_dir) {
            ([dir], true) => protocols.push(LoadedProtocol {
                dir: dir.clone(),
                ..LoadedProtocol::default()
            }),
            ([_, sub], true) if sub == PAIRS_DIR || sub == COMMANDS_DIR => {}
            ([dir, name], false) if name == PROTOCOL_FILE => {
                files.push((dir.clone(), FileKind::Protocol, rel))
            }
            ([dir, name], false) if is_yaml(name) => files.push((dir.clone(), FileKind::Code, rel)),
            ([dir, sub, name], false) if sub == PAIRS_DIR && is_yaml(name) => {
                files.push((dir.clone(), FileKind::Pair, rel))
            }
            ([dir, sub, name], false) if sub == COMMANDS_DIR && is_yaml(name) => {
                files.push((dir.clone(), FileKind::Command, rel))
            }
            _ => {
                diagnostics.push(stray(&rel, is_dir));
                if is_dir {
                    // Nothing below a stray folder is read; one message is enough.
                    continue;
                }
            }
        }
    }
    for protocol in &protocols {
        let has_file = files
            .iter()
            .any(|(dir, kind, _)| dir == &protocol.dir && matches!(kind, FileKind::Protocol));
        if !has_file {
            let path = Path::new(CONTENT_DIR)
                .join(&protocol.dir)
                .join(PROTOCOL_FILE);
            diagnostics.push(
                Diagnostic::in_file(path, "this protocol folder has no _protocol.yaml")
                    .help("add one with id, name, title, summary, classes and pairs (see CONTRIBUTING.md)"),
            );
        }
    }
    (files, protocols)
}

fn stray(rel: &Path, is_dir: bool) -> Diagnostic {
    let what = if is_dir { "folder" } else { "file" };
    Diagnostic::in_file(rel, format!("unexpected {what} in content/"))
        .help("content/ holds <protocol>/_protocol.yaml, <protocol>/<code>.yaml, <protocol>/pairs/<a>-vs-<b>.yaml and <protocol>/commands/<NAME>.yaml only")
}

#[derive(Clone)]
enum Parsed {
    Protocol(ProtocolFile, Source),
    Code(String, Code, Source),
    Pair(String, PairFile, Source),
    Command(String, Command, Source),
}

fn parse_file(root: &Path, kind: FileKind, rel: &Path) -> Result<Parsed, Diagnostic> {
    let source = yaml::read_source(root, rel)?;
    let stem = rel
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    Ok(match kind {
        FileKind::Protocol => Parsed::Protocol(yaml::parse(&source)?, source),
        FileKind::Code => Parsed::Code(stem, yaml::parse(&source)?, source),
        FileKind::Pair => Parsed::Pair(stem, yaml::parse(&source)?, source),
        FileKind::Command => Parsed::Command(stem, yaml::parse(&source)?, source),
    })
}

fn file_stem(rel: &Path) -> String {
    rel.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
