//! `codecompare diff OLD NEW`: the pages a change added, removed and changed,
//! per locale, between two built outputs (for reviewing a pull request).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use codecompare::config::Config;

use super::{Color, RootArg, fail};

#[derive(Args)]
pub struct DiffArgs {
    /// The output of a build before the change.
    #[arg(value_name = "OLD_OUTPUT")]
    pub old: PathBuf,
    /// The output of a build after the change.
    #[arg(value_name = "NEW_OUTPUT")]
    pub new: PathBuf,
    /// Where site.toml is, for the locales.
    #[command(flatten)]
    pub root: RootArg,
    /// text for people, json for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// List at most N pages per locale (text format; json lists all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Exit with 1 when the outputs differ (like `git diff --exit-code`);
    /// errors exit with 2 either way.
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn execute(args: DiffArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    let config = match Config::load(root) {
        Ok(config) => config,
        Err(diagnostics) => return trouble(fail(root, &diagnostics, color, "diff")),
    };
    let diff = match codecompare::diff::diff(
        &args.old,
        &args.new,
        &config.default_locale,
        &config.locales,
    ) {
        Ok(diff) => diff,
        Err(diagnostic) => return trouble(fail(root, &diagnostic.into(), color, "diff")),
    };
    match args.format {
        Format::Text => print!("{}", diff.to_text(args.limit)),
        Format::Json => println!("{}", diff.to_json()),
    }
    if args.exit_code && !diff.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Errors exit with 2, so that 1 can mean "they differ" under `--exit-code`.
fn trouble(_printed: ExitCode) -> ExitCode {
    ExitCode::from(2)
}
