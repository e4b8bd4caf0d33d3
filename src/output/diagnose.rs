//! The `diagnose` report: version 1 JSON (docs/contracts.md, field for field) for scripts,
//! and for people a short story per finding followed by the options.

use serde::Serialize;

use super::command::{command_line, needed};
use super::escape::escape;
use super::{JSON_VERSION, Printer, Tone};
use crate::conflict::candidate::Candidate;
use crate::conflict::diagnose::{Diagnosis, Finding};
use crate::conflict::engine::SearchTrace;
use crate::conflict::normalize::{Match, Warning};
use crate::conflict::options::{Action, Choice, Evidence};
use crate::provider::Provider;

/// An option as the report shows it: the typed fix becomes its action and, when it can run as
/// it is, the command line that does it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionView<'a> {
    pub action: Action,
    pub feasible: bool,
    /// Exactly one feasible option of a report is recommended.
    pub recommended: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    pub why: &'a str,
    /// The value the fix still needs before it can run, and how to give it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<NeedsView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

#[derive(Debug, Serialize)]
pub struct NeedsView {
    pub value: &'static str,
    pub how: &'static str,
}

impl<'a> OptionView<'a> {
    pub fn of(choice: &'a Choice) -> OptionView<'a> {
        OptionView {
            action: choice.action(),
            feasible: choice.feasible,
            recommended: choice.recommended,
            command: command_line(choice),
            why: &choice.why,
            needs: choice.needs.map(|n| {
                let (value, how) = needed(n);
                NeedsView { value, how }
            }),
            evidence: choice.evidence,
        }
    }
}

/// What the identity provider's error said, as the report shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorSummary {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_provider: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub conflict: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSummary {
    pub id: &'static str,
    pub name: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnoseReport<'a> {
    pub version: u32,
    pub verdict: &'static str,
    pub candidate: &'a Candidate,
    pub findings: &'a [Finding],
    pub options: Vec<OptionView<'a>>,
    #[serde(skip_serializing_if = "<[Warning]>::is_empty")]
    pub warnings: &'a [Warning],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorSummary>,
    /// The service reported a conflict that no finding explains.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unexplained_conflict: bool,
    pub provider: ProviderSummary,
    pub endpoint: String,
    pub lookup: &'a SearchTrace,
    /// `complete` when every account that can hold a value is visible to this token;
    /// `partial` when the service can reserve values in accounts it does not list.
    pub visibility: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility_reason: Option<&'static str>,
}

