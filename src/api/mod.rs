//! The one Lacework API client. Every request goes through [`Client::send`], which adds the
//! headers, gets and refreshes the token, retries what is safe to retry, maps status codes to
//! [`ApiError`] and decodes the body. Commands never build URLs or headers themselves.

pub mod alerts;
pub mod budget;
pub mod org;
pub mod token;

use crate::config::{Auth, Credentials, Secret};
use crate::error::{ApiError, Cause};
use crate::time::human_duration;
use budget::Budgets;
use chrono::{DateTime, Utc};
use reqwest::blocking::{Client as Http, RequestBuilder};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode, Url};
use serde::Deserialize;
use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};
use token::{Token, TokenCache};

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
            timeout: Duration::from_secs(60),
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
}

/// The first delay of the exponential back-off; doubled each attempt, capped by `--max-wait`.
const BACKOFF_BASE: Duration = Duration::from_millis(250);

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
}

/// A request as `send` takes it.
struct Call {
    method: Method,
    url: Url,
    body: Option<serde_json::Value>,
    /// Safe to send again after it may have reached the server (reads, the token exchange).
    idempotent: bool,
}

impl Call {
    fn get(url: Url) -> Call {
        Call {
            method: Method::GET,
            url,
            body: None,
            idempotent: true,
        }
    }

    fn post(url: Url, body: serde_json::Value, idempotent: bool) -> Call {
        Call {
            method: Method::POST,
            url,
            body: Some(body),
            idempotent,
        }
    }
}

