//! Walking the users that match a filter, page by page, whatever paging the server does.
//!
//! Learns as it goes (and records in `Capabilities`): the page cap a server imposes, a `count`
//! it refuses, that it pages by cursor, that it wants `POST /Users/.search` instead of GET.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::capabilities::Capabilities;
use super::client::{MAX_URL_BYTES, Reply, ScimClient};
use super::error::ScimError;
use super::filter::encode_query_component;
use super::model::{ListResponse, SEARCH_REQUEST_SCHEMA, SearchRequest, User};
use super::paging::{PageRequest, PageSummary, ceiling, next_page, page_size, smaller_page_size};

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
    /// The walk ended because the server repeated itself (a page with nothing new, a cursor
    /// handed out again), not because the listing ended: what it delivered may be partial.
    pub stopped_short: bool,
}

pub const WANTED_PAGE_SIZE: u64 = 100;

/// Told, as it happens, what a lookup is about to do and how a walk is going: a person at a
/// terminal sees a note before the work it describes, and a walk's progress while it lasts.
/// The protocol and the domain print nothing themselves; `output` implements this.
pub trait Watch: Send + Sync {
    /// Something a person may want to know, at the moment it becomes true.
    fn note(&self, text: &str);
    /// A walk has read `pages` pages and `users` users so far, of `total` when known.
    fn walking(&self, pages: u32, users: u64, total: Option<u64>);
    /// The walk is over: whatever showed its progress is cleared.
    fn walked(&self);
}

/// Calls `on_user` for each matching user until the walk ends or `on_user` returns `false`.
///
/// Every walk ends, whatever the server does: a user seen before (by id, or by content when it
/// has none) is not delivered again and a page with nothing new ends the walk; a cursor handed
/// out twice ends it; more users than the ceiling (`paging::ceiling`) is an error; and the
/// client's `--deadline` bounds every request.
pub async fn walk_users<E, F>(
    client: &ScimClient,
    caps: &mut Capabilities,
    query: &UserQuery,
    on_user: F,
) -> Result<WalkStats, E>
where
    E: From<ScimError>,
    F: FnMut(User) -> Result<bool, E>,
{
    let walked = walk(client, caps, query, on_user).await;
    if let Some(watch) = client.watch() {
        watch.walked();
    }
    walked
}

async fn walk<E, F>(
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
    let mut cursors = HashSet::new();
    let mut first_total = None;
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
        let (page, paged) =
            fetch_page_adapting(client, caps, query.filter.as_deref(), &request, &mut count)
                .await?;
        stats.pages += 1;
        stats.total_results = page.total_results.or(stats.total_results);
        if let Some(watch) = client.watch() {
            let users = stats.delivered + page.resources.len() as u64;
            watch.walking(stats.pages, users, stats.total_results);
        }
        first_total = first_total.or(page.total_results);
        let returned = page.resources.len() as u64;
        if page.next_cursor.is_some() && caps.cursor_paging != Some(true) {
            caps.learn(|c| c.cursor_paging = Some(true));
        }
        let ceiling = ceiling(client.max_users(), first_total);
        let mut new_users = 0;
        for user in page.resources {
            // A user seen twice (the collection shifted under us, or the server ignores
            // startIndex) is delivered once.
            if !seen.insert(identity(&user)) {
                continue;
            }
            if stats.delivered >= ceiling {
                return Err(ScimError::EndlessWalk {
                    request: users_path(client),
                    what: endless(client.max_users(), first_total, &stats),
                }
                .into());
            }
            new_users += 1;
            stats.delivered += 1;
            if !on_user(user)? || query.limit.is_some_and(|l| stats.delivered >= l) {
                return Ok(stats);
            }
        }
        if !paged {
            return match stats.total_results {
                // Reading part of the directory and calling it all would answer "nobody".
                Some(total) if total > returned => Err(ScimError::EndlessWalk {
                    request: users_path(client),
                    what: format!(
                        "the server fails on paging parameters (startIndex/count), and a plain GET /Users returned {returned} of the {total} users it has; the rest cannot be read"
                    ),
                }
                .into()),
                _ => {
                    stats.notes.push(format!(
                        "the server refuses paging parameters (startIndex/count), so users were read with one plain GET /Users ({returned} users)"
                    ));
                    Ok(stats)
                }
            };
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
            stats.stopped_short = true;
            return Ok(stats);
        }
        if let PageRequest::Cursor(cursor) = &next
            && !cursors.insert(cursor.clone())
        {
            stats.notes.push(format!(
                    "the server handed out the same cursor again after page {}, so the walk stopped at {} users",
                    stats.pages, stats.delivered
                ));
            stats.stopped_short = true;
            return Ok(stats);
        }
        if matches!(next, PageRequest::Index { .. }) && returned < count {
            caps.learn(|c| c.page_cap = Some(returned));
            count = returned;
        }
        request = next;
    }
}

