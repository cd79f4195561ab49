//! The English side of every translatable message: its id, its text, the
//! variables it offers, and where it lives and shows.
//!
//! What a locale translates is `i18n/<locale>/site.ftl` (the ids of the source
//! `site.ftl`, plus `site-title`, whose English is `title` in site.toml) and
//! one `<protocol>.ftl` per protocol (ids derived from the YAML by `ids`).
//! `i18n status`, `i18n accept`, `i18n export` and the build's review all read
//! this one list.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::ftl::{self, Located};
use super::{I18N_DIR, SITE_FILE, ids};
use crate::config::{CONFIG_FILE, Config};
use crate::content::pairs::Pair;
use crate::content::{CONTENT_DIR, Code, PAIRS_DIR, PROTOCOL_FILE, Protocol, Site};

/// The site title's message id; its English is `title` in site.toml.
pub const SITE_TITLE_ID: &str = "site-title";

/// Where a message's English lives, and where readers see it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Location {
    /// The file with the English text, relative to the root.
    pub file: PathBuf,
    /// The YAML or TOML field (`description`, `classes."1".name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The line, for messages of the source `site.ftl`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Where the text shows on the site, for translators' context.
    pub shown: String,
}

impl Location {
    /// `content/ftp/125.yaml: description`, `i18n/en/site.ftl:12`.
    pub fn describe(&self) -> String {
        match (&self.field, self.line) {
            (Some(field), _) => format!("{}: {field}", self.file.display()),
            (None, Some(line)) => format!("{}:{line}", self.file.display()),
            (None, None) => self.file.display().to_string(),
        }
    }
}

/// One message in the source language.
#[derive(Debug, Clone)]
pub struct SourceMessage {
    pub id: String,
    pub english: String,
    /// Variables a translation may use.
    pub variables: BTreeSet<String>,
    pub location: Location,
}

/// The messages one translation file translates.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// `site.ftl`, `ftp.ftl`, …
    pub name: String,
    pub messages: Vec<SourceMessage>,
}

/// Every source message of the site, by translation file.
#[derive(Debug, Clone)]
pub struct Sources {
    /// `i18n/<source>/site.ftl`.
    pub site_file: PathBuf,
    /// Its syntax errors.
    pub site_syntax: Vec<Located>,
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn load(root: &Path, config: &Config, site: &Site) -> Sources {
        let site_file = Path::new(I18N_DIR)
            .join(&config.default_locale)
            .join(SITE_FILE);
        let (ui, site_syntax) = ui_messages(root, &site_file, config);
        let mut files = vec![SourceFile {
            name: SITE_FILE.to_string(),
            messages: ui,
        }];
        files.extend(site.protocols.iter().map(|protocol| SourceFile {
            name: format!("{}.ftl", protocol.id),
            messages: content_messages(protocol),
        }));
        Sources {
            site_file,
            site_syntax,
            files,
        }
    }

    pub fn message(&self, id: &str) -> Option<&SourceMessage> {
        self.files
            .iter()
            .flat_map(|f| &f.messages)
            .find(|m| m.id == id)
    }

    /// Every message id.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .flat_map(|f| &f.messages)
            .map(|m| m.id.as_str())
    }
}

/// The source `site.ftl`'s messages, and `site-title` from site.toml.
fn ui_messages(root: &Path, rel: &Path, config: &Config) -> (Vec<SourceMessage>, Vec<Located>) {
    let file = ftl::read(root, rel);
    let all: BTreeMap<String, &ftl::FtlMessage> =
        file.messages.iter().map(|(k, v)| (k.clone(), v)).collect();
    let mut messages: Vec<SourceMessage> = file
        .messages
        .iter()
        // `site-title` comes from site.toml; `i18n export` only copies it here.
        .filter(|(id, _)| id.as_str() != SITE_TITLE_ID)
        .map(|(id, message)| SourceMessage {
            id: id.clone(),
            english: message.text.clone(),
            variables: ftl::variables_with_references(id, &all),
            location: Location {
                file: rel.to_path_buf(),
                field: None,
                line: Some(message.line),
                shown: "the interface of every page".into(),
            },
        })
        .collect();
    messages.sort_by_key(|m| m.location.line);
    messages.insert(
        0,
        SourceMessage {
            id: SITE_TITLE_ID.into(),
            english: config.title.clone(),
            variables: BTreeSet::new(),
            location: Location {
                file: PathBuf::from(CONFIG_FILE),
                field: Some("title".into()),
                line: None,
                shown: "the header and <title> of every page".into(),
            },
        },
    );
    (messages, file.syntax)
}

