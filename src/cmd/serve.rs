//! `codecompare serve`: build, serve, rebuild and reload on change.

use std::process::ExitCode;

use clap::Args;

use super::{Color, RootArg};

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The port to listen on; the next free one is used if it is taken.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
}

pub fn execute(args: ServeArgs, color: Color) -> ExitCode {
    match codecompare::serve::serve(&args.root.root, args.port, color.choice()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
