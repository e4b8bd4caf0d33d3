//! Seed files: the accounts a sandbox starts with.
//!
//! ```json
//! {
//!   "tenants": [
//!     {"name": "acme", "users": [{"userName": "jdoe", "emails": [{"value": "jdoe@example.com"}]}]},
//!     {"name": "globex", "users": []}
//!   ],
//!   "personalAccounts": [
//!     {"userName": "jane", "emails": [{"value": "jane@example.com"}]}
//!   ]
//! }
//! ```
//!
//! Users are SCIM User objects (an `id` is kept if given). `personalAccounts` belong to no
//! tenant, like a person's own account on a service: they hold their userName and emails
//! where the provider's uniqueness reaches across the service, but no tenant can see them.

use std::path::Path;

use serde::Deserialize;

use super::store::{Refusal, Store};
use crate::scim::model::User;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Seed {
    #[serde(default)]
    pub tenants: Vec<SeedTenant>,
    #[serde(default)]
    pub personal_accounts: Vec<User>,
    /// Free text for people reading the file.
    #[serde(default, rename = "description")]
    _description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedTenant {
    pub name: String,
    /// Each user's JSON, parsed one at a time while seeding: 100,000 parsed users at once
    /// would take ~230 MB and leave the heap fragmented once freed.
    #[serde(default)]
    pub users: Vec<Box<serde_json::value::RawValue>>,
}

impl Seed {
    pub fn read(path: &Path) -> Result<Seed, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the seed file {}: {e}", path.display()))?;
        Seed::parse(&text)
            .map_err(|e| format!("the seed file {} is not valid: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Seed, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn tenant_names(&self) -> impl Iterator<Item = &str> {
        self.tenants.iter().map(|t| t.name.as_str())
    }

    /// Creates every account under the store's rules; a seed that breaks them is an error
    /// naming the account, not a silently different sandbox.
    pub fn apply(self, store: &mut Store) -> Result<usize, String> {
        let mut created = 0;
        let describe = |refusal: Refusal| match refusal {
            Refusal::Taken { attribute, value } => {
                format!("{attribute} '{value}' is already held by another seeded account")
            }
            Refusal::Invalid { detail, .. } => detail,
            other => format!("{other:?}"),
        };
        for account in self.personal_accounts {
            let name = account.user_name().to_string();
            store
                .create(None, account)
                .map_err(|r| format!("personal account '{}': {}", name, describe(r)))?;
            created += 1;
        }
        for tenant in self.tenants {
            store.add_tenant(&tenant.name);
            for (n, raw) in tenant.users.into_iter().enumerate() {
                let user: User = serde_json::from_str(raw.get()).map_err(|e| {
                    format!(
                        "user #{} of tenant {} is not valid: {e}",
                        n + 1,
                        tenant.name
                    )
                })?;
                drop(raw);
                let name = user.user_name().to_string();
                store.create(Some(&tenant.name), user).map_err(|r| {
                    format!(
                        "user #{} ('{}') of tenant {}: {}",
                        n + 1,
                        name,
                        tenant.name,
                        describe(r)
                    )
                })?;
                created += 1;
            }
        }
        Ok(created)
    }
}
