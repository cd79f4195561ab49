//! How diagnostics are printed: for people (the default, with a source
//! snippet), as JSON lines for tools (one object per diagnostic, like
//! `cargo --message-format=json`), or as GitHub Actions workflow commands
//! that annotate the lines of a pull request.

use std::path::Path;

use clap::ValueEnum;
use codecompare::diag::{Diagnostic, Diagnostics};
use serde::Serialize;

use super::Color;

#[derive(Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
    Github,
}

/// Prints every diagnostic in `format` (human → stderr, machine → stdout).
pub fn print(root: &Path, diagnostics: &Diagnostics, format: Format, color: Color) {
    match format {
        Format::Human => diagnostics.emit(root, color.choice()),
        Format::Json => {
            for diagnostic in &diagnostics.0 {
                println!("{}", json(diagnostic));
            }
        }
        Format::Github => {
            for diagnostic in &diagnostics.0 {
                println!("{}", github(diagnostic));
            }
        }
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<u32>,
    end_column: Option<u32>,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    code: Option<&'static str>,
}

/// One diagnostic as one line of JSON.
pub fn json(d: &Diagnostic) -> String {
    let record = JsonDiagnostic {
        file: d
            .path
            .as_ref()
            .map(|p| p.to_string_lossy().replace('\\', "/")),
        line: d.position.map(|(l, _)| l),
        column: d.position.map(|(_, c)| c),
        end_line: d.end.map(|(l, _)| l),
        end_column: d.end.map(|(_, c)| c),
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        code: d.code,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// One diagnostic as a GitHub Actions workflow command:
/// `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::MESSAGE`.
pub fn github(d: &Diagnostic) -> String {
    let mut properties = Vec::new();
    if let Some(path) = &d.path {
        properties.push(format!(
            "file={}",
            property(&path.to_string_lossy().replace('\\', "/"))
        ));
    }
    if let Some((line, column)) = d.position {
        properties.push(format!("line={line}"));
        properties.push(format!("col={column}"));
    }
    if let Some((line, column)) = d.end {
        properties.push(format!("endLine={line}"));
        properties.push(format!("endColumn={column}"));
    }
    properties.push(format!(
        "title={}",
        property(&format!("codecompare: {}", d.code.unwrap_or("check")))
    ));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {}::{}",
        d.severity.as_str(),
        properties.join(","),
        data(&message)
    )
}

/// Escapes a message as the workflow-command syntax requires.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
