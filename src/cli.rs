//! The whole command line, as one clap derive tree.

use crate::api::alerts::Scope;
use crate::filter::Status;
use crate::output::{ColorChoice, Format};
use crate::severity::{Ladder, SeverityFilter};
use crate::time::parse_duration;
use chrono::{DateTime, Utc};
use clap::{ArgAction, Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "lwctl",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("LWCTL_COMMIT"), ")"),
    about = "Lacework (FortiCNAPP) alerts from the terminal: test, pull, poll, normalize",
    propagate_version = true,
    args_override_self = true,
    after_help = "Examples:\n  lwctl auth test\n  lwctl alerts list --start -24h -o ndjson | jq .alertId\n  lwctl alerts poll --state ~/.lwctl/poll.state --out alerts.ndjson --normalize\n  lwctl normalize examples/alerts.json\n\nCredentials: flags, then LW_ACCOUNT, LW_SUBACCOUNT, LW_API_KEY, LW_API_SECRET,\nLW_API_TOKEN, LW_PROFILE, then the profile in ~/.lacework.toml (the Lacework\nCLI's file).\n\nExit codes:\n  0 success (also: no alerts)     5 not found (alert, or no data for a scope)\n  1 unexpected error              6 rate limited beyond the retry budget\n  2 usage: flag, time, account    7 unavailable: DNS, timeout, 5xx, bad answers\n  3 authentication failed         8 bad input data (normalize, a mapping file)\n  4 permission denied (403)       9 another poll holds the state lock\n 10 declined at a prompt         11 poll status: the feed is stale or failing\n130 interrupted by SIGINT/SIGTERM"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]
    #[arg(short = 'p', long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]
    #[arg(short = 'a', long, global = true, value_name = "ACCOUNT")]
    pub account: Option<String>,
    /// Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]
    #[arg(long, global = true, value_name = "NAME")]
    pub subaccount: Option<String>,
    /// API key id [env: LW_API_KEY]
    #[arg(
        short = 'k',
        long,
        global = true,
        value_name = "KEY_ID",
        alias = "api_key"
    )]
    pub api_key: Option<String>,
    /// File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]
    #[arg(long, global = true, value_name = "FILE")]
    pub api_secret_file: Option<PathBuf>,
    /// Organization-level data (sends Org-Access: true)
    #[arg(long, global = true, alias = "organization")]
    pub org: bool,
    /// Output format [default: table on a terminal, ndjson otherwise]
    #[arg(short = 'o', long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<Format>,
    /// Trace requests on stderr (-vv adds headers); secrets are always redacted
    #[arg(short = 'v', long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// Neither read nor write the token cache [env: LW_NOCACHE]
    #[arg(long, global = true, alias = "nocache", env = "LW_NOCACHE", hide_env = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
    /// Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER,
    /// PAGER; `cat` turns paging off too]
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]
    #[arg(long, global = true, alias = "noninteractive", env = "LW_NONINTERACTIVE", hide_env = true, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_input: bool,
    /// The official CLI's spelling of -o json [env: LW_JSON]
    #[arg(long, global = true, hide = true, env = "LW_JSON", value_parser = clap::builder::FalseyValueParser::new())]
    pub json: bool,
    /// The official CLI's spelling of --color never [env: LW_NOCOLOR]
    #[arg(long, global = true, hide = true, env = "LW_NOCOLOR", value_parser = clap::builder::FalseyValueParser::new())]
    pub nocolor: bool,
    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)
    #[arg(long, global = true, value_name = "DURATION", default_value = "120s", value_parser = timeout_arg)]
    pub timeout: Duration,
    /// Retries for 429, 5xx, connection errors and broken answers (0 to 100)
    #[arg(long, global = true, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub retries: u32,
    /// Longest single wait between retries; 429 resets are capped to it (0s to 1d)
    #[arg(long, global = true, value_name = "DURATION", default_value = "60s", value_parser = max_wait_arg)]
    pub max_wait: Duration,
    /// Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the
    /// run stops with exit 7, nothing of that answer taken
    #[arg(long, global = true, value_name = "SIZE", default_value = "64MiB", value_parser = size)]
    pub max_response: u64,
    /// Read a secret from a file other users can read (refused by default, like ssh keys)
    #[arg(long, global = true)]
    pub allow_insecure_config: bool,
    /// Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a
    /// cell starting with = + - @ gets a leading ')
    #[arg(long, global = true)]
    pub csv_raw: bool,
}

/// The command line as lwctl parses it and prints its help: [`Cli`], with each subcommand's help
/// listing its own flags and naming the global options in one short "Inherited options" section
/// (as gh's INHERITED FLAGS does), instead of repeating their 50 lines of help everywhere.
///
/// Clap copies a global option into a subcommand only when the subcommand has no argument of
/// that id, so each subcommand gets a hidden copy of its own before the command is built; parsing
/// is unchanged. The completion and man generators use [`Cli`]'s own command, where every option
/// stays visible.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let root = Cli::command();
    let globals: Vec<clap::Arg> = root
        .get_arguments()
        .filter(|a| a.is_global_set() && !a.is_hide_set())
        .cloned()
        .collect();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{{all-args}}\n\n{}{{after-help}}",
        inherited(&globals)
    );
    root.mut_subcommands(|sc| tuck(sc, &globals, &template))
}

