//! Asking an endpoint what it supports beyond its filters (which `verify` proves): the search
//! endpoint, the page cap, ETags, declared uniqueness.

use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::json;

use super::capabilities::Capabilities;
use super::client::ScimClient;
use super::error::ScimError;
use super::model::{
    ListResponse, SEARCH_REQUEST_SCHEMA, Schema, SchemaAttribute, ServiceProviderConfig, User,
};
use super::paging::PageRequest;
use super::query::page_query;

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

pub async fn reach(client: &ScimClient) -> Reachability {
    let started = Instant::now();
    let config = client.service_provider_config().await;
    Reachability {
        config,
        elapsed: started.elapsed(),
    }
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
