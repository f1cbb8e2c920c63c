//! A small Lacework-like API server on 127.0.0.1 for the tests: tokens, `/Alerts` with real
//! paging, `/Alerts/search`, detail scopes, subaccounts, rate-limit headers, and faults injected
//! per request or at a seeded rate.
//!
//! By default it behaves like a real tenant (see `tests/fixtures/README.md` for the sources):
//! an empty result is `204 No Content`, an alert is listed only once it is published (anomaly
//! alerts come out an hour or more after their `startTime`), the time filter applies to
//! `startTime`, Details is one object with an `entityMap`, close answers `204`, and closing a
//! closed alert is refused with "The action on this alert is not allowed".

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;

pub const KEY_ID: &str = "TESTCORP_0123456789ABCDEF0123456789ABCDEF";
pub const SECRET: &str = "_s3cr3t0123456789abcdef0123456789";
/// A key the FortiCloud portal issued: a UUID key id and a plain hex secret.
pub const FORTI_KEY_ID: &str = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
pub const FORTI_SECRET: &str = "9f86d081884c7d659a2feaa0c55ad015";
/// A key made inside subaccount `sub-a`.
pub const SUB_KEY_ID: &str = "SUBA_KEY_0123456789ABCDEF0123456789";
pub const SUB_SECRET: &str = "_subsecret_abcdef0123456789abcdef";

/// Text in an alert's JSON that the server sends as the byte 0xFF.
pub const INVALID: &str = "<INVALID>";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Status(u16),
    /// 429 with this many seconds in `RateLimit-Reset`.
    RateLimited(u64),
    /// Close the connection before any byte of the answer.
    Reset,
    /// Promise a body by Content-Length and send half of it.
    Truncate,
    /// 200 with an HTML page.
    Html,
    /// Answer after this many milliseconds.
    Slow(u64),
    /// 401 and forget the token, as if it expired.
    Expire,
    /// 302 to `State::foreign_next` (or 127.0.0.2).
    Redirect,
    /// This status with this body, instead of the real answer.
    Answer(u16, &'static str),
    /// 200 with these bytes sent as `Content-Encoding: gzip`.
    Gzip(&'static [u8]),
    /// The real answer, its body sent one byte every this many milliseconds.
    Trickle(u64),
}

/// Which of an alert's times the server's time filter applies to. Lacework filters on
/// `startTime`; the others check that dedupe does not depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeFilter {
    Start,
    End,
    /// The alert's `[startTime, endTime]` overlaps the window.
    Overlap,
}

#[derive(Debug, Clone)]
pub struct Alert {
    pub id: u64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// When the alert becomes visible to the API; listed only from then on.
    pub published: DateTime<Utc>,
    pub severity: Value,
    pub status: String,
    pub alert_type: String,
    /// The object exactly as the server sends it.
    pub json: String,
    /// Comments posted to it, shown in its Timeline scope.
    pub comments: Vec<String>,
}

