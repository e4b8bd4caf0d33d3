//! The one lookup engine: who holds any of a set of values, answered only from what the
//! endpoint was shown to do (`scim::verify`). `users find`, `diagnose`, every fix's pre-checks
//! and `suggest-username` come through here.
//!
//! A filter may conclude "nobody" only when its form is verified and compares the way the
//! question needs (ignoring case, for userName and emails). Otherwise the engine reads the
//! directory and compares itself — within a budget; past it, it says the server cannot tell
//! rather than guess.

use std::sync::Arc;

use scim_v2::filter::Filter;
use serde::Serialize;

use super::diagnose::holds;
use super::lookup::LookupKey;
use crate::provider::{LoginRule, Provider};
use crate::scim::capabilities::{Capabilities, FormFact};
use crate::scim::client::ScimClient;
use crate::scim::compare::Attribute;
use crate::scim::error::ScimError;
use crate::scim::filter::FilterForm;
use crate::scim::model::User;
use crate::scim::paging::page_size;
use crate::scim::query::{UserQuery, WANTED_PAGE_SIZE, Watch, collect_users, walk_users};
use crate::scim::verify::{self, Sample, Spent};

/// Which accounts count as holding a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// SCIM's `eq`: who holds exactly this value (ignoring case where SCIM does).
    Scim,
    /// What collides on this provider: SCIM's `eq`, normalised forms, the provider's login rule.
    Collision,
}

/// At most how many users a lookup reads when no filter can answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanBudget(pub Option<u64>);

impl ScanBudget {
    /// Reading 10,000 users takes a few seconds at 100 a page, well inside providers' read limits.
    pub const DEFAULT: ScanBudget = ScanBudget(Some(10_000));
    pub const UNLIMITED: ScanBudget = ScanBudget(None);

    fn allows(self, users: u64) -> bool {
        self.0.is_none_or(|max| users <= max)
    }
}

/// How the holders were looked for, for the report and for `-v`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchTrace {
    /// Filters the server evaluated and whose answers were used.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<String>,
    /// Users read and compared here, when no filter could answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned: Option<u64>,
    /// Requests spent proving what the server's filters do (0 once it is known).
    #[serde(skip_serializing_if = "is_zero")]
    pub verification_requests: u32,
    /// For people: why a filter could not answer, that a scan happened, what the server did.
    #[serde(skip)]
    pub notes: Vec<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The lookup could not be answered: no filter is trustworthy and the directory is larger
/// than the budget.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error(transparent)]
    Scim(#[from] ScimError),
    #[error(
        "scimctl cannot tell whether any account holds {values}: {why}, and reading the directory to compare itself would mean more than --max-scan {budget} users{size}; pass --max-scan 0 to read them all"
    )]
    CannotTell {
        values: String,
        why: String,
        budget: u64,
        size: String,
    },
    #[error(
        "scimctl cannot tell whether any account holds {values}: {why}, and reading the directory did not deliver every user ({read})"
    )]
    Unreadable {
        values: String,
        why: String,
        read: String,
    },
}

pub struct Engine<'s> {
    pub client: &'s ScimClient,
    pub caps: &'s mut Capabilities,
    pub provider: &'static Provider,
    pub budget: ScanBudget,
}

/// The holders found, each once, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub holders: Vec<User>,
    pub trace: SearchTrace,
}

