//! What a service provider's message says collided: the attribute, and the value when the
//! message names it (research §3): `Email {email} already in use by another Pulumi account.`,
//! `Resource [USER]: with email[x] already exists.`, `A user with userName "x" already exists.`,
//! `SCIM User externalId already exists` (no value), Slack's `email_taken` (no value).

use std::sync::LazyLock;

use regex::Regex;

use crate::conflict::lookup::LookupKey;
use crate::scim::compare::same_ignoring_case;

/// Research §6.2, widened by wordings seen in §3 and common frameworks ("has already been
/// taken", Slack's `email_taken`, "must be unique"), and Entra's own typo ("already exisits").
static CONFLICT_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\balready\s+(?:been\s+)?(?:exists?|exisits|in\s+use|taken|registered)\b|\bnot\s+unique\b|\bmust\s+be\s+unique\b|\bduplicate|\bconflict|[a-z]_taken\b|\bis\s+taken\b",
    )
    .expect("valid regex")
});

/// An attribute as messages spell it.
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<user>\buser[ _-]?name\b|\blog-?in\b)|(?P<email>\be-?mails?(?:[ _-]?address(?:es)?)?\b|\bmail\b)|(?P<external>\bexternal[ _-]?id\b)",
    )
    .expect("valid regex")
});

/// The value written right after an attribute: `[x]`, `"x"`, `'x'`, `“x”`, `` `x` ``, bare
/// when a conflict phrase follows it (`Email x already in use`), or after that phrase and a
/// colon (`Username already exists: x`).
static VALUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?ix)^(?:
            \s+(?:is\s+|has\s+)?(?:already\s+(?:been\s+)?(?:exists?|in\s+use|taken|registered)|taken|not\s+unique)
            \s*[:=]\s*(?:
                "(?P<dq_after>[^"\r\n]{1,256})"
              | '(?P<sq_after>[^'\r\n]{1,256})'
              | (?P<tail>[^\s"'`\[\](),;]{1,256})
            )
          | \s*\[(?P<bracket>[^\]\s]{1,256})\]
          | (?:\s*[:=]\s*|\s+(?:of\s+|value\s+)?)(?:
                "(?P<dq>[^"\r\n]{1,256})"
              | '(?P<sq>[^'\r\n]{1,256})'
              | “(?P<cq>[^”\r\n]{1,256})”
              | ‘(?P<csq>[^’\r\n]{1,256})’
              | `(?P<bt>[^`\r\n]{1,256})`
              | \[(?P<bracket2>[^\]\s]{1,256})\]
              | (?P<bare>[^\s"'`\[\](),;]{1,256})\s+(?:is\s+|has\s+|was\s+)?
                (?:already|exists?\b|taken\b|in\s+use\b|not\s+unique\b|conflicts?\b|must\s+be\s+unique\b)
            )
        )"#,
    )
    .expect("valid regex")
});

/// Slack's (and similar) error codes: `email_taken`, `username_taken`.
static SNAKE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<email>e-?mail)|(?P<user>user_?name|login)|(?P<external>external_?id))_(?:taken|exists|already_exists|in_use|not_unique|conflict|duplicate)\b",
    )
    .expect("valid regex")
});

static MENTIONS_MAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)mail").expect("valid regex"));

/// An address, loosely: `email@domain` (Atlassian's own example) counts; an apostrophe may be
/// inside the local part (`o'brien@…`) but not open it (`'x@y.com'` is quoted).
static EMAIL_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
        .expect("valid regex")
});

/// Words a bare value cannot be: `Username already exists` names no value.
const NOT_VALUES: &[&str] = &[
    "a",
    "already",
    "an",
    "attribute",
    "conflict",
    "duplicate",
    "exist",
    "exists",
    "field",
    "for",
    "has",
    "in",
    "is",
    "must",
    "not",
    "of",
    "taken",
    "the",
    "unique",
    "value",
    "was",
    "with",
];

/// Whether a message says that a value is already taken.
pub fn sounds_like_conflict(detail: &str) -> bool {
    CONFLICT_WORDING.is_match(detail)
}

/// What a conflict message names.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Named {
    /// Attribute and value pairs, in order of appearance, without repeats.
    pub keys: Vec<LookupKey>,
    /// Attributes named without a value, in order, not repeating one that has a value.
    pub attributes: Vec<&'static str>,
}

