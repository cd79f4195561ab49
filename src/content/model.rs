//! The content model: the files as written (protocol, code, pair), with
//! what validation adds to a code (its parts, read by the protocol's
//! `CodeForm`, in `form.rs`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::form::{CodeFormFile, CodeParts};

/// For the JSON Schemas only (`codecompare schema`): a text field must hold
/// something other than whitespace, as validation requires. Loading checks
/// it itself (with the field's location); serde does not look at this.
pub(crate) const NOT_BLANK: &str = r"\S";
/// For the JSON Schemas only: what `references:` URLs must start with.
const REFERENCE_URL: &str = r"^https?://\S+$";
/// For the JSON Schemas only: a comparison's slug, `<a>-vs-<b>`.
const PAIR_SLUG: &str = r"^\S+-vs-\S+$";

/// A reference: a title and an absolute https/http URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// What the link points at, e.g. "RFC 959 §4.2".
    #[schemars(pattern(NOT_BLANK))]
    pub title: String,
    /// An absolute https:// (or http://) URL.
    #[schemars(pattern(REFERENCE_URL))]
    pub url: String,
}

/// A class (first part of a code) or a category (second part).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Class {
    /// A short name, e.g. "Positive Preliminary".
    #[schemars(pattern(NOT_BLANK))]
    pub name: String,
    /// One plain sentence.
    #[schemars(pattern(NOT_BLANK))]
    pub summary: String,
}

/// A category has the same shape as a class.
pub type Category = Class;

/// Which comparison pages a protocol gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PairPolicy {
    /// Every two codes.
    All,
    /// Two codes of the same class.
    SameClass,
    /// Two codes of the same category (e.g. the same subject of enhanced codes).
    SameCategory,
    /// No comparison pages.
    None,
}

impl PairPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            PairPolicy::All => "all",
            PairPolicy::SameClass => "same-class",
            PairPolicy::SameCategory => "same-category",
            PairPolicy::None => "none",
        }
    }
}

/// How established a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Defined by a published RFC (`spec`).
    Standard,
    /// In the IANA registry without an RFC.
    Registered,
    /// Replaced (`by`).
    Obsoleted,
    /// Discouraged (`by` what to use instead).
    Deprecated,
    /// Defined once, no longer used.
    Unused,
    /// Kept back by the registry.
    Reserved,
    /// A temporary registration that ends on `expires`.
    Temporary,
    /// Defined by one product (`vendor`).
    Vendor,
    /// Widely seen, defined by no standard.
    Unofficial,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Registered => "registered",
            Status::Obsoleted => "obsoleted",
            Status::Deprecated => "deprecated",
            Status::Unused => "unused",
            Status::Reserved => "reserved",
            Status::Temporary => "temporary",
            Status::Vendor => "vendor",
            Status::Unofficial => "unofficial",
        }
    }
}

/// `standing:` of a code: its status and what backs it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub status: Status,
    /// The defining document, e.g. "RFC 9110".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// What replaced it (obsoleted, deprecated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Whose code it is (vendor, unofficial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// The last day of a temporary registration, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

/// `_protocol.yaml` as written.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtocolFile {
    /// Equals the folder name.
    #[schemars(pattern(NOT_BLANK))]
    pub id: String,
    /// The protocol's short name, e.g. "FTP".
    #[schemars(pattern(NOT_BLANK))]
    pub name: String,
    /// The title of the protocol's page.
    #[schemars(pattern(NOT_BLANK))]
    pub title: String,
    /// Markdown.
    #[schemars(pattern(NOT_BLANK))]
    pub summary: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// The form of a code; three digits when absent.
    #[serde(default)]
    pub code_form: Option<CodeFormFile>,
    /// Keyed by the class part of a code ("1" … "5").
    pub classes: BTreeMap<String, Class>,
    /// Keyed by the category part of a code.
    #[serde(default)]
    pub categories: BTreeMap<String, Category>,
    pub pairs: PairPolicy,
    /// Comparisons shown on the home page, `<a>-vs-<b>`.
    #[serde(default)]
    #[schemars(inner(pattern(PAIR_SLUG)))]
    pub featured: Vec<String>,
    /// Where a reader meets this protocol's codes, to tell protocols apart on
    /// number pages ("a mail log or a bounce message").
    #[serde(default)]
    pub seen_in: Option<String>,
    /// Replies the RFC allows after any command (RFC 959 §4.2: 421; RFC 5321
    /// §4.3.2: 421, 500, 501), accepted in every example exchange.
    #[serde(default, deserialize_with = "codes")]
    #[schemars(with = "Vec<CodeSchema>")]
    pub any_command_replies: Vec<String>,
    /// The protocol whose codes `associated:` in code files names (smtp for smtp-enhanced).
    #[serde(default)]
    pub associated_protocol: Option<String>,
}

/// `pairs/<a>-vs-<b>.yaml` as written.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PairFile {
    /// Markdown.
    #[schemars(pattern(NOT_BLANK))]
    pub notes: String,
    /// Exchanges in which both codes can be seen.
    #[serde(default)]
    pub examples: Vec<super::examples::Example>,
}

/// One reply code: `<code>.yaml` as written, plus what its protocol's form
/// says about it (filled in by validation).
// Serialized only to be hashed (`render/inputs.rs`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// Equals the file stem. Quotes are optional for plain numbers.
    #[serde(deserialize_with = "code")]
    #[schemars(with = "CodeSchema")]
    pub code: String,
    /// The code's short name, e.g. "Data Connection Open".
    #[schemars(pattern(NOT_BLANK))]
    pub name: String,
    /// One plain sentence for lists and search results.
    #[schemars(pattern(NOT_BLANK))]
    pub summary: String,
    /// Markdown: what the code means.
    #[schemars(pattern(NOT_BLANK))]
    pub description: String,
    /// Markdown: when a reader meets it.
    #[schemars(pattern(NOT_BLANK))]
    pub seen_when: String,
    /// Markdown: what to do about it.
    #[schemars(pattern(NOT_BLANK))]
    pub fix: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Codes of the same protocol.
    #[serde(default, deserialize_with = "codes")]
    #[schemars(with = "Vec<CodeSchema>")]
    pub related: Vec<String>,
    #[serde(default)]
    pub standing: Option<Standing>,
    /// Codes of the protocol's `associated_protocol` this code goes with.
    #[serde(default, deserialize_with = "codes")]
    #[schemars(with = "Vec<CodeSchema>")]
    pub associated: Vec<String>,
    /// Exchanges in which the code can be seen.
    #[serde(default)]
    pub examples: Vec<super::examples::Example>,
    #[serde(skip)]
    #[schemars(skip)]
    pub parts: CodeParts,
}

impl Code {
    /// The class key (`"4"` for 426 and for 4.2.2).
    pub fn class(&self) -> String {
        self.parts.class.clone()
    }

    /// The category key (`"2"` for 426 and for 4.2.2); empty without categories.
    pub fn category(&self) -> String {
        self.parts.category.clone()
    }
}

/// A code as YAML may write it: a string, or a plain number (`125`).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum CodeSchema {
    Text(#[schemars(pattern(NOT_BLANK))] String),
    Number(u64),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CodeValue {
    Text(String),
    Number(u64),
}

impl From<CodeValue> for String {
    fn from(value: CodeValue) -> String {
        match value {
            CodeValue::Text(text) => text,
            CodeValue::Number(number) => number.to_string(),
        }
    }
}

fn code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    CodeValue::deserialize(deserializer).map(String::from)
}

fn codes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Vec::<CodeValue>::deserialize(deserializer)
        .map(|list| list.into_iter().map(String::from).collect())
}
