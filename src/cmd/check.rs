//! `codecompare check`: validate everything, write nothing.

use std::process::ExitCode;

use clap::Args;

use super::{Color, RootArg, fail};

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
}

pub fn execute(args: CheckArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    match codecompare::build::check(root) {
        Ok(renderer) => {
            let codes: usize = renderer.site.protocols.iter().map(|p| p.codes.len()).sum();
            let pairs: usize = renderer
                .site
                .protocols
                .iter()
                .map(|p| p.pairs().len())
                .sum();
            println!(
                "OK: {} protocols, {codes} codes, {pairs} comparisons, {} locales",
                renderer.site.protocols.len(),
                renderer.config.locales.len()
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => fail(root, &diagnostics, color, "check"),
    }
}