/// A protocol's content messages, each with the YAML file and field it comes from.
pub fn content_messages(protocol: &Protocol) -> Vec<SourceMessage> {
    let locations = locations(protocol);
    // The id prefix of each code (`ftp-125-`), computed once.
    let prefixes: Vec<(String, &Code)> = protocol
        .codes
        .iter()
        .map(|code| (ids::code_field(protocol, code, ""), code))
        .collect();
    ids::protocol_messages(protocol)
        .into_iter()
        .map(|m| {
            let location = locations
                .get(&m.id)
                .cloned()
                .or_else(|| code_location(protocol, &prefixes, &m.id))
                .unwrap_or_else(|| Location {
                    file: Path::new(CONTENT_DIR).join(&protocol.id),
                    field: None,
                    line: None,
                    shown: format!("the {} pages", protocol.name),
                });
            SourceMessage {
                id: m.id,
                english: m.source,
                variables: BTreeSet::new(),
                location,
            }
        })
        .collect()
}

/// Locations of the protocol-level messages (title, classes, categories, pair notes).
fn locations(protocol: &Protocol) -> BTreeMap<String, Location> {
    let dir = Path::new(CONTENT_DIR).join(&protocol.id);
    let protocol_file = dir.join(PROTOCOL_FILE);
    let at = |field: String, shown: String| Location {
        file: protocol_file.clone(),
        field: Some(field),
        line: None,
        shown,
    };
    let page = format!("/{}/", protocol.id);
    let mut out = BTreeMap::new();
    for field in ["title", "summary", "seen_in"] {
        out.insert(
            ids::protocol_field(protocol, field),
            at(field.into(), format!("{page} and the home page")),
        );
    }
    for (table, key, entries) in [
        ("classes", "class", &protocol.classes),
        ("categories", "category", &protocol.categories),
    ] {
        for digit in entries.keys() {
            for field in ["name", "summary"] {
                let id = match key {
                    "class" => ids::class_field(protocol, digit, field),
                    _ => ids::category_field(protocol, digit, field),
                };
                let shown = format!("{page}, and the {key} badge of its codes and comparisons");
                out.insert(id, at(format!("{table}.\"{digit}\".{field}"), shown));
            }
        }
    }
    let pair_file = |slug: &str| dir.join(PAIRS_DIR).join(format!("{slug}.yaml"));
    for slug in protocol.pair_notes.keys() {
        if let Some(pair) = Pair::parse_slug(slug) {
            out.insert(
                ids::pair_notes(protocol, &pair),
                Location {
                    file: pair_file(slug),
                    field: Some("notes".into()),
                    line: None,
                    shown: format!("{page}{slug}/"),
                },
            );
        }
    }
    for (slug, examples) in &protocol.pair_examples {
        for i in 0..examples.len() {
            out.insert(
                ids::example_note(protocol, &format!("pair-{slug}"), i + 1),
                Location {
                    file: pair_file(slug),
                    field: Some(format!("examples[{i}].note")),
                    line: None,
                    shown: format!("{page}{slug}/"),
                },
            );
        }
    }
    for code in &protocol.codes {
        for i in 0..code.examples.len() {
            out.insert(
                ids::example_note(protocol, &code.code, i + 1),
                Location {
                    file: dir.join(format!("{}.yaml", code.code)),
                    field: Some(format!("examples[{i}].note")),
                    line: None,
                    shown: format!("{page}{}/", code.code),
                },
            );
        }
    }
    for command in &protocol.commands {
        for field in ["summary", "description"] {
            out.insert(
                ids::command_field(protocol, &command.name, field),
                Location {
                    file: dir.join("commands").join(format!("{}.yaml", command.name)),
                    field: Some(field.into()),
                    line: None,
                    shown: format!(
                        "{page}commands/{}/ and the command index",
                        command.name.to_ascii_lowercase()
                    ),
                },
            );
        }
    }
    out
}

/// A code field's location: the id is `ids::code_field` of one of the codes.
fn code_location(protocol: &Protocol, prefixes: &[(String, &Code)], id: &str) -> Option<Location> {
    prefixes.iter().find_map(|(prefix, code)| {
        let field = id.strip_prefix(prefix.as_str())?;
        let page = format!("/{}/{}/", protocol.id, code.code);
        let shown = match field {
            "name" | "summary" => format!("{page}, its comparisons, lists and search"),
            _ => format!("{page} and its comparisons"),
        };
        Some(Location {
            file: Path::new(CONTENT_DIR)
                .join(&protocol.id)
                .join(format!("{}.yaml", code.code)),
            field: Some(field.to_string()),
            line: None,
            shown,
        })
    })
}
