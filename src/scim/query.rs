//! Walking the users that match a filter, page by page, whatever paging the server does.
//!
//! Learns as it goes (and records in `Capabilities`): the page cap a server imposes, a `count`
//! it refuses, that it pages by cursor, that it wants `POST /Users/.search` instead of GET.

use std::collections::HashSet;

use super::capabilities::Capabilities;
use super::client::{Reply, ScimClient};
use super::error::ScimError;
use super::filter::encode_query_component;
use super::model::{ListResponse, SEARCH_REQUEST_SCHEMA, SearchRequest, User};
use super::paging::{PageRequest, PageSummary, next_page, page_size, smaller_page_size};

/// What one asks of a server: a filter (or every user) and at most how many.
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    pub filter: Option<String>,
    pub limit: Option<u64>,
}

/// What a walk cost and saw, for `-v` and for the notes printed to people.
#[derive(Debug, Clone, Default)]
pub struct WalkStats {
    pub pages: u32,
    pub delivered: u64,
    pub total_results: Option<u64>,
    /// Something a person should know about how the walk went (stopped early, a quirk).
    pub notes: Vec<String>,
}

const WANTED_PAGE_SIZE: u64 = 100;

/// Calls `on_user` for each matching user until the walk ends or `on_user` returns `false`.
pub async fn walk_users<E, F>(
    client: &ScimClient,
    caps: &mut Capabilities,
    query: &UserQuery,
    mut on_user: F,
) -> Result<WalkStats, E>
where
    E: From<ScimError>,
    F: FnMut(User) -> Result<bool, E>,
{
    let mut stats = WalkStats::default();
    let mut seen = HashSet::new();
    let mut request = if caps.cursor_paging == Some(true) {
        PageRequest::Cursor(String::new())
    } else {
        PageRequest::first()
    };
    let mut count = page_size(
        WANTED_PAGE_SIZE,
        caps.advertised_max_results(),
        caps.page_cap,
    );
    loop {
        if let Some(limit) = query.limit {
            count = count.min(limit.saturating_sub(stats.delivered)).max(1);
        }
        let page = fetch_page_adapting(client, caps, query.filter.as_deref(), &request, &mut count)
            .await?;
        stats.pages += 1;
        stats.total_results = page.total_results.or(stats.total_results);
        let returned = page.resources.len() as u64;
        if page.next_cursor.is_some() && caps.cursor_paging != Some(true) {
            caps.learn(|c| c.cursor_paging = Some(true));
        }
        let mut new_users = 0;
        for user in page.resources {
            // A user seen twice (the collection shifted under us, or the server ignores
            // startIndex) is delivered once.
            if let Some(id) = user.id.clone() {
                if !seen.insert(id) {
                    continue;
                }
            }
            new_users += 1;
            stats.delivered += 1;
            if !on_user(user)? || query.limit.is_some_and(|l| stats.delivered >= l) {
                return Ok(stats);
            }
        }
        let summary = PageSummary {
            returned,
            total_results: page.total_results,
            next_cursor: page.next_cursor,
        };
        let Some(next) = next_page(&request, &summary) else {
            return Ok(stats);
        };
        if new_users == 0 {
            stats.notes.push(format!(
                "the server sent page {} again with nothing new; it may ignore startIndex, so the walk stopped at {} users",
                stats.pages, stats.delivered
            ));
            return Ok(stats);
        }
        if matches!(next, PageRequest::Index { .. }) && returned < count {
            caps.learn(|c| c.page_cap = Some(returned));
            count = returned;
        }
        request = next;
    }
}

/// Every user the query matches, collected, with what the walk saw.
pub async fn collect_users(
    client: &ScimClient,
    caps: &mut Capabilities,
    query: &UserQuery,
) -> Result<(Vec<User>, WalkStats), ScimError> {
    let mut users = Vec::new();
    let stats = walk_users(client, caps, query, |user| {
        users.push(user);
        Ok::<_, ScimError>(true)
    })
    .await?;
    Ok((users, stats))
}

