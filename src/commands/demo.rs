//! `scimctl demo`: the support page's two conflicts on an in-process sandbox, and scimctl's
//! real commands at work on them. Grows with the product: each new command gets its step.

use std::time::Duration;

use anyhow::Result;
use reqwest::Method;
use secrecy::SecretString;
use serde_json::json;

use super::{doctor, sandbox, users};
use crate::cli::OutputFormat;
use crate::conflict::lookup::LookupKey;
use crate::exit::ExitStatus;
use crate::output::{Printer, Tone};
use crate::provider;
use crate::sandbox::{Seed, generate_token};
use crate::scim::retry::Idempotency;
use crate::settings::{FindTarget, OutputSettings, SandboxOptions, Settings, TokenSource};

const FAQ_SEED: &str = include_str!("../../examples/faq.json");

pub async fn run(settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let seed = Seed::parse(FAQ_SEED).expect("the built-in FAQ seed is valid JSON");
    let pulumi = provider::by_id("pulumi").expect("the pulumi profile exists");
    let options = SandboxOptions {
        host: "127.0.0.1".into(),
        port: 0,
        tenants: vec!["acme".into()],
        seed: None,
        state: None,
        token_file: None,
    };
    let token = generate_token();
    let sandbox = sandbox::start(&options, pulumi, token.clone(), Some(seed)).await?;
    let url = sandbox.url();
    let server = tokio::spawn(sandbox.serve(std::future::pending()));

    // The tour's commands run exactly as a user's would, against the sandbox, as tables.
    let mut tour = settings.clone();
    tour.output = OutputSettings {
        format: OutputFormat::Table,
        ..settings.output.clone()
    };
    tour.connection.url = Some(url.clone());
    tour.connection.token = TokenSource::Given(SecretString::from(token));
    tour.connection.provider = Some(pulumi);
    tour.connection.timeout = Duration::from_secs(10);
    tour.connection.max_retries = 0;
    tour.connection.cache_dir = None;
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
        idp_create(&tour, printer, "jdoe", "jamie.doe@acme.example").await?
    ))?;
    step(
        2,
        "Who holds 'jdoe'?   $ scimctl users find --username jdoe",
    )?;
    users::find(
        FindTarget::Holder(LookupKey::UserName("jdoe".into())),
        &tour,
        &shown,
    )
    .await?;
    say(
        "   John Doe holds it, with another email: a different person. A username match is no proof\n   \
         of identity, so linking is out. Pulumi's userName cannot change through SCIM: change the\n   \
         username Okta sends for Jamie (e.g. jamie.doe), then retry the assignment.",
    )?;

    step(
        3,
        "Okta provisions Jane Doe with email jane.doe@acme.example. The service answers:",
    )?;
    say(&format!(
        "   {}",
        idp_create(&tour, printer, "jane.doe", "jane.doe@acme.example").await?
    ))?;
    step(
        4,
        "Who holds the email?   $ scimctl users find --email jane.doe@acme.example",
    )?;
    users::find(
        FindTarget::Holder(LookupKey::Email("jane.doe@acme.example".into())),
        &tour,
        &shown,
    )
    .await?;
    say(
        "   Nobody in acme. Pulumi cannot filter by email, so scimctl read every user and compared\n   \
         each address itself (its notes are on stderr). The 409 is real all the same: the holder is outside\n   \
         your organisation, typically Jane's own Pulumi account. She can link it (Account Settings ->\n   \
         Connect SAML SSO) or change its email; otherwise Pulumi support can release it.",
    )?;

    step(5, "What can this endpoint do?   $ scimctl doctor")?;
    let _ = doctor::run(&tour, &shown).await?;

    step(6, "Your turn")?;
    say(
        "   export SCIMCTL_URL=https://api.example.com/scim/v2     # your service provider's SCIM base URL\n   \
         export SCIMCTL_TOKEN_FILE=~/.config/scimctl/token      # chmod 600; or SCIMCTL_TOKEN, --token-stdin\n   \
         scimctl doctor\n   \
         scimctl users find --email someone@example.com\n\n   \
         Rehearse first on a copy: scimctl sandbox --provider pulumi --seed examples/faq.json",
    )?;
    server.abort();
    Ok(ExitStatus::Success)
}

/// What the identity provider's create got back: the SCIM error body, as its log would show.
async fn idp_create(
    settings: &Settings,
    printer: &Printer,
    user_name: &str,
    email: &str,
) -> Result<String> {
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
            Ok(reply) => format!("{} (created)", reply.status),
            Err(e) => match e.body() {
                Some(b) => format!("HTTP {} {}", e.status().unwrap_or(0), b.raw.trim()),
                None => e.to_string(),
            },
        },
    )
}
