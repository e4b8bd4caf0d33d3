//! `--state FILE`: every change is appended to the file (one JSON line, one `write`) before it
//! is acknowledged, so killing the sandbox at any moment loses nothing it answered 2xx for.
//! At start the file is replayed and compacted (rewritten to a temporary file, then renamed),
//! so it grows with the changes of one run, not of all runs, and is never left torn. Its first
//! line records the port, so a restart without `--port` serves the same URLs — the ones the
//! journal of changes made against it names, so `journal undo` still reaches it.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::{Account, Store};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    Put(Box<Account>),
    Delete {
        id: String,
    },
    /// The port the sandbox listened on.
    Listen {
        port: u16,
    },
}

/// What a state file held.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Whether it held any account change.
    pub accounts: bool,
    /// The port it was last served on, if it says.
    pub port: Option<u16>,
}

pub struct StateLog {
    file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot read the state file {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("the state file {path} is damaged at line {line}: {problem}")]
    Corrupt {
        path: PathBuf,
        line: usize,
        problem: String,
    },
}

/// Replays `path` into `store`. A last line without its newline is a write that was cut off
/// before it was acknowledged, and is dropped.
pub fn replay(path: &Path, store: &mut Store) -> Result<Replayed, StateError> {
    let io_error = |source| StateError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Replayed::default()),
        Err(e) => return Err(io_error(e)),
    };
    let mut reader = BufReader::new(file);
    let mut line = String::new();
    let mut number = 0;
    let mut replayed = Replayed::default();
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(io_error)? == 0 {
            return Ok(replayed);
        }
        number += 1;
        if !line.ends_with('\n') {
            tracing::warn!(
                "dropping an incomplete last line in {} (a write cut off before it was acknowledged)",
                path.display()
            );
            return Ok(replayed);
        }
        if line.trim().is_empty() {
            continue;
        }
        let change: Change = serde_json::from_str(&line).map_err(|e| StateError::Corrupt {
            path: path.to_path_buf(),
            line: number,
            problem: e.to_string(),
        })?;
        match change {
            Change::Put(account) => store.restore(*account),
            Change::Delete { id } => {
                store.remove(&id);
            }
            Change::Listen { port } => {
                replayed.port = Some(port);
                continue;
            }
        }
        replayed.accounts = true;
    }
}

impl StateLog {
    /// Rewrites `path` to hold exactly `store`, served on `port`, then opens it for appending.
    pub fn compact(path: &Path, store: &Store, port: u16) -> io::Result<StateLog> {
        let temp = path.with_extension(format!("tmp-{}", std::process::id()));
        {
            let mut writer = io::BufWriter::new(File::create(&temp)?);
            serde_json::to_writer(&mut writer, &Change::Listen { port })?;
            writer.write_all(b"\n")?;
            let mut accounts: Vec<&Account> = store.accounts().collect();
            accounts.sort_by(|a, b| {
                (&a.tenant, &a.created, a.id()).cmp(&(&b.tenant, &b.created, b.id()))
            });
            for account in accounts {
                serde_json::to_writer(&mut writer, &Change::Put(Box::new(account.clone())))?;
                writer.write_all(b"\n")?;
            }
            writer.flush()?;
            writer.get_ref().sync_all()?;
        }
        std::fs::rename(&temp, path)?;
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(StateLog { file })
    }

    /// One line, in one `write`, so a kill leaves either the whole change or a torn last line.
    pub fn append(&mut self, change: &Change) -> io::Result<()> {
        let mut line = serde_json::to_vec(change).map_err(io::Error::other)?;
        line.push(b'\n');
        self.file.write_all(&line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::GENERIC;
    use serde_json::json;

    fn store() -> Store {
        Store::new(&GENERIC, ["acme".to_string()])
    }

    #[test]
    fn changes_survive_a_restart_and_a_torn_last_line_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.jsonl");
        let mut first = store();
        let mut log = StateLog::compact(&path, &first, 8123).unwrap();
        let a = first
            .create(
                Some("acme"),
                serde_json::from_value(json!({"userName": "a"})).unwrap(),
            )
            .unwrap()
            .clone();
        log.append(&Change::Put(Box::new(a.clone()))).unwrap();
        let b = first
            .create(
                Some("acme"),
                serde_json::from_value(json!({"userName": "b"})).unwrap(),
            )
            .unwrap()
            .clone();
        log.append(&Change::Put(Box::new(b.clone()))).unwrap();
        log.append(&Change::Delete {
            id: b.id().to_string(),
        })
        .unwrap();
        drop(log);
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"put\":{\"tena")
            .unwrap();

        let mut second = store();
        assert_eq!(
            replay(&path, &mut second).unwrap(),
            Replayed {
                accounts: true,
                port: Some(8123)
            }
        );
        assert_eq!(second.len(), 1);
        assert_eq!(second.get("acme", a.id()).unwrap(), &a);
        StateLog::compact(&path, &second, 8124).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 2);
        assert_eq!(replay(&path, &mut store()).unwrap().port, Some(8124));
    }

    #[test]
    fn a_damaged_line_in_the_middle_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.jsonl");
        std::fs::write(&path, "not json\n{}\n").unwrap();
        let err = replay(&path, &mut store()).unwrap_err();
        assert!(err.to_string().contains("damaged at line 1"), "{err}");
    }
}
