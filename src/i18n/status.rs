//! `i18n status`: for each locale and file, the messages that are missing,
//! obsolete (no longer derived from the YAML or the source `site.ftl`) and
//! broken (syntax errors, or variables that differ from the source message's).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use serde::Serialize;

use super::{I18N_DIR, SITE_FILE, ids};
use crate::config::Config;
use crate::diag::{Diagnostics, line_column};

#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub source_locale: String,
    pub locales: Vec<LocaleStatus>,
}

#[derive(Debug, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    pub files: Vec<FileStatus>,
}

#[derive(Debug, Serialize)]
pub struct FileStatus {
    pub file: PathBuf,
    pub expected: usize,
    pub missing: Vec<String>,
    pub obsolete: Vec<Located>,
    pub broken: Vec<Located>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Located {
    pub id: Option<String>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Message id → variables its pattern uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

/// What one `.ftl` file holds.
#[derive(Default)]
struct FtlFile {
    messages: Messages,
    /// Ids that other messages of the file reference: a translator's helper
    /// messages (Korean particles, say) are used, not obsolete.
    referenced: BTreeSet<String>,
    broken: Vec<Located>,
}

pub fn status(root: &Path) -> Result<StatusReport, Diagnostics> {
    let config = Config::load(root)?;
    let site = crate::content::load(root)?;
    let source_site = Path::new(I18N_DIR)
        .join(&config.default_locale)
        .join(SITE_FILE);
    let FtlFile {
        messages: source_ui,
        broken: source_broken,
        ..
    } = read_messages(root, &source_site);
    let mut expected: Vec<(String, Messages)> = vec![(SITE_FILE.to_string(), source_ui)];
    for (file, messages) in ids::all_messages(&site) {
        expected.push((
            file,
            messages
                .into_iter()
                .map(|m| (m.id, BTreeSet::new()))
                .collect(),
        ));
    }
    let mut locales = vec![LocaleStatus {
        locale: config.default_locale.clone(),
        files: vec![FileStatus {
            file: source_site,
            expected: expected[0].1.len(),
            missing: Vec::new(),
            obsolete: Vec::new(),
            broken: source_broken,
        }],
    }];
    for locale in config.translated_locales() {
        let files = expected
            .iter()
            .map(|(file, wanted)| {
                compare_file(root, &Path::new(I18N_DIR).join(locale).join(file), wanted)
            })
            .collect();
        locales.push(LocaleStatus {
            locale: locale.to_string(),
            files,
        });
    }
    Ok(StatusReport {
        source_locale: config.default_locale,
        locales,
    })
}

fn compare_file(root: &Path, rel: &Path, wanted: &Messages) -> FileStatus {
    let FtlFile {
        messages: found,
        referenced,
        mut broken,
    } = read_messages(root, rel);
    let text = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
    let missing = wanted
        .keys()
        .filter(|id| !found.contains_key(*id))
        .cloned()
        .collect();
    let obsolete = found
        .keys()
        .filter(|id| !wanted.contains_key(*id) && !referenced.contains(*id))
        .map(|id| {
            locate(
                &text,
                id,
                "no source message has this id any more; delete it or rename it",
            )
        })
        .collect();
    for (id, variables) in &found {
        let Some(source_variables) = wanted.get(id) else {
            continue;
        };
        if variables != source_variables {
            let list = |set: &BTreeSet<String>| {
                if set.is_empty() {
                    "none".to_string()
                } else {
                    set.iter()
                        .map(|v| format!("${v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            broken.push(locate(
                &text,
                id,
                &format!(
                    "uses variables {} but the source message has {}",
                    list(variables),
                    list(source_variables)
                ),
            ));
        }
    }
    broken.sort_by_key(|b| (b.line, b.column));
    FileStatus {
        file: rel.to_path_buf(),
        expected: wanted.len(),
        missing,
        obsolete,
        broken,
    }
}

/// The messages of one file with their variables, and its syntax errors. A
/// missing file has no messages.
fn read_messages(root: &Path, rel: &Path) -> FtlFile {
    let Ok(bytes) = std::fs::read(root.join(rel)) else {
        return FtlFile::default();
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => {
            let message = "this file is not valid UTF-8".to_string();
            let broken = vec![Located {
                id: None,
                line: 1,
                column: 1,
                message,
            }];
            return FtlFile {
                broken,
                ..FtlFile::default()
            };
        }
    };
    let (resource, errors) = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let broken = errors
        .iter()
        .map(|err| {
            let (line, column) = line_column(&text, super::error_offset(&text, err));
            Located {
                id: None,
                line,
                column,
                message: format!("syntax error: {}", err.kind),
            }
        })
        .collect();
    let mut file = FtlFile {
        broken,
        ..FtlFile::default()
    };
    for entry in &resource.body {
        let (ast::Entry::Message(ast::Message {
            id,
            value: Some(pattern),
            ..
        })
        | ast::Entry::Term(ast::Term {
            id, value: pattern, ..
        })) = entry
        else {
            continue;
        };
        let mut references = References::default();
        pattern_references(pattern, &mut references);
        file.referenced.extend(references.messages);
        if matches!(entry, ast::Entry::Message(_)) {
            file.messages
                .insert(id.name.to_string(), references.variables);
        }
    }
    file
}

/// What a pattern refers to: variables, and other messages.
#[derive(Default)]
struct References {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
}

fn pattern_references(pattern: &ast::Pattern<&str>, out: &mut References) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_references(expression, out);
        }
    }
}

fn expression_references(expression: &ast::Expression<&str>, out: &mut References) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_references(selector, out);
            for variant in variants {
                pattern_references(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_references(inline, out),
    }
}

fn inline_references(inline: &ast::InlineExpression<&str>, out: &mut References) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            out.messages.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_references(arguments, out)
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call_references(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_references(expression, out),
        _ => {}
    }
}

