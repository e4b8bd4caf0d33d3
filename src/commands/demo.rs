//! `scimctl demo`: the support page's two conflicts on an in-process sandbox, and scimctl's
//! real commands at work on them. Grows with the product: each new command gets its step.

use std::time::Duration;

use anyhow::Result;
use reqwest::Method;
use secrecy::SecretString;
use serde_json::json;

use super::{diagnose, doctor, fix, journal, sandbox, users};
use crate::cli::OutputFormat;
use crate::conflict::lookup::LookupKey;
use crate::exit::ExitStatus;
use crate::output::wrap::unbroken;
use crate::output::{Printer, Tone};
use crate::provider;
use crate::sandbox::{Seed, generate_token};
use crate::scim::retry::Idempotency;
use crate::settings::{
    DiagnoseOptions, EndpointSource, EndpointUrl, FindTarget, Input, OutputSettings, ReleaseChoice,
    SandboxOptions, Settings, TokenSource, WriteOptions,
};

const FAQ_SEED: &str = include_str!("../../examples/faq.json");

pub async fn run(settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let mut seed = Seed::parse(FAQ_SEED).expect("the built-in FAQ seed is valid JSON");
    // A third case, one that SCIM itself can fix: a deactivated account still holding an address.
    seed.tenants[0].users.push(
        serde_json::from_value(json!({
            "id": "9e107d9d-372b-4a66-9c9b-fb0e7f2b8c3d",
            "userName": "contractor-2019",
            "displayName": "Former contractor",
            "active": false,
            "emails": [{"value": "sam.lee@acme.example", "type": "work", "primary": true}]
        }))
        .expect("a valid user"),
    );
    let pulumi = provider::by_id("pulumi").expect("the pulumi profile exists");
    let options = SandboxOptions {
        host: "127.0.0.1".into(),
        port: Some(0),
        tenants: vec!["acme".into()],
        seed: None,
        state: None,
        token_file: None,
        conditions: Default::default(),
    };
    let token = generate_token();
    let sandbox = sandbox::start(&options, pulumi, token.clone(), Some(seed)).await?;
    let url = sandbox.url();
    let server = tokio::spawn(sandbox.serve(std::future::pending()));

    // The tour's commands run exactly as a user's would, against the sandbox, as tables.
    let mut tour = settings.clone();
    tour.output = OutputSettings {
        format: OutputFormat::Table,
        jq: None,
        ..settings.output.clone()
    };
    tour.connection.url = Some(EndpointUrl {
        url: url.clone(),
        source: EndpointSource::Demo,
    });
    tour.connection.token = TokenSource::Given(SecretString::from(token));
    tour.connection.provider = Some(pulumi);
    tour.connection.timeout = Duration::from_secs(10);
    tour.connection.max_retries = 0;
    tour.connection.cache_dir = None;
    // The tour's changes go to a journal of its own, never the user's.
    let state = std::env::temp_dir().join(format!("scimctl-demo-{}", std::process::id()));
    tour.journal = Some(state.join("journal.jsonl"));
    let shown = Printer::new(&tour.output);
    let say = |text: &str| shown.data(text);
    let step = |n: u32, title: &str| {
        shown.data(&format!(
            "\n{}",
            shown.paint(Tone::Bold, &format!("{n}. {title}"))
        ))
    };

    say(&format!(
        "scimctl demo: a sandbox that behaves like Pulumi Cloud's SCIM API is running at\n  {url}\n\
         with organisation 'acme' and the two conflicts from Pulumi's SCIM FAQ."
    ))?;

    step(
        1,
        "Okta provisions Jamie Doe as userName 'jdoe'. The service answers:",
    )?;
    say(&format!(
        "   {}",
        idp_create(&tour, printer, "jdoe", "jamie.doe@acme.example")
            .await?
            .0
    ))?;
    step(
        2,
        "Why?   $ scimctl diagnose --username jdoe --email jamie.doe@acme.example",
    )?;
    let jamie = DiagnoseOptions {
        user_name: Some("jdoe".into()),
        emails: vec!["jamie.doe@acme.example".into()],
        ..DiagnoseOptions::default()
    };
    diagnose::run(jamie, &tour, &shown).await?;
    say(
        "   A different person holds the name, and a username match is no proof of identity: rename, \
         never link. On Pulumi only the identity provider can change it.",
    )?;

    step(
        3,
        "Okta provisions Jane Doe with email jane.doe@acme.example. Okta's task says:",
    )?;
    let (_, detail) = idp_create(&tour, printer, "jane.doe", "jane.doe@acme.example").await?;
    let okta_text = format!(
        "Automatic provisioning of user jane.doe to app Pulumi failed: Error while creating user \
         jane.doe : Conflict. Errors reported by remote server: {detail}"
    );
    say(&format!("   {okta_text}"))?;
    step(4, "Paste it:   $ scimctl diagnose --error '<Okta's text>'")?;
    let jane = DiagnoseOptions {
        error: Some(Input::Text(okta_text)),
        ..DiagnoseOptions::default()
    };
    diagnose::run(jane, &tour, &shown).await?;
    step(
        5,
        "Check by hand:   $ scimctl users find --email jane.doe@acme.example",
    )?;
    users::find(
        FindTarget::Holder(LookupKey::Email("jane.doe@acme.example".into())),
        &tour,
        &shown,
    )
    .await?;
    say(
        "   Nobody in acme holds it (Pulumi cannot filter by email, so scimctl read every user; its \
         notes are on stderr): the holder is Jane's own Pulumi account, outside your organisation.",
    )?;

    step(
        6,
        "Okta provisions Sam Lee (sam.lee@acme.example). The service answers:",
    )?;
    say(&format!(
        "   {}",
        idp_create(&tour, printer, "sam.lee", "sam.lee@acme.example")
            .await?
            .0
    ))?;
    step(
        7,
        "Why?   $ scimctl diagnose --username sam.lee --email sam.lee@acme.example",
    )?;
    let sam = DiagnoseOptions {
        user_name: Some("sam.lee".into()),
        emails: vec!["sam.lee@acme.example".into()],
        ..DiagnoseOptions::default()
    };
    diagnose::run(sam, &tour, &shown).await?;
    step(
        8,
        "Release it:   $ scimctl release-email sam.lee@acme.example --yes",
    )?;
    let yes = WriteOptions {
        dry_run: false,
        yes: true,
    };
    fix::release_email(
        "sam.lee@acme.example".into(),
        None,
        ReleaseChoice::Placeholder,
        &tour,
        &shown,
        yes,
    )
    .await?;
    step(9, "Okta retries the assignment. The service answers:")?;
    say(&format!(
        "   {}",
        idp_create(&tour, printer, "sam.lee", "sam.lee@acme.example")
            .await?
            .0
    ))?;
    step(
        10,
        "Every change is journaled, and can be undone:   $ scimctl journal list",
    )?;
    journal::list(&tour, &shown)?;
    say(&format!(
        "   ({} would put the address back, if the account still looks as it was left.)",
        unbroken("scimctl journal undo 1")
    ))?;

    step(11, "What can this endpoint do?   $ scimctl doctor")?;
    let _ = doctor::run(&tour, &shown).await?;

    step(12, "Your turn")?;
    say(
        "   # your service provider's SCIM base URL, and a file with its token\n   \
         # (chmod 600; or SCIMCTL_TOKEN, or --token-stdin)\n   \
         $ export SCIMCTL_URL=https://api.example.com/scim/v2\n   \
         $ export SCIMCTL_TOKEN_FILE=~/.config/scimctl/token\n   \
         $ scimctl doctor\n   \
         $ scimctl diagnose --email someone@example.com --error @what-your-idp-said.txt\n\n   \
         Rehearse first on a copy:   $ scimctl sandbox --provider pulumi --seed examples/faq.json",
    )?;
    server.abort();
    let _ = std::fs::remove_dir_all(&state);
    Ok(ExitStatus::Success)
}

/// The identity provider's create, as its log would show the answer: the status and SCIM body,
/// and the service provider's own message in it.
async fn idp_create(
    settings: &Settings,
    printer: &Printer,
    user_name: &str,
    email: &str,
) -> Result<(String, String)> {
    let client = settings.connection.connect(printer)?;
    let body = json!({
        "schemas": [crate::scim::model::USER_SCHEMA],
        "userName": user_name,
        "emails": [{"value": email, "type": "work", "primary": true}],
        "active": true,
    });
    Ok(
        match client
            .send(
                Method::POST,
                client.url("Users"),
                Some(&body),
                Idempotency::Unsafe,
            )
            .await
        {
            Ok(reply) => (format!("{} (created)", reply.status), String::new()),
            Err(e) => match e.body() {
                Some(b) => (
                    format!("HTTP {} {}", e.status().unwrap_or(0), b.raw.trim()),
                    b.detail.clone().unwrap_or_default(),
                ),
                None => (e.to_string(), String::new()),
            },
        },
    )
}
