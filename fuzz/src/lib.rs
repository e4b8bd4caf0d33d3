//! What every fuzz target checks, one function per reader of outside input.
//!
//! Each function takes the bytes a server, a file or a person could hand scimctl, runs the
//! reader, and panics when an invariant breaks — not only on a crash. The cargo-fuzz targets
//! (`fuzz/fuzz_targets/`) call these under libFuzzer; the stable test suite
//! (`tests/fuzz_smoke.rs`) calls the same functions over the committed seeds
//! (`fuzz/seeds/<target>/`) and a few thousand mutations of them, so CI needs no nightly.
//!
//! Input layouts, where a target needs more than one value: the first line and the rest,
//! split at the first `\n` (see [`first_line`]).

use percent_encoding::percent_decode_str;
use scim_v2::filter::{AttrExp, CompValue, CompareOp, Filter, ValFilter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use scimctl::conflict::candidate::{Candidate, Source};
use scimctl::conflict::journal::Contents;
use scimctl::conflict::plan;
use scimctl::idp::parse_failure;
use scimctl::provider::{self, PROVIDERS};
use scimctl::sandbox::{matching, patch};
use scimctl::scim::error_body::ErrorBody;
use scimctl::scim::filter::{self, FilterForm, encode_query_component};
use scimctl::scim::model::{ListResponse, PatchOp, Schema, ServiceProviderConfig, User};
use scimctl::scim::paging::{PageRequest, PageSummary, next_page};
use scimctl::scim::query::page_query;

/// One target's checks: the bytes in, a panic when an invariant breaks.
pub type Check = fn(&[u8]);

/// Every target, by the name of its `fuzz_targets/` file and `seeds/` directory.
pub const TARGETS: [(&str, Check); 7] = [
    ("error_body", error_body),
    ("idp_failure", idp_failure),
    ("payload", payload),
    ("scim_model", scim_model),
    ("filter", filter_building),
    ("journal", journal),
    ("sandbox", sandbox),
];

/// The first line (without its `\n`) and the rest; no `\n` means an empty first line.
pub fn first_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&[], data),
    }
}

/// `ErrorBody::parse`: the first line is the Content-Type (as `HeaderValue::to_str` lets it
/// through: visible ASCII, space and tab; anything else means no content type), the rest the body.
pub fn error_body(data: &[u8]) {
    let (content_type, raw) = first_line(data);
    let content_type = std::str::from_utf8(content_type)
        .ok()
        .filter(|ct| !ct.is_empty() && ct.bytes().all(|b| b == b'\t' || (32..127).contains(&b)));
    let body = ErrorBody::parse(content_type, raw);
    assert_eq!(
        body.raw,
        String::from_utf8_lossy(raw),
        "the raw text is kept"
    );
    assert_eq!(body.content_type.as_deref(), content_type);
    let line = body.describe();
    assert!(
        !line.contains(['\n', '\r']),
        "describe() is one line: {line:?}"
    );
}

/// `idp::parse_failure`, what `diagnose --error TEXT|@FILE|-` reads (UTF-8 text).
pub fn idp_failure(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let failure = parse_failure(text);
    if !failure.is_conflict() {
        assert!(
            failure.named.is_empty() && failure.attributes.is_empty(),
            "{failure:?}"
        );
    }
    if let Some(detail) = &failure.detail {
        assert!(!detail.is_empty(), "an empty detail is left out");
    }
    for key in &failure.named {
        assert!(
            !key.value().trim().is_empty(),
            "a named value is never blank: {key:?}"
        );
        assert!(
            !failure.attributes.contains(&key.attribute()),
            "a named attribute is not repeated bare: {failure:?}"
        );
    }
    for (i, key) in failure.named.iter().enumerate() {
        assert!(
            !failure.named[..i].contains(key),
            "named values do not repeat: {:?}",
            failure.named
        );
    }
    if let Some(body) = &failure.body {
        let line = body.describe();
        assert!(
            !line.contains(['\n', '\r']),
            "describe() is one line: {line:?}"
        );
    }
}

