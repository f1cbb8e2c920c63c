//! Who we are: the account's host, the subaccount, the key and secret, resolved from flags, then
//! the environment, then the profile in `~/.lacework.toml` (the official Lacework CLI's file).

use crate::error::UsageError;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

/// A secret value (API secret, bearer token). Its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Masks an identifier the way `gh` does: the first few characters, then asterisks.
pub fn mask(s: &str) -> String {
    let keep = if s.len() >= 12 { 6 } else { s.len() / 3 };
    let head: String = s.chars().take(keep).collect();
    format!(
        "{head}{}",
        "*".repeat(s.chars().count().saturating_sub(keep).min(12))
    )
}

/// An account as users paste it, reduced to the API host and the account name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// `yourcorp` — the first label, lower-case.
    pub name: String,
    /// `yourcorp.lacework.net` or `yourcorp.fra.lacework.net`.
    pub host: String,
}

const DOMAIN: &str = "lacework.net";

impl Account {
    /// Accepts `yourcorp`, `YourCorp.lacework.net`, `https://yourcorp.lacework.net/` and
    /// `yourcorp.fra.lacework.net`. Anything that could steer the request to another host (a
    /// userinfo `@`, `#`, `/`, `?`, `%`, spaces, non-ASCII look-alikes, empty labels, another
    /// scheme) is refused before any request is made.
    pub fn parse(input: &str) -> Result<Account, UsageError> {
        let bad = |why: &str| {
            UsageError::new(format!("invalid account {input:?}: {why}")).hint(
                "give the account subdomain, e.g. --account yourcorp or yourcorp.fra.lacework.net",
            )
        };
        let mut s = input.trim();
        if let Some((scheme, rest)) = s.split_once("://") {
            if !scheme.eq_ignore_ascii_case("https") {
                return Err(bad("only https:// is allowed"));
            }
            s = rest;
        }
        let s = s.strip_suffix('/').unwrap_or(s);
        if s.is_empty() {
            return Err(bad("it is empty"));
        }
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
        {
            return Err(bad(&format!(
                "{c:?} is not allowed (letters, digits, '-' and '.' only)"
            )));
        }
        let lower = s.to_ascii_lowercase();
        let labels: Vec<&str> = lower.split('.').collect();
        if labels.iter().any(|l| l.is_empty()) {
            return Err(bad("it has an empty label"));
        }
        if labels
            .iter()
            .any(|l| l.len() > 63 || l.starts_with('-') || l.ends_with('-'))
        {
            return Err(bad(
                "a label is longer than 63 characters or starts or ends with '-'",
            ));
        }
        // Whatever is typed, the host stays under lacework.net.
        let host = if lower == DOMAIN || lower.ends_with(&format!(".{DOMAIN}")) {
            if labels.len() < 3 {
                return Err(bad("it has no account name before lacework.net"));
            }
            lower.clone()
        } else {
            format!("{lower}.{DOMAIN}")
        };
        Ok(Account {
            name: labels[0].to_owned(),
            host,
        })
    }

    /// The account as the official CLI writes it in `~/.lacework.toml`: the host without
    /// `.lacework.net`, so a region stays (`yourcorp.fra`).
    pub fn profile_form(&self) -> String {
        self.host
            .strip_suffix(&format!(".{DOMAIN}"))
            .unwrap_or(&self.host)
            .to_owned()
    }
}

/// Checks a subaccount name: it goes into the `Account-Name` header and the cache file name.
pub fn parse_subaccount(input: &str) -> Result<String, UsageError> {
    let s = input.trim();
    let valid = s.len() <= 128
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !s.contains("..");
    if !valid {
        return Err(UsageError::new(format!(
            "invalid subaccount \"{}\": use the subaccount's name (a letter or digit, then letters, digits, '-', '_', '.')",
            crate::output::escape_controls(input)
        )));
    }
    Ok(s.to_owned())
}

