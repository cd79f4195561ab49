//! The form of a code, which belongs to its protocol.
//!
//! FTP, HTTP and SMTP codes are three digits whose first digit is the class
//! and second the category; RFC 3463's enhanced codes are `class.subject.detail`
//! (`5.7.1`). Rather than special-case either, `_protocol.yaml` may give a
//! `code_form`: a regular expression with named groups `class`, `category`
//! and `number` (the part shared across protocols, for `/codes/<number>/`).
//! Without one, a protocol has the three-digit form.

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