/// A SCIM User payload (`--payload`) → the candidate, and → the plan `provision` builds.
pub fn payload(data: &[u8]) {
    let Ok(user) = serde_json::from_slice::<User>(data) else {
        return;
    };
    let candidate = Candidate::from_payload(&user);
    let keys = candidate.keys();
    assert!(keys.iter().all(|k| !k.value().is_empty()), "{keys:?}");
    assert_eq!(
        keys.len(),
        usize::from(candidate.user_name.is_some())
            + candidate.emails.len()
            + usize::from(candidate.external_id.is_some())
    );
    let mut rebuilt = Candidate::default();
    for key in keys {
        rebuilt.add(key, Source::Flags);
    }
    assert!(rebuilt.emails.len() <= candidate.emails.len());
    assert_eq!(rebuilt.user_name, candidate.user_name);
    assert_eq!(rebuilt.external_id, candidate.external_id);
    serde_json::to_string(&candidate).expect("a candidate serialises");
    let blank_name = user
        .user_name
        .as_deref()
        .is_none_or(|u| u.trim().is_empty());
    match plan::provision(user.clone(), None, None) {
        Ok(plan) => {
            assert!(!blank_name, "a create needs a userName");
            let journaled = serde_json::to_string(&plan).expect("a plan serialises");
            let read_back: plan::Plan =
                serde_json::from_str(&journaled).expect("a journaled plan reads back");
            assert_eq!(read_back, plan, "the journal keeps the plan exactly");
        }
        Err(_) => assert!(blank_name, "only a missing userName refuses a create"),
    }
    plan::provision(user, Some("override"), Some("override@example.com"))
        .expect("with a userName given, a create plan always builds");
}

/// What servers answer: ListResponse, User, ServiceProviderConfig, Schema and PatchOp
/// bodies. Whatever is read survives being written and read again unchanged, and a page
/// never sends the walk backwards.
pub fn scim_model(data: &[u8]) {
    if let Some(page) = round_trip::<ListResponse<User>>(data) {
        let returned = page.resources.len() as u64;
        let summary = PageSummary {
            returned,
            total_results: page.total_results,
            next_cursor: page.next_cursor.clone(),
        };
        for start_index in [1, page.start_index.unwrap_or(1).max(1)] {
            match next_page(&PageRequest::Index { start_index }, &summary) {
                Some(PageRequest::Index { start_index: next }) => {
                    assert!(next > start_index, "the walk moves on")
                }
                Some(PageRequest::Cursor(cursor)) => assert!(!cursor.is_empty()),
                None => {}
            }
        }
    }
    round_trip::<User>(data);
    round_trip::<Schema>(data);
    round_trip::<PatchOp>(data);
    if let Some(config) = round_trip::<ServiceProviderConfig>(data) {
        let url = url::Url::parse("https://scim.example.com/scim/v2").expect("a valid URL");
        let _ = provider::detect(&url, Some(&config));
    }
}

fn round_trip<T: Serialize + DeserializeOwned>(data: &[u8]) -> Option<T> {
    let read: T = serde_json::from_slice(data).ok()?;
    let written = serde_json::to_value(&read).expect("what was read serialises");
    let again: T = serde_json::from_value(written.clone()).expect("what was written reads back");
    assert_eq!(
        serde_json::to_value(&again).expect("serialises"),
        written,
        "a read and a write change nothing"
    );
    Some(read)
}

/// Filter building (`FilterForm::build`), the user's `--filter` check (`filter::parse`) and
/// query encoding (`page_query`): the first line is a cursor, the rest the value or filter.
pub fn filter_building(data: &[u8]) {
    let (cursor, text) = first_line(data);
    let (Ok(cursor), Ok(text)) = (std::str::from_utf8(cursor), std::str::from_utf8(text)) else {
        return;
    };
    for form in [
        FilterForm::UserName,
        FilterForm::ExternalId,
        FilterForm::EmailsValue,
        FilterForm::EmailsValuePath,
    ] {
        let built = form.build(text).to_string();
        let parsed = filter::parse(&built)
            .unwrap_or_else(|e| panic!("a built filter parses: {built:?}: {e}"));
        assert_eq!(compared_value(&parsed), Some(text), "{built:?}");
        check_query(&built, cursor);
    }
    if let Ok(parsed) = filter::parse(text) {
        let shown = parsed.to_string();
        let again = filter::parse(&shown)
            .unwrap_or_else(|e| panic!("a filter's own rendering parses: {shown:?}: {e}"));
        assert_eq!(again, parsed, "{text:?} → {shown:?}");
    }
}

