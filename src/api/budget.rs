//! The rate budget as the server reports it. Lacework allows 480 requests an hour per user and
//! per API function (a token bucket), and says where a user stands in `RateLimit-Limit`,
//! `RateLimit-Remaining` and `RateLimit-Reset` (seconds) on every answer. Every subaccount
//! reached with one key draws on the same bucket, so a run over many accounts paces itself
//! from these headers instead of running into 429.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The API function a path draws on: `/api/v2/Alerts/search` and `/api/v2/Alerts/next/..` are
/// `Alerts`, like `/api/v2/Alerts`.
pub fn function(path: &str) -> &str {
    let rest = path.strip_prefix("/api/v2/").unwrap_or(path);
    rest.split('/').next().unwrap_or(rest)
}

/// One function's budget as of the last answer that reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    /// Seconds until the budget is whole again, as of `at`.
    pub reset: Option<u64>,
    pub at: Instant,
    /// The shortest time one request's worth took to refill, over every answer seen: the
    /// reset is in whole seconds, so each answer overstates it, the more so the less is spent.
    pub per_request: Option<Duration>,
}

impl Budget {
    /// How long one request's worth of budget takes to come back: the spent part refills by
    /// the reset, so the rate is `spent / reset`; without the headers, Lacework's documented
    /// 480 an hour.
    pub fn refill_interval(&self) -> Duration {
        let limit = self.limit.unwrap_or(480);
        self.per_request
            .or_else(|| self.observed())
            .unwrap_or_else(|| {
                Duration::from_secs(3600) / u32::try_from(limit.max(1)).unwrap_or(u32::MAX)
            })
    }

    /// One request's refill time as this answer alone tells it.
    fn observed(&self) -> Option<Duration> {
        let spent = self
            .limit?
            .checked_sub(self.remaining?)
            .filter(|s| *s > 0)?;
        let reset = self.reset.filter(|r| *r > 0)?;
        Some(Duration::from_secs(reset) / u32::try_from(spent).unwrap_or(u32::MAX))
    }

    /// How long to wait, at `now`, before the next request when `ahead` more are planned.
    /// The budget is spent freely down to a tenth of it, kept for people using the console and
    /// the CLI; below that, requests go at the rate it refills (one request's refill time since
    /// the answer that reported it). Refilling is continuous while the budget is not whole, so
    /// spending first and then pacing finishes as soon as pacing all along would, without
    /// running into 429. A run of one account (`ahead` 0) waits only when nothing is left.
    pub fn wait(&self, now: Instant, ahead: u64) -> Duration {
        let Some(remaining) = self.remaining else {
            return Duration::ZERO;
        };
        let reserve = if ahead == 0 {
            0
        } else {
            (self.limit.unwrap_or(480) / 10).max(1)
        };
        if remaining > reserve {
            return Duration::ZERO;
        }
        self.refill_interval()
            .saturating_sub(now.saturating_duration_since(self.at))
    }
}

/// The budgets seen, per function.
#[derive(Debug, Default)]
pub struct Budgets {
    by_function: HashMap<String, Budget>,
}

impl Budgets {
    pub fn note(
        &mut self,
        function: &str,
        limit: Option<u64>,
        remaining: Option<u64>,
        reset: Option<u64>,
    ) {
        if limit.is_none() && remaining.is_none() && reset.is_none() {
            return;
        }
        let mut budget = Budget {
            limit,
            remaining,
            reset,
            at: Instant::now(),
            per_request: None,
        };
        let before = self.by_function.get(function).and_then(|b| b.per_request);
        budget.per_request = match (before, budget.observed()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.by_function.insert(function.to_owned(), budget);
    }

    pub fn get(&self, function: &str) -> Option<Budget> {
        self.by_function.get(function).copied()
    }
}

/// How a key's budget fits polls of many accounts: the arithmetic of `lwctl org plan`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// Requests an hour the function allows.
    pub limit: u64,
    /// Requests one account's poll makes (pages per poll, at least 1).
    pub per_poll: f64,
    pub every: Duration,
    /// `--track-status`: requests an hour one account's passes take (its searches per pass
    /// times the passes an hour), whatever the cadence of the polls.
    pub track_per_hour: f64,
}

impl Plan {
    /// Polls of one account an hour.
    fn polls_an_hour(&self) -> f64 {
        3600.0 / self.every.as_secs_f64().max(1.0)
    }

    /// Requests an hour one account takes at this cadence.
    fn per_account(&self) -> f64 {
        self.per_poll * self.polls_an_hour() + self.track_per_hour
    }

    /// Requests an hour `accounts` take at this cadence.
    pub fn needed(&self, accounts: u64) -> f64 {
        accounts as f64 * self.per_account()
    }

    /// How many accounts fit at this cadence.
    pub fn fit(&self) -> u64 {
        (self.limit as f64 / self.per_account() + 1e-9).floor() as u64
    }

