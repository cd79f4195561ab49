//! What a change did to the built site: the pages added, removed and changed
//! between two outputs, per locale, for a reviewer (`codecompare diff`).
//!
//! Takes two output folders and the site's locales; compares every file by
//! its bytes (a build is deterministic, so equal inputs give equal bytes).
//! Only the marker file is ignored. HTML files are pages, named by the path
//! a reader visits (`/ko/ftp/426/`); everything else (sitemap, search
//! indexes, codes.json, static files) is listed apart as other files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::output::MARKER;
use crate::output::manifest::MANIFEST;

/// The changes in one group: one locale's pages, or the other files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// `12 pages differ (2 added, 0 removed, 10 changed)`, or `no page differs`.
    fn counts(&self, what: &str) -> String {
        match total(self) {
            0 => format!("no {what} differs"),
            n => format!(
                "{n} {what}{} differ{} ({} added, {} removed, {} changed)",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" },
                self.added.len(),
                self.removed.len(),
                self.changed.len()
            ),
        }
    }

    /// In the order a reader sees paths: `/ftp/` before `/ftp/125/`.
    fn sort(&mut self) {
        for list in [&mut self.added, &mut self.removed, &mut self.changed] {
            list.sort();
        }
    }
}

/// One locale's changed pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocaleChanges {
    pub locale: String,
    #[serde(flatten)]
    pub pages: Changes,
}

/// Everything that differs between two outputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteDiff {
    /// One entry per locale of the site, in its order, changed or not.
    pub pages: Vec<LocaleChanges>,
    /// Files that are not pages, whatever their locale.
    pub files: Changes,
}

/// Compares the outputs `old` and `new` of a site with these locales (the
/// first default: its pages have no locale prefix).
pub fn diff(
    old: &Path,
    new: &Path,
    default_locale: &str,
    locales: &[String],
) -> Result<SiteDiff, Diagnostic> {
    let before = files(old)?;
    let after = files(new)?;
    let mut pages: BTreeMap<&str, Changes> = BTreeMap::new();
    let mut other = Changes::default();
    let mut record = |rel: &str, pick: fn(&mut Changes) -> &mut Vec<String>| {
        let (locale, name, page) = classify(rel, default_locale, locales);
        let group = if page {
            pages.entry(locale).or_default()
        } else {
            &mut other
        };
        pick(group).push(name);
    };
    for (rel, path) in &before {
        match after.get(rel) {
            None => record(rel, |c| &mut c.removed),
            Some(new_path) if !same_bytes(path, new_path)? => record(rel, |c| &mut c.changed),
            Some(_) => {}
        }
    }
    for rel in after.keys().filter(|rel| !before.contains_key(*rel)) {
        record(rel, |c| &mut c.added);
    }
    let pages = locales
        .iter()
        .map(|locale| {
            let mut changes = pages.remove(locale.as_str()).unwrap_or_default();
            changes.sort();
            LocaleChanges {
                locale: locale.clone(),
                pages: changes,
            }
        })
        .collect();
    other.sort();
    Ok(SiteDiff {
        pages,
        files: other,
    })
}

/// The locale of a file, the path a reader would use, and whether it is a page.
fn classify<'a>(
    rel: &str,
    default_locale: &'a str,
    locales: &'a [String],
) -> (&'a str, String, bool) {
    let first = rel.split('/').next().unwrap_or_default();
    let locale = locales
        .iter()
        .find(|l| l.as_str() == first && l.as_str() != default_locale && rel.contains('/'))
        .map_or(default_locale, String::as_str);
    let page = rel.ends_with(".html");
    let name = match rel.strip_suffix("index.html") {
        Some(dir) if page => format!("/{dir}"),
        _ => format!("/{rel}"),
    };
    (locale, name, page)
}

/// Every file below `dir` by its `/`-separated relative path, sorted; the marker left out.
fn files(dir: &Path) -> Result<BTreeMap<String, PathBuf>, Diagnostic> {
    if !dir.is_dir() {
        return Err(
            Diagnostic::new(format!("{} is not a folder", dir.display()))
                .help("pass two folders that `codecompare build --output DIR` wrote"),
        );
    }
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry
            .map_err(|err| Diagnostic::new(format!("cannot read {}: {err}", dir.display())))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        // The build's own bookkeeping, not part of the site.
        if rel != MARKER && rel != MANIFEST {
            found.insert(rel, entry.into_path());
        }
    }
    Ok(found)
}