impl Alert {
    /// A user's change to the alert at `at`, as the console, the API or an integration makes
    /// it: its status, and `lastUserUpdatedTime`.
    pub fn set_status(&mut self, status: &str, at: DateTime<Utc>) {
        self.status = status.into();
        let mut obj: Value = serde_json::from_str(&self.json).unwrap();
        obj["status"] = json!(status);
        obj["lastUserUpdatedTime"] = json!(at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
        self.json = obj.to_string();
    }
}

#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Logged {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub struct State {
    pub alerts: Vec<Alert>,
    pub page_size: usize,
    /// Subaccounts the parent key may name in `Account-Name`.
    pub subaccounts: Vec<String>,
    pub log: Vec<Logged>,
    pub token_exchanges: u32,
    tokens: HashMap<String, (String, DateTime<Utc>)>,
    next_token: u64,
    /// Faults for the next data requests, in order.
    pub queue: VecDeque<Fault>,
    /// Faults at this rate on data requests, chosen by a seeded generator.
    pub fault_rate: f64,
    pub fault_kinds: Vec<Fault>,
    rng: u64,
    /// A next-page link to hand out instead of our own.
    pub foreign_next: Option<String>,
    /// Queries longer than this report 500,000 rows (the API's cap) and are cut short.
    pub cap_longer_than: Option<Duration>,
    /// Include alerts that start exactly at `endTime`.
    pub inclusive_end: bool,
    pub time_filter: TimeFilter,
    /// Answer an empty result with `200` and an empty `data` instead of `204 No Content`.
    pub empty_as_200: bool,
    /// How a one-page answer spells "no next page".
    pub paging: PagingShape,
    /// Spell the token's `expiresAt` without milliseconds, as the vendor's Go SDK mock does.
    pub token_without_millis: bool,
    /// Hand out this token instead of a good one (a broken or hostile server).
    pub token_override: Option<String>,
    /// Close reasons this tenant refuses (as some refuse 5).
    pub refused_reasons: Vec<u64>,
    /// A simulated clock for what is published and how far `endTime` may reach; the real one
    /// when `None`. Tests pass the same time to lwctl as `LWCTL_FAKE_NOW`.
    pub clock: Option<DateTime<Utc>>,
    pub remaining: u64,
    /// The alerts of accounts that have their own, by lower-case name; any other account the
    /// key reaches shows `alerts`.
    pub own: HashMap<String, Vec<Alert>>,
    /// Accounts UserProfile lists but that answer 403 (access revoked, say).
    pub forbidden: Vec<String>,
    /// Accounts UserProfile lists with `userEnabled: 0`.
    pub disabled: Vec<String>,
    /// The `/Alerts` rate budget as a token bucket shared by every account, as Lacework's is
    /// per user and API function; `None` counts `remaining` down without limit.
    pub bucket: Option<Bucket>,
    /// 429s the bucket answered.
    pub throttled: u32,
    /// Stored searches: account, window, filters.
    searches: Vec<Search>,
    /// Alerts every search returns, whatever its window (a server that lies about times).
    pub always: Vec<Alert>,
    /// The token's `expiresAt` is this far off the truth (a server clock behind or ahead).
    pub token_skew: Duration,
    /// How long each answer takes, as a real tenant's round trip does (none by default).
    pub latency: std::time::Duration,
    base: String,
}

/// A stored search: the account it ran in, its window and its filters.
type Search = (Option<String>, DateTime<Utc>, DateTime<Utc>, Vec<Value>);

/// A token bucket: `capacity` requests, one more every `refill`.
#[derive(Debug, Clone, Copy)]
pub struct Bucket {
    pub capacity: u64,
    pub refill: std::time::Duration,
    tokens: f64,
    at: std::time::Instant,
}

impl Bucket {
    pub fn new(capacity: u64, refill: std::time::Duration) -> Bucket {
        Bucket {
            capacity,
            refill,
            tokens: capacity as f64,
            at: std::time::Instant::now(),
        }
    }

    fn refilled(&mut self) {
        let now = std::time::Instant::now();
        let gained = now.duration_since(self.at).as_secs_f64() / self.refill.as_secs_f64();
        self.tokens = (self.tokens + gained).min(self.capacity as f64);
        self.at = now;
    }

    /// Takes one request's worth; the headers to send, and whether it was there.
    fn take(&mut self) -> (Vec<(String, String)>, bool) {
        self.refilled();
        let ok = self.tokens >= 1.0;
        if ok {
            self.tokens -= 1.0;
        }
        let secs = |n: f64| (n * self.refill.as_secs_f64()).ceil() as u64;
        // Until whole again; on a 429, until the next request's worth.
        let reset = if ok {
            secs(self.capacity as f64 - self.tokens)
        } else {
            secs(1.0 - self.tokens).max(1)
        };
        let headers = vec![
            ("RateLimit-Limit".into(), self.capacity.to_string()),
            (
                "RateLimit-Remaining".into(),
                (self.tokens.floor() as u64).to_string(),
            ),
            ("RateLimit-Reset".into(), reset.to_string()),
        ];
        (headers, ok)
    }
}

impl State {
    /// An organization: the primary `testcorp` and `n` subaccounts `sub-001`... each with
    /// alerts of its own (none yet).
    pub fn organization(&mut self, n: usize) {
        self.subaccounts = (1..=n).map(|i| format!("sub-{i:03}")).collect();
        self.own.insert("testcorp".into(), Vec::new());
        for s in self.subaccounts.clone() {
            self.own.insert(s, Vec::new());
        }
    }

    /// Adds an alert to one account's own alerts.
    pub fn add_to(&mut self, account: &str, a: Alert) {
        self.own
            .entry(account.to_ascii_lowercase())
            .or_default()
            .push(a);
    }

    fn tenant(&self, account: Option<&str>) -> &Vec<Alert> {
        account
            .and_then(|a| self.own.get(a))
            .unwrap_or(&self.alerts)
    }

    fn rand(&mut self) -> f64 {
        // xorshift64*: deterministic per seed.
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.unwrap_or_else(Utc::now)
    }

