//! What every command gets: the global flags and the terminal facts, and the API client they
//! make.

use crate::api::{self, Client};
use crate::cli::Global;
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
                max_response: g.max_response,
                verbose: g.verbose,
                use_cache: !g.no_cache,
            },
        )
    }
}
