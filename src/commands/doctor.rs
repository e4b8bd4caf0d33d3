//! `scimctl doctor`: can I reach it, is the token good, what does this server support?

use anyhow::Result;

use super::session::Session;
use crate::cli::OutputFormat;
use crate::exit::{ExitStatus, Failed};
use crate::output::Printer;
use crate::output::doctor::{CheckStatus, DoctorReport, ProviderReport};
use crate::provider;
use crate::scim::capabilities::FormFact;
use crate::scim::client::is_loopback;
use crate::scim::error::{FailureClass, ScimError};
use crate::scim::filter::FilterForm;
use crate::scim::probe::{self, PageCap};
use crate::scim::verify::{self, Sample, Spent};

const PROBED_FORMS: [FilterForm; 4] = [
    FilterForm::UserName,
    FilterForm::ExternalId,
    FilterForm::EmailsValue,
    FilterForm::EmailsValuePath,
];

pub async fn run(settings: &crate::settings::Settings, printer: &Printer) -> Result<ExitStatus> {
    let mut session = Session::open(settings, printer)?;
    let base = session.client.base_url().clone();
    let mut report = DoctorReport::new(base.to_string(), provider_report(&session));
    let status = diagnose_endpoint(&mut session, &mut report).await;
    if let Some(config) = &report.service_provider_config {
        // The documentation link in the config may name the provider where the URL did not.
        if settings.connection.provider.is_none() {
            session.provider = provider::detect(&base, Some(config));
            report.provider = provider_report(&session);
        }
    }
    report.check(
        "provider",
        CheckStatus::Ok,
        format!(
            "{}: {}{}",
            session.provider.provider.name,
            session.provider.reason,
            if settings.connection.provider.is_none() {
                "; override with --provider"
            } else {
                ""
            }
        ),
    );
    session.remember();
    report.usable = status == ExitStatus::Success;
    match printer.format() {
        OutputFormat::Table => printer.data(&report.render_table(printer))?,
        OutputFormat::Json => printer.json(&report)?,
        OutputFormat::Ndjson => printer.ndjson_line(&report)?,
    }
    if status == ExitStatus::Success {
        return Ok(status);
    }
    // The report on stdout says it all; stderr still gets the one line a CI log shows.
    let failed = report
        .checks
        .iter()
        .find(|c| c.status == CheckStatus::Failed);
    let reason = failed
        .map(|c| format!("{}: {}", c.name, c.detail))
        .unwrap_or_default();
    Err(Failed(status, format!("the endpoint is not usable: {reason}")).into())
}

fn provider_report(session: &Session) -> ProviderReport {
    ProviderReport {
        id: session.provider.provider.id,
        name: session.provider.provider.name,
        detected_by: session.provider.reason,
    }
}

