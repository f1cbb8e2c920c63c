//! The CloudTrail-for-Organizations account mapping file: which Lacework account receives the
//! alerts of which AWS account. No I/O: parse, check, route.

use serde_json::Value;
use std::collections::BTreeMap;

/// A checked mapping: Lacework account names lower-cased, AWS accounts to their Lacework account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub default_account: String,
    /// AWS account id → Lacework account.
    pub routes: BTreeMap<String, String>,
    /// Lacework accounts named in `integration_mappings`, in file order.
    pub accounts: Vec<String>,
}

/// Where an AWS account's alerts go, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route<'a> {
    pub lacework_account: &'a str,
    pub explicit: bool,
}

impl Mapping {
    /// Parses and checks the file's JSON. Every problem found is returned, not just the first.
    pub fn parse(text: &str) -> Result<Mapping, Vec<String>> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| vec![format!("not valid JSON: {e}")])?;
        let mut problems = Vec::new();
        let Some(obj) = doc.as_object() else {
            return Err(vec!["the mapping must be a JSON object".into()]);
        };
        // A JSON object keeps the last of two equal keys: an account listed twice would lose
        // the first list of AWS accounts without a word.
        #[derive(serde::Deserialize)]
        struct Raw {
            #[serde(default)]
            integration_mappings: Option<KeyList>,
        }
        if let Ok(Raw {
            integration_mappings: Some(KeyList(keys)),
        }) = serde_json::from_str::<Raw>(text)
        {
            let mut seen = std::collections::HashSet::new();
            for k in keys {
                if !seen.insert(k.clone()) {
                    problems.push(format!(
                        "Lacework account {k:?} appears twice in integration_mappings; merge its aws_accounts into one entry"
                    ));
                }
            }
        }
        let default_account = match obj.get("defaultLaceworkAccountAws") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_ascii_lowercase(),
            Some(_) => {
                problems.push("defaultLaceworkAccountAws must be a non-empty string".into());
                String::new()
            }
            None => {
                problems.push("defaultLaceworkAccountAws is missing (alerts of unmapped AWS accounts need a home)".into());
                String::new()
            }
        };
        let mut routes = BTreeMap::new();
        let mut accounts: Vec<String> = Vec::new();
        match obj.get("integration_mappings") {
            Some(Value::Object(m)) => {
                for (lw, entry) in m {
                    let name = lw.trim().to_ascii_lowercase();
                    if accounts.contains(&name) {
                        problems.push(format!(
                            "Lacework account {lw:?} appears twice (names are not case-sensitive)"
                        ));
                    }
                    accounts.push(name.clone());
                    let Some(list) = entry.get("aws_accounts") else {
                        problems.push(format!(
                            "integration_mappings.{lw} has no aws_accounts list"
                        ));
                        continue;
                    };
                    let Some(list) = list.as_array() else {
                        problems.push(format!(
                            "integration_mappings.{lw}.aws_accounts must be a list"
                        ));
                        continue;
                    };
                    for id in list {
                        let id = match id {
                            Value::String(s) => s.trim().to_owned(),
                            Value::Number(n) => n.to_string(),
                            other => {
                                problems.push(format!(
                                    "integration_mappings.{lw}: {other} is not an AWS account id"
                                ));
                                continue;
                            }
                        };
                        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
                            problems.push(format!(
                                "integration_mappings.{lw}: {id:?} is not a 12-digit AWS account id"
                            ));
                            continue;
                        }
                        if let Some(prev) = routes.insert(id.clone(), name.clone()) {
                            problems.push(format!(
                                "AWS account {id} is mapped to both {prev} and {name}"
                            ));
                        }
                    }
                }
            }
            Some(_) => problems.push("integration_mappings must be an object".into()),
            None => problems.push("integration_mappings is missing".into()),
        }
        if problems.is_empty() {
            Ok(Mapping {
                default_account,
                routes,
                accounts,
            })
        } else {
            Err(problems)
        }
    }

    /// The Lacework account that receives an AWS account's CloudTrail alerts.
    pub fn route(&self, aws_account: &str) -> Route<'_> {
        match self.routes.get(aws_account.trim()) {
            Some(lw) => Route {
                lacework_account: lw,
                explicit: true,
            },
            None => Route {
                lacework_account: &self.default_account,
                explicit: false,
            },
        }
    }
}

/// The keys of a JSON object, in order, duplicates kept; the values are skipped.
struct KeyList(Vec<String>);

impl<'de> serde::Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeyList, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(k);
                }
                Ok(KeyList(keys))
            }
        }
        d.deserialize_map(Keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
        "defaultLaceworkAccountAws": "Prod",
        "integration_mappings": {
            "dev": {"aws_accounts": ["111111111111", "222222222222"]},
            "SEC": {"aws_accounts": ["333333333333"]}
        }
    }"#;

    #[test]
    fn routes_explicitly_or_to_the_default() {
        let m = Mapping::parse(GOOD).unwrap();
        assert_eq!(
            m.route("222222222222"),
            Route {
                lacework_account: "dev",
                explicit: true
            }
        );
        assert_eq!(m.route("333333333333").lacework_account, "sec");
        assert_eq!(
            m.route("999999999999"),
            Route {
                lacework_account: "prod",
                explicit: false
            }
        );
        assert_eq!(m.accounts, ["dev", "sec"]);
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = r#"{"integration_mappings": {
            "a": {"aws_accounts": ["111111111111", "12345"]},
            "A": {"aws_accounts": ["111111111111"]},
            "b": {}
        }}"#;
        let problems = Mapping::parse(bad).unwrap_err();
        let all = problems.join("\n");
        for expected in [
            "defaultLaceworkAccountAws is missing",
            "\"12345\" is not a 12-digit",
            "appears twice",
            "mapped to both",
            "b has no aws_accounts",
        ] {
            assert!(all.contains(expected), "{expected} in\n{all}");
        }
        assert!(Mapping::parse("[]").is_err());
        assert!(Mapping::parse("{").is_err());
    }

    #[test]
    fn an_account_listed_twice_is_an_error() {
        let text = r#"{"defaultLaceworkAccountAws": "a", "integration_mappings": {"b": {"aws_accounts": ["111111111111"]}, "b": {"aws_accounts": ["222222222222"]}}}"#;
        let problems = Mapping::parse(text).unwrap_err();
        assert!(
            problems[0].contains("\"b\" appears twice in integration_mappings"),
            "{problems:?}"
        );
    }
}
