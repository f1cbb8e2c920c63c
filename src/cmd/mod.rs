//! One file per command; each is a function taking the shared [`Ctx`] and its own arguments.

pub mod accounts;
pub mod alerts;
pub mod auth;
pub mod call;
pub mod configure;
pub mod generate;
pub mod normalize;
pub mod org;
pub mod poll;
pub mod triage;

use crate::api::{self, Client};
use crate::cli::{AlertsCommand, AuthCommand, Cli, Command, Global, MappingCommand, OrgCommand};
use crate::config::{self, CredentialFlags};
use crate::error::UsageError;
use crate::output::{Format, Ui};
use anyhow::Result;

/// What every command gets: the global flags and the terminal facts.
pub struct Ctx {
    pub global: Global,
    pub ui: Ui,
}

impl Ctx {
    pub fn credential_flags(&self) -> CredentialFlags {
        let g = &self.global;
        CredentialFlags {
            profile: g.profile.clone(),
            account: g.account.clone(),
            subaccount: g.subaccount.clone(),
            api_key: g.api_key.clone(),
            api_secret_file: g.api_secret_file.clone(),
            org: g.org,
            allow_insecure_config: g.allow_insecure_config,
        }
    }

    /// The API client for the resolved credentials.
    pub fn client(&self) -> Result<Client> {
        let creds = config::resolve(&self.credential_flags())?;
        let g = &self.global;
        Client::new(
            creds,
            api::Options {
                timeout: g.timeout,
                retries: g.retries,
                max_wait: g.max_wait,
                max_response: g.max_response,
                verbose: g.verbose,
                use_cache: !g.no_cache,
            },
        )
    }
}

/// Refuses a `-o` the command cannot produce, naming the formats it has: `-o` means the same
/// in every command, or it is a usage error.
fn check_format(command: &Command, asked: Format) -> Result<()> {
    use Format::*;
    const ALL: &[Format] = &[Table, Json, Ndjson, Csv];
    let (name, formats): (&str, &[Format]) = match command {
        Command::Auth(AuthCommand::Test(_)) => ("auth test", auth::FORMATS),
        Command::Alerts(AlertsCommand::Poll(args))
            if args.out.is_some() || args.out_dir.is_some() =>
        {
            // Events go to the file as NDJSON; -o json shapes only the summary.
            ("alerts poll --out", &[Json, Ndjson])
        }
        Command::Alerts(AlertsCommand::Poll(args)) if args.every.is_some() && asked == Json => {
            return Err(UsageError::new(
                "-o json prints one document, and `alerts poll --every` goes on printing",
            )
            .hint("use -o ndjson (one event a line) with --every")
            .into());
        }
        Command::Configure(_) => ("configure", &[]),
        Command::Version => ("version", &[]),
        Command::Alerts(AlertsCommand::Open(_)) => ("alerts open", &[]),
        Command::Api(_) => ("api", &[Json, Ndjson, Table]),
        Command::Completion { .. } => ("completion", &[]),
        Command::Generate(_) => ("generate", &[]),
        _ => ("this command", ALL),
    };
    if formats.contains(&asked) {
        return Ok(());
    }
    let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
    let error = if names.is_empty() {
        UsageError::new(format!(
            "`lwctl {name}` prints no data, so -o {} does not apply",
            asked.name()
        ))
        .hint("leave out -o")
    } else {
        UsageError::new(format!(
            "`lwctl {name}` prints {}, not {}",
            names.join(", "),
            asked.name()
        ))
        .hint(format!("pick one with -o {}", names.join("|")))
    };
    Err(error.into())
}

/// How long a signalled command may take to finish what it is writing before it is ended.
const GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// A flag that SIGINT or SIGTERM raises, so a command can finish what it is writing (close a
/// JSON array, commit a piece, clear the progress line) and exit. Whatever it is doing (a slow
/// request, a back-off wait, a queued lock), the process ends `exit_code` within about a second
/// of the signal; a second signal ends it at once. Ending it there is safe: output past the last
/// commit is cut back by the next run, exactly as after a kill.
pub fn stop_on_signals(exit_code: i32) -> Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    use std::sync::atomic::Ordering;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(sig, 130, std::sync::Arc::clone(&stop))?;
        signal_hook::flag::register(sig, std::sync::Arc::clone(&stop))?;
    }
    let watched = std::sync::Arc::clone(&stop);
    std::thread::spawn(move || {
        while !watched.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(GRACE);
        // The main thread is waiting on the network between pages: stdout is at a record's
        // end, and what the format still owes (a JSON array's close) can be written after it.
        crate::printer::write_closing();
        std::process::exit(exit_code);
    });
    Ok(stop)
}

pub fn run(cli: Cli) -> Result<()> {
    let g = &cli.global;
    // The official CLI's habits: --json (LW_JSON) and --nocolor (LW_NOCOLOR); -o and --color win.
    let format = g.output.or(g.json.then_some(Format::Json));
    let color = match (g.nocolor, g.color) {
        (true, crate::output::ColorChoice::Auto) => crate::output::ColorChoice::Never,
        (_, c) => c,
    };
    let ui = Ui::detect(format, color, g.no_input, g.verbose);
    if let Some(f) = ui.format {
        check_format(&cli.command, f)?;
    }
    crate::printer::set_csv_raw(g.csv_raw);
    let ctx = Ctx {
        global: cli.global,
        ui,
    };
    match cli.command {
        Command::Auth(AuthCommand::Test(args)) => auth::test(&ctx, args),
        Command::Alerts(AlertsCommand::List(args)) => alerts::list(&ctx, args),
        Command::Alerts(AlertsCommand::Get(args)) => alerts::get(&ctx, args),
        Command::Alerts(AlertsCommand::Poll(args)) => poll::run(&ctx, args),
        Command::Alerts(AlertsCommand::Comment(args)) => triage::comment(&ctx, args),
        Command::Alerts(AlertsCommand::Close(args)) => triage::close(&ctx, args),
        Command::Alerts(AlertsCommand::Open(args)) => alerts::open(&ctx, args),
        Command::Org(OrgCommand::Accounts) => org::accounts(&ctx),
        Command::Org(OrgCommand::Plan(args)) => org::plan(&ctx, args),
        Command::Org(OrgCommand::Mapping(MappingCommand::Check { file })) => {
            org::mapping_check(&ctx, &file)
        }
        Command::Org(OrgCommand::Mapping(MappingCommand::Route {
            aws_account,
            mapping,
        })) => org::mapping_route(&ctx, &aws_account, &mapping),
        Command::Normalize(args) => normalize::run(&ctx, args),
        Command::Configure(args) => configure::run(&ctx, args),
        Command::Generate(args) => generate::run(args),
        Command::Api(args) => call::run(&ctx, args),
        Command::Completion { shell } => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(&generate::script(shell))?;
            Ok(out.flush()?)
        }
        Command::Version => {
            println!(
                "lwctl {} ({})",
                env!("CARGO_PKG_VERSION"),
                env!("LWCTL_COMMIT")
            );
            Ok(())
        }
    }
}