    pub fn seed(&mut self, seed: u64) {
        self.rng = seed.max(1);
    }

    pub fn add(&mut self, a: Alert) {
        self.alerts.push(a);
    }

    /// Adds the alerts of an API page (a fixture), published already, as the server's own.
    pub fn add_page(&mut self, page: &str) {
        let page: Value = serde_json::from_str(page).unwrap();
        let items = match &page["data"] {
            Value::Array(a) => a.clone(),
            one => vec![one.clone()],
        };
        for a in items {
            let time = |k: &str| parse(a[k].as_str().unwrap()).unwrap();
            self.alerts.push(Alert {
                id: a["alertId"].as_u64().unwrap(),
                start: time("startTime"),
                end: time("endTime"),
                published: time("endTime"),
                severity: a["severity"].clone(),
                status: a["status"].as_str().unwrap_or("").into(),
                alert_type: a["alertType"].as_str().unwrap_or("").into(),
                json: a.to_string(),
                comments: Vec::new(),
            });
        }
    }

    /// Alerts the server holds in `[start, end)`, as the ground truth for comparisons.
    pub fn ids_between(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<u64> {
        let mut v: Vec<u64> = self
            .alerts
            .iter()
            .filter(|a| a.start >= start && a.start < end)
            .map(|a| a.id)
            .collect();
        v.sort();
        v
    }

    pub fn requests_to(&self, prefix: &str) -> usize {
        self.log
            .iter()
            .filter(|l| l.path.starts_with(prefix))
            .count()
    }
}

pub struct Server {
    pub url: String,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// How a one-page answer says there is no next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagingShape {
    /// `"urls": {"nextPage": null}`, as the vendor's fixtures show.
    NullNext,
    /// `paging` without `urls`.
    NoUrls,
    /// `"paging": {}`.
    Empty,
    /// No `paging` at all.
    Absent,
}

/// An anomaly alert as Lacework publishes it: the hour starting at `hour` (truncated to the
/// hour), listed only `delay` after that hour's start.
pub fn anomaly(id: u64, hour: DateTime<Utc>, delay: Duration) -> Alert {
    use chrono::{DurationRound, TimeDelta};
    let start = hour.duration_trunc(TimeDelta::hours(1)).unwrap();
    let mut a = alert(id, start, "Medium".into(), "Open", "NewExternalServerDns");
    a.published = start + delay;
    a
}

/// A realistic alert at `start`, published already.
pub fn alert(
    id: u64,
    start: DateTime<Utc>,
    severity: Value,
    status: &str,
    alert_type: &str,
) -> Alert {
    let end = start + Duration::hours(1);
    let obj = json!({
        "alertId": id,
        "alertName": format!("Alert {id}: unusual activity"),
        "alertType": alert_type,
        "severity": severity,
        "status": status,
        "startTime": start.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        "endTime": end.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        "alertInfo": {"subject": format!("subject {id}"), "description": format!("Workload {id} did \"something\", then more\u{2014}see timeline")},
        "derivedFields": {"category": "Anomaly", "sub_category": "Application", "source": "Agent"},
        "policyId": format!("LW-{}", id % 7),
        "reachability": "UnknownReachability",
        "internetExposure": "UnknownInternetExposure",
        "alertSource": "UnknownAlertSource",
        "lastUserUpdatedTime": match id % 3 {
            0 => "0".to_owned(),
            1 => String::new(),
            _ => end.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        }
    });
    Alert {
        id,
        start,
        end,
        published: start,
        severity,
        status: status.into(),
        alert_type: alert_type.into(),
        json: obj.to_string(),
        comments: Vec::new(),
    }
}

/// `n` alerts spread evenly over `[from, to)`, with mixed severities, statuses and types.
pub fn generate(first_id: u64, n: u64, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Alert> {
    let span = (to - from).num_milliseconds();
    let sevs = [
        json!("Critical"),
        json!("High"),
        json!("Medium"),
        json!("Low"),
        json!("Info"),
        json!(3),
        json!("high"),
    ];
    let statuses = ["Open", "Closed", "In Progress"];
    let types = [
        "NewExternalServerDns",
        "CloudActivityLogIngestion",
        "NewUser",
    ];
    (0..n)
        .map(|i| {
            let start = from + Duration::milliseconds(span * i as i64 / n as i64);
            let id = first_id + i;
            alert(
                id,
                start,
                sevs[(id % 7) as usize].clone(),
                statuses[(id % 3) as usize],
                types[(id % 5 % 3) as usize],
            )
        })
        .collect()
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let url = format!("http://127.0.0.1:{port}");
        let state = Arc::new(Mutex::new(State {
            alerts: Vec::new(),
            page_size: 100,
            subaccounts: vec!["sub-a".into(), "sub-b".into()],
            log: Vec::new(),
            token_exchanges: 0,
            tokens: HashMap::new(),
            next_token: 1,
            queue: VecDeque::new(),
            fault_rate: 0.0,
            fault_kinds: Vec::new(),
            rng: 0x9e37_79b9_7f4a_7c15,
            foreign_next: None,
            cap_longer_than: None,
            inclusive_end: false,
            time_filter: TimeFilter::Start,
            empty_as_200: false,
            paging: PagingShape::NullNext,
            token_without_millis: false,
            clock: None,
            refused_reasons: Vec::new(),
            token_override: None,
            remaining: 480,
            own: HashMap::new(),
            forbidden: Vec::new(),
            disabled: Vec::new(),
            bucket: None,
            latency: std::time::Duration::ZERO,
            throttled: 0,
            searches: Vec::new(),
            always: Vec::new(),
            token_skew: Duration::zero(),
            base: url.clone(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (Arc::clone(&state), Arc::clone(&stop));
        thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let st = Arc::clone(&st);
                thread::spawn(move || handle(conn, &st));
            }
        });
        Server {
            url,
            state,
            stop,
            port,
        }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

struct Reply {
    status: u16,
    body: String,
    content_type: &'static str,
    extra: Vec<(String, String)>,
    /// Bytes to send instead of `body`.
    raw: Option<&'static [u8]>,
}

fn reply(status: u16, body: Value) -> Reply {
    Reply {
        status,
        body: body.to_string(),
        content_type: "application/json",
        extra: Vec::new(),
        raw: None,
    }
}

fn no_content() -> Reply {
    Reply {
        status: 204,
        body: String::new(),
        content_type: "application/json",
        extra: Vec::new(),
        raw: None,
    }
}

fn handle(mut conn: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("").to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
            break;
        }
        if let Some((k, v)) = h.trim_end().split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    let _ = reader.read_exact(&mut body);
    let logged = Logged {
        method,
        path: target,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let (reply, fault, latency) = {
        let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
        st.log.push(logged.clone());
        let (reply, fault) = route(&mut st, &logged);
        (reply, fault, st.latency)
    };
    // The round trip to a real tenant, outside the lock.
    thread::sleep(latency);
    match fault {
        Some(Fault::Reset) => {
            let _ = conn.shutdown(Shutdown::Both);
            return;
        }
        Some(Fault::Slow(ms)) => thread::sleep(std::time::Duration::from_millis(ms)),
        _ => {}
    }
    let remaining = {
        let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
        st.remaining = st.remaining.saturating_sub(1);
        st.remaining
    };
    // An alert's JSON may carry `<INVALID>`: sent as a byte that is not UTF-8.
    let marked: Vec<u8>;
    let payload: &[u8] = match reply.raw {
        Some(raw) => raw,
        None if reply.body.contains(INVALID) => {
            let mut v = reply.body.replace(INVALID, "\u{1}").into_bytes();
            v.iter_mut().filter(|b| **b == 1).for_each(|b| *b = 0xff);
            marked = v;
            &marked
        }
        None => reply.body.as_bytes(),
    };
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.content_type,
        payload.len()
    );
    if !reply.extra.iter().any(|(k, _)| k == "RateLimit-Remaining") {
        head.push_str(&format!(
            "RateLimit-Limit: 480\r\nRateLimit-Remaining: {remaining}\r\n"
        ));
    }
    for (k, v) in &reply.extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let body = if fault == Some(Fault::Truncate) {
        &payload[..payload.len() / 2]
    } else {
        payload
    };
    let _ = conn.write_all(head.as_bytes());
    if let Some(Fault::Trickle(ms)) = fault {
        for b in body.chunks(1) {
            if conn.write_all(b).is_err() {
                return;
            }
            thread::sleep(std::time::Duration::from_millis(ms));
        }
    } else {
        let _ = conn.write_all(body);
    }
    let _ = conn.flush();
    let _ = conn.shutdown(Shutdown::Both);
}

fn query(path: &str) -> HashMap<String, String> {
    path.split_once('?')
        .map(|(_, q)| q)
        .unwrap_or("")
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.replace("%3A", ":").replace("%2B", "+")))
        .collect()
}

fn route(st: &mut State, req: &Logged) -> (Reply, Option<Fault>) {
    let path = req.path.split('?').next().unwrap_or("");
    if path == "/api/v2/access/tokens" && req.method == "POST" {
        return (token(st, req), None);
    }
    // Everything else needs a valid bearer token.
    let token = req
        .header("Authorization")
        .and_then(|a| a.strip_prefix("Bearer "))
        .unwrap_or("");
    let Some((key, expires)) = st.tokens.get(token).cloned() else {
        return (
            reply(401, json!({"message": "Invalid or expired token"})),
            None,
        );
    };
    if expires < Utc::now() {
        return (reply(401, json!({"message": "Token expired"})), None);
    }
    let sub = req.header("Account-Name").map(str::to_ascii_lowercase);
    let allowed = match (key.as_str(), sub.as_deref()) {
        // A key made inside sub-a reaches sub-a (its own account by default) and nothing else;
        // its UserProfile must be asked inside sub-a, as real tenants refuse it otherwise.
        (SUB_KEY_ID, None) => path != "/api/v2/UserProfile",
        (SUB_KEY_ID, Some("sub-a")) => true,
        (SUB_KEY_ID, _) => false,
        (_, None | Some("testcorp")) => true,
        (_, Some(s)) => {
            st.subaccounts.iter().any(|x| x == s) && !st.forbidden.iter().any(|x| x == s)
        }
    };
    // One bucket for /Alerts, whichever account is named.
    let mut rate = Vec::new();
    if path.starts_with("/api/v2/Alerts") {
        if let Some(b) = st.bucket.as_mut() {
            let (headers, ok) = b.take();
            rate = headers;
            if !ok {
                st.throttled += 1;
                let mut r = reply(429, json!({"message": "Rate limit exceeded"}));
                r.extra = rate;
                return (r, None);
            }
        }
    }
    let with_rate = |mut r: Reply, rate: Vec<(String, String)>| {
        r.extra.extend(rate);
        r
    };
    if !allowed {
        return (
            reply(
                403,
                json!({"message": "User is not authorized to access this account"}),
            ),
            None,
        );
    }
    // Faults apply to data requests only.
    let fault = st.queue.pop_front().or_else(|| {
        if st.fault_rate > 0.0 && st.rand() < st.fault_rate && !st.fault_kinds.is_empty() {
            let i = (st.rand() * st.fault_kinds.len() as f64) as usize;
            Some(st.fault_kinds[i.min(st.fault_kinds.len() - 1)])
        } else {
            None
        }
    });
    match fault {
        Some(Fault::Status(code)) => {
            return (
                reply(code, json!({"message": format!("injected {code}")})),
                fault,
            )
        }
        Some(Fault::RateLimited(reset)) => {
            let mut r = reply(429, json!({"message": "Rate limit exceeded"}));
            r.extra.push(("RateLimit-Reset".into(), reset.to_string()));
            return (r, fault);
        }
        Some(Fault::Html) => {
            return (
                Reply {
                    status: 200,
                    body: "<html><body><h1>Service temporarily unavailable</h1></body></html>"
                        .into(),
                    content_type: "text/html",
                    extra: Vec::new(),
                    raw: None,
                },
                fault,
            )
        }
        Some(Fault::Redirect) => {
            let mut r = reply(302, json!({}));
            let to = st
                .foreign_next
                .clone()
                .unwrap_or_else(|| "http://127.0.0.2:1/".into());
            r.extra.push(("Location".into(), to));
            return (r, fault);
        }
        Some(Fault::Answer(status, body)) => {
            return (
                Reply {
                    status,
                    body: body.into(),
                    content_type: "application/json",
                    extra: Vec::new(),
                    raw: None,
                },
                fault,
            )
        }
        Some(Fault::Gzip(bytes)) => {
            let r = Reply {
                status: 200,
                body: String::new(),
                content_type: "application/json",
                extra: vec![("Content-Encoding".into(), "gzip".into())],
                raw: Some(bytes),
            };
            return (r, fault);
        }
        Some(Fault::Expire) => {
            st.tokens.remove(token);
            return (reply(401, json!({"message": "Token expired"})), fault);
        }
        _ => {}
    }
    let r = if path == "/api/v2/Alerts" && req.method == "GET" {
        let q = query(&req.path);
        match (q.get("startTime"), q.get("endTime")) {
            (Some(s), Some(e)) => search(st, sub.as_deref(), s, e, Vec::new()),
            _ => reply(
                400,
                json!({"message": "startTime and endTime required in this server"}),
            ),
        }
    } else if path == "/api/v2/Alerts/search" && req.method == "POST" {
        let body: Value = serde_json::from_str(&req.body).unwrap_or(Value::Null);
        let tf = &body["timeFilter"];
        let filters = body["filters"].as_array().cloned().unwrap_or_default();
        search(
            st,
            sub.as_deref(),
            tf["startTime"].as_str().unwrap_or(""),
            tf["endTime"].as_str().unwrap_or(""),
            filters,
        )
    } else if let Some(rest) = path.strip_prefix("/api/v2/Alerts/next/") {
        let mut it = rest.split('/');
        let id: usize = it.next().and_then(|x| x.parse().ok()).unwrap_or(usize::MAX);
        let page: usize = it.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        match st.searches.get(id).cloned() {
            Some((a, s, e, f)) => page_of(st, a.as_deref(), id, s, e, &f, page),
            None => reply(404, json!({"message": "no such page"})),
        }
    } else if path == "/api/v2/UserProfile" {
        let accounts: Vec<Value> = if key == SUB_KEY_ID {
            vec![
                json!({"accountName": "SUB-A", "admin": false, "custGuid": "c2", "userGuid": "u2", "userEnabled": 1}),
            ]
        } else {
            std::iter::once("testcorp".to_owned())
                .chain(st.subaccounts.iter().cloned())
                .map(|a| json!({"accountName": a.to_ascii_uppercase(), "admin": a == "testcorp", "custGuid": "c", "userGuid": "u", "userEnabled": u8::from(!st.disabled.contains(&a))}))
                .collect()
        };
        reply(
            200,
            json!({"data": [{"username": "alice@example.com", "orgAccount": true, "url": "testcorp.lacework.net", "orgAdmin": false, "orgUser": true, "accounts": accounts}]}),
        )
    } else if let Some(id) = path.strip_prefix("/api/v2/Alerts/").and_then(|p| {
        p.strip_suffix("/comment")
            .or_else(|| p.strip_suffix("/close"))
    }) {
        let body = serde_json::from_str::<Value>(&req.body).unwrap_or(Value::Null);
        let comment = body["comment"].clone();
        let now = st.now();
        let refused = body["reason"]
            .as_u64()
            .is_some_and(|r| r > 5 || st.refused_reasons.contains(&r));
        let own = sub
            .as_deref()
            .filter(|a| st.own.contains_key(*a))
            .map(str::to_owned);
        let alerts = match own {
            Some(a) => st.own.get_mut(&a).unwrap(),
            None => &mut st.alerts,
        };
        match id
            .parse::<u64>()
            .ok()
            .and_then(|id| alerts.iter_mut().find(|a| a.id == id))
        {
            None => reply(404, json!({"message": "Alert not found"})),
            Some(a) if path.ends_with("/close") && a.status == "Closed" => reply(
                400,
                json!({"message": "The action on this alert is not allowed"}),
            ),
            Some(_) if path.ends_with("/close") && refused => {
                reply(400, json!({"message": "Invalid close reason"}))
            }
            Some(a) if path.ends_with("/close") => {
                if let Some(c) = comment.as_str() {
                    a.comments.push(c.to_owned());
                }
                a.set_status("Closed", now);
                no_content()
            }
            // The shape of the vendor's Go SDK fixture (api/alerts_comment_test.go).
            Some(a) => {
                a.comments
                    .push(comment.as_str().unwrap_or_default().to_owned());
                // A comment is a user's update: it moves lastUserUpdatedTime.
                let status = a.status.clone();
                a.set_status(&status, now);
                reply(
                    200,
                    json!({"data": {"id": 38613065, "alertId": a.id, "entryType": "Comment", "entryAuthorType": "UserUpdate", "message": {"value": comment}, "externalTime": "0", "user": {"userGuid": "TESTCORP_USERGUID", "username": "alice@example.com"}, "updateContext": {}}}),
                )
            }
        }
    } else if let Some(id) = path.strip_prefix("/api/v2/Alerts/") {
        details(
            st,
            sub.as_deref(),
            id,
            query(&req.path)
                .get("scope")
                .map(String::as_str)
                .unwrap_or(""),
        )
    } else {
        reply(404, json!({"message": format!("no route {path}")}))
    };
    (with_rate(r, rate), fault)
}

fn token(st: &mut State, req: &Logged) -> Reply {
    let body: Value = serde_json::from_str(&req.body).unwrap_or(Value::Null);
    let key = body["keyId"].as_str().unwrap_or("");
    let secret = req.header("X-LW-UAKS").unwrap_or("");
    let ok = (key == KEY_ID && secret == SECRET)
        || (key == SUB_KEY_ID && secret == SUB_SECRET)
        || (key == FORTI_KEY_ID && secret == FORTI_SECRET);
    if !ok {
        return reply(401, json!({"message": "Invalid credentials"}));
    }
    st.token_exchanges += 1;
    // Random-looking, as real tokens are: a run of one repeated letter would be redacted
    // wherever it stands.
    let token = format!(
        "tok_{:04}_{:024x}",
        st.next_token,
        (st.next_token as u128 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c834) >> 32
    );
    st.next_token += 1;
    let expires = Utc::now() + Duration::seconds(body["expiryTime"].as_i64().unwrap_or(3600));
    st.tokens.insert(token.clone(), (key.to_owned(), expires));
    let expires = expires + st.token_skew;
    let token = st.token_override.clone().unwrap_or(token);
    let format = if st.token_without_millis {
        "%Y-%m-%dT%H:%M:%SZ"
    } else {
        "%Y-%m-%dT%H:%M:%S%.3fZ"
    };
    reply(
        201,
        json!({"token": token, "expiresAt": expires.format(format).to_string()}),
    )
}

fn parse(t: &str) -> Option<DateTime<Utc>> {
    lwctl::time::parse_api_time(t)
}

fn matches(a: &Alert, filters: &[Value]) -> bool {
    filters.iter().all(|f| {
        let field = f["field"].as_str().unwrap_or("");
        let have = match field {
            "severity" => match &a.severity {
                Value::String(s) => s.to_ascii_lowercase(),
                Value::Number(n) => ["", "critical", "high", "medium", "low", "info"]
                    [n.as_u64().unwrap_or(0).min(5) as usize]
                    .to_owned(),
                _ => String::new(),
            },
            "status" => a.status.to_ascii_lowercase(),
            // IDs as the search takes them: strings (numbers too, to be lenient), compared
            // without building the list for every alert (a pass names 1,000).
            "alertId" => {
                let id = a.id.to_string();
                let is = |v: &Value| v.as_str() == Some(id.as_str()) || v.as_u64() == Some(a.id);
                return match f["expression"].as_str() {
                    Some("in") => f["values"].as_array().is_some_and(|vs| vs.iter().any(is)),
                    _ => is(&f["value"]),
                };
            }
            // Names compare as the API does: `eq` exactly, `ilike` in any case.
            "alertType" if f["expression"] == "eq" => {
                return f["value"].as_str() == Some(a.alert_type.as_str())
            }
            "alertType" => a.alert_type.to_ascii_lowercase(),
            _ => return true,
        };
        let values: Vec<String> = match f["expression"].as_str() {
            Some("in") => f["values"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| match v {
                    Value::Number(n) => Some(n.to_string()),
                    v => v.as_str().map(str::to_ascii_lowercase),
                })
                .collect(),
            _ => vec![f["value"].as_str().unwrap_or("").to_ascii_lowercase()],
        };
        values.contains(&have)
    })
}

fn search(
    st: &mut State,
    account: Option<&str>,
    start: &str,
    end: &str,
    filters: Vec<Value>,
) -> Reply {
    let (Some(s), Some(e)) = (parse(start), parse(end)) else {
        return reply(400, json!({"message": "Invalid time format"}));
    };
    if e > st.now() + Duration::seconds(5) {
        return reply(
            400,
            json!({"message": "endTime cannot be after current time"}),
        );
    }
    if e - s > Duration::days(7) {
        return reply(400, json!({"message": "Time range cannot exceed 7 days"}));
    }
    st.searches
        .push((account.map(str::to_owned), s, e, filters.clone()));
    let id = st.searches.len() - 1;
    page_of(st, account, id, s, e, &filters, 0)
}

fn page_of(
    st: &State,
    account: Option<&str>,
    id: usize,
    s: DateTime<Utc>,
    e: DateTime<Utc>,
    filters: &[Value],
    page: usize,
) -> Reply {
    let now = st.now();
    let before_end = |t: DateTime<Utc>| t < e || (st.inclusive_end && t == e);
    let mut rows: Vec<&Alert> = st
        .tenant(account)
        .iter()
        .filter(|a| a.published <= now)
        .filter(|a| match st.time_filter {
            TimeFilter::Start => a.start >= s && before_end(a.start),
            TimeFilter::End => a.end >= s && before_end(a.end),
            TimeFilter::Overlap => a.end >= s && before_end(a.start),
        })
        .filter(|a| matches(a, filters))
        .chain(st.always.iter())
        .collect();
    rows.sort_by_key(|a| (a.start, a.id));
    let capped = st.cap_longer_than.is_some_and(|c| e - s > c);
    let total = if capped { 500_000 } else { rows.len() };
    if capped {
        // The real API stops at the cap: the client must split, not trust this answer.
        rows.truncate(rows.len() / 2);
    }
    let from = page * st.page_size;
    let chunk: Vec<&str> = rows
        .iter()
        .skip(from)
        .take(st.page_size)
        .map(|a| a.json.as_str())
        .collect();
    let more = from + st.page_size < rows.len();
    let next = if more {
        st.foreign_next
            .clone()
            .unwrap_or_else(|| format!("{}/api/v2/Alerts/next/{id}/{}", st.base, page + 1))
    } else {
        String::new()
    };
    if chunk.is_empty() && !capped && !st.empty_as_200 {
        // Lacework's answer to an empty result, on the first page and on a next page alike.
        return no_content();
    }
    let paging = match st.paging {
        _ if more => format!(
            "\"paging\":{{\"rows\":{},\"totalRows\":{total},\"urls\":{{\"nextPage\":\"{next}\"}}}},",
            chunk.len()
        ),
        PagingShape::NullNext => format!(
            "\"paging\":{{\"rows\":{},\"totalRows\":{total},\"urls\":{{\"nextPage\":null}}}},",
            chunk.len()
        ),
        PagingShape::NoUrls => format!(
            "\"paging\":{{\"rows\":{},\"totalRows\":{total}}},",
            chunk.len()
        ),
        PagingShape::Empty => "\"paging\":{},".into(),
        PagingShape::Absent => String::new(),
    };
    let body = format!("{{{paging}\"data\":[{}]}}", chunk.join(","));
    Reply {
        status: 200,
        body,
        content_type: "application/json",
        extra: Vec::new(),
        raw: None,
    }
}

fn details(st: &State, account: Option<&str>, id: &str, scope: &str) -> Reply {
    let Some(a) = id
        .parse::<u64>()
        .ok()
        .and_then(|id| st.tenant(account).iter().find(|a| a.id == id))
    else {
        return reply(404, json!({"message": "Alert not found"}));
    };
    let data = match scope {
        // One object with the entities, as in the vendor's Go SDK fixture
        // (api/alerts_details_test.go).
        "Details" => {
            let mut obj: Value = serde_json::from_str(&a.json).unwrap();
            if obj.get("entityMap").is_none() {
                obj["entityMap"] = json!({"Machine": [{"KEY": {"mid": 1001}, "PROPS": {"hostname": "ip-10-0-1-17.ec2.internal"}}]});
            }
            obj
        }
        "Investigation" => json!([
            {"question": "Is this a known bad IP?", "answer": "Yes"},
            {"question": "Was MFA used?", "answer": "No"}
        ]),
        "Events" => json!([{"EVENT_TYPE": "DNS", "HOSTNAME": "pastebin.example"}]),
        "RelatedAlerts" => {
            json!([{"alertId": a.id + 1, "alertName": "related", "severity": "Low"}])
        }
        // The vendor's shape (api/alerts_details_timeline_test.go), one entry a comment.
        "Timeline" => {
            let mut entries = vec![
                json!({"id": 1, "alertId": a.id, "entryType": "Comment", "entryAuthorType": "UserUpdate", "message": {"value": "looked at it"}, "externalTime": "0", "user": {"username": "alice"}, "updateContext": {}}),
            ];
            for (i, c) in a.comments.iter().enumerate() {
                entries.push(json!({"id": i + 2, "alertId": a.id, "entryType": "Comment", "entryAuthorType": "UserUpdate", "message": {"value": c}, "externalTime": "0", "user": {"username": "alice@example.com"}, "updateContext": {}}));
            }
            Value::Array(entries)
        }
        "ObservationTimeline" => return reply(404, json!({"message": "No data for scope"})),
        // Many alerts have no data for a scope: some answer 204, some an empty list.
        "Integrations" if a.id % 2 == 0 => return no_content(),
        "Integrations" => json!([]),
        _ => return reply(400, json!({"message": "Invalid scope"})),
    };
    reply(200, json!({"data": data}))
}
