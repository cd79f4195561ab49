//! The content model: the files as written, and the form of a code, which
//! belongs to its protocol.
//!
//! FTP, HTTP and SMTP codes are three digits whose first digit is the class
//! and second the category; RFC 3463's enhanced codes are `class.subject.detail`
//! (`5.7.1`). Rather than special-case either, `_protocol.yaml` may give a
//! `code_form`: a regular expression with named groups `class`, `category`
//! and `number` (the part shared across protocols, for `/codes/<number>/`).
//! Without one, a protocol has the three-digit form.

use std::collections::BTreeMap;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

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

/// `code_form:` in `_protocol.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeFormFile {
    /// A regular expression for the whole code, with named groups `class`
    /// and optionally `category` and `number`.
    pub pattern: String,
    /// A valid code, shown in help messages.
    pub example: String,
}

/// The parsed form of a protocol's codes.
#[derive(Debug, Clone)]
pub struct CodeForm {
    pub regex: Regex,
    pub example: String,
}

impl CodeForm {
    pub const DEFAULT_PATTERN: &str = r"^(?P<number>(?P<class>[0-9])(?P<category>[0-9])[0-9])$";

    /// The three-digit form of RFC 959, RFC 5321 and RFC 9110.
    pub fn three_digits() -> CodeForm {
        CodeForm {
            regex: Regex::new(Self::DEFAULT_PATTERN).expect("the default pattern is valid"),
            example: "125".into(),
        }
    }

    /// Compiles a `code_form`; the error is a sentence for the contributor.
    pub fn from_file(file: &CodeFormFile) -> Result<CodeForm, String> {
        let regex = Regex::new(&file.pattern)
            .map_err(|err| format!("`pattern` is not a valid regular expression: {err}"))?;
        if !regex.capture_names().any(|n| n == Some("class")) {
            return Err("`pattern` has no named group `class`, e.g. (?P<class>[0-9])".into());
        }
        let form = CodeForm {
            regex,
            example: file.example.clone(),
        };
        if form.parts(&file.example).is_none() {
            return Err(format!(
                "the example `{}` does not match `pattern`",
                file.example
            ));
        }
        Ok(form)
    }

    /// How a class is written as a family of codes: `4xx`, `5.x.x`.
    pub fn class_label(&self, class: &str) -> String {
        self.label("class", class)
    }

    /// How a category is written as a family of codes: `x2x`, `x.7.x`.
    pub fn category_label(&self, category: &str) -> String {
        self.label("category", category)
    }

    /// The example code with `group` set to `value` and every other digit an `x`.
    fn label(&self, group: &str, value: &str) -> String {
        let Some(span) = self
            .regex
            .captures(&self.example)
            .and_then(|c| c.name(group))
        else {
            return value.to_string();
        };
        let blank = |s: &str| s.replace(|c: char| c.is_ascii_digit(), "x");
        format!(
            "{}{value}{}",
            blank(&self.example[..span.start()]),
            blank(&self.example[span.end()..])
        )
    }

    /// The class, category and number of `code`, or `None` when it has not this form.
    pub fn parts(&self, code: &str) -> Option<CodeParts> {
        let captures = self.regex.captures(code)?;
        let whole = captures.get(0)?;
        if whole.start() != 0 || whole.end() != code.len() {
            return None;
        }
        let group = |name| captures.name(name).map(|m| m.as_str().to_string());
        Some(CodeParts {
            class: group("class")?,
            category: group("category").unwrap_or_default(),
            number: group("number"),
        })
    }
}

/// What a code's form says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeParts {
    pub class: String,
    /// Empty when the form has no category.
    pub category: String,
    /// The number shared across protocols (`421`), when the form has one.
    pub number: Option<String>,
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digit_and_dotted_forms() {
        let three = CodeForm::three_digits();
        let parts = three.parts("426").unwrap();
        assert_eq!(
            (
                parts.class.as_str(),
                parts.category.as_str(),
                parts.number.as_deref()
            ),
            ("4", "2", Some("426"))
        );
        assert!(three.parts("4260").is_none() && three.parts("42").is_none());
        let dotted = CodeForm::from_file(&CodeFormFile {
            pattern: r"^(?P<class>[245])\.(?P<category>[0-9]{1,3})\.[0-9]{1,3}$".into(),
            example: "5.7.1".into(),
        })
        .unwrap();
        let parts = dotted.parts("5.1.10").unwrap();
        assert_eq!(
            (parts.class.as_str(), parts.category.as_str(), parts.number),
            ("5", "1", None)
        );
        assert!(dotted.parts("3.1.1").is_none());
        assert_eq!(
            (three.class_label("4"), three.category_label("2")),
            ("4xx".into(), "x2x".into())
        );
        assert_eq!(
            (dotted.class_label("5"), dotted.category_label("7")),
            ("5.x.x".into(), "x.7.x".into())
        );
        assert!(
            CodeForm::from_file(&CodeFormFile {
                pattern: "[0-9]+".into(),
                example: "1".into()
            })
            .is_err()
        );
    }
}