fn tuck(mut sc: clap::Command, globals: &[clap::Arg], template: &str) -> clap::Command {
    for a in globals {
        sc = sc.arg(a.clone().hide(true));
    }
    sc.help_template(template.to_string())
        .mut_subcommands(|c| tuck(c, globals, template))
}

/// "Inherited options:" and the global flags' names, packed into lines of at most 80 columns.
fn inherited(globals: &[clap::Arg]) -> String {
    let bold = anstyle::Style::new().bold().underline();
    let mut out = format!("{bold}Inherited options{bold:#} (lwctl --help explains them):\n");
    let mut line = String::new();
    for a in globals {
        let long = a.get_long().map(|l| format!("--{l}"));
        let name = match (a.get_short(), long) {
            (Some(s), Some(l)) => format!("-{s}, {l}"),
            (None, Some(l)) => l,
            (Some(s), None) => format!("-{s}"),
            (None, None) => continue,
        };
        if !line.is_empty() && 2 + line.len() + 2 + name.len() > 80 {
            out.push_str(&format!("  {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(&name);
    }
    if !line.is_empty() {
        out.push_str(&format!("  {line}"));
    }
    out
}

/// A size: bytes, or a number with KB, MB, GB (powers of 1000) or KiB, MiB, GiB (of 1024).
fn size(s: &str) -> Result<u64, String> {
    let v = s.trim();
    let split = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (num, unit) = v.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("invalid size '{s}' (use bytes, or 500KB, 64MiB, 1GiB)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "invalid size '{s}' (use bytes, or 500KB, 64MiB, 1GiB)"
            ))
        }
    };
    n.checked_mul(mult)
        .filter(|b| (1 << 10..=4 << 30).contains(b))
        .ok_or_else(|| format!("size '{s}' is out of range (1KiB to 4GiB)"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check credentials and connectivity
    #[command(subcommand)]
    Auth(AuthCommand),
    /// List, poll and inspect alerts
    #[command(subcommand, alias = "alert")]
    Alerts(AlertsCommand),
    /// Lacework alerts in, normalized SOC events out (NDJSON)
    Normalize(NormalizeArgs),
    /// Write a profile to ~/.lacework.toml
    Configure(ConfigureArgs),
    /// What this key can reach, and the CloudTrail account mapping
    #[command(subcommand)]
    Org(OrgCommand),
    /// Generate shell completions or man pages
    #[command(hide = true, subcommand)]
    Generate(GenerateCommand),
    /// Any Lacework API v2 endpoint through lwctl's client (credentials, retries, redaction)
    #[command(
        long_about = "Any Lacework API v2 endpoint through lwctl's client: the same credentials, token cache, Account-Name/Org-Access, retries (reads only), redaction and exit codes. The first thing to reach for when another endpoint answers 403. Only paths under /api/v2/ on the configured host are accepted.",
        after_help = "Examples:\n  lwctl api get /api/v2/UserProfile\n  lwctl api get /api/v2/Alerts --paginate -o ndjson\n  lwctl api post /api/v2/Alerts/search -d '{\"timeFilter\": {\"startTime\": \"2026-11-01T00:00:00Z\", \"endTime\": \"2026-11-02T00:00:00Z\"}}'\n  lwctl api post /api/v2/Alerts/12345/comment -d @comment.json"
    )]
    Api(ApiArgs),
    /// Print the version (as --version does)
    #[command(hide = true)]
    Version,
    /// Print a shell completion script to stdout
    #[command(
        after_help = "Examples:\n  lwctl completion bash > ~/.local/share/bash-completion/completions/lwctl\n  lwctl completion zsh > \"${fpath[1]}/_lwctl\"\n  lwctl completion fish > ~/.config/fish/completions/lwctl.fish"
    )]
    Completion {
        /// The shell
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Exchange the key for a token and read one page of alerts, diagnosing what fails
    #[command(
        after_help = "Examples:\n  lwctl auth test\n  lwctl auth test --subaccount prod -o json\n  lwctl auth test --all-subaccounts"
    )]
    Test(AuthTestArgs),
}

