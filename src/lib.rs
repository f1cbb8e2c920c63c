//! lwctl: a command-line client for Lacework (FortiCNAPP) alerts.

pub mod accounts;
pub mod alert;
pub mod api;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod context;
pub mod error;
pub mod fetch;
pub mod filter;
pub mod fsafe;
pub mod jsonstream;
pub mod mapping;
pub mod metrics;
pub mod normalize;
pub mod output;
pub mod poll;
pub mod printer;
pub mod pull;
pub mod runlog;
pub mod schema;
pub mod severity;
pub mod signals;
pub mod stdout;
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
