//! The one Lacework API client. Every request goes through [`Client::send`], which adds the
//! headers, gets and refreshes the token, retries what is safe to retry, maps status codes to
//! [`ApiError`] and decodes the body. Commands never build URLs or headers themselves.

pub mod alerts;
pub mod budget;
mod classify;
pub mod org;
pub mod proxy;
mod send;
pub mod token;

use crate::config::{Auth, Credentials};
use crate::error::{ApiError, Cause};
use budget::Budgets;
use chrono::{DateTime, Utc};
use classify::{json_or_null, SystemResolver};
use reqwest::blocking::Client as Http;
use reqwest::{Method, Url};
use send::Call;
use serde::Deserialize;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use token::{Token, TokenCache};

pub use classify::DnsFailure;

/// Knobs from the command line.
#[derive(Debug, Clone)]
pub struct Options {
    pub timeout: Duration,
    pub retries: u32,
    pub max_wait: Duration,
    pub verbose: u8,
    pub use_cache: bool,
    /// The largest answer read, decompressed, in bytes.
    pub max_response: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            // The vendor's own client waits this long: large windows are slow to answer.
            timeout: Duration::from_secs(120),
            retries: 5,
            max_wait: Duration::from_secs(60),
            verbose: 0,
            use_cache: true,
            max_response: 64 << 20,
        }
    }
}

/// Where the token in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSource {
    Cache,
    Exchange,
    Environment,
}

/// What the client did, for reports and summaries.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub token_source: Option<TokenSource>,
    pub token_expires_at: Option<DateTime<Utc>>,
    pub rate_limit_remaining: Option<u64>,
    /// Requests sent, by API function (`Alerts`, `UserProfile`, `access`).
    pub requests: std::collections::BTreeMap<String, u64>,
}

pub struct Client {
    creds: Credentials,
    opts: Options,
    http: Http,
    cache: Option<TokenCache>,
    token: RefCell<Option<Token>>,
    stats: RefCell<Stats>,
    /// The last response's body; see [`Client::take_body`].
    body: RefCell<Vec<u8>>,
    /// The account sent as `Account-Name`: the credentials' subaccount, or the account a run
    /// over many accounts is serving now. The token does not depend on it.
    account: RefCell<Option<String>>,
    /// The rate budgets the server reported, per API function, for pacing.
    budgets: RefCell<Budgets>,
    /// Requests a run over many accounts still plans in this cycle (0: not pacing ahead).
    ahead: Cell<u64>,
    /// The server's clock skew has been warned about.
    skew_warned: Cell<bool>,
    /// The enabled accounts UserProfile says the key reaches, once asked (403 hints).
    reachable: RefCell<Option<Vec<String>>>,
    /// A 403 hint is being worked out (its own requests get no hint).
    explaining: Cell<bool>,
    /// The proxy requests go through, if the environment names one for the API's host.
    proxy: Option<proxy::Proxy>,
}

