//! The readers against the research file's real samples (research §1.1, §2.1, §2.2, §3),
//! copied exactly; a sample marked "assembled" is put together from quoted parts where the
//! research gives no whole one.

use proptest::prelude::*;

use super::{Failure, FailureSource, parse_failure};
use crate::conflict::lookup::LookupKey;
use crate::scim::error_body::BodyShape;

// --- Okta (research §2.2) ---

/// The brief's example: an Okta task for Pulumi's email conflict.
const OKTA_TASK_PULUMI: &str = "Automatic provisioning of user jdoe to app Acme failed: Error while creating user jdoe : Conflict. Errors reported by remote server: Email jdoe@example.com already in use by another Pulumi account.";

/// TravelPerk via Okta, as the research quotes it (the line break included).
const OKTA_TASK_TRAVELPERK: &str = r#"
Automatic provisioning of user <user> to app TravelPerk failed: Error while creating user <user> : Conflict.
Errors reported by remote server: A user with userName "<username>" already exists. The userName must be unique.
"#;

/// Box via Okta (research §3).
const OKTA_TASK_BOX: &str =
    "Could not create new user. 409 - User with the specified login already exists";

/// The System Log outcome as an SP team saw it (better-auth #11111).
const OKTA_SYSTEM_LOG_LINE: &str = "Push new user to external application FAILURE: Conflict. Errors reported by remote server: SCIM User externalId already exists";

/// Sample C (illustrative in the research: assembled from documented fields and real text).
const OKTA_SYSTEM_LOG_EVENT: &str = r#"
{"uuid":"a1b2…","published":"2026-09-02T10:14:03.120Z","eventType":"application.provision.user.push",
 "displayMessage":"Push new user to external application",
 "actor":{"displayName":"Okta System"},
 "outcome":{"result":"FAILURE","reason":"Conflict. Errors reported by remote server: SCIM User externalId already exists"},
 "target":[{"type":"AppInstance","displayName":"Acme SCIM"},{"type":"User","alternateId":"jane@acme.com"}],
 "legacyEventType":"app.api.error.create_user","debugContext":{"debugData":{}}}
"#;

/// Okta's text for AWS (research §3).
const OKTA_TASK_AWS_BAD_REQUEST: &str = "…Bad Request. Errors reported by remote server: Request is unparsable, syntactically incorrect, or violates schema.";

// --- Entra ID (research §2.1) ---

/// Sample A, the Graph provisioningObjectSummary.
const ENTRA_GRAPH_RECORD: &str = r#"
{"id":"gc532ff9-…","activityDateTime":"2019-06-24T20:53:08Z","jobId":"ContosoOutDelta.7928d5b5…","cycleId":"44576n58-…",
 "changeId":"eaad2f8b-e6e3-409b-83bd-e4e2e57177d5","provisioningAction":"create",
 "provisioningStatusInfo":{"status":"failure","errorInformation":{"errorCode":"ContosoEntryConflict",
   "reason":"Message: Contoso returned an error response with the HTTP status code 409.  This response indicates that a user or a group already exisits with the same name. …",
   "errorCategory":"nonServiceFailure","additionalDetails":null,"recommendedAction":null}},
 "provisioningSteps":[
  {"name":"EntryImportAdd","provisioningStepType":"import","status":"success","description":"Received Group 'Self-service Pilot' change of type (Add) from Azure Active Directory"},
  {"name":"EntrySynchronizationAdd","provisioningStepType":"matching","status":"success","description":"Group 'Self-service Pilot' will be created in Contoso (… no matching Group was found in Contoso)"},
  {"name":"EntryExportAdd","provisioningStepType":"export","status":"failure","description":"Failed to create Group 'Self-service Pilot' in Contoso","details":{"ReportableIdentifier":"Self-service Pilot"}}]}
"#;

/// Sample B, the portal text (Atlassian KB).
const ENTRA_PORTAL_TEXT: &str = r#"
Error Code:    SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering
Error Message: StatusCode: Conflict Message: Processing of the HTTP request resulted in an exception. Please see the HTTP
               response returned by the 'Response' property of this exception for details.
Web Response:  {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness",
                "detail":"Resource [USER]: with email[email@domain] already exists."}