/// Runs the checks in order; a failure that makes the rest meaningless ends the walk.
async fn diagnose_endpoint(session: &mut Session, report: &mut DoctorReport) -> ExitStatus {
    let client = &session.client;
    let caps = &mut session.caps;
    let base = client.base_url();
    if base.scheme() == "http" {
        if is_loopback(base) {
            report.check(
                "transport",
                CheckStatus::Ok,
                "plain http:// to this machine (loopback)",
            );
        } else {
            report.check(
                "transport",
                CheckStatus::Warning,
                "plain http:// (--insecure-http): the token travels unencrypted; use https:// outside a trusted network",
            );
        }
    }

    let reach = probe::reach(client).await;
    match &reach.config {
        Ok(config) => {
            let tls = if base.scheme() == "https" { ", TLS verified" } else { "" };
            report.check(
                "reachable",
                CheckStatus::Ok,
                format!("/ServiceProviderConfig answered in {} ms{tls}", reach.elapsed.as_millis()),
            );
            caps.learn(|c| c.service_provider_config = Some(config.clone()));
            report.service_provider_config = Some(config.clone());
        }
        Err(e) if e.class() == FailureClass::Unavailable => {
            report.check("reachable", CheckStatus::Failed, e.to_string());
            return ExitStatus::Unavailable;
        }
        Err(e) if e.class() == FailureClass::Auth => {
            report.check("reachable", CheckStatus::Ok, "the server answers (it protects /ServiceProviderConfig)");
        }
        Err(e) => report.check(
            "reachable",
            CheckStatus::Warning,
            format!("the server answers, but /ServiceProviderConfig failed: {e}; is the URL the SCIM base (ending in /scim/v2 or similar)?"),
        ),
    }

    let users = match verify::sample(client, caps).await {
        Ok(users) => users,
        Err(e) => {
            let (status, exit) = match e.class() {
                FailureClass::Auth => (CheckStatus::Failed, ExitStatus::Auth),
                FailureClass::Unavailable => (CheckStatus::Failed, ExitStatus::Unavailable),
                _ => (CheckStatus::Failed, ExitStatus::Refused),
            };
            let hint = if exit == ExitStatus::Auth {
                "; check the token (expired? for another tenant?) and that it may read /Users"
            } else {
                ""
            };
            let name = if exit == ExitStatus::Auth {
                "token"
            } else {
                "list users"
            };
            report.check(name, status, format!("{e}{hint}"));
            return exit;
        }
    };
    if caps.paging_params == Some(false) {
        report.check(
            "paging",
            CheckStatus::Warning,
            "the server fails on startIndex/count, but a plain GET /Users works, so scimctl reads users without them (in one request: a server that caps it cannot be read in full)",
        );
    }
    report.users_visible = users.total;
    report.check(
        "token",
        CheckStatus::Ok,
        match users.total {
            Some(n) => format!("accepted; {n} users visible to it"),
            None => "accepted (the server does not say how many users there are)".to_string(),
        },
    );

    match probe::declared_unique(client).await {
        Ok(unique) => {
            let detail = if unique.is_empty() {
                "/Schemas declares no unique User attribute; uniqueness is still likely enforced (userName by RFC 7643)".to_string()
            } else {
                format!("/Schemas declares unique: {}", unique.join(", "))
            };
            report.check(
                "uniqueness",
                CheckStatus::Ok,
                format!("{detail}; emails may be unique even where undeclared"),
            );
            report.declared_unique = Some(unique);
        }
        Err(e) if e.class() == FailureClass::Refused => {
            report.check(
                "uniqueness",
                CheckStatus::Skipped,
                format!("/Schemas is not available ({e})"),
            );
        }
        Err(e) => return fail_on(report, "uniqueness", &e),
    }

    if let Err(e) = probe_filters(session, report, &users).await {
        return fail_on(report, "filters", &e);
    }
    let client = &session.client;
    let caps = &mut session.caps;

    match probe::search_endpoint(client).await {
        Ok(supported) => {
            report.search_endpoint = Some(supported);
            report.check(
                "POST /.search",
                if supported {
                    CheckStatus::Ok
                } else {
                    CheckStatus::Skipped
                },
                if supported {
                    "supported (queries can keep emails out of URLs)"
                } else {
                    "not supported; GET is used"
                },
            );
        }
        Err(e) => return fail_on(report, "POST /.search", &e),
    }

    match probe::page_cap(client, caps, users.total.unwrap_or(0)).await {
        Ok(Some(cap)) => {
            report.page_cap = Some(cap);
            let (status, detail) = match cap {
                PageCap::Observed(n) => (
                    CheckStatus::Warning,
                    format!("at most {n} users per page; scans take more requests"),
                ),
                PageCap::RefusesAbove(n) => (
                    CheckStatus::Warning,
                    format!("a count above {n} is refused with 400; scimctl asks for {n}"),
                ),
                PageCap::NoneBelow(n) => (CheckStatus::Ok, format!("no cap below {n} per page")),
            };
            report.check("page size", status, detail);
        }
        Ok(None) => report.check(
            "page size",
            CheckStatus::Skipped,
            "too few users to observe a page cap",
        ),
        Err(e) => return fail_on(report, "page size", &e),
    }

    let advertised = report
        .service_provider_config
        .as_ref()
        .and_then(|c| c.etag.and_then(|e| e.supported));
    let observed = match users.users.first() {
        Some(sample) => match probe::etag(client, sample).await {
            Ok(tag) => Some(tag),
            Err(e) => return fail_on(report, "ETags", &e),
        },
        None => None,
    };
    // An ETag header alone proves nothing: web frameworks add body hashes to every answer.
    // Only a server that advertises ETags and shows one on a resource is trusted with If-Match.
    let (status, detail, supported) = match (advertised, &observed) {
        (Some(true), Some(Some(tag))) => (CheckStatus::Ok, format!("advertised, and a user read back version {tag}; writes will send If-Match"), Some(true)),
        (_, Some(Some(tag))) => (CheckStatus::Warning, format!("the server sends an ETag ({tag}), but /ServiceProviderConfig does not advertise ETag support, so If-Match may protect nothing; scimctl re-reads each account right before writing instead"), Some(false)),
        (Some(true), Some(None)) => (CheckStatus::Warning, "advertised, but reading a user returned no ETag or meta.version; writes cannot be guarded by If-Match".to_string(), Some(false)),
        (Some(true), None) => (CheckStatus::Skipped, "advertised in /ServiceProviderConfig, but not seen (no users to read)".to_string(), None),
        (_, Some(None)) | (Some(false), None) => (CheckStatus::Warning, "not supported: scimctl re-reads each account right before writing instead of If-Match".to_string(), Some(false)),
        (None, None) => (CheckStatus::Skipped, "unknown (no users to read)".to_string(), None),
    };
    report.etag = supported;
    caps.learn(|c| c.etag = supported);
    report.check("ETags", status, detail);
    ExitStatus::Success
}

