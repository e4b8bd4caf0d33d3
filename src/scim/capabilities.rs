//! What an endpoint turned out to support, remembered per endpoint in the platform cache
//! directory so that repeated calls (a script running a thousand lookups) do not probe again.
//!
//! The cache holds no secrets: it is keyed by the base URL and stores only protocol facts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::filter::FilterForm;
use super::model::ServiceProviderConfig;

/// What a filter form was shown to do. Only `Verified` was proven with a value a listed user
/// holds; everything else is a reason not to believe an empty answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum FormFact {
    /// A value a listed user holds found that user and no one else. `ignores_case` says
    /// whether the same value in another letter case found them too (`None`: not tested, the
    /// value had no letters).
    #[serde(rename_all = "camelCase")]
    Verified {
        // Left out, not null, when not tested (JSON output leaves absent fields out).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ignores_case: Option<bool>,
    },
    /// Answered without an error, but no listed user had a value to prove it with (an empty
    /// directory, or no user with this attribute).
    Unverified,
    /// Refused (400 invalidFilter, 501) for a plain value.
    Refused,
    /// Answered with users that do not hold the value: the filter is not applied.
    Ignored,
    /// Answered nobody for a value a listed user holds: the filter silently matches nothing.
    MatchesNothing,
}

impl FormFact {
    /// How `doctor` names it.
    pub fn label(self) -> &'static str {
        match self {
            FormFact::Verified {
                ignores_case: Some(false),
            } => "case-sensitive",
            FormFact::Verified {
                ignores_case: Some(true),
            } => "verified",
            FormFact::Verified { ignores_case: None } => "verified (case not tested)",
            FormFact::Unverified => "unverified",
            FormFact::Refused => "refused",
            FormFact::Ignored => "ignored",
            FormFact::MatchesNothing => "matches nothing",
        }
    }

    /// Worth sending: it may find holders (whether an empty answer proves anything is
    /// `conclusive`'s question).
    pub fn usable(self) -> bool {
        matches!(self, FormFact::Verified { .. } | FormFact::Unverified)
    }

    /// Whether this form answering nobody proves that nobody holds `value`, compared the way
    /// `case_exact` says.
    pub fn conclusive(self, case_exact: bool, value: &str) -> bool {
        match self {
            FormFact::Verified {
                ignores_case: Some(true),
            } => true,
            FormFact::Verified { .. } => {
                case_exact || !crate::scim::compare::has_cased_letters(value)
            }
            _ => false,
        }
    }
}

// 2: filter facts are proven with held values (FormFact); format 1 caches held guesses.
const CACHE_FORMAT: u32 = 2;
pub const DEFAULT_TTL: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Capabilities {
    pub format: u32,
    pub endpoint: String,
    /// Seconds since the Unix epoch when this was last learned or confirmed.
    pub learned_at: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_provider_config: Option<ServiceProviderConfig>,
    /// What each filter form was shown to do, with values listed users really hold.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<FilterForm, FormFact>,
    /// What `or` between two `userName eq` was shown to do (both users found: verified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub or_filter: Option<FormFact>,
    /// The most results the server returned in one page when more were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_cap: Option<u64>,
    /// `GET /Users` with a filter is refused, so queries go by `POST /Users/.search`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_by_post: Option<bool>,
    /// The server pages by cursor (RFC 9865) rather than by `startIndex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor_paging: Option<bool>,
    /// `false`: the server fails on `startIndex`/`count`, so users are read with a plain
    /// `GET /Users` (issue 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging_params: Option<bool>,
    /// ETags to trust: advertised by /ServiceProviderConfig and seen on a resource (`true`),
    /// or not to be relied on (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<bool>,
    #[serde(skip)]
    changed: bool,
}

impl Capabilities {
    pub fn unknown(endpoint: &str) -> Capabilities {
        Capabilities {
            format: CACHE_FORMAT,
            endpoint: endpoint.to_string(),
            ..Capabilities::default()
        }
    }

    pub fn changed(&self) -> bool {
        self.changed
    }

    pub fn filter(&self, form: FilterForm) -> Option<FormFact> {
        self.filters.get(&form).copied()
    }

    pub fn advertised_max_results(&self) -> Option<u64> {
        self.service_provider_config
            .as_ref()
            .and_then(|c| c.filter.as_ref())
            .and_then(|f| f.max_results)
    }

