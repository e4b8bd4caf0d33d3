//! `scimctl audit`: the directory against itself. One pass over every account builds an index
//! per rule — userNames equal exactly, ignoring case, after NFKC, without invisible characters,
//! read as look-alike letters, under the provider's login rule; the same address in two
//! accounts in any slot; the same externalId twice — and reports each group of accounts that
//! collide, under the first (weakest) rule that joins them. Pure: the command walks the
//! directory and hands the accounts in.

mod lookalike;

use std::collections::HashMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::conflict::diagnose::HolderView;
use crate::provider::{LoginRule, Provider};
use crate::scim::compare::{Attribute, fold};
use crate::scim::model::User;

/// Why accounts are in one cluster, weakest first: a cluster is reported under the first rule
/// that joins exactly its accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The same value, character for character.
    Exact,
    /// Equal ignoring case (how SCIM compares userNames and emails).
    Case,
    /// Equal after Unicode NFKC (full-width letters, ligatures) and trimming.
    Nfkc,
    /// Equal once invisible characters (zero-width spaces, soft hyphens, bidi marks) are removed.
    Invisible,
    /// Equal when look-alike letters of other scripts are read as Latin (Cyrillic `а` for `a`).
    LookAlike,
    /// Equal under the provider's login rule (GitHub: `j.doe@x` and `J_Doe` are one login).
    LoginRule,
}

impl Rule {
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Exact => "the same value",
            Rule::Case => "equal ignoring case",
            Rule::Nfkc => "equal once compatibility characters are folded (NFKC)",
            Rule::Invisible => "equal once invisible characters are removed",
            Rule::LookAlike => "read the same: look-alike letters from another script",
            Rule::LoginRule => "equal under the provider's login rule",
        }
    }
}

/// Accounts that collide with each other.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cluster {
    pub attribute: Attribute,
    pub rule: Rule,
    /// The value they collide on, as the rule compares it.
    pub key: String,
    pub accounts: Vec<HolderView>,
    /// Some accounts are inactive while another is active: the inactive one still reserves the
    /// value on providers that keep deactivated accounts' values.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inactive_holder: bool,
}

/// The audit's findings.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    pub users: u64,
    pub clusters: Vec<Cluster>,
    /// Accounts without an externalId (an identity provider cannot have provisioned them, or
    /// lost track of them): how many, and the first few.
    pub missing_external_ids: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_external_id_sample: Vec<String>,
}

const SAMPLE: usize = 10;

/// Everything the audit keeps of one account.
struct Account {
    view: HolderView,
}

/// Invisible characters: zero-width, soft hyphen, word joiner, BOM, bidi controls.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{00AD}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{180E}')
}

/// The key of `value` under `rule`; each rule includes the ones before it.
fn key(rule: Rule, value: &str, login: LoginRule) -> String {
    let nfkc = || value.nfkc().collect::<String>().trim().to_string();
    let visible = || {
        nfkc()
            .chars()
            .filter(|c| !is_invisible(*c))
            .collect::<String>()
    };
    match rule {
        Rule::Exact => value.to_string(),
        Rule::Case => fold(value),
        Rule::Nfkc => fold(&nfkc()),
        Rule::Invisible => fold(&visible()),
        Rule::LookAlike => fold(&lookalike::skeleton(&visible())),
        Rule::LoginRule => login.key(&lookalike::skeleton(&visible())),
    }
}

const USER_NAME_RULES: [Rule; 6] = [
    Rule::Exact,
    Rule::Case,
    Rule::Nfkc,
    Rule::Invisible,
    Rule::LookAlike,
    Rule::LoginRule,
];
const EMAIL_RULES: [Rule; 5] = [
    Rule::Exact,
    Rule::Case,
    Rule::Nfkc,
    Rule::Invisible,
    Rule::LookAlike,
];

/// Builds the audit from every account, in one pass per attribute over the kept views.
#[derive(Default)]
pub struct Auditor {
    accounts: Vec<Account>,
    missing: u64,
    missing_sample: Vec<String>,
}

impl Auditor {
    pub fn add(&mut self, user: &User) {
        let view = HolderView::of(user);
        if view
            .external_id
            .as_deref()
            .is_none_or(|e| e.trim().is_empty())
        {
            self.missing += 1;
            if self.missing_sample.len() < SAMPLE {
                self.missing_sample.push(view.id.clone());
            }
        }
        self.accounts.push(Account { view });
    }

    pub fn finish(self, provider: &Provider) -> Audit {
        let mut clusters = Vec::new();
        let login = provider.login_rule;
        let names: Vec<Vec<&str>> = self
            .accounts
            .iter()
            .map(|a| vec![a.view.user_name.as_str()])
            .collect();
        let emails: Vec<Vec<&str>> = self
            .accounts
            .iter()
            .map(|a| a.view.emails.iter().map(String::as_str).collect())
            .collect();
        let external_ids: Vec<Vec<&str>> = self
            .accounts
            .iter()
            .map(|a| a.view.external_id.as_deref().into_iter().collect())
            .collect();
        let user_name_rules: &[Rule] = if login == LoginRule::IgnoreCase {
            &USER_NAME_RULES[..5]
        } else {
            &USER_NAME_RULES
        };
        clusters.extend(self.clusters(Attribute::UserName, &names, user_name_rules, login));
        clusters.extend(self.clusters(Attribute::Emails, &emails, &EMAIL_RULES, login));
        clusters.extend(self.clusters(Attribute::ExternalId, &external_ids, &[Rule::Exact], login));
        Audit {
            users: self.accounts.len() as u64,
            clusters,
            missing_external_ids: self.missing,
            missing_external_id_sample: self.missing_sample,
        }
    }

    /// For each rule in order, the groups of two or more accounts sharing a key, each set of
    /// accounts reported once (under the first rule that forms it).
    fn clusters(
        &self,
        attribute: Attribute,
        values: &[Vec<&str>],
        rules: &[Rule],
        login: LoginRule,
    ) -> Vec<Cluster> {
        let mut reported: std::collections::HashSet<Vec<usize>> = Default::default();
        let mut clusters = Vec::new();
        for &rule in rules {
            let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
            for (index, account_values) in values.iter().enumerate() {
                for value in account_values.iter().filter(|v| !v.trim().is_empty()) {
                    let members = by_key.entry(key(rule, value, login)).or_default();
                    if members.last() != Some(&index) {
                        members.push(index);
                    }
                }
            }
            let mut found: Vec<(String, Vec<usize>)> = by_key
                .into_iter()
                .filter(|(k, members)| members.len() > 1 && !k.is_empty())
                .collect();
            found.sort();
            for (key, members) in found {
                if !reported.insert(members.clone()) {
                    continue;
                }
                let accounts: Vec<HolderView> = members
                    .iter()
                    .map(|&i| self.accounts[i].view.clone())
                    .collect();
                let active = accounts.iter().any(|a| a.active != Some(false));
                let inactive = accounts.iter().any(|a| a.active == Some(false));
                clusters.push(Cluster {
                    attribute,
                    rule,
                    key,
                    accounts,
                    inactive_holder: active && inactive,
                });
            }
        }
        clusters
    }
}

#[cfg(test)]
mod tests;
