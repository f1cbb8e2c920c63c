//! The request path, in steps: a call is built once into a [`Request`], then each attempt
//! paces, sends with a deadline, reads the body within bounds, and is classified; the loop
//! retries what is safe to retry and decodes what succeeded.

use super::classify::{
    content_type, decode_problem, header_u64, human_size, root_cause, server_message, shorten,
    unavailable,
};
use super::{budget, Client};
use crate::config::Secret;
use crate::error::{ApiError, Cause};
use crate::time::human_duration;
use reqwest::blocking::RequestBuilder;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode, Url};
use std::time::{Duration, Instant};

/// The first delay of the exponential back-off; doubled each attempt, capped by `--max-wait`.
pub(super) const BACKOFF_BASE: Duration = Duration::from_millis(250);

/// A request as `send` takes it.
pub(super) struct Call {
    pub(super) method: Method,
    pub(super) url: Url,
    pub(super) body: Option<serde_json::Value>,
    /// Safe to send again after it may have reached the server (reads, the token exchange).
    pub(super) idempotent: bool,
}

impl Call {
    pub(super) fn get(url: Url) -> Call {
        Call {
            method: Method::GET,
            url,
            body: None,
            idempotent: true,
        }
    }

    pub(super) fn post(url: Url, body: serde_json::Value, idempotent: bool) -> Call {
        Call {
            method: Method::POST,
            url,
            body: Some(body),
            idempotent,
        }
    }
}

impl Client {
    pub(super) fn send<T>(
        &self,
        call: Call,
        decode: impl Fn(&[u8]) -> Result<T, serde_json::Error>,
    ) -> Result<Option<T>, ApiError> {
        self.send_with(call, decode, None)
    }

    /// The one place requests are made: attempts, decoded, retried as the failure allows.
    /// `uaks` is the secret, for the token exchange only. `None` is a `204 No Content` answer,
    /// which has nothing to decode.
    pub(super) fn send_with<T>(
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
                Outcome::Body(headers) => match decode(&self.body.borrow()) {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) => self.malformed(&call, &headers, &e),
                },
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
                    self.drop_token();
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

    /// A 2xx body that does not decode: retried on reads, as a proxy's page may pass.
    fn malformed(&self, call: &Call, headers: &HeaderMap, e: &serde_json::Error) -> Failure {
        Failure {
            error: unavailable(
                Cause::Decode,
                format!(
                    "malformed response from {} on {}: {} ({} bytes{})",
                    self.host(),
                    call.url.path(),
                    decode_problem(e),
                    self.body.borrow().len(),
                    content_type(headers)
                ),
                Some("a proxy or captive portal may be answering instead of Lacework"),
            ),
            retry: call.idempotent,
            wait: None,
        }
    }

    /// A 401 on a data call: the token is dropped, here and on disk, so the next attempt
    /// exchanges the key for a fresh one.
    fn drop_token(&self) {
        self.trace(1, || {
            "token refused (401); exchanging the key for a fresh one and retrying".into()
        });
        *self.token.borrow_mut() = None;
        if let Some(c) = &self.cache {
            c.drop_token();
        }
    }

