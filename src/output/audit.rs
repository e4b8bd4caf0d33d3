//! The `audit` report: version 1 JSON `{"version":1,"users":N,"clusters":[…]}` and, for
//! people, one block per cluster: the rule that joins the accounts, then the accounts.

use serde::Serialize;

use super::diagnose::ProviderSummary;
use super::escape::escape;
use super::{JSON_VERSION, Printer, Tone};
use crate::audit::{Audit, Cluster};
use crate::provider::Provider;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditReport<'a> {
    pub version: u32,
    #[serde(flatten)]
    pub audit: &'a Audit,
    pub provider: ProviderSummary,
    pub endpoint: String,
}

impl<'a> AuditReport<'a> {
    pub fn new(audit: &'a Audit, provider: &'static Provider, endpoint: String) -> AuditReport<'a> {
        AuditReport {
            version: JSON_VERSION,
            audit,
            provider: ProviderSummary {
                id: provider.id,
                name: provider.name,
            },
            endpoint,
        }
    }

    pub fn render_text(&self, printer: &Printer) -> String {
        let mut out = vec![format!(
            "Read {} users at {} ({} rules).",
            self.audit.users, self.endpoint, self.provider.name
        )];
        if self.audit.clusters.is_empty() {
            out.push(printer.paint(Tone::Good, "No accounts collide with each other."));
        } else {
            out.push(printer.paint(
                Tone::Bad,
                &format!(
                    "{} groups of accounts collide with each other:",
                    self.audit.clusters.len()
                ),
            ));
        }
        for cluster in &self.audit.clusters {
            out.push(String::new());
            out.push(heading(cluster));
            for account in &cluster.accounts {
                let state = match account.active {
                    Some(false) => " (inactive)",
                    _ => "",
                };
                out.push(format!(
                    "  {}  {}{state}  {}{}",
                    escape(&account.id),
                    escape(&account.user_name),
                    escape(&account.emails.join(", ")),
                    account
                        .external_id
                        .as_deref()
                        .map(|e| format!("  externalId {}", escape(e)))
                        .unwrap_or_default()
                ));
            }
        }
        if self.audit.missing_external_ids > 0 {
            out.push(String::new());
            out.push(format!(
                "{} accounts have no externalId (none an identity provider links by).",
                self.audit.missing_external_ids
            ));
        }
        out.join("\n")
    }
}

fn heading(cluster: &Cluster) -> String {
    let inactive = if cluster.inactive_holder {
        "; an inactive account still holds it"
    } else {
        ""
    };
    format!(
        "{} {:?}: {} accounts, {}{inactive}",
        cluster.attribute.scim_name(),
        escape(&cluster.key),
        cluster.accounts.len(),
        cluster.rule.describe()
    )
}