    /// Whether an ETag read from this server is worth sending back in `If-Match`: it was
    /// advertised and seen on a resource (`doctor`), or, before any check, advertised by
    /// `/ServiceProviderConfig`. A header alone is not enough: web frameworks hash every body.
    pub fn trusts_etags(&self) -> bool {
        match self.etag {
            Some(trusted) => trusted,
            None => {
                self.service_provider_config
                    .as_ref()
                    .and_then(|c| c.etag.and_then(|e| e.supported))
                    == Some(true)
            }
        }
    }

    /// Fills what is still unknown from documentation (a provider's published page cap), without
    /// marking anything learned: what the server itself shows always wins.
    pub fn assume(&mut self, page_cap: Option<u64>, etag: Option<bool>) {
        self.page_cap = self.page_cap.or(page_cap);
        self.etag = self.etag.or(etag);
    }

    /// Records a fact; only a fact that differs from what was known marks the cache for saving.
    pub fn learn(&mut self, update: impl FnOnce(&mut Capabilities)) {
        let before = self.clone();
        update(self);
        if *self != before {
            self.changed = true;
        }
    }
}

pub struct CapabilityCache {
    dir: Option<PathBuf>,
    ttl: Duration,
}

impl CapabilityCache {
    /// `dir` is `None` when no cache directory is known (no home directory): nothing is kept.
    pub fn new(dir: Option<PathBuf>, ttl: Duration) -> CapabilityCache {
        CapabilityCache { dir, ttl }
    }

    pub fn load(&self, endpoint: &str) -> Capabilities {
        let Some(path) = self.path(endpoint) else {
            return Capabilities::unknown(endpoint);
        };
        let cached = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Capabilities>(&bytes).ok())
            .filter(|c| c.format == CACHE_FORMAT && c.endpoint == endpoint)
            .filter(|c| now_secs().saturating_sub(c.learned_at) < self.ttl.as_secs());
        match cached {
            Some(caps) => {
                tracing::debug!("capabilities of {endpoint} read from {}", path.display());
                caps
            }
            None => Capabilities::unknown(endpoint),
        }
    }

    /// Writes atomically (temporary file, then rename) so that two scimctl processes never see
    /// a torn file. Failing to cache is not worth failing the command for: it is logged.
    pub fn save(&self, caps: &mut Capabilities) {
        let Some(path) = self.path(&caps.endpoint) else {
            return;
        };
        caps.learned_at = now_secs();
        // What a server said (a refused filter's error) may echo the token.
        let text = serde_json::to_string_pretty(caps).unwrap_or_default();
        if let Err(e) = write_atomically(&path, crate::redact::redact(&text).as_bytes()) {
            tracing::warn!(
                "could not save the capability cache {}: {e}",
                path.display()
            );
        } else {
            caps.changed = false;
        }
    }

    pub fn path(&self, endpoint: &str) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|dir| dir.join(format!("endpoint-{:016x}.json", fnv1a(endpoint.as_bytes()))))
    }
}

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = dir.join(format!(".{}.{}.tmp", std::process::id(), fastrand::u64(..)));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A stable hash for file names (std's hasher is randomised per process).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learned_facts_survive_a_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let cache = CapabilityCache::new(Some(dir.path().to_path_buf()), DEFAULT_TTL);
        let mut caps = cache.load("https://a.example/scim/v2/");
        assert!(!caps.changed());
        caps.learn(|c| {
            c.filters.insert(FilterForm::EmailsValue, FormFact::Refused);
            c.page_cap = Some(100);
        });
        assert!(caps.changed());
        cache.save(&mut caps);
        let again = cache.load("https://a.example/scim/v2/");
        assert_eq!(
            again.filter(FilterForm::EmailsValue),
            Some(FormFact::Refused)
        );
        assert_eq!(again.page_cap, Some(100));
        assert_eq!(
            cache
                .load("https://b.example/scim/v2/")
                .filter(FilterForm::EmailsValue),
            None
        );
    }

    #[test]
    fn learning_what_was_known_changes_nothing() {
        let mut caps = Capabilities::unknown("x");
        caps.learn(|c| c.page_cap = None);
        assert!(!caps.changed());
    }

    #[test]
    fn an_expired_or_corrupt_cache_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = CapabilityCache::new(Some(dir.path().to_path_buf()), Duration::ZERO);
        let mut caps = Capabilities::unknown("e");
        caps.learn(|c| c.page_cap = Some(5));
        cache.save(&mut caps);
        assert_eq!(cache.load("e").page_cap, None);
        std::fs::write(cache.path("e").unwrap(), b"{not json").unwrap();
        let fresh = CapabilityCache::new(Some(dir.path().to_path_buf()), DEFAULT_TTL);
        assert_eq!(fresh.load("e").page_cap, None);
    }
}
