//! Watching the site's inputs: which files changed, grouped into bursts.
//!
//! The first event of a burst starts a reload at once (a quiet window of
//! 60 ms after the last event used to be most of the edit → browser time),
//! with two exceptions. A file still being written holds the burst: a write
//! shows as a data change and ends with a close-for-writing event, so the
//! burst waits for that close, at most `SETTLE` from its first event
//! (platforms without close events wait that long after a write). And a
//! path that is no input file (`sedAb12x`, `4913`, `125.yaml.tmp-1`) is
//! usually a tool writing a temporary file to rename it over the original,
//! which it does within microseconds: the burst then takes what follows
//! within `QUIET` of the previous event, so the reload does not see a stray
//! file or a missing one. Events that arrive during a reload are queued and
//! start the next one, so the last edit is never lost.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

/// The folders and files whose changes trigger a reload.
const WATCHED: [&str; 5] = ["content", "templates", "i18n", "static", "site.toml"];
/// How long after an event a burst with a temporary file waits for the next one.
const QUIET: Duration = Duration::from_millis(3);
/// How long after its first event a burst waits for files still being written.
const SETTLE: Duration = Duration::from_millis(10);

/// What a burst of changes touched, by kind of input. Paths are relative to
/// the site root.
#[derive(Debug, Default, Clone)]
pub(super) struct Changes {
    /// `site.toml`, or a path that fits no kind: everything loads again.
    pub all: bool,
    /// Files and folders under `content/`.
    pub content: BTreeSet<PathBuf>,
    /// Files and folders under `i18n/` (`.ftl` files, `_sources.toml`): the
    /// review reads them again.
    pub i18n: BTreeSet<PathBuf>,
    /// Locales whose `.ftl` files changed: their bundles load again.
    pub locales: BTreeSet<String>,
    pub templates: bool,
    /// `static/`: read on request, so only the browsers reload.
    pub statics: bool,
    /// When the first event of the burst arrived.
    pub since: Option<Instant>,
}

impl Changes {
    /// Everything, as at start-up.
    pub fn everything() -> Changes {
        Changes {
            all: true,
            ..Changes::default()
        }
    }

    /// Adds one changed path.
    pub fn add(&mut self, rel: &Path) {
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        match parts.first().map(String::as_str) {
            Some("content") => {
                self.content.insert(rel.to_path_buf());
            }
            Some("i18n") => {
                self.i18n.insert(rel.to_path_buf());
                let is_ftl = rel.extension().is_some_and(|e| e == "ftl");
                match parts.as_slice() {
                    // The locale folder itself: created, removed or renamed.
                    [_, locale] if !is_ftl && rel.extension().is_none() => {
                        self.locales.insert(locale.clone());
                    }
                    [_, locale, _] if is_ftl => {
                        self.locales.insert(locale.clone());
                    }
                    _ => {}
                }
            }
            Some("templates") => self.templates = true,
            Some("static") => self.statics = true,
            _ => self.all = true,
        }
    }

    /// Adds what `other` touched.
    pub fn merge(&mut self, other: Changes) {
        self.all |= other.all;
        self.content.extend(other.content);
        self.i18n.extend(other.i18n);
        self.locales.extend(other.locales);
        self.templates |= other.templates;
        self.statics |= other.statics;
        self.since = match (self.since, other.since) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    /// Whether any input that is loaded (not read on request) changed.
    pub fn loads_anything(&self) -> bool {
        self.all || !self.content.is_empty() || !self.i18n.is_empty() || self.templates
    }
}

/// One file event: the path, relative to the site root, and whether the
/// file may still be being written.
struct Change {
    rel: PathBuf,
    writing: bool,
    /// When the watcher got it.
    at: Instant,
}

/// Calls `on_change` for each burst of changes to the site's inputs.
pub(super) fn watch(
    root: &Path,
    on_change: impl Fn(Changes) + Send + 'static,
) -> Result<notify::RecommendedWatcher, String> {
    let (tx, rx) = mpsc::channel();
    let base = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let watched_root = root.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let writing = match event.kind {
            // Reads, including serve's own, change nothing.
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => false,
            EventKind::Access(_) => return,
            EventKind::Create(CreateKind::File) | EventKind::Modify(ModifyKind::Data(_)) => true,
            _ => false,
        };
        for path in event.paths.iter().filter(|p| !is_editor_noise(p)) {
            let rel = path
                .strip_prefix(&base)
                .or_else(|_| path.strip_prefix(&watched_root))
                .unwrap_or(path);
            let rel = rel.to_path_buf();
            let at = Instant::now();
            let _ = tx.send(Change { rel, writing, at });
        }
    })
    .map_err(|err| format!("cannot watch files: {err}"))?;
    for name in WATCHED {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|err| format!("cannot watch {}: {err}", path.display()))?;
        }
    }
    std::thread::spawn(move || bursts(&rx, on_change));
    Ok(watcher)
}

