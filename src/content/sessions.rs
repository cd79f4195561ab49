//! Validation of commands and examples, with the located errors contributors
//! already get: a command's table names codes that exist, in the right
//! classes; an example follows the tables and shows the codes it is for.

use super::commands::Command;
use super::examples::{self, Example};
use super::yaml::Source;
use super::{CodeForm, Protocol};
use crate::diag::Diagnostics;

/// Checks each command file; returns the good ones, `CONNECT` first, then by name.
pub fn check_commands(
    loaded: Vec<(String, Command, Source)>,
    exists: &dyn Fn(&str) -> bool,
    form: &CodeForm,
    diagnostics: &mut Diagnostics,
) -> Vec<Command> {
    let mut out = Vec::new();
    for (stem, command, source) in loaded {
        let mut ok = true;
        if command.name != stem {
            diagnostics.push(
                source
                    .diagnostic_at(
                        "name",
                        Some(&command.name),
                        format!(
                            "command `{}` differs from the file name `{stem}`",
                            command.name
                        ),
                    )
                    .help(format!("set `name: {stem}` or rename the file")),
            );
            ok = false;
        }
        super::fields::check_not_blank(
            &source,
            &[
                ("syntax", &command.syntax),
                ("summary", &command.summary),
                ("description", &command.description),
            ],
            diagnostics,
        );
        for (role, codes) in command.replies.groups() {
            for code in codes {
                let class = form.parts(code).map(|p| p.class);
                let problem = if !exists(code) {
                    Some((
                        format!("reply `{code}` of {} does not exist", command.name),
                        format!("add the code's file, or fix the table ({})", role.key()),
                    ))
                } else if role == super::commands::Role::Preliminary
                    && class.as_deref() != Some("1")
                {
                    Some((
                        format!("preliminary reply `{code}` is not a 1yz code"),
                        "only 1yz replies are preliminary; move it to the right group".into(),
                    ))
                } else if role == super::commands::Role::Intermediate
                    && class.as_deref() != Some("3")
                {
                    Some((
                        format!("intermediate reply `{code}` is not a 3yz code"),
                        "only 3yz replies are intermediate; move it to the right group".into(),
                    ))
                } else {
                    None
                };
                if let Some((message, help)) = problem {
                    diagnostics.push(
                        source
                            .diagnostic_at(
                                role.key().replace('-', "_").as_str(),
                                Some(code),
                                message,
                            )
                            .help(help),
                    );
                    ok = false;
                }
            }
        }
        if ok {
            out.push(command);
        }
    }
    out.sort_by(|a, b| (a.name != "CONNECT", &a.name).cmp(&(b.name != "CONNECT", &b.name)));
    out
}

/// Checks the examples of a code file (`codes` = [the code]) or a pair file
/// (`codes` = [a, b]): each follows the rules, and shows every one of `codes`.
pub fn check_examples(
    protocol: &Protocol,
    list: &[Example],
    codes: &[&str],
    source: &Source,
    diagnostics: &mut Diagnostics,
) {
    for example in list {
        let broken = if protocol.commands.is_empty() {
            super::http_examples::check_http(&example.lines)
        } else {
            let universal: Vec<&str> = protocol
                .any_command_replies
                .iter()
                .map(String::as_str)
                .collect();
            examples::check_session(&example.lines, &protocol.commands, &universal)
        };
        for b in broken {
            let needle = (!b.line.starts_with('(')).then_some(b.line.as_str());
            diagnostics.push(
                source
                    .diagnostic_at("examples", needle, format!("example: {}", b.rule))
                    .code("example")
                    .help("see CONTRIBUTING.md, \"Commands and examples\""),
            );
        }
        let shown = examples::codes_in(&example.lines);
        for code in codes {
            let number = protocol
                .code(code)
                .and_then(|c| c.parts.number.clone())
                .unwrap_or_else(|| code.to_string());
            if !shown.contains(&number) {
                diagnostics.push(
                    source
                        .diagnostic_at("examples", None, format!("an example here never shows {code}"))
                        .help("an example of a code shows that code in a server line; a pair's example shows both"),
                );
            }
        }
        if let Some(note) = &example.note {
            super::fields::check_not_blank(source, &[("note", note)], diagnostics);
        }
    }
}
