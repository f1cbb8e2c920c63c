//! The proxy a request goes through: `HTTPS_PROXY` for https, `HTTP_PROXY` for http (either
//! case, lower-case first, as curl reads them), then `ALL_PROXY`, unless `NO_PROXY` names the
//! host. lwctl decides this itself and hands the HTTP client that one proxy, so what `-v` and
//! an error say is exactly what was used.

use reqwest::Url;

/// The proxy in use, and the variable that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proxy {
    pub url: Url,
    pub from: String,
}

impl Proxy {
    /// The proxy as shown to people: credentials in it are never printed.
    pub fn shown(&self) -> String {
        let mut u = self.url.clone();
        if !u.username().is_empty() || u.password().is_some() {
            let _ = u.set_username("***");
            let _ = u.set_password(None);
        }
        u.as_str().trim_end_matches('/').to_owned()
    }
}

/// The proxy for requests to `target`, read from the environment through `var`.
pub fn for_url(target: &Url, var: impl Fn(&str) -> Option<String>) -> Option<Proxy> {
    let get = |name: &str| {
        [name.to_ascii_lowercase(), name.to_owned()]
            .into_iter()
            .find_map(|n| var(&n).filter(|v| !v.trim().is_empty()).map(|v| (n, v)))
    };
    let host = target
        .host_str()?
        .trim_matches(['[', ']'])
        .to_ascii_lowercase();
    if let Some((_, no)) = get("NO_PROXY") {
        if bypassed(&host, &no) {
            return None;
        }
    }
    let scheme_var = if target.scheme() == "https" {
        "HTTPS_PROXY"
    } else {
        "HTTP_PROXY"
    };
    let (from, value) = get(scheme_var).or_else(|| get("ALL_PROXY"))?;
    let value = value.trim();
    // `host:port` alone means http://host:port, as curl takes it.
    let url = Url::parse(value)
        .ok()
        .filter(|u| u.has_host())
        .or_else(|| Url::parse(&format!("http://{value}")).ok())?;
    Some(Proxy { url, from })
}

/// Whether `NO_PROXY` names `host`: `*`, the host itself, or a domain it is under
/// (`example.com` and `.example.com` both cover `api.example.com`).
fn bypassed(host: &str, no_proxy: &str) -> bool {
    no_proxy.split(',').map(str::trim).any(|entry| {
        let entry = entry.trim_start_matches('.').to_ascii_lowercase();
        let entry = entry.split(':').next().unwrap_or("");
        !entry.is_empty() && (entry == "*" || host == entry || host.ends_with(&format!(".{entry}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn which_proxy_a_request_uses() {
        let https = Url::parse("https://yourcorp.lacework.net/").unwrap();
        let http = Url::parse("http://127.0.0.1:8080/").unwrap();
        let p = for_url(&https, env(&[("HTTPS_PROXY", "http://proxy:3128")])).unwrap();
        assert_eq!(
            (p.url.as_str(), p.from.as_str()),
            ("http://proxy:3128/", "HTTPS_PROXY")
        );
        // Lower case first, as curl reads them; HTTP_PROXY is for http only.
        let p = for_url(
            &https,
            env(&[("https_proxy", "proxy:1"), ("HTTPS_PROXY", "proxy:2")]),
        )
        .unwrap();
        assert_eq!((p.url.port(), p.from.as_str()), (Some(1), "https_proxy"));
        assert_eq!(
            for_url(&https, env(&[("HTTP_PROXY", "http://proxy:3128")])),
            None
        );
        assert!(for_url(&http, env(&[("HTTP_PROXY", "http://proxy:3128")])).is_some());
        let p = for_url(&https, env(&[("ALL_PROXY", "socks5://s:1080")])).unwrap();
        assert_eq!(p.from, "ALL_PROXY");
        // NO_PROXY, in any case, by host or domain.
        for no in [
            "lacework.net",
            ".lacework.net",
            "*",
            "yourcorp.lacework.net",
            "other, lacework.net",
        ] {
            let vars = [("HTTPS_PROXY", "http://proxy:3128"), ("no_proxy", no)];
            assert_eq!(for_url(&https, env(&vars)), None, "{no}");
        }
        let vars = [
            ("HTTPS_PROXY", "http://proxy:3128"),
            ("NO_PROXY", "example.com"),
        ];
        assert!(for_url(&https, env(&vars)).is_some());
        // Credentials never shown.
        let p = for_url(
            &https,
            env(&[("HTTPS_PROXY", "http://me:pa55word@proxy:3128")]),
        )
        .unwrap();
        assert_eq!(p.shown(), "http://***@proxy:3128");
    }
}
