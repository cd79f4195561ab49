//! Message ids derived from the YAML content (DESIGN.md "Translations").
//!
//! The one place that spells `ftp-125-name`, `ftp-class-1-summary`,
//! `ftp-pair-125-vs-426-notes`: rendering looks translations up with these,
//! and `i18n status` compares translation files against them.

use crate::content::pairs::Pair;
use crate::content::{Code, Protocol, Site};

pub fn protocol_field(protocol: &Protocol, field: &str) -> String {
    format!("{}-{field}", protocol.id)
}

pub fn code_field(protocol: &Protocol, code: &Code, field: &str) -> String {
    format!("{}-{}-{field}", protocol.id, id_part(&code.code))
}

/// `ftp-command-RETR-summary`.
pub fn command_field(protocol: &Protocol, name: &str, field: &str) -> String {
    format!("{}-command-{name}-{field}", protocol.id)
}

/// The note of an example: `ftp-125-example-1-note`, `ftp-pair-125-vs-426-example-1-note`.
pub fn example_note(protocol: &Protocol, owner: &str, index: usize) -> String {
    format!("{}-{}-example-{index}-note", protocol.id, id_part(owner))
}

/// A code as it appears in a message id: Fluent ids allow letters, digits,
/// `-` and `_`, so the dots of `5.7.1` become `_` (`smtp-enhanced-5_7_1-name`).
pub fn id_part(code: &str) -> String {
    code.replace('.', "_")
}

pub fn class_field(protocol: &Protocol, digit: &str, field: &str) -> String {
    format!("{}-class-{digit}-{field}", protocol.id)
}

pub fn category_field(protocol: &Protocol, digit: &str, field: &str) -> String {
    format!("{}-category-{digit}-{field}", protocol.id)
}

pub fn pair_notes(protocol: &Protocol, pair: &Pair) -> String {
    format!("{}-pair-{}-notes", protocol.id, id_part(&pair.slug()))
}

/// One translatable content message: its id and its source (YAML) text.
#[derive(Debug, Clone)]
pub struct SourceMessage {
    pub id: String,
    pub source: String,
}

/// Every content message of one protocol, in file order (what `<protocol>.ftl` translates).
pub fn protocol_messages(protocol: &Protocol) -> Vec<SourceMessage> {
    let mut out = Vec::new();
    let mut push = |id: String, source: &str| {
        out.push(SourceMessage {
            id,
            source: source.to_string(),
        })
    };
    push(protocol_field(protocol, "title"), &protocol.title);
    push(protocol_field(protocol, "summary"), &protocol.summary);
    if let Some(seen_in) = &protocol.seen_in {
        push(protocol_field(protocol, "seen_in"), seen_in);
    }
    for (digit, class) in &protocol.classes {
        push(class_field(protocol, digit, "name"), &class.name);
        push(class_field(protocol, digit, "summary"), &class.summary);
    }
    for (digit, category) in &protocol.categories {
        push(category_field(protocol, digit, "name"), &category.name);
        push(
            category_field(protocol, digit, "summary"),
            &category.summary,
        );
    }
    for code in &protocol.codes {
        for (field, text) in [
            ("name", &code.name),
            ("summary", &code.summary),
            ("description", &code.description),
            ("seen_when", &code.seen_when),
            ("fix", &code.fix),
        ] {
            push(code_field(protocol, code, field), text);
        }
    }
    for code in &protocol.codes {
        for (i, example) in code.examples.iter().enumerate() {
            if let Some(note) = &example.note {
                push(example_note(protocol, &code.code, i + 1), note);
            }
        }
    }
    for (slug, examples) in &protocol.pair_examples {
        for (i, example) in examples.iter().enumerate() {
            if let Some(note) = &example.note {
                push(example_note(protocol, &format!("pair-{slug}"), i + 1), note);
            }
        }
    }
    for command in &protocol.commands {
        push(
            command_field(protocol, &command.name, "summary"),
            &command.summary,
        );
        push(
            command_field(protocol, &command.name, "description"),
            &command.description,
        );
    }
    for (slug, notes) in &protocol.pair_notes {
        if let Some(pair) = Pair::parse_slug(slug) {
            push(pair_notes(protocol, &pair), notes);
        }
    }
    out
}

/// `(file name, messages)` for every protocol of the site.
pub fn all_messages(site: &Site) -> Vec<(String, Vec<SourceMessage>)> {
    site.protocols
        .iter()
        .map(|p| (format!("{}.ftl", p.id), protocol_messages(p)))
        .collect()
}