#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// List alerts in a time range
    #[command(
        after_help = "Examples:\n  lwctl alerts list\n  lwctl alerts list --start -7d --severity high -o csv > high.csv\n  lwctl alerts list --start 2026-11-01 --end 2026-11-15 -o ndjson |\n    jq -r .alertName"
    )]
    #[command(alias = "ls")]
    List(ListArgs),
    /// Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated
    #[command(
        long_about = "Poll new alerts, the way an alert connector does.\n\nThe first run asks for [now - since, now). Each later run asks for [cursor - overlap, now) and skips the alert IDs it already wrote, so alerts published late (Lacework's anomaly alerts appear 1-2 hours after their startTime) are caught once. Without --state, the cursor and the IDs are kept in memory between --every ticks.\n\nWith --out, events are appended to the file and fsync'd before the state is committed: a run that is killed, rerun, loses nothing and duplicates nothing, and a rotated or replaced file keeps every byte. Without --out, events go to stdout and the state is committed after they are written.",
        after_help = "Examples:\n  lwctl alerts poll -q --state poll.state --out alerts.ndjson --log poll.log\n  lwctl alerts poll --state poll.state --out alerts.ndjson --every 5m\n  lwctl alerts poll status --state ~/.lwctl/poll.state --max-age 15m",
        args_conflicts_with_subcommands = true
    )]
    Poll(Box<PollArgs>),
    /// Show one alert's details
    #[command(
        after_help = "Examples:\n  lwctl alerts get 12345\n  lwctl alerts get 12345 --scope timeline -o table"
    )]
    #[command(alias = "show")]
    Get(GetArgs),
    /// Add a comment to one or more alerts
    #[command(
        long_about = "Add a comment to one or more alerts.\n\nEach alert is looked up first (Details): a missing one is reported and gets no comment. With several alerts, one summary is shown and asked once. Without --comment or --comment-file and on a terminal, $VISUAL or $EDITOR opens for the text; an empty comment sends nothing.",
        after_help = "Examples:\n  lwctl alerts comment 12345 --comment 'triaged: known scanner'\n  lwctl alerts comment 12345 12346 --comment-file notes.txt --yes\n  lwctl alerts list --start -1d --type ChangedFile -o ndjson |\n    lwctl alerts comment - --comment 'patch window' --yes"
    )]
    Comment(CommentArgs),
    /// Close one or more alerts (a closed alert cannot be reopened)
    #[command(
        long_about = "Close one or more alerts. A closed alert cannot be reopened.\n\nEach alert is looked up first (Details): a missing one is reported (exit 5) and an already closed one is left alone; neither gets a request. The rest are shown in one summary and asked about once (--yes skips the question; without a terminal it is required). --dry-run shows exactly what would be sent and sends nothing. One result per alert; a failure on one does not stop the others, and the run exits with the worst code.",
        after_help = "Reasons: 0 other (needs a comment), 1 false-positive, 2 not-enough-info,\n3 malicious-resolved, 4 routine-testing; some tenants also take 5\nexpected-behavior.\n\nExamples:\n  lwctl alerts close 12345 --reason false-positive --comment 'CI runner'\n  lwctl alerts close 12345 12346 --reason 4 --dry-run\n  lwctl alerts list --start -1d --type ChangedFile -o ndjson |\n    lwctl alerts close - --reason routine-testing --comment 'patch window' \\\n    --yes --audit ~/lwctl-audit.ndjson"
    )]
    Close(CloseArgs),
    /// Open an alert in the Lacework console (prints the URL without a display, or with --url)
    #[command(
        after_help = "Examples:\n  lwctl alerts open 12345\n  lwctl alerts open 12345 --url"
    )]
    Open(OpenArgs),
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// The accounts and subaccounts this key's user can reach (UserProfile)
    #[command(
        after_help = "Examples:\n  lwctl org accounts\n  lwctl org accounts --subaccount prod   # is prod among them?"
    )]
    Accounts,
    /// The CloudTrail-for-Organizations account mapping file
    #[command(subcommand)]
    Mapping(MappingCommand),
    /// How many accounts one key's rate budget can poll, and at what cadence
    #[command(
        long_about = "How many accounts one key's rate budget can poll, and at what cadence.\n\nLacework allows 480 requests an hour per user and per API function, and every subaccount polled with one key draws on the same /Alerts budget. This reads UserProfile for the accounts, one /Alerts answer for the live RateLimit-* headers, and, with --state, the pages each account's last poll took.",
        after_help = "Examples:\n  lwctl org plan --all-subaccounts\n  lwctl org plan --every 15m --subaccounts prod,dev,stage\n  lwctl org plan --all-subaccounts --state ~/.lwctl/org.state"
    )]
    Plan(PlanArgs),
}

#[derive(Debug, Subcommand)]
pub enum MappingCommand {
    /// Validate a mapping file: required keys, AWS account ids, duplicates
    #[command(after_help = "Examples:\n  lwctl org mapping check mapping.json")]
    Check {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Which Lacework account receives an AWS account's alerts
    #[command(
        after_help = "Examples:\n  lwctl org mapping route 123456789012 --mapping mapping.json"
    )]
    Route {
        #[arg(value_name = "AWS_ACCOUNT", value_parser = aws_account)]
        aws_account: String,
        #[arg(long, value_name = "FILE")]
        mapping: PathBuf,
    },
}