/// Groups events into bursts: from the first event, whatever is already
/// queued; while a file is still being written, whatever arrives within
/// `SETTLE` of the first; after a temporary file, whatever arrives within
/// `QUIET` of the previous event.
fn bursts(rx: &Receiver<Change>, on_change: impl Fn(Changes)) {
    while let Ok(first) = rx.recv() {
        let since = first.at;
        let mut changes = Changes {
            since: Some(since),
            ..Changes::default()
        };
        let mut writing = HashSet::new();
        let mut temporary = false;
        let mut add = |change: Change| {
            if change.writing {
                writing.insert(change.rel.clone());
            } else {
                writing.remove(&change.rel);
            }
            temporary |= !is_input_file(&change.rel);
            changes.add(&change.rel);
            (!writing.is_empty(), temporary)
        };
        let (mut waiting, mut unsettled) = add(first);
        let mut last = since;
        loop {
            while let Ok(change) = rx.try_recv() {
                (waiting, unsettled) = add(change);
                last = Instant::now();
            }
            let until = match (waiting, unsettled) {
                (true, _) => since + SETTLE,
                (false, true) => (last + QUIET).min(since + SETTLE),
                (false, false) => break,
            };
            let Some(left) = until.checked_duration_since(Instant::now()) else {
                break;
            };
            match rx.recv_timeout(left) {
                Ok(change) => {
                    (waiting, unsettled) = add(change);
                    last = Instant::now();
                }
                Err(RecvTimeoutError::Timeout) => break,
                // The watcher stopped: this burst is the last.
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        on_change(changes);
    }
}

/// Whether a path (relative to the root) is a file the site reads: anything
/// in `static/`, `site.toml`, and by extension in the other folders.
fn is_input_file(rel: &Path) -> bool {
    let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
    match rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy())
    {
        Some(first) if first == "static" => true,
        Some(first) if first == "content" => matches!(ext, "yaml" | "yml"),
        Some(first) if first == "i18n" => matches!(ext, "ftl" | "toml"),
        Some(first) if first == "templates" => ext == "html",
        _ => rel == Path::new("site.toml"),
    }
}

fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        let mut changes = Changes::default();
        for path in paths {
            changes.add(Path::new(path));
        }
        changes
    }

    #[test]
    fn temporary_files_are_told_from_inputs() {
        for input in [
            "content/ftp/125.yaml",
            "i18n/ko/ftp.ftl",
            "i18n/ko/_sources.toml",
            "templates/code.html",
            "static/img/x.png",
            "site.toml",
        ] {
            assert!(is_input_file(Path::new(input)), "{input}");
        }
        for temporary in [
            "content/ftp/sedAb12x",
            "content/ftp/4913",
            "content/ftp/125.yaml.tmp-1",
            "templates/code.html___jb_tmp___",
            "content/ftp",
        ] {
            assert!(!is_input_file(Path::new(temporary)), "{temporary}");
        }
    }

    #[test]
    fn paths_are_placed_by_kind() {
        let c = changes(&["content/ftp/125.yaml", "i18n/ko/ftp.ftl"]);
        assert!(!c.all && !c.templates && !c.statics);
        assert_eq!(c.content.len(), 1);
        assert_eq!(c.i18n.len(), 1);
        assert_eq!(c.locales, BTreeSet::from(["ko".to_string()]));
        let c = changes(&["i18n/ko/_sources.toml"]);
        assert!(
            !c.i18n.is_empty() && c.locales.is_empty(),
            "reviewed again, no bundle"
        );
        assert!(changes(&["i18n/fr"]).locales.contains("fr"));
        assert!(changes(&["site.toml"]).all);
        assert!(changes(&["README.md"]).all, "unplaced: everything");
        let c = changes(&["static/style.css"]);
        assert!(c.statics && !c.loads_anything());
    }

    /// A write in progress holds the burst until the file is closed; the
    /// close and everything queued with it go into the same burst.
    #[test]
    fn a_burst_waits_for_the_write_to_end_and_loses_nothing() {
        let (tx, rx) = mpsc::channel();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = std::sync::Arc::clone(&seen);
        let thread = std::thread::spawn(move || {
            bursts(&rx, move |c| {
                record.lock().unwrap().push(c.content.len());
            })
        });
        let send = |rel: &str, writing| {
            tx.send(Change {
                rel: rel.into(),
                writing,
                at: Instant::now(),
            })
            .unwrap()
        };
        send("content/ftp/125.yaml", true);
        send("content/ftp/426.yaml", false);
        send("content/ftp/125.yaml", false);
        std::thread::sleep(Duration::from_millis(100));
        send("content/ftp/150.yaml", false);
        drop(tx);
        thread.join().unwrap();
        assert_eq!(*seen.lock().unwrap(), [2, 1]);
    }
}
