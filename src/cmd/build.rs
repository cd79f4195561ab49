//! `codecompare build`: the whole pipeline, then one summary line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Color, RootArg, fail};

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Where to write the site (default: `output` of site.toml, i.e. public/).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site will be served at, instead of `base_url` of
    /// site.toml (e.g. the GitHub Pages URL of the repository).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

pub fn execute(args: BuildArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    let options = codecompare::build::BuildOptions {
        output: args.output.as_deref(),
        base_url: args.base_url.as_deref(),
        live_reload: false,
    };
    match codecompare::build::build(root, options) {
        Ok(report) => {
            codecompare::diag::Diagnostics(report.warnings.clone()).emit(root, color.choice());
            println!("{}", report.summary());
            println!("{}", report.changes_line());
            for line in [report.translation_line(), report.fallback_line()]
                .into_iter()
                .flatten()
            {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => fail(root, &diagnostics, color, "build"),
    }
}
