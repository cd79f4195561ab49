//! Reading a locale: its `.ftl` files, parsed with located syntax errors,
//! into one Fluent bundle with the locale's number formatter and functions.

use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;

use super::{Bundle, I18N_DIR, SITE_FILE, numbers, spoken};
use crate::diag::{Diagnostic, Diagnostics};

/// The `.ftl` files of one locale folder, sorted.
pub fn locale_files(root: &Path, locale: &str) -> Vec<PathBuf> {
    let dir = root.join(I18N_DIR).join(locale);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .map(|path| path.strip_prefix(root).unwrap_or(&path).to_path_buf())
        .collect();
    files.sort();
    files
}

/// Parses one `.ftl` file; syntax errors become located diagnostics.
pub fn parse_ftl(root: &Path, rel: &Path) -> Result<FluentResource, Diagnostics> {
    let source = crate::content::yaml::read_source(root, rel).or_else(|d| {
        if d.message.contains("empty") {
            Ok(empty_source(rel))
        } else {
            Err(d)
        }
    })?;
    FluentResource::try_new(source.text.clone()).map_err(|(_, errors)| {
        Diagnostics(
            errors
                .iter()
                .map(|err| {
                    Diagnostic::in_file(rel, format!("Fluent syntax error: {}", err.kind))
                        .at_offset(&source.text, error_offset(&source.text, err))
                        .help("see https://projectfluent.org/fluent/guide/ ; multi-line values are indented, and `{`, `}` need escaping as {\"{\"}")
                })
                .collect(),
        )
    })
}

/// Where to point at a Fluent syntax error: the parser notices some errors
/// only at the start of the next line; the mistake is at the end of the one
/// before.
pub(crate) fn error_offset(text: &str, err: &fluent_syntax::parser::ParserError) -> usize {
    let pos = err.pos.start.min(text.len());
    let entry_start = err.slice.as_ref().map_or(0, |slice| slice.start);
    let at_line_start = pos > 0 && text.as_bytes().get(pos - 1) == Some(&b'\n');
    if at_line_start && pos > entry_start + 1 {
        pos - 2
    } else {
        pos
    }
}

fn empty_source(rel: &Path) -> crate::content::yaml::Source {
    crate::content::yaml::Source {
        path: rel.to_path_buf(),
        text: String::new(),
    }
}

/// The bundle of one locale, and the message ids of its `site.ftl`.
pub(super) fn load_bundle(
    root: &Path,
    locale: &str,
    is_source: bool,
) -> Result<(Bundle, Vec<String>), Diagnostics> {
    let dir = Path::new(I18N_DIR).join(locale);
    let files = locale_files(root, locale);
    let site_file = dir.join(SITE_FILE);
    if !files.contains(&site_file) {
        let what = if is_source {
            "the source locale"
        } else {
            "a listed locale"
        };
        return Err(Diagnostic::in_file(
            &site_file,
            format!("{what} `{locale}` has no {SITE_FILE}"),
        )
        .help(format!(
            "add {} (copy i18n/<source>/site.ftl and translate it; see TRANSLATING.md)",
            site_file.display()
        ))
        .into());
    }
    let langid = locale.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // Output is HTML with `lang` and `dir` set per page; isolation marks would
    // only add invisible characters to titles and attributes.
    bundle.set_use_isolating(false);
    bundle.set_formatter(numbers::formatter(locale));
    spoken::add_functions(&mut bundle);
    let mut diagnostics = Diagnostics::default();
    let mut site_ids = Vec::new();
    for rel in files {
        // The source locale's content text lives in YAML, not in `<protocol>.ftl`.
        if is_source && rel != site_file {
            continue;
        }
        match parse_ftl(root, &rel) {
            Ok(resource) => {
                if rel == site_file {
                    site_ids = message_ids(&resource);
                }
                if let Err(errors) = bundle.add_resource(resource) {
                    for err in errors {
                        diagnostics.push(
                            Diagnostic::in_file(&rel, format!("{err}"))
                                .help("each message id must be defined once per locale"),
                        );
                    }
                }
            }
            Err(found) => diagnostics.extend(found),
        }
    }
    diagnostics.into_result((bundle, site_ids))
}

/// Ids of the plain UI strings of a `site.ftl`: messages without
/// placeables. Sentence patterns are formatted with their data by the renderer.
fn message_ids(resource: &FluentResource) -> Vec<String> {
    use fluent_syntax::ast::{Entry, PatternElement};
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let plain = m
                    .value
                    .as_ref()?
                    .elements
                    .iter()
                    .all(|e| matches!(e, PatternElement::TextElement { .. }));
                plain.then(|| m.id.name.to_string())
            }
            _ => None,
        })
        .collect()
}
