//! The `codecompare` binary: maps subcommands to `cmd::<name>::execute`.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cli.command {
        cmd::Command::Build(args) => cmd::build::execute(args, cli.color),
        cmd::Command::Check(args) => cmd::check::execute(args, cli.color),
        cmd::Command::Diff(args) => cmd::diff::execute(args, cli.color),
        cmd::Command::Serve(args) => cmd::serve::execute(args, cli.color),
        cmd::Command::Schema(args) => cmd::schema::execute(args),
        cmd::Command::I18n(cmd::I18nCommand::Status(args)) => {
            cmd::i18n_status::execute(args, cli.color)
        }
        cmd::Command::I18n(cmd::I18nCommand::Accept(args)) => {
            cmd::i18n_accept::execute(args, cli.color)
        }
        cmd::Command::I18n(cmd::I18nCommand::Export(args)) => {
            cmd::i18n_export::execute(args, cli.color)
        }
    }
}