/// A key id, secret or token as it came (a flag, a variable, a file, a profile), made fit to
/// send: whitespace around it is dropped (Kubernetes and Docker secrets end in a newline);
/// any other control character is a usage error naming where it came from, never a request
/// that fails as a network error.
pub fn credential(value: &str, from: &str) -> Result<String, UsageError> {
    let v = value.trim();
    if let Some(c) = v.chars().find(|c| c.is_control()) {
        return Err(UsageError::new(format!(
            "{from} holds a control character ({}), which no Lacework key id, secret or token has",
            c.escape_default()
        ))
        .hint("set it again to the value alone, copied from the key file"));
    }
    Ok(v.to_owned())
}

/// Parses `LW_API_SERVER_URL`: https anywhere, http only to this machine.
pub fn parse_server_url(input: &str) -> Result<Url, UsageError> {
    let bad = |why: String| {
        UsageError::new(format!("invalid LW_API_SERVER_URL {input:?}: {why}"))
            .hint("use https://<account>.lacework.net, or http://127.0.0.1:PORT for a local server")
    };
    let url = Url::parse(input.trim()).map_err(|e| bad(e.to_string()))?;
    let host = url.host_str().ok_or_else(|| bad("it has no host".into()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("credentials in the URL are not allowed".into()));
    }
    if url.query().is_some() || url.fragment().is_some() || url.path() != "/" {
        return Err(bad("give only scheme, host and port".into()));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => {
            return Err(bad(format!(
                "http:// is only allowed to this machine (127.0.0.1, ::1, localhost), not {host}"
            )))
        }
        other => return Err(bad(format!("scheme {other} is not supported"))),
    }
    Ok(url)
}

fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// One section of `~/.lacework.toml`.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subaccount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

/// The home directory: `$HOME` (tests point it elsewhere), else the system's record of the user.
pub fn home_dir() -> Option<PathBuf> {
    // $HOME first (what tests and sudo -E set), then the system's record of the user.
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .or_else(std::env::home_dir)
}

/// `~/.lacework.toml`.
pub fn config_path() -> Option<PathBuf> {
    home_dir().map(|h| h.join(".lacework.toml"))
}

/// Refuses a file holding a secret that other users can read, the way ssh treats keys.
pub fn check_private(path: &Path, allow_insecure: bool) -> Result<(), UsageError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        if mode & 0o077 != 0 && !allow_insecure {
            return Err(UsageError::new(format!(
                "{} holds a secret but other users can read it (mode {:o})",
                path.display(),
                mode & 0o777
            ))
            .hint(format!(
                "run: chmod 600 {} (or pass --allow-insecure-config to use it anyway)",
                path.display()
            )));
        }
    }
    let _ = (path, allow_insecure);
    Ok(())
}

/// Reads all profiles from `~/.lacework.toml`.
pub fn read_profiles(path: &Path) -> Result<BTreeMap<String, Profile>, UsageError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => {
            return Err(UsageError::new(format!(
                "cannot read {}: {e}",
                path.display()
            )))
        }
    };
    // toml's error text quotes the offending line, which may hold the secret: keep only where.
    toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let line = text[..s.start].matches('\n').count() + 1;
                format!(" at line {line}")
            })
            .unwrap_or_default();
        UsageError::new(format!("{} is not valid TOML{at}", path.display()))
            .hint("fix the file, or write a fresh profile with `lwctl configure`")
    })
}

/// What the flags say about credentials; `None` where a flag was not given.
#[derive(Debug, Default, Clone)]
pub struct CredentialFlags {
    pub profile: Option<String>,
    pub account: Option<String>,
    pub subaccount: Option<String>,
    pub api_key: Option<String>,
    pub api_secret_file: Option<PathBuf>,
    pub org: bool,
    pub allow_insecure_config: bool,
}

