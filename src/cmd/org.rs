//! `lwctl org accounts` and `lwctl org mapping check|route`.

use super::Ctx;
use crate::error::UsageError;
use crate::mapping::Mapping;
use crate::output::Report;
use crate::table::{Kind, Table};
use anyhow::Result;
use serde_json::json;
use std::path::Path;

pub fn accounts(ctx: &Ctx) -> Result<()> {
    let client = ctx.client()?;
    let sub = client.credentials().subaccount.clone();
    // What the key reaches, not one subaccount (asked inside it only for a key made there).
    let profiles = client.reachable_profiles()?;
    let reachable: Vec<&str> = profiles
        .iter()
        .flat_map(|p| p.accounts.iter().map(|a| a.account_name.as_str()))
        .collect();
    let mut table = Table::new(&[
        ("Account", Kind::Fixed),
        ("Admin", Kind::Fixed),
        ("Enabled", Kind::Fixed),
        ("Selected", Kind::Fixed),
    ]);
    for p in &profiles {
        for a in &p.accounts {
            let selected = sub
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(&a.account_name));
            table.push(vec![
                a.account_name.to_ascii_lowercase(),
                yes_no(a.admin.unwrap_or(false)),
                yes_no(a.enabled()),
                if selected {
                    "← --subaccount".into()
                } else {
                    String::new()
                },
            ]);
        }
    }
    let user = profiles
        .first()
        .and_then(|p| p.username.clone())
        .unwrap_or_default();
    let org = profiles
        .first()
        .and_then(|p| p.org_account)
        .unwrap_or(false);
    let text = format!(
        "{}\n{user}{}\n",
        table.render(ctx.ui.width, ctx.ui.color),
        if org { " (organization account)" } else { "" }
    );
    ctx.ui.emit(&Report {
        json: &serde_json::to_value(&profiles)?,
        table: Some(&table),
        text: Some(text),
    })?;
    if let Some(s) = sub {
        if !reachable.iter().any(|a| a.eq_ignore_ascii_case(&s)) {
            // The subaccount asked for cannot be reached: that is the answer, exit 4.
            return Err(crate::error::ApiError::Forbidden {
                path: "/api/v2/UserProfile".into(),
                message: format!("subaccount '{s}' cannot be reached with this key"),
                hint: Some(format!(
                    "{s} is not among the accounts this key reaches: {} (clear --subaccount, or give the key's user access to {s})",
                    reachable.join(", ").to_ascii_lowercase()
                )),
            }
            .into());
        }
    }
    Ok(())
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

pub fn mapping_check(ctx: &Ctx, file: &Path) -> Result<()> {
    let m = crate::accounts::load_mapping(file)?;
    let mut by_account: Vec<(String, Vec<&str>)> =
        m.accounts.iter().map(|a| (a.clone(), Vec::new())).collect();
    for (aws, lw) in &m.routes {
        if let Some(entry) = by_account.iter_mut().find(|(a, _)| a == lw) {
            entry.1.push(aws);
        }
    }
    let mut table = Table::new(&[
        ("Lacework account", Kind::Fixed),
        ("AWS accounts", Kind::Text),
    ]);
    for (lw, ids) in &by_account {
        table.push(vec![lw.clone(), ids.join(" ")]);
    }
    table.push(vec![
        m.default_account.clone(),
        "(every other AWS account)".into(),
    ]);
    let unknown = unknown_accounts(ctx, &m);
    let mut v = json!({
        "default": m.default_account,
        "accounts": by_account.iter().map(|(lw, ids)| (lw.clone(), json!(ids))).collect::<serde_json::Map<_, _>>(),
    });
    if let Some(unknown) = &unknown {
        v["not_in_user_profile"] = json!(unknown);
    }
    ctx.ui.emit(&Report {
        json: &v,
        table: Some(&table),
        text: None,
    })?;
    ctx.ui.info(format!(
        "{}: OK, {} AWS account(s) mapped to {} Lacework account(s); the rest go to {}",
        file.display(),
        m.routes.len(),
        m.accounts.len(),
        m.default_account
    ));
    Ok(())
}