impl Engine<'_> {
    /// Every account holding one of `keys` by `comparison`. `deep` reads every user whatever
    /// the filters can do (and whatever the budget), to catch stored values only a full
    /// comparison sees.
    pub async fn find(
        &mut self,
        keys: &[LookupKey],
        comparison: Comparison,
        deep: bool,
    ) -> Result<Found, LookupError> {
        let mut run = Run {
            trace: SearchTrace::default(),
            watch: self.client.watch().cloned(),
            told: Vec::new(),
            sample: None,
            spent: Spent::default(),
            holders: Vec::new(),
            unproven: Vec::new(),
        };
        let keys = distinct(keys);
        if deep {
            let all: Vec<&LookupKey> = keys.iter().collect();
            self.scan(
                &mut run,
                &all,
                comparison,
                ScanBudget::UNLIMITED,
                "every value",
            )
            .await?;
            return Ok(run.finish());
        }
        self.verify_together(&mut run, &keys, comparison).await?;
        let mut by_filter: Vec<(&LookupKey, FilterForm)> = Vec::new();
        let mut by_scan: Vec<&LookupKey> = Vec::new();
        for key in &keys {
            match self.conclusive_form(&mut run, key, comparison).await? {
                Some(form) => by_filter.push((key, form)),
                None => by_scan.push(key),
            }
        }
        let or_verified = by_filter.len() > 1 && self.or_is_verified(&mut run).await?;
        let chunks = if or_verified {
            or_chunks(&by_filter)
        } else {
            by_filter.chunks(1).collect()
        };
        // One read of the directory answers every value at once: when some value needs it
        // anyway, or when it takes fewer requests than the filters would, every value is
        // compared there instead.
        if !by_scan.is_empty() {
            by_scan = keys.iter().collect();
        } else if (chunks.len() > 3 || (chunks.len() > 1 && run.sample.is_some()))
            && let Some(pages) = self.cheaper_scan(&mut run, chunks.len() as u64).await?
        {
            run.trace.notes.push(format!(
                "reading the whole directory ({}) costs fewer requests than {} filters for {} values",
                plural(pages, "page"),
                chunks.len(),
                keys.len()
            ));
            by_scan = keys.iter().collect();
        } else {
            for chunk in chunks {
                let answered = chunk.len() > 1
                    && !matches!(self.caps.or_filter, Some(FormFact::Ignored))
                    && self.one_or_filter(&mut run, chunk, comparison).await?;
                if !answered {
                    by_scan.extend(self.filter_each(&mut run, chunk, comparison).await?);
                }
            }
        }
        if !by_scan.is_empty() {
            let compared: Vec<&str> = by_scan.iter().map(|k| k.noun()).collect();
            let compared = distinct(&compared).join(" and ");
            self.scan(&mut run, &by_scan, comparison, self.budget, &compared)
                .await?;
        }
        Ok(run.finish())
    }

    /// The pages a read of the whole directory takes, when that is fewer than `filters`
    /// requests and within the budget; `None` otherwise (or when the server does not say how
    /// many users it has).
    async fn cheaper_scan(
        &mut self,
        run: &mut Run,
        filters: u64,
    ) -> Result<Option<u64>, LookupError> {
        let sample = run.sample(self.client, self.caps).await?;
        let Some(total) = sample.total.filter(|t| self.budget.allows(*t)) else {
            return Ok(None);
        };
        let pages = if sample.is_whole_directory() {
            0
        } else {
            let size = page_size(
                WANTED_PAGE_SIZE,
                self.caps.advertised_max_results(),
                self.caps.page_cap,
            );
            total.div_ceil(size).max(1)
        };
        Ok((pages < filters).then_some(pages))
    }

    /// The filter form whose empty answer would prove nobody holds `key`, learning what the
    /// forms do first if nobody has; `None` when no form can.
    async fn conclusive_form(
        &mut self,
        run: &mut Run,
        key: &LookupKey,
        comparison: Comparison,
    ) -> Result<Option<FilterForm>, LookupError> {
        let attribute = key.kind();
        if self.login_rule_decides(key, comparison) {
            run.note_once(format!(
                "{} compares userNames by its login rule (\"j.doe@x\" and \"J_Doe\" collide), which no filter can ask",
                self.provider.name
            ));
            return Ok(None);
        }
        let mut reasons = Vec::new();
        for &form in key.forms() {
            let fact = match self.caps.filter(form) {
                Some(fact) => fact,
                None if !self.provider.can_filter(attribute.scim_name()) => {
                    run.note_once(format!(
                        "{} cannot filter users by {}",
                        self.provider.name,
                        key.noun()
                    ));
                    return Ok(None);
                }
                None => {
                    let sample = run.sample(self.client, self.caps).await?;
                    verify::verify_form(self.client, self.caps, &sample, form, &mut run.spent)
                        .await?
                }
            };
            if fact.conclusive(attribute.case_exact(), key.value()) {
                return Ok(Some(form));
            }
            reasons.push(format!("'{}' is {} here", form.label(), fact.label()));
        }
        if !reasons.is_empty() {
            run.note_once(format!(
                "{}, so an empty answer would not prove that nobody holds the {}",
                reasons.join("; "),
                key.noun()
            ));
        }
        Ok(None)
    }

    /// Where nothing is known yet about the first form of each attribute the keys need, tries
    /// to prove them all (and `or`) with one request.
    async fn verify_together(
        &mut self,
        run: &mut Run,
        keys: &[LookupKey],
        comparison: Comparison,
    ) -> Result<(), LookupError> {
        let mut forms: Vec<FilterForm> = Vec::new();
        for key in keys {
            let form = key.forms()[0];
            if self.login_rule_decides(key, comparison)
                || !self.provider.can_filter(key.attribute())
                || forms.contains(&form)
            {
                continue;
            }
            forms.push(form);
        }
        let unknown = forms.iter().all(|f| self.caps.filter(*f).is_none());
        if forms.len() < 2 || !unknown || self.caps.or_filter.is_some() {
            return Ok(());
        }
        let sample = run.sample(self.client, self.caps).await?;
        verify::verify_together(self.client, self.caps, &sample, &forms, &mut run.spent).await?;
        Ok(())
    }

    /// Whether the provider's login rule, which no filter can ask, decides who collides on
    /// this key (GitHub's: `j.doe@x` and `J_Doe` are one login).
    fn login_rule_decides(&self, key: &LookupKey, comparison: Comparison) -> bool {
        comparison == Comparison::Collision
            && key.kind() == Attribute::UserName
            && self.provider.login_rule != LoginRule::IgnoreCase
    }

    async fn or_is_verified(&mut self, run: &mut Run) -> Result<bool, LookupError> {
        let fact = match self.caps.or_filter {
            Some(fact) => fact,
            None => {
                let sample = run.sample(self.client, self.caps).await?;
                verify::verify_or(self.client, self.caps, &sample, &mut run.spent).await?
            }
        };
        Ok(matches!(fact, FormFact::Verified { .. }))
    }

    /// One `or` filter for every key; `false` when the server did not answer it usably (the
    /// keys are then asked one by one).
    async fn one_or_filter(
        &mut self,
        run: &mut Run,
        keys: &[(&LookupKey, FilterForm)],
        comparison: Comparison,
    ) -> Result<bool, LookupError> {
        let filter = Filter::any(keys.iter().map(|(key, form)| form.build(key.value())))
            .expect("two or more parts make a filter")
            .to_string();
        let Some(users) = self.ask(run, &filter).await? else {
            return Ok(false);
        };
        let keys: Vec<&LookupKey> = keys.iter().map(|(k, _)| *k).collect();
        if users.iter().any(|u| !keys.iter().any(|k| k.is_held_by(u))) {
            run.tell(format!(
                "the server answered '{filter}' with accounts holding none of the values; scimctl no longer trusts 'or' here"
            ));
            self.caps.learn(|c| c.or_filter = Some(FormFact::Ignored));
            return Ok(false);
        }
        run.trace.filters.push(filter);
        let provider = self.provider;
        run.keep(users, |u| {
            keys.iter().any(|k| held(k, u, comparison, provider))
        });
        Ok(true)
    }

    /// A filter per key; returns the keys whose filter could not answer after all.
    async fn filter_each<'k>(
        &mut self,
        run: &mut Run,
        keys: &[(&'k LookupKey, FilterForm)],
        comparison: Comparison,
    ) -> Result<Vec<&'k LookupKey>, LookupError> {
        let mut unanswered = Vec::new();
        for &(key, form) in keys {
            let filter = form.build(key.value()).to_string();
            let Some(users) = self.ask(run, &filter).await? else {
                unanswered.push(key);
                continue;
            };
            if users.iter().any(|u| !key.is_held_by(u)) {
                run.note_once(format!(
                    "the server answered '{filter}' with accounts that do not hold the value: it is not applying '{}' after all",
                    form.label()
                ));
                self.caps.learn(|c| {
                    c.filters.insert(form, FormFact::Ignored);
                });
                unanswered.push(key);
                continue;
            }
            run.trace.filters.push(filter);
            let provider = self.provider;
            run.keep(users, |u| held(key, u, comparison, provider));
        }
        Ok(unanswered)
    }

    /// The users a verified filter returned, or `None` when the server refused it for this
    /// value (a quote, an odd character): the form stays verified; this value is scanned for.
    async fn ask(&mut self, run: &mut Run, filter: &str) -> Result<Option<Vec<User>>, LookupError> {
        let query = UserQuery {
            filter: Some(filter.to_string()),
            limit: None,
        };
        match collect_users(self.client, self.caps, &query).await {
            Ok((users, stats)) => {
                run.tell_all(stats.notes);
                Ok(Some(users))
            }
            Err(e) if e.is_filter_refusal() => {
                let reason = e.body().map(|b| b.describe()).unwrap_or_default();
                run.note_once(format!(
                    "the server refused the filter '{filter}' ({} {reason}) although it accepts that form for other values",
                    e.status().unwrap_or(0)
                ));
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Reads every user and keeps those holding one of `keys`, within `budget`.
    async fn scan(
        &mut self,
        run: &mut Run,
        keys: &[&LookupKey],
        comparison: Comparison,
        budget: ScanBudget,
        compared: &str,
    ) -> Result<(), LookupError> {
        let known_total = run.sample.as_ref().and_then(|s| s.total);
        let cannot_tell = |size: String, run: &Run| LookupError::CannotTell {
            values: describe_values(keys),
            why: if run.unproven.is_empty() {
                "no filter can answer it".into()
            } else {
                run.unproven.join("; ")
            },
            budget: budget.0.unwrap_or(0),
            size,
        };
        if let Some(total) = known_total.filter(|t| !budget.allows(*t)) {
            return Err(cannot_tell(format!(" (the server reports {total})"), run));
        }
        let provider = self.provider;
        if let Some(sample) = run.sample.as_ref().filter(|s| s.is_whole_directory()) {
            let found: Vec<User> = sample
                .users
                .iter()
                .filter(|u| keys.iter().any(|k| held(k, u, comparison, provider)))
                .cloned()
                .collect();
            let scanned = sample.users.len() as u64;
            run.tell(format!(
                "so scimctl compared {compared} itself in all {scanned} users, already read to check the filters"
            ));
            run.trace.scanned = Some(run.trace.scanned.unwrap_or(0) + scanned);
            run.keep(found, |_| true);
            return Ok(());
        }
        run.tell(format!(
            "so scimctl reads every user{} and compares {compared} itself",
            match known_total {
                Some(total) => format!(" ({total})"),
                None => String::new(),
            }
        ));
        let mut scanned = 0u64;
        let mut over = false;
        let mut found = Vec::new();
        let stats = walk_users(self.client, self.caps, &UserQuery::default(), |user| {
            scanned += 1;
            if !budget.allows(scanned) {
                over = true;
                return Ok::<_, ScimError>(false);
            }
            if keys.iter().any(|k| held(k, &user, comparison, provider)) {
                found.push(user);
            }
            Ok(true)
        })
        .await?;
        if over {
            return Err(cannot_tell(String::new(), run));
        }
        // A listing that stopped short (the server repeated itself) or delivered fewer users
        // than it says it has proves nothing about the users it did not deliver.
        let short_of_total = stats.total_results.filter(|total| scanned < *total);
        if stats.stopped_short || short_of_total.is_some() {
            let read = match (stats.notes.last(), short_of_total) {
                (Some(note), _) if stats.stopped_short => note.clone(),
                (_, Some(total)) => format!("{scanned} of the {total} users the server reports"),
                _ => format!("{scanned} users"),
            };
            return Err(LookupError::Unreadable {
                values: describe_values(keys),
                why: if run.unproven.is_empty() {
                    "no filter can answer it".into()
                } else {
                    run.unproven.join("; ")
                },
                read,
            });
        }
        run.tell_all(stats.notes);
        run.tell(format!(
            "scimctl read all {scanned} users ({}) and compared {compared} itself",
            plural(u64::from(stats.pages), "page"),
        ));
        run.trace.scanned = Some(run.trace.scanned.unwrap_or(0) + scanned);
        run.keep(found, |_| true);
        Ok(())
    }
}

fn held(key: &LookupKey, user: &User, comparison: Comparison, provider: &Provider) -> bool {
    match comparison {
        Comparison::Scim => key.is_held_by(user),
        Comparison::Collision => holds(key, user, provider),
    }
}

/// One lookup's working state.
struct Run {
    trace: SearchTrace,
    watch: Option<Arc<dyn Watch>>,
    told: Vec<String>,
    sample: Option<Sample>,
    spent: Spent,
    holders: Vec<User>,
    unproven: Vec<String>,
}

impl Run {
    /// The directory's first users, read once per lookup and only when a fact is unknown.
    async fn sample(
        &mut self,
        client: &ScimClient,
        caps: &mut Capabilities,
    ) -> Result<Sample, ScimError> {
        if self.sample.is_none() {
            self.spent.requests += 1;
            self.sample = Some(verify::sample(client, caps).await?);
        }
        Ok(self.sample.clone().unwrap_or_default())
    }

    fn keep(&mut self, users: Vec<User>, wanted: impl Fn(&User) -> bool) {
        for user in users.into_iter().filter(|u| wanted(u)) {
            let seen = self
                .holders
                .iter()
                .any(|h| h.id.is_some() && h.id == user.id);
            if !seen {
                self.holders.push(user);
            }
        }
    }

    /// A reason no filter can answer a value: told to people, and kept for the error when the
    /// directory is too large to read instead.
    fn note_once(&mut self, note: String) {
        if !self.unproven.contains(&note) {
            self.unproven.push(note.clone());
        }
        self.tell(note);
    }

    /// A note for people: told at once where someone watches (so it comes before the work it
    /// describes), kept in the trace otherwise; each once.
    fn tell(&mut self, note: String) {
        if self.told.contains(&note) {
            return;
        }
        self.told.push(note.clone());
        match &self.watch {
            Some(watch) => watch.note(&note),
            None => self.trace.notes.push(note),
        }
    }

    fn tell_all(&mut self, notes: Vec<String>) {
        for note in notes {
            self.tell(note);
        }
    }

    fn finish(mut self) -> Found {
        self.trace.verification_requests = self.spent.requests;
        Found {
            holders: self.holders,
            trace: self.trace,
        }
    }
}

/// Longest `or` filter sent at once (before percent-encoding): several requests of a few KiB
/// each stay below the URL length servers and proxies accept.
const OR_FILTER_BYTES: usize = 1_500;

/// The keys in groups whose `or` filter stays within [`OR_FILTER_BYTES`].
fn or_chunks<'a, 'k>(
    keys: &'a [(&'k LookupKey, FilterForm)],
) -> Vec<&'a [(&'k LookupKey, FilterForm)]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (key, form)) in keys.iter().enumerate() {
        let len = form.build(key.value()).to_string().len() + 4;
        if i > start && bytes + len > OR_FILTER_BYTES {
            chunks.push(&keys[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += len;
    }
    if start < keys.len() {
        chunks.push(&keys[start..]);
    }
    chunks
}

/// The keys without repeats, in their order; a set, so that a payload's many emails stay linear.
/// Each item once, in the order first seen.
fn distinct<T: std::hash::Hash + Eq + Clone>(items: &[T]) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items.iter().filter(|i| seen.insert(*i)).cloned().collect()
}

fn describe_values(keys: &[&LookupKey]) -> String {
    keys.iter()
        .map(|k| format!("{} \"{}\"", k.noun(), k.value()))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
