//! `codecompare i18n export`: the English content as `.ftl` source files for
//! translation tools.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Color, RootArg, fail};

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The folder that gets `<source locale>/<protocol>.ftl` and
    /// `<source locale>/site.ftl` (default: the site's `i18n/`).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

pub fn execute(args: ExportArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    match codecompare::i18n::export::export(root, args.output.as_deref()) {
        Ok(written) => {
            for path in &written {
                println!("Wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => fail(root, &diagnostics, color, "i18n export"),
    }
}