fn aws_account(s: &str) -> Result<String, String> {
    let v = s.trim();
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v.to_owned())
    } else {
        Err(format!("'{s}' is not an AWS account id (12 digits)"))
    }
}

#[derive(Debug, Args)]
pub struct CommentArgs {
    /// Alert IDs; `-` reads them from stdin (IDs, or NDJSON alerts or events)
    #[arg(value_name = "ID", required = true, num_args = 1..)]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub text: CommentText,
    #[command(flatten)]
    pub act: ActOpts,
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// Alert IDs; `-` reads them from stdin (IDs, or NDJSON alerts or events)
    #[arg(value_name = "ID", required = true, num_args = 1..)]
    pub ids: Vec<String>,
    /// Why: 0-5, or other, false-positive, not-enough-info, malicious-resolved, routine-testing, expected-behavior
    #[arg(long, value_name = "REASON", value_parser = Hinted::new(crate::api::alerts::CloseReason::parse, &["other", "false-positive", "not-enough-info", "malicious-resolved", "routine-testing", "expected-behavior"]))]
    pub reason: crate::api::alerts::CloseReason,
    #[command(flatten)]
    pub text: CommentText,
    #[command(flatten)]
    pub act: ActOpts,
}

/// Where a comment comes from; with neither flag and a terminal, `$VISUAL`/`$EDITOR`.
#[derive(Debug, Args)]
pub struct CommentText {
    /// The comment (required with reason 0, other)
    #[arg(long, value_name = "TEXT", conflicts_with = "comment_file")]
    pub comment: Option<String>,
    /// Read the comment from FILE, or from stdin with `-`
    #[arg(long, value_name = "FILE")]
    pub comment_file: Option<PathBuf>,
}

/// How a bulk action is carried out.
#[derive(Debug, Args)]
pub struct ActOpts {
    /// Show exactly what would be sent, and send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask before acting
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]
    #[arg(long, value_name = "FILE", env = "LWCTL_AUDIT_LOG", hide_env = true)]
    pub audit: Option<PathBuf>,
}

/// A point in time as typed; resolved against one `now` per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeArg {
    At(DateTime<Utc>),
    /// A duration ago, then snapped down to the start of a unit (`-7d@d`: midnight, 7 days ago).
    Ago(Duration, Option<Snap>),
}

/// The unit `@` snaps a relative time down to, as the official CLI's `-7d@d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snap {
    Minute,
    Hour,
    Day,
    Week,
}

impl TimeArg {
    pub fn resolve(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            TimeArg::At(t) => t,
            TimeArg::Ago(d, snap) => {
                let t = chrono::Duration::from_std(d)
                    .ok()
                    .and_then(|d| now.checked_sub_signed(d))
                    .unwrap_or(DateTime::<Utc>::MIN_UTC);
                snap.map_or(t, |s| s.floor(t))
            }
        }
    }
}

impl Snap {
    fn parse(unit: &str) -> Result<Snap, String> {
        match unit {
            "m" => Ok(Snap::Minute),
            "h" => Ok(Snap::Hour),
            "d" => Ok(Snap::Day),
            "w" => Ok(Snap::Week),
            _ => Err(format!("cannot snap to '@{unit}' (use @m, @h, @d or @w)")),
        }
    }

    /// The start of the minute, hour, day (UTC) or week (Monday, UTC) holding `t`.
    pub fn floor(self, t: DateTime<Utc>) -> DateTime<Utc> {
        use chrono::{Datelike, DurationRound, TimeDelta};
        let unit = match self {
            Snap::Minute => TimeDelta::minutes(1),
            Snap::Hour => TimeDelta::hours(1),
            Snap::Day | Snap::Week => TimeDelta::days(1),
        };
        let day = t.duration_trunc(unit).unwrap_or(t);
        match self {
            Snap::Week => day - TimeDelta::days(i64::from(day.weekday().num_days_from_monday())),
            _ => day,
        }
    }
}

fn time_arg(s: &str) -> Result<TimeArg, String> {
    let v = s.trim();
    if v.eq_ignore_ascii_case("now") {
        return Ok(TimeArg::Ago(Duration::ZERO, None));
    }
    if let Some((base, unit)) = v.split_once('@') {
        let snap = Some(Snap::parse(unit)?);
        if base.eq_ignore_ascii_case("now") || base.is_empty() {
            return Ok(TimeArg::Ago(Duration::ZERO, snap));
        }
        return match crate::time::parse_ago(base) {
            Some(ago) => ago.map(|d| TimeArg::Ago(d, snap)),
            None => Err(format!(
                "'{s}': @ snaps a relative time, such as -7d@d or now@h"
            )),
        };
    }
    if let Some(ago) = crate::time::parse_ago(v) {
        return ago.map(|d| TimeArg::Ago(d, None));
    }
    crate::time::parse_time(v, Utc::now()).map(TimeArg::At)
}

