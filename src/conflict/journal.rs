//! The journal: a record of every write scimctl makes, so it can be shown and undone.
//!
//! Before a plan's first write, an intent record is appended (the time, the endpoint without
//! credentials, the plan, and the before-values of everything it touches) and synced to disk;
//! after, a completion record (outcome, after-values). A crash between them leaves the intent
//! alone, and `journal list` shows it as in doubt. JSON Lines, owner-only permissions, never a
//! token or secret.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::plan::Plan;

/// Attribute values of one account, by SCIM attribute name; an attribute the account does not
/// have is left out (never `null`).
pub type Values = serde_json::Map<String, Value>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Intent {
    pub id: u64,
    pub time: String,
    /// The base URL, without credentials or query.
    pub endpoint: String,
    pub plan: Plan,
    /// Per step, the values the plan's attributes had just before writing.
    pub before: Vec<Values>,
    /// When this entry undoes another one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Applied,
    /// Some steps ran, the rest did not.
    Partial,
    /// Nothing was changed.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Completion {
    pub id: u64,
    pub time: String,
    pub outcome: Outcome,
    pub steps_done: usize,
    /// Per step that ran, the values read back after it, and the id it wrote (a create's new id).
    pub after: Vec<Values>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Record {
    Intent(Box<Intent>),
    Completion(Completion),
}

/// An intent and, if it finished, its completion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    #[serde(flatten)]
    pub intent: Intent,
    /// `applied`, `partial`, `failed`, or `in-doubt` when no completion was recorded.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<Completion>,
    /// The entry that undid this one, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undone_by: Option<u64>,
}

pub struct Journal {
    path: PathBuf,
}

impl Journal {
    /// `SCIMCTL_STATE_DIR`, else the platform state directory (XDG_STATE_HOME on Linux), else
    /// the local data directory.
    pub fn default_path() -> Option<PathBuf> {
        let dir = std::env::var_os("SCIMCTL_STATE_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                let dirs = directories::ProjectDirs::from("", "", "scimctl")?;
                Some(
                    dirs.state_dir()
                        .unwrap_or(dirs.data_local_dir())
                        .to_path_buf(),
                )
            })?;
        Some(dir.join("journal.jsonl"))
    }

    pub fn at(path: PathBuf) -> Journal {
        Journal { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records the intent durably and returns its id; nothing is written to the server before.
    pub fn begin(
        &self,
        time: String,
        endpoint: &str,
        plan: &Plan,
        before: Vec<Values>,
        undoes: Option<u64>,
    ) -> io::Result<u64> {
        let id = self.next_id()?;
        let intent = Intent {
            id,
            time,
            endpoint: endpoint.to_string(),
            plan: plan.clone(),
            before,
            undoes,
        };
        self.append(&Record::Intent(Box::new(intent)))?;
        Ok(id)
    }

    pub fn complete(&self, completion: Completion) -> io::Result<()> {
        self.append(&Record::Completion(completion))
    }

    pub fn entries(&self) -> io::Result<Vec<Entry>> {
        let file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut entries: Vec<Entry> = Vec::new();
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = match serde_json::from_str(&line) {
                Ok(record) => record,
                // A line cut short by a crash is the last one; anything else is damage.
                Err(e) => {
                    tracing::warn!(
                        "journal {} line {}: {e}; skipped",
                        self.path.display(),
                        n + 1
                    );
                    continue;
                }
            };
            match record {
                Record::Intent(intent) => entries.push(Entry {
                    intent: *intent,
                    status: "in-doubt",
                    completion: None,
                    undone_by: None,
                }),
                Record::Completion(completion) => {
                    if let Some(entry) = entries.iter_mut().find(|e| e.intent.id == completion.id) {
                        entry.status = match completion.outcome {
                            Outcome::Applied => "applied",
                            Outcome::Partial => "partial",
                            Outcome::Failed => "failed",
                        };
                        entry.completion = Some(completion);
                    }
                }
            }
        }
        let undone: Vec<(u64, u64)> = entries
            .iter()
            .filter(|e| e.status == "applied")
            .filter_map(|e| e.intent.undoes.map(|original| (original, e.intent.id)))
            .collect();
        for (original, by) in undone {
            if let Some(entry) = entries.iter_mut().find(|e| e.intent.id == original) {
                entry.undone_by = Some(by);
            }
        }
        Ok(entries)
    }

    fn next_id(&self) -> io::Result<u64> {
        Ok(self
            .entries()?
            .iter()
            .map(|e| e.intent.id)
            .max()
            .unwrap_or(0)
            + 1)
    }

    fn append(&self, record: &Record) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&self.path)?;
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        line.push(b'\n');
        file.write_all(&line)?;
        file.sync_data()
    }
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflict::plan::rename_user;
    use crate::provider::GENERIC;
    use crate::scim::model::User;
    use serde_json::json;

    #[test]
    fn an_intent_without_completion_is_in_doubt_and_completions_close_it() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("state/journal.jsonl"));
        let holder: User = serde_json::from_value(json!({"id": "h", "userName": "jdoe"})).unwrap();
        let plan = rename_user(&holder, None, "jdoe2", None, &GENERIC).unwrap();
        let Value::Object(values) = json!({"userName": "jdoe"}) else {
            unreachable!()
        };
        let before = vec![values];
        let first = journal
            .begin(
                "t1".into(),
                "https://x/scim/v2/",
                &plan,
                before.clone(),
                None,
            )
            .unwrap();
        let second = journal
            .begin(
                "t2".into(),
                "https://x/scim/v2/",
                &plan,
                before,
                Some(first),
            )
            .unwrap();
        assert_eq!((first, second), (1, 2));
        journal
            .complete(Completion {
                id: first,
                time: "t3".into(),
                outcome: Outcome::Applied,
                steps_done: 1,
                after: vec![],
                ids: vec![],
                reason: None,
            })
            .unwrap();
        let entries = journal.entries().unwrap();
        assert_eq!(entries[0].status, "applied");
        assert_eq!(entries[1].status, "in-doubt");
        assert_eq!(
            entries[0].undone_by, None,
            "an undo in doubt has not undone anything"
        );
        journal
            .complete(Completion {
                id: second,
                time: "t4".into(),
                outcome: Outcome::Applied,
                steps_done: 1,
                after: vec![],
                ids: vec![],
                reason: None,
            })
            .unwrap();
        assert_eq!(journal.entries().unwrap()[0].undone_by, Some(second));
        let text = std::fs::read_to_string(journal.path()).unwrap();
        assert!(
            text.contains(r#""before":[{"userName":"jdoe"}]"#),
            "before-values are an object per step: {text}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(journal.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
