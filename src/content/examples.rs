//! Example exchanges, checked against the command tables.
//!
//! An example is a short session, one protocol line per entry: `C: RETR x`
//! (client), `S: 150 Opening data connection` (server), `D: …` (the data
//! connection, or SMTP's message data). For FTP and SMTP the build walks the
//! session through each command's table (RFC 959 §5.4, RFC 5321 §4.3.2) and
//! names the rule a line breaks; for HTTP it checks the status line and the
//! header fields RFC 9110 requires for that status.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::commands::Command;

/// One example exchange as written.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The lines, as sent: `C: …`, `S: …`, `D: …`.
    pub lines: Vec<Line>,
    /// Markdown shown with the example (translated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(super::model::NOT_BLANK))]
    pub note: Option<String>,
    /// The software that produced a captured exchange (`pyftpdlib 2.2.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
}

/// A line, or a line marked as a deviation from the RFC's table.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
// For the JSON Schema only (serde keeps ignoring extra keys here): an editor
// flags a misspelt key next to `line` and `deviation`.
#[schemars(deny_unknown_fields)]
pub enum Line {
    Plain(String),
    Deviation {
        line: String,
        /// What the RFC lists instead; required to accept a reply outside the table.
        deviation: String,
    },
}

impl Line {
    pub fn text(&self) -> &str {
        match self {
            Line::Plain(text) | Line::Deviation { line: text, .. } => text,
        }
    }

    pub fn deviation(&self) -> Option<&str> {
        match self {
            Line::Deviation { deviation, .. } => Some(deviation),
            Line::Plain(_) => None,
        }
    }
}

/// Who sends a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Client,
    Server,
    Data,
}

/// Splits `C: RETR x` into its side and text.
pub fn side(line: &str) -> Option<(Side, &str)> {
    let (prefix, rest) = line.split_once(':')?;
    let side = match prefix {
        "C" => Side::Client,
        "S" => Side::Server,
        "D" => Side::Data,
        _ => return None,
    };
    Some((side, rest.strip_prefix(' ').unwrap_or(rest)))
}

/// A broken rule: the offending line (its text) and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub line: String,
    pub rule: String,
}

