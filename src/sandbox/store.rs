//! The sandbox's accounts, their indexes, and the provider's rules for what may collide.
//!
//! Pure data: no HTTP, no files. Every write goes through `check` (uniqueness and mutability
//! under the provider's rules) before it changes anything, so a refused write changes nothing.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use scim_v2::filter::{AttrExp, AttrPath, CompValue, CompareOp, Filter, ValFilter};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::matching::matches;
use crate::clock::now_rfc3339;
use crate::provider::{Provider, Scope};
use crate::scim::compare::fold;
use crate::scim::model::{USER_SCHEMA, User};

/// One account: a user in a tenant, or a person's own account outside every tenant (which
/// holds its userName and emails service-wide but no tenant's token can see).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "AccountRepr", into = "AccountRepr")]
pub struct Account {
    pub tenant: Option<String>,
    /// The user as compact JSON (without meta): a parsed `User` costs ~5x its JSON in memory.
    user_json: Box<str>,
    id: Arc<str>,
    pub version: u64,
    pub created: String,
    pub last_modified: String,
}

#[derive(Serialize, Deserialize)]
struct AccountRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tenant: Option<String>,
    user: User,
    version: u64,
    created: String,
    last_modified: String,
}

impl From<AccountRepr> for Account {
    fn from(r: AccountRepr) -> Account {
        Account::new(r.tenant, &r.user, r.version, r.created, r.last_modified)
    }
}

impl From<Account> for AccountRepr {
    fn from(a: Account) -> AccountRepr {
        AccountRepr {
            user: a.user(),
            tenant: a.tenant,
            version: a.version,
            created: a.created,
            last_modified: a.last_modified,
        }
    }
}

/// Why a write was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Another account in scope holds the value.
    Taken {
        attribute: &'static str,
        value: String,
    },
    /// The attribute cannot be changed under this provider.
    Immutable {
        attribute: &'static str,
    },
    /// The resource changed since the version the client sent (`If-Match`).
    Stale,
    NotFound,
    Invalid {
        scim_type: &'static str,
        detail: String,
    },
}

pub struct Store {
    provider: &'static Provider,
    tenants: BTreeSet<String>,
    accounts: HashMap<Arc<str>, Account>,
    /// Creation order per tenant (`None` for accounts outside every tenant), for stable paging.
    order: HashMap<Option<String>, Order>,
    sequence: HashMap<Arc<str>, u64>,
    next_sequence: u64,
    /// Lower-cased userName → ids (for `userName eq`).
    user_names: Index,
    /// The provider's login key → ids (for userName uniqueness, e.g. GitHub's normalisation).
    logins: Index,
    /// Lower-cased email → ids.
    emails: Index,
    /// externalId, exactly → ids.
    external_ids: Index,
}

/// Ids in creation order, each with its sequence number (ascending, since numbers only grow):
/// a page is a slice, found in O(1) whatever the directory's size; a delete is a binary search
/// and one `memmove` of the tail.
#[derive(Default)]
struct Order(Vec<(u64, Arc<str>)>);

impl Order {
    fn push(&mut self, seq: u64, id: Arc<str>) {
        debug_assert!(self.0.last().is_none_or(|(last, _)| *last < seq));
        self.0.push((seq, id));
    }

    fn remove(&mut self, seq: u64) {
        if let Ok(at) = self.0.binary_search_by_key(&seq, |(s, _)| *s) {
            self.0.remove(at);
        }
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// Up to `count` ids from the 0-based `offset`.
    fn slice(&self, offset: usize, count: usize) -> impl Iterator<Item = &Arc<str>> {
        let start = offset.min(self.0.len());
        let end = start.saturating_add(count).min(self.0.len());
        self.0[start..end].iter().map(|(_, id)| id)
    }

    fn ids(&self) -> impl Iterator<Item = &Arc<str>> {
        self.slice(0, usize::MAX)
    }
}

/// One page of a listing: the matching accounts' total, and those on the page.
pub struct Page<'a> {
    pub total: usize,
    pub accounts: Vec<&'a Account>,
}

#[derive(Default)]
struct Index(HashMap<String, Vec<Arc<str>>>);

impl Index {
    fn add(&mut self, key: String, id: &Arc<str>) {
        // One holder is the rule: a Vec grows to 4 on its first push (96 bytes for one id).
        let ids = self.0.entry(key).or_insert_with(|| Vec::with_capacity(1));
        if !ids.iter().any(|i| i == id) {
            ids.push(id.clone());
        }
    }

