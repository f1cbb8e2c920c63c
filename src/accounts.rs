//! Many accounts of one organization with one key: which accounts a run serves
//! (`--subaccounts`, `--all-subaccounts`, `--aws-account`), and the turns it takes over them.
//! One client serves them all: one token, one rate budget, `Account-Name` set per turn.

use crate::api::Client;
use crate::cli::{AccountsArgs, RouteArgs};
use crate::context::Ctx;
use crate::error::{ApiError, DataError, Exit, Partial, UsageError};
use crate::mapping::Mapping;
use anyhow::Result;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// The accounts to serve, lower-case, each once, in the order given (UserProfile's for
/// `--all-subaccounts`); `None` for a run over the one account of the credentials.
pub fn select(ctx: &Ctx, client: &Client, args: &AccountsArgs) -> Result<Option<Vec<String>>> {
    if !args.many() {
        return Ok(None);
    }
    if ctx.global.subaccount.is_some() {
        return Err(UsageError::new(
            "--subaccount names one account, and --subaccounts/--all-subaccounts many",
        )
        .hint("pass one of them (a profile's or LW_SUBACCOUNT's subaccount is ignored when many are named)")
        .into());
    }
    let names: Vec<String> = if args.all_subaccounts {
        let profiles = client.reachable_profiles()?;
        let enabled: Vec<String> = profiles
            .iter()
            .flat_map(|p| p.accounts.iter())
            .filter(|a| a.enabled())
            .filter_map(|a| valid_name(ctx, &a.account_name))
            .collect();
        if enabled.is_empty() {
            return Err(UsageError::new(
                "UserProfile lists no enabled account for this key's user",
            )
            .hint("`lwctl org accounts` shows what the key reaches; a service user's key reaches its own account only")
            .into());
        }
        enabled
    } else {
        args.subaccounts
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| crate::config::parse_subaccount(s))
            .collect::<Result<_, _>>()?
    };
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = n.to_ascii_lowercase();
        if !out.contains(&n) {
            out.push(n);
        }
    }
    if out.is_empty() {
        return Err(UsageError::new("--subaccounts names no account").into());
    }
    if ctx.ui.verbose > 0 {
        ctx.ui
            .info(format!("{} account(s): {}", out.len(), out.join(", ")));
    }
    Ok(Some(out))
}

/// An account name UserProfile gave, if it is a valid Lacework account name: it becomes a
/// header and a file name (`--out-dir`), so anything else (a path, a line break, an escape)
/// is reported and skipped, and the other accounts go on.
pub fn valid_name(ctx: &Ctx, name: &str) -> Option<String> {
    match crate::config::parse_subaccount(name) {
        Ok(n) if n == name => Some(n),
        _ => {
            ctx.ui.warn(format!(
                "skipping the account UserProfile calls \"{}\": not a valid Lacework account name",
                crate::output::escape_controls(name)
            ));
            None
        }
    }
}

/// `--aws-account ID --mapping FILE`: sends requests to the Lacework account that receives the
/// AWS account's CloudTrail alerts; `-v` says which and why.
pub fn route(ctx: &Ctx, client: &Client, args: &RouteArgs) -> Result<()> {
    let (Some(aws), Some(file)) = (&args.aws_account, &args.mapping) else {
        return Ok(());
    };
    if ctx.global.subaccount.is_some() {
        return Err(UsageError::new(
            "--aws-account picks the subaccount from the mapping; --subaccount names one too",
        )
        .hint("pass one of them")
        .into());
    }
    let mapping = load_mapping(file)?;
    let route = mapping.route(aws);
    let account = crate::config::parse_subaccount(route.lacework_account)?;
    if ctx.ui.verbose > 0 {
        ctx.ui.info(if route.explicit {
            format!(
                "AWS account {aws} is mapped to '{account}' in {}: querying it (Account-Name: {account})",
                file.display()
            )
        } else {
            format!(
                "AWS account {aws} is not mapped in {}: querying the default, '{account}' (Account-Name: {account})",
                file.display()
            )
        });
    }
    client.use_account(Some(&account));
    Ok(())
}

/// What the turns over many accounts came to.
#[derive(Debug, Default)]
pub struct Turns {
    pub served: usize,
    pub failed: Vec<(String, Exit)>,
    /// Accounts not tried after a failure that would have met them all.
    pub skipped: usize,
    /// Accounts not tried because a signal asked the run to stop.
    pub interrupted: usize,
}

