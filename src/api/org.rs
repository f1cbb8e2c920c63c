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
}