fn call_references(arguments: &ast::CallArguments<&str>, out: &mut References) {
    for argument in &arguments.positional {
        inline_references(argument, out);
    }
    for named in &arguments.named {
        inline_references(&named.value, out);
    }
}

/// The position of `id = ` at the start of a line.
fn locate(text: &str, id: &str, message: &str) -> Located {
    let offset = text
        .match_indices(id)
        .map(|(i, _)| i)
        .find(|&i| {
            (i == 0 || text.as_bytes()[i - 1] == b'\n')
                && text[i + id.len()..].trim_start().starts_with('=')
        })
        .unwrap_or(0);
    let (line, column) = line_column(text, offset);
    Located {
        id: Some(id.to_string()),
        line,
        column,
        message: message.to_string(),
    }
}

impl StatusReport {
    pub fn has_broken(&self) -> bool {
        self.locales
            .iter()
            .flat_map(|l| &l.files)
            .any(|f| !f.broken.is_empty())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report for people: a line per file, then each problem with its place.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for locale in &self.locales {
            let is_source = locale.locale == self.source_locale;
            let _ = writeln!(
                out,
                "{}{}",
                locale.locale,
                if is_source { " (source)" } else { "" }
            );
            for file in &locale.files {
                let done = file.expected - file.missing.len();
                let _ = writeln!(
                    out,
                    "  {}: {done}/{} translated, {} missing, {} obsolete, {} broken",
                    file.file.display(),
                    file.expected,
                    file.missing.len(),
                    file.obsolete.len(),
                    file.broken.len()
                );
                for id in &file.missing {
                    let _ = writeln!(out, "    missing  {id}");
                }
                for (kind, list) in [("obsolete", &file.obsolete), ("broken  ", &file.broken)] {
                    for item in list {
                        let id = item
                            .id
                            .as_deref()
                            .map(|id| format!("{id}: "))
                            .unwrap_or_default();
                        let _ = writeln!(
                            out,
                            "    {kind} {}:{}:{}: {id}{}",
                            file.file.display(),
                            item.line,
                            item.column,
                            item.message
                        );
                    }
                }
            }
        }
        out
    }
}