pub fn named_in(detail: &str) -> Named {
    let mut keys: Vec<(usize, LookupKey)> = Vec::new();
    let mut bare_attributes: Vec<(usize, &'static str)> = Vec::new();
    for caps in ATTRIBUTE.captures_iter(detail) {
        let whole = caps.get(0).expect("group 0");
        let attribute = if caps.name("user").is_some() {
            "userName"
        } else if caps.name("email").is_some() {
            "emails"
        } else {
            "externalId"
        };
        match value_after(&detail[whole.end()..]).and_then(|v| key(attribute, v)) {
            Some(key) => keys.push((whole.start(), key)),
            None => bare_attributes.push((whole.start(), attribute)),
        }
    }
    for caps in SNAKE_CODE.captures_iter(detail) {
        let attribute = if caps.name("email").is_some() {
            "emails"
        } else if caps.name("user").is_some() {
            "userName"
        } else {
            "externalId"
        };
        bare_attributes.push((caps.get(0).expect("group 0").start(), attribute));
    }
    if let Some((at, address)) = only_address(detail) {
        let named_already = keys
            .iter()
            .any(|(_, k)| same_ignoring_case(k.value(), address));
        if !named_already && MENTIONS_MAIL.is_match(detail) {
            keys.push((at, LookupKey::Email(address.to_string())));
        }
    }
    keys.sort_by_key(|(at, _)| *at);
    bare_attributes.sort_by_key(|(at, _)| *at);

    let mut named = Named::default();
    for (_, key) in keys {
        if !named.keys.iter().any(|k| same_key(k, &key)) {
            named.keys.push(key);
        }
    }
    for (_, attribute) in bare_attributes {
        let has_value = named.keys.iter().any(|k| k.attribute() == attribute);
        if !has_value && !named.attributes.contains(&attribute) {
            named.attributes.push(attribute);
        }
    }
    named
}

fn value_after(rest: &str) -> Option<&str> {
    let caps = VALUE_AFTER.captures(rest)?;
    let value = [
        "bracket", "dq", "sq", "cq", "csq", "bt", "bracket2", "dq_after", "sq_after",
    ]
    .iter()
    .find_map(|name| caps.name(name))
    .map(|m| m.as_str().trim())
    .or_else(|| {
        // At the end of a sentence: `… already exists: jdoe.`
        caps.name("tail")
            .map(|m| m.as_str().trim_end_matches(['.', '!', '?', ':']))
    })
    .or_else(|| {
        caps.name("bare")
            .map(|m| m.as_str())
            .filter(|v| !NOT_VALUES.iter().any(|w| w.eq_ignore_ascii_case(v)))
    })?;
    (!value.is_empty()).then_some(value)
}

fn key(attribute: &'static str, value: &str) -> Option<LookupKey> {
    match attribute {
        // "email [type eq work]" and the like are not addresses.
        "emails" => value
            .contains('@')
            .then(|| LookupKey::Email(value.to_string())),
        "userName" => Some(LookupKey::UserName(value.to_string())),
        _ => Some(LookupKey::ExternalId(value.to_string())),
    }
}

/// The one address the text contains (ignoring case), with where it first appears.
fn only_address(text: &str) -> Option<(usize, &str)> {
    let mut found = EMAIL_ADDRESS.find_iter(text);
    let first = found.next()?;
    found
        .all(|m| m.as_str().eq_ignore_ascii_case(first.as_str()))
        .then_some((first.start(), first.as_str()))
}

/// userName and emails compare ignoring case (RFC 7643 §4.1); externalId exactly (§3.1).
fn same_key(a: &LookupKey, b: &LookupKey) -> bool {
    a.kind() == b.kind() && a.kind().equal(a.value(), b.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(detail: &str) -> Vec<LookupKey> {
        named_in(detail).keys
    }

    fn attributes(detail: &str) -> Vec<&'static str> {
        named_in(detail).attributes
    }

    #[test]
    fn pulumi_texts_name_their_value() {
        assert_eq!(
            keys("Email jdoe@example.com already in use by another Pulumi account."),
            [LookupKey::Email("jdoe@example.com".into())]
        );
        assert_eq!(
            keys("User with userName jdoe already exists."),
            [LookupKey::UserName("jdoe".into())]
        );
    }

    #[test]
    fn atlassian_brackets_the_email() {
        let named = named_in("Resource [USER]: with email[email@domain] already exists.");
        assert_eq!(named.keys, [LookupKey::Email("email@domain".into())]);
        assert!(named.attributes.is_empty());
    }

    #[test]
    fn quoted_values_in_every_style() {
        for (text, value) in [
            (r#"userName "jdoe" is already taken"#, "jdoe"),
            ("userName 'jdoe' is already taken", "jdoe"),
            ("userName [jdoe] is already taken", "jdoe"),
            ("userName “jdoe” is already taken", "jdoe"),
            ("userName `jdoe` is already taken", "jdoe"),
            ("userName: \"jdoe\" already exists", "jdoe"),
            ("userName=jdoe already exists", "jdoe"),
            ("userName jdoe already exists", "jdoe"),
            ("user name jdoe is already in use", "jdoe"),
            ("Username already exists: jdoe.", "jdoe"),
            ("Username has already been taken: \"jdoe\"", "jdoe"),
        ] {
            assert_eq!(keys(text), [LookupKey::UserName(value.into())], "{text}");
        }
        assert_eq!(
            keys("externalId \"00u1abc\" already exists"),
            [LookupKey::ExternalId("00u1abc".into())]
        );
    }

    #[test]
    fn attributes_without_a_value() {
        assert_eq!(
            attributes("SCIM User externalId already exists"),
            ["externalId"]
        );
        assert_eq!(
            attributes(
                "login: An object with this field already exists in the current organization"
            ),
            ["userName"]
        );
        assert_eq!(attributes("email_taken"), ["emails"]);
        assert_eq!(attributes("username_taken"), ["userName"]);
        assert_eq!(attributes("Username already exists"), ["userName"]);
        assert_eq!(attributes("Email has already been taken"), ["emails"]);
        assert!(keys("Username already exists").is_empty());
        assert!(named_in("member already exists").attributes.is_empty());
        assert_eq!(
            named_in("Refused to create a new, duplicate resource."),
            Named::default()
        );
    }

    #[test]
    fn a_lone_address_in_a_text_about_email_is_named() {
        assert_eq!(
            keys("The e-mail address is already registered: JDoe@Example.com"),
            [LookupKey::Email("JDoe@Example.com".into())]
        );
        assert_eq!(
            keys("The user's email 'o'brien@example.com' already exists"),
            [LookupKey::Email("o'brien@example.com".into())]
        );
        assert_eq!(
            keys("Email address already in use: jdoe@example.com."),
            [LookupKey::Email("jdoe@example.com".into())]
        );
        // Which attribute holds it is not said: it could be the userName.
        assert!(keys("User jdoe@example.com already exists").is_empty());
        // Two different addresses: which one collided is not said.
        assert!(keys("email a@example.com or b@example.com already in use").is_empty());
    }

    #[test]
    fn a_value_named_twice_is_named_once() {
        let named = named_in(
            r#"A user with userName "JDoe" already exists. The userName "jdoe" must be unique."#,
        );
        assert_eq!(named.keys, [LookupKey::UserName("JDoe".into())]);
        assert!(named.attributes.is_empty());
    }

    #[test]
    fn a_filter_path_is_not_an_address() {
        let named = named_in(r#"Conflict on emails[type eq "work"].value"#);
        assert!(named.keys.is_empty());
        assert_eq!(named.attributes, ["emails"]);
    }

    #[test]
    fn conflict_wording() {
        for yes in [
            "User already exists in the database.",
            "Email jdoe@example.com already in use by another Pulumi account.",
            "Email has already been taken",
            "The userName must be unique.",
            "is not unique",
            "Refused to create a new, duplicate resource.",
            "Conflict",
            "email_taken",
            "a user or a group already exisits with the same name",
        ] {
            assert!(sounds_like_conflict(yes), "{yes}");
        }
        for no in [
            "User jdoe@example.com not exist or not belong to this account.",
            "User must be Active.",
            "Request is unparsable, syntactically incorrect, or violates schema.",
        ] {
            assert!(!sounds_like_conflict(no), "{no}");
        }
    }
}