"#;

/// Assembled: the log `reason` form the research quotes (MS Q&A 1185756), around sample B's body.
const ENTRA_REASON: &str = r#"StatusCode: Conflict Message: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details. Web Response: {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"Resource [USER]: with email[email@domain] already exists."}. This operation was retried 0 times. It will be retried again after this date: 2023-03-02T07:43:56.6507375Z UTC"#;

/// The older audit-log form (Dropbox, 2019), exactly as the research quotes it.
const ENTRA_AUDIT_DROPBOX: &str = r#"Failed to process User '<objectId>'; Error: Received response from Web resource. Resource: https://www.dropbox.com/scim/v2/Users?filter=userName+eq+"dbmid:…" Operation: GET Response Status Code: InternalServerError Response Content: …"#;

// --- Service providers' bodies (research §1.1, §3) ---

const PULUMI_WRAPPED: &str = r#"{"status":"409","response":{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"Email jdoe@example.com already in use by another Pulumi account."}}"#;
/// Okta's documentation sample (numeric status), with the schema URN written out.
const OKTA_DOC_BODY: &str = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User already exists in the database.","status":409}"#;
/// AWS (research §3), the elided values filled in.
const AWS_BODY: &str = r#"{"schema":["urn:ietf:params:scim:api:messages:2.0:Error"],"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Refused to create a new, duplicate resource.","status":"409","exceptionRequestId":"abc","timeStamp":"2026-01-01 00:00:00.000"}"#;
const SLACK_BODY: &str = r#"{"Errors":{"code":409,"description":"email_taken"}}"#;
const OKTA_TARGET_BODY: &str = r#"{"errorCode":"E0000001","errorSummary":"Api validation failed: login","errorCauses":[{"errorSummary":"login: An object with this field already exists in the current organization"}]}"#;
const ZOOM_BODY: &str =
    r#"{"detail":"User {email} not exist or not belong to this account.","status":400}"#;

fn email(v: &str) -> LookupKey {
    LookupKey::Email(v.to_string())
}

fn user_name(v: &str) -> LookupKey {
    LookupKey::UserName(v.to_string())
}

fn no_attributes() -> Vec<&'static str> {
    Vec::new()
}

// --- Okta ---

#[test]
fn okta_task_names_pulumis_email() {
    let f = parse_failure(OKTA_TASK_PULUMI);
    assert_eq!(f.source, FailureSource::OktaTask);
    assert_eq!(f.identity_provider, Some("Okta"));
    assert_eq!(f.status, Some(409));
    assert_eq!(
        f.detail.as_deref(),
        Some("Email jdoe@example.com already in use by another Pulumi account.")
    );
    assert_eq!(f.subject.as_deref(), Some("jdoe"));
    assert_eq!(f.application.as_deref(), Some("Acme"));
    assert!(f.is_conflict());
    assert_eq!(f.named, [email("jdoe@example.com")]);
    assert_eq!(f.attributes, no_attributes());
}

