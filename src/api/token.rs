//! The on-disk token cache: one file per (host, subaccount, key id) under the user cache dir,
//! 0600 in a 0700 directory, written atomically, reused until 5 minutes before it expires.
//! The secret is never written; only the bearer token it bought.

use super::send::Call;
use super::{Client, TokenSource};
use crate::config::{Auth, Secret};
use crate::error::{ApiError, Cause};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The life lwctl asks a token for.
pub const ASKED: Duration = Duration::hours(1);

/// When a token is taken to expire, judged by the local clock at the exchange, and how far the
/// server's clock seems off when its `expiresAt` makes no sense here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime {
    pub at: DateTime<Utc>,
    pub skew: Option<Duration>,
}

/// The expiry of a token asked for [`ASKED`] at `now`: the server's `expiresAt` when this
/// clock agrees it lies ahead within the asked life (and a few minutes' slack); else the
/// server's clock is off, and the token is taken to live the asked hour from `now`. A server
/// whose clock is behind would otherwise cost an exchange per request.
pub fn lifetime(said: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Lifetime {
    let slack = Duration::minutes(5);
    match said {
        Some(t) if t > now + MARGIN && t <= now + ASKED + slack => Lifetime { at: t, skew: None },
        Some(t) => Lifetime {
            at: now + ASKED,
            skew: Some(t - (now + ASKED)),
        },
        None => Lifetime {
            at: now + ASKED,
            skew: None,
        },
    }
}

/// Tokens are not reused in their last minutes, so a request never starts with one about to die.
pub const MARGIN: Duration = Duration::minutes(5);

#[derive(Clone)]
pub struct Token {
    pub value: Secret,
    pub expires_at: DateTime<Utc>,
}

impl Token {
    pub fn fresh(&self, now: DateTime<Utc>) -> bool {
        self.expires_at - MARGIN > now
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    token: String,
    #[serde(rename = "expiresAt")]
    expires_at: DateTime<Utc>,
    host: String,
    subaccount: Option<String>,
    #[serde(rename = "keyId")]
    key_id: String,
}

/// `$XDG_CACHE_HOME/lwctl`, else `~/.cache/lwctl`.
pub fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| crate::config::home_dir().map(|h| h.join(".cache")))?;
    Some(base.join("lwctl"))
}

/// Where the token for one identity lives.
#[derive(Debug, Clone)]
pub struct TokenCache {
    path: PathBuf,
    host: String,
    subaccount: Option<String>,
    key_id: String,
}

/// FNV-1a: a stable file name that does not spell out the key id.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

