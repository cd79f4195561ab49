//! Content: the protocols and their codes, as the YAML under `content/` says.
//!
//! Second stage of the pipeline: `load` discovers and parses every file
//! (`load.rs`, with YAML behind one function in `yaml.rs`), then checks what
//! spans files (`validate.rs`), and returns an immutable `Site` or every
//! problem found. English (source-locale) text lives here; translations are
//! the `i18n` stage's business.

mod fields;
mod load;
pub mod markdown;
mod validate;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostics;
use crate::pairs::{self, Pair};

pub const CONTENT_DIR: &str = "content";
pub const PROTOCOL_FILE: &str = "_protocol.yaml";
pub const PAIRS_DIR: &str = "pairs";

/// All content of the site, validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// Sorted by id.
    pub protocols: Vec<Protocol>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Class {
    pub name: String,
    pub summary: String,
}

/// A second-digit category (RFC 959's x0z..x5z); same shape as a class.
pub type Category = Class;

/// Which comparison pages a protocol gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairPolicy {
    All,
    SameClass,
    None,
}

/// `_protocol.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolFile {
    pub id: String,
    pub name: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    pub classes: BTreeMap<String, Class>,
    #[serde(default)]
    pub categories: BTreeMap<String, Category>,
    pub pairs: PairPolicy,
    #[serde(default)]
    pub featured: Vec<String>,
}

/// `pairs/<a>-vs-<b>.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairFile {
    pub notes: String,
}

/// One protocol with its codes, in code order.
#[derive(Debug, Clone)]
pub struct Protocol {
    pub id: String,
    pub name: String,
    pub title: String,
    pub summary: String,
    pub references: Vec<Reference>,
    pub classes: BTreeMap<String, Class>,
    pub categories: BTreeMap<String, Category>,
    pub pair_policy: PairPolicy,
    pub featured: Vec<Pair>,
    pub codes: Vec<Code>,
    /// Hand-written notes by pair slug (`125-vs-426`).
    pub pair_notes: BTreeMap<String, String>,
}

impl Protocol {
    pub fn code(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.code == code)
    }

    /// Every comparison page of this protocol, in canonical order.
    pub fn pairs(&self) -> Vec<Pair> {
        pairs::pairs(&self.codes, self.pair_policy)
    }

    /// The comparisons that contain `code`.
    pub fn pairs_with(&self, code: &Code) -> Vec<Pair> {
        pairs::pairs_with(&self.codes, code, self.pair_policy)
    }
}

/// One reply code: `<code>.yaml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub code: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub seen_when: String,
    pub fix: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    #[serde(default)]
    pub related: Vec<String>,
}

impl Code {
    /// The class key: the first digit.
    pub fn class(&self) -> String {
        self.code.chars().take(1).collect()
    }

    /// The category key: the second digit.
    pub fn category(&self) -> String {
        self.code.chars().skip(1).take(1).collect()
    }
}

/// Loads and validates everything under `<root>/content/`.
pub fn load(root: &Path) -> Result<Site, Diagnostics> {
    validate::validate(load::load_all(root))
}
