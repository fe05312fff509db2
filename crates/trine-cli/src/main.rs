//! `trine`: the journal from the terminal.
//!
//! This binary only reads arguments, calls `trine-app` and prints. Errors
//! reach the edge as one line on standard error and exit code 1; usage
//! errors exit with 2 (clap's convention).

#[macro_use]
mod terminal;
mod args;
mod commands;
mod fixes;
mod interrupt;
mod output;
mod passphrase;
mod reflect;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("trine: {}", fixes::message(&err));
            ExitCode::FAILURE
        }
    }
}
