//! What an answer or a failure means: status codes and transport errors as typed
//! [`ApiError`]s with the hint that fixes them, and the server's text made safe to show.

use super::send::{Failure, StatusOutcome};
use super::Client;
use crate::config::Auth;
use crate::error::{ApiError, Cause};
use crate::time::human_duration;
use reqwest::header::HeaderMap;
use reqwest::{StatusCode, Url};
use serde::Deserialize;
use std::time::Duration;

impl Client {
    pub(super) fn status_failure(
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
                    // In a subaccount, UserProfile tells which of the likely causes it is.
                    hint: self
                        .subaccount()
                        .filter(|_| !path.starts_with("/api/v2/UserProfile"))
                        .and_then(|sub| self.forbidden_hint(&sub)),
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
    pub(super) fn transport_error(&self, e: &reqwest::Error) -> ApiError {
        let host = self.host();
        let cause = root_cause(e);
        // Through a proxy, what failed to resolve or connect is the proxy, not Lacework.
        if let (Some(p), false) = (&self.proxy, e.is_timeout() || e.is_status()) {
            return unavailable(
                Cause::Connect,
                format!(
                    "cannot reach {host} through the proxy {} (from {}): {cause}",
                    p.shown(),
                    p.from
                ),
                Some(&format!(
                    "check {} (is the proxy up, and does it allow CONNECT to {host}?), or add {host} to NO_PROXY to go direct",
                    p.from
                )),
            );
        }
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
    pub(super) source: std::io::Error,
}

/// The system resolver (getaddrinfo), with its failures typed as [`DnsFailure`]. The blocking
/// client sends one request at a time, so resolving inline costs nothing.
pub(super) struct SystemResolver;

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

pub(super) fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
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

pub(super) fn content_type(headers: &HeaderMap) -> String {
    headers
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .map(|v| format!(", Content-Type {v}"))
        .unwrap_or_default()
}

/// What is wrong with a body: where, and what kind, never the values (they can be secrets).
pub(super) fn decode_problem(e: &serde_json::Error) -> String {
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

pub(super) fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// The `message` of an error body, or a short excerpt of a body that is not JSON.
pub(super) fn server_message(body: &[u8]) -> String {
    #[derive(Deserialize)]
    struct Msg {
        message: Option<serde_json::Value>,
    }
    // What the server says is data: a line break or an escape in it is shown, never obeyed
    // (it could forge a log line or split a token across lines).
    if let Ok(Msg { message: Some(m) }) = serde_json::from_slice::<Msg>(body) {
        return match m {
            serde_json::Value::String(s) => crate::output::escape_controls(&s),
            other => other.to_string(),
        };
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.starts_with('<') {
        return "(an HTML page, not a Lacework answer)".into();
    }
    crate::output::escape_controls(text)
}

/// An answer that may be empty (an action's `200` with no body): `null` then, else its JSON.
pub(super) fn json_or_null(b: &[u8]) -> Result<serde_json::Value, serde_json::Error> {
    if b.trim_ascii().is_empty() {
        Ok(serde_json::Value::Null)
    } else {
        serde_json::from_slice(b)
    }
}

/// A size for messages: `64 MiB`, `500 KiB`, `900 B`.
pub(super) fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} B"),
    }
}

/// The longest server message shown in an error, in characters.
pub(super) const MAX_MESSAGE: usize = 300;

/// A server message cut to [`MAX_MESSAGE`], after redaction so no part of a secret survives.
pub(super) fn shorten(message: &str) -> String {
    if message.chars().count() <= MAX_MESSAGE {
        return message.to_owned();
    }
    let mut cut: String = message.chars().take(MAX_MESSAGE).collect();
    cut.push_str("… (cut)");
    cut
}

pub(super) fn or_status(message: String, status: StatusCode) -> String {
    if message.is_empty() {
        status.to_string()
    } else {
        message
    }
}

pub(super) fn suffix(message: &str) -> String {
    if message.is_empty() {
        String::new()
    } else {
        format!(": {message}")
    }
}

/// An [`ApiError::Unavailable`] of this cause.
pub(super) fn unavailable(cause: Cause, what: String, hint: Option<&str>) -> ApiError {
    ApiError::Unavailable {
        cause,
        what,
        hint: hint.map(str::to_owned),
    }
}