impl Client {
    pub fn new(creds: Credentials, opts: Options) -> anyhow::Result<Client> {
        let http = Http::builder()
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
                crate::output::stderr_line(&format!(
                    "{} not using the token cache: {p}",
                    crate::output::prefix("warning")
                ));
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

    /// Makes sure a usable token is at hand (for `auth test`, which times this step).
    pub fn ensure_token(&self) -> Result<(), ApiError> {
        self.bearer().map(|_| ())
    }

    /// A fresh token: memory, then the disk cache, then an exchange.
    fn bearer(&self) -> Result<Secret, ApiError> {
        let now = Utc::now();
        if let Some(t) = self.token.borrow().as_ref().filter(|t| t.fresh(now)) {
            return Ok(t.value.clone());
        }
        if let Some(t) = self.cache.as_ref().and_then(|c| c.load(now)) {
            self.trace(1, || {
                format!(
                    "using cached token (expires {}) from {}",
                    crate::time::rfc3339(t.expires_at),
                    self.cache
                        .as_ref()
                        .map(|c| c.path().display().to_string())
                        .unwrap_or_default()
                )
            });
            let mut s = self.stats.borrow_mut();
            s.token_source = Some(TokenSource::Cache);
            s.token_expires_at = Some(t.expires_at);
            crate::output::register_secret(t.value.expose());
            *self.token.borrow_mut() = Some(t.clone());
            return Ok(t.value);
        }
        let t = self.exchange()?;
        Ok(t.value)
    }

    /// `POST /api/v2/access/tokens`: the key id and secret for a bearer token.
    pub fn exchange(&self) -> Result<Token, ApiError> {
        let Auth::Key { key_id, secret } = &self.creds.auth else {
            return Err(ApiError::Unauthorized {
                message: "the token in LW_API_TOKEN was refused or has expired".into(),
                curl: None,
            });
        };
        #[derive(Deserialize)]
        struct Answer {
            token: Option<String>,
            #[serde(rename = "expiresAt")]
            expires_at: Option<String>,
            data: Option<Vec<Answer>>,
        }
        let body = serde_json::json!({"keyId": key_id, "expiryTime": 3600});
        let result = self.send_with(
            Call::post(self.url("api/v2/access/tokens"), body, true),
            |b| serde_json::from_slice::<Answer>(b),
            Some(secret),
        );
        let mut answer = result?.ok_or_else(|| self.no_content("/api/v2/access/tokens"))?;
        if answer.token.is_none() {
            if let Some(first) = answer.data.take().and_then(|d| d.into_iter().next()) {
                answer = first;
            }
        }
        let token = answer
            .token
            .filter(|t| token::valid_token(t))
            .ok_or_else(|| ApiError::Unavailable {
                cause: Cause::Decode,
                what: format!(
                    "the token answer from {} has no usable token (empty, too long, or with spaces or line breaks)",
                    self.host()
                ),
                hint: None,
            })?;
        let expires_at = answer
            .expires_at
            .as_deref()
            .and_then(crate::time::parse_api_time)
            .unwrap_or_else(|| Utc::now() + chrono::Duration::seconds(3600));
        crate::output::register_secret(&token);
        let t = Token {
            value: Secret::new(token),
            expires_at,
        };
        *self.token.borrow_mut() = Some(t.clone());
        {
            let mut s = self.stats.borrow_mut();
            s.token_source = Some(TokenSource::Exchange);
            s.token_expires_at = Some(expires_at);
        }
        if let Some(cache) = &self.cache {
            if let Err(e) = cache.store(&t) {
                self.trace(1, || format!("could not cache the token: {e}"));
            }
        }
        self.trace(1, || {
            format!("new token, expires {}", crate::time::rfc3339(expires_at))
        });
        Ok(t)
    }

    /// The curl line that tests the credentials by hand, secret left as `$LW_API_SECRET`.
    pub fn curl_line(&self) -> String {
        let sub = self
            .subaccount()
            .map(|s| format!(" -H 'Account-Name: {s}'"))
            .unwrap_or_default();
        format!(
            "curl -sS -X POST {}api/v2/access/tokens -H \"X-LW-UAKS: $LW_API_SECRET\" -H 'Content-Type: application/json'{sub} -d \"{{\\\"keyId\\\": \\\"$LW_API_KEY\\\", \\\"expiryTime\\\": 3600}}\"",
            self.creds.base_url
        )
    }

    fn send<T>(
        &self,
        call: Call,
        decode: impl Fn(&[u8]) -> Result<T, serde_json::Error>,
    ) -> Result<Option<T>, ApiError> {
        self.send_with(call, decode, None)
    }

    /// The one place requests are made: attempts, decoded, retried as the failure allows.
    /// `uaks` is the secret, for the token exchange only. `None` is a `204 No Content` answer,
    /// which has nothing to decode.
    fn send_with<T>(
        &self,
        call: Call,
        decode: impl Fn(&[u8]) -> Result<T, serde_json::Error>,
        uaks: Option<&Secret>,
    ) -> Result<Option<T>, ApiError> {
        let request = Request::new(self, &call, uaks);
        let mut attempt = 0u32;
        let mut refreshed = false;
        loop {
            attempt += 1;
            let failure = match self.attempt(&call, &request)? {
                Outcome::NoContent => return Ok(None),
                Outcome::Body(headers) => {
                    let body = self.body.borrow();
                    match decode(&body) {
                        Ok(v) => return Ok(Some(v)),
                        Err(e) => Failure {
                            error: unavailable(
                                Cause::Decode,
                                format!(
                                    "malformed response from {} on {}: {} ({} bytes{})",
                                    self.host(),
                                    call.url.path(),
                                    decode_problem(&e),
                                    body.len(),
                                    content_type(&headers)
                                ),
                                Some("a proxy or captive portal may be answering instead of Lacework"),
                            ),
                            retry: call.idempotent,
                            wait: None,
                        },
                    }
                }
                Outcome::Refresh => {
                    // The first 401 costs nothing: tokens expire. Another one on a fresh token
                    // spends the retry budget, so a server that refuses every token ends in
                    // exit 3 instead of a loop.
                    if refreshed && attempt > self.opts.retries {
                        return Err(ApiError::Unauthorized {
                            message: "freshly exchanged tokens were refused (401)".into(),
                            curl: Some(self.curl_line()),
                        });
                    }
                    self.trace(1, || {
                        "token refused (401); exchanging the key for a fresh one and retrying"
                            .into()
                    });
                    *self.token.borrow_mut() = None;
                    if let Some(c) = &self.cache {
                        c.drop_token();
                    }
                    if !refreshed {
                        attempt -= 1;
                    }
                    refreshed = true;
                    continue;
                }
                Outcome::Fail(f) => f,
            };
            if !failure.retry || attempt > self.opts.retries {
                return Err(failure.error);
            }
            self.wait_to_retry(&call, &request.path, attempt, &failure);
        }
    }

    /// One attempt: the request sent once, its answer read (bounded) into the body buffer and
    /// classified. `Err` only for what no retry can mend (no token, an answer over the cap).
    fn attempt(&self, call: &Call, request: &Request) -> Result<Outcome, ApiError> {
        let path = &request.path;
        let mut req: RequestBuilder = self.http.request(call.method.clone(), call.url.clone());
        for (name, value) in &request.headers {
            req = req.header(name.as_str(), value.as_str());
        }
        req = match request.uaks {
            Some(secret) => req.header("X-LW-UAKS", secret.expose()),
            None => req.bearer_auth(self.bearer()?.expose()),
        };
        if let Some(body) = &request.body {
            req = req.body(body.clone());
        }
        if request.uaks.is_none() {
            self.pace(call);
        }
        self.trace(1, || format!("> {} {path}", call.method));
        if self.opts.verbose >= 2 {
            for (name, value) in &request.headers {
                self.trace(2, || format!(">   {name}: {value}"));
            }
            let credential = match request.uaks {
                Some(_) => "X-LW-UAKS: ***",
                None => "Authorization: Bearer ***",
            };
            self.trace(2, || format!(">   {credential}"));
            if let (Some(body), None) = (&call.body, request.uaks) {
                self.trace(2, || format!(">   body: {body}"));
            }
        }
        let started = Instant::now();
        let mut resp = match req.send() {
            Ok(resp) => resp,
            Err(e) => {
                let error = self.transport_error(&e);
                self.trace(1, || {
                    format!("< {error} ({} ms)", started.elapsed().as_millis())
                });
                // A request that never connected was never sent: safe to send again.
                return Ok(Outcome::Fail(Failure {
                    retry: call.idempotent || e.is_connect(),
                    error,
                    wait: None,
                }));
            }
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        self.note_rate_limit(&headers, call.url.path());
        let read = self.read_body(&mut resp, call)?;
        self.trace(1, || {
            format!(
                "< {status} ({} ms, {} bytes){}",
                started.elapsed().as_millis(),
                self.body.borrow().len(),
                self.stats
                    .borrow()
                    .rate_limit_remaining
                    .map(|r| format!(", RateLimit-Remaining {r}"))
                    .unwrap_or_default()
            )
        });
        if status == StatusCode::NO_CONTENT {
            return Ok(Outcome::NoContent);
        }
        if status.is_success() {
            return Ok(match read {
                Ok(()) => Outcome::Body(headers),
                Err(e) => Outcome::Fail(Failure {
                    error: unavailable(
                        Cause::CutShort,
                        format!(
                            "the response from {} on {} was cut short: {}",
                            self.host(),
                            call.url.path(),
                            root_cause(&e)
                        ),
                        None,
                    ),
                    retry: call.idempotent,
                    wait: None,
                }),
            });
        }
        let message = match read {
            Ok(()) => shorten(&crate::output::redact(&server_message(&self.body.borrow()))),
            Err(_) => String::new(),
        };
        Ok(
            match self.status_failure(status, &headers, path, message, request.uaks.is_some()) {
                StatusOutcome::Refresh => Outcome::Refresh,
                // An answer means the request arrived: an action is not sent twice, except
                // after a 429, which refuses it before acting.
                StatusOutcome::Fail(f) => Outcome::Fail(Failure {
                    retry: f.retry && (call.idempotent || status == StatusCode::TOO_MANY_REQUESTS),
                    ..f
                }),
            },
        )
    }

    /// Reads the answer into the one body buffer, whose allocation every response reuses, so
    /// memory stays flat however many pages a walk reads; bounded whatever the server sends
    /// (a gzip bomb stops at `--max-response`, and is not read again).
    fn read_body(
        &self,
        resp: &mut reqwest::blocking::Response,
        call: &Call,
    ) -> Result<std::io::Result<()>, ApiError> {
        let mut buf = self.body.borrow_mut();
        buf.clear();
        let cap = self.opts.max_response;
        let read = std::io::Read::read_to_end(&mut std::io::Read::take(resp, cap + 1), &mut buf);
        if read.is_ok() && buf.len() as u64 > cap {
            buf.clear();
            buf.shrink_to(1 << 20);
            return Err(unavailable(
                Cause::TooLarge,
                format!(
                    "the answer from {} on {} is larger than --max-response ({}); nothing of it was taken",
                    self.host(),
                    call.url.path(),
                    human_size(cap)
                ),
                Some("a Lacework page is at most a few MiB; if this one is real, raise --max-response"),
            ));
        }
        Ok(read.map(|_| ()))
    }

    /// Waits before the next attempt: what a 429 asked for, else exponential back-off with
    /// jitter; capped by `--max-wait`.
    fn wait_to_retry(&self, call: &Call, path: &str, attempt: u32, failure: &Failure) {
        let backoff = BACKOFF_BASE.saturating_mul(1 << (attempt - 1).min(16));
        let wanted = failure.wait.unwrap_or_else(|| {
            // Full jitter over the upper half keeps many clients from retrying in step.
            backoff.mul_f64(0.5 + fastrand::f64() / 2.0)
        });
        let wait = wanted.min(self.opts.max_wait);
        self.trace(1, || {
            let capped = if wait < wanted {
                format!(" (wanted {}, capped by --max-wait)", human_duration(wanted))
            } else {
                String::new()
            };
            format!(
                "retrying {} {path} in {}{capped}, attempt {}/{}: {}",
                call.method,
                human_duration(wait),
                attempt + 1,
                self.opts.retries + 1,
                failure.error
            )
        });
        std::thread::sleep(wait);
    }

    fn note_rate_limit(&self, headers: &HeaderMap, path: &str) {
        let remaining = header_u64(headers, "RateLimit-Remaining");
        if let Some(r) = remaining {
            self.stats.borrow_mut().rate_limit_remaining = Some(r);
        }
        self.budgets.borrow_mut().note(
            budget::function(path),
            header_u64(headers, "RateLimit-Limit"),
            remaining,
            header_u64(headers, "RateLimit-Reset"),
        );
    }

    /// Waits, if the budget this request draws on is spent or too small for the requests
    /// planned, for the time the budget takes to refill one request (capped by `--max-wait`):
    /// pacing from the headers instead of running into 429.
    fn pace(&self, call: &Call) {
        let function = budget::function(call.url.path());
        let wait = self
            .budgets
            .borrow()
            .get(function)
            .map_or(Duration::ZERO, |b| b.wait(Instant::now(), self.ahead.get()))
            .min(self.opts.max_wait);
        if wait.is_zero() {
            return;
        }
        self.trace(1, || {
            let b = self.budgets.borrow().get(function);
            format!(
                "pacing {function}: {} left of {}, {} request(s) planned; waiting {}",
                b.and_then(|b| b.remaining)
                    .map_or("?".into(), |r| r.to_string()),
                b.and_then(|b| b.limit)
                    .map_or("?".into(), |r| r.to_string()),
                self.ahead.get(),
                human_duration(wait)
            )
        });
        std::thread::sleep(wait);
    }

    fn status_failure(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        path: &str,
        message: String,
        exchanging: bool,
    ) -> StatusOutcome {
        let host = self.host();
        let fail = |error, retry, wait| StatusOutcome::Fail(Failure { error, retry, wait });
        let code = status.as_u16();
        match code {
            429 => {
                let reset = header_u64(headers, "Retry-After")
                    .or_else(|| header_u64(headers, "RateLimit-Reset"));
                fail(
                    ApiError::RateLimited {
                        path: path.to_owned(),
                        reset,
                    },
                    true,
                    Some(Duration::from_secs(reset.unwrap_or(1).max(1))),
                )
            }
            _ if exchanging && status.is_client_error() => fail(
                ApiError::Unauthorized {
                    message: if message.is_empty() {
                        format!("{status} from {host}")
                    } else {
                        format!("{status} from {host}: {message}")
                    },
                    curl: Some(self.curl_line()),
                },
                false,
                None,
            ),
            401 if matches!(self.creds.auth, Auth::Key { .. }) => StatusOutcome::Refresh,
            401 => fail(
                ApiError::Unauthorized {
                    message: "the token in LW_API_TOKEN was refused or has expired".into(),
                    curl: None,
                },
                false,
                None,
            ),
            403 => fail(
                ApiError::Forbidden {
                    path: path.to_owned(),
                    message: or_status(message, status),
                    hint: None,
                },
                false,
                None,
            ),
            404 => fail(
                ApiError::NotFound {
                    status: 404,
                    path: path.to_owned(),
                    message: or_status(message, status),
                },
                false,
                None,
            ),
            500 | 502 | 503 | 504 => fail(
                ApiError::Unavailable {
                    cause: Cause::Status(code),
                    what: format!("lacework answered {status} on {path}{}", suffix(&message)),
                    hint: Some("the service is having trouble; try again in a few minutes".into()),
                },
                true,
                None,
            ),
            300..=399 => fail(
                ApiError::Unavailable {
                    cause: Cause::Redirect,
                    what: format!(
                        "refused to follow a redirect ({status}) from {host} to {}",
                        headers
                            .get("Location")
                            .and_then(|l| l.to_str().ok())
                            .and_then(|l| Url::parse(l).ok())
                            .and_then(|u| u.host_str().map(str::to_owned))
                            .unwrap_or_else(|| "another place".into())
                    ),
                    hint: Some(
                        "the token is never sent to another place; check the account name".into(),
                    ),
                },
                false,
                None,
            ),
            _ if status.is_server_error() => fail(
                ApiError::Unavailable {
                    cause: Cause::Status(code),
                    what: format!("lacework answered {status} on {path}{}", suffix(&message)),
                    hint: None,
                },
                false,
                None,
            ),
            _ => fail(
                ApiError::Rejected {
                    status: code,
                    path: path.to_owned(),
                    message: or_status(message, status),
                },
                false,
                None,
            ),
        }
    }

    /// What went wrong below HTTP, as a typed cause with the hint that fixes it. A failed
    /// name lookup is found by its type ([`DnsFailure`], from the resolver lwctl gives the
    /// HTTP client), never by the text of the message.
    fn transport_error(&self, e: &reqwest::Error) -> ApiError {
        let host = self.host();
        let cause = root_cause(e);
        let dns = std::iter::successors(Some(e as &dyn std::error::Error), |c| c.source())
            .any(|c| c.is::<DnsFailure>());
        if dns {
            return unavailable(
                Cause::Dns,
                format!("cannot resolve {host}: {cause}"),
                Some(&format!(
                    "the account subdomain may be wrong (check --account / LW_ACCOUNT; tried {host}), or this machine has no DNS for it: check the network, VPN and proxy"
                )),
            );
        }
        if e.is_timeout() {
            return unavailable(
                Cause::Timeout,
                format!(
                    "{host} did not answer within {} (--timeout)",
                    human_duration(self.opts.timeout)
                ),
                Some("raise --timeout, or check your network, VPN and proxy"),
            );
        }
        if e.is_connect() {
            return unavailable(
                Cause::Connect,
                format!("cannot connect to {host}: {cause}"),
                Some(&format!(
                    "check the account subdomain (tried {host}), your network, VPN and any proxy"
                )),
            );
        }
        unavailable(
            Cause::Transport,
            format!("connection to {host} failed: {cause}"),
            None,
        )
    }
}

/// A host name that did not resolve, as the resolver below reports it.
#[derive(Debug, thiserror::Error)]
#[error("{source}")]
pub struct DnsFailure {
    #[source]
    source: std::io::Error,
}

/// The system resolver (getaddrinfo), with its failures typed as [`DnsFailure`]. The blocking
/// client sends one request at a time, so resolving inline costs nothing.
struct SystemResolver;

impl reqwest::dns::Resolve for SystemResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            use std::net::ToSocketAddrs;
            match (host.as_str(), 0).to_socket_addrs() {
                Ok(addrs) => {
                    let addrs: reqwest::dns::Addrs =
                        Box::new(addrs.collect::<Vec<_>>().into_iter());
                    Ok(addrs)
                }
                Err(source) => Err(Box::new(DnsFailure { source }) as _),
            }
        })
    }
}