/// How the client authenticates.
#[derive(Debug, Clone)]
pub enum Auth {
    /// Exchange the key for a token.
    Key { key_id: String, secret: Secret },
    /// `LW_API_TOKEN`: a bearer token given as is.
    Token(Secret),
}

/// Everything the API client needs to know about who we are.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub account: Account,
    pub base_url: Url,
    pub subaccount: Option<String>,
    pub org: bool,
    pub auth: Auth,
}

impl Credentials {
    pub fn key_id(&self) -> Option<&str> {
        match &self.auth {
            Auth::Key { key_id, .. } => Some(key_id),
            Auth::Token(_) => None,
        }
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Resolves credentials: flags, then `LW_*` variables, then the profile.
pub fn resolve(flags: &CredentialFlags) -> Result<Credentials, UsageError> {
    let path = config_path();
    let profile_name = flags
        .profile
        .clone()
        .or_else(|| env("LW_PROFILE"))
        .unwrap_or_else(|| "default".into());
    let explicit_profile = flags.profile.is_some() || env("LW_PROFILE").is_some();
    let profiles = match &path {
        Some(p) => read_profiles(p)?,
        None => BTreeMap::new(),
    };
    let profile = match profiles.get(&profile_name) {
        Some(p) => p.clone(),
        None if explicit_profile => {
            let known: Vec<&str> = profiles.keys().map(String::as_str).collect();
            return Err(UsageError::new(format!(
                "profile [{profile_name}] is not in {}",
                path.as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "~/.lacework.toml".into())
            ))
            .hint(if known.is_empty() {
                "create one with `lwctl configure`".to_string()
            } else {
                format!("known profiles: {}", known.join(", "))
            }));
        }
        None => Profile::default(),
    };
    let cfg = path
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "~/.lacework.toml".into());
    let missing = |what: &str, flag: &str, var: &str, key: &str| {
        UsageError::new(format!("no {what} given"))
            .hint(format!(
                "pass {flag}, set {var}, or add {key} to profile [{profile_name}] in {cfg} (`lwctl configure` writes one)"
            ))
    };

    let server = env("LW_API_SERVER_URL")
        .map(|u| parse_server_url(&u))
        .transpose()?;
    let account_text = flags
        .account
        .clone()
        .or_else(|| env("LW_ACCOUNT"))
        .or(profile.account.clone());
    let account = match (account_text, &server) {
        (Some(a), _) => Account::parse(&a)?,
        (None, Some(url)) => {
            let host = url.host_str().unwrap_or("localhost").to_owned();
            Account {
                name: host.split('.').next().unwrap_or(&host).to_owned(),
                host,
            }
        }
        (None, None) => {
            return Err(missing("account", "--account", "LW_ACCOUNT", "account"));
        }
    };
    let base_url = match server {
        Some(u) => u,
        None => Url::parse(&format!("https://{}/", account.host))
            .map_err(|e| UsageError::new(format!("invalid account host: {e}")))?,
    };
    let subaccount = flags
        .subaccount
        .clone()
        .or_else(|| env("LW_SUBACCOUNT"))
        .or(profile.subaccount.clone())
        .map(|s| parse_subaccount(&s))
        .transpose()?;