impl TokenCache {
    pub fn new(dir: &Path, host: &str, subaccount: Option<&str>, key_id: &str) -> TokenCache {
        let sub = subaccount.unwrap_or("").to_ascii_lowercase();
        let name = format!("{:016x}.json", fnv(&[host, &sub, key_id]));
        TokenCache {
            path: dir.join("tokens").join(name),
            host: host.to_owned(),
            subaccount: subaccount.map(str::to_owned),
            key_id: key_id.to_owned(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The cached token if there is one for exactly this identity and it is still fresh. The
    /// file is opened without following a symlink or waiting on a FIFO, and read bounded.
    pub fn load(&self, now: DateTime<Utc>) -> Option<Token> {
        let text = read_private(&self.path, 64 << 10).ok()?;
        let s: Stored = serde_json::from_slice(&text).ok()?;
        if !valid_token(&s.token) {
            return None;
        }
        let same = s.host == self.host
            && s.key_id == self.key_id
            && s.subaccount.as_deref().map(str::to_ascii_lowercase)
                == self.subaccount.as_deref().map(str::to_ascii_lowercase);
        let t = Token {
            value: Secret::new(s.token),
            expires_at: s.expires_at,
        };
        (same && t.fresh(now)).then_some(t)
    }

    /// Writes the token atomically: a 0600 temp file in the same 0700 directory, then rename.
    pub fn store(&self, token: &Token) -> std::io::Result<()> {
        let dir = self.path.parent().expect("cache path has a parent");
        crate::fsafe::make_dirs(dir)?;
        let stored = Stored {
            token: token.value.expose().to_owned(),
            expires_at: token.expires_at,
            host: self.host.clone(),
            subaccount: self.subaccount.clone(),
            key_id: self.key_id.clone(),
        };
        // tempfile creates the file 0600.
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        serde_json::to_writer(&mut tmp, &stored)?;
        tmp.flush()?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Forgets the token (the server said 401).
    pub fn drop_token(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether a bearer token can be sent as is: 1 to 8,192 visible ASCII characters, no spaces,
/// no line breaks (a token holding CR/LF would break, or inject, headers).
pub fn valid_token(t: &str) -> bool {
    !t.is_empty() && t.len() <= 8192 && t.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// Reads a small regular file without following a symlink at its name and without blocking
/// on a FIFO; at most `limit` bytes.
pub fn read_private(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Why a directory lwctl keeps private files in cannot be trusted: others can write in it (so
/// they could swap a file for a FIFO or a link), or it is a symlink. `None` when it is fine or
/// does not exist yet.
pub fn unsafe_dir(dir: &Path) -> Option<String> {
    let meta = fs::symlink_metadata(dir).ok()?;
    if meta.file_type().is_symlink() {
        return Some(format!("{} is a symlink", dir.display()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = meta.permissions().mode();
        if mode & 0o022 != 0 {
            return Some(format!(
                "{} can be written by other users (mode {:o}); fix it with: chmod 700 {}",
                dir.display(),
                mode & 0o777,
                dir.display()
            ));
        }
        // SAFETY: getuid has no preconditions and cannot fail.
        let me = unsafe { libc::getuid() };
        if meta.uid() != me {
            return Some(format!("{} belongs to another user", dir.display()));
        }
    }
    None
}

impl Client {
    /// Makes sure a usable token is at hand (for `auth test`, which times this step).
    pub fn ensure_token(&self) -> Result<(), ApiError> {
        self.bearer().map(|_| ())
    }

    /// A fresh token: memory, then the disk cache, then an exchange.
    pub(super) fn bearer(&self) -> Result<Secret, ApiError> {
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
        let body = serde_json::json!({"keyId": key_id, "expiryTime": ASKED.num_seconds()});
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
            .filter(|t| valid_token(t))
            .ok_or_else(|| ApiError::Unavailable {
                cause: Cause::Decode,
                what: format!(
                    "the token answer from {} has no usable token (empty, too long, or with spaces or line breaks)",
                    self.host()
                ),
                hint: None,
            })?;
        let expires_at = lifetime(
            answer
                .expires_at
                .as_deref()
                .and_then(crate::time::parse_api_time),
            Utc::now(),
        );
        if let Some(skew) = expires_at.skew {
            self.warn_skew(skew);
        }
        let expires_at = expires_at.at;
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

    /// Says once a run that the server's clock is off, by how much.
    fn warn_skew(&self, skew: chrono::Duration) {
        if self.skew_warned.replace(true) {
            return;
        }
        let size = skew.abs().to_std().unwrap_or_default();
        crate::output::warning(&format!(
            "the token's expiresAt is {} {} by this machine's clock (the server's clock, or this one, is off); the token is used for the hour it was asked for",
            crate::time::human_duration(size),
            if skew < chrono::Duration::zero() { "early" } else { "late" },
        ));
    }

    /// The curl command that tests the credentials by hand, secret left as `$LW_API_SECRET`:
    /// one option a line, each ended by ` \\`, so that it fits a terminal and still pastes as
    /// one command.
    pub fn curl_line(&self) -> String {
        let mut parts = vec![
            "curl -sS -X POST".to_owned(),
            format!("  {}api/v2/access/tokens", self.creds.base_url),
            "  -H \"X-LW-UAKS: $LW_API_SECRET\"".to_owned(),
            "  -H 'Content-Type: application/json'".to_owned(),
        ];
        if let Some(s) = self.subaccount() {
            parts.push(format!("  -H 'Account-Name: {s}'"));
        }
        parts.push(
            "  -d \"{\\\"keyId\\\": \\\"$LW_API_KEY\\\", \\\"expiryTime\\\": 3600}\"".to_owned(),
        );
        parts.join(" \\\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skewed_server_clock_costs_no_extra_exchange() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let h = Duration::hours(1);
        assert_eq!(
            lifetime(Some(now + h), now),
            Lifetime {
                at: now + h,
                skew: None
            }
        );
        assert_eq!(lifetime(None, now).at, now + h);
        // Already past here (the server is two hours behind): an hour from now, skew told.
        let l = lifetime(Some(now - h), now);
        assert_eq!((l.at, l.skew), (now + h, Some(-h * 2)));
        assert!(Token {
            value: Secret::new("t".repeat(20)),
            expires_at: l.at
        }
        .fresh(now));
        // A day ahead: not trusted either.
        assert_eq!(lifetime(Some(now + h * 25), now).skew, Some(h * 24));
        // Minutes inside the margin are a skew, not a token to exchange again at once.
        assert!(lifetime(Some(now + Duration::minutes(3)), now)
            .skew
            .is_some());
    }

    #[test]
    pub(super) fn round_trip_private_and_identity_bound() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc::now();
        let cache = TokenCache::new(dir.path(), "a.lacework.net", Some("Sub"), "KEY");
        let token = Token {
            value: Secret::new("tok"),
            expires_at: now + Duration::hours(1),
        };
        cache.store(&token).unwrap();
        assert_eq!(cache.load(now).unwrap().value.expose(), "tok");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(cache.path()), 0o600);
            assert_eq!(mode(cache.path().parent().unwrap()), 0o700);
        }
        // Same file name for another case of the subaccount, different for another key.
        let other = TokenCache::new(dir.path(), "a.lacework.net", Some("sub"), "KEY");
        assert!(other.load(now).is_some());
        let other = TokenCache::new(dir.path(), "a.lacework.net", Some("sub"), "KEY2");
        assert!(other.load(now).is_none());
        // Not reused in its last five minutes.
        assert!(cache.load(now + Duration::minutes(56)).is_none());
        cache.drop_token();
        assert!(cache.load(now).is_none());
    }
}