/// One page, shrinking `count` if the server refuses it and switching to `POST .search` if GET
/// is refused. Anything else the server says is returned as the error it is.
async fn fetch_page_adapting(
    client: &ScimClient,
    caps: &mut Capabilities,
    filter: Option<&str>,
    request: &PageRequest,
    count: &mut u64,
) -> Result<ListResponse<User>, ScimError> {
    loop {
        let by_post = caps.search_by_post == Some(true);
        let result = fetch_page(client, filter, request, *count, by_post).await;
        match result {
            Err(e) if !by_post && get_is_refused(&e) => {
                tracing::info!("GET with a filter was refused ({e}); trying POST /Users/.search");
                let page = fetch_page(client, filter, request, *count, true).await?;
                caps.learn(|c| c.search_by_post = Some(true));
                return Ok(page);
            }
            Err(e) if count_may_be_too_large(&e, filter) => match smaller_page_size(*count) {
                Some(smaller) => {
                    tracing::info!("the server refused count={count} ({e}); asking for {smaller}");
                    *count = smaller;
                    caps.learn(|c| c.page_cap = Some(smaller));
                }
                None => return Err(e),
            },
            other => return other,
        }
    }
}

async fn fetch_page(
    client: &ScimClient,
    filter: Option<&str>,
    request: &PageRequest,
    count: u64,
    by_post: bool,
) -> Result<ListResponse<User>, ScimError> {
    let reply: Reply = if by_post {
        let (start_index, cursor) = match request {
            PageRequest::Index { start_index } => (Some(*start_index), None),
            PageRequest::Cursor(c) => (None, Some(c.clone())),
        };
        let body = SearchRequest {
            schemas: [SEARCH_REQUEST_SCHEMA],
            attributes: None,
            filter: filter.map(str::to_string),
            start_index,
            count,
            cursor,
        };
        let body = serde_json::to_value(body).expect("a search request always serialises");
        client.search(client.url("Users/.search"), &body).await?
    } else {
        let mut url = client.url("Users");
        url.set_query(Some(&page_query(filter, request, count)));
        client.get(url).await?
    };
    reply.json()
}

/// `filter=…&startIndex=…&count=…`, every value percent-encoded (`%20`, `%2B`), never `+`.
pub fn page_query(filter: Option<&str>, request: &PageRequest, count: u64) -> String {
    let mut parts = Vec::with_capacity(3);
    if let Some(filter) = filter {
        parts.push(format!("filter={}", encode_query_component(filter)));
    }
    match request {
        PageRequest::Index { start_index } => parts.push(format!("startIndex={start_index}")),
        PageRequest::Cursor(cursor) => {
            parts.push(format!("cursor={}", encode_query_component(cursor)))
        }
    }
    parts.push(format!("count={count}"));
    parts.join("&")
}

fn get_is_refused(e: &ScimError) -> bool {
    matches!(e.status(), Some(405 | 414 | 501))
        || e.body().is_some_and(|b| b.is_scim_type("sensitive"))
}

/// A 400 that does not blame the filter may be blaming `count` (Pulumi answers 400 above 100).
fn count_may_be_too_large(e: &ScimError, filter: Option<&str>) -> bool {
    let Some(body) = e.body() else { return false };
    e.status() == Some(400)
        && (body.is_scim_type("tooMany")
            || (filter.is_none() || !body.is_scim_type("invalidFilter")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_query_encodes_the_filter_and_pages() {
        assert_eq!(
            page_query(
                Some(r#"userName eq "a+b""#),
                &PageRequest::Index { start_index: 101 },
                100
            ),
            "filter=userName%20eq%20%22a%2Bb%22&startIndex=101&count=100"
        );
        assert_eq!(
            page_query(None, &PageRequest::Cursor(String::new()), 50),
            "cursor=&count=50"
        );
    }
}
