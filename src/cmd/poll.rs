//! `lwctl alerts poll`: the connector's loop as a command. With `--state` and `--out`, every new
//! alert lands in the file exactly once, whatever happens to the process or the file. The work
//! is in [`crate::poll`]; this file is the `--every` loop around it, what it tells the world
//! after each run (`--log`, `--metrics`), and `alerts poll status`.

use super::Ctx;
use crate::cli::{PollArgs, PollCommand, StatusArgs};
use crate::error::UsageError;
use crate::output::Format;
use crate::poll::lock::{lock, remove_stale_temps, state_path};
use crate::poll::run::Poller;
use crate::poll::store::{load_state, Loaded};
use crate::poll::{Health, PollState};
use anyhow::Result;
use chrono::{DateTime, Utc};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

pub fn run(ctx: &Ctx, mut args: PollArgs) -> Result<()> {
    if let Some(PollCommand::Status(status_args)) = args.command.take() {
        return status(ctx, &status_args);
    }
    crate::output::set_quiet(args.quiet);
    // A signal finishes the page and commits; an --every loop then exits 0 as documented.
    // Set before the lock, so a run queued with --wait honours it too.
    let stop = crate::signals::stop_on_signals(if args.every.is_some() { 0 } else { 130 })?;
    if let Some(log) = &args.log {
        crate::runlog::open(log)?;
    }
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
    let started = Instant::now();
    let now = crate::time::now();
    let result = polls(ctx, &args, &stop);
    // A run that failed before any account's poll could record itself (the key refused while
    // listing accounts, a bad flag combination) is recorded here, on the state as it is.
    if args.every.is_none() {
        let recorded = result.as_ref().is_ok_and(|r| *r);
        after_run(
            ctx,
            &args,
            result.as_ref().map(|_| ()),
            recorded,
            started,
            now,
            None,
        );
    }
    result.map(|_| ())
}

/// The runs: one, or an `--every` loop. `Ok(true)` when an account's poll recorded the run.
fn polls(ctx: &Ctx, args: &PollArgs, stop: &std::sync::atomic::AtomicBool) -> Result<bool> {
    if args.track_status.is_some() && args.state.is_none() && args.every.is_none() {
        // One run with nothing kept could only write the alerts: no change is ever told.
        return Err(UsageError::new(
            "--track-status needs --state FILE (or --every) to remember the alerts it follows",
        )
        .hint("add --state, as a cron poll has; changes are told from the second run on")
        .into());
    }
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
    let mut poller = Poller {
        ctx,
        client: &client,
        args,
        filters,
        stop,
        memory: None,
        org_memory: None,
        format: crate::pull::stream_format(ctx, args.normalize.schema, Format::Ndjson)?,
        recorded: std::cell::Cell::new(false),
    };
    let Some(every) = args.every else {
        poller.poll_once()?;
        // Stopped by a signal after committing what was written: said by the exit code.
        if stop.load(Ordering::SeqCst) {
            return Err(crate::error::Interrupted.into());
        }
        return Ok(poller.recorded.get());
    };
    loop {
        let started = Instant::now();
        let now = crate::time::now();
        poller.recorded.set(false);
        let result = poller.poll_once();
        after_run(
            ctx,
            args,
            result.as_ref().map(|_| ()),
            poller.recorded.get(),
            started,
            now,
            Some(&poller),
        );
        if let Err(e) = result {
            // A closed pipe, or a signal (the loop's documented way out, exit 0).
            if crate::error::is_broken_pipe(&e) || e.is::<crate::error::Interrupted>() {
                return Ok(true);
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
                return Ok(true);
            }
            std::thread::sleep(Duration::from_millis(100).min(every));
        }
        if stop.load(Ordering::SeqCst) {
            return Ok(true);
        }
    }
}