/// Where the session stands after a line.
#[derive(Debug, Clone, Copy)]
enum State<'c> {
    /// Waiting for the reply to a command.
    Awaiting(&'c Command),
    /// A 1yz came: a final reply must follow.
    AfterPreliminary(&'c Command),
    /// A 3yz came: `then` must follow.
    AfterIntermediate(&'c Command),
    /// The data after SMTP's 354 was sent: the final reply must follow.
    AfterData(&'c Command),
    /// ABOR during a transfer (RFC 959 §4.1.3): the transfer's own final
    /// reply (426) may come first, then ABOR's (226).
    Aborting(&'c Command, &'c Command),
    Idle,
}

/// Checks one FTP or SMTP exchange against the command tables. `universal`
/// are replies the RFC allows after any command (RFC 5321 §4.3.2: 500, 501,
/// 421; RFC 959 §4.2: 421).
pub fn check_session(lines: &[Line], commands: &[Command], universal: &[&str]) -> Vec<Broken> {
    let find = |name: &str| commands.iter().find(|c| c.name.eq_ignore_ascii_case(name));
    let mut broken = Vec::new();
    let mut state = match find("CONNECT") {
        Some(connect) => State::Awaiting(connect),
        None => State::Idle,
    };
    // Inside a multi-line reply (`211-…`): RFC 959 §4.2 lets the lines between
    // the first and the last (`211 End`) start with anything.
    let mut multiline: Option<String> = None;
    let mut fail = |line: &str, rule: String| {
        broken.push(Broken {
            line: line.to_string(),
            rule,
        })
    };
    for line in lines {
        let text = line.text();
        let Some((side, rest)) = side(text) else {
            fail(
                text,
                "a line starts with `C: ` (client), `S: ` (server) or `D: ` (data)".into(),
            );
            continue;
        };
        state = match side {
            Side::Client => client_line(text, rest, state, &find, &mut fail),
            Side::Data => {
                match state {
                    State::AfterPreliminary(_) => state,
                    State::AfterIntermediate(c) if c.replies.then.iter().any(|t| t == "data") => {
                        State::AfterData(c)
                    }
                    State::AfterData(_) => state,
                    _ => {
                        fail(text, "data flows only after a preliminary (1yz) reply, or after 354 for DATA".into());
                        state
                    }
                }
            }
            Side::Server => {
                if let Some(code) = &multiline {
                    let last = rest
                        .strip_prefix(code.as_str())
                        .is_some_and(|r| r.is_empty() || r.starts_with(' '));
                    if !last {
                        continue;
                    }
                    multiline = None;
                } else {
                    let code: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    if code.len() == 3 && rest[3..].starts_with('-') {
                        multiline = Some(code);
                    }
                }
                server_line(line, rest, state, universal, &mut fail)
            }
        };
    }
    let end = "(end of the example)";
    match state {
        State::AfterPreliminary(c) => fail(
            end,
            format!(
                "a final reply is missing after the preliminary reply to {}",
                c.name
            ),
        ),
        State::AfterIntermediate(c) => fail(
            end,
            format!(
                "the intermediate reply to {} must be followed by {}",
                c.name,
                c.replies.then.join(" or ")
            ),
        ),
        State::AfterData(c) => fail(
            end,
            format!("the final reply after the data of {} is missing", c.name),
        ),
        _ => {}
    }
    broken
}

fn client_line<'c>(
    text: &str,
    rest: &str,
    state: State<'c>,
    find: &dyn Fn(&str) -> Option<&'c Command>,
    fail: &mut dyn FnMut(&str, String),
) -> State<'c> {
    let word = rest.split_whitespace().next().unwrap_or_default();
    match state {
        State::AfterPreliminary(c) if word.eq_ignore_ascii_case("ABOR") => {
            if let Some(abor) = find(word) {
                return State::Aborting(c, abor);
            }
        }
        State::AfterPreliminary(c) if !word.eq_ignore_ascii_case("STAT") => {
            fail(
                text,
                format!(
                    "a final reply to {} must come before the next command",
                    c.name
                ),
            );
        }
        State::AfterIntermediate(c) => {
            let expected = &c.replies.then;
            let fits = expected
                .iter()
                .any(|t| t.eq_ignore_ascii_case(word) || t == "response");
            if !fits {
                fail(
                    text,
                    format!(
                        "after the intermediate reply to {}, the client must send {}",
                        c.name,
                        expected.join(" or ")
                    ),
                );
            }
            if expected.iter().any(|t| t == "response")
                && !find(word).is_some_and(|n| expected.contains(&n.name))
            {
                // An AUTH continuation line: the reply that follows belongs to the same command.
                return State::Awaiting(c);
            }
        }
        State::AfterData(c) if rest.trim() == "." => return State::AfterData(c),
        _ => {}
    }
    match find(word) {
        Some(command) => State::Awaiting(command),
        None => {
            fail(
                text,
                format!(
                    "`{word}` is not a command of this protocol (no commands/{}.yaml)",
                    word.to_ascii_uppercase()
                ),
            );
            State::Idle
        }
    }
}

fn server_line<'c>(
    line: &Line,
    rest: &str,
    state: State<'c>,
    universal: &[&str],
    fail: &mut dyn FnMut(&str, String),
) -> State<'c> {
    let text = line.text();
    let code: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let continued = rest[code.len()..].starts_with('-');
    if code.len() != 3 {
        fail(
            text,
            "a server line starts with a three-digit reply code".into(),
        );
        return state;
    }
    if let State::Aborting(transfer, abor) = state {
        if transfer.replies.after_preliminary.contains(&code) {
            return if continued {
                state
            } else {
                State::Awaiting(abor)
            };
        }
        return server_line(line, rest, State::Awaiting(abor), universal, fail);
    }
    let allowed: Vec<&String> = match state {
        State::Awaiting(c) => c.replies.direct().collect(),
        State::AfterPreliminary(c) => {
            if code.starts_with('1') && !c.replies.restart_marker.contains(&code) && !continued {
                fail(
                    text,
                    format!(
                        "a second preliminary (1yz) reply to {}: one is allowed, then a final reply",
                        c.name
                    ),
                );
                return state;
            }
            c.replies
                .after_preliminary
                .iter()
                .chain(&c.replies.restart_marker)
                .collect()
        }
        State::AfterData(c) => c.replies.after_intermediate.iter().collect(),
        State::AfterIntermediate(c) => {
            fail(
                text,
                format!(
                    "after the intermediate reply to {}, the client speaks next ({})",
                    c.name,
                    c.replies.then.join(" or ")
                ),
            );
            return State::Idle;
        }
        State::Idle => {
            fail(text, "a reply with no command before it".into());
            return State::Idle;
        }
        State::Aborting(..) => unreachable!("handled above"),
    };
    let command = match state {
        State::Awaiting(c) | State::AfterPreliminary(c) | State::AfterData(c) => c,
        _ => unreachable!("handled above"),
    };
    let listed = allowed.iter().any(|c| **c == code) || universal.contains(&code.as_str());
    if !listed && line.deviation().is_none() {
        let list: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
        fail(
            text,
            format!(
                "{code} is not a reply the table allows here for {} (allowed: {}); mark the line as a deviation with a note if a real server sent it",
                command.name,
                list.join(", ")
            ),
        );
    }
    if continued {
        return state;
    }
    match code.as_bytes()[0] {
        b'1' if command.replies.restart_marker.contains(&code) => state,
        b'1' => State::AfterPreliminary(command),
        b'3' if matches!(state, State::Awaiting(_)) && !command.replies.then.is_empty() => {
            State::AfterIntermediate(command)
        }
        _ => State::Idle,
    }
}

/// The reply codes the server sends in an exchange (FTP/SMTP), or the statuses (HTTP).
pub fn codes_in(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|line| match side(line.text()) {
            Some((Side::Server, rest)) => {
                let rest = rest
                    .strip_prefix("HTTP/")
                    .map_or(rest, |r| r.split_once(' ').map_or("", |(_, s)| s));
                let code: String = rest.chars().take_while(char::is_ascii_digit).collect();
                (code.len() == 3).then_some(code)
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
