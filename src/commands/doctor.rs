//! `scimctl doctor`: can I reach it, is the token good, what does this server support?

use anyhow::Result;

use super::session::Session;
use crate::cli::OutputFormat;
use crate::exit::{ExitStatus, Failed};
use crate::output::Printer;
use crate::output::doctor::{CheckStatus, DoctorReport, ProviderReport};
use crate::provider;
use crate::scim::client::is_loopback;
use crate::scim::error::{FailureClass, ScimError};
use crate::scim::filter::FilterForm;
use crate::scim::probe::{self, FilterVerdict, PageCap};
use crate::scim::query::read_unpaged;

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

    let first = match probe::first_user(client).await {
        // A server failing on startIndex/count is not a token failure (issue 8).
        Err(e) if matches!(e.status(), Some(400 | 500)) => match read_unpaged(client, caps).await {
            Ok(page) => {
                report.check(
                    "paging",
                    CheckStatus::Warning,
                    format!("{e}; a plain GET /Users works, so scimctl reads users without startIndex/count (in one request: a server that caps it cannot be read in full)"),
                );
                Ok(probe::UsersProbe {
                    total_results: page.total_results,
                    sample: page.resources.into_iter().next(),
                })
            }
            Err(_) => Err(e),
        },
        other => other,
    };
    let users = match first {
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
            report.check("token", status, format!("{e}{hint}"));
            return exit;
        }
    };
    report.users_visible = users.total_results;
    report.check(
        "token",
        CheckStatus::Ok,
        match users.total_results {
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

    if let Err(e) = probe_filters(session, report).await {
        return fail_on(report, "filters", &e);
    }
    let client = &session.client;
    let caps = &mut session.caps;

    if let Some(sample) = &users.sample {
        match probe::user_name_case(client, caps, sample).await {
            Ok(Some(true)) => {
                report.user_name_case_insensitive = Some(true);
                report.check(
                    "userName case",
                    CheckStatus::Ok,
                    "userName eq ignores case, as RFC 7643 says",
                );
            }
            Ok(Some(false)) => {
                report.user_name_case_insensitive = Some(false);
                report.check(
                    "userName case",
                    CheckStatus::Warning,
                    "userName eq is case-sensitive here: an identity provider looking up \"JDoe\" will not find \"jdoe\", create, and get 409",
                );
            }
            Ok(None) => report.check(
                "userName case",
                CheckStatus::Skipped,
                "the sample user's userName has no letters to change",
            ),
            Err(e) => return fail_on(report, "userName case", &e),
        }
    } else {
        report.check(
            "userName case",
            CheckStatus::Skipped,
            "no users to test with",
        );
    }

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

    match probe::page_cap(client, caps, users.total_results.unwrap_or(0)).await {
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
    let observed = match &users.sample {
        Some(sample) => match probe::etag(client, sample).await {
            Ok(tag) => Some(tag),
            Err(e) => return fail_on(report, "ETags", &e),
        },
        None => None,
    };
    let (status, detail, supported) = match (advertised, &observed) {
        (_, Some(Some(tag))) => (CheckStatus::Ok, format!("supported (a user read back version {tag}); writes will send If-Match"), Some(true)),
        (Some(true), Some(None)) => (CheckStatus::Warning, "advertised, but reading a user returned no ETag or meta.version; writes cannot be guarded by If-Match".to_string(), Some(false)),
        (Some(true), None) => (CheckStatus::Ok, "advertised in /ServiceProviderConfig".to_string(), Some(true)),
        (_, Some(None)) | (Some(false), None) => (CheckStatus::Warning, "not supported: scimctl re-reads before each write instead of If-Match".to_string(), Some(false)),
        (None, None) => (CheckStatus::Skipped, "unknown (no users to read)".to_string(), None),
    };
    report.etag = supported;
    caps.learn(|c| c.etag = supported);
    report.check("ETags", status, detail);
    ExitStatus::Success
}

async fn probe_filters(session: &mut Session, report: &mut DoctorReport) -> Result<(), ScimError> {
    let mut parts = Vec::new();
    for form in PROBED_FORMS {
        let verdict = probe::filter_form(&session.client, &mut session.caps, form).await?;
        report.filters.insert(form.label(), verdict);
        parts.push(format!(
            "{} {}",
            form.label(),
            match verdict {
                FilterVerdict::Supported => "works",
                FilterVerdict::Refused => "refused",
                FilterVerdict::Ignored => "IGNORED (returns users that do not match)",
            }
        ));
    }
    let email_ok = FilterForm::EMAIL_FORMS
        .iter()
        .any(|f| report.filters.get(f.label()) == Some(&FilterVerdict::Supported));
    let user_name_ok =
        report.filters.get(FilterForm::UserName.label()) == Some(&FilterVerdict::Supported);
    let status = if user_name_ok && email_ok {
        CheckStatus::Ok
    } else {
        CheckStatus::Warning
    };
    let mut detail = parts.join(", ");
    if !email_ok {
        detail.push_str("; email lookups will scan every user");
    }
    report.check("filters", status, detail);
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
