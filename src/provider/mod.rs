//! What is known about each service provider (research §3): a table of facts, looked up by id
//! or detected from the endpoint URL. The client, diagnosis and the sandbox all read the same
//! table; domain code asks it questions and never tests a provider's name itself.

mod login;
pub mod rate;
mod table;

use url::Url;

use crate::scim::model::ServiceProviderConfig;

pub use login::LoginRule;
pub use table::{GENERIC, IDS, PROVIDERS};

/// How far a uniqueness rule reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Within one tenant (organisation, enterprise, workspace) of the service.
    Tenant,
    /// Across the whole service: every tenant, and accounts that belong to none.
    Service,
}

/// Which attributes `/Users?filter=` can compare with `eq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filterable {
    /// Any attribute (what a provider does not document is probed and remembered).
    Any,
    /// Only these attributes; anything else is answered 400 invalidFilter.
    Only(&'static [&'static str]),
}

/// What a provider does with a `count` above its page cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverCap {
    /// Returns at most the cap, silently.
    Truncates,
    /// Answers 400.
    Refuses,
}

/// How the provider words and wraps its errors, for the sandbox to reproduce them.
#[derive(Debug, Clone, Copy)]
pub struct ErrorStyle {
    /// `{"status": "409", "response": {…}}` instead of the bare RFC body (Pulumi's documentation).
    pub wrapped: bool,
    /// With `{value}` standing for the colliding value.
    pub user_name_taken: &'static str,
    pub email_taken: &'static str,
    /// The scimType for writing an immutable attribute (Pulumi says "immutability").
    pub immutable_scim_type: &'static str,
}

#[derive(Debug)]
pub struct Provider {
    pub id: &'static str,
    pub name: &'static str,
    /// Host suffixes (and an optional path fragment) that identify the provider's endpoint.
    pub url_hints: &'static [(&'static str, &'static str)],
    /// Where its SCIM behaviour is documented, for people who need more than scimctl says.
    pub docs: &'static str,
    pub filterable: Filterable,
    /// The documented page cap, when there is one.
    pub page_cap: Option<u64>,
    pub over_cap: OverCap,
    /// ETags documented as supported (`Some(true)`), unsupported, or unknown (`None`).
    pub etag: Option<bool>,
    pub user_name_unique: Scope,
    /// `None` when emails need not be unique (the RFC's default).
    pub email_unique: Option<Scope>,
    pub user_name_mutable: bool,
    pub stores_external_id: bool,
    /// How userNames are compared for uniqueness.
    pub login_rule: LoginRule,
    /// Deactivated accounts keep holding their userName and emails.
    pub inactive_reserves: bool,
    pub errors: ErrorStyle,
    /// What it means on this provider when the service says a value is taken but no account
    /// visible to the token holds it (completes "…no account visible to this token holds it: ").
    pub hidden_holder: &'static str,
    /// Why the service may hold a value in an account no query of this token returns, so a
    /// clear lookup covers only what the token sees; `None` when every holder is visible.
    pub unseen_holders: Option<&'static str>,
    /// Where to go when only the provider or the account's owner can release a value.
    pub support: &'static str,
    /// Documented request-rate limits, per tenant; empty when none is documented.
    pub rate_limits: &'static [rate::Limit],
}

impl Provider {
    /// Whether `/Users?filter=` may compare this attribute (`emails`, `userName`, …).
    pub fn can_filter(&self, attribute: &str) -> bool {
        match self.filterable {
            Filterable::Any => true,
            Filterable::Only(allowed) => allowed.iter().any(|a| a.eq_ignore_ascii_case(attribute)),
        }
    }
}

pub fn by_id(id: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|p| p.id.eq_ignore_ascii_case(id))
}

/// The provider and how it was chosen, for `doctor` to report.
#[derive(Debug, Clone, Copy)]
pub struct Detection {
    pub provider: &'static Provider,
    pub reason: &'static str,
}

/// Picks the provider from the URL's host and path, then from the ServiceProviderConfig's
/// documentation link; falls back to the generic RFC rules.
pub fn detect(url: &Url, config: Option<&ServiceProviderConfig>) -> Detection {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    let path = url.path().to_ascii_lowercase();
    let by_url = PROVIDERS.iter().find(|p| {
        p.url_hints
            .iter()
            .any(|(suffix, fragment)| host_matches(&host, suffix) && path.contains(fragment))
    });
    if let Some(provider) = by_url {
        return Detection {
            provider,
            reason: "detected from the endpoint's host name",
        };
    }
    let docs = config
        .and_then(|c| c.documentation_uri.as_deref())
        .unwrap_or("");
    let by_docs = PROVIDERS.iter().skip(1).find(|p| {
        Url::parse(p.docs)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .is_some_and(|h| !docs.is_empty() && docs.contains(&h))
    });
    match by_docs {
        Some(provider) => Detection {
            provider,
            reason: "detected from the documentationUri in /ServiceProviderConfig",
        },
        None => Detection {
            provider: &PROVIDERS[0],
            reason: "no known provider matched the URL, so the RFC's rules apply",
        },
    }
}

fn host_matches(host: &str, suffix: &str) -> bool {
    host == suffix || host.ends_with(&format!(".{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_url(url: &str) -> &'static str {
        detect(&Url::parse(url).unwrap(), None).provider.id
    }

    #[test]
    fn detects_known_providers_from_their_urls() {
        assert_eq!(detect_url("https://api.pulumi.com/scim/v2/acme"), "pulumi");
        assert_eq!(
            detect_url("https://api.github.com/scim/v2/enterprises/acme"),
            "github-emu"
        );
        assert_eq!(
            detect_url("https://scim.us-east-1.amazonaws.com/abc-123/scim/v2"),
            "aws"
        );
        assert_eq!(detect_url("https://acme.okta.com/api/v1/scim"), "okta");
        assert_eq!(detect_url("https://scim.example.com/v2"), "generic");
        assert_eq!(detect_url("https://notokta.com/scim"), "generic");
    }

    #[test]
    fn ids_list_every_provider() {
        assert_eq!(IDS.len(), PROVIDERS.len());
        for id in IDS {
            assert_eq!(by_id(id).unwrap().id, id);
        }
    }

    #[test]
    fn filterable_attributes() {
        let pulumi = by_id("pulumi").unwrap();
        assert!(pulumi.can_filter("userName"));
        assert!(!pulumi.can_filter("emails"));
        assert!(GENERIC.can_filter("emails"));
    }
}
