//! Command lines for people, rendered from typed fixes: what a person (or a script) runs to do
//! the same as an option. Nothing in scimctl reads these back; values are quoted for a POSIX
//! shell by the one `shell_word`.

use crate::conflict::options::{Choice, Fix, Needed};

/// The command that carries out `choice`, when it can run as it is: a feasible fix with every
/// value it needs. Advice for elsewhere (the identity provider, support) has none.
pub fn command_line(choice: &Choice) -> Option<String> {
    if !choice.feasible || choice.needs.is_some() {
        return None;
    }
    let words = match &choice.fix {
        Fix::RenameUser { holder, to } => {
            vec![
                "rename-user".into(),
                shell_word(holder.as_str()),
                "--to".into(),
                shell_word(to),
            ]
        }
        Fix::ReleaseEmail { email, from } => vec![
            "release-email".into(),
            shell_word(email),
            shell_word(from.as_str()),
        ],
        Fix::Link { holder, incoming } => {
            let mut words = vec!["link".to_string(), shell_word(holder.as_str())];
            if let Some(name) = &incoming.user_name {
                words.extend(["--username".into(), shell_word(name)]);
            }
            if let Some(external_id) = &incoming.external_id {
                words.extend(["--external-id".into(), shell_word(external_id)]);
            }
            if incoming.activate {
                words.push("--activate".into());
            }
            words
        }
        Fix::Provision { payload } => vec![
            "provision".into(),
            "--payload".into(),
            shell_word(&payload.as_ref()?.display().to_string()),
        ],
        Fix::IdpChange { .. } | Fix::ContactSupport { .. } => return None,
    };
    Some(format!("scimctl {}", words.join(" ")))
}

/// Which value a fix still needs, and how to give it, for the report.
pub fn needed(needs: Needed) -> (&'static str, &'static str) {
    match needs {
        Needed::IncomingUserName => (
            "userName",
            "the userName your identity provider sends for this person: run diagnose again with --username (or the failed payload with --payload), or let scimctl resolve ask for it",
        ),
        Needed::PayloadFile => (
            "payload",
            "the SCIM User the identity provider tried to create, as a file: run diagnose again with --payload FILE to create it from here, or retry in the identity provider",
        ),
    }
}

/// Quotes a value for a POSIX shell when it needs it.
pub fn shell_word(value: &str) -> String {
    if !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@._+-/:=,".contains(c))
    {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflict::options::{IdpChange, Needed};
    use crate::conflict::plan::Incoming;
    use crate::scim::compare::Attribute;
    use crate::scim::model::UserId;

    fn choice(fix: Fix) -> Choice {
        Choice {
            fix,
            feasible: true,
            recommended: false,
            why: String::new(),
            needs: None,
            evidence: None,
            plan: None,
        }
    }

    fn id(text: &str) -> UserId {
        UserId::new(text).unwrap()
    }

    #[test]
    fn each_fix_renders_the_command_that_does_it() {
        let rename = choice(Fix::RenameUser {
            holder: id("h"),
            to: "j doe's-previous".into(),
        });
        assert_eq!(
            command_line(&rename).unwrap(),
            r"scimctl rename-user h --to 'j doe'\''s-previous'"
        );
        let release = choice(Fix::ReleaseEmail {
            email: "jdoe@x.com".into(),
            from: id("h"),
        });
        assert_eq!(
            command_line(&release).unwrap(),
            "scimctl release-email jdoe@x.com h"
        );
        let link = choice(Fix::Link {
            holder: id("h"),
            incoming: Incoming {
                user_name: Some("jdoe".into()),
                external_id: Some("okta-9".into()),
                activate: true,
            },
        });
        assert_eq!(
            command_line(&link).unwrap(),
            "scimctl link h --username jdoe --external-id okta-9 --activate"
        );
        let provision = choice(Fix::Provision {
            payload: Some("my user.json".into()),
        });
        assert_eq!(
            command_line(&provision).unwrap(),
            "scimctl provision --payload 'my user.json'"
        );
        let idp = choice(Fix::IdpChange {
            change: IdpChange::SendAnother(Attribute::UserName),
        });
        assert_eq!(command_line(&idp), None);
    }

    /// No command with placeholders: a fix missing a value, or one that cannot run, has none.
    #[test]
    fn no_command_for_what_cannot_run_as_it_is() {
        let mut link = choice(Fix::Link {
            holder: id("h"),
            incoming: Incoming::default(),
        });
        link.needs = Some(Needed::IncomingUserName);
        assert_eq!(command_line(&link), None);
        let mut rename = choice(Fix::RenameUser {
            holder: id("h"),
            to: "x".into(),
        });
        rename.feasible = false;
        assert_eq!(command_line(&rename), None);
        assert_eq!(
            command_line(&choice(Fix::Provision { payload: None })),
            None
        );
    }
}