/// What tells one user from another in a walk: its id, or — for a server that sends none —
/// a hash of everything it sent, so that id-less pages sent again are still seen to repeat.
fn identity(user: &User) -> String {
    match user.id() {
        Some(id) => format!("id:{id}"),
        None => {
            let mut hasher = DefaultHasher::new();
            serde_json::to_string(user)
                .expect("a user serialises")
                .hash(&mut hasher);
            format!("content:{:016x}", hasher.finish())
        }
    }
}

fn endless(max_users: Option<u64>, first_total: Option<u64>, stats: &WalkStats) -> String {
    let read = format!(
        "scimctl stopped after {} users in {} pages",
        stats.delivered, stats.pages
    );
    match (max_users, first_total) {
        (Some(max), _) => format!(
            "the server sent more than --max-users {max} users; {read} (raise --max-users if the directory really is larger)"
        ),
        (None, Some(total)) => format!(
            "the server kept sending new users past twice the {total} it announced (totalResults{}); {read}. If the directory really is that large, pass --max-users N",
            match stats.total_results {
                Some(latest) if latest != total => format!(", now {latest}"),
                _ => String::new(),
            }
        ),
        (None, None) => format!(
            "the server kept sending new users without ever saying how many it has; {read}. If the directory really is that large, pass --max-users N"
        ),
    }
}

