//! `codecompare schema`: writes the JSON Schemas of the content files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use codecompare::schema::{SCHEMA_DIR, schemas};

#[derive(Args)]
pub struct SchemaArgs {
    /// Where to write the schemas (default: schemas/, where they are committed).
    #[arg(long, value_name = "DIR", default_value = SCHEMA_DIR)]
    pub output: PathBuf,
}

pub fn execute(args: SchemaArgs) -> ExitCode {
    if let Err(err) = std::fs::create_dir_all(&args.output) {
        eprintln!("error: cannot create {}: {err}", args.output.display());
        return ExitCode::FAILURE;
    }
    for file in schemas() {
        let path = args.output.join(file.name);
        if let Err(err) = std::fs::write(&path, &file.text) {
            eprintln!("error: cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{} ({})", path.display(), file.describes);
    }
    ExitCode::SUCCESS
}