/// A failure that every account would meet the same way (the key refused, the host not
/// resolved or reached, a redirect away from Lacework): going on would repeat it, with its
/// retries, once an account.
fn not_about_one_account(e: &anyhow::Error) -> bool {
    use crate::error::Cause;
    match e.downcast_ref::<ApiError>() {
        Some(ApiError::Unauthorized { .. }) => true,
        Some(ApiError::Unavailable { cause, .. }) => matches!(
            cause,
            Cause::Dns | Cause::Connect | Cause::Redirect | Cause::ForeignLink
        ),
        _ => false,
    }
}

impl Turns {
    /// Runs `serve` for each account in turn, `Account-Name` set to it and the budget told how
    /// many accounts are still to come. A failure is reported on its own line, naming the
    /// account, and the others go on; a signal ends the turns after the current one.
    pub fn run(
        client: &Client,
        accounts: &[String],
        stop: &AtomicBool,
        mut serve: impl FnMut(&str) -> Result<()>,
    ) -> Turns {
        let mut turns = Turns::default();
        for (i, account) in accounts.iter().enumerate() {
            if stop.load(Ordering::SeqCst) {
                turns.interrupted = accounts.len() - i;
                break;
            }
            client.use_account(Some(account));
            crate::runlog::account(Some(account));
            client.plan_ahead((accounts.len() - i) as u64);
            turns.served += 1;
            if let Err(e) = serve(account) {
                if crate::error::is_broken_pipe(&e) {
                    // `| head` has what it wanted: the command ends quietly.
                    break;
                }
                let code = report_for(account, &e);
                turns.failed.push((account.clone(), code));
                if not_about_one_account(&e) {
                    let left = accounts.len() - i - 1;
                    if left > 0 {
                        let msg = format!(
                            "stopping: this failure is not particular to '{account}', so the {left} account(s) after it were not tried"
                        );
                        crate::runlog::line("error", &msg);
                        crate::output::stderr_line(&format!(
                            "{} {msg}",
                            crate::output::prefix("error")
                        ));
                        turns.skipped = left;
                    }
                    break;
                }
            }
        }
        client.plan_ahead(0);
        client.use_account(None);
        crate::runlog::account(None);
        turns
    }

    /// Ok when every account succeeded; else the worst code, after saying what a pattern of
    /// refusals means.
    pub fn finish(self, ctx: &Ctx, what: &str) -> Result<()> {
        if self.interrupted > 0 {
            // The failures, if any, were each reported; the exit code says it was stopped.
            ctx.ui.warn(format!(
                "stopped by a signal: {} of {} account(s) were not tried; the next run starts with them",
                self.interrupted,
                self.served + self.interrupted
            ));
            return Err(crate::error::Interrupted.into());
        }
        if self.failed.is_empty() {
            return Ok(());
        }
        let forbidden = self
            .failed
            .iter()
            .filter(|(_, c)| *c == Exit::Forbidden)
            .count();
        if forbidden == self.served && self.served > 1 {
            ctx.ui.warn(
                "every account refused this key (403). A key made inside a subaccount reaches only that subaccount, and a service user's key reaches its own account only: neither can fan out through Account-Name. Use a regular user's key made on the primary account, or poll the one account the key was made in with --subaccount NAME (the key file's subAccount names it; `lwctl configure --json-file KEY.json` imports it)",
            );
        }
        let worst = self.failed.iter().map(|(_, c)| *c as u8).max().unwrap_or(1);
        Err(Partial {
            exit: Exit::from_code(worst),
            summary: format!(
                "{} of {} account(s) failed ({}); {}",
                self.failed.len(),
                self.served + self.skipped,
                self.failed
                    .iter()
                    .map(|(a, _)| a.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                match self.skipped {
                    0 => format!("the others {what}"),
                    n => format!("{n} were not tried"),
                }
            ),
        }
        .into())
    }
}

/// Reports one account's failure on its own line, with the hint that fits a run over many.
pub fn report_for(account: &str, e: &anyhow::Error) -> Exit {
    let forbidden = matches!(
        e.downcast_ref::<ApiError>(),
        Some(ApiError::Forbidden { .. })
    );
    let line = anyhow::anyhow!("{account}: {e:#}");
    crate::error::report_with(
        &line,
        crate::error::exit_code(e),
        if forbidden {
            Some(format!(
                "this key cannot reach '{account}': the user has no access to it, or the key was made inside another subaccount (`lwctl org accounts` lists what it reaches)"
            ))
        } else {
            crate::error::hint(e)
        },
    )
}

/// Reads and checks a CloudTrail account mapping file.
pub fn load_mapping(file: &Path) -> Result<Mapping> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| UsageError::new(format!("cannot read {}: {e}", file.display())))?;
    Mapping::parse(&text).map_err(|problems| {
        DataError(format!(
            "{} is not a valid account mapping:\n  {}",
            file.display(),
            problems.join("\n  ")
        ))
        .into()
    })
}