    fn remove(&mut self, key: &str, id: &str) {
        if let Some(ids) = self.0.get_mut(key) {
            ids.retain(|i| &**i != id);
            if ids.is_empty() {
                self.0.remove(key);
            }
        }
    }

    fn get(&self, key: &str) -> &[Arc<str>] {
        self.0.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

impl Store {
    pub fn new(provider: &'static Provider, tenants: impl IntoIterator<Item = String>) -> Store {
        Store {
            provider,
            tenants: tenants.into_iter().collect(),
            accounts: HashMap::new(),
            order: HashMap::new(),
            sequence: HashMap::new(),
            next_sequence: 0,
            user_names: Index::default(),
            logins: Index::default(),
            emails: Index::default(),
            external_ids: Index::default(),
        }
    }

    pub fn provider(&self) -> &'static Provider {
        self.provider
    }

    pub fn has_tenant(&self, tenant: &str) -> bool {
        self.tenants.contains(tenant)
    }

    pub fn tenants(&self) -> impl Iterator<Item = &String> {
        self.tenants.iter()
    }

    pub fn add_tenant(&mut self, tenant: &str) {
        self.tenants.insert(tenant.to_string());
    }

    pub fn len(&self) -> usize {
        self.accounts.len()
    }

    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values()
    }

    /// An account the tenant can see (its own; never another tenant's or a personal one).
    pub fn get(&self, tenant: &str, id: &str) -> Option<&Account> {
        self.accounts
            .get(id)
            .filter(|a| a.tenant.as_deref() == Some(tenant))
    }

    /// Creates an account. `id` is kept when given (seeds, restores), else generated.
    pub fn create(&mut self, tenant: Option<&str>, mut user: User) -> Result<&Account, Refusal> {
        self.normalise(&mut user)?;
        let id = match user.id.clone() {
            Some(id) if self.accounts.contains_key(id.as_str()) => {
                return Err(Refusal::Invalid {
                    scim_type: "uniqueness",
                    detail: format!("id {id} is already used"),
                });
            }
            Some(id) => id,
            None => new_id(),
        };
        user.id = Some(id.clone());
        self.check(tenant, &user, None)?;
        let now = now_rfc3339();
        let account = Account::new(tenant.map(str::to_string), &user, 1, now.clone(), now);
        Ok(self.insert(account))
    }

    /// Replaces an account's attributes (PUT, and PATCH after applying its operations).
    pub fn replace(
        &mut self,
        tenant: &str,
        id: &str,
        mut user: User,
        if_match: Option<&str>,
    ) -> Result<&Account, Refusal> {
        let current = self.get(tenant, id).ok_or(Refusal::NotFound)?.clone();
        self.precondition(&current, if_match)?;
        if user.id.as_deref().is_some_and(|given| given != id) {
            return Err(Refusal::Invalid {
                scim_type: "mutability",
                detail: "id is read-only".into(),
            });
        }
        user.id = Some(id.to_string());
        self.normalise(&mut user)?;
        let current_user = current.user();
        if !self.provider.user_name_mutable && user.user_name() != current_user.user_name() {
            return Err(Refusal::Immutable {
                attribute: "userName",
            });
        }
        self.check(Some(tenant), &user, Some(id))?;
        if user == current_user {
            // Nothing changed: same version, same lastModified (as RFC 7644 §3.14 implies).
            return Ok(&self.accounts[id]);
        }
        self.unindex(&current);
        let account = Account::new(
            current.tenant.clone(),
            &user,
            current.version + 1,
            current.created.clone(),
            now_rfc3339(),
        );
        self.index(&account);
        self.accounts.insert(account.id.clone(), account);
        Ok(&self.accounts[id])
    }

    pub fn delete(
        &mut self,
        tenant: &str,
        id: &str,
        if_match: Option<&str>,
    ) -> Result<Account, Refusal> {
        let current = self.get(tenant, id).ok_or(Refusal::NotFound)?.clone();
        self.precondition(&current, if_match)?;
        Ok(self.remove(id).expect("the account was just read"))
    }

