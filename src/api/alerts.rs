//! The alerts endpoints: list (plain or filtered search), paging, one alert's scopes.

use super::{Call, Client};
use crate::error::ApiError;
use crate::filter::Filters;
use crate::time::api_time;
use crate::window::Window;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

/// One page of alerts: the body as the server sent it, with its paging read. The alerts are
/// read in place by [`Page::alerts`], each with its bytes as sent; an empty result
/// (`204 No Content`) is the default page: no alerts, no next page.
#[derive(Debug, Default)]
pub struct Page {
    body: Vec<u8>,
    paging: Option<Paging>,
    rows: usize,
    /// Where the body held bytes that are not UTF-8, each replaced by U+FFFD: the alerts
    /// that span one are not taken as they are (see [`Page::damaged`]).
    damaged: Vec<std::ops::Range<usize>>,
}

/// What decoding a page checks and keeps: the paging, and how many alerts `data` holds,
/// counted without keeping them (a hostile page of millions of rows costs no memory).
#[derive(Deserialize)]
struct PageView {
    #[serde(default)]
    data: Option<RowCount>,
    #[serde(default)]
    paging: Option<Paging>,
}

impl PageView {
    fn decode(body: &[u8]) -> Result<(Option<Paging>, usize), serde_json::Error> {
        let v: PageView = serde_json::from_slice(body)?;
        Ok((v.paging, v.data.map_or(0, |d| d.0)))
    }
}

/// The number of elements of a JSON array, each checked to be JSON and then dropped.
struct RowCount(usize);

impl<'de> Deserialize<'de> for RowCount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RowCount, D::Error> {
        struct Count;
        impl<'de> serde::de::Visitor<'de> for Count {
            type Value = RowCount;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of alerts")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RowCount, A::Error> {
                let mut n = 0;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(RowCount(n))
            }
        }
        d.deserialize_seq(Count)
    }
}

/// A page's alerts, borrowed from its body.
#[derive(Deserialize)]
struct PageData<'a> {
    #[serde(borrow, default)]
    data: Option<Vec<&'a RawValue>>,
}

#[derive(Debug, Deserialize, Default)]
pub struct Paging {
    #[serde(default)]
    pub rows: Option<u64>,
    #[serde(default, rename = "totalRows")]
    pub total_rows: Option<u64>,
    #[serde(default)]
    pub urls: Option<PageUrls>,
}

#[derive(Debug, Deserialize, Default)]
pub struct PageUrls {
    #[serde(default, rename = "nextPage")]
    pub next_page: Option<String>,
}

impl Page {
    pub fn next_page(&self) -> Option<&str> {
        self.paging
            .as_ref()?
            .urls
            .as_ref()?
            .next_page
            .as_deref()
            .filter(|s| !s.is_empty())
    }

    pub fn total_rows(&self) -> Option<u64> {
        self.paging.as_ref()?.total_rows
    }

    /// How many alerts the page holds.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The page's alerts, borrowed from its body. The body was decoded once already; should
    /// it not decode now, that is an error, never an empty page.
    pub fn alerts(&self) -> Result<Vec<&RawValue>, ApiError> {
        if self.rows == 0 {
            return Ok(Vec::new());
        }
        let data = serde_json::from_slice::<PageData>(&self.body)
            .map_err(|e| ApiError::Unavailable {
                cause: crate::error::Cause::Decode,
                what: format!("a page of alerts could not be read: {e}"),
                hint: None,
            })?
            .data
            .unwrap_or_default();
        if data.len() != self.rows {
            return Err(ApiError::Unavailable {
                cause: crate::error::Cause::Decode,
                what: format!(
                    "a page of alerts counted {} rows but read {}",
                    self.rows,
                    data.len()
                ),
                hint: None,
            });
        }
        Ok(data)
    }