fn same_bytes(a: &Path, b: &Path) -> Result<bool, Diagnostic> {
    let read = |p: &Path| {
        std::fs::read(p)
            .map_err(|err| Diagnostic::new(format!("cannot read {}: {err}", p.display())))
    };
    Ok(read(a)? == read(b)?)
}

impl SiteDiff {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.pages.iter().all(|l| l.pages.is_empty())
    }

    /// For people: per locale a count line and one line per page (at most
    /// `limit` per locale, then how many more), then the other files, then
    /// the totals.
    pub fn to_text(&self, limit: Option<usize>) -> String {
        let mut out = String::new();
        let mut list = |title: String, changes: &Changes| {
            out.push_str(&title);
            out.push('\n');
            let lines = [
                ("added  ", &changes.added),
                ("removed", &changes.removed),
                ("changed", &changes.changed),
            ]
            .into_iter()
            .flat_map(|(word, names)| names.iter().map(move |name| (word, name)));
            let shown = limit.unwrap_or(usize::MAX);
            for (word, name) in lines.take(shown) {
                out.push_str(&format!("  {word} {name}\n"));
            }
            if total(changes) > shown {
                out.push_str(&format!("  … and {} more\n", total(changes) - shown));
            }
        };
        for locale in &self.pages {
            list(
                format!("{}: {}", locale.locale, locale.pages.counts("page")),
                &locale.pages,
            );
        }
        list(
            format!("other files: {}", self.files.counts("file")),
            &self.files,
        );
        let pages: usize = self.pages.iter().map(|l| total(&l.pages)).sum();
        let locales = self.pages.iter().filter(|l| !l.pages.is_empty()).count();
        out.push_str(&format!(
            "In all, {pages} page{} in {locales} locale{} and {} other file{} differ\n",
            plural(pages),
            plural(locales),
            total(&self.files),
            plural(total(&self.files)),
        ));
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn total(changes: &Changes) -> usize {
    changes.added.len() + changes.removed.len() + changes.changed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_pages_of_a_locale_or_other_files() {
        let locales = ["en".to_string(), "ko".to_string()];
        let c = |rel| classify(rel, "en", &locales);
        assert_eq!(c("index.html"), ("en", "/".into(), true));
        assert_eq!(c("ftp/426/index.html"), ("en", "/ftp/426/".into(), true));
        assert_eq!(
            c("ko/ftp/426/index.html"),
            ("ko", "/ko/ftp/426/".into(), true)
        );
        assert_eq!(c("ko/404.html"), ("ko", "/ko/404.html".into(), true));
        assert_eq!(c("404.html"), ("en", "/404.html".into(), true));
        assert_eq!(c("search/ko.json"), ("en", "/search/ko.json".into(), false));
        assert_eq!(c("ko"), ("en", "/ko".into(), false));
    }

    #[test]
    fn compares_bytes_and_ignores_the_marker_and_manifest() {
        let old = tempfile::tempdir().unwrap();
        let new = tempfile::tempdir().unwrap();
        let write = |dir: &Path, rel: &str, text: &str| {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(old.path(), MARKER, "1");
        write(new.path(), MARKER, "2");
        write(old.path(), MANIFEST, "1");
        write(new.path(), MANIFEST, "2");
        write(old.path(), "ftp/125/index.html", "same");
        write(new.path(), "ftp/125/index.html", "same");
        write(old.path(), "ko/ftp/426/index.html", "old");
        write(new.path(), "ko/ftp/426/index.html", "new");
        write(old.path(), "ftp/999/index.html", "gone");
        write(new.path(), "ftp/100/index.html", "new page");
        write(new.path(), "sitemap.xml", "x");
        let locales = ["en".to_string(), "ko".to_string()];
        let d = diff(old.path(), new.path(), "en", &locales).unwrap();
        assert_eq!(d.pages[0].pages.added, ["/ftp/100/"]);
        assert_eq!(d.pages[0].pages.removed, ["/ftp/999/"]);
        assert!(d.pages[0].pages.changed.is_empty());
        assert_eq!(d.pages[1].pages.changed, ["/ko/ftp/426/"]);
        assert_eq!(d.files.added, ["/sitemap.xml"]);
        assert!(!d.is_empty());
        let text = d.to_text(Some(1));
        assert!(text.starts_with("en: 2 pages differ (1 added, 1 removed, 0 changed)\n  added   /ftp/100/\n  … and 1 more\n"), "{text}");
        assert!(
            diff(old.path(), old.path(), "en", &locales)
                .unwrap()
                .is_empty()
        );
    }
}
