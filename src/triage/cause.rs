//! Why a candidate failed, in the words a cause table uses: one cause per candidate, from
//! its diagnosis and the fix recommended for it.

use serde::Serialize;

use super::occurrence::Kind;
use crate::conflict::diagnose::{Diagnosis, Flag};
use crate::conflict::options::{Action, Choice};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    /// The account holding the values is the incoming person: link it.
    SamePerson,
    EmailHeldByInactiveAccount,
    EmailHeldByAnotherAccount,
    UserNameHeldByAnotherPerson,
    /// An account already carries the externalId: the identity provider provisioned it before.
    ExternalIdAlreadyProvisioned,
    /// The value is reserved where this token cannot see (another tenant or organisation).
    HeldOutOfSight,
    /// The service reported a conflict that no visible account explains.
    Unexplained,
    /// The values are free now: retrying should work.
    FreeNow,
    RateLimited,
    OtherFailure,
}

impl Cause {
    pub fn of(diagnosis: &Diagnosis, choices: &[Choice]) -> Cause {
        if !diagnosis.is_conflict() {
            return Cause::FreeNow;
        }
        let recommended = choices.iter().find(|c| c.recommended).map(Choice::action);
        if recommended == Some(Action::Link) {
            return Cause::SamePerson;
        }
        if diagnosis.findings.is_empty() {
            return Cause::Unexplained;
        }
        // A holder in sight decides the cause; values held out of sight only when none is.
        let seen = diagnosis.findings.iter().find(|f| f.holder.is_some());
        let Some(finding) = seen.filter(|_| recommended != Some(Action::ContactSupport)) else {
            return Cause::HeldOutOfSight;
        };
        match finding.attribute {
            "emails" if finding.flags.contains(&Flag::InactiveHolder) => {
                Cause::EmailHeldByInactiveAccount
            }
            "emails" => Cause::EmailHeldByAnotherAccount,
            "userName" => Cause::UserNameHeldByAnotherPerson,
            _ => Cause::ExternalIdAlreadyProvisioned,
        }
    }

    pub fn of_kind(kind: Kind) -> Option<Cause> {
        match kind {
            Kind::Conflict => None,
            Kind::RateLimited => Some(Cause::RateLimited),
            Kind::Other => Some(Cause::OtherFailure),
        }
    }

    /// For people: what the users of this cause have in common.
    pub fn label(self) -> &'static str {
        match self {
            Cause::SamePerson => "the account already there is the same person",
            Cause::EmailHeldByInactiveAccount => "email held by an inactive account",
            Cause::EmailHeldByAnotherAccount => "email held by another account",
            Cause::UserNameHeldByAnotherPerson => "a different person holds the userName",
            Cause::ExternalIdAlreadyProvisioned => "an account already carries the externalId",
            Cause::HeldOutOfSight => "held outside what this token can see",
            Cause::Unexplained => "conflict, but no visible account holds the values",
            Cause::FreeNow => "nobody holds the values now",
            Cause::RateLimited => "rate limited (not a conflict)",
            Cause::OtherFailure => "another failure (not a conflict)",
        }
    }

    /// What to do about it, in a few words.
    pub fn action(self) -> &'static str {
        match self {
            Cause::SamePerson => "link the account",
            Cause::EmailHeldByInactiveAccount => "release the email",
            Cause::EmailHeldByAnotherAccount => "release the email, or send another",
            Cause::UserNameHeldByAnotherPerson => "rename the holder, or send another userName",
            Cause::ExternalIdAlreadyProvisioned => "make the identity provider match it",
            Cause::HeldOutOfSight => "the person connects their own account, or ask the provider",
            Cause::Unexplained => "diagnose with --deep, or ask the provider",
            Cause::FreeNow => "retry provisioning",
            Cause::RateLimited => "retry after the limit resets",
            Cause::OtherFailure => "read the identity provider's message",
        }
    }
}