/// After a run: its outcome recorded in the state when no account's poll did (an
/// organization's overall outcome always), then the metrics written.
fn after_run(
    ctx: &Ctx,
    args: &PollArgs,
    result: Result<(), &anyhow::Error>,
    recorded: bool,
    started: Instant,
    now: DateTime<Utc>,
    poller: Option<&Poller>,
) {
    let outcome = crate::poll::run::ended(now, result, started);
    let mut memory = (
        poller.and_then(|p| p.memory.clone()),
        poller.and_then(|p| p.org_memory.clone()),
    );
    if let Some(path) = &args.state {
        match load_state(path) {
            Ok(Some(Loaded::One(mut s))) => {
                if !recorded {
                    s.health.record(&outcome);
                    let _ = crate::poll::store::write_json(path, &s);
                }
                memory = (Some(s), None);
            }
            Ok(Some(Loaded::Org(mut doc))) => {
                doc.health.record(&outcome);
                let _ = crate::poll::store::write_json(path, &doc);
                memory = (None, Some(doc));
            }
            // No state yet, or one this run must not touch (another user's, corrupt).
            _ => {}
        }
    }
    let Some(metrics) = &args.metrics else {
        return;
    };
    let (one, org) = memory;
    let mut entries: Vec<(String, PollState)> = Vec::new();
    let mut overall: Option<Health> = None;
    if let Some(s) = one {
        let name = s
            .subaccount
            .clone()
            .unwrap_or_else(|| account_name(&s.account));
        entries.push((name, s));
    }
    if let Some(doc) = org {
        for name in doc.accounts.keys() {
            if let Ok(Some(s)) = doc.entry(name) {
                entries.push((name.clone(), s));
            }
        }
        overall = Some(doc.health.clone());
    }
    let mut series: Vec<crate::metrics::Series> = entries
        .iter()
        .map(|(name, s)| crate::metrics::Series {
            account: name,
            health: &s.health,
            cursor: Some(s.cursor),
            tracked: s.tracking.as_ref().map(|t| t.alerts.len()),
        })
        .collect();
    // The run as a whole: an organization's, or one with no state to record it in (a first
    // run that failed) so that it still says how it ended.
    let overall = match overall {
        Some(mut h) => {
            if args.state.is_none() {
                h.record(&outcome);
            }
            Some(h)
        }
        None if series.is_empty() => {
            let mut h = Health::default();
            h.record(&outcome);
            Some(h)
        }
        None => None,
    };
    if let Some(h) = &overall {
        series.push(crate::metrics::Series {
            account: "_all",
            health: h,
            cursor: None,
            tracked: None,
        });
    }
    if let Err(e) = crate::metrics::write(metrics, &crate::metrics::render(&series, now)) {
        ctx.ui.alarm(format!("{e:#}"));
    }
}

/// `yourcorp` of `yourcorp.lacework.net`.
fn account_name(host: &str) -> String {
    host.split('.').next().unwrap_or(host).to_owned()
}

