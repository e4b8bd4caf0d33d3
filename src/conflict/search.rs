//! Looking up every value of a candidate at once, in as few requests as the server allows:
//! one `or` filter when it evaluates one, a filter per value when it does not, and one shared
//! scan for the values it cannot filter on at all (or for everything, with `--deep`).

use scim_v2::filter::Filter;
use serde::Serialize;

use super::lookup::{LookupKey, refusal_note, scan, try_filter, usable_forms};
use crate::provider::Provider;
use crate::scim::capabilities::Capabilities;
use crate::scim::client::ScimClient;
use crate::scim::error::ScimError;
use crate::scim::filter::FilterForm;
use crate::scim::model::User;
use crate::scim::query::{UserQuery, collect_users};

/// How the holders were looked for, for the report and for `-v`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchTrace {
    /// Filters the server evaluated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<String>,
    /// Users read in a scan, when one was needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned: Option<u64>,
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// Every user holding one of `keys` by `holds`, each once, in the order found.
pub async fn find_holders_of_all(
    client: &ScimClient,
    caps: &mut Capabilities,
    provider: &Provider,
    keys: &[LookupKey],
    deep: bool,
    holds: impl Fn(&LookupKey, &User) -> bool,
) -> Result<(Vec<User>, SearchTrace), ScimError> {
    let mut trace = SearchTrace::default();
    let mut found: Vec<User> = Vec::new();
    let held = |user: &User| keys.iter().any(|k| holds(k, user));
    if deep {
        let (users, scanned) = scan(client, caps, &mut trace.notes, "every value", held).await?;
        trace.scanned = Some(scanned);
        return Ok((users, trace));
    }

    let (filterable, mut unfiltered): (Vec<&LookupKey>, Vec<&LookupKey>) = keys
        .iter()
        .partition(|k| !usable_forms(caps, provider, k).is_empty());
    let mut pending: Vec<&LookupKey> = filterable;
    if pending.len() > 1 && caps.or_filter != Some(false) {
        let parts: Vec<(FilterForm, &LookupKey)> = pending
            .iter()
            .map(|k| (usable_forms(caps, provider, k)[0], *k))
            .collect();
        let all_known = parts
            .iter()
            .all(|(form, _)| caps.filter(*form) == Some(true));
        let filter = Filter::any(parts.iter().map(|(form, key)| form.build(key.value())))
            .expect("two or more parts make a filter")
            .to_string();
        let query = UserQuery {
            filter: Some(filter.clone()),
            limit: None,
        };
        match collect_users(client, caps, &query).await {
            Ok((users, stats)) => {
                trace.notes.extend(stats.notes);
                caps.learn(|c| {
                    c.or_filter = Some(true);
                    for (form, _) in &parts {
                        c.filters.insert(*form, true);
                    }
                });
                trace.filters.push(filter);
                found.extend(users.into_iter().filter(|u| held(u)));
                pending.clear();
            }
            Err(e) if e.is_filter_refusal() => {
                // Only a filter built of forms known to work blames `or` itself.
                if all_known {
                    caps.learn(|c| c.or_filter = Some(false));
                }
                trace.notes.push(refusal_note(&filter, &e));
            }
            Err(e) => return Err(e),
        }
    }
    for key in pending {
        let mut answered = false;
        for form in usable_forms(caps, provider, key) {
            let filter = form.build(key.value()).to_string();
            if let Some(users) = try_filter(client, caps, form, &filter, &mut trace.notes).await? {
                trace.filters.push(filter);
                found.extend(users.into_iter().filter(|u| holds(key, u)));
                answered = true;
                break;
            }
        }
        if !answered {
            unfiltered.push(key);
        }
    }
    if !unfiltered.is_empty() {
        for key in &unfiltered {
            if !provider.can_filter(key.attribute()) {
                trace.notes.push(format!(
                    "{} cannot filter users by {}",
                    provider.name,
                    key.noun()
                ));
            }
        }
        let compared: Vec<&str> = unfiltered.iter().map(|k| k.noun()).collect();
        let (users, scanned) = scan(
            client,
            caps,
            &mut trace.notes,
            &compared.join(" and "),
            |user| unfiltered.iter().any(|k| holds(k, user)),
        )
        .await?;
        trace.scanned = Some(scanned);
        found.extend(users);
    }
    let mut distinct: Vec<User> = Vec::new();
    for user in found {
        if !distinct.iter().any(|d| d.id.is_some() && d.id == user.id) {
            distinct.push(user);
        }
    }
    Ok((distinct, trace))
}