/// Proves each filter form with values the listed users hold, and `or` between two.
async fn probe_filters(
    session: &mut Session,
    report: &mut DoctorReport,
    sample: &Sample,
) -> Result<(), ScimError> {
    let mut spent = Spent::default();
    let mut parts = Vec::new();
    for form in PROBED_FORMS {
        let fact =
            verify::verify_form(&session.client, &mut session.caps, sample, form, &mut spent)
                .await?;
        report.filters.insert(form.label(), fact);
        parts.push(format!("{} {}", form.label(), fact.label()));
    }
    let or = verify::verify_or(&session.client, &mut session.caps, sample, &mut spent).await?;
    report.or_filter = Some(or);
    parts.push(format!("'or' {}", or.label()));
    let proven = |form: FilterForm, case_exact: bool| {
        report
            .filters
            .get(form.label())
            .is_some_and(|f| f.conclusive(case_exact, "Aa"))
    };
    let email_ok = FilterForm::EMAIL_FORMS.iter().any(|f| proven(*f, false));
    let user_name_ok = proven(FilterForm::UserName, false);
    let external_id_ok = proven(FilterForm::ExternalId, true);
    let status = if user_name_ok && email_ok && external_id_ok {
        CheckStatus::Ok
    } else {
        CheckStatus::Warning
    };
    let mut detail = parts.join(", ");
    let unproven: Vec<&str> = [
        (!user_name_ok).then_some("userName"),
        (!email_ok).then_some("email"),
        (!external_id_ok).then_some("externalId"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !unproven.is_empty() {
        detail.push_str(&format!(
            "; {} lookups will read the directory (up to --max-scan users) instead of trusting an empty answer",
            unproven.join(", ")
        ));
    }
    report.check("filters", status, detail);
    let case = report.filters.get(FilterForm::UserName.label()).copied();
    report.user_name_case_insensitive = match case {
        Some(FormFact::Verified { ignores_case }) => ignores_case,
        _ => None,
    };
    match case {
        Some(FormFact::Verified { ignores_case: Some(true) }) => report.check(
            "userName case",
            CheckStatus::Ok,
            "userName eq ignores case, as RFC 7643 says",
        ),
        Some(FormFact::Verified { ignores_case: Some(false) }) => report.check(
            "userName case",
            CheckStatus::Warning,
            "userName eq is case-sensitive here: an identity provider looking up \"JDoe\" will not find \"jdoe\", create, and get 409; scimctl compares userNames itself",
        ),
        _ => report.check(
            "userName case",
            CheckStatus::Skipped,
            "not tested (no listed user has a userName with letters, or the filter does not work)",
        ),
    }
    report.check(
        "verification",
        CheckStatus::Ok,
        format!("{} requests, with values listed users hold", spent.requests),
    );
    Ok(())
}

fn fail_on(report: &mut DoctorReport, name: &'static str, e: &ScimError) -> ExitStatus {
    report.check(name, CheckStatus::Failed, e.to_string());
    match e.class() {
        FailureClass::Auth => ExitStatus::Auth,
        FailureClass::Unavailable => ExitStatus::Unavailable,
        FailureClass::Refused | FailureClass::Usage => ExitStatus::Refused,
    }
}