/// The Lacework accounts the file names that UserProfile does not list for this key's user;
/// `None` when there are no credentials to ask with (the check is then the file's alone).
fn unknown_accounts(ctx: &Ctx, m: &Mapping) -> Option<Vec<String>> {
    let client = match ctx.client() {
        Ok(c) => c,
        Err(e) => {
            if ctx.ui.verbose > 0 {
                ctx.ui.info(format!(
                    "not checking the accounts against UserProfile: {e:#}"
                ));
            }
            return None;
        }
    };
    client.use_account(None);
    let profiles = match client.user_profile() {
        Ok(p) => p,
        Err(e) => {
            ctx.ui.warn(format!(
                "could not check the accounts against UserProfile: {e}"
            ));
            return None;
        }
    };
    let known: Vec<String> = profiles
        .iter()
        .flat_map(|p| p.accounts.iter())
        .map(|a| a.account_name.to_ascii_lowercase())
        .collect();
    let mut named: Vec<&String> = m.accounts.iter().collect();
    if !named.contains(&&m.default_account) {
        named.push(&m.default_account);
    }
    let unknown: Vec<String> = named
        .into_iter()
        .filter(|a| !known.contains(a))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        ctx.ui.warn(format!(
            "{} not among the accounts UserProfile lists for this key's user ({}): alerts routed there cannot be read with this key; check the names, or the user's access",
            unknown.join(", "),
            known.join(", ")
        ));
    }
    Some(unknown)
}

pub fn mapping_route(ctx: &Ctx, aws_account: &str, file: &Path) -> Result<()> {
    let m = crate::accounts::load_mapping(file)?;
    let route = m.route(aws_account);
    let mut table = Table::new(&[
        ("AWS account", Kind::Fixed),
        ("Lacework account", Kind::Fixed),
        ("Mapped", Kind::Fixed),
    ]);
    table.push(vec![
        aws_account.to_owned(),
        route.lacework_account.to_owned(),
        if route.explicit {
            "explicitly"
        } else {
            "by default"
        }
        .into(),
    ]);
    ctx.ui.emit(&Report {
        json: &json!({"aws_account": aws_account, "lacework_account": route.lacework_account, "explicit": route.explicit}),
        table: Some(&table),
        text: None,
    })?;
    ctx.ui.info(if route.explicit {
        format!(
            "{aws_account} is mapped to {} in {}",
            route.lacework_account,
            file.display()
        )
    } else {
        format!(
            "{aws_account} is not mapped in {}; it goes to the default, {}",
            file.display(),
            route.lacework_account
        )
    });
    Ok(())
}

