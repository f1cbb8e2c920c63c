//! One file per command; each is a function taking the shared [`Ctx`] and its own arguments.

pub mod alerts;
pub mod auth;
pub mod configure;
pub mod generate;
pub mod normalize;
pub mod org;
pub mod poll;
pub mod triage;

use crate::api::{self, Client};
use crate::cli::{AlertsCommand, AuthCommand, Cli, Command, Global, MappingCommand, OrgCommand};
use crate::config::{self, CredentialFlags};
use crate::output::Ui;
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
                verbose: g.verbose,
                use_cache: !g.no_cache,
            },
        )
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let g = &cli.global;
    let ui = Ui::detect(g.output, g.color, g.no_input, g.verbose);
    let ctx = Ctx {
        global: cli.global,
        ui,
    };
    match cli.command {
        Command::Auth(AuthCommand::Test) => auth::test(&ctx),
        Command::Alerts(AlertsCommand::List(args)) => alerts::list(&ctx, args),
        Command::Alerts(AlertsCommand::Get(args)) => alerts::get(&ctx, args),
        Command::Alerts(AlertsCommand::Poll(args)) => poll::run(&ctx, args),
        Command::Alerts(AlertsCommand::Comment(args)) => triage::comment(&ctx, args),
        Command::Alerts(AlertsCommand::Close(args)) => triage::close(&ctx, args),
        Command::Org(OrgCommand::Accounts) => org::accounts(&ctx),
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
    }
}
