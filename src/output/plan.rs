//! Plans as people read them before confirming, as JSON, and the prompt that confirms them.

use serde::Serialize;
use serde_json::Value;
use url::Url;

use super::escape::escape;
use super::{JSON_VERSION, Printer, Tone};
use crate::conflict::plan::{Plan, Step};
use crate::scim::model::User;
use crate::settings::EndpointSource;

/// Where a plan writes: the endpoint's base URL (it never carries credentials) and what chose
/// it, as `{"url": "https://…/scim/v2", "from": "profile", "profile": "staging"}`.
#[derive(Debug, Clone, Serialize)]
pub struct Destination {
    pub url: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub source: Option<EndpointSource>,
}

impl Destination {
    pub fn new(base_url: &Url, source: Option<&EndpointSource>) -> Destination {
        Destination {
            url: base_url.as_str().trim_end_matches('/').to_string(),
            source: source.cloned(),
        }
    }

    /// `https://api.example.com/scim/v2 (profile staging)`.
    pub fn describe(&self) -> String {
        match &self.source {
            Some(source) => format!("{} ({source})", escape(&self.url)),
            None => escape(&self.url).into_owned(),
        }
    }
}

/// An endpoint as a table column shows it: host (and port) and path, `api.example.com/scim/v2`.
/// Journals keep the base URL without credentials; anything unreadable is shown as it is.
pub fn host_and_path(endpoint: &str) -> String {
    match Url::parse(endpoint) {
        Ok(url) if url.host_str().is_some() => format!(
            "{}{}{}",
            url.host_str().unwrap_or_default(),
            url.port().map(|p| format!(":{p}")).unwrap_or_default(),
            url.path().trim_end_matches('/')
        ),
        _ => endpoint.to_string(),
    }
}

/// `{"version": 1, "dryRun": …, "endpoint": {…}, "plan": {…}}`, plus the outcome when the plan
/// was applied.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDocument<'a> {
    pub version: u32,
    pub dry_run: bool,
    pub endpoint: &'a Destination,
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
        endpoint: &'a Destination,
        dry_run: bool,
        applied: Option<AppliedSummary<'a>>,
    ) -> PlanDocument<'a> {
        PlanDocument {
            version: JSON_VERSION,
            dry_run,
            endpoint,
            plan,
            applied,
        }
    }
}

pub fn render(plan: &Plan, endpoint: &Destination, printer: &Printer) -> String {
    let mut lines = vec![
        format!("{} {}", printer.paint(Tone::Bold, "Plan:"), plan.summary),
        format!("  Endpoint: {}", endpoint.describe()),
    ];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_column_shows_host_port_and_path() {
        assert_eq!(
            host_and_path("https://api.example.com/scim/v2/"),
            "api.example.com/scim/v2"
        );
        assert_eq!(
            host_and_path("http://127.0.0.1:4567/scim/v2/acme/"),
            "127.0.0.1:4567/scim/v2/acme"
        );
        assert_eq!(host_and_path("not a url"), "not a url");
    }

    #[test]
    fn a_plan_names_its_endpoint_and_what_chose_it() {
        let url = Url::parse("https://api.example.com/scim/v2/").unwrap();
        let staging = EndpointSource::Profile {
            profile: "staging".into(),
        };
        let endpoint = Destination::new(&url, Some(&staging));
        assert_eq!(
            endpoint.describe(),
            "https://api.example.com/scim/v2 (profile staging)"
        );
        assert_eq!(
            serde_json::to_value(&endpoint).unwrap(),
            serde_json::json!({"url": "https://api.example.com/scim/v2", "from": "profile", "profile": "staging"})
        );
    }
}