#[test]
fn okta_task_travelperk_names_the_quoted_user_name() {
    let f = parse_failure(OKTA_TASK_TRAVELPERK);
    assert_eq!(f.source, FailureSource::OktaTask);
    assert_eq!(f.status, Some(409));
    assert_eq!(
        f.detail.as_deref(),
        Some(r#"A user with userName "<username>" already exists. The userName must be unique."#)
    );
    assert_eq!(f.subject.as_deref(), Some("<user>"));
    assert_eq!(f.application.as_deref(), Some("TravelPerk"));
    assert_eq!(f.named, [user_name("<username>")]);
    assert_eq!(f.attributes, no_attributes());
}

#[test]
fn okta_task_for_box_reads_the_status_before_the_dash() {
    let f = parse_failure(OKTA_TASK_BOX);
    assert_eq!(f.source, FailureSource::OktaTask);
    assert_eq!(f.status, Some(409));
    assert_eq!(
        f.detail.as_deref(),
        Some("User with the specified login already exists")
    );
    assert!(f.is_conflict());
    assert!(f.named.is_empty());
    assert_eq!(f.attributes, ["userName"]);
}

#[test]
fn okta_system_log_line_names_externalid_without_a_value() {
    let f = parse_failure(OKTA_SYSTEM_LOG_LINE);
    assert_eq!(f.source, FailureSource::OktaSystemLog);
    assert_eq!(f.identity_provider, Some("Okta"));
    assert_eq!(f.status, Some(409));
    assert_eq!(
        f.detail.as_deref(),
        Some("SCIM User externalId already exists")
    );
    assert!(f.named.is_empty());
    assert_eq!(f.attributes, ["externalId"]);
}

#[test]
fn okta_system_log_event_keeps_the_okta_login_apart() {
    let f = parse_failure(OKTA_SYSTEM_LOG_EVENT);
    assert_eq!(f.source, FailureSource::OktaSystemLog);
    assert_eq!(f.status, Some(409));
    assert_eq!(
        f.detail.as_deref(),
        Some("SCIM User externalId already exists")
    );
    assert_eq!(f.attributes, ["externalId"]);
    // The pushed user's Okta login is the subject, not a value the service provider reported.
    assert_eq!(f.subject.as_deref(), Some("jane@acme.com"));
    assert!(f.named.is_empty());
    assert_eq!(f.application.as_deref(), Some("Acme SCIM"));
}

#[test]
fn okta_system_log_query_result_picks_the_failed_event() {
    let success = r#"{"eventType":"application.provision.user.push","outcome":{"result":"SUCCESS"},"target":[{"type":"User","alternateId":"bob@acme.com"}]}"#;
    let list = format!("[{success},{OKTA_SYSTEM_LOG_EVENT}]");
    let f = parse_failure(&list);
    assert_eq!(f.source, FailureSource::OktaSystemLog);
    assert_eq!(f.subject.as_deref(), Some("jane@acme.com"));
    assert_eq!(f.attributes, ["externalId"]);
}

#[test]
fn okta_bad_request_for_aws_is_not_a_conflict() {
    let f = parse_failure(OKTA_TASK_AWS_BAD_REQUEST);
    assert_eq!(f.source, FailureSource::OktaTask);
    assert_eq!(f.status, Some(400));
    assert_eq!(
        f.detail.as_deref(),
        Some("Request is unparsable, syntactically incorrect, or violates schema.")
    );
    assert!(!f.is_conflict());
    assert!(f.named.is_empty() && f.attributes.is_empty());
}

#[test]
fn okta_quoting_a_json_body_reads_the_body() {
    let f = parse_failure(&format!(
        "Automatic provisioning of user jdoe to app Acme failed: Error while creating user jdoe : Conflict. Errors reported by remote server: {PULUMI_WRAPPED}"
    ));
    assert_eq!(f.source, FailureSource::OktaTask);
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(f.named, [email("jdoe@example.com")]);
}

// --- Entra ID ---

#[test]
fn entra_portal_text_reads_the_web_response() {
    let f = parse_failure(ENTRA_PORTAL_TEXT);
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.identity_provider, Some("Entra ID"));
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(
        f.error_code.as_deref(),
        Some("SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering")
    );
    assert_eq!(
        f.detail.as_deref(),
        Some("Resource [USER]: with email[email@domain] already exists.")
    );
    assert_eq!(f.body.as_ref().map(|b| b.shape), Some(BodyShape::Scim));
    assert_eq!(f.named, [email("email@domain")]);
}

#[test]
fn entra_reason_string_stops_the_body_before_the_retry_note() {
    let f = parse_failure(ENTRA_REASON);
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(f.named, [email("email@domain")]);
    assert!(
        f.body
            .as_ref()
            .is_some_and(|b| b.raw.ends_with("already exists.\"}"))
    );
}

#[test]
fn entra_graph_record_without_a_body_uses_entras_message() {
    let f = parse_failure(ENTRA_GRAPH_RECORD);
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.error_code.as_deref(), Some("ContosoEntryConflict"));
    assert_eq!(
        f.detail.as_deref(),
        Some(
            "Contoso returned an error response with the HTTP status code 409. This response indicates that a user or a group already exisits with the same name. …"
        )
    );
    assert_eq!(f.subject.as_deref(), Some("Self-service Pilot"));
    assert_eq!(f.application.as_deref(), Some("Contoso"));
    assert!(f.body.is_none());
    assert!(f.is_conflict());
    assert!(f.named.is_empty() && f.attributes.is_empty());
}