    /// Puts an account back exactly as it was (loading saved state): no rules are applied.
    /// An account that is still there keeps its place in the listing order.
    pub fn restore(&mut self, account: Account) {
        if let Some(current) = self.accounts.get(account.id())
            && current.tenant == account.tenant
        {
            let current = current.clone();
            self.unindex(&current);
            self.index(&account);
            self.accounts.insert(account.id.clone(), account);
            return;
        }
        if !account.id().is_empty() {
            let id = account.id().to_string();
            self.remove(&id);
        }
        if let Some(tenant) = &account.tenant {
            self.tenants.insert(tenant.clone());
        }
        self.insert(account);
    }

    pub fn remove(&mut self, id: &str) -> Option<Account> {
        let account = self.accounts.remove(id)?;
        self.unindex(&account);
        if let Some(seq) = self.sequence.remove(id)
            && let Some(order) = self.order.get_mut(&account.tenant)
        {
            order.remove(seq);
        }
        Some(account)
    }

    /// The tenant's accounts matching `filter`, in creation order, from the 0-based `offset`.
    /// Without a filter the cost is the page's, not the directory's; with one on an indexed
    /// attribute, the matches'; only other filters read every account.
    pub fn page(
        &self,
        tenant: &str,
        filter: Option<&Filter>,
        offset: usize,
        count: usize,
    ) -> Page<'_> {
        match filter {
            None => {
                let order = self.order.get(&Some(tenant.to_string()));
                Page {
                    total: order.map_or(0, Order::len),
                    accounts: order
                        .into_iter()
                        .flat_map(|o| o.slice(offset, count))
                        .filter_map(|id| self.accounts.get(id))
                        .collect(),
                }
            }
            Some(filter) => {
                let found = self.query(tenant, Some(filter));
                Page {
                    total: found.len(),
                    accounts: found.into_iter().skip(offset).take(count).collect(),
                }
            }
        }
    }

    /// The tenant's accounts matching `filter`, in creation order.
    pub fn query(&self, tenant: &str, filter: Option<&Filter>) -> Vec<&Account> {
        let visible = |a: &&Account| a.tenant.as_deref() == Some(tenant);
        let Some(filter) = filter else {
            return self
                .order
                .get(&Some(tenant.to_string()))
                .map(|order| order.ids().filter_map(|id| self.accounts.get(id)).collect())
                .unwrap_or_default();
        };
        let mut found: Vec<&Account> = match self.candidates(filter) {
            Some(ids) => ids
                .iter()
                .filter_map(|id| self.accounts.get(id))
                .filter(visible)
                .filter(|a| matches(filter, &a.resource(None, true)))
                .collect(),
            None => self
                .query(tenant, None)
                .into_iter()
                .filter(|a| matches(filter, &a.resource(None, true)))
                .collect(),
        };
        found.sort_by_key(|a| self.sequence.get(a.id()).copied().unwrap_or(u64::MAX));
        found.dedup_by_key(|a| a.id().to_string());
        found
    }

    /// Ids that may match, from an index, when the filter pins an indexed attribute; `None`
    /// when only a scan can answer. The caller still evaluates the whole filter on each.
    fn candidates(&self, filter: &Filter) -> Option<Vec<Arc<str>>> {
        match filter {
            Filter::Attr(AttrExp::Comparison(path, CompareOp::Eq, CompValue::Str(value))) => {
                self.indexed(path, value)
            }
            Filter::ValuePath(vp)
                if vp.attr.name.eq_ignore_ascii_case("emails") && vp.attr.sub_attr.is_none() =>
            {
                match vp.filter.as_ref() {
                    ValFilter::Attr(AttrExp::Comparison(
                        path,
                        CompareOp::Eq,
                        CompValue::Str(value),
                    )) if path.name.eq_ignore_ascii_case("value") => {
                        Some(self.emails.get(&fold(value)).to_vec())
                    }
                    _ => None,
                }
            }
            Filter::Or(items) => {
                let mut all = Vec::new();
                for item in items.as_slice() {
                    all.extend(self.candidates(item)?);
                }
                Some(all)
            }
            Filter::And(items) => items.as_slice().iter().find_map(|f| self.candidates(f)),
            _ => None,
        }
    }

    fn indexed(&self, path: &AttrPath, value: &str) -> Option<Vec<Arc<str>>> {
        if path
            .uri
            .as_deref()
            .is_some_and(|u| !u.eq_ignore_ascii_case(USER_SCHEMA))
        {
            return None;
        }
        let name = path.name.to_ascii_lowercase();
        let sub = path.sub_attr.as_deref().map(str::to_ascii_lowercase);
        match (name.as_str(), sub.as_deref()) {
            ("username", None) => Some(self.user_names.get(&fold(value)).to_vec()),
            ("emails", Some("value")) => Some(self.emails.get(&fold(value)).to_vec()),
            ("externalid", None) => Some(self.external_ids.get(value).to_vec()),
            ("id", None) => Some(
                self.accounts
                    .contains_key(value)
                    .then(|| Arc::from(value))
                    .into_iter()
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The provider's uniqueness rules: does another account in scope hold one of these values?
    fn check(
        &self,
        tenant: Option<&str>,
        user: &User,
        except: Option<&str>,
    ) -> Result<(), Refusal> {
        let in_scope = |scope: Scope, holder: &str| {
            holder != except.unwrap_or("")
                && self.accounts.get(holder).is_some_and(|h| {
                    (scope == Scope::Service || h.tenant.as_deref() == tenant)
                        && (self.provider.inactive_reserves || h.user().active != Some(false))
                })
        };
        let login = self.provider.login_rule.key(user.user_name());
        let logins = if self.separate_logins() {
            &self.logins
        } else {
            &self.user_names
        };
        if logins
            .get(&login)
            .iter()
            .any(|h| in_scope(self.provider.user_name_unique, h))
        {
            return Err(Refusal::Taken {
                attribute: "userName",
                value: user.user_name().to_string(),
            });
        }
        if let Some(scope) = self.provider.email_unique {
            for email in user.email_values() {
                if self
                    .emails
                    .get(&fold(email))
                    .iter()
                    .any(|h| in_scope(scope, h))
                {
                    return Err(Refusal::Taken {
                        attribute: "emails",
                        value: email.to_string(),
                    });
                }
            }
        }
        Ok(())
    }

    /// What every stored user gets: a userName, the core schema, no client-sent meta, and no
    /// externalId where the provider does not keep one.
    fn normalise(&self, user: &mut User) -> Result<(), Refusal> {
        if user
            .user_name
            .as_deref()
            .is_none_or(|u| u.trim().is_empty())
        {
            return Err(Refusal::Invalid {
                scim_type: "invalidValue",
                detail: "userName is required".into(),
            });
        }
        if !self.provider.stores_external_id {
            user.external_id = None;
        }
        if user.schemas.is_empty() {
            user.schemas = vec![USER_SCHEMA.to_string()];
        }
        user.meta = None;
        Ok(())
    }

    fn precondition(&self, current: &Account, if_match: Option<&str>) -> Result<(), Refusal> {
        match if_match {
            Some(tag) if self.etags() && tag.trim() != "*" && tag.trim() != current.etag() => {
                Err(Refusal::Stale)
            }
            _ => Ok(()),
        }
    }

    pub fn etags(&self) -> bool {
        self.provider.etag != Some(false)
    }

    fn insert(&mut self, account: Account) -> &Account {
        let id = account.id.clone();
        let seq = self.next_sequence;
        self.next_sequence += 1;
        self.sequence.insert(id.clone(), seq);
        self.order
            .entry(account.tenant.clone())
            .or_default()
            .push(seq, id.clone());
        self.index(&account);
        self.accounts.insert(id.clone(), account);
        &self.accounts[&id]
    }

    /// Under IgnoreCase the login key is the lower-cased userName: `user_names` already holds it.
    fn separate_logins(&self) -> bool {
        self.provider.login_rule != crate::provider::LoginRule::IgnoreCase
    }

    fn index(&mut self, account: &Account) {
        let id = &account.id;
        let user = &account.user();
        self.user_names.add(fold(user.user_name()), id);
        if self.separate_logins() {
            self.logins
                .add(self.provider.login_rule.key(user.user_name()), id);
        }
        for email in user.email_values() {
            self.emails.add(fold(email), id);
        }
        if let Some(external_id) = &user.external_id {
            self.external_ids.add(external_id.clone(), id);
        }
    }

    fn unindex(&mut self, account: &Account) {
        let id = account.id();
        let user = &account.user();
        self.user_names.remove(&fold(user.user_name()), id);
        if self.separate_logins() {
            self.logins
                .remove(&self.provider.login_rule.key(user.user_name()), id);
        }
        for email in user.email_values() {
            self.emails.remove(&fold(email), id);
        }
        if let Some(external_id) = &user.external_id {
            self.external_ids.remove(external_id, id);
        }
    }
}

impl Account {
    pub fn new(
        tenant: Option<String>,
        user: &User,
        version: u64,
        created: String,
        last_modified: String,
    ) -> Account {
        Account {
            tenant,
            user_json: serde_json::to_string(user)
                .expect("a user always serialises")
                .into_boxed_str(),
            id: Arc::from(user.id.as_deref().unwrap_or("")),
            version,
            created,
            last_modified,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The stored user (without meta).
    pub fn user(&self) -> User {
        serde_json::from_str(&self.user_json).expect("a stored user always parses")
    }

    pub fn etag(&self) -> String {
        format!("W/\"{}\"", self.version)
    }

    /// The user as the API returns it: with `meta` (location when the base URL is known,
    /// version when the provider does ETags). Read straight from the stored JSON, without a
    /// `User` in between: a listing renders a whole page of these.
    pub fn resource(&self, location_base: Option<&str>, etags: bool) -> Value {
        let mut resource: Map<String, Value> =
            serde_json::from_str(&self.user_json).expect("a stored user always parses");
        let mut meta = Map::new();
        meta.insert("resourceType".into(), "User".into());
        meta.insert("created".into(), self.created.clone().into());
        meta.insert("lastModified".into(), self.last_modified.clone().into());
        if let Some(base) = location_base {
            let location = format!("{base}/Users/{}", self.id());
            meta.insert("location".into(), location.into());
        }
        if etags {
            meta.insert("version".into(), self.etag().into());
        }
        resource.insert("meta".into(), Value::Object(meta));
        Value::Object(resource)
    }
}

fn new_id() -> String {
    format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::by_id;
    use serde_json::json;

    fn user(value: Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    fn store(provider: &str) -> Store {
        Store::new(
            by_id(provider).unwrap(),
            ["acme".to_string(), "globex".to_string()],
        )
    }

    #[test]
    fn generic_user_names_are_unique_per_tenant_ignoring_case() {
        let mut s = store("generic");
        s.create(Some("acme"), user(json!({"userName": "jdoe"})))
            .unwrap();
        assert_eq!(
            s.create(Some("acme"), user(json!({"userName": "JDoe"})))
                .unwrap_err(),
            Refusal::Taken {
                attribute: "userName",
                value: "JDoe".into()
            }
        );
        assert!(
            s.create(Some("globex"), user(json!({"userName": "jdoe"})))
                .is_ok()
        );
    }

    #[test]
    fn pulumi_emails_and_names_are_unique_service_wide_even_for_hidden_accounts() {
        let mut s = store("pulumi");
        s.create(
            None,
            user(json!({"userName": "own", "emails": [{"value": "jdoe@example.com"}]})),
        )
        .unwrap();
        let refused = s.create(
            Some("acme"),
            user(json!({"userName": "jdoe", "emails": [{"value": "JDOE@example.com"}]})),
        );
        assert_eq!(
            refused.unwrap_err(),
            Refusal::Taken {
                attribute: "emails",
                value: "JDOE@example.com".into()
            }
        );
        assert!(
            s.query("acme", Some(&r#"userName eq "own""#.parse().unwrap()))
                .is_empty(),
            "invisible to tenants"
        );
    }

    #[test]
    fn pulumi_does_not_store_external_id_and_refuses_renames() {
        let mut s = store("pulumi");
        let id = s
            .create(
                Some("acme"),
                user(json!({"userName": "jdoe", "externalId": "00u1"})),
            )
            .unwrap()
            .id()
            .to_string();
        assert_eq!(s.get("acme", &id).unwrap().user().external_id, None);
        let renamed = s.replace("acme", &id, user(json!({"userName": "jdoe2"})), None);
        assert_eq!(
            renamed.unwrap_err(),
            Refusal::Immutable {
                attribute: "userName"
            }
        );
    }

    #[test]
    fn github_logins_collide_after_normalisation() {
        let mut s = store("github-emu");
        s.create(Some("acme"), user(json!({"userName": "j.doe@example.com"})))
            .unwrap();
        assert!(matches!(
            s.create(Some("acme"), user(json!({"userName": "J_Doe"}))),
            Err(Refusal::Taken { .. })
        ));
    }

    #[test]
    fn a_stale_version_is_refused_and_an_unchanged_write_keeps_it() {
        let mut s = store("generic");
        let id = s
            .create(Some("acme"), user(json!({"userName": "a"})))
            .unwrap()
            .id()
            .to_string();
        let same = s
            .replace("acme", &id, user(json!({"userName": "a"})), Some("W/\"1\""))
            .unwrap();
        assert_eq!(same.version, 1);
        s.replace("acme", &id, user(json!({"userName": "b"})), Some("W/\"1\""))
            .unwrap();
        assert_eq!(
            s.replace("acme", &id, user(json!({"userName": "c"})), Some("W/\"1\""))
                .unwrap_err(),
            Refusal::Stale
        );
        assert_eq!(
            s.delete("acme", &id, Some("W/\"1\"")).unwrap_err(),
            Refusal::Stale
        );
        assert!(s.delete("acme", &id, Some("W/\"2\"")).is_ok());
    }

    #[test]
    fn a_page_is_a_slice_of_creation_order_after_deletes_and_restores() {
        let mut s = store("generic");
        let ids: Vec<String> = (0..10)
            .map(|n| {
                let u = user(json!({"userName": format!("u{n}")}));
                s.create(Some("acme"), u).unwrap().id().to_string()
            })
            .collect();
        s.create(Some("globex"), user(json!({"userName": "other"})))
            .unwrap();
        s.delete("acme", &ids[3], None).unwrap();
        let renamed = user(json!({"id": ids[2], "userName": "u2-renamed"}));
        s.restore(Account::new(
            Some("acme".into()),
            &renamed,
            2,
            "2026-01-01T00:00:00Z".into(),
            "2026-01-02T00:00:00Z".into(),
        ));
        let names = |page: Page| {
            let names: Vec<String> = page
                .accounts
                .iter()
                .map(|a| a.user().user_name().to_string())
                .collect();
            (page.total, names)
        };
        assert_eq!(
            names(s.page("acme", None, 1, 3)),
            (9, vec!["u1".into(), "u2-renamed".into(), "u4".into()])
        );
        assert_eq!(names(s.page("acme", None, 8, 5)), (9, vec!["u9".into()]));
        assert_eq!(names(s.page("acme", None, 20, 5)), (9, vec![]));
        let filter = r#"userName eq "u5" or userName eq "u1""#.parse().unwrap();
        assert_eq!(
            names(s.page("acme", Some(&filter), 1, 5)),
            (2, vec!["u5".into()])
        );
        assert_eq!(s.user_names.get("u2"), &[] as &[Arc<str>], "unindexed");
        assert_eq!(names(s.page("globex", None, 0, 100)).0, 1);
    }

    #[test]
    fn a_resource_is_the_stored_user_with_its_meta() {
        let mut s = store("generic");
        let stored = json!({"schemas": [USER_SCHEMA], "userName": "a", "active": false,
            "emails": [{"value": "a@x.com", "type": "work", "primary": true}],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "IT"}});
        let account = s
            .create(Some("acme"), user(stored.clone()))
            .unwrap()
            .clone();
        let mut expected = stored;
        expected["id"] = account.id().into();
        expected["meta"] = json!({"resourceType": "User", "created": account.created,
            "lastModified": account.last_modified, "version": "W/\"1\"",
            "location": format!("http://h/scim/v2/acme/Users/{}", account.id())});
        assert_eq!(
            account.resource(Some("http://h/scim/v2/acme"), true),
            expected
        );
        let bare = account.resource(None, false);
        assert_eq!(bare["meta"].as_object().unwrap().len(), 3, "{bare}");
    }

    #[test]
    fn queries_use_indexes_and_still_apply_the_whole_filter() {
        let mut s = store("generic");
        for n in 0..5 {
            s.create(Some("acme"), user(json!({"userName": format!("u{n}"), "active": n % 2 == 0, "emails": [{"value": format!("u{n}@x.com")}]}))).unwrap();
        }
        let q = |f: &str| {
            s.query("acme", Some(&f.parse().unwrap()))
                .iter()
                .map(|a| a.user().user_name().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(q(r#"userName eq "U3""#), ["u3"]);
        assert_eq!(
            q(r#"emails.value eq "U1@X.COM" or emails[value eq "u2@x.com"]"#),
            ["u1", "u2"]
        );
        assert_eq!(
            q(r#"userName eq "u2" and active eq false"#),
            Vec::<String>::new()
        );
        assert_eq!(q("active eq true"), ["u0", "u2", "u4"]);
        assert!(s.query("globex", None).is_empty());
    }
}