    /// The shortest cadence, in whole seconds, at which `accounts` fit; `None` when their
    /// tracking passes alone spend the whole budget.
    pub fn shortest_every(&self, accounts: u64) -> Option<Duration> {
        let room = self.limit.max(1) as f64 - accounts as f64 * self.track_per_hour;
        if room <= 0.0 {
            return None;
        }
        let secs = accounts as f64 * self.per_poll * 3600.0 / room;
        Some(Duration::from_secs((secs - 1e-9).ceil().max(1.0) as u64))
    }

    /// Requests an hour left for people (the console, the CLI) when `accounts` are polled.
    pub fn left(&self, accounts: u64) -> f64 {
        self.limit as f64 - self.needed(accounts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(limit: u64, remaining: u64, reset: u64) -> Budget {
        Budget {
            limit: Some(limit),
            remaining: Some(remaining),
            reset: Some(reset),
            at: Instant::now(),
            per_request: None,
        }
    }

    #[test]
    fn functions() {
        assert_eq!(function("/api/v2/Alerts"), "Alerts");
        assert_eq!(function("/api/v2/Alerts/search"), "Alerts");
        assert_eq!(function("/api/v2/Alerts/next/3/1"), "Alerts");
        assert_eq!(function("/api/v2/UserProfile"), "UserProfile");
    }

    #[test]
    fn spends_down_to_a_tenth_then_goes_at_the_refill_rate() {
        let b = budget(480, 100, 2850);
        let now = b.at;
        assert_eq!(b.wait(now, 500), Duration::ZERO);
        // 48 is the tenth kept for people: from there on, one request a refill.
        let low = budget(480, 48, 3240);
        let now = low.at;
        // 432 spent refill in 3240 s: one every 7.5 s, Lacework's 480 an hour.
        assert_eq!(low.wait(now, 100), Duration::from_millis(7500));
        assert_eq!(
            low.wait(now + Duration::from_secs(5), 100),
            Duration::from_millis(2500)
        );
        assert_eq!(low.wait(now + Duration::from_secs(9), 100), Duration::ZERO);
        // One account's run spends it all, and waits only when nothing is left.
        assert_eq!(low.wait(now, 0), Duration::ZERO);
        assert_eq!(
            budget(480, 0, 3600).wait(now, 0),
            Duration::from_millis(7500)
        );
        let bare = Budget {
            limit: None,
            remaining: None,
            reset: None,
            at: now,
            per_request: None,
        };
        assert_eq!(bare.wait(now, 1000), Duration::ZERO);
    }

    #[test]
    fn the_refill_estimate_keeps_the_best_answer() {
        let mut budgets = Budgets::default();
        // 20 a bucket, one back every 40 ms: whole-second resets overstate it.
        budgets.note("Alerts", Some(20), Some(19), Some(1));
        assert_eq!(
            budgets.get("Alerts").unwrap().refill_interval(),
            Duration::from_secs(1)
        );
        budgets.note("Alerts", Some(20), Some(0), Some(1));
        assert_eq!(
            budgets.get("Alerts").unwrap().refill_interval(),
            Duration::from_millis(50)
        );
        budgets.note("Alerts", Some(20), Some(18), Some(1));
        assert_eq!(
            budgets.get("Alerts").unwrap().refill_interval(),
            Duration::from_millis(50)
        );
    }

    #[test]
    fn plan_arithmetic() {
        let at = |m: u64| Plan {
            limit: 480,
            per_poll: 1.0,
            every: Duration::from_secs(m * 60),
            track_per_hour: 0.0,
        };
        assert_eq!(at(5).fit(), 40);
        assert_eq!(at(15).fit(), 120);
        assert_eq!(at(5).shortest_every(40), Some(Duration::from_secs(300)));
        assert_eq!(at(5).shortest_every(60), Some(Duration::from_secs(450)));
        assert_eq!(at(5).shortest_every(100), Some(Duration::from_secs(750)));
        assert_eq!(at(15).left(60), 240.0);
        assert_eq!(at(5).left(100), -720.0);
        let two_pages = Plan {
            per_poll: 2.0,
            ..at(15)
        };
        assert_eq!(two_pages.fit(), 60);
        // --track-status: 2 searches a pass, hourly, on top of the polls every 5 minutes: 14
        // requests an hour each, so 34 fit; 100 accounts' passes alone take 200 of the 480.
        let tracking = Plan {
            track_per_hour: 2.0,
            ..at(5)
        };
        assert_eq!(tracking.fit(), 34);
        assert_eq!(tracking.needed(100), 1400.0);
        assert_eq!(
            tracking.shortest_every(100),
            Some(Duration::from_secs(1286))
        );
        assert_eq!(tracking.shortest_every(240), None);
    }
}