fn compared_value(filter: &Filter) -> Option<&str> {
    let exp = match filter {
        Filter::Attr(exp) => exp,
        Filter::ValuePath(vp) => match vp.filter.as_ref() {
            ValFilter::Attr(exp) => exp,
            _ => return None,
        },
        _ => return None,
    };
    match exp {
        AttrExp::Comparison(_, CompareOp::Eq, CompValue::Str(v)) => Some(v),
        _ => None,
    }
}

/// The query string carries the filter and the cursor exactly, in safe characters only.
fn check_query(filter: &str, cursor: &str) {
    let decode = |v: &str| {
        percent_decode_str(v)
            .decode_utf8()
            .expect("UTF-8")
            .into_owned()
    };
    let encoded = encode_query_component(filter);
    assert!(
        encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b))
    );
    assert_eq!(decode(&encoded), filter);
    for request in [
        PageRequest::Index { start_index: 1 },
        PageRequest::Cursor(cursor.to_string()),
    ] {
        let query = page_query(Some(filter), &request, 100);
        let parts: Vec<(&str, String)> = query
            .split('&')
            .map(|part| {
                let (name, value) = part.split_once('=').expect("name=value");
                (name, decode(value))
            })
            .collect();
        assert_eq!(parts[0], ("filter", filter.to_string()), "{query}");
        match &request {
            PageRequest::Cursor(c) => assert_eq!(parts[1], ("cursor", c.clone()), "{query}"),
            PageRequest::Index { .. } => assert_eq!(parts[1], ("startIndex", "1".into())),
        }
        assert_eq!(parts[2], ("count", "100".into()));
        assert_eq!(parts.len(), 3, "{query}");
    }
}

/// The journal reader over arbitrary bytes: it never fails on damage (a damaged line is
/// skipped and named), never shows an id twice, and knows an id at least as high as any entry's
/// (so the next one handed out can never repeat).
pub fn journal(data: &[u8]) {
    let contents = Contents::read_from(data).expect("reading from memory cannot fail");
    let mut ids = std::collections::HashSet::new();
    for entry in &contents.entries {
        assert!(
            ids.insert(entry.intent.id),
            "id {} listed twice",
            entry.intent.id
        );
        assert!(contents.highest_id >= entry.intent.id);
    }
    for damage in &contents.damaged {
        assert!(damage.line >= 1);
    }
    serde_json::to_string(&contents.entries).expect("entries serialise for journal list -o json");
}

/// The sandbox's filter evaluation and PATCH: the first line is a filter, the rest a PatchOp
/// applied to a stored user. Read-only attributes never change, the result stays an object,
/// and the filter is evaluated against the user before and after.
pub fn sandbox(data: &[u8]) {
    let (filter_text, patch_body) = first_line(data);
    let user = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": "2819c223",
        "userName": "jdoe",
        "externalId": "00u1",
        "active": true,
        "emails": [{"value": "jdoe@example.com", "type": "work", "primary": true},
                   {"value": "j.doe@example.com", "type": "home"}],
        "name": {"givenName": "Jane", "familyName": "Doe"},
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "7"},
        "meta": {"resourceType": "User", "version": "W/\"1\""}
    });
    let mut resources = vec![user.clone()];
    if let Ok(op) = serde_json::from_slice::<PatchOp>(patch_body)
        && let Ok(patched) = patch::apply(&user, &op)
    {
        assert!(patched.is_object(), "a patched user is an object");
        for read_only in ["id", "meta", "schemas"] {
            assert_eq!(
                patched[read_only], user[read_only],
                "{read_only} is read-only"
            );
        }
        resources.push(patched);
    }
    let Ok(filter) = std::str::from_utf8(filter_text).map(filter::parse) else {
        return;
    };
    let Ok(filter) = filter else { return };
    for resource in &resources {
        let matched = matching::matches(&filter, resource);
        assert_eq!(
            matching::matches(&Filter::Not(Box::new(filter.clone())), resource),
            !matched
        );
    }
    for provider in PROVIDERS {
        let _ = matching::within_provider_limits(&filter, provider);
    }
}