/// `--end`: as `--start`, except that a date alone means the end of that day, so
/// `--start 2026-11-01 --end 2026-11-15` includes the 15th.
fn end_arg(s: &str) -> Result<TimeArg, String> {
    let t = time_arg(s)?;
    let date_only =
        s.trim().len() == 10 && chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").is_ok();
    Ok(match t {
        TimeArg::At(at) if date_only => TimeArg::At(at + chrono::Duration::days(1)),
        other => other,
    })
}

/// `--range`: `last 7 days`, `last 24 hours`, `last 30 minutes`, `last 2 weeks`, `today`,
/// `yesterday` (UTC days). The end is now, or midnight for yesterday.
fn range_arg(s: &str) -> Result<(TimeArg, TimeArg), String> {
    let v = s.trim().to_ascii_lowercase();
    let words: Vec<&str> = v.split_whitespace().collect();
    let bad = || {
        format!(
            "invalid range '{s}' (use 'last 7 days', 'last 24 hours', 'last 30 minutes', 'last 2 weeks', 'today' or 'yesterday')"
        )
    };
    let now = TimeArg::Ago(Duration::ZERO, None);
    match words.as_slice() {
        ["today"] => Ok((TimeArg::Ago(Duration::ZERO, Some(Snap::Day)), now)),
        ["yesterday"] => Ok((
            TimeArg::Ago(Duration::from_secs(86_400), Some(Snap::Day)),
            TimeArg::Ago(Duration::ZERO, Some(Snap::Day)),
        )),
        ["last", n, unit] | ["past", n, unit] => {
            let unit = match unit.trim_end_matches('s') {
                "minute" | "min" => "m",
                "hour" => "h",
                "day" => "d",
                "week" => "w",
                _ => return Err(bad()),
            };
            if !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let back = parse_duration(&format!("{n}{unit}"))
                .map_err(|_| format!("range '{s}' reaches back more than 100 years"))?;
            Ok((TimeArg::Ago(back, None), now))
        }
        ["last", unit] => range_arg(&format!("last 1 {unit}")),
        _ => Err(bad()),
    }
}

/// A duration within a flag's range; clap's message names the flag.
fn within(s: &str, min: Duration, max: Duration) -> Result<Duration, String> {
    let d = parse_duration(s)?;
    if d < min || d > max {
        return Err(format!(
            "out of range: use {} to {}",
            crate::time::human_duration(min),
            crate::time::human_duration(max)
        ));
    }
    Ok(d)
}

const DAY: Duration = Duration::from_secs(86_400);

fn timeout_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::from_millis(100), DAY)
}

fn max_wait_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::ZERO, DAY)
}

/// `--overlap`: at most 30 days of look-back (the seen set holds its IDs).
fn overlap_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::ZERO, DAY * 30)
}

/// `--since`: at most ten years back.
fn since_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::from_secs(1), DAY * 3650)
}

/// `alerts poll status --max-age`: a second to 30 days.
fn max_age_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::from_secs(1), DAY * 30)
}

/// `--every`: from a tenth of a second to a week.
/// `--track-status`: a minute to 90 days.
fn track_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::from_secs(60), DAY * 90)
}

/// `--track-every`: every run (0s) to 7 days.
fn track_every_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::ZERO, DAY * 7)
}

fn every_arg(s: &str) -> Result<Duration, String> {
    within(s, Duration::from_millis(100), DAY * 7)
}

fn ladder(s: &str) -> Result<Ladder, String> {
    match s.trim() {
        "4" => Ok(Ladder::Four),
        "5" => Ok(Ladder::Five),
        _ => Err("use 4 (high, medium, low, info) or 5 (adds critical)".into()),
    }
}

fn alert_id(s: &str) -> Result<u64, String> {
    s.trim()
        .parse::<u64>()
        .map_err(|_| format!("'{s}' is not an alert ID (alert IDs are numbers, like 12345)"))
}

