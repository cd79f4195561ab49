//! `codecompare i18n accept`: record reviewed translations as current.

use std::process::ExitCode;

use clap::Args;

use super::{Color, RootArg, fail};

#[derive(Args)]
pub struct AcceptArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The locale whose translations were reviewed (`ko`).
    pub locale: String,
    /// Message ids to record; none: every outdated message and every
    /// translation without a fingerprint yet.
    pub ids: Vec<String>,
}

pub fn execute(args: AcceptArgs, color: Color) -> ExitCode {
    let root = &args.root.root;
    match codecompare::i18n::accept::accept(root, &args.locale, &args.ids) {
        Ok(accepted) => {
            let file = codecompare::i18n::fingerprint::Record::path(&args.locale);
            // A first run records every translation: list ids only when few.
            if accepted.recorded.len() <= 50 {
                for (id, state) in &accepted.recorded {
                    println!("  {id} (was {})", state.name());
                }
            }
            let n = accepted.recorded.len();
            println!(
                "Recorded {n} message{} of {} as reviewed against the current English in {}",
                if n == 1 { "" } else { "s" },
                args.locale,
                file.display()
            );
            if accepted.dropped > 0 {
                println!(
                    "Dropped {} entries of messages that are no longer translated",
                    accepted.dropped
                );
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => fail(root, &diagnostics, color, "i18n accept"),
    }
}