    /// One attempt: the request sent once, its answer read (bounded) into the body buffer and
    /// classified. `Err` only for what no retry can mend (no token, an answer over the cap).
    pub(super) fn attempt(&self, call: &Call, request: &Request) -> Result<Outcome, ApiError> {
        let req = self.build(call, request)?;
        if request.uaks.is_none() {
            self.pace(call);
        }
        self.trace_request(call, request);
        *self
            .stats
            .borrow_mut()
            .requests
            .entry(budget::function(call.url.path()).to_owned())
            .or_default() += 1;
        let started = Instant::now();
        let mut resp = match req.send() {
            Ok(resp) => resp,
            Err(e) => return Ok(self.not_sent(call, &e, started)),
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        self.note_rate_limit(&headers, call.url.path());
        let read = self.read_body(&mut resp, call)?;
        self.trace_response(status, &headers, started);
        Ok(self.classify(call, request, status, headers, read))
    }

    /// The request as sent: the call's headers, the credential, the body, and the deadline.
    fn build(&self, call: &Call, request: &Request) -> Result<RequestBuilder, ApiError> {
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
        // A deadline for the whole request, body included: a server that trickles its answer
        // cannot hold a run (and a poll's lock) past --timeout.
        Ok(req.timeout(self.opts.timeout))
    }

    /// `-v` names the request; `-vv` shows its headers, the credential masked.
    fn trace_request(&self, call: &Call, request: &Request) {
        self.trace(1, || {
            let via = self
                .proxy
                .as_ref()
                .map(|p| format!(" (via proxy {}, from {})", p.shown(), p.from))
                .unwrap_or_default();
            format!("> {} {}{via}", call.method, request.path)
        });
        if self.opts.verbose < 2 {
            return;
        }
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

    /// `-v` gives the status, time and size; `-vv` the headers too, as `curl -v` shows them,
    /// with cookies and any credential masked.
    fn trace_response(&self, status: StatusCode, headers: &HeaderMap, started: Instant) {
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
        if self.opts.verbose < 2 {
            return;
        }
        for (name, value) in headers {
            let secretive = matches!(
                name.as_str(),
                "set-cookie" | "cookie" | "authorization" | "proxy-authenticate" | "x-lw-uaks"
            );
            let shown = if secretive {
                "***".into()
            } else {
                crate::output::escape_controls(&String::from_utf8_lossy(value.as_bytes()))
            };
            self.trace(2, || format!("<   {name}: {shown}"));
        }
    }

    /// A request that got no answer. One that never connected was never sent: safe to send
    /// again whatever it was.
    fn not_sent(&self, call: &Call, e: &reqwest::Error, started: Instant) -> Outcome {
        let error = self.transport_error(e);
        self.trace(1, || {
            format!("< {error} ({} ms)", started.elapsed().as_millis())
        });
        Outcome::Fail(Failure {
            retry: call.idempotent || e.is_connect(),
            error,
            wait: None,
        })
    }

    /// What an answer comes to: a body to decode, nothing, a token to refresh, or a failure
    /// (retried only where sending again is safe).
    fn classify(
        &self,
        call: &Call,
        request: &Request,
        status: StatusCode,
        headers: HeaderMap,
        read: std::io::Result<()>,
    ) -> Outcome {
        if status == StatusCode::NO_CONTENT {
            return Outcome::NoContent;
        }
        if status.is_success() {
            return match read {
                Ok(()) => Outcome::Body(headers),
                Err(e) => Outcome::Fail(Failure {
                    error: if timed_out(&e) {
                        self.deadline_passed()
                    } else {
                        self.cut_short(call, &e)
                    },
                    retry: call.idempotent,
                    wait: None,
                }),
            };
        }
        let message = match read {
            Ok(()) => shorten(&crate::output::redact(&server_message(&self.body.borrow()))),
            Err(_) => String::new(),
        };
        let exchanging = request.uaks.is_some();
        // A long query (a window's times) is for -v; the message names the endpoint.
        let shown = match request.path.split_once('?') {
            Some((path, query)) if query.len() > 40 && self.opts.verbose == 0 => path,
            _ => request.path.as_str(),
        };
        match self.status_failure(status, &headers, shown, message, exchanging) {
            StatusOutcome::Refresh => Outcome::Refresh,
            // An answer means the request arrived: an action is not sent twice, except after
            // a 429, which refuses it before acting.
            StatusOutcome::Fail(f) => Outcome::Fail(Failure {
                retry: f.retry && (call.idempotent || status == StatusCode::TOO_MANY_REQUESTS),
                ..f
            }),
        }
    }

    /// The `--timeout` deadline passed while the answer was still arriving.
    fn deadline_passed(&self) -> ApiError {
        unavailable(
            Cause::Timeout,
            format!(
                "{} did not finish its answer within {} (--timeout is a deadline for the whole request)",
                self.host(),
                human_duration(self.opts.timeout)
            ),
            Some("raise --timeout, or check your network, VPN and proxy"),
        )
    }

    fn cut_short(&self, call: &Call, e: &std::io::Error) -> ApiError {
        unavailable(
            Cause::CutShort,
            format!(
                "the response from {} on {} was cut short: {}",
                self.host(),
                call.url.path(),
                root_cause(e)
            ),
            None,
        )
    }

    /// Reads the answer into the one body buffer, whose allocation every response reuses, so
    /// memory stays flat however many pages a walk reads; bounded whatever the server sends
    /// (a gzip bomb stops at `--max-response`, and is not read again).
    pub(super) fn read_body(
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
    pub(super) fn wait_to_retry(&self, call: &Call, path: &str, attempt: u32, failure: &Failure) {
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

    pub(super) fn note_rate_limit(&self, headers: &HeaderMap, path: &str) {
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
    pub(super) fn pace(&self, call: &Call) {
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
}

/// A request as every attempt sends it: the headers but the credential, built once, and shown
/// by `-vv` as they are.
pub(super) struct Request<'a> {
    /// The path and query as people read them (the query decoded).
    pub(super) path: String,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Option<Vec<u8>>,
    pub(super) uaks: Option<&'a Secret>,
}

impl<'a> Request<'a> {
    pub(super) fn new(client: &Client, call: &Call, uaks: Option<&'a Secret>) -> Request<'a> {
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
pub(super) enum Outcome {
    /// A 2xx answer, its body in the client's body buffer.
    Body(HeaderMap),
    /// `204 No Content`.
    NoContent,
    /// 401 on a data call: drop the token, exchange the key again.
    Refresh,
    Fail(Failure),
}

pub(super) struct Failure {
    pub(super) error: ApiError,
    pub(super) retry: bool,
    /// How long the server asked us to wait (429).
    pub(super) wait: Option<Duration>,
}

pub(super) enum StatusOutcome {
    /// 401 on a data call: drop the token, exchange the key again, retry once.
    Refresh,
    Fail(Failure),
}

/// Whether a read failed because the request's deadline passed.
fn timed_out(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    std::iter::successors(Some(e as &dyn std::error::Error), |c| c.source()).any(|c| {
        c.downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
    })
}