#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// A level is a threshold (high = high and critical); a list is exact (critical,low)
    #[arg(long, value_name = "LEVEL[,LEVEL...]", value_parser = Hinted::new(SeverityFilter::parse, &["critical", "high", "medium", "low", "info"]))]
    pub severity: Option<SeverityFilter>,
    /// Open, Closed or "In Progress"
    #[arg(long, value_name = "STATUS", value_parser = Hinted::new(Status::parse, &["open", "closed", "in-progress"]))]
    pub status: Option<Status>,
    /// Alert type, e.g. NewExternalServerDns
    #[arg(long = "type", value_name = "ALERT_TYPE")]
    pub alert_type: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct NormalizeOpts {
    /// Emit normalized SOC events instead of Lacework's alert objects
    #[arg(long)]
    pub normalize: bool,
    /// 4 folds critical into high (the connector's ladder); 5 keeps critical
    #[arg(long, value_name = "4|5", default_value = "4", value_parser = ladder)]
    pub severity_ladder: Ladder,
    /// The event shape: aisoc (the connector's), ocsf (OCSF 1.3 Detection Finding) or ecs
    #[arg(
        long,
        value_enum,
        value_name = "SCHEMA",
        default_value = "aisoc",
        requires = "normalize"
    )]
    pub schema: crate::schema::Schema,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Start: -24h, -7d, -7d@d (snapped to midnight), now, epoch seconds or milliseconds,
    /// 2026-11-01, '2026-11-01 13:00', RFC 3339 [default: -24h]
    #[arg(long, value_name = "TIME", value_parser = time_arg, allow_hyphen_values = true)]
    pub start: Option<TimeArg>,
    /// End, exclusive: same forms as --start, but a date alone includes that whole day; a future
    /// end is clamped to now [default: now]
    #[arg(long, value_name = "TIME", value_parser = end_arg, allow_hyphen_values = true)]
    pub end: Option<TimeArg>,
    /// Instead of --start/--end: 'last 7 days', 'last 24 hours', 'today', 'yesterday'
    #[arg(long, value_name = "RANGE", value_parser = range_arg, conflicts_with_all = ["start", "end"])]
    pub range: Option<(TimeArg, TimeArg)>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only the N newest alerts (newest first); with --oldest, the N oldest
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// With --limit: the oldest N, read and printed as they come (stops early)
    #[arg(long, requires = "limit")]
    pub oldest: bool,
    /// Tables oldest first (they are newest first)
    #[arg(long)]
    pub reverse: bool,
    /// Skip alerts that cannot be used (not an object, no id, not normalizable), count them and
    /// say where, instead of stopping
    #[arg(long)]
    pub skip_invalid: bool,
    #[command(flatten)]
    pub normalize: NormalizeOpts,
    #[command(flatten)]
    pub accounts: AccountsArgs,
    #[command(flatten)]
    pub route: RouteArgs,
}

/// Many accounts of one organization, with one token and one rate budget.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Accounts")]
pub struct AccountsArgs {
    /// These accounts (comma-separated, any case), one token and one rate budget for all
    #[arg(
        long,
        value_name = "NAMES",
        value_delimiter = ',',
        conflicts_with = "all_subaccounts"
    )]
    pub subaccounts: Vec<String>,
    /// Every account UserProfile lists as enabled for this key's user, the primary included
    #[arg(long)]
    pub all_subaccounts: bool,
}

impl AccountsArgs {
    pub fn many(&self) -> bool {
        self.all_subaccounts || !self.subaccounts.is_empty()
    }
}

/// The subaccount an AWS account's CloudTrail alerts go to.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Accounts")]
pub struct RouteArgs {
    /// Query the Lacework account that receives this AWS account's CloudTrail alerts (needs
    /// --mapping)
    #[arg(long, value_name = "AWS_ACCOUNT", value_parser = aws_account, requires = "mapping", conflicts_with_all = ["subaccounts", "all_subaccounts"])]
    pub aws_account: Option<String>,
    /// The CloudTrail-for-Organizations account mapping file [env: LWCTL_ACCOUNT_MAPPING]
    #[arg(
        long,
        value_name = "FILE",
        env = "LWCTL_ACCOUNT_MAPPING",
        hide_env = true
    )]
    pub mapping: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AuthTestArgs {
    #[command(flatten)]
    pub accounts: AccountsArgs,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The alert ID
    #[arg(value_name = "ID", value_parser = alert_id)]
    pub id: u64,
    /// Print the URL instead of opening a browser
    #[arg(long)]
    pub url: bool,
}

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// get, post, patch or delete
    #[arg(value_name = "METHOD", value_enum, ignore_case = true)]
    pub method: ApiMethod,
    /// The endpoint, such as /api/v2/UserProfile (a query string may follow)
    #[arg(value_name = "PATH")]
    pub path: String,
    /// The JSON body: inline, @FILE, or @- for stdin
    #[arg(short = 'd', long, value_name = "JSON|@FILE|@-")]
    pub data: Option<String>,
    /// Follow paging.urls.nextPage and print every page's data as one stream (GET only)
    #[arg(long)]
    pub paginate: bool,
}

/// `lwctl api METHOD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ApiMethod {
    Get,
    Post,
    Patch,
    Delete,
}

/// `alerts poll --summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Text,
    Json,
}

/// `alerts poll status`.
#[derive(Debug, Subcommand)]
pub enum PollCommand {
    /// Is the feed healthy? Reads the state, sends no request; exit 11 when it is not
    #[command(
        long_about = "Is the feed healthy? Reads a poll's state file and sends no request.\n\nIt shows the last success, the last run with its exit code and error, the cursor and how far behind it is, and the late arrivals; an organization's state gets a row per account. Exit 0 when the last run succeeded within --max-age, 11 when the feed is stale or its last run failed: a Nagios-style check, and a condition for shell scripts.",
        after_help = "Examples:\n  lwctl alerts poll status --state ~/.lwctl/poll.state\n  lwctl alerts poll status --state ~/.lwctl/poll.state --max-age 30m -o json\n  lwctl alerts poll status --state poll.state --max-age 15m ||\n    echo 'the Lacework feed is stale'"
    )]
    Status(StatusArgs),
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The poll's state file
    #[arg(long, value_name = "FILE")]
    pub state: PathBuf,
    /// Stale when the last success is older than this (1s to 30d)
    #[arg(long, value_name = "DURATION", default_value = "15m", value_parser = max_age_arg)]
    pub max_age: Duration,
}

