//! `.ftl` files as a translator wrote them, for the checks the bundles do not
//! make: which messages a file has, where, with which variables, and what
//! text.
//!
//! Unlike `Catalog::load`, this reads a file with syntax errors too (its other
//! messages still count), so `i18n status` can report everything at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use serde::Serialize;

use crate::diag::line_column;

/// A problem at a place in an `.ftl` file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Located {
    pub id: Option<String>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// One message of a file.
#[derive(Debug, Clone, Default)]
pub struct FtlMessage {
    /// Variables its value uses directly (`$code`).
    pub variables: BTreeSet<String>,
    /// Messages its value references (`{ a-eun }`).
    pub references: BTreeSet<String>,
    /// Its value as it reads: text, with string literals (`{"{"}`) resolved
    /// and other placeables in Fluent syntax.
    pub text: String,
    pub line: usize,
    pub column: usize,
}

/// What one `.ftl` file holds.
#[derive(Debug, Default)]
pub struct FtlFile {
    /// Whether the file exists.
    pub exists: bool,
    pub messages: BTreeMap<String, FtlMessage>,
    /// Ids that messages or terms of the file reference: a translator's
    /// helper messages (Korean particles, say) are used, not obsolete.
    pub referenced: BTreeSet<String>,
    /// Syntax errors, and a file that is not UTF-8.
    pub syntax: Vec<Located>,
}

/// Reads `root/rel`; a missing file has no messages.
pub fn read(root: &Path, rel: &Path) -> FtlFile {
    let Ok(bytes) = std::fs::read(root.join(rel)) else {
        return FtlFile::default();
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(&text),
        Err(_) => FtlFile {
            exists: true,
            syntax: vec![Located {
                id: None,
                line: 1,
                column: 1,
                message: "this file is not valid UTF-8".into(),
            }],
            ..FtlFile::default()
        },
    }
}

/// The messages of an FTL text, and its syntax errors.
pub fn parse(text: &str) -> FtlFile {
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let syntax = errors
        .iter()
        .map(|err| {
            let (line, column) = line_column(text, super::error_offset(text, err));
            Located {
                id: None,
                line,
                column,
                message: format!("syntax error: {}", err.kind),
            }
        })
        .collect();
    let mut file = FtlFile {
        exists: true,
        syntax,
        ..FtlFile::default()
    };
    let positions = definitions(text);
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
        file.referenced.extend(references.messages.iter().cloned());
        if matches!(entry, ast::Entry::Message(_)) {
            let (line, column) = positions.get(id.name).copied().unwrap_or((1, 1));
            file.messages.insert(
                id.name.to_string(),
                FtlMessage {
                    variables: references.variables,
                    references: references.messages,
                    text: pattern_text(pattern),
                    line,
                    column,
                },
            );
        }
    }
    file
}

/// The variables a message uses, with those of the messages it references
/// (a referenced message sees the caller's variables).
pub fn variables_with_references(
    id: &str,
    messages: &BTreeMap<String, &FtlMessage>,
) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut out = BTreeSet::new();
    let mut stack = vec![id.to_string()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(message) = messages.get(&id) {
            out.extend(message.variables.iter().cloned());
            stack.extend(message.references.iter().cloned());
        }
    }
    out
}

/// The line (and column 1) of every `id =` that starts a line, in one pass.
fn definitions(text: &str) -> BTreeMap<&str, (usize, usize)> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let id_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        if id_len > 0 && line[id_len..].trim_start().starts_with('=') {
            out.entry(&line[..id_len]).or_insert((i + 1, 1));
        }
    }
    out
}

/// A pattern as it reads.
fn pattern_text(pattern: &ast::Pattern<&str>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => out.push_str(&unescape_literal(value)),
            ast::PatternElement::Placeable { expression } => {
                out.push_str(&placeable_source(expression))
            }
        }
    }
    out
}

/// A placeable in Fluent syntax, through the serializer (which has no
/// public entry point below a resource).
fn placeable_source(expression: &ast::Expression<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: expression.clone(),
                }],
            }),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let source = fluent_syntax::serializer::serialize(&resource);
    let value = source.split_once('=').map_or("", |(_, v)| v).trim();
    value
        .lines()
        .map(|l| l.strip_prefix("    ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The value of a Fluent string literal: `\"`, `\\` and `\uXXXX` escapes.
fn unescape_literal(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(u @ ('u' | 'U')) => {
                let len = if u == 'u' { 4 } else { 6 };
                let hex: String = chars.by_ref().take(len).collect();
                if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_resolves_literals_and_keeps_placeables() {
        let file = parse("a = Use {\"{\"}x{\"}\"} and { $code }\nb =\n    One\n\n    Two\n");
        assert_eq!(file.messages["a"].text, "Use {x} and { $code }");
        assert_eq!(file.messages["b"].text, "One\n\nTwo");
        assert_eq!(file.messages["b"].line, 2);
    }

    #[test]
    fn referenced_messages_lend_their_variables() {
        let file = parse("p = { $a ->\n   *[x] y\n}\nm = { $b }{ p }\n");
        let messages = file.messages.iter().map(|(k, v)| (k.clone(), v)).collect();
        let vars = variables_with_references("m", &messages);
        assert_eq!(vars.into_iter().collect::<Vec<_>>(), ["a", "b"]);
    }
}
