//! The candidate: who the identity provider was trying to provision, pieced together from
//! flags, the SCIM payload it sent, and what its error message names.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::lookup::LookupKey;
use super::normalize::normalize;
use crate::scim::compare::{Attribute, fold};
use crate::scim::model::User;

/// Where a candidate's value came from, for telling the admin which sources disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Flags,
    Payload,
    Error,
    /// A record of an identity provider's export (`triage`): the values it says were sent.
    Export,
}

impl Source {
    fn label(self) -> &'static str {
        match self {
            Source::Flags => "the flags",
            Source::Payload => "the payload",
            Source::Error => "the error",
            Source::Export => "the export",
        }
    }
}

/// A value looked up besides the candidate's own: another userName or externalId a second
/// source named, or the same value in the spelling the server printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlsoLookedUp {
    pub attribute: Attribute,
    pub value: String,
    pub source: Source,
    /// Why it is looked up too, for people.
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// For telling people apart (never a key for lookups): the payload's display or formatted name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Values another source named that differ from the ones above: each is looked up too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_looked_up: Vec<AlsoLookedUp>,
}

impl Candidate {
    /// The values to look up: the candidate's own, plus their normalised forms where those
    /// differ (a service that trims or folds stores the normalised value, and that collides).
    pub fn lookup_keys(&self) -> Vec<LookupKey> {
        let mut keys = self.keys();
        for key in self.keys() {
            let normal = normalize(key.value());
            if !normal.is_empty() && normal != key.value() {
                keys.push(match key {
                    LookupKey::UserName(_) => LookupKey::UserName(normal),
                    LookupKey::Email(_) => LookupKey::Email(normal),
                    LookupKey::ExternalId(_) => LookupKey::ExternalId(normal),
                });
            }
        }
        keys
    }

    /// From a SCIM User as Okta or Entra send it (extension attributes are ignored here).
    pub fn from_payload(user: &User) -> Candidate {
        let display_name = user.display_name.clone().or_else(|| {
            let name = user.rest.get("name")?;
            name.get("formatted")
                .and_then(|f| f.as_str())
                .map(str::to_string)
                .or_else(|| {
                    let given = name.get("givenName").and_then(|v| v.as_str()).unwrap_or("");
                    let family = name
                        .get("familyName")
                        .and_then(|v| v.as_str())
                        .unwrap_or("");
                    let full = format!("{given} {family}").trim().to_string();
                    (!full.is_empty()).then_some(full)
                })
        });
        Candidate {
            user_name: user.user_name.clone().filter(|u| !u.is_empty()),
            emails: user
                .email_values()
                .filter(|e| !e.is_empty())
                .map(str::to_string)
                .collect(),
            external_id: user.external_id.clone().filter(|e| !e.is_empty()),
            display_name,
            also_looked_up: Vec::new(),
        }
    }

    /// Adds a value `source` named. The first userName and externalId fill the candidate's
    /// own; a different one from a later source is kept and looked up too (with the reason
    /// said), and so is the same value in another spelling (a 409 body prints what is stored).
    pub fn add(&mut self, key: LookupKey, source: Source) {
        self.add_all(std::iter::once(key), source);
    }

    /// [`Candidate::add`] for many values at once, in linear time: a payload can carry any
    /// number of emails, and each is checked against those already known through an index,
    /// not by a search.
    pub fn add_all(&mut self, keys: impl IntoIterator<Item = LookupKey>, source: Source) {
        let mut index = Index::of(self);
        for key in keys {
            self.add_indexed(key, source, &mut index);
        }
    }

    fn add_indexed(&mut self, key: LookupKey, source: Source, index: &mut Index) {
        let attribute = key.kind();
        let value = key.value().to_string();
        if index.is_known(attribute, &value) {
            return;
        }
        let has_own = match &key {
            LookupKey::UserName(_) => self.user_name.is_some(),
            LookupKey::ExternalId(_) => self.external_id.is_some(),
            LookupKey::Email(_) => !self.emails.is_empty(),
        };
        match (&key, index.spelled(attribute, &value), has_own) {
            (_, Some(spelled), _) => {
                let reason = format!("{} spells \"{spelled}\" this way", source.label());
                index.also(attribute, &value);
                self.also_looked_up.push(AlsoLookedUp {
                    attribute,
                    value,
                    source,
                    reason,
                });
            }
            (LookupKey::Email(_), None, _) => {
                index.own(attribute, &value);
                self.emails.push(value);
            }
            (_, None, false) => {
                index.own(attribute, &value);
                match key {
                    LookupKey::UserName(v) => self.user_name = Some(v),
                    LookupKey::ExternalId(v) => self.external_id = Some(v),
                    LookupKey::Email(_) => unreachable!("emails are handled above"),
                }
            }
            (_, None, true) => {
                let first = match attribute {
                    Attribute::UserName => self.user_name.clone(),
                    _ => self.external_id.clone(),
                }
                .unwrap_or_default();
                index.also(attribute, &value);
                self.also_looked_up.push(AlsoLookedUp {
                    attribute,
                    value,
                    source,
                    reason: format!(
                        "{} names a different {} than \"{first}\"; both are looked up",
                        source.label(),
                        key.noun()
                    ),
                });
            }
        }
    }

