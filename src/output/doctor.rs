//! The `doctor` report: a checklist for people, a versioned JSON document for scripts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::escape::escape;
use super::{JSON_VERSION, Printer, Tone};
use crate::scim::capabilities::FormFact;
use crate::scim::model::ServiceProviderConfig;
use crate::scim::probe::PageCap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CheckStatus {
    Ok,
    Warning,
    Failed,
    Skipped,
}

#[derive(Debug, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: CheckStatus,
    pub detail: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderReport {
    pub id: &'static str,
    pub name: &'static str,
    pub detected_by: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoctorReport {
    pub version: u32,
    pub endpoint: String,
    pub usable: bool,
    pub checks: Vec<Check>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_provider_config: Option<ServiceProviderConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub users_visible: Option<u64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<&'static str, FormFact>,
    /// What `or` between two filters was shown to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub or_filter: Option<FormFact>,
    /// User attributes `/Schemas` declares unique, e.g. `userName (server)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_unique: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name_case_insensitive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_endpoint: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_cap: Option<PageCap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<bool>,
    pub provider: ProviderReport,
}

impl DoctorReport {
    pub fn new(endpoint: String, provider: ProviderReport) -> DoctorReport {
        DoctorReport {
            version: JSON_VERSION,
            endpoint,
            usable: false,
            checks: Vec::new(),
            service_provider_config: None,
            users_visible: None,
            filters: BTreeMap::new(),
            declared_unique: None,
            user_name_case_insensitive: None,
            or_filter: None,
            search_endpoint: None,
            page_cap: None,
            etag: None,
            provider,
        }
    }

    pub fn check(&mut self, name: &'static str, status: CheckStatus, detail: impl Into<String>) {
        self.checks.push(Check {
            name,
            status,
            detail: detail.into(),
        });
    }

    pub fn render_table(&self, printer: &Printer) -> String {
        let width = self.checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
        let mut lines = vec![format!(
            "{} {}",
            printer.paint(Tone::Bold, "endpoint"),
            self.endpoint
        )];
        for check in &self.checks {
            let (mark, tone) = match check.status {
                CheckStatus::Ok => ("ok  ", Tone::Good),
                CheckStatus::Warning => ("warn", Tone::Warning),
                CheckStatus::Failed => ("FAIL", Tone::Bad),
                CheckStatus::Skipped => ("skip", Tone::Dim),
            };
            lines.push(format!(
                "  {}  {:width$}  {}",
                printer.paint(tone, mark),
                check.name,
                escape(&printer.server_text(&check.detail))
            ));
        }
        lines.push(if self.usable {
            format!("{} the endpoint is usable", printer.paint(Tone::Good, "=>"))
        } else {
            format!(
                "{} the endpoint is not usable yet; see FAIL above",
                printer.paint(Tone::Bad, "=>")
            )
        });
        lines.join("\n")
    }
}
