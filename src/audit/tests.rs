use serde_json::json;

use super::*;
use crate::provider::{GENERIC, by_id};

fn user(
    id: &str,
    user_name: &str,
    emails: &[&str],
    external_id: Option<&str>,
    active: bool,
) -> User {
    serde_json::from_value(json!({
        "id": id, "userName": user_name, "active": active,
        "emails": emails.iter().map(|e| json!({"value": e})).collect::<Vec<_>>(),
        "externalId": external_id,
    }))
    .unwrap()
}

fn audit(users: &[User], provider: &Provider) -> Audit {
    let mut auditor = Auditor::default();
    for u in users {
        auditor.add(u);
    }
    auditor.finish(provider)
}

fn rules(audit: &Audit, attribute: Attribute) -> Vec<(Rule, Vec<String>)> {
    audit
        .clusters
        .iter()
        .filter(|c| c.attribute == attribute)
        .map(|c| (c.rule, c.accounts.iter().map(|a| a.id.clone()).collect()))
        .collect()
}

#[test]
fn each_user_name_rule_joins_its_own_pair_once() {
    let users = [
        user("1", "jdoe", &[], Some("x1"), true),
        user("2", "JDoe", &[], Some("x2"), true),
        user("3", "ａｓｍｉｔｈ", &[], Some("x3"), true),
        user("4", "asmith", &[], Some("x4"), true),
        user("5", "sam\u{200B}wise", &[], Some("x5"), true),
        user("6", "samwise", &[], Some("x6"), true),
        user("7", "pаul", &[], Some("x7"), true), // Cyrillic а
        user("8", "paul", &[], Some("x8"), true),
        user("9", "mary.jane", &[], Some("x9"), true),
        user("10", "Mary_Jane", &[], Some("x10"), true),
    ];
    let generic = audit(&users, &GENERIC);
    assert_eq!(
        rules(&generic, Attribute::UserName),
        [
            (Rule::Case, vec!["1".into(), "2".into()]),
            (Rule::Nfkc, vec!["3".into(), "4".into()]),
            (Rule::Invisible, vec!["5".into(), "6".into()]),
            (Rule::LookAlike, vec!["7".into(), "8".into()]),
        ]
    );
    let github = audit(&users, by_id("github-emu").unwrap());
    assert!(
        rules(&github, Attribute::UserName)
            .contains(&(Rule::LoginRule, vec!["9".into(), "10".into()]))
    );
}

#[test]
fn an_address_in_any_slot_and_inactive_holders_are_flagged() {
    let users = [
        user(
            "1",
            "a",
            &["work@x.example", "Shared@X.example"],
            Some("e1"),
            false,
        ),
        user("2", "b", &["shared@x.example"], Some("e2"), true),
        user("3", "c", &["c@x.example"], Some("e1"), true),
        user("4", "d", &["d@x.example", "d@x.example"], None, true),
    ];
    let found = audit(&users, &GENERIC);
    let emails: Vec<&Cluster> = found
        .clusters
        .iter()
        .filter(|c| c.attribute == Attribute::Emails)
        .collect();
    assert_eq!(
        emails.len(),
        1,
        "an account listing its own address twice is no cluster"
    );
    assert_eq!(emails[0].rule, Rule::Case);
    assert!(emails[0].inactive_holder);
    assert_eq!(
        rules(&found, Attribute::ExternalId),
        [(Rule::Exact, vec!["1".into(), "3".into()])]
    );
    assert_eq!(found.missing_external_ids, 1);
    assert_eq!(found.users, 4);
}

#[test]
fn a_clean_directory_has_no_clusters() {
    let users: Vec<User> = (0..50)
        .map(|n| {
            user(
                &n.to_string(),
                &format!("user{n}"),
                &[&format!("u{n}@x.example")],
                Some(&format!("x{n}")),
                true,
            )
        })
        .collect();
    assert!(audit(&users, &GENERIC).clusters.is_empty());
}
