//! `codecompare i18n status`: how complete each locale is, and what it is
//! missing, has outdated or untranslated, has left over, or has broken.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Color, RootArg, fail};

#[derive(Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Output format: text for people, json for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn execute(args: StatusArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    let report = match codecompare::i18n::status::status(root) {
        Ok(report) => report,
        Err(diagnostics) => return fail(root, &diagnostics, color, "i18n status"),
    };
    match args.format {
        Format::Text => print!("{}", report.to_text()),
        Format::Json => println!("{}", report.to_json()),
    }
    if report.has_broken() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
