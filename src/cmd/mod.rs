//! Command-line arguments; each subcommand lives in its own module with its
//! arguments and an `execute`.

pub mod build;
pub mod check;
pub mod diff;
pub mod format;
pub mod i18n_accept;
pub mod i18n_export;
pub mod i18n_status;
pub mod schema;
pub mod serve;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use codecompare::diag::Diagnostics;
use codespan_reporting::term::termcolor::ColorChoice;

/// Build the multilingual reference site of protocol reply codes.
#[derive(Parser)]
#[command(name = "codecompare", version, about, propagate_version = true)]
pub struct Cli {
    /// When to colour messages.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the site into the output folder (default: public/).
    Build(build::BuildArgs),
    /// Validate content, templates and translations; write nothing.
    Check(check::CheckArgs),
    /// List the pages added, removed and changed between two builds, per locale.
    Diff(diff::DiffArgs),
    /// Build, serve on 127.0.0.1, rebuild and reload on change.
    Serve(serve::ServeArgs),
    /// Write the JSON Schemas of the content files (for editors and CI).
    Schema(schema::SchemaArgs),
    /// Translation tools.
    #[command(subcommand)]
    I18n(I18nCommand),
}

#[derive(Subcommand)]
pub enum I18nCommand {
    /// Per locale: how much is translated; missing, outdated, untranslated,
    /// obsolete and broken messages.
    Status(i18n_status::StatusArgs),
    /// Record translations as reviewed against the current English.
    Accept(i18n_accept::AcceptArgs),
    /// Write the English content as .ftl source files for translation tools.
    Export(i18n_export::ExportArgs),
}

/// The site folder, shared by every subcommand.
#[derive(Args, Clone)]
pub struct RootArg {
    /// The site's folder (the one with site.toml).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn choice(self) -> ColorChoice {
        match self {
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
            Color::Auto
                if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
            {
                ColorChoice::Auto
            }
            Color::Auto => ColorChoice::Never,
        }
    }
}

/// Prints every problem and a one-line reason, and returns the failure code.
pub fn fail(root: &Path, diagnostics: &Diagnostics, color: Color, what: &str) -> ExitCode {
    fail_as(root, diagnostics, color, what, format::Format::Human)
}

/// `fail` in a chosen format; the summary line goes to stderr in every format.
pub fn fail_as(
    root: &Path,
    diagnostics: &Diagnostics,
    color: Color,
    what: &str,
    format: format::Format,
) -> ExitCode {
    format::print(root, diagnostics, format, color);
    let n = diagnostics.len();
    let plural = if n == 1 { "" } else { "s" };
    eprintln!("error: {what} failed: {n} problem{plural} found");
    ExitCode::FAILURE
}