/// A request as every attempt sends it: the headers but the credential, built once, and shown
/// by `-vv` as they are.
struct Request<'a> {
    /// The path and query as people read them (the query decoded).
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    uaks: Option<&'a Secret>,
}

impl<'a> Request<'a> {
    fn new(client: &Client, call: &Call, uaks: Option<&'a Secret>) -> Request<'a> {
        let path = match call.url.query() {
            Some(_) => {
                let pairs: Vec<String> = call
                    .url
                    .query_pairs()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                format!("{}?{}", call.url.path(), pairs.join("&"))
            }
            None => call.url.path().to_owned(),
        };
        let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
        if let Some(sub) = client.account.borrow().as_ref() {
            headers.push(("Account-Name".into(), sub.clone()));
        }
        if client.creds.org {
            headers.push(("Org-Access".into(), "true".into()));
        }
        let body = call.body.as_ref().map(|b| {
            headers.push(("Content-Type".into(), "application/json".into()));
            serde_json::to_vec(b).expect("a JSON value serializes")
        });
        Request {
            path,
            headers,
            body,
            uaks,
        }
    }
}

/// What one attempt came to.
enum Outcome {
    /// A 2xx answer, its body in the client's body buffer.
    Body(HeaderMap),
    /// `204 No Content`.
    NoContent,
    /// 401 on a data call: drop the token, exchange the key again.
    Refresh,
    Fail(Failure),
}

struct Failure {
    error: ApiError,
    retry: bool,
    /// How long the server asked us to wait (429).
    wait: Option<Duration>,
}

/// An [`ApiError::Unavailable`] of this cause.
fn unavailable(cause: Cause, what: String, hint: Option<&str>) -> ApiError {
    ApiError::Unavailable {
        cause,
        what,
        hint: hint.map(str::to_owned),
    }
}

enum StatusOutcome {
    /// 401 on a data call: drop the token, exchange the key again, retry once.
    Refresh,
    Fail(Failure),
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

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers
        .get(name)?
        .to_str()
        .ok()?
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.ceil() as u64)
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .map(|v| format!(", Content-Type {v}"))
        .unwrap_or_default()
}

