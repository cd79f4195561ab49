//! Diagnostics: the one error type of the library.
//!
//! Every stage reports problems as `Diagnostic`s that carry the file (relative
//! to the site root), a 1-based line and column, what is wrong and, where it
//! can be told, how to fix it. Stages collect all of them before giving up, so
//! a contributor sees every mistake in one run. The binary decides how to print
//! them (`Diagnostics::emit`: a source snippet with a caret, coloured on a
//! terminal, plain when piped).

use std::fmt;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

/// Whether a problem stops a build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, located in a file when it comes from one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable name for the kind of problem (`raw-html`, `expired-registration`).
    pub code: Option<&'static str>,
    pub path: Option<PathBuf>,
    /// 1-based line and column; `None` when the problem concerns a whole file.
    pub position: Option<(usize, usize)>,
    /// 1-based line and column just past the offending text, when known.
    pub end: Option<(u32, u32)>,
    pub message: String,
    pub help: Option<Box<str>>,
}

impl Diagnostic {
    /// A problem that belongs to no file (a bad command-line argument, say).
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            path: None,
            position: None,
            end: None,
            message: message.into(),
            help: None,
        }
    }

    /// A problem in `path`; add a position with `at` or `at_offset`.
    pub fn in_file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: Some(path.into()),
            ..Diagnostic::new(message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line.max(1), column.max(1)));
        self
    }

    /// Locates the problem at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_column(source, offset);
        self.at(line, column)
    }

    /// Locates the problem at `source[start..end]`.
    pub fn at_span(self, source: &str, start: usize, end: usize) -> Self {
        let mut located = self.at_offset(source, start);
        let (line, column) = line_column(source, end.max(start));
        located.end = Some((line as u32, column as u32));
        located
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }
}

impl fmt::Display for Diagnostic {
    /// The one-line form: `path:line:col: message (help)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some((line, column)) = self.position {
                write!(f, ":{line}:{column}")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

/// Every problem a stage found; a stage fails when this is not empty.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `Ok(value)` when nothing was reported, else every problem.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Sorted by file and position, so output is stable whatever order the
    /// stages found problems in.
    pub fn sorted(mut self) -> Self {
        self.0
            .sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
        self.0.dedup();
        self
    }

    /// Prints every diagnostic with a source snippet, reading files below `root`.
    pub fn emit(&self, root: &Path, color: termcolor::ColorChoice) {
        let mut stderr = termcolor::StandardStream::stderr(color);
        for diagnostic in &self.0 {
            let _ = emit_one(&mut stderr, root, diagnostic);
        }
    }

    /// The rendered form without colour: what `emit` prints when piped.
    pub fn render_plain(&self, root: &Path) -> String {
        let mut buffer = termcolor::Buffer::no_color();
        for diagnostic in &self.0 {
            let _ = emit_one(&mut buffer, root, diagnostic);
        }
        String::from_utf8_lossy(buffer.as_slice()).into_owned()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

fn emit_one(
    writer: &mut dyn termcolor::WriteColor,
    root: &Path,
    diagnostic: &Diagnostic,
) -> Result<(), codespan_reporting::files::Error> {
    let config = term::Config::default();
    let report = match diagnostic.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
    };
    let mut report = report.with_message(&diagnostic.message);
    if let Some(help) = &diagnostic.help {
        report = report.with_notes(vec![format!("help: {help}")]);
    }
    let Some(path) = &diagnostic.path else {
        let file = SimpleFile::new(String::new(), String::new());
        return term::emit_to_write_style(writer, &config, &file, &report);
    };
    let name = path.display().to_string();
    let source = std::fs::read(root.join(path))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok());
    match (source, diagnostic.position) {
        (Some(source), Some((line, column))) => {
            let offset = byte_offset(&source, line, column);
            let end = next_char_boundary(&source, offset);
            let file = SimpleFile::new(name, source);
            report = report.with_labels(vec![cs::Label::primary((), offset..end)]);
            term::emit_to_write_style(writer, &config, &file, &report)
        }
        _ => {
            let location = match diagnostic.position {
                Some((line, column)) => format!("{name}:{line}:{column}"),
                None => name,
            };
            report = report.with_notes(vec![format!("in {location}")]);
            let file = SimpleFile::new(String::new(), String::new());
            term::emit_to_write_style(writer, &config, &file, &report)
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

/// The byte offset of a 1-based line and column; clamps to the text.
pub fn byte_offset(source: &str, line: usize, column: usize) -> usize {
    let line_start = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &source[line_start.min(source.len())..];
    let in_line = rest
        .char_indices()
        .take_while(|(_, c)| *c != '\n')
        .nth(column.saturating_sub(1))
        .map_or_else(|| rest.find('\n').unwrap_or(rest.len()), |(i, _)| i);
    line_start + in_line
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn next_char_boundary(source: &str, offset: usize) -> usize {
    source[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

/// "did you mean `x`?" for a misspelt key or id.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(given, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| format!("did you mean `{candidate}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_round_trip() {
        let source = "a: 1\nbé: 2\n";
        assert_eq!(line_column(source, 0), (1, 1));
        assert_eq!(line_column(source, 5), (2, 1));
        assert_eq!(line_column(source, 8), (2, 3));
        assert_eq!(byte_offset(source, 2, 3), 8);
        assert_eq!(byte_offset(source, 9, 9), source.len());
    }

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["description", "summary"];
        assert_eq!(
            did_you_mean("descripton", keys).as_deref(),
            Some("did you mean `description`?")
        );
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
