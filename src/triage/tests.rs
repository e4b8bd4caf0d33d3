//! Reading exports without a server: which failures are conflicts, which are rate limits,
//! how retries fold into one candidate, and how CSV headers are recognised.

use std::path::PathBuf;

use super::*;
use crate::conflict::lookup::LookupKey;
use crate::idp::parse_failure;

fn kind(text: &str) -> Kind {
    occurrence::kind_of(&parse_failure(text))
}

#[test]
fn rate_limits_are_never_conflicts_whatever_else_the_text_says() {
    for text in [
        r#"{"status":"429","scimType":"uniqueness","detail":"User already exists"}"#,
        "Error Code: TooManyRequests\nError Message: StatusCode: Conflict",
        "API call exceeded rate limit due to too many requests. E0000047",
        "Automatic provisioning of user a to app B failed: Error while creating user a : Too Many Requests. Errors reported by remote server: slow down",
    ] {
        assert_eq!(kind(text), Kind::RateLimited, "{text}");
    }
}

#[test]
fn conflicts_in_every_known_form() {
    for text in [
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","detail":"taken"}"#,
        r#"{"status":"400","scimType":"uniqueness","detail":"x"}"#,
        "Error Code: ContosoEntryConflict\nError Message: nope",
        "Error Code: SalesforceDuplicateUserName\nError Message: Duplicate Username.",
        "StatusCode: Conflict Message: Web Response: {\"detail\":\"exists\"}",
        "Automatic provisioning of user a to app B failed: Error while creating user a : Conflict. Errors reported by remote server: User exists with given userName",
    ] {
        assert_eq!(kind(text), Kind::Conflict, "{text}");
    }
    for text in [
        "Error Code: MandatoryFieldsMissing\nError Message: name.familyName is required",
        "Error Code: DuplicateSourceEntries\nError Message: two users in Entra match",
        r#"{"status":"400","scimType":"invalidValue","detail":"bad phone"}"#,
    ] {
        assert_eq!(kind(text), Kind::Other, "{text}");
    }
}

fn occurrence(record: u64, user: &str, kind: Kind) -> Occurrence {
    let mut failure = parse_failure("Conflict");
    failure.named.clear();
    let mut o = Occurrence::new(
        Position {
            input: 0,
            record,
            line: None,
        },
        failure,
    );
    o.kind = kind;
    o.sent = vec![LookupKey::UserName(user.into())];
    o.time = Some(format!("2026-11-2{record}T00:00:00Z"));
    o
}

#[test]
fn retries_fold_into_one_candidate_ignoring_case_and_keep_first_and_last() {
    let mut groups = Groups::default();
    groups.add(occurrence(3, "JDoe", Kind::Conflict));
    groups.add(occurrence(1, "jdoe", Kind::Conflict));
    groups.add(occurrence(5, "JDOE", Kind::Conflict));
    groups.add(occurrence(2, "jdoe", Kind::RateLimited));
    groups.add(occurrence(4, "other", Kind::Conflict));
    let conflicts: Vec<&Group> = groups.of_kind(Kind::Conflict).collect();
    assert_eq!(conflicts.len(), 2);
    assert_eq!(conflicts[0].occurrences, 3);
    assert_eq!(conflicts[0].first.as_deref(), Some("2026-11-21T00:00:00Z"));
    assert_eq!(conflicts[0].last.as_deref(), Some("2026-11-25T00:00:00Z"));
    assert_eq!(groups.of_kind(Kind::RateLimited).count(), 1);
}

#[test]
fn a_failure_naming_nobody_is_counted_as_undecided() {
    let mut groups = Groups::default();
    let mut o = occurrence(1, "x", Kind::Conflict);
    o.sent.clear();
    groups.add(o);
    assert!(groups.groups.is_empty());
    assert_eq!(groups.nameless_count, 1);
}

#[test]
fn csv_headers_say_which_file_is_which() {
    use super::csv::format_of_header;
    assert_eq!(
        format_of_header("Date (UTC),Change ID,Cycle ID,Status,Error Code"),
        Some(ExportFormat::EntraCsv)
    );
    assert_eq!(
        format_of_header("Change ID,Display Name,Old Value,New Value"),
        Some(ExportFormat::EntraCsv)
    );
    assert_eq!(
        format_of_header("Time,Event Type,Outcome,Outcome Reason,Targets"),
        Some(ExportFormat::OktaCsv)
    );
    assert_eq!(
        format_of_header("User,App,Reason"),
        Some(ExportFormat::GoogleCsv)
    );
    assert_eq!(format_of_header("colour,shape"), None);
    assert_eq!(
        format_of_header("Automatic provisioning of user a failed"),
        None
    );
}

#[test]
fn an_empty_file_has_no_records() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("empty.json");
    std::fs::write(&path, "").unwrap();
    let mut failures = 0;
    let summaries = read_export(&[path], None, |_| failures += 1).unwrap();
    assert_eq!(summaries[0].records, 0);
    assert_eq!(failures, 0);
}
