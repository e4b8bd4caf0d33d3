//! The sandbox: a SCIM 2.0 service provider on loopback that reproduces how real providers
//! cause and report conflicts (their profiles come from `crate::provider`, the same table
//! diagnosis reads). `scimctl sandbox` serves it; `scimctl demo` runs one in-process.

mod api;
mod discovery;
mod generate;
// Public for the fuzz targets: filter evaluation and PATCH read what clients send.
pub mod matching;
pub mod patch;
mod persist;
mod seed;
mod store;
mod throttle;
mod users;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::net::TcpListener;

use self::api::{ApiError, App};
pub use self::generate::Generate;
use self::persist::StateLog;
pub use self::seed::Seed;
use self::store::Store;
pub use self::throttle::RateLimit;
use self::throttle::Traffic;
use crate::provider::Provider;

pub struct SandboxConfig {
    pub host: String,
    /// `None`: the port the state file recorded, else a free one.
    pub port: Option<u16>,
    pub provider: &'static Provider,
    /// Tenants to serve, in order; the first is the one printed.
    pub tenants: Vec<String>,
    pub seed: Option<Seed>,
    pub state: Option<PathBuf>,
    pub token: String,
    pub conditions: Conditions,
}

/// What makes the sandbox stand in for a large directory at a remote provider: its size, the
/// network's delay, the provider's rate limits. The default is none of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conditions {
    /// Made-up users to add at start (`--generate`), spread over the tenants.
    pub generate: Option<Generate>,
    /// Added before every answer (`--latency`).
    pub latency: Duration,
    pub rate_limit: RateLimit,
}

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    State(#[from] persist::StateError),
    #[error("cannot write the state file {path}: {source}")]
    StateWrite {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Seed(String),
    #[error("tenant name '{0}' may only hold letters, digits, '.', '_' and '-'")]
    BadTenant(String),
}

pub struct Sandbox {
    app: Arc<App>,
    listener: TcpListener,
    first_tenant: String,
    /// What happened at start, for the person who started it.
    pub notes: Vec<String>,
}

impl Sandbox {
    /// Loads state and seed, binds the port; serving starts with `serve`.
    pub async fn bind(mut config: SandboxConfig) -> Result<Sandbox, StartError> {
        let mut notes = Vec::new();
        let mut tenants = config.tenants.clone();
        if let Some(seed) = &config.seed {
            tenants.extend(seed.tenant_names().map(str::to_string));
        }
        let mut store = Store::new(config.provider, tenants.iter().cloned());
        let replayed = match &config.state {
            Some(path) => persist::replay(path, &mut store)?,
            None => persist::Replayed::default(),
        };
        let had_state = replayed.accounts;
        match (config.seed.take(), had_state) {
            (Some(_), true) => notes.push(
                "the state file already holds accounts, so the seed was not applied".to_string(),
            ),
            (Some(seed), false) => {
                let created = seed.apply(&mut store).map_err(StartError::Seed)?;
                notes.push(format!("seeded {created} accounts"));
            }
            (None, _) => {}
        }
        if had_state {
            notes.push(format!(
                "loaded {} accounts from the state file",
                store.len()
            ));
        }
        let mut all_tenants: Vec<String> = tenants;
        all_tenants.extend(store.tenants().cloned());
        all_tenants.dedup();
        if all_tenants.is_empty() {
            all_tenants.push("default".to_string());
        }
        for tenant in &all_tenants {
            if tenant.is_empty()
                || !tenant
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
            {
                return Err(StartError::BadTenant(tenant.clone()));
            }
            store.add_tenant(tenant);
        }
        let limits = prepare(
            config.conditions,
            config.provider,
            &all_tenants,
            &mut store,
            had_state,
            &mut notes,
        )?;
        let port = config.port.or(replayed.port).unwrap_or(0);
        let address = format!("{}:{}", config.host, port);
        let listener = TcpListener::bind(&address).await.map_err(|source| {
            let address = match (config.port, replayed.port) {
                (None, Some(_)) => {
                    format!(
                        "{address} (the port the state file recorded; --port 0 picks a free one)"
                    )
                }
                _ => address.clone(),
            };
            StartError::Bind { address, source }
        })?;
        let local = listener
            .local_addr()
            .map_err(|source| StartError::Bind { address, source })?;
        let log = match &config.state {
            Some(path) => Some(Mutex::new(
                StateLog::compact(path, &store, local.port()).map_err(|source| {
                    StartError::StateWrite {
                        path: path.clone(),
                        source,
                    }
                })?,
            )),
            None => None,
        };
        let app = Arc::new(App {
            store: RwLock::new(store),
            token: config.token,
            log,
            base_url: format!("http://{}/scim/v2", display_address(local)),
            traffic: Traffic::new(config.conditions.latency, &limits, &all_tenants),
        });
        Ok(Sandbox {
            app,
            listener,
            first_tenant: all_tenants[0].clone(),
            notes,
        })
    }

    /// The base URL of the first tenant: what `SCIMCTL_URL` should be.
    pub fn url(&self) -> String {
        self.app.tenant_url(&self.first_tenant)
    }

    pub fn tenant_url(&self, tenant: &str) -> String {
        self.app.tenant_url(tenant)
    }

    pub fn tenants(&self) -> Vec<String> {
        self.app
            .store
            .read()
            .expect("store lock")
            .tenants()
            .cloned()
            .collect()
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, router(self.app))
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Generates the users asked for (into an empty store only) and says what the sandbox will do
/// to requests; returns the rate limits to enforce.
fn prepare(
    conditions: Conditions,
    provider: &'static Provider,
    tenants: &[String],
    store: &mut Store,
    had_state: bool,
    notes: &mut Vec<String>,
) -> Result<Vec<crate::provider::rate::Limit>, StartError> {
    match conditions.generate {
        Some(plan) if had_state => notes.push(format!(
            "the state file already holds accounts, so {} users were not generated",
            plan.users
        )),
        Some(plan) => {
            let mut distinct: Vec<String> = Vec::new();
            for tenant in tenants {
                if !distinct.contains(tenant) {
                    distinct.push(tenant.clone());
                }
            }
            let started = std::time::Instant::now();
            let created = generate::generate(plan, &distinct, store).map_err(StartError::Seed)?;
            notes.push(format!(
                "generated {created} users (seed {}) in {:.1} s",
                plan.seed,
                started.elapsed().as_secs_f32()
            ));
        }
        None => {}
    }
    let limits = conditions.rate_limit.limits(provider);
    match (conditions.rate_limit, limits.is_empty()) {
        (RateLimit::Documented, true) => notes.push(format!(
            "{} documents no rate limit, so none is applied",
            provider.name
        )),
        (_, false) => notes.push(format!(
            "rate limits per tenant: {}; excess requests get 429 with Retry-After",
            limits
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        (_, true) => {}
    }
    if !conditions.latency.is_zero() {
        notes.push(format!(
            "every answer is delayed by {} ms",
            conditions.latency.as_millis()
        ));
    }
    Ok(limits)
}

fn router(app: Arc<App>) -> Router {
    let tenant = Router::new()
        .route(
            "/ServiceProviderConfig",
            get(discovery::service_provider_config),
        )
        .route("/Schemas", get(discovery::schemas))
        .route("/Schemas/{id}", get(discovery::schema))
        .route("/ResourceTypes", get(discovery::resource_types))
        .route("/ResourceTypes/{id}", get(discovery::resource_type))
        .route("/Users", get(users::list).post(users::create))
        .route("/Users/.search", post(users::search))
        // RFC 7644 §3.4.3: a search at the root covers every resource type; this sandbox serves only Users.
        .route("/.search", post(users::search))
        .route(
            "/Users/{id}",
            get(users::get)
                .put(users::replace)
                .patch(users::modify)
                .delete(users::delete),
        );
    Router::new()
        .nest("/scim/v2/{tenant}", tenant)
        .fallback(|| async {
            ApiError::not_found("no SCIM endpoint here; tenants live under /scim/v2/{tenant}")
        })
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            throttle::throttle,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            api::require_token,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            throttle::delay,
        ))
        .layer(DefaultBodyLimit::disable())
        .with_state(app)
}

fn display_address(address: SocketAddr) -> String {
    match address {
        SocketAddr::V4(v4) => v4.to_string(),
        SocketAddr::V6(v6) => format!("[{}]:{}", v6.ip(), v6.port()),
    }
}

/// A fresh token for one sandbox run: a local throwaway credential.
pub fn generate_token() -> String {
    format!(
        "sandbox-{:016x}{:016x}",
        fastrand::u64(..),
        fastrand::u64(..)
    )
}
