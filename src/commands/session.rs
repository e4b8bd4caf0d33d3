//! An open endpoint: the client, what is known of its capabilities, and its provider's rules.

use anyhow::Result;

use crate::output::Printer;
use crate::provider::{self, Detection};
use crate::scim::capabilities::{Capabilities, CapabilityCache};
use crate::scim::client::ScimClient;
use crate::settings::Settings;

pub struct Session {
    pub client: ScimClient,
    pub caps: Capabilities,
    pub provider: Detection,
    cache: CapabilityCache,
}

impl Session {
    /// Connects without spending a request: capabilities come from the cache, the provider
    /// from --provider or the URL.
    pub fn open(settings: &Settings, printer: &Printer) -> Result<Session> {
        let client = settings.connection.connect(printer)?;
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
            cache,
        })
    }

    /// Keeps what this run learned about the endpoint, for the next run.
    pub fn remember(&mut self) {
        if self.caps.changed() {
            self.cache.save(&mut self.caps);
        }
    }
}
