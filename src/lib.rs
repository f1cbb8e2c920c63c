//! lwctl: a command-line client for Lacework (FortiCNAPP) alerts.

pub mod api;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod error;
pub mod fetch;
pub mod filter;
pub mod jsonstream;
pub mod mapping;
pub mod normalize;
pub mod output;
pub mod poll;
pub mod printer;
pub mod schema;
pub mod severity;
pub mod table;
pub mod time;
pub mod triage;
pub mod window;

#[cfg(test)]
mod proptests;

/// Runs one parsed command line.
pub fn run(cli: cli::Cli) -> anyhow::Result<()> {
    cmd::run(cli)
}
