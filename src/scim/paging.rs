//! Paging arithmetic (RFC 7644 §3.4.2.4 and RFC 9865), kept pure so it can be tested alone.
//!
//! `startIndex` is 1-based. A server may return fewer results than asked (page caps of 100 are
//! common, older AWS gave 50), `totalResults` may change while we walk, and some servers page
//! only by cursor. The walk ends when a page is empty, when the index passes the latest total,
//! or when a cursor-paged server stops sending `nextCursor`.

/// Where the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageRequest {
    Index { start_index: u64 },
    Cursor(String),
}

impl PageRequest {
    pub fn first() -> PageRequest {
        PageRequest::Index { start_index: 1 }
    }
}

/// What one page said about the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSummary {
    pub returned: u64,
    pub total_results: Option<u64>,
    pub next_cursor: Option<String>,
}

pub fn next_page(current: &PageRequest, page: &PageSummary) -> Option<PageRequest> {
    if let Some(cursor) = page.next_cursor.as_ref().filter(|c| !c.is_empty()) {
        return Some(PageRequest::Cursor(cursor.clone()));
    }
    match current {
        PageRequest::Cursor(_) => None,
        PageRequest::Index { start_index } => {
            if page.returned == 0 {
                return None;
            }
            let next = start_index + page.returned;
            match page.total_results {
                Some(total) if next > total => None,
                _ => Some(PageRequest::Index { start_index: next }),
            }
        }
    }
}

/// Users a walk may deliver past twice the first `totalResults` it was told, for a collection
/// that really grows while it is read.
pub const CEILING_MARGIN: u64 = 1_000;
/// The ceiling when the server never says how many users it has.
pub const CEILING_WITHOUT_TOTAL: u64 = 1_000_000;

/// How many users a walk may deliver before the server is taken to be misbehaving (a new
/// cursor on every page, a total that grows as fast as it is read): `--max-users` when given,
/// else twice the first total announced plus a margin. The first total, not the largest: a
/// total that grows with every page would otherwise move the ceiling along with it.
pub fn ceiling(max_users: Option<u64>, first_total: Option<u64>) -> u64 {
    match (max_users, first_total) {
        (Some(max), _) => max,
        (None, Some(total)) => total.saturating_mul(2).saturating_add(CEILING_MARGIN),
        (None, None) => CEILING_WITHOUT_TOTAL,
    }
}

/// The page size to ask for: the server's advertised or observed cap, at most `wanted`.
pub fn page_size(wanted: u64, advertised_max: Option<u64>, observed_cap: Option<u64>) -> u64 {
    [
        Some(wanted),
        advertised_max.filter(|m| *m > 0),
        observed_cap.filter(|c| *c > 0),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(wanted)
    .max(1)
}

/// A smaller page size to try after the server refused `count` with 400, or `None` to stop.
pub fn smaller_page_size(count: u64) -> Option<u64> {
    (count > 25).then(|| (count / 2).max(25))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn summary(returned: u64, total: Option<u64>) -> PageSummary {
        PageSummary {
            returned,
            total_results: total,
            next_cursor: None,
        }
    }

    #[test]
    fn walks_by_what_was_returned_not_by_what_was_asked() {
        let first = PageRequest::first();
        let next = next_page(&first, &summary(50, Some(120))).unwrap();
        assert_eq!(next, PageRequest::Index { start_index: 51 });
        let next = next_page(&next, &summary(50, Some(120))).unwrap();
        assert_eq!(next, PageRequest::Index { start_index: 101 });
        assert_eq!(next_page(&next, &summary(20, Some(120))), None);
    }

    #[test]
    fn stops_on_an_empty_page_even_if_total_says_more() {
        assert_eq!(
            next_page(&PageRequest::first(), &summary(0, Some(10))),
            None
        );
    }

    #[test]
    fn follows_a_growing_total() {
        let next = next_page(
            &PageRequest::Index { start_index: 101 },
            &summary(100, Some(250)),
        )
        .unwrap();
        assert_eq!(next, PageRequest::Index { start_index: 201 });
    }

    #[test]
    fn without_a_total_keeps_going_until_empty() {
        let next = next_page(&PageRequest::first(), &summary(10, None));
        assert_eq!(next, Some(PageRequest::Index { start_index: 11 }));
    }

    #[test]
    fn cursor_paging_follows_next_cursor_and_ends_without_one() {
        let page = PageSummary {
            returned: 100,
            total_results: None,
            next_cursor: Some("abc".into()),
        };
        let next = next_page(&PageRequest::first(), &page).unwrap();
        assert_eq!(next, PageRequest::Cursor("abc".into()));
        assert_eq!(next_page(&next, &summary(100, None)), None);
    }

    #[test]
    fn page_size_respects_caps() {
        assert_eq!(page_size(100, None, None), 100);
        assert_eq!(page_size(100, Some(50), None), 50);
        assert_eq!(page_size(100, Some(0), Some(25)), 25);
        assert_eq!(smaller_page_size(100), Some(50));
        assert_eq!(smaller_page_size(50), Some(25));
        assert_eq!(smaller_page_size(25), None);
    }

    #[test]
    fn the_ceiling_is_the_override_or_twice_the_first_total() {
        assert_eq!(ceiling(Some(10), Some(1_000_000)), 10);
        assert_eq!(ceiling(None, Some(120)), 240 + CEILING_MARGIN);
        assert_eq!(ceiling(None, None), CEILING_WITHOUT_TOTAL);
        assert_eq!(ceiling(None, Some(u64::MAX)), u64::MAX);
    }

    proptest! {
        /// Walking a fixed-size collection with any page cap visits every item exactly once.
        #[test]
        fn any_cap_visits_everything_once(total in 0u64..2000, cap in 1u64..150) {
            let mut request = PageRequest::first();
            let mut visited = 0u64;
            let mut pages = 0;
            loop {
                let PageRequest::Index { start_index } = request else { unreachable!() };
                let returned = cap.min(total.saturating_sub(start_index - 1));
                visited += returned;
                pages += 1;
                match next_page(&request, &summary(returned, Some(total))) {
                    Some(next) => request = next,
                    None => break,
                }
                prop_assert!(pages <= total + 1);
            }
            prop_assert_eq!(visited, total);
        }
    }
}
