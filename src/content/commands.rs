//! Commands and their reply tables: `content/<protocol>/commands/<NAME>.yaml`.
//!
//! The tables are the RFCs' own (RFC 959 §5.4, RFC 5321 §4.3.2, and what
//! each extension RFC lists), grouped as the RFCs group them, so that code
//! pages can say which command a code answers and example exchanges can be
//! checked against them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{NOT_BLANK, Reference};

/// `commands/<NAME>.yaml` as written.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// The command as sent (`RETR`), or `CONNECT` for connection establishment; equals the file stem.
    #[schemars(pattern(NOT_BLANK))]
    pub name: String,
    /// The syntax as the RFC writes it.
    #[schemars(pattern(NOT_BLANK))]
    pub syntax: String,
    /// One plain sentence.
    #[schemars(pattern(NOT_BLANK))]
    pub summary: String,
    /// Markdown.
    #[schemars(pattern(NOT_BLANK))]
    pub description: String,
    #[serde(default)]
    pub references: Vec<Reference>,
    pub replies: Replies,
}

/// The replies a command can get, in the RFC's groups. Success and failure
/// are told apart by class; a group the RFC does not use is left out.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Replies {
    /// 1yz replies before the action completes (FTP).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preliminary: Vec<String>,
    /// FTP's restart marker (110), in parentheses in RFC 959 §5.4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restart_marker: Vec<String>,
    /// Final replies that follow a preliminary one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_preliminary: Vec<String>,
    /// 3yz replies: the server needs more (331, 350, 354, 334).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intermediate: Vec<String>,
    /// What must follow an intermediate reply: command names, `data`, or `response`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub then: Vec<String>,
    /// Replies that end the exchange an intermediate reply started (SMTP DATA after the dot).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_intermediate: Vec<String>,
    /// RFC 5321 §4.3.2 "S:" replies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success: Vec<String>,
    /// RFC 5321 §4.3.2 "E:" replies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error: Vec<String>,
    /// FTP: the replies to the command itself.
    #[serde(default, rename = "final", skip_serializing_if = "Vec::is_empty")]
    pub final_: Vec<String>,
}

/// Where a code stands in a command's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Preliminary,
    RestartMarker,
    AfterPreliminary,
    Intermediate,
    AfterIntermediate,
    Success,
    Error,
    Final,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Preliminary,
        Role::RestartMarker,
        Role::AfterPreliminary,
        Role::Intermediate,
        Role::AfterIntermediate,
        Role::Success,
        Role::Error,
        Role::Final,
    ];

    /// The YAML key (and the suffix of its UI string, `role-after-preliminary`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Preliminary => "preliminary",
            Role::RestartMarker => "restart-marker",
            Role::AfterPreliminary => "after-preliminary",
            Role::Intermediate => "intermediate",
            Role::AfterIntermediate => "after-intermediate",
            Role::Success => "success",
            Role::Error => "error",
            Role::Final => "final",
        }
    }
}

impl Replies {
    /// Each group with its role, in table order.
    pub fn groups(&self) -> [(Role, &Vec<String>); 8] {
        [
            (Role::Preliminary, &self.preliminary),
            (Role::RestartMarker, &self.restart_marker),
            (Role::AfterPreliminary, &self.after_preliminary),
            (Role::Intermediate, &self.intermediate),
            (Role::AfterIntermediate, &self.after_intermediate),
            (Role::Success, &self.success),
            (Role::Error, &self.error),
            (Role::Final, &self.final_),
        ]
    }

    /// The roles `code` has in this table.
    pub fn roles_of(&self, code: &str) -> Vec<Role> {
        self.groups()
            .into_iter()
            .filter(|(_, codes)| codes.iter().any(|c| c == code))
            .map(|(role, _)| role)
            .collect()
    }

    /// Replies the command itself can get (not those that follow a preliminary or the data).
    pub fn direct(&self) -> impl Iterator<Item = &String> {
        self.preliminary
            .iter()
            .chain(&self.intermediate)
            .chain(&self.success)
            .chain(&self.error)
            .chain(&self.final_)
    }
}
