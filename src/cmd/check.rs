//! `codecompare check`: validate everything, write nothing.

use std::process::ExitCode;

use clap::Args;

use super::format::{self, Format};
use super::{Color, RootArg, fail_as};

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// How to print problems: human (default), json (one object per line), github (workflow commands).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

pub fn execute(args: CheckArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    match codecompare::build::check(root) {
        Ok(renderer) => {
            let warnings = codecompare::diag::Diagnostics(renderer.site.warnings.clone());
            format::print(root, &warnings, args.format, color);
            let codes: usize = renderer.site.protocols.iter().map(|p| p.codes.len()).sum();
            let pairs: usize = renderer.site.protocols.iter().map(|p| p.pair_count()).sum();
            let line = format!(
                "OK: {} protocols, {codes} codes, {pairs} comparisons, {} locales",
                renderer.site.protocols.len(),
                renderer.config.locales.len()
            );
            // Machine formats keep stdout for diagnostics only.
            if args.format == Format::Human {
                println!("{line}");
            } else {
                eprintln!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => fail_as(root, &diagnostics, color, "check", args.format),
    }
}
