//! `lwctl alerts poll`: the connector's loop as a command. With `--state` and `--out`, every new
//! alert lands in the file exactly once, whatever happens to the process or the file. The work
//! is in [`crate::poll`]; this file is the `--every` loop around it.

use super::Ctx;
use crate::cli::PollArgs;
use crate::error::UsageError;
use crate::output::Format;
use crate::poll::lock::{lock, remove_stale_temps, state_path};
use crate::poll::run::Poller;
use anyhow::Result;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

pub fn run(ctx: &Ctx, mut args: PollArgs) -> Result<()> {
    let client = ctx.client()?;
    crate::accounts::route(ctx, &client, &args.route)?;
    let many = args.accounts.many();
    if many && args.out_dir.is_none() && !args.normalize.normalize {
        return Err(crate::pull::one_stream_needs_normalize(
            "or use --out-dir DIR for one raw file per account",
        )
        .into());
    }
    if !many && args.out_dir.is_some() {
        return Err(UsageError::new("--out-dir is for a poll over many accounts")
            .hint("name them with --subaccounts or --all-subaccounts, or write one account's alerts with --out FILE")
            .into());
    }
    let filters = crate::pull::filters(&args.filters);
    // A signal finishes the page and commits; an --every loop then exits 0 as documented.
    let stop = crate::signals::stop_on_signals(if args.every.is_some() { 0 } else { 130 })?;
    // Every later use of the state goes to the file this resolved, never through a link.
    if let Some(state) = &args.state {
        args.state = Some(state_path(state)?);
    }
    let _lock = match &args.state {
        Some(state) => {
            let lock = lock(state, args.wait)?;
            remove_stale_temps(state);
            Some(lock)
        }
        None => None,
    };
    let mut poller = Poller {
        ctx,
        client: &client,
        args: &args,
        filters,
        stop: &stop,
        memory: None,
        org_memory: None,
        format: crate::pull::stream_format(ctx, args.normalize.schema, Format::Ndjson)?,
    };
    let Some(every) = args.every else {
        poller.poll_once()?;
        // Stopped by a signal after committing what was written: said by the exit code.
        if stop.load(Ordering::SeqCst) {
            return Err(crate::error::Interrupted.into());
        }
        return Ok(());
    };
    loop {
        let started = Instant::now();
        if let Err(e) = poller.poll_once() {
            // A closed pipe, or a signal (the loop's documented way out, exit 0).
            if crate::error::is_broken_pipe(&e) || e.is::<crate::error::Interrupted>() {
                return Ok(());
            }
            // A mistake in the command line or the state will not mend itself by the next tick.
            if crate::error::exit_code(&e) == crate::error::Exit::Usage {
                return Err(e);
            }
            // Reported, not fatal: the cursor did not move, so the next tick fills the gap.
            crate::error::report(&e);
        }
        while started.elapsed() < every {
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100).min(every));
        }
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
    }
}