impl<'a> DiagnoseReport<'a> {
    pub fn new(
        diagnosis: &'a Diagnosis,
        candidate: &'a Candidate,
        options: &'a [Choice],
        error: Option<ErrorSummary>,
        provider: &'static Provider,
        endpoint: String,
        lookup: &'a SearchTrace,
    ) -> DiagnoseReport<'a> {
        DiagnoseReport {
            version: JSON_VERSION,
            verdict: if diagnosis.is_conflict() {
                "conflict"
            } else {
                "clear"
            },
            candidate,
            findings: &diagnosis.findings,
            options: options.iter().map(OptionView::of).collect(),
            warnings: &diagnosis.warnings,
            error,
            unexplained_conflict: diagnosis.unexplained_conflict,
            provider: ProviderSummary {
                id: provider.id,
                name: provider.name,
            },
            endpoint,
            lookup,
            visibility: if provider.unseen_holders.is_some() {
                "partial"
            } else {
                "complete"
            },
            visibility_reason: provider.unseen_holders,
        }
    }

    pub fn render_text(&self, printer: &Printer) -> String {
        let mut out = Vec::new();
        let verdict = if self.verdict == "conflict" {
            printer.paint(Tone::Bad, "CONFLICT")
        } else {
            printer.paint(Tone::Good, "CLEAR")
        };
        out.push(format!(
            "{verdict}  {} at {}",
            self.provider.name, self.endpoint
        ));
        out.push(format!("candidate  {}", describe_candidate(self.candidate)));
        if let Some(error) = &self.error {
            let status = error.status.map(|s| format!("{s} ")).unwrap_or_default();
            let scim_type = error
                .scim_type
                .as_deref()
                .map(|t| format!("{t}: "))
                .unwrap_or_default();
            let from = error
                .identity_provider
                .map(|idp| format!(" (from {idp})"))
                .unwrap_or_default();
            out.push(format!(
                "error      {}{}{}{from}",
                escape(&status),
                escape(&scim_type),
                escape(&printer.server_text(error.detail.as_deref().unwrap_or("(no detail)")))
            ));
        }
        out.push(String::new());
        if self.findings.is_empty() {
            out.push(if self.unexplained_conflict {
                "The service reported a conflict, but no account visible to this token holds the candidate's values.".to_string()
            } else {
                match self.visibility_reason {
                    Some(reason) => format!("No account visible to this token holds the candidate's userName, emails or externalId. That covers only what this token can see: {reason}."),
                    None => "No account holds the candidate's userName, emails or externalId.".to_string(),
                }
            });
        }
        for (n, finding) in self.findings.iter().enumerate() {
            let kind = match finding.kind {
                Match::Exact => "exact",
                Match::Case => "case only",
                Match::Normalized => "after normalisation",
                Match::Hidden => "hidden holder",
            };
            out.push(format!(
                "{}. {} {}",
                n + 1,
                printer.paint(
                    Tone::Bold,
                    &format!("{} \"{}\"", finding.attribute, escape(&finding.value))
                ),
                printer.paint(Tone::Dim, &format!("[{kind}]"))
            ));
            out.push(format!("   {}", escape(&finding.explanation)));
        }
        if !self.warnings.is_empty() {
            out.push(String::new());
            out.push(printer.paint(Tone::Warning, "Check the candidate's values"));
            for warning in self.warnings {
                out.push(format!(
                    "   {} {:?}: {}",
                    warning.attribute, warning.value, warning.reason
                ));
            }
        }
        if !self.options.is_empty() {
            out.push(String::new());
            out.push(printer.paint(Tone::Bold, "What you can do"));
            let mut n = 0;
            for choice in &self.options {
                let label = action_label(choice.action);
                let head = if choice.feasible {
                    n += 1;
                    if choice.recommended {
                        format!(
                            "{n}. {label} {}",
                            printer.paint(Tone::Good, "(recommended)")
                        )
                    } else {
                        format!("{n}. {label}")
                    }
                } else {
                    format!(
                        "-  {label} {}",
                        printer.paint(Tone::Dim, "(not possible here)")
                    )
                };
                out.push(match &choice.command {
                    Some(command) => format!("{head}\n     $ {command}"),
                    None => head,
                });
                let evidence = choice
                    .evidence
                    .map(|e| format!(" [evidence: {}]", evidence_label(e)))
                    .unwrap_or_default();
                out.push(format!("     {}{evidence}", choice.why));
                if let Some(needs) = &choice.needs {
                    out.push(format!("     needs {}", needs.how));
                }
            }
        }
        out.join("\n")
    }
}

pub fn describe_candidate(candidate: &Candidate) -> String {
    let mut parts = Vec::new();
    if let Some(name) = &candidate.user_name {
        parts.push(format!("userName {name:?}"));
    }
    for email in &candidate.emails {
        parts.push(format!("email {email:?}"));
    }
    if let Some(external_id) = &candidate.external_id {
        parts.push(format!("externalId {external_id:?}"));
    }
    if let Some(display) = &candidate.display_name {
        parts.push(format!("({display})"));
    }
    for also in &candidate.also_looked_up {
        parts.push(format!(
            "also {} {:?}",
            also.attribute.scim_name(),
            also.value
        ));
    }
    parts.join(" · ")
}

pub fn evidence_label(evidence: Evidence) -> &'static str {
    match evidence {
        Evidence::Strong => "strong",
        Evidence::Moderate => "moderate",
        Evidence::Weak => "weak",
    }
}

fn action_label(action: Action) -> &'static str {
    match action {
        Action::RenameUser => "rename the holder's userName",
        Action::ReleaseEmail => "release the email",
        Action::Link => "link the existing account",
        Action::Provision => "retry the create",
        Action::ContactSupport => "ask the account's owner or the provider",
        Action::IdpChange => "change what the identity provider sends",
    }
}
