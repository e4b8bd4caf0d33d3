//! `scimctl sandbox`: serve a local SCIM service provider until Ctrl-C or SIGTERM.

use anyhow::Result;

use crate::exit::{ExitStatus, usage};
use crate::output::Printer;
use crate::provider::{GENERIC, Provider};
use crate::sandbox::{Sandbox, SandboxConfig, Seed, StartError, generate_token};
use crate::settings::{SandboxOptions, Settings, io_reason};

pub async fn run(
    options: SandboxOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let provider = settings.connection.provider.unwrap_or(&GENERIC);
    let token = match &options.token_file {
        Some(path) => read_token(path)?,
        None => generate_token(),
    };
    let seed = options
        .seed
        .as_deref()
        .map(Seed::read)
        .transpose()
        .map_err(usage)?;
    let sandbox = start(&options, provider, token.clone(), seed).await?;
    let stop = stop_signal()?;
    // Exactly these two lines first, flushed, so a script can read them.
    printer.data(&format!("SCIMCTL_URL={}", sandbox.url()))?;
    match &options.token_file {
        Some(path) => printer.data(&format!("SCIMCTL_TOKEN_FILE={}", path.display()))?,
        None => printer.data(&format!("SCIMCTL_TOKEN={token}"))?,
    }
    for note in &sandbox.notes {
        printer.note(note);
    }
    printer.note(&format!(
        "serving {} with the {} rules ({}); stop with Ctrl-C",
        sandbox
            .tenants()
            .iter()
            .map(|t| sandbox.tenant_url(t))
            .collect::<Vec<_>>()
            .join(", "),
        provider.id,
        provider.name
    ));
    sandbox.serve(stop).await?;
    printer.note("sandbox stopped");
    Ok(ExitStatus::Success)
}

/// Binds a sandbox for `options`, with start-up problems reported as usage errors.
pub async fn start(
    options: &SandboxOptions,
    provider: &'static Provider,
    token: String,
    seed: Option<Seed>,
) -> Result<Sandbox> {
    let config = SandboxConfig {
        host: options.host.clone(),
        port: options.port,
        provider,
        tenants: options.tenants.clone(),
        seed,
        state: options.state.clone(),
        token,
        conditions: options.conditions,
    };
    Sandbox::bind(config).await.map_err(|e| {
        match e {
            StartError::StateWrite { .. } | StartError::Bind { .. } => anyhow::Error::new(e),
            other => usage(other.to_string()),
        }
        .context("the sandbox cannot start")
    })
}

fn read_token(path: &std::path::Path) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        usage(format!(
            "cannot read the token file {}: {}",
            path.display(),
            io_reason(&e)
        ))
    })?;
    let token = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    if token.is_empty() {
        return Err(usage(format!("the token file {} is empty", path.display())));
    }
    Ok(token)
}

/// Ctrl-C or SIGTERM, listened for from the moment it is made: a signal that arrives right
/// after the announcement must stop the server cleanly, not kill it.
#[cfg(unix)]
fn stop_signal() -> Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn stop_signal() -> Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