    /// Whether an alert of this page held bytes that are not UTF-8 (now U+FFFD).
    pub fn damaged(&self, alert: &RawValue) -> bool {
        let start = alert.get().as_ptr() as usize - self.body.as_ptr() as usize;
        let end = start + alert.get().len();
        self.damaged.iter().any(|r| r.start < end && start < r.end)
    }

    /// The body's buffer, to hand back to the client for the next page.
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }
}

/// The body as text, each sequence that is not UTF-8 replaced by U+FFFD, with where each
/// replacement landed.
fn repair(body: &[u8], damaged: &mut Vec<std::ops::Range<usize>>) -> String {
    let mut text = String::with_capacity(body.len() + 16);
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let at = text.len();
            text.push(char::REPLACEMENT_CHARACTER);
            damaged.push(at..text.len());
        }
    }
    text
}

/// The parts of an alert's details: `GET /api/v2/Alerts/{id}?scope=...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "lowercase")]
pub enum Scope {
    Details,
    Investigation,
    Events,
    RelatedAlerts,
    Integrations,
    Timeline,
    ObservationTimeline,
}

impl Scope {
    pub fn api_name(self) -> &'static str {
        match self {
            Scope::Details => "Details",
            Scope::Investigation => "Investigation",
            Scope::Events => "Events",
            Scope::RelatedAlerts => "RelatedAlerts",
            Scope::Integrations => "Integrations",
            Scope::Timeline => "Timeline",
            Scope::ObservationTimeline => "ObservationTimeline",
        }
    }
}

impl Client {
    /// The first page of alerts in `window`: a plain `GET /Alerts` without filters, a
    /// `POST /Alerts/search` with them.
    pub fn alerts_first_page(&self, window: Window, filters: &Filters) -> Result<Page, ApiError> {
        let (start, end) = (api_time(window.start), api_time(window.end));
        let call = if filters.is_empty() {
            let mut url = self.url("api/v2/Alerts");
            url.query_pairs_mut()
                .append_pair("startTime", &start)
                .append_pair("endTime", &end);
            Call::get(url)
        } else {
            let body = json!({
                "timeFilter": {"startTime": start, "endTime": end},
                "filters": filters.search_filters(),
            });
            Call::post(self.url("api/v2/Alerts/search"), body, true)
        };
        self.page(call)
    }

    /// The first page of those of `ids` whose `startTime` lies in `window`, with only the
    /// `returns` fields when given: `POST /Alerts/search` with an `alertId in` filter, which
    /// reads many alerts for one request instead of one each.
    pub fn alerts_with_ids(
        &self,
        window: Window,
        ids: &[u64],
        returns: Option<&[&str]>,
    ) -> Result<Page, ApiError> {
        let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
        let mut body = json!({
            "timeFilter": {"startTime": api_time(window.start), "endTime": api_time(window.end)},
            "filters": [{"field": "alertId", "expression": "in", "values": ids}],
        });
        if let Some(fields) = returns {
            body["returns"] = json!(fields);
        }
        self.page(Call::post(self.url("api/v2/Alerts/search"), body, true))
    }

    /// Follows a `nextPage` link, only on the API's own origin.
    pub fn alerts_next_page(&self, link: &str) -> Result<Page, ApiError> {
        let url = self.same_origin(link)?;
        self.page(Call::get(url))
    }

    /// One page. A body that is not UTF-8 is read with each bad sequence replaced, so one
    /// damaged alert costs only itself; one that does not parse is an error, retried like any
    /// malformed answer, never an empty page.
    fn page(&self, call: Call) -> Result<Page, ApiError> {
        let mut damaged = Vec::new();
        let decode = |body: &[u8]| match std::str::from_utf8(body) {
            Ok(_) => PageView::decode(body),
            Err(_) => PageView::decode(repair(body, &mut Vec::new()).as_bytes()),
        };
        Ok(match self.send(call, decode)? {
            Some((paging, rows)) => {
                let mut body = self.take_body();
                if std::str::from_utf8(&body).is_err() {
                    body = repair(&body, &mut damaged).into_bytes();
                }
                Page {
                    body,
                    paging,
                    rows,
                    damaged,
                }
            }
            None => Page::default(),
        })
    }

