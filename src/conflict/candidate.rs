//! The candidate: who the identity provider was trying to provision, pieced together from
//! flags, the SCIM payload it sent, and what its error message names.

use serde::Serialize;

use super::lookup::LookupKey;
use crate::scim::model::User;

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
}

impl Candidate {
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
        }
    }

    /// Adds a value the flags or the error named; a value already known is not repeated, and
    /// a flag's userName or externalId wins over one from elsewhere.
    pub fn add(&mut self, key: LookupKey) {
        match key {
            LookupKey::UserName(v) => {
                self.user_name.get_or_insert(v);
            }
            LookupKey::ExternalId(v) => {
                self.external_id.get_or_insert(v);
            }
            LookupKey::Email(v) => {
                if !self.emails.iter().any(|e| e.eq_ignore_ascii_case(&v)) {
                    self.emails.push(v);
                }
            }
        }
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
        keys
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
        candidate.add(LookupKey::UserName("other".into()));
        candidate.add(LookupKey::Email("a@x.com".into()));
        candidate.add(LookupKey::Email("A@X.com".into()));
        assert_eq!(candidate.user_name.as_deref(), Some("jdoe"));
        assert_eq!(candidate.emails, ["a@x.com"]);
        assert_eq!(candidate.keys().len(), 2);
    }
}