/// Assembled: sample A with the reason in the log form that quotes the body.
#[test]
fn entra_graph_record_whose_reason_embeds_the_web_response() {
    let mut record: serde_json::Value = serde_json::from_str(ENTRA_GRAPH_RECORD).unwrap();
    record["provisioningStatusInfo"]["errorInformation"]["reason"] = ENTRA_REASON.into();
    record["provisioningStatusInfo"]["errorInformation"]["errorCode"] =
        "SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering".into();
    let f = parse_failure(&record.to_string());
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(f.named, [email("email@domain")]);
    assert_eq!(f.subject.as_deref(), Some("Self-service Pilot"));

    // A Graph list response, and a Log Analytics row whose columns are JSON strings.
    let list = serde_json::json!({"@odata.context": "…", "value": [record]});
    assert_eq!(
        parse_failure(&list.to_string()).named,
        [email("email@domain")]
    );
    let row = serde_json::json!({
        "ResultType": "Failure",
        "ResultSignature": "SystemForCrossDomainIdentityManagementServiceIncompatibleFiltering",
        "ProvisioningStatusInfo": record["provisioningStatusInfo"].to_string(),
    });
    let f = parse_failure(&row.to_string());
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.named, [email("email@domain")]);
}

#[test]
fn entra_older_audit_form_is_a_server_error_not_a_conflict() {
    let f = parse_failure(ENTRA_AUDIT_DROPBOX);
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.status, Some(500));
    assert_eq!(f.subject.as_deref(), Some("<objectId>"));
    assert_eq!(f.detail.as_deref(), Some("…"));
    assert!(!f.is_conflict());
    // The lookup's filter names a userName, but nothing collided on it.
    assert!(f.named.is_empty());
}

#[test]
fn entra_body_escaped_in_a_json_string_or_a_csv_cell() {
    let escaped = ENTRA_REASON.replace('"', "\\\"");
    assert_eq!(parse_failure(&escaped).named, [email("email@domain")]);
    let csv = ENTRA_REASON.replace('"', "\"\"");
    assert_eq!(parse_failure(&csv).named, [email("email@domain")]);
    // The whole reason as a JSON string.
    let quoted = serde_json::to_string(ENTRA_REASON).unwrap();
    assert_eq!(parse_failure(&quoted).named, [email("email@domain")]);
}

#[test]
fn entra_truncated_web_response_is_still_read() {
    let cut = &ENTRA_REASON[..ENTRA_REASON.find("with email").unwrap()];
    let f = parse_failure(cut);
    assert_eq!(f.source, FailureSource::EntraLog);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(f.detail.as_deref(), Some("Resource [USER]:"));
    assert_eq!(f.body.as_ref().map(|b| b.shape), Some(BodyShape::NotJson));
}

// --- SCIM bodies, every shape ErrorBody reads ---

#[test]
fn pulumi_wrapped_body() {
    let f = parse_failure(PULUMI_WRAPPED);
    assert_eq!(f.source, FailureSource::ScimBody);
    assert_eq!(f.identity_provider, None);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(f.body.as_ref().map(|b| b.shape), Some(BodyShape::Wrapped));
    assert_eq!(f.named, [email("jdoe@example.com")]);
}

#[test]
fn pulumi_user_name_detail_in_an_rfc_body() {
    let f = parse_failure(
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"User with userName jdoe already exists."}"#,
    );
    assert_eq!(f.source, FailureSource::ScimBody);
    assert_eq!(f.named, [user_name("jdoe")]);
}

#[test]
fn numeric_status_without_scim_type() {
    let f = parse_failure(OKTA_DOC_BODY);
    assert_eq!(f.source, FailureSource::ScimBody);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type, None);
    assert!(f.is_conflict());
    assert!(f.named.is_empty() && f.attributes.is_empty());
}

#[test]
fn aws_duplicate_names_no_attribute() {
    let f = parse_failure(AWS_BODY);
    assert_eq!(f.status, Some(409));
    assert_eq!(
        f.detail.as_deref(),
        Some("Refused to create a new, duplicate resource.")
    );
    assert!(f.is_conflict());
    assert!(f.named.is_empty() && f.attributes.is_empty());
}

