use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = lwctl::cli::Cli::parse();
    match lwctl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => ExitCode::from(lwctl::error::report(&err) as u8),
    }
}