/// `lwctl alerts poll status`: the feed's health from the state alone.
fn status(ctx: &Ctx, args: &StatusArgs) -> Result<()> {
    let now = crate::time::now();
    let max_age = chrono::Duration::from_std(args.max_age).expect("--max-age is at most 30 days");
    let path = &args.state;
    let loaded = load_state(path)?.ok_or_else(|| {
        UsageError::new(format!("there is no poll state at {}", path.display()))
            .hint("pass the --state file that `lwctl alerts poll` writes")
    })?;
    let mut rows: Vec<(String, PollState)> = Vec::new();
    let mut overall = None;
    match loaded {
        Loaded::One(s) => {
            let name = s
                .subaccount
                .clone()
                .unwrap_or_else(|| account_name(&s.account));
            rows.push((name, s));
        }
        Loaded::Org(doc) => {
            for name in doc.accounts.keys() {
                if let Ok(Some(s)) = doc.entry(name) {
                    rows.push((name.clone(), s));
                }
            }
            overall = Some(doc.health);
        }
    }
    let mut problems = Vec::new();
    let judge = |name: &str, h: &Health, problems: &mut Vec<String>| {
        if h.last_exit != 0 {
            problems.push(format!(
                "{name}: the last run failed (exit {})",
                h.last_exit
            ));
        } else if !h.fresh(now, max_age) {
            problems.push(match h.last_success {
                Some(t) => format!(
                    "{name}: the last success was {} ago, over --max-age {}",
                    human(now - t),
                    crate::time::human_duration(args.max_age)
                ),
                None => format!("{name}: no run has succeeded yet"),
            });
        }
    };
    for (name, s) in &rows {
        judge(name, &s.health, &mut problems);
    }
    // The run over all the accounts, when no account's own explains it (a key refused
    // before any account was polled).
    if let (Some(h), true) = (&overall, problems.is_empty()) {
        judge("organization", h, &mut problems);
        if let (Some(p), Some(e)) = (problems.last_mut(), &h.last_error) {
            p.push_str(&format!(": {e}"));
        }
    }
    let time = |t: Option<DateTime<Utc>>| t.map(crate::time::rfc3339);
    let json_rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|(name, s)| {
            let h = &s.health;
            let mut row = serde_json::json!({
                "account": name,
                "last_success": time(h.last_success),
                "last_run": time(h.last_run),
                "last_exit": h.last_exit,
                "last_error": h.last_error,
                "cursor": crate::time::rfc3339(s.cursor),
                "cursor_lag_s": (now - s.cursor).num_seconds().max(0),
                "late_arrivals": h.late_arrivals,
                "max_lateness_s": h.max_lateness_s,
                "alerts_written": h.alerts_written,
            });
            // --track-status: what it follows, its last whole pass, the updates it wrote.
            if let Some(t) = &s.tracking {
                row["tracked"] = serde_json::json!(t.alerts.len());
                row["last_pass"] = serde_json::json!(time(t.last_pass));
                row["updates_written"] = serde_json::json!(h.updates_written);
            }
            row
        })
        .collect();
    let healthy = problems.is_empty();
    let doc = serde_json::json!({
        "state": path.display().to_string(),
        "healthy": healthy,
        "max_age_s": args.max_age.as_secs(),
        "problems": problems,
        "accounts": json_rows,
    });
    let mut table = crate::table::Table::new(&[
        ("Account", crate::table::Kind::Fixed),
        ("Last success", crate::table::Kind::Fixed),
        ("Last run", crate::table::Kind::Fixed),
        ("Exit", crate::table::Kind::Fixed),
        ("Cursor lag", crate::table::Kind::Fixed),
        ("Late", crate::table::Kind::Fixed),
        ("Max lateness", crate::table::Kind::Fixed),
        ("Error", crate::table::Kind::Text),
    ]);
    for (name, s) in &rows {
        let h = &s.health;
        let ago = |t: Option<DateTime<Utc>>| {
            t.map_or("never".into(), |t| format!("{} ago", human(now - t)))
        };
        table.push(vec![
            name.clone(),
            ago(h.last_success),
            ago(h.last_run),
            h.last_exit.to_string(),
            human(now - s.cursor),
            h.late_arrivals.to_string(),
            h.max_lateness_s.map_or("-".into(), |s| {
                crate::time::human_duration(Duration::from_secs(s))
            }),
            h.last_error.clone().unwrap_or_default(),
        ]);
    }
    let verdict = if healthy {
        format!(
            "OK: the feed is healthy (last success within {})",
            crate::time::human_duration(args.max_age)
        )
    } else {
        format!("STALE: {}", problems.join("; "))
    };
    // The verdict first, as a Nagios-style check prints it, then a row per account.
    let text = format!("{verdict}\n{}", table.render(ctx.ui.width, ctx.ui.color));
    // Text by default even in a pipe: monitoring agents read the first line.
    ctx.ui.emit_as(
        ctx.ui.format.unwrap_or(Format::Table),
        &crate::output::Report {
            json: &doc,
            table: Some(&table),
            text: Some(text),
        },
    )?;
    if healthy {
        Ok(())
    } else {
        Err(crate::error::Stale(verdict).into())
    }
}

fn human(d: chrono::Duration) -> String {
    crate::time::human_duration(d.to_std().unwrap_or_default())
}
