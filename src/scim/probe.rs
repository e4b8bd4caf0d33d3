//! Asking an endpoint what it really supports. `/ServiceProviderConfig` says whether filtering
//! exists, not which filters work (research §1.8), so each form is tried with a value no
//! account holds; a server that returns users for it is ignoring the filter.

use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::json;

use super::capabilities::Capabilities;
use super::client::ScimClient;
use super::error::ScimError;
use super::filter::FilterForm;
use super::model::{
    ListResponse, SEARCH_REQUEST_SCHEMA, Schema, SchemaAttribute, ServiceProviderConfig, User,
};
use super::paging::PageRequest;
use super::query::page_query;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FilterVerdict {
    Supported,
    Refused,
    /// Answered 200 but returned users that cannot match: the filter was not applied.
    Ignored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PageCap {
    /// The server returned fewer than asked although it had more.
    Observed(u64),
    /// The server refused a larger count with an error, and accepted this one.
    RefusesAbove(u64),
    /// No cap below this many (all users fit in one page).
    NoneBelow(u64),
}

/// The outcome of one probing request that may fail without ending the probe.
pub type Probe<T> = Result<T, ScimError>;

#[derive(Debug)]
pub struct Reachability {
    pub config: Probe<ServiceProviderConfig>,
    pub elapsed: Duration,
}

#[derive(Debug)]
pub struct UsersProbe {
    pub total_results: Option<u64>,
    pub sample: Option<User>,
}

pub async fn reach(client: &ScimClient) -> Reachability {
    let started = Instant::now();
    let config = client.service_provider_config().await;
    Reachability {
        config,
        elapsed: started.elapsed(),
    }
}

/// One user, to prove the token works and to have a known value for the case test.
pub async fn first_user(client: &ScimClient) -> Probe<UsersProbe> {
    let page = list(client, None, 1).await?;
    Ok(UsersProbe {
        total_results: page.total_results,
        sample: page.resources.into_iter().next(),
    })
}

pub async fn filter_form(
    client: &ScimClient,
    caps: &mut Capabilities,
    form: FilterForm,
) -> Probe<FilterVerdict> {
    let nobody = format!("scimctl-doctor-{:08x}", fastrand::u32(..));
    let value = match form {
        FilterForm::EmailsValue | FilterForm::EmailsValuePath => {
            format!("{nobody}@example.invalid")
        }
        FilterForm::UserName | FilterForm::ExternalId => nobody,
    };
    let verdict = match list(client, Some(&form.build(&value).to_string()), 1).await {
        Ok(page) if page.resources.is_empty() && page.total_results.unwrap_or(0) == 0 => {
            FilterVerdict::Supported
        }
        Ok(_) => FilterVerdict::Ignored,
        Err(e) if e.is_filter_refusal() => FilterVerdict::Refused,
        Err(e) => return Err(e),
    };
    caps.learn(|c| {
        c.filters.insert(form, verdict == FilterVerdict::Supported);
    });
    Ok(verdict)
}

/// Whether `userName eq` finds the sample user when asked in another case.
pub async fn user_name_case(
    client: &ScimClient,
    caps: &mut Capabilities,
    sample: &User,
) -> Probe<Option<bool>> {
    let (Some(name), Some(id)) = (sample.user_name.as_deref(), sample.id.as_deref()) else {
        return Ok(None);
    };
    let swapped: String = name
        .chars()
        .map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<String>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    if swapped == name {
        return Ok(None);
    }
    let page = list(
        client,
        Some(&FilterForm::UserName.build(&swapped).to_string()),
        10,
    )
    .await?;
    let found = page.resources.iter().any(|u| u.id.as_deref() == Some(id));
    caps.learn(|c| c.user_name_case_insensitive = Some(found));
    Ok(Some(found))
}

pub async fn search_endpoint(client: &ScimClient) -> Probe<bool> {
    let body = json!({"schemas": [SEARCH_REQUEST_SCHEMA], "startIndex": 1, "count": 1});
    match client.search(client.url("Users/.search"), &body).await {
        Ok(reply) => Ok(reply.json::<ListResponse<User>>().is_ok()),
        Err(e) if matches!(e.status(), Some(400 | 403 | 404 | 405 | 501)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Asks for more users than a typical cap (200) and sees what comes back.
pub async fn page_cap(
    client: &ScimClient,
    caps: &mut Capabilities,
    total: u64,
) -> Probe<Option<PageCap>> {
    if total < 2 {
        return Ok(None);
    }
    let asked = total.min(200);
    let cap = match list(client, None, asked).await {
        Ok(page) if (page.resources.len() as u64) < asked => {
            PageCap::Observed(page.resources.len() as u64)
        }
        Ok(_) => PageCap::NoneBelow(asked),
        Err(e) if e.status() == Some(400) && asked > 100 => {
            list(client, None, 100).await?;
            PageCap::RefusesAbove(100)
        }
        Err(e) => return Err(e),
    };
    if let PageCap::Observed(n) | PageCap::RefusesAbove(n) = cap {
        caps.learn(|c| c.page_cap = Some(n));
    }
    Ok(Some(cap))
}

/// Whether reading a user returns a version to send back in `If-Match`.
pub async fn etag(client: &ScimClient, sample: &User) -> Probe<Option<String>> {
    let Some(id) = sample.id() else {
        return Ok(None);
    };
    Ok(client.get_user(&id).await?.etag)
}

/// The User attributes `/Schemas` declares unique (`server` or `global`), as `name (scope)`.
/// Declared is not enforced: many providers keep emails unique without saying so.
pub async fn declared_unique(client: &ScimClient) -> Probe<Vec<String>> {
    let reply = client.get(client.url("Schemas")).await?;
    // RFC 7644 wraps schemas in a ListResponse; some servers return a bare array.
    let schemas: Vec<Schema> = match reply.json::<ListResponse<Schema>>() {
        Ok(list) if !list.resources.is_empty() => list.resources,
        _ => reply.json::<Vec<Schema>>().unwrap_or_default(),
    };
    let mut unique = Vec::new();
    for schema in schemas.iter().filter(|s| s.id.ends_with(":core:2.0:User")) {
        collect_unique(&schema.attributes, "", &mut unique);
    }
    Ok(unique)
}

fn collect_unique(attributes: &[SchemaAttribute], prefix: &str, out: &mut Vec<String>) {
    for attribute in attributes {
        let name = format!("{prefix}{}", attribute.name);
        if let Some(scope) = attribute
            .uniqueness
            .as_deref()
            .filter(|u| !u.eq_ignore_ascii_case("none"))
        {
            out.push(format!("{name} ({scope})"));
        }
        collect_unique(&attribute.sub_attributes, &format!("{name}."), out);
    }
}

async fn list(client: &ScimClient, filter: Option<&str>, count: u64) -> Probe<ListResponse<User>> {
    let mut url = client.url("Users");
    url.set_query(Some(&page_query(filter, &PageRequest::first(), count)));
    client.get(url).await?.json()
}
