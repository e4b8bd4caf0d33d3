//! Plans as people read them before confirming, as JSON, and the prompt that confirms them.

use serde::Serialize;
use serde_json::Value;

use super::escape::escape;
use super::{JSON_VERSION, Printer, Tone};
use crate::conflict::plan::{Plan, Step};
use crate::scim::model::User;

/// `{"version": 1, "dryRun": …, "plan": {…}}`, plus the outcome when the plan was applied.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDocument<'a> {
    pub version: u32,
    pub dry_run: bool,
    pub plan: &'a Plan,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied: Option<AppliedSummary<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedSummary<'a> {
    pub journal_id: u64,
    pub verified: bool,
    /// Each written account as read back.
    pub results: &'a [User],
}

impl<'a> PlanDocument<'a> {
    pub fn new(
        plan: &'a Plan,
        dry_run: bool,
        applied: Option<AppliedSummary<'a>>,
    ) -> PlanDocument<'a> {
        PlanDocument {
            version: JSON_VERSION,
            dry_run,
            plan,
            applied,
        }
    }
}

pub fn render(plan: &Plan, printer: &Printer) -> String {
    let mut lines = vec![format!(
        "{} {}",
        printer.paint(Tone::Bold, "Plan:"),
        plan.summary
    )];
    for (n, step) in plan.steps.iter().enumerate() {
        let (request, guard) = match step {
            Step::Patch { id, if_match, .. } => (
                format!("PATCH /Users/{}", escape(&id.to_string())),
                if_match
                    .as_deref()
                    .map(|t| format!("  (If-Match {})", escape(t)))
                    .unwrap_or_default(),
            ),
            Step::Post { .. } => ("POST /Users".to_string(), String::new()),
        };
        lines.push(format!("  {}. {request}{guard}", n + 1));
        for change in step.changes() {
            lines.push(format!(
                "       {}: {} → {}",
                change.attribute,
                show(change.before.as_ref()),
                printer.paint(Tone::Good, &show(change.after.as_ref()))
            ));
        }
    }
    for warning in &plan.warnings {
        lines.push(format!("  {} {warning}", printer.paint(Tone::Warning, "!")));
    }
    lines.join("\n")
}

/// One attribute value as plans and journal entries show it: strings quoted, emails listed.
pub(super) fn show(value: Option<&Value>) -> String {
    match value {
        None => "(none)".into(),
        Some(Value::String(s)) => format!("\"{}\"", escape(s)),
        Some(Value::Array(items)) => {
            let emails: Vec<String> = items
                .iter()
                .map(|e| {
                    let value = e.get("value").and_then(Value::as_str).unwrap_or("?");
                    let value = escape(value);
                    if e.get("primary").and_then(Value::as_bool) == Some(true) {
                        format!("{value} (primary)")
                    } else {
                        value.into_owned()
                    }
                })
                .collect();
            format!("[{}]", emails.join(", "))
        }
        Some(other) => escape(&other.to_string()).into_owned(),
    }
}
