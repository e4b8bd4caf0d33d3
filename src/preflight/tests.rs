use serde_json::json;

use super::*;
use crate::conflict::candidate::{Candidate, Source};
use crate::conflict::lookup::LookupKey;
use crate::provider::{GENERIC, by_id};
use crate::scim::model::User;

fn incoming(row: u64, user_name: &str, email: &str) -> Incoming {
    let mut candidate = Candidate::default();
    candidate.add_all(
        [
            LookupKey::UserName(user_name.into()),
            LookupKey::Email(email.into()),
        ],
        Source::Export,
    );
    Incoming { row, candidate }
}

fn holder(id: &str, user_name: &str, email: &str, active: bool) -> User {
    serde_json::from_value(json!({"id": id, "userName": user_name, "active": active,
        "emails": [{"value": email, "primary": true}]}))
    .unwrap()
}

fn outcomes(predictions: &[Prediction]) -> Vec<Outcome> {
    predictions.iter().map(|p| p.outcome).collect()
}

#[test]
fn a_held_user_name_is_a_conflict_and_a_shared_email_only_where_emails_are_unique() {
    let holders = [
        holder("h1", "JDoe", "jdoe@x.example", true),
        holder("h2", "other", "shared@x.example", true),
    ];
    let users = vec![
        incoming(1, "jdoe", "new@x.example"),
        incoming(2, "fresh", "shared@x.example"),
    ];
    let generic = predict(users.clone(), &holders, &GENERIC, "20261201");
    assert_eq!(outcomes(&generic), [Outcome::Conflict, Outcome::Create]);
    let slack = predict(users, &holders, by_id("slack").unwrap(), "20261201");
    assert_eq!(outcomes(&slack), [Outcome::Conflict, Outcome::Conflict]);
}

#[test]
fn two_incoming_users_with_one_value_collide_and_the_first_is_named() {
    let users = vec![
        incoming(1, "ann", "a@x.example"),
        incoming(2, "Ann", "b@x.example"),
        incoming(3, "bob", "c@x.example"),
    ];
    let found = predict(users, &[], &GENERIC, "20261201");
    assert_eq!(
        outcomes(&found),
        [
            Outcome::Create,
            Outcome::CollidesWithCandidate,
            Outcome::Create
        ]
    );
    assert_eq!(found[1].collides_with, Some(1));
}

#[test]
fn a_refused_create_takes_nothing_from_those_after_it() {
    let holders = [holder("h1", "ann", "old@x.example", true)];
    let users = vec![
        incoming(1, "ann", "a@x.example"),
        incoming(2, "ANN", "b@x.example"),
    ];
    let found = predict(users, &holders, &GENERIC, "20261201");
    assert_eq!(outcomes(&found), [Outcome::Conflict, Outcome::Conflict]);
    assert_eq!(found[1].collides_with, None);
}

#[test]
fn mapping_overrides_are_read_and_checked() {
    let map = MappingOverride::parse("userName=upn, email=Mail").unwrap();
    assert_eq!(map.user_name.as_deref(), Some("upn"));
    assert_eq!(map.email.as_deref(), Some("Mail"));
    assert!(MappingOverride::parse("phone=x").is_err());
    assert!(MappingOverride::parse("userName").is_err());
}