#[derive(Debug, Args)]
pub struct PollArgs {
    #[command(subcommand)]
    pub command: Option<PollCommand>,
    /// First window (no state yet): this far back (1s to 3650d)
    #[arg(long, value_name = "DURATION", default_value = "2h", value_parser = since_arg)]
    pub since: Duration,
    /// State file: the cursor, recent IDs and the output's committed length
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Append NDJSON to this file (fsync'd before the state is committed) instead of stdout
    #[arg(long, value_name = "FILE", requires = "state")]
    pub out: Option<PathBuf>,
    /// With many accounts: append each account's NDJSON to DIR/<account>.ndjson
    #[arg(long, value_name = "DIR", requires = "state", conflicts_with = "out")]
    pub out_dir: Option<PathBuf>,
    /// Look-back: how far before the cursor each window starts, for alerts published late
    /// (anomaly alerts appear 1-2 hours after their start; 0s to 30d)
    #[arg(long, value_name = "DURATION", default_value = "2h", value_parser = overlap_arg)]
    pub overlap: Duration,
    /// Keep running and poll on this interval (100ms to 7d); SIGINT/SIGTERM commit and exit 0
    #[arg(long, value_name = "DURATION", value_parser = every_arg)]
    pub every: Option<Duration>,
    /// Wait for another poll holding the state lock instead of exiting 9
    #[arg(long)]
    pub wait: bool,
    /// Skip alerts that cannot be used, count them and say where; the cursor moves on
    #[arg(long)]
    pub skip_invalid: bool,
    /// Nothing on stdout or stderr when a run succeeds: only errors and the warnings a person
    /// must act on (for cron, which mails what a job prints)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Append a line per event (the summary, each warning and error), each with its UTC time
    /// and account; safe under logrotate's create and copytruncate
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// After every run, success or failure, write Prometheus metrics to FILE (for
    /// node_exporter's textfile collector), atomically, mode 0644
    #[arg(long, value_name = "FILE")]
    pub metrics: Option<PathBuf>,
    /// The summary line on stderr: text, or one JSON object for log shippers [default: text;
    /// json with --out and -o json]
    #[arg(long, value_name = "FORMAT")]
    pub summary: Option<SummaryFormat>,
    /// Also follow the alerts written that started within WINDOW (7d when given alone; 1m to
    /// 90d): one update event each time one's status or lastUserUpdatedTime changes, until it
    /// is closed
    #[arg(long, value_name = "WINDOW", num_args = 0..=1, default_missing_value = "7d", value_parser = track_arg)]
    pub track_status: Option<Duration>,
    /// How often --track-status re-reads the alerts it follows (0s: every run; up to 7d)
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = track_every_arg, requires = "track_status")]
    pub track_every: Duration,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub normalize: NormalizeOpts,
    #[command(flatten)]
    pub accounts: AccountsArgs,
    #[command(flatten)]
    pub route: RouteArgs,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The cadence to check (100ms to 7d)
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = every_arg)]
    pub every: Duration,
    /// A poll's state file, for the pages each account's poll took (and the searches each
    /// --track-status pass takes)
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Count the polls' --track-status passes too (WINDOW as for alerts poll; the state, when
    /// given, says how many searches a pass takes, else one an account)
    #[arg(long, value_name = "WINDOW", num_args = 0..=1, default_missing_value = "7d", value_parser = track_arg)]
    pub track_status: Option<Duration>,
    /// The passes' cadence, as for alerts poll (0s: every poll)
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = track_every_arg)]
    pub track_every: Duration,
    #[command(flatten)]
    pub accounts: AccountsArgs,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The alert ID
    #[arg(value_name = "ID", value_parser = alert_id)]
    pub id: u64,
    /// Which part of the alert
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value = "details",
        value_name = "SCOPE"
    )]
    pub scope: Scope,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  lwctl normalize examples/alerts.json\n  lwctl alerts list -o ndjson | lwctl normalize --account yourcorp\n  lwctl normalize --skip-invalid export-*.json > events.ndjson"
)]
pub struct NormalizeArgs {
    /// Files of alerts: NDJSON, a JSON array, API pages, or a mix; stdin when none or -
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 4 folds critical into high (the connector's ladder); 5 keeps critical
    #[arg(long, value_name = "4|5", default_value = "4", value_parser = ladder)]
    pub severity_ladder: Ladder,
    /// The event shape: aisoc (the connector's), ocsf (OCSF 1.3 Detection Finding) or ecs
    #[arg(long, value_enum, value_name = "SCHEMA", default_value = "aisoc")]
    pub schema: crate::schema::Schema,
    /// Skip records that are not alerts, count them and report where, instead of exiting 8
    #[arg(long)]
    pub skip_invalid: bool,
    /// Threads that map NDJSON input [default: the CPUs lwctl may use]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  lwctl configure --json-file ~/Downloads/YOURCORP_1234.json\n  lwctl configure -a yourcorp -k KEY_ID --api-secret-file secret.txt -p prod"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ConfigureArgs {
    /// The API key file downloaded from the Lacework console
    #[arg(long, value_name = "KEYFILE", conflicts_with = "txt_file")]
    pub json_file: Option<PathBuf>,
    /// The credentials file the FortiCloud portal issues (apiId: and password: lines)
    #[arg(long, value_name = "CREDS", alias = "txt_file")]
    pub txt_file: Option<PathBuf>,
    /// Replace an existing profile without asking
    #[arg(long, short = 'y', alias = "force")]
    pub yes: bool,
    /// Do not check the new profile's credentials against Lacework
    #[arg(long)]
    pub no_verify: bool,
    #[command(subcommand)]
    pub action: Option<ConfigureAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigureAction {
    /// The profiles in ~/.lacework.toml, key ids and secrets masked; * marks the one in use
    List {
        /// The profile names alone, one a line (for shell completion)
        #[arg(long, hide = true)]
        names: bool,
    },
    /// One value of the profile in use (never the secret)
    Show {
        /// account, subaccount, api_key or version
        #[arg(value_name = "KEY")]
        key: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// Write completion scripts for every supported shell
    Completions {
        #[arg(long, value_name = "DIR", default_value = "completions")]
        dir: PathBuf,
    },
    /// Write man pages
    Man {
        #[arg(long, value_name = "DIR", default_value = "man")]
        dir: PathBuf,
    },
}

/// A value parser that takes what `parse` takes and offers `names` to help and shell
/// completion, without limiting the input to them (numbers, other spellings, lists).
#[derive(Clone)]
pub struct Hinted<T> {
    parse: fn(&str) -> Result<T, String>,
    names: &'static [&'static str],
}

impl<T> Hinted<T> {
    pub fn new(parse: fn(&str) -> Result<T, String>, names: &'static [&'static str]) -> Self {
        Hinted { parse, names }
    }
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Hinted<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        (self.parse)(&text).map_err(|e| {
            let arg = arg.map_or_else(|| "...".to_owned(), |a| a.to_string());
            clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!("invalid value '{text}' for '{arg}': {e}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.names
                .iter()
                .map(|n| clap::builder::PossibleValue::new(*n)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    #[test]
    fn relative_times_parse() {
        assert_eq!(
            time_arg("-24h").unwrap(),
            TimeArg::Ago(Duration::from_secs(86_400), None)
        );
        assert_eq!(
            time_arg("24h").unwrap(),
            TimeArg::Ago(Duration::from_secs(86_400), None)
        );
        assert!(matches!(time_arg("2026-11-01").unwrap(), TimeArg::At(_)));
        assert!(time_arg("yesterday").is_err());
    }

    #[test]
    fn snapped_ranged_and_whole_day_ends() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 15, 42, 7).unwrap();
        let at = |s: &str| time_arg(s).unwrap().resolve(now);
        assert_eq!(
            at("-7d@d"),
            Utc.with_ymd_and_hms(2026, 11, 18, 0, 0, 0).unwrap()
        );
        assert_eq!(
            at("now@h"),
            Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap()
        );
        // 2026-11-25 is a Wednesday; weeks start on Monday.
        assert_eq!(
            at("-1w@w"),
            Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).unwrap()
        );
        assert!(time_arg("-7d@y").is_err() && time_arg("2026-11-01@d").is_err());
        // --end: a date alone includes that day; a time is exclusive as typed.
        let end = |s: &str| end_arg(s).unwrap().resolve(now);
        assert_eq!(
            end("2026-11-15"),
            Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).unwrap()
        );
        assert_eq!(
            end("2026-11-15T00:00:00Z"),
            Utc.with_ymd_and_hms(2026, 11, 15, 0, 0, 0).unwrap()
        );
        let range = |s: &str| {
            let (a, b) = range_arg(s).unwrap();
            (a.resolve(now), b.resolve(now))
        };
        assert_eq!(range("last 7 days"), (now - chrono::Duration::days(7), now));
        assert_eq!(
            range("Last 24 hours"),
            (now - chrono::Duration::hours(24), now)
        );
        assert_eq!(range("last week"), (now - chrono::Duration::days(7), now));
        assert_eq!(
            range("yesterday"),
            (
                Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap()
            )
        );
        assert!(range_arg("next 3 days").is_err());
    }
}
