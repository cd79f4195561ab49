//! What the previous build wrote, so the next one can skip unchanged pages.
//!
//! `.codecompare-manifest` in the output lists every file the build
//! produced: its length and modification time as the build left it, and for
//! pages the fingerprint of everything the page's HTML was made from (its
//! template data and the shared values it borrowed, see `render::lend`).
//! The first line holds the build's salt: a hash of the codecompare binary
//! and of every template file. A page whose fingerprint and salt match, and
//! whose file still has the recorded length and time, is left alone without
//! being rendered; anything else is rendered and compared byte for byte.
//! A missing, older or unreadable manifest only means more rendering.
//!
//! Pages that showed a message in the source locale because the page's
//! locale lacks it also list those message ids (a `!` line), so a page kept
//! without being built still counts in the build report's fallbacks.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use super::stamp::Stamp;

pub const MANIFEST: &str = ".codecompare-manifest";
const HEADER: &str = "codecompare-manifest 1";

/// A path relative to the output, kept as bytes: hashing or comparing a
/// `Path` goes component by component, which made the manifest's lookups a
/// tenth of a one-edit rebuild at 40,000 pages.
pub type Rel = OsString;

/// A table keyed by file: xxh3 hashes a path in a few nanoseconds where the
/// default hasher takes several times longer, and a build inserts one key
/// per page (a 200-code site: 40,000).
pub type Files<V> = HashMap<Rel, V, xxhash_rust::xxh3::Xxh3DefaultBuilder>;

/// Every file a build produced, and the fallbacks of its pages that took any.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub entries: Files<Entry>,
    /// Message ids that fell back, per page (only pages that have some).
    pub fallbacks: Files<Vec<String>>,
}

/// One file as the build left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The page's fingerprint; `None` for data and static files.
    pub fingerprint: Option<u128>,
    pub len: u64,
    /// Modification time in nanoseconds since the epoch.
    pub mtime: u128,
}

impl Entry {
    pub fn of(stamp: Stamp, fingerprint: Option<u128>) -> Entry {
        Entry {
            fingerprint,
            len: stamp.len,
            mtime: stamp.mtime,
        }
    }

    /// Whether the file on disk is still the one recorded.
    pub fn matches(&self, stamp: Stamp) -> bool {
        stamp.is_file && stamp.len == self.len && stamp.mtime == self.mtime
    }
}

/// The previous build's files, or `None` without a readable manifest. Made
/// with another salt (program or templates changed), its files are listed
/// without fingerprints: every page is rendered again.
pub fn load(target: &Path, salt: u128) -> Option<Manifest> {
    let text = std::fs::read_to_string(target.join(MANIFEST)).ok()?;
    let mut lines = text.lines();
    let header = lines.next()?;
    let same_salt = header == format!("{HEADER} {salt:032x}");
    if !same_salt && !header.starts_with(HEADER) {
        return None;
    }
    let mut manifest = Manifest::default();
    for line in lines {
        if let Some(fallbacks) = line.strip_prefix("! ") {
            if let Some((ids, path)) = fallbacks.split_once(' ') {
                let ids = ids.split(',').map(str::to_string).collect();
                manifest.fallbacks.insert(Rel::from(path), ids);
            }
        } else if let Some((path, mut entry)) = parse_line(line) {
            entry.fingerprint = entry.fingerprint.filter(|_| same_salt);
            manifest.entries.insert(path, entry);
        }
    }
    Some(manifest)
}

fn parse_line(line: &str) -> Option<(Rel, Entry)> {
    let mut fields = line.splitn(4, ' ');
    let fingerprint = match fields.next()? {
        "-" => None,
        hex => Some(u128::from_str_radix(hex, 16).ok()?),
    };
    let len = fields.next()?.parse().ok()?;
    let mtime = fields.next()?.parse().ok()?;
    let path = Rel::from(fields.next()?);
    Some((
        path,
        Entry {
            fingerprint,
            len,
            mtime,
        },
    ))
}