#[test]
fn slack_scim_1_1_names_the_attribute() {
    let f = parse_failure(SLACK_BODY);
    assert_eq!(f.body.as_ref().map(|b| b.shape), Some(BodyShape::Scim11));
    assert_eq!(f.status, Some(409));
    assert_eq!(f.attributes, ["emails"]);
    let f = parse_failure(r#"{"Errors":{"code":409,"description":"username_taken"}}"#);
    assert_eq!(f.attributes, ["userName"]);
}

#[test]
fn okta_as_target_envelope_names_login() {
    let f = parse_failure(OKTA_TARGET_BODY);
    assert_eq!(f.source, FailureSource::ScimBody);
    assert_eq!(f.body.as_ref().map(|b| b.shape), Some(BodyShape::Okta));
    // Okta as the service provider: no identity provider is recognisable here.
    assert_eq!(f.identity_provider, None);
    assert_eq!(f.status, None);
    assert!(f.is_conflict());
    assert_eq!(f.attributes, ["userName"]);
}

#[test]
fn zoom_not_exist_is_not_a_conflict() {
    for body in [
        ZOOM_BODY.to_string(),
        ZOOM_BODY.replace("{email}", "jdoe@example.com"),
    ] {
        let f = parse_failure(&body);
        assert_eq!(f.status, Some(400));
        assert!(!f.is_conflict(), "{body}");
        assert!(f.named.is_empty());
    }
}

#[test]
fn bad_request_with_uniqueness_is_a_conflict() {
    let f = parse_failure(
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"uniqueness"}"#,
    );
    assert_eq!(f.status, Some(400));
    assert!(f.is_conflict());
    let f = parse_failure(
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"bad filter"}"#,
    );
    assert!(!f.is_conflict());
}

#[test]
fn launchdarkly_member_already_exists() {
    // Assembled: the research gives the phrase; LaunchDarkly's status is numeric.
    let f = parse_failure(r#"{"detail":"member already exists","status":409}"#);
    assert!(f.is_conflict());
    assert!(f.named.is_empty() && f.attributes.is_empty());
}

#[test]
fn html_and_truncated_bodies() {
    let f = parse_failure(
        "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>",
    );
    assert_eq!(f.source, FailureSource::ScimBody);
    assert_eq!(
        f.detail.as_deref(),
        Some("HTML page titled \"502 Bad Gateway\"")
    );
    assert!(!f.is_conflict());
    let f = parse_failure(
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","detail":"Email jdoe@example.com already in use by anot"#,
    );
    assert_eq!(f.source, FailureSource::ScimBody);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.named, [email("jdoe@example.com")]);
}

// --- Plain text ---

#[test]
fn a_bare_provider_detail_is_enough() {
    let f = parse_failure("Resource [USER]: with email[email@domain] already exists.");
    assert_eq!(f.source, FailureSource::Text);
    assert_eq!(f.status, None);
    assert!(f.is_conflict());
    assert_eq!(f.named, [email("email@domain")]);
    let f = parse_failure("User with userName jdoe already exists.");
    assert_eq!(f.named, [user_name("jdoe")]);
}

