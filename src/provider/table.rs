//! The facts, one entry per provider, each from the research file (§3) unless marked
//! otherwise. An unknown is left at the generic RFC behaviour, which is probed at run time.

use super::rate::{AWS_LIMITS, GITHUB_LIMITS, SLACK_LIMITS};
use super::{ErrorStyle, Filterable, LoginRule, OverCap, Provider, Scope};

const RFC_ERRORS: ErrorStyle = ErrorStyle {
    wrapped: false,
    user_name_taken: "User with userName {value} already exists.",
    email_taken: "A user with email {value} already exists.",
    immutable_scim_type: "mutability",
};

pub const GENERIC: Provider = Provider {
    id: "generic",
    name: "generic SCIM 2.0 (RFC 7644)",
    url_hints: &[],
    docs: "https://datatracker.ietf.org/doc/html/rfc7644",
    filterable: Filterable::Any,
    page_cap: None,
    over_cap: OverCap::Truncates,
    etag: None,
    // RFC 7643 §4.1.1 says "across the service provider's entire set of Users"; in a
    // multi-tenant service that set is the tenant's.
    user_name_unique: Scope::Tenant,
    email_unique: None,
    user_name_mutable: true,
    stores_external_id: true,
    login_rule: LoginRule::IgnoreCase,
    inactive_reserves: true,
    errors: RFC_ERRORS,
    hidden_holder: "the holder is a record outside this token's view: another tenant of the service, an account deactivated or soft-deleted but still reserved, or one this token may not read",
    unseen_holders: Some(
        "SCIM does not say whether a server keeps values reserved by records it does not list (deleted or deactivated accounts, other tenants), and many do",
    ),
    support: "ask the service provider's support to find and release the record holding it",
    rate_limits: &[],
};

pub const PROVIDERS: &[Provider] = &[
    GENERIC,
    Provider {
        id: "pulumi",
        name: "Pulumi Cloud",
        url_hints: &[("api.pulumi.com", "/scim")],
        docs: "https://www.pulumi.com/docs/administration/access-identity/scim/",
        filterable: Filterable::Only(&["userName"]),
        page_cap: Some(100),
        over_cap: OverCap::Refuses,
        etag: Some(false),
        user_name_unique: Scope::Service,
        email_unique: Some(Scope::Service),
        user_name_mutable: false,
        stores_external_id: false,
        login_rule: LoginRule::IgnoreCase,
        inactive_reserves: true,
        errors: ErrorStyle {
            wrapped: true,
            user_name_taken: "User with userName {value} already exists.",
            email_taken: "Email {value} already in use by another Pulumi account.",
            immutable_scim_type: "immutability",
        },
        hidden_holder: "it belongs to another Pulumi account outside your organisation, typically the person's own account created before SCIM",
        unseen_holders: Some(
            "Pulumi keeps userNames and emails unique across the whole service, and accounts outside your organisation (a person's own account) are invisible to this token",
        ),
        support: "ask the person to sign in to their own Pulumi account and connect it (Account Settings -> Connect SAML SSO) or change its email; otherwise contact Pulumi support",
        // Not published in the sources found (research §5.2).
        rate_limits: &[],
    },
    Provider {
        id: "github-emu",
        name: "GitHub Enterprise Managed Users",
        url_hints: &[
            ("api.github.com", "/scim/v2/enterprises"),
            ("ghe.com", "/scim/v2/enterprises"),
        ],
        docs: "https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/provisioning-user-accounts-with-scim",
        filterable: Filterable::Only(&["userName", "externalId", "id", "displayName"]),
        login_rule: LoginRule::GitHub,
        rate_limits: GITHUB_LIMITS,
        ..GENERIC
    },
    Provider {
        id: "aws",
        name: "AWS IAM Identity Center",
        url_hints: &[("amazonaws.com", "/scim")],
        docs: "https://docs.aws.amazon.com/singlesignon/latest/developerguide/what-is-scim.html",
        filterable: Filterable::Only(&["userName", "externalId", "id"]),
        page_cap: Some(100),
        errors: ErrorStyle {
            user_name_taken: "Refused to create a new, duplicate resource.",
            email_taken: "Refused to create a new, duplicate resource.",
            ..RFC_ERRORS
        },
        rate_limits: AWS_LIMITS,
        ..GENERIC
    },
    Provider {
        id: "slack",
        name: "Slack",
        url_hints: &[("api.slack.com", "/scim")],
        docs: "https://docs.slack.dev/admins/scim-api",
        // A duplicate email fails "even if the existing user has been previously deactivated".
        email_unique: Some(Scope::Tenant),
        errors: ErrorStyle {
            email_taken: "email_taken",
            user_name_taken: "username_taken",
            ..RFC_ERRORS
        },
        hidden_holder: "Slack keeps a deactivated user's email reserved, and the holder is likely such a user, which this token's queries do not return",
        unseen_holders: Some(
            "Slack keeps deactivated users' emails reserved, and this token's queries may not return them",
        ),
        support: "a Slack admin can change the deactivated user's email in Slack's admin pages; otherwise contact Slack support",
        rate_limits: SLACK_LIMITS,
        ..GENERIC
    },
    Provider {
        id: "atlassian",
        name: "Atlassian Cloud",
        url_hints: &[("api.atlassian.com", "/scim")],
        docs: "https://support.atlassian.com/provisioning-users/docs/understand-user-provisioning/",
        email_unique: Some(Scope::Service),
        errors: ErrorStyle {
            email_taken: "Resource [USER]: with email[{value}] already exists.",
            ..RFC_ERRORS
        },
        hidden_holder: "the email belongs to an Atlassian account outside your organisation, or to a stale SCIM record keyed by that email",
        unseen_holders: Some(
            "Atlassian keeps emails unique across all of Atlassian, and accounts outside your organisation are invisible to this token",
        ),
        support: "claim the account through your verified domain in Atlassian Administration, or ask Atlassian support to remove the stale SCIM record",
        ..GENERIC
    },
    Provider {
        id: "okta",
        name: "Okta (as a SCIM target)",
        url_hints: &[("okta.com", ""), ("oktapreview.com", "")],
        docs: "https://developer.okta.com/docs/reference/scim/",
        ..GENERIC
    },
    Provider {
        id: "entra",
        name: "Microsoft Entra ID (as a SCIM target)",
        url_hints: &[("graph.microsoft.com", "")],
        docs: "https://learn.microsoft.com/en-us/entra/identity/app-provisioning/",
        ..GENERIC
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
