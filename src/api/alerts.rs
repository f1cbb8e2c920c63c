//! The alerts endpoints: list (plain or filtered search), paging, one alert's scopes.

use super::Client;
use crate::error::ApiError;
use crate::filter::Filters;
use crate::time::api_time;
use crate::window::Window;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

/// One page of alerts. `data` keeps each alert's bytes as the server sent them.
#[derive(Debug, Deserialize)]
pub struct Page {
    #[serde(default)]
    pub data: Option<Vec<Box<RawValue>>>,
    #[serde(default)]
    pub paging: Option<Paging>,
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
}

/// The parts of an alert's details: `GET /api/v2/Alerts/{id}?scope=...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
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
        if filters.is_empty() {
            self.get(&format!("api/v2/Alerts?startTime={start}&endTime={end}"))
        } else {
            let body = json!({
                "timeFilter": {"startTime": start, "endTime": end},
                "filters": filters.search_filters(),
            });
            self.post("api/v2/Alerts/search", &body, true)
        }
    }

    /// Follows a `nextPage` link, only on the API's own origin.
    pub fn alerts_next_page(&self, link: &str) -> Result<Page, ApiError> {
        let url = self.same_origin(link)?;
        self.get_url(url)
    }

    /// One scope of one alert's details: the `data` of the answer.
    pub fn alert_scope(&self, id: u64, scope: Scope) -> Result<Value, ApiError> {
        #[derive(Deserialize)]
        struct Answer {
            #[serde(default)]
            data: Value,
        }
        let a: Answer = self.get(&format!("api/v2/Alerts/{id}?scope={}", scope.api_name()))?;
        Ok(a.data)
    }
}