#[test]
fn unknown_text_is_its_own_detail_on_one_line() {
    let f = parse_failure("  something\n   went wrong\t(42)  ");
    assert_eq!(
        f,
        Failure {
            detail: Some("something went wrong (42)".into()),
            ..Failure::new(FailureSource::Text)
        }
    );
    assert!(!f.is_conflict());
    assert_eq!(parse_failure("409").status, Some(409));
    assert_eq!(parse_failure("Conflict").status, Some(409));
    assert_eq!(parse_failure("").detail, None);
    assert_eq!(parse_failure("   ").source, FailureSource::Text);
    // JSON that is no error at all.
    assert_eq!(parse_failure(r#"{"a":1}"#).source, FailureSource::Text);
    assert_eq!(parse_failure("[1,2]").source, FailureSource::Text);
}

#[test]
fn text_quoting_a_body_and_a_status() {
    let f = parse_failure(&format!("POST /Users returned HTTP 409: {PULUMI_WRAPPED}"));
    assert_eq!(f.source, FailureSource::Text);
    assert_eq!(f.status, Some(409));
    assert_eq!(f.scim_type.as_deref(), Some("uniqueness"));
    assert_eq!(f.named, [email("jdoe@example.com")]);
}

/// The texts the sandbox answers with, per provider profile, name what they say collided.
#[test]
fn every_provider_profiles_wording_is_read() {
    for provider in crate::provider::PROVIDERS {
        let style = provider.errors;
        for (template, value, key, attribute) in [
            (
                style.email_taken,
                "jdoe@example.com",
                email("jdoe@example.com"),
                "emails",
            ),
            (style.user_name_taken, "jdoe", user_name("jdoe"), "userName"),
        ] {
            let text = template.replace("{value}", value);
            let f = parse_failure(&text);
            assert!(f.is_conflict(), "{}: {text}", provider.id);
            if template.contains("{value}") {
                assert_eq!(f.named, [key], "{}: {text}", provider.id);
            } else if !f.attributes.is_empty() {
                assert_eq!(f.attributes, [attribute], "{}: {text}", provider.id);
            }
        }
    }
}

// --- Properties ---

/// Pieces of every form, so that arbitrary strings reach the readers' inner paths.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Errors reported by remote server:".to_string()),
        Just("Web Response:".to_string()),
        Just("Response Content:".to_string()),
        Just("StatusCode: Conflict".to_string()),
        Just("Error Code: EntryConflict\n".to_string()),
        Just(". This operation was retried 0 times.".to_string()),
        Just("Automatic provisioning of user ".to_string()),
        Just(" to app ".to_string()),
        Just(" failed: Error while creating user x : Conflict.".to_string()),
        Just("409 - ".to_string()),
        Just("FAILURE:".to_string()),
        Just("Failed to create User '".to_string()),
        Just(r#"{"status":"409","detail":""#.to_string()),
        Just(r#"{"Errors":{"code":409,"description":"#.to_string()),
        Just(r#"{"eventType":"x","outcome":{"reason":"#.to_string()),
        Just(r#"{"provisioningStatusInfo":"#.to_string()),
        Just("email[".to_string()),
        Just("userName \"".to_string()),
        Just(" already exists".to_string()),
        Just("\\\"".to_string()),
        Just("ü@é.ß ".to_string()),
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let f = parse_failure(&text);
        let _ = f.is_conflict();
    }

    #[test]
    fn never_panics_on_mixed_fragments(parts in proptest::collection::vec(fragment(), 0..12)) {
        let f = parse_failure(&parts.concat());
        let _ = f.is_conflict();
    }

    #[test]
    fn a_pulumi_email_detail_round_trips_in_every_carrier(
        address in "[a-z0-9._+-]{1,20}@[a-z0-9-]{1,15}\\.[a-z]{2,6}",
    ) {
        let detail = format!("Email {address} already in use by another Pulumi account.");
        let body = serde_json::json!({
            "status": "409",
            "response": {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                "scimType": "uniqueness",
                "detail": detail,
            },
        })
        .to_string();
        for text in [
            detail.clone(),
            body.clone(),
            format!("Automatic provisioning of user jdoe to app Pulumi failed: Error while creating user jdoe : Conflict. Errors reported by remote server: {detail}"),
            format!("StatusCode: Conflict Message: x. Web Response: {body}. This operation was retried 0 times."),
        ] {
            let f = parse_failure(&text);
            prop_assert!(f.is_conflict());
            prop_assert_eq!(f.named, vec![LookupKey::Email(address.clone())], "{}", text);
        }
    }

    #[test]
    fn a_quoted_user_name_round_trips(
        name in "[A-Za-z0-9][A-Za-z0-9._@+-]{0,30}",
        quotes in prop_oneof![Just(("\"", "\"")), Just(("'", "'")), Just(("[", "]")), Just(("“", "”"))],
    ) {
        let text = format!(
            "A user with userName {}{name}{} already exists. The userName must be unique.",
            quotes.0, quotes.1
        );
        prop_assert_eq!(parse_failure(&text).named, vec![LookupKey::UserName(name.clone())]);
    }
}
