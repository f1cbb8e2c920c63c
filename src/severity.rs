//! Lacework severities and the SOC's severity ladder.
//!
//! Lacework names severities (`"Critical"` .. `"Info"`); older exports and some connectors give the
//! numbers 1–5 instead. Both spellings, in any case, map onto one five-level [`Severity`].

use std::fmt;

/// One of Lacework's five severity levels, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Critical = 1,
    High = 2,
    Medium = 3,
    Low = 4,
    Info = 5,
}

/// How many rungs the normalized `severity` field has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ladder {
    /// The connector's ladder: `high`, `medium`, `low`, `info` (critical folds into high).
    #[default]
    Four,
    /// Keeps `critical` as its own rung.
    Five,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// Parses a number (1–5, also as a string, or an integral float like `2.0`) or a name in any
    /// case (`Critical`, `high`, `INFO`, `Informational`). Surrounding whitespace is ignored.
    pub fn parse(value: &str) -> Option<Severity> {
        let v = value.trim();
        let by_number = |n: u64| match n {
            1 => Some(Severity::Critical),
            2 => Some(Severity::High),
            3 => Some(Severity::Medium),
            4 => Some(Severity::Low),
            5 => Some(Severity::Info),
            _ => None,
        };
        if let Ok(n) = v.parse::<u64>() {
            return by_number(n);
        }
        if v.bytes().any(|b| b.is_ascii_digit()) {
            return match v.parse::<f64>() {
                Ok(f) if f.fract() == 0.0 && (1.0..=5.0).contains(&f) => by_number(f as u64),
                _ => None,
            };
        }
        const NAMES: [(&str, Severity); 6] = [
            ("critical", Severity::Critical),
            ("high", Severity::High),
            ("medium", Severity::Medium),
            ("low", Severity::Low),
            ("info", Severity::Info),
            ("informational", Severity::Info),
        ];
        NAMES
            .iter()
            .find(|(name, _)| v.eq_ignore_ascii_case(name))
            .map(|&(_, s)| s)
    }

    /// The name on the chosen ladder, as the normalized event's `severity`.
    pub fn ladder_name(self, ladder: Ladder) -> &'static str {
        match (self, ladder) {
            (Severity::Critical, Ladder::Five) => "critical",
            (Severity::Critical, Ladder::Four) | (Severity::High, _) => "high",
            (Severity::Medium, _) => "medium",
            (Severity::Low, _) => "low",
            (Severity::Info, _) => "info",
        }
    }

    /// The spelling the Lacework API uses, for server-side filters.
    pub fn api_name(self) -> &'static str {
        match self {
            Severity::Critical => "Critical",
            Severity::High => "High",
            Severity::Medium => "Medium",
            Severity::Low => "Low",
            Severity::Info => "Info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ladder_name(Ladder::Five))
    }
}

/// What `--severity` selects: `high` is a threshold (high and above), `critical,low` an exact set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityFilter {
    /// Bit `s as usize` set for each selected severity.
    mask: u8,
}

impl SeverityFilter {
    pub fn parse(value: &str) -> Result<SeverityFilter, String> {
        let parts: Vec<&str> = value.split(',').map(str::trim).collect();
        let mut mask = 0u8;
        for part in &parts {
            let s = Severity::parse(part).ok_or_else(|| {
                format!("unknown severity '{part}' (use critical, high, medium, low or info)")
            })?;
            mask |= 1 << s as u8;
        }
        if parts.len() == 1 {
            // A single level is a threshold: it and everything more severe.
            let level = Severity::parse(parts[0]).expect("parsed above") as u8;
            mask = (1..=level).fold(0, |m, l| m | 1 << l);
        }
        Ok(SeverityFilter { mask })
    }

    pub fn matches(&self, s: Severity) -> bool {
        self.mask & (1 << s as u8) != 0
    }

    pub fn selected(&self) -> impl Iterator<Item = Severity> + '_ {
        Severity::ALL.into_iter().filter(|s| self.matches(*s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_input_maps() {
        let four = |v: &str| Severity::parse(v).map(|s| s.ladder_name(Ladder::Four));
        let five = |v: &str| Severity::parse(v).map(|s| s.ladder_name(Ladder::Five));
        for (input, l4, l5) in [
            ("1", "high", "critical"),
            ("2", "high", "high"),
            ("3", "medium", "medium"),
            ("4", "low", "low"),
            ("5", "info", "info"),
            ("Critical", "high", "critical"),
            ("CRITICAL", "high", "critical"),
            ("High", "high", "high"),
            ("high", "high", "high"),
            ("Medium", "medium", "medium"),
            ("mEdIuM", "medium", "medium"),
            ("Low", "low", "low"),
            ("Info", "info", "info"),
            ("Informational", "info", "info"),
            ("INFORMATIONAL", "info", "info"),
            (" 3 ", "medium", "medium"),
            ("2.0", "high", "high"),
        ] {
            assert_eq!(four(input), Some(l4), "{input} on the 4-rung ladder");
            assert_eq!(five(input), Some(l5), "{input} on the 5-rung ladder");
        }
    }

    #[test]
    fn unknown_values_do_not_map() {
        for input in [
            "", "0", "6", "-1", "2.5", "severe", "hi", "1e0x", "NaN", "inf",
        ] {
            assert_eq!(Severity::parse(input), None, "{input:?}");
        }
    }

    #[test]
    fn single_level_is_a_threshold_and_a_list_is_exact() {
        let high = SeverityFilter::parse("high").unwrap();
        assert_eq!(
            high.selected().collect::<Vec<_>>(),
            [Severity::Critical, Severity::High]
        );
        let set = SeverityFilter::parse("critical, low").unwrap();
        assert_eq!(
            set.selected().collect::<Vec<_>>(),
            [Severity::Critical, Severity::Low]
        );
        let info = SeverityFilter::parse("info").unwrap();
        assert_eq!(info.selected().count(), 5);
        assert!(SeverityFilter::parse("urgent").is_err());
    }
}