/// Writes `manifest`, sorted by path (as bytes), one line at a time.
pub fn write(mut out: impl std::io::Write, salt: u128, manifest: &Manifest) -> std::io::Result<()> {
    let mut sorted: Vec<_> = manifest.entries.iter().collect();
    sorted.sort_unstable_by(|a, b| bytes(a.0).cmp(bytes(b.0)));
    writeln!(out, "{HEADER} {salt:032x}")?;
    let (mut line, mut numbers) = (String::new(), itoa::Buffer::new());
    for (path, entry) in sorted {
        line.clear();
        match entry.fingerprint {
            Some(f) => push_hex(&mut line, f),
            None => line.push('-'),
        }
        line.push(' ');
        line.push_str(numbers.format(entry.len));
        line.push(' ');
        line.push_str(numbers.format(entry.mtime));
        line.push(' ');
        line.push_str(&path.to_string_lossy());
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    let mut fallbacks: Vec<_> = manifest.fallbacks.iter().collect();
    fallbacks.sort_unstable_by(|a, b| bytes(a.0).cmp(bytes(b.0)));
    for (path, ids) in fallbacks {
        writeln!(out, "! {} {}", ids.join(","), path.to_string_lossy())?;
    }
    out.flush()
}

fn bytes(path: &OsStr) -> &[u8] {
    path.as_encoded_bytes()
}

/// `{:032x}`, without the formatting machinery (one per page).
fn push_hex(line: &mut String, value: u128) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for shift in (0..32).rev() {
        line.push(char::from(DIGITS[(value >> (shift * 4)) as usize & 0xf]));
    }
}

/// What every page depends on besides its data: this program and the
/// templates. Read before the templates are loaded, so an edit made during a
/// build changes the next build's salt and nothing is skipped.
pub fn salt(root: &Path) -> u128 {
    let mut hasher = Xxh3::new();
    hash_program(&mut hasher);
    hash_files(
        &mut hasher,
        &root.join(crate::render::templates::TEMPLATES_DIR),
    );
    hasher.digest128()
}

/// This program, known by its file: path, length, modification time and
/// (on Unix) which file it is. A new build of the program is a new file, so
/// its pages are rendered again; reading its megabytes to hash them cost a
/// small site's build 6 ms and only told apart the rare rebuild that came
/// out byte for byte the same.
fn hash_program(hasher: &mut Xxh3) {
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let Ok(metadata) = std::fs::metadata(&exe) else {
        return;
    };
    hasher.update(exe.as_os_str().as_encoded_bytes());
    hasher.update(&metadata.len().to_le_bytes());
    if let Some(since) = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
    {
        hasher.update(&since.as_nanos().to_le_bytes());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        hasher.update(&metadata.dev().to_le_bytes());
        hasher.update(&metadata.ino().to_le_bytes());
    }
}

/// A hash of every file below `dir`, names and bytes: the translations,
/// hashed before they are read, for the input keys of comparison pages.
pub fn tree_hash(dir: &Path) -> u128 {
    let mut hasher = Xxh3::new();
    hash_files(&mut hasher, dir);
    hasher.digest128()
}

/// Links are followed: the loaders read a linked file's target.
fn hash_files(hasher: &mut Xxh3, dir: &Path) {
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
    {
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        hasher.update(entry.path().to_string_lossy().as_bytes());
        hasher.update(&bytes.len().to_le_bytes());
        hasher.update(&bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_survive_the_text() {
        let mut entries = Files::default();
        let page = Entry {
            fingerprint: Some(0xabc),
            len: 10,
            mtime: 1_700_000_000_123_456_789,
        };
        let data = Entry {
            fingerprint: None,
            ..page
        };
        entries.insert(Rel::from("ko/ftp/125 vs 426/index.html"), page);
        entries.insert(Rel::from("sitemap.xml"), data);
        let fallbacks = Files::from_iter([(
            Rel::from("ko/ftp/125 vs 426/index.html"),
            vec!["compare-intro".to_string(), "diff-when".to_string()],
        )]);
        let manifest = Manifest { entries, fallbacks };
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join(MANIFEST)).unwrap();
        write(file, 7, &manifest).unwrap();
        assert_eq!(load(dir.path(), 7), Some(manifest));
        let other = load(dir.path(), 8).unwrap().entries;
        assert_eq!(other.len(), 2, "another salt: the files are still listed");
        assert!(
            other.values().all(|e| e.fingerprint.is_none()),
            "but no fingerprint is trusted"
        );
    }
}