fn users_path(client: &ScimClient) -> String {
    client.url("Users").path().to_string()
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

/// One page, shrinking `count` if the server refuses it, switching to `POST .search` if GET
/// is refused, and falling back once to a plain `GET /Users` (no `startIndex`, no `count`)
/// where a server fails on paging parameters. Returns the page and whether it was paged.
/// Anything else the server says is returned as the error it is.
async fn fetch_page_adapting(
    client: &ScimClient,
    caps: &mut Capabilities,
    filter: Option<&str>,
    request: &PageRequest,
    count: &mut u64,
) -> Result<(ListResponse<User>, bool), ScimError> {
    let by_post = caps.search_by_post == Some(true);
    if !by_post && get_url_len(client, filter, request, *count) > MAX_URL_BYTES {
        return search_instead_of_long_get(client, filter, request, *count).await;
    }
    if caps.paging_params == Some(false) && !by_post {
        return Ok((fetch_unpaged(client, filter, false).await?, false));
    }
    loop {
        let result = fetch_page(client, filter, request, *count, by_post).await;
        match result {
            Err(e) if !by_post && get_is_refused(&e) => {
                tracing::info!("GET with a filter was refused ({e}); trying POST /Users/.search");
                let page = fetch_page(client, filter, request, *count, true).await?;
                caps.learn(|c| c.search_by_post = Some(true));
                return Ok((page, true));
            }
            Err(e) if count_may_be_too_large(&e, filter) && smaller_page_size(*count).is_some() => {
                let smaller = smaller_page_size(*count).expect("checked just above");
                tracing::info!("the server refused count={count} ({e}); asking for {smaller}");
                *count = smaller;
                caps.learn(|c| c.page_cap = Some(smaller));
            }
            Err(e)
                if !by_post
                    && paging_may_be_refused(&e, filter)
                    && caps.paging_params.is_none() =>
            {
                return match fetch_unpaged(client, filter, true).await {
                    Ok(page) => {
                        tracing::info!(
                            "{e}; a plain GET /Users without startIndex and count works"
                        );
                        caps.learn(|c| c.paging_params = Some(false));
                        Ok((page, false))
                    }
                    Err(plain) if plain.is_filter_refusal() => Err(plain),
                    Err(_) => Err(e),
                };
            }
            other => return other.map(|page| (page, true)),
        }
    }
}

fn get_url_len(
    client: &ScimClient,
    filter: Option<&str>,
    request: &PageRequest,
    count: u64,
) -> usize {
    let mut url = client.url("Users");
    url.set_query(Some(&page_query(filter, request, count)));
    url.as_str().len()
}

/// A filter too long for a URL goes in the body of `POST /Users/.search`; a server without
/// that endpoint cannot be asked it at all (a usage error: shorten the filter).
async fn search_instead_of_long_get(
    client: &ScimClient,
    filter: Option<&str>,
    request: &PageRequest,
    count: u64,
) -> Result<(ListResponse<User>, bool), ScimError> {
    let len = get_url_len(client, filter, request, count);
    match fetch_page(client, filter, request, count, true).await {
        Ok(page) => Ok((page, true)),
        Err(e) if matches!(e.status(), Some(400 | 403 | 404 | 405 | 501)) => {
            Err(ScimError::Unsendable {
                request: format!("GET {}", users_path(client)),
                problem: format!(
                    "the filter makes its URL {len} bytes, longer than the {} KiB servers accept, and the server does not take it by POST /Users/.search either (answered {}); use a shorter filter",
                    MAX_URL_BYTES / 1024,
                    e.status().unwrap_or_default()
                ),
            })
        }
        Err(e) => Err(e),
    }
}

/// `GET /Users` (with the filter, if any) and no paging parameter at all; sent once when it
/// only probes whether the server works this way.
async fn fetch_unpaged(
    client: &ScimClient,
    filter: Option<&str>,
    probe: bool,
) -> Result<ListResponse<User>, ScimError> {
    let mut url = client.url("Users");
    if let Some(filter) = filter {
        url.set_query(Some(&format!("filter={}", encode_query_component(filter))));
    }
    let reply = if probe {
        client.get_once(url).await?
    } else {
        client.get(url).await?
    };
    reply.json()
}

/// Every user by one plain `GET /Users`, for a server that failed on paging parameters
/// (`doctor`'s first request): on success, that is remembered in `caps`.
pub async fn read_unpaged(
    client: &ScimClient,
    caps: &mut Capabilities,
) -> Result<ListResponse<User>, ScimError> {
    let page = fetch_unpaged(client, None, true).await?;
    caps.learn(|c| c.paging_params = Some(false));
    Ok(page)
}

/// A failure that a server refusing `startIndex`/`count` gives: a 500, or a 400 that does not
/// blame the filter.
fn paging_may_be_refused(e: &ScimError, filter: Option<&str>) -> bool {
    match e.status() {
        Some(500) => true,
        Some(400) => filter.is_none() || !e.body().is_some_and(|b| b.is_scim_type("invalidFilter")),
        _ => false,
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
    use serde_json::json;

    fn user(value: serde_json::Value) -> User {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn users_are_told_apart_by_id_or_else_by_everything_they_carry() {
        let a = user(json!({"id": "1", "userName": "a"}));
        let renamed = user(json!({"id": "1", "userName": "b"}));
        assert_eq!(
            identity(&a),
            identity(&renamed),
            "the same account, changed"
        );
        let nameless = user(json!({"userName": "a"}));
        let again = user(json!({"userName": "a"}));
        let other = user(json!({"userName": "b"}));
        assert_eq!(identity(&nameless), identity(&again));
        assert_ne!(identity(&nameless), identity(&other));
        assert_ne!(identity(&nameless), identity(&a));
        let empty_id = user(json!({"id": "", "userName": "a"}));
        assert!(identity(&empty_id).starts_with("content:"));
    }

    #[test]
    fn the_endless_walk_error_says_what_the_server_did() {
        let stats = WalkStats {
            pages: 12,
            delivered: 1100,
            total_results: Some(1250),
            notes: Vec::new(),
            stopped_short: false,
        };
        let said = endless(None, Some(50), &stats);
        assert!(
            said.contains("twice the 50 it announced (totalResults, now 1250)"),
            "{said}"
        );
        assert!(said.contains("1100 users in 12 pages"), "{said}");
        assert!(endless(Some(10), Some(50), &stats).contains("--max-users 10"));
        assert!(endless(None, None, &stats).contains("without ever saying"));
    }

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