/// What is wrong with a body: where, and what kind, never the values (they can be secrets).
fn decode_problem(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Eof => "the JSON ends early".into(),
        serde_json::error::Category::Syntax => {
            format!("not JSON (line {}, column {})", e.line(), e.column())
        }
        _ => format!(
            "unexpected JSON shape (a value of the wrong kind at line {}, column {})",
            e.line(),
            e.column()
        ),
    }
}

fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// The `message` of an error body, or a short excerpt of a body that is not JSON.
fn server_message(body: &[u8]) -> String {
    #[derive(Deserialize)]
    struct Msg {
        message: Option<serde_json::Value>,
    }
    if let Ok(Msg { message: Some(m) }) = serde_json::from_slice::<Msg>(body) {
        return match m {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.starts_with('<') {
        return "(an HTML page, not a Lacework answer)".into();
    }
    text.to_owned()
}

/// An answer that may be empty (an action's `200` with no body): `null` then, else its JSON.
fn json_or_null(b: &[u8]) -> Result<serde_json::Value, serde_json::Error> {
    if b.trim_ascii().is_empty() {
        Ok(serde_json::Value::Null)
    } else {
        serde_json::from_slice(b)
    }
}

/// A size for messages: `64 MiB`, `500 KiB`, `900 B`.
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} B"),
    }
}

/// The longest server message shown in an error, in characters.
const MAX_MESSAGE: usize = 300;

/// A server message cut to [`MAX_MESSAGE`], after redaction so no part of a secret survives.
fn shorten(message: &str) -> String {
    if message.chars().count() <= MAX_MESSAGE {
        return message.to_owned();
    }
    let mut cut: String = message.chars().take(MAX_MESSAGE).collect();
    cut.push_str("… (cut)");
    cut
}

fn or_status(message: String, status: StatusCode) -> String {
    if message.is_empty() {
        status.to_string()
    } else {
        message
    }
}

fn suffix(message: &str) -> String {
    if message.is_empty() {
        String::new()
    } else {
        format!(": {message}")
    }
}