    /// One scope of one alert's details: the `data` of the answer. A scope with no data (`404`
    /// or `204 No Content`) is [`ApiError::NotFound`].
    pub fn alert_scope(&self, id: u64, scope: Scope) -> Result<Value, ApiError> {
        #[derive(Deserialize)]
        struct Answer {
            #[serde(default)]
            data: Value,
        }
        let mut url = self.url(&format!("api/v2/Alerts/{id}"));
        url.query_pairs_mut().append_pair("scope", scope.api_name());
        let path = format!("{}?{}", url.path(), url.query().unwrap_or_default());
        let scope = scope.api_name();
        match self.get_url::<Answer>(url) {
            Ok(Some(a)) => Ok(a.data),
            Ok(None) => Err(ApiError::NotFound {
                status: 204,
                path,
                message: format!("alert {id} has no {scope} data"),
            }),
            Err(ApiError::NotFound { status, path, .. }) => Err(ApiError::NotFound {
                status,
                path,
                message: format!("alert {id} does not exist, or has no {scope} data"),
            }),
            Err(e) => Err(e),
        }
    }
}

/// Why an alert is closed, as the API numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseReason {
    Other = 0,
    FalsePositive = 1,
    NotEnoughInformation = 2,
    MaliciousResolved = 3,
    ExpectedTesting = 4,
    ExpectedBehavior = 5,
}

impl CloseReason {
    const ALL: [(CloseReason, &'static str, &'static str); 6] = [
        (CloseReason::Other, "other", "Other"),
        (
            CloseReason::FalsePositive,
            "false-positive",
            "False positive",
        ),
        (
            CloseReason::NotEnoughInformation,
            "not-enough-info",
            "Not enough information",
        ),
        (
            CloseReason::MaliciousResolved,
            "malicious-resolved",
            "Malicious and have resolution in place",
        ),
        (
            CloseReason::ExpectedTesting,
            "routine-testing",
            "Expected because of routine testing",
        ),
        (
            CloseReason::ExpectedBehavior,
            "expected-behavior",
            "Expected behavior",
        ),
    ];

    /// `0`..`5`, or a name such as `false-positive` (any case, `-`, `_` or spaces).
    /// `expected-testing`, the name of earlier versions, still means 4.
    pub fn parse(v: &str) -> Result<CloseReason, String> {
        let mut norm = v.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        if norm == "expected-testing" {
            norm = "routine-testing".into();
        }
        Self::ALL
            .iter()
            .find(|(r, name, _)| norm == *name || norm == (*r as u8).to_string())
            .map(|(r, _, _)| *r)
            .ok_or_else(|| {
                let names: Vec<String> = Self::ALL
                    .iter()
                    .map(|(r, name, _)| format!("{} {name}", *r as u8))
                    .collect();
                format!("unknown reason '{v}' (use one of: {})", names.join(", "))
            })
    }

    pub fn label(self) -> &'static str {
        Self::ALL[self as usize].2
    }

    /// The name it is typed as (`false-positive`).
    pub fn name(self) -> &'static str {
        Self::ALL[self as usize].1
    }
}

impl Client {
    /// `POST /api/v2/Alerts/{id}/comment`.
    pub fn comment_alert(&self, id: u64, comment: &str) -> Result<Value, ApiError> {
        self.post_action(
            &format!("api/v2/Alerts/{id}/comment"),
            &json!({"comment": comment}),
        )
    }

    /// `POST /api/v2/Alerts/{id}/close`. A closed alert cannot be reopened.
    pub fn close_alert(
        &self,
        id: u64,
        reason: CloseReason,
        comment: Option<&str>,
    ) -> Result<Value, ApiError> {
        let mut body = json!({"reason": reason as u8});
        if let Some(c) = comment {
            body["comment"] = json!(c);
        }
        self.post_action(&format!("api/v2/Alerts/{id}/close"), &body)
    }
}
