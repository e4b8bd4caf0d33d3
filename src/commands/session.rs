//! An open endpoint: the client, what is known of its capabilities, and its provider's rules.

use anyhow::Result;

use crate::conflict::engine::{Engine, ScanBudget};
use crate::output::Printer;
use crate::output::progress::Progress;
use crate::provider::{self, Detection};
use crate::scim::capabilities::{Capabilities, CapabilityCache};
use crate::scim::client::ScimClient;
use crate::settings::Settings;

pub struct Session {
    pub client: ScimClient,
    pub caps: Capabilities,
    pub provider: Detection,
    /// At most how many users a lookup reads where no proven filter answers (`--max-scan`).
    pub max_scan: Option<u64>,
    cache: CapabilityCache,
}

impl Session {
    /// Connects without spending a request: capabilities come from the cache, the provider
    /// from --provider or the URL.
    pub fn open(settings: &Settings, printer: &Printer) -> Result<Session> {
        let mut client = settings.connection.connect(printer)?;
        // Notes as lookups tell them, and a walk's progress at a terminal.
        client = client.watched_by(Progress::new(printer));
        let cache = settings.connection.capability_cache();
        let mut caps = cache.load(client.base_url().as_str());
        let provider = match settings.connection.provider {
            Some(provider) => Detection {
                provider,
                reason: "chosen with --provider or the profile",
            },
            None => provider::detect(client.base_url(), caps.service_provider_config.as_ref()),
        };
        caps.assume(provider.provider.page_cap, provider.provider.etag);
        Ok(Session {
            client,
            caps,
            provider,
            max_scan: settings.max_scan,
            cache,
        })
    }

    /// Where the provider matters (diagnosis, writes), reads `/ServiceProviderConfig` once if
    /// it is not known yet: its documentation link often names the provider (unless --provider
    /// or the URL did), and whether it advertises ETags decides whether If-Match is trusted.
    /// The answer is cached with the endpoint's other capabilities, so later runs spend no
    /// request on it.
    pub async fn discover_provider(&mut self, settings: &Settings) {
        if self.caps.service_provider_config.is_some() {
            return;
        }
        match self.client.service_provider_config().await {
            Ok(config) => {
                let chosen = settings.connection.provider.is_some();
                if !chosen && self.provider.provider.id == provider::GENERIC.id {
                    self.provider = provider::detect(self.client.base_url(), Some(&config));
                }
                self.caps
                    .learn(|c| c.service_provider_config = Some(config));
                self.caps
                    .assume(self.provider.provider.page_cap, self.provider.provider.etag);
            }
            Err(e) => tracing::info!("could not read /ServiceProviderConfig: {e}"),
        }
    }

    /// The lookup engine over this endpoint.
    pub fn engine(&mut self) -> Engine<'_> {
        Engine {
            client: &self.client,
            caps: &mut self.caps,
            provider: self.provider.provider,
            budget: ScanBudget(self.max_scan),
        }
    }

    /// Keeps what this run learned about the endpoint, for the next run.
    pub fn remember(&mut self) {
        if self.caps.changed() {
            self.cache.save(&mut self.caps);
        }
    }
}
