//! Content: the protocols and their codes, as the YAML under `content/` says.
//!
//! Second stage of the pipeline: `load` discovers and parses every file
//! (`load.rs`, with YAML behind one function in `yaml.rs`), then checks what
//! spans files (`validate.rs`), and returns an immutable `Site` or every
//! problem found. English (source-locale) text lives here; translations are
//! the `i18n` stage's business.

pub mod commands;
pub mod examples;
mod fields;
pub mod form;
mod http_examples;
mod load;
pub mod markdown;
pub mod model;
pub mod pairs;
mod sessions;
pub mod standing;
mod validate;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
pub use form::{CodeForm, CodeParts};
pub use load::ParseCache;
pub use model::{
    Category, Class, Code, PairFile, PairPolicy, ProtocolFile, Reference, Standing, Status,
};
use pairs::Pair;

pub const CONTENT_DIR: &str = "content";
pub const PROTOCOL_FILE: &str = "_protocol.yaml";
pub const PAIRS_DIR: &str = "pairs";
pub const COMMANDS_DIR: &str = "commands";

/// All content of the site, validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// Sorted by id.
    pub protocols: Vec<Protocol>,
    /// Problems that do not stop a build (an expired temporary registration).
    pub warnings: Vec<Diagnostic>,
    /// The date (`YYYY-MM-DD`) standings were judged on: one date for the
    /// warnings and the badges of a whole build.
    pub today: String,
    /// Every number that two or more protocols define, in code order: each
    /// gets a page `/codes/<number>/`.
    pub shared_numbers: Vec<String>,
}

impl Site {
    pub fn protocol(&self, id: &str) -> Option<&Protocol> {
        self.protocols.iter().find(|p| p.id == id)
    }

    /// The codes of other protocols whose `associated:` names `code` of `protocol`
    /// (the enhanced codes that go with SMTP 550), in code order.
    pub fn associated_with(&self, protocol: &str, code: &str) -> Vec<(&Protocol, &Code)> {
        self.protocols
            .iter()
            .filter(|p| p.associated_protocol.as_deref() == Some(protocol))
            .flat_map(|p| {
                p.codes
                    .iter()
                    .filter(|c| c.associated.iter().any(|a| a == code))
                    .map(move |c| (p, c))
            })
            .collect()
    }

    /// The numbers two or more protocols define (computed once, into `shared_numbers`).
    pub(crate) fn find_shared_numbers(&self) -> Vec<String> {
        let mut protocols_of: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
        for protocol in &self.protocols {
            for code in &protocol.codes {
                if let Some(number) = code.parts.number.as_deref() {
                    protocols_of.entry(number).or_default().insert(&protocol.id);
                }
            }
        }
        let mut numbers: Vec<String> = protocols_of
            .into_iter()
            .filter(|(_, protocols)| protocols.len() >= 2)
            .map(|(number, _)| number.to_string())
            .collect();
        numbers.sort_by(|a, b| pairs::code_order(a, b));
        numbers
    }

    /// Every code whose number is `number`, across protocols (`/codes/421/`).
    pub fn with_number(&self, number: &str) -> Vec<(&Protocol, &Code)> {
        self.protocols
            .iter()
            .flat_map(|p| p.codes.iter().map(move |c| (p, c)))
            .filter(|(_, c)| c.parts.number.as_deref() == Some(number))
            .collect()
    }
}

/// One protocol with its codes, in code order.
#[derive(Debug, Clone)]
pub struct Protocol {
    pub id: String,
    pub name: String,
    pub title: String,
    pub summary: String,
    pub references: Vec<Reference>,
    pub code_form: CodeForm,
    pub classes: BTreeMap<String, Class>,
    pub categories: BTreeMap<String, Category>,
    pub pair_policy: PairPolicy,
    pub associated_protocol: Option<String>,
    pub seen_in: Option<String>,
    pub any_command_replies: Vec<String>,
    pub featured: Vec<Pair>,
    pub codes: Vec<Code>,
    /// Hand-written notes by pair slug (`125-vs-426`).
    pub pair_notes: BTreeMap<String, String>,
    /// Example exchanges of pair files, by pair slug.
    pub pair_examples: BTreeMap<String, Vec<examples::Example>>,
    /// Commands and their reply tables, in name order (`CONNECT` first).
    pub commands: Vec<commands::Command>,
}

impl Protocol {
    pub fn code(&self, code: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.code == code)
    }

    /// Every comparison page of this protocol, in canonical order.
    pub fn pairs(&self) -> Vec<Pair> {
        pairs::pairs(&self.codes, self.pair_policy)
    }

    /// How many comparisons `pairs` lists, without listing them (the home
    /// page says it on every request `serve` answers).
    pub fn pair_count(&self) -> usize {
        pairs::count(&self.codes, self.pair_policy)
    }

    /// The commands whose table lists `code`, with its roles there.
    pub fn commands_of(&self, code: &str) -> Vec<(&commands::Command, Vec<commands::Role>)> {
        self.commands
            .iter()
            .map(|c| (c, c.replies.roles_of(code)))
            .filter(|(_, roles)| !roles.is_empty())
            .collect()
    }

    /// Whether `pair`, as written, is one of this protocol's comparisons:
    /// `pairs().contains(pair)` without listing them (quadratic in the codes).
    pub fn has_pair(&self, pair: &Pair) -> bool {
        pair.is_canonical()
            && match (self.code(&pair.a), self.code(&pair.b)) {
                (Some(a), Some(b)) => pairs::allowed(self.pair_policy, a, b),
                _ => false,
            }
    }

    /// The comparisons that contain `code`.
    pub fn pairs_with(&self, code: &Code) -> Vec<Pair> {
        pairs::pairs_with(&self.codes, code, self.pair_policy)
    }
}

/// Loads and validates everything under `<root>/content/`.
pub fn load(root: &Path) -> Result<Site, Diagnostics> {
    validate::validate(load::load_all(root, None))
}

/// `load`, parsing only the files that `cache` does not hold as they are now
/// (what `serve` does after an edit); validation runs on everything.
pub fn load_cached(root: &Path, cache: &mut ParseCache) -> Result<Site, Diagnostics> {
    validate::validate(load::load_all(root, Some(cache)))
}
