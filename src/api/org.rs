//! Who this key is: `GET /api/v2/UserProfile`.

use super::Client;
use crate::error::ApiError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct UserProfile {
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default, rename = "orgAccount")]
    pub org_account: Option<bool>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, rename = "orgAdmin")]
    pub org_admin: Option<bool>,
    #[serde(default, rename = "orgUser")]
    pub org_user: Option<bool>,
    #[serde(default)]
    pub accounts: Vec<AccountAccess>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AccountAccess {
    #[serde(rename = "accountName")]
    pub account_name: String,
    #[serde(default)]
    pub admin: Option<bool>,
    #[serde(default, rename = "custGuid")]
    pub cust_guid: Option<String>,
    #[serde(default, rename = "userGuid")]
    pub user_guid: Option<String>,
    #[serde(default, rename = "userEnabled")]
    pub user_enabled: Option<serde_json::Value>,
}

impl AccountAccess {
    pub fn enabled(&self) -> bool {
        match &self.user_enabled {
            Some(serde_json::Value::Number(n)) => n.as_u64() != Some(0),
            Some(serde_json::Value::Bool(b)) => *b,
            _ => true,
        }
    }
}

impl Client {
    /// The accounts (primary and subaccounts) this key's user can reach.
    pub fn user_profile(&self) -> Result<Vec<UserProfile>, ApiError> {
        #[derive(Deserialize)]
        struct Answer {
            #[serde(default)]
            data: Vec<UserProfile>,
        }
        Ok(self.get::<Answer>("api/v2/UserProfile")?.data)
    }

    /// UserProfile as this key can ask it: without `Account-Name` first (what the key
    /// reaches); a key made inside a subaccount is refused that (403), so it is asked again
    /// inside the subaccount named. `Account-Name` is as before afterwards.
    pub fn reachable_profiles(&self) -> Result<Vec<UserProfile>, ApiError> {
        let current = self.subaccount();
        self.use_account(None);
        let asked = match self.user_profile() {
            Err(ApiError::Forbidden { .. })
                if current.is_some() || self.credentials().subaccount.is_some() =>
            {
                let sub = current.clone().or(self.credentials().subaccount.clone());
                self.use_account(sub.as_deref());
                self.user_profile().map_err(|e| match e {
                    ApiError::Forbidden { path, message, .. } => ApiError::Forbidden {
                        path,
                        message,
                        hint: Some(format!(
                            "UserProfile refused this key without Account-Name and in '{}': a key made inside a subaccount answers only there; pass --subaccount with the key file's subAccount (`lwctl configure --json-file KEY.json` imports it)",
                            sub.as_deref().unwrap_or_default()
                        )),
                    },
                    other => other,
                })
            }
            other => other,
        };
        self.use_account(current.as_deref());
        if let Ok(profiles) = &asked {
            *self.reachable.borrow_mut() = Some(
                profiles
                    .iter()
                    .flat_map(|p| p.accounts.iter())
                    .filter(|a| a.enabled())
                    .map(|a| a.account_name.to_ascii_lowercase())
                    .collect(),
            );
        }
        asked
    }

    /// The enabled accounts the key reaches, lower-case; asked once a run.
    pub fn reachable_names(&self) -> Option<Vec<String>> {
        if let Some(names) = self.reachable.borrow().as_ref() {
            return Some(names.clone());
        }
        if self.explaining.replace(true) {
            return None;
        }
        let _ = self.reachable_profiles();
        self.explaining.set(false);
        self.reachable.borrow().clone()
    }

    /// What a 403 in subaccount `sub` most likely means, from the accounts the key reaches.
    pub fn forbidden_hint(&self, sub: &str) -> Option<String> {
        let names = self.reachable_names()?;
        let sub = sub.to_ascii_lowercase();
        Some(match names.as_slice() {
            [] => "UserProfile lists no account this key reaches: check the user in the Lacework console".into(),
            [own] if *own != sub => format!(
                "this key was made inside {own} and reaches only it: add --subaccount {own} (or use a key made on the primary account to reach {sub})"
            ),
            all if all.contains(&sub) => format!(
                "the key reaches {sub}, but its user may not read this there: check the user's role in {sub}"
            ),
            all => format!(
                "{sub} is not among the accounts this key reaches: {} (`lwctl org accounts` lists them)",
                all.join(", ")
            ),
        })
    }
}