    let auth = if let Some(token) = env("LW_API_TOKEN") {
        let token = credential(&token, "LW_API_TOKEN")?;
        if !crate::api::token::valid_token(&token) {
            return Err(UsageError::new(
                "LW_API_TOKEN holds a space or a character a bearer token cannot have",
            )
            .hint(
                "set it to the token alone, as `lwctl api post /api/v2/access/tokens` gives it",
            ));
        }
        Auth::Token(Secret::new(token))
    } else {
        let in_profile = |key: &str| format!("{key} in profile [{profile_name}]");
        let key_id = match (&flags.api_key, env("LW_API_KEY"), &profile.api_key) {
            (Some(k), _, _) => credential(k, "--api-key")?,
            (None, Some(k), _) => credential(&k, "LW_API_KEY")?,
            (None, None, Some(k)) => credential(k, &in_profile("api_key"))?,
            (None, None, None) => {
                return Err(missing("API key id", "--api-key", "LW_API_KEY", "api_key"))
            }
        };
        let secret = if let Some(file) = &flags.api_secret_file {
            check_private(file, flags.allow_insecure_config)?;
            let s = fs::read_to_string(file).map_err(|e| {
                UsageError::new(format!(
                    "cannot read --api-secret-file {}: {e}",
                    file.display()
                ))
            })?;
            credential(&s, &format!("--api-secret-file {}", file.display()))?
        } else if let Some(s) = env("LW_API_SECRET") {
            credential(&s, "LW_API_SECRET")?
        } else if let Some(s) = profile.api_secret.clone() {
            if let Some(p) = &path {
                check_private(p, flags.allow_insecure_config)?;
            }
            credential(&s, &in_profile("api_secret"))?
        } else {
            return Err(missing(
                "API secret",
                "--api-secret-file",
                "LW_API_SECRET",
                "api_secret",
            ));
        };
        if secret.is_empty() {
            return Err(UsageError::new("the API secret is empty"));
        }
        Auth::Key {
            key_id,
            secret: Secret::new(secret),
        }
    };
    Ok(Credentials {
        account,
        base_url,
        subaccount,
        org: flags.org,
        auth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_as_users_paste_them() {
        for (input, name, host) in [
            ("yourcorp", "yourcorp", "yourcorp.lacework.net"),
            ("YourCorp.lacework.net", "yourcorp", "yourcorp.lacework.net"),
            (
                "https://yourcorp.lacework.net/",
                "yourcorp",
                "yourcorp.lacework.net",
            ),
            (
                "yourcorp.fra.lacework.net",
                "yourcorp",
                "yourcorp.fra.lacework.net",
            ),
            (" yourcorp ", "yourcorp", "yourcorp.lacework.net"),
            ("my-corp.fra", "my-corp", "my-corp.fra.lacework.net"),
        ] {
            let a = Account::parse(input).unwrap();
            assert_eq!((a.name.as_str(), a.host.as_str()), (name, host), "{input}");
        }
    }

    #[test]
    fn injection_shapes_are_refused() {
        for input in [
            "evil.example#",
            "evil.example/x",
            "user@yourcorp",
            "yourcorp.lacework.net@evil.com",
            "yourcorp?x=1",
            "your%2ecorp",
            "your corp",
            "yourcоrp", // Cyrillic 'о'
            "yourcorp..lacework.net",
            ".yourcorp",
            "yourcorp.",
            "http://yourcorp.lacework.net",
            "ftp://yourcorp",
            "",
            "lacework.net",
            "-corp",
            "yourcorp:8443",
            "yourcorp\\evil",
        ] {
            assert!(
                Account::parse(input).is_err(),
                "{input:?} should be refused"
            );
        }
    }

    #[test]
    fn server_url_http_only_for_loopback() {
        assert!(parse_server_url("http://127.0.0.1:8080").is_ok());
        assert!(parse_server_url("http://localhost:1").is_ok());
        assert!(parse_server_url("http://[::1]:1/").is_ok());
        assert!(parse_server_url("https://example.lacework.net").is_ok());
        for bad in [
            "http://10.0.0.1:80",
            "http://evil.com",
            "http://127.0.0.1.evil.com",
            "https://u:p@x.lacework.net",
            "file:///etc/passwd",
            "https://x.lacework.net/api?x",
        ] {
            assert!(parse_server_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn masks_keep_only_a_prefix() {
        assert_eq!(mask("ACME_1234567890ABCDEF"), "ACME_1************");
        assert_eq!(mask("abc"), "a**");
        assert!(!format!("{:?}", Secret::new("s3cr3t")).contains("s3cr3t"));
    }
}
