//! One file per command; each is a function taking the shared [`Ctx`] and its own arguments.

pub mod alerts;
pub mod auth;
pub mod call;
pub mod configure;
pub mod generate;
pub mod normalize;
pub mod org;
pub mod poll;
pub mod triage;

use crate::cli::{AlertsCommand, AuthCommand, Cli, Command, MappingCommand, OrgCommand};
pub use crate::context::Ctx;
use crate::error::UsageError;
use crate::output::{Format, Ui};
use anyhow::Result;

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

pub fn run(cli: Cli) -> Result<()> {
    let g = &cli.global;
    // The official CLI's habits: --json (LW_JSON) and --nocolor (LW_NOCOLOR); -o and --color win.
    let format = g.output.or(g.json.then_some(Format::Json));
    let color = match (g.nocolor, g.color) {
        (true, crate::output::ColorChoice::Auto) => crate::output::ColorChoice::Never,
        (_, c) => c,
    };
    let ui = Ui::detect(format, color, g.no_input, g.verbose);
    crate::output::set_pager(ui.stdout_tty && !g.no_pager);
    if let Some(f) = ui.format {
        check_format(&cli.command, f)?;
    }
    crate::output::set_csv_raw(g.csv_raw);
    let ctx = Ctx {
        global: cli.global,
        ui,
    };
    match cli.command {
        Command::Auth(AuthCommand::Test(args)) => auth::test(&ctx, args),
        Command::Alerts(AlertsCommand::List(args)) => alerts::list(&ctx, args),
        Command::Alerts(AlertsCommand::Get(args)) => alerts::get(&ctx, args),
        Command::Alerts(AlertsCommand::Poll(args)) => poll::run(&ctx, *args),
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