impl Client {
    pub fn new(creds: Credentials, opts: Options) -> anyhow::Result<Client> {
        // One proxy, chosen here from HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY, so what
        // -v and errors say is what was used.
        let proxy = proxy::for_url(&creds.base_url, |k| std::env::var(k).ok());
        if let Some(p) = &proxy {
            if let Some(pass) = p.url.password() {
                crate::output::register_secret(pass);
            }
        }
        let mut builder = Http::builder().no_proxy();
        if let Some(p) = &proxy {
            builder = builder.proxy(reqwest::Proxy::all(p.url.clone())?);
        }
        let http = builder
            .user_agent(concat!("lwctl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(opts.timeout.min(Duration::from_secs(30)))
            .timeout(opts.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(std::sync::Arc::new(SystemResolver))
            .build()?;
        // A cache directory others can write is not used: warn once, and go without.
        let dir = token::cache_dir().filter(|dir| {
            let problem = [dir.clone(), dir.join("tokens")]
                .iter()
                .find_map(|d| token::unsafe_dir(d));
            if let Some(p) = &problem {
                crate::output::warning(&format!("not using the token cache: {p}"));
            }
            problem.is_none()
        });
        let cache = match (&creds.auth, opts.use_cache, dir) {
            (Auth::Key { key_id, .. }, true, Some(dir)) => Some(TokenCache::new(
                &dir,
                &host_port(&creds.base_url),
                creds.subaccount.as_deref(),
                key_id,
            )),
            _ => None,
        };
        let token = match &creds.auth {
            Auth::Token(t) => Some(Token {
                value: t.clone(),
                expires_at: DateTime::<Utc>::MAX_UTC,
            }),
            Auth::Key { .. } => None,
        };
        let stats = Stats {
            token_source: token.as_ref().map(|_| TokenSource::Environment),
            ..Stats::default()
        };
        match &creds.auth {
            Auth::Key { secret, .. } => crate::output::register_secret(secret.expose()),
            Auth::Token(t) => crate::output::register_secret(t.expose()),
        }
        Ok(Client {
            account: RefCell::new(creds.subaccount.clone()),
            creds,
            opts,
            http,
            cache,
            token: RefCell::new(token),
            stats: RefCell::new(stats),
            body: RefCell::new(Vec::new()),
            budgets: RefCell::new(Budgets::default()),
            ahead: Cell::new(0),
            skew_warned: Cell::new(false),
            reachable: RefCell::new(None),
            explaining: Cell::new(false),
            proxy,
        })
    }

    /// The body of the last response, for a caller that decoded only part of it (a page's
    /// paging) and reads the rest in place. Give it back with [`Client::reuse_body`].
    fn take_body(&self) -> Vec<u8> {
        std::mem::take(&mut *self.body.borrow_mut())
    }

    /// Hands a body buffer back, so the next response reuses its allocation.
    pub fn reuse_body(&self, mut buf: Vec<u8>) {
        buf.clear();
        *self.body.borrow_mut() = buf;
    }

    pub fn credentials(&self) -> &Credentials {
        &self.creds
    }

    pub fn stats(&self) -> Stats {
        self.stats.borrow().clone()
    }

    /// The account requests go to now (`Account-Name`), if any.
    pub fn subaccount(&self) -> Option<String> {
        self.account.borrow().clone()
    }

    /// Sends the next requests to this account. One token serves every account: a key made on
    /// the primary account reaches its subaccounts through `Account-Name` alone.
    pub fn use_account(&self, name: Option<&str>) {
        *self.account.borrow_mut() = name.map(str::to_owned);
    }

    /// How many requests the run still plans in this cycle, across accounts: when the budget
    /// left is smaller, requests are spread at the rate the budget refills.
    pub fn plan_ahead(&self, requests: u64) {
        self.ahead.set(requests);
    }

    /// The requests planned ahead, as [`Client::plan_ahead`] last set them.
    pub fn planned_ahead(&self) -> u64 {
        self.ahead.get()
    }

    /// The last rate-limit headers seen for an API function (`Alerts`, `UserProfile`).
    pub fn budget(&self, function: &str) -> Option<budget::Budget> {
        self.budgets.borrow().get(function)
    }

    pub fn host(&self) -> String {
        host_port(&self.creds.base_url)
    }

    fn url(&self, path_and_query: &str) -> Url {
        self.creds
            .base_url
            .join(path_and_query)
            .expect("API paths are valid URL references")
    }

    /// Resolves a `nextPage` link, refusing any that leaves the API's origin: the token goes
    /// only to the host the user named.
    pub fn same_origin(&self, link: &str) -> Result<Url, ApiError> {
        let url = self
            .creds
            .base_url
            .join(link)
            .map_err(|e| ApiError::Unavailable {
                cause: Cause::ForeignLink,
                what: format!("malformed nextPage link from {}: {e}", self.host()),
                hint: None,
            })?;
        let base = &self.creds.base_url;
        if url.scheme() != base.scheme()
            || url.host_str() != base.host_str()
            || url.port_or_known_default() != base.port_or_known_default()
        {
            return Err(ApiError::Unavailable {
                cause: Cause::ForeignLink,
                what: format!(
                    "refused to follow a nextPage link to another host ({}://{}); the token is only sent to {}",
                    url.scheme(),
                    url.host_str().map(|h| host_port_of(h, url.port())).unwrap_or_default(),
                    self.host()
                ),
                hint: Some("this is not how Lacework answers; check LW_API_SERVER_URL or any proxy in between".into()),
            });
        }
        Ok(url)
    }

    /// `GET` a JSON document that must have a body.
    pub fn get<T: for<'de> Deserialize<'de>>(&self, path: &str) -> Result<T, ApiError> {
        let url = self.url(path);
        let path = url.path().to_owned();
        self.get_url(url)?.ok_or_else(|| self.no_content(&path))
    }

    /// `GET` a JSON document; `None` when the server answers `204 No Content`, which Lacework
    /// does for an empty result.
    pub fn get_url<T: for<'de> Deserialize<'de>>(&self, url: Url) -> Result<Option<T>, ApiError> {
        self.send(Call::get(url), |b| serde_json::from_slice(b))
    }

    /// `POST` JSON and decode the answer; `None` for `204 No Content`. `idempotent` says whether
    /// a resend is harmless.
    pub fn post<T: for<'de> Deserialize<'de>>(
        &self,
        path: &str,
        body: &serde_json::Value,
        idempotent: bool,
    ) -> Result<Option<T>, ApiError> {
        self.send(Call::post(self.url(path), body.clone(), idempotent), |b| {
            serde_json::from_slice(b)
        })
    }

    /// `POST` an action that changes state; it is not sent again once it may have reached the
    /// server. `204 No Content` and an empty body are `null`: the action was taken.
    pub fn post_action(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value, ApiError> {
        let answer = self.send(
            Call::post(self.url(path), body.clone(), false),
            json_or_null,
        )?;
        Ok(answer.unwrap_or_default())
    }

    /// Any `/api/v2/` request, for `lwctl api`: the same headers, token, retries (reads only)
    /// and errors as every other call. `path` must be on the API's own origin.
    pub fn raw(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Result<Option<serde_json::Value>, ApiError> {
        let url = self.same_origin(path)?;
        let idempotent = method == Method::GET;
        self.send(
            Call {
                method,
                url,
                body,
                idempotent,
            },
            json_or_null,
        )
    }

    /// A `204 No Content` where the call needs an answer.
    fn no_content(&self, path: &str) -> ApiError {
        ApiError::Unavailable {
            cause: Cause::Decode,
            what: format!(
                "malformed response from {} on {path}: 204 No Content where an answer was expected",
                self.host()
            ),
            hint: None,
        }
    }

    fn trace(&self, level: u8, line: impl FnOnce() -> String) {
        if self.opts.verbose >= level {
            let line = line();
            crate::output::stderr_line(&format!("lwctl: {}", crate::output::terminal_safe(&line)));
        }
    }
}

fn host_port(url: &Url) -> String {
    host_port_of(url.host_str().unwrap_or(""), url.port())
}

fn host_port_of(host: &str, port: Option<u16>) -> String {
    match port {
        Some(p) => format!("{host}:{p}"),
        None => host.to_owned(),
    }
}