    /// What the sources disagree on (another userName or externalId), for a warning.
    pub fn disagreements(&self) -> impl Iterator<Item = &AlsoLookedUp> {
        self.also_looked_up.iter().filter(|a| {
            let own = match a.attribute {
                Attribute::UserName => self.user_name.as_deref(),
                Attribute::ExternalId => self.external_id.as_deref(),
                Attribute::Emails => None,
            };
            own.is_some_and(|o| !a.attribute.equal(o, &a.value))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.user_name.is_none() && self.emails.is_empty() && self.external_id.is_none()
    }

    /// Every value to look up, userName first.
    pub fn keys(&self) -> Vec<LookupKey> {
        let mut keys = Vec::new();
        keys.extend(self.user_name.clone().map(LookupKey::UserName));
        keys.extend(self.emails.iter().cloned().map(LookupKey::Email));
        keys.extend(self.external_id.clone().map(LookupKey::ExternalId));
        keys.extend(self.also_looked_up.iter().map(|a| match a.attribute {
            Attribute::UserName => LookupKey::UserName(a.value.clone()),
            Attribute::Emails => LookupKey::Email(a.value.clone()),
            Attribute::ExternalId => LookupKey::ExternalId(a.value.clone()),
        }));
        keys
    }
}

/// What a candidate already holds, for [`Candidate::add_all`]: every value as given, and the
/// first own spelling of each value under SCIM's comparison for its attribute.
struct Index {
    known: HashSet<(Attribute, String)>,
    spellings: HashMap<(Attribute, String), String>,
}

impl Index {
    fn of(candidate: &Candidate) -> Index {
        let mut index = Index {
            known: HashSet::new(),
            spellings: HashMap::new(),
        };
        let own = candidate
            .user_name
            .iter()
            .map(|v| (Attribute::UserName, v))
            .chain(candidate.emails.iter().map(|v| (Attribute::Emails, v)))
            .chain(
                candidate
                    .external_id
                    .iter()
                    .map(|v| (Attribute::ExternalId, v)),
            );
        for (attribute, value) in own {
            index.own(attribute, value);
        }
        for also in &candidate.also_looked_up {
            index.also(also.attribute, &also.value);
        }
        index
    }

    /// The key two values are equal on for `attribute` (see [`Attribute::equal`]).
    fn key(attribute: Attribute, value: &str) -> (Attribute, String) {
        if attribute.case_exact() {
            (attribute, value.to_string())
        } else {
            (attribute, fold(value))
        }
    }

    fn own(&mut self, attribute: Attribute, value: &str) {
        self.known.insert((attribute, value.to_string()));
        self.spellings
            .entry(Index::key(attribute, value))
            .or_insert_with(|| value.to_string());
    }

    fn also(&mut self, attribute: Attribute, value: &str) {
        self.known.insert((attribute, value.to_string()));
    }

    fn is_known(&self, attribute: Attribute, value: &str) -> bool {
        self.known.contains(&(attribute, value.to_string()))
    }

    fn spelled(&self, attribute: Attribute, value: &str) -> Option<String> {
        self.spellings.get(&Index::key(attribute, value)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_okta_and_entra_send() {
        let entra: User = serde_json::from_value(json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
            "externalId": "jdoe",
            "userName": "jdoe@contoso.com",
            "active": "True",
            "emails": [{"primary": true, "type": "work", "value": "jdoe@contoso.com"}],
            "name": {"givenName": "Jane", "familyName": "Doe"},
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "IT"}
        }))
        .unwrap();
        let candidate = Candidate::from_payload(&entra);
        assert_eq!(candidate.user_name.as_deref(), Some("jdoe@contoso.com"));
        assert_eq!(candidate.emails, ["jdoe@contoso.com"]);
        assert_eq!(candidate.external_id.as_deref(), Some("jdoe"));
        assert_eq!(candidate.display_name.as_deref(), Some("Jane Doe"));
    }

    /// Found by fuzzing (fuzz/seeds/payload/long_number_round_trip): a long number in a
    /// payload's extension attribute came back from the journal one unit in the last place off,
    /// so what was recorded was not what was read.
    #[test]
    fn a_payload_reads_back_unchanged_after_being_written() {
        let text = r#"{"userName": "jdoe", "x": {"n": 1844674408888888888888888888888888888888888873709551616, "f": 0.30000000000000004}}"#;
        let user: User = serde_json::from_str(text).unwrap();
        let written = serde_json::to_string(&user).unwrap();
        assert_eq!(serde_json::from_str::<User>(&written).unwrap(), user);
    }

    #[test]
    fn values_from_elsewhere_join_without_repeating() {
        let mut candidate = Candidate {
            user_name: Some("jdoe".into()),
            ..Candidate::default()
        };
        candidate.add(LookupKey::UserName("other".into()), Source::Error);
        candidate.add(LookupKey::Email("a@x.com".into()), Source::Payload);
        candidate.add(LookupKey::Email("a@x.com".into()), Source::Error);
        candidate.add(LookupKey::Email("A@X.com".into()), Source::Error);
        candidate.add(LookupKey::UserName("JDOE".into()), Source::Error);
        assert_eq!(candidate.user_name.as_deref(), Some("jdoe"));
        assert_eq!(candidate.emails, ["a@x.com"]);
        // Every value is looked up: the other userName, and the server's spellings.
        assert_eq!(
            candidate.keys(),
            [
                LookupKey::UserName("jdoe".into()),
                LookupKey::Email("a@x.com".into()),
                LookupKey::UserName("other".into()),
                LookupKey::Email("A@X.com".into()),
                LookupKey::UserName("JDOE".into()),
            ]
        );
        let disagreeing: Vec<&str> = candidate
            .disagreements()
            .map(|a| a.value.as_str())
            .collect();
        assert_eq!(disagreeing, ["other"]);
    }
}