/// `lwctl org plan`: how many accounts one key's `/Alerts` budget polls at a cadence, the
/// shortest cadence for them all, and what is left for people.
pub fn plan(ctx: &Ctx, args: crate::cli::PlanArgs) -> Result<()> {
    let client = ctx.client()?;
    let all = crate::cli::AccountsArgs {
        all_subaccounts: true,
        ..Default::default()
    };
    let chosen = if args.accounts.many() {
        &args.accounts
    } else {
        &all
    };
    let accounts = crate::accounts::select(ctx, &client, chosen)?.unwrap_or_default();
    // One small /Alerts answer for the live budget.
    client.use_account(accounts.first().map(String::as_str));
    let now = crate::time::now();
    let probe = client.alerts_first_page(
        crate::window::Window::new(now - chrono::Duration::minutes(1), now),
        &crate::filter::Filters::default(),
    );
    client.use_account(None);
    if let Err(e) = &probe {
        ctx.ui.warn(format!(
            "could not read the live rate budget ({e}); planning with Lacework's documented 480 requests an hour"
        ));
    }
    let budget = client.budget("Alerts");
    let limit = budget.and_then(|b| b.limit).unwrap_or(480);
    let remaining = budget.and_then(|b| b.remaining);
    let doc = match &args.state {
        Some(path) => Some(org_state(path)?),
        None => None,
    };
    let from_state = doc.is_some();
    let per_poll = doc
        .as_ref()
        .and_then(|d| d.pages_per_poll(&accounts))
        .unwrap_or(1.0);
    // --track-status passes: the searches the state says a pass takes, else one an account;
    // hourly by default, or every poll with --track-every 0s.
    let per_pass = doc
        .as_ref()
        .and_then(|d| d.searches_per_pass(&accounts, now));
    let tracking = args.track_status.is_some() || per_pass.is_some();
    let passes_an_hour = 3600.0 / args.track_every.max(args.every).as_secs_f64().max(1.0);
    let per_pass = per_pass.unwrap_or(1.0);
    let track_per_hour = if tracking {
        per_pass * passes_an_hour
    } else {
        0.0
    };
    let p = crate::api::budget::Plan {
        limit,
        per_poll,
        every: args.every,
        track_per_hour,
    };
    let n = accounts.len() as u64;
    let fit = p.fit();
    let shortest = p.shortest_every(n);
    let needed = p.needed(n);
    let left = p.left(n);
    let every = crate::time::human_duration(args.every);
    let mut table = Table::new(&[("Figure", Kind::Fixed), ("Value", Kind::Text)]);
    table.push(vec!["accounts".into(), n.to_string()]);
    table.push(vec![
        "requests per poll".into(),
        format!(
            "{} per account ({})",
            format_per_poll(per_poll),
            if from_state && per_poll != 1.0 {
                "pages per poll, from the state"
            } else if from_state {
                "from the state"
            } else {
                "one page; pass --state for measured pages"
            }
        ),
    ]);
    if tracking {
        table.push(vec![
            "tracking".into(),
            format!(
                "{} request(s) a pass per account, every {} ({:.1} an hour each)",
                format_per_poll(per_pass),
                crate::time::human_duration(args.track_every.max(args.every)),
                track_per_hour
            ),
        ]);
    }
    table.push(vec![
        "budget".into(),
        format!(
            "{limit} /Alerts requests an hour per user{}",
            remaining
                .map(|r| format!(", {r} left now"))
                .unwrap_or_default()
        ),
    ]);
    table.push(vec![format!("fit at {every}"), format!("{fit} account(s)")]);
    let shortest_text = match shortest {
        Some(s) => format!("{} for all {n}", crate::time::human_duration(s)),
        None => format!("none: the tracking passes of {n} accounts alone spend the budget"),
    };
    table.push(vec!["shortest cadence".into(), shortest_text.clone()]);
    table.push(vec![
        format!("left at {every}"),
        if left >= 0.0 {
            format!(
                "{} requests an hour for people (console, CLI)",
                left.floor()
            )
        } else {
            format!(
                "none: {n} accounts need {} an hour, {} over",
                needed.ceil(),
                (-left).ceil()
            )
        },
    ]);
    let v = json!({
        "accounts": n,
        "every_s": args.every.as_secs(),
        "limit_per_hour": limit,
        "remaining_now": remaining,
        "requests_per_poll": per_poll,
        "track_requests_per_hour": track_per_hour,
        "needed_per_hour": needed,
        "fit": fit,
        "fits_all": fit >= n,
        "shortest_every_s": shortest.map(|s| s.as_secs()),
        "left_per_hour": left,
    });
    // Short lines: this is read on 80-column terminals.
    let text = format!(
        "accounts:  {n}, {} request(s) a poll each{}\n{}\
         budget:    {limit} /Alerts requests an hour per user{}\n\
         every {every}: {fit} account(s) fit; {}\n\
         shortest cadence for all {n}: {}\n",
        format_per_poll(per_poll),
        if from_state {
            " (from the state)"
        } else {
            " (--state measures it)"
        },
        if tracking {
            format!(
                "tracking:  {} request(s) a pass each, {:.1} an hour each\n",
                format_per_poll(per_pass),
                track_per_hour
            )
        } else {
            String::new()
        },
        remaining
            .map(|r| format!(", {r} left now"))
            .unwrap_or_default(),
        if left >= 0.0 {
            format!("{} an hour left for people", left.floor())
        } else {
            format!("{n} need {}, {} over", needed.ceil(), (-left).ceil())
        },
        shortest.map_or(
            "none (their tracking passes alone spend the budget)".into(),
            crate::time::human_duration
        )
    );
    ctx.ui.emit(&Report {
        json: &v,
        table: Some(&table),
        text: Some(text),
    })
}

/// `1` for one request a poll, `1.5` for a measured mean.
fn format_per_poll(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

/// A poll state over many accounts, for the pages its polls took and its tracking.
fn org_state(path: &Path) -> Result<crate::poll::OrgState> {
    match crate::poll::store::load_state(path)? {
        Some(crate::poll::store::Loaded::Org(doc)) => Ok(doc),
        Some(crate::poll::store::Loaded::One(_)) => Err(UsageError::new(format!(
            "{} is the state of a poll of one account; org plan reads the state of a poll over many accounts",
            path.display()
        ))
        .hint("pass the --state of `alerts poll --all-subaccounts` (or --subaccounts), or leave out --state")
        .into()),
        None => Err(UsageError::new(format!("there is no poll state at {}", path.display())).into()),
    }
}
