//! What is known about each service provider (research §3): a table of facts, looked up by id
//! or detected from the endpoint URL. Domain code asks the table; it never tests a provider's
//! name itself.

use url::Url;

use crate::scim::model::ServiceProviderConfig;

/// Whether a provider's `/Users` endpoint evaluates a filter on emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailFilter {
    /// Unknown until probed: try the filter forms, then scan.
    Probe,
    /// Documented as unsupported: go straight to a scan, without spending requests on refusals.
    Unsupported,
}

#[derive(Debug)]
pub struct Provider {
    pub id: &'static str,
    pub name: &'static str,
    /// Host suffixes (and an optional path fragment) that identify the provider's endpoint.
    pub url_hints: &'static [(&'static str, &'static str)],
    pub email_filter: EmailFilter,
    /// The documented page cap, when there is one.
    pub page_cap: Option<u64>,
    /// ETags documented as supported (`Some`), unsupported, or unknown (`None`).
    pub etag: Option<bool>,
    /// Where its SCIM behaviour is documented, for people who need more than scimctl says.
    pub docs: &'static str,
}

pub const GENERIC: Provider = Provider {
    id: "generic",
    name: "generic SCIM 2.0 (RFC 7644)",
    url_hints: &[],
    email_filter: EmailFilter::Probe,
    page_cap: None,
    etag: None,
    docs: "https://datatracker.ietf.org/doc/html/rfc7644",
};

pub const PROVIDERS: &[Provider] = &[
    GENERIC,
    Provider {
        id: "pulumi",
        name: "Pulumi Cloud",
        url_hints: &[("api.pulumi.com", "/scim")],
        email_filter: EmailFilter::Unsupported,
        page_cap: Some(100),
        etag: Some(false),
        docs: "https://www.pulumi.com/docs/administration/access-identity/scim/",
    },
    Provider {
        id: "github-emu",
        name: "GitHub Enterprise Managed Users",
        url_hints: &[
            ("api.github.com", "/scim/v2/enterprises"),
            ("ghe.com", "/scim/v2/enterprises"),
        ],
        email_filter: EmailFilter::Unsupported,
        page_cap: None,
        etag: None,
        docs: "https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/provisioning-user-accounts-with-scim",
    },
    Provider {
        id: "aws",
        name: "AWS IAM Identity Center",
        url_hints: &[("amazonaws.com", "/scim")],
        email_filter: EmailFilter::Unsupported,
        page_cap: Some(100),
        etag: None,
        docs: "https://docs.aws.amazon.com/singlesignon/latest/developerguide/what-is-scim.html",
    },
    Provider {
        id: "slack",
        name: "Slack",
        url_hints: &[("api.slack.com", "/scim")],
        email_filter: EmailFilter::Probe,
        page_cap: None,
        etag: None,
        docs: "https://docs.slack.dev/admins/scim-api",
    },
    Provider {
        id: "atlassian",
        name: "Atlassian Cloud",
        url_hints: &[("api.atlassian.com", "/scim")],
        email_filter: EmailFilter::Probe,
        page_cap: None,
        etag: None,
        docs: "https://support.atlassian.com/provisioning-users/docs/understand-user-provisioning/",
    },
    Provider {
        id: "okta",
        name: "Okta (as a SCIM target)",
        url_hints: &[("okta.com", ""), ("oktapreview.com", "")],
        email_filter: EmailFilter::Probe,
        page_cap: None,
        etag: None,
        docs: "https://developer.okta.com/docs/reference/scim/",
    },
    Provider {
        id: "entra",
        name: "Microsoft Entra ID (as a SCIM target)",
        url_hints: &[("graph.microsoft.com", "")],
        email_filter: EmailFilter::Probe,
        page_cap: None,
        etag: None,
        docs: "https://learn.microsoft.com/en-us/entra/identity/app-provisioning/",
    },
];

pub const IDS: [&str; 8] = [
    "generic",
    "pulumi",
    "github-emu",
    "aws",
    "slack",
    "atlassian",
    "okta",
    "entra",
];

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
}
