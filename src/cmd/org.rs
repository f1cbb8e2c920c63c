//! `lwctl org accounts` and `lwctl org mapping check|route`.

use super::Ctx;
use crate::error::{DataError, UsageError};
use crate::mapping::Mapping;
use crate::output::Report;
use crate::table::{Kind, Table};
use anyhow::Result;
use serde_json::json;
use std::path::Path;

pub fn accounts(ctx: &Ctx) -> Result<()> {
    let client = ctx.client()?;
    let sub = client.credentials().subaccount.clone();
    // Asked without Account-Name: the question is what the key reaches, not one subaccount.
    let profiles = client.without_subaccount()?.user_profile()?;
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
            ctx.ui.warn(format!(
                "subaccount '{s}' is not among the accounts this key can reach ({}): clear --subaccount, or create a key inside '{s}'",
                reachable.join(", ")
            ));
        }
    }
    Ok(())
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn load(file: &Path) -> Result<Mapping> {
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

pub fn mapping_check(ctx: &Ctx, file: &Path) -> Result<()> {
    let m = load(file)?;
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
    let v = json!({
        "default": m.default_account,
        "accounts": by_account.iter().map(|(lw, ids)| (lw.clone(), json!(ids))).collect::<serde_json::Map<_, _>>(),
    });
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

pub fn mapping_route(ctx: &Ctx, aws_account: &str, file: &Path) -> Result<()> {
    let m = load(file)?;
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
