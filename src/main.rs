use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    let matches = lwctl::cli::command().get_matches();
    let cli = match lwctl::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match lwctl::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => ExitCode::from(lwctl::error::report(&err) as u8),
    }
}
