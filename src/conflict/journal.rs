//! The journal: a record of every write scimctl makes, so it can be shown and undone.
//!
//! Before a plan's first write, an intent record is appended (the time, the endpoint without
//! credentials, the plan, and the before-values of everything it touches) and synced to disk;
//! after, a completion record (outcome, after-values). A crash between them leaves the intent
//! alone, and `journal list` shows it as in doubt until `journal settle` reads the account back.
//! JSON Lines, owner-only permissions, never a token or secret.
//!
//! Nothing is lost to a damaged file or to a second scimctl writing at the same time:
//! - every append holds an exclusive lock on the file (readers a shared one), and the next id is
//!   computed under that lock, so two writers never get the same id;
//! - an append starts on a fresh line whatever the file ends with (a line cut off by a crash, NUL
//!   bytes a full disk left), so a new record is never glued to damage;
//! - a line that cannot be read (cut off, NUL bytes, not UTF-8, longer than [`MAX_LINE`], not a
//!   record) is skipped and reported as [`Damage`] with its line number; it never hides the others;
//! - ids never repeat or wrap: the next is one more than the highest id anywhere in the file,
//!   including ids recovered from damaged lines (`{"intent":{"id":N` where a record starts), and
//!   a journal whose highest id is `u64::MAX` refuses new entries instead of wrapping to 0.

use std::collections::HashMap;
use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::plan::Plan;

/// The longest line read as a record (1 MiB); a longer one is damage. Plans are a few KiB.
pub const MAX_LINE: usize = 1 << 20;

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

/// Where an entry stands: its completion's outcome, or in doubt when none was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Applied,
    Partial,
    Failed,
    InDoubt,
}

impl From<Outcome> for Status {
    fn from(outcome: Outcome) -> Status {
        match outcome {
            Outcome::Applied => Status::Applied,
            Outcome::Partial => Status::Partial,
            Outcome::Failed => Status::Failed,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Applied => "applied",
            Status::Partial => "partial",
            Status::Failed => "failed",
            Status::InDoubt => "in-doubt",
        })
    }
}

/// An intent and, if it finished, its completion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    #[serde(flatten)]
    pub intent: Intent,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<Completion>,
    /// The entry that undid this one, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undone_by: Option<u64>,
}

/// A line of the journal that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Damage {
    /// 1-based, as an editor counts.
    pub line: u64,
    #[serde(serialize_with = "as_text")]
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("cut off mid-record (a crash or a full disk while it was written)")]
    CutOff,
    #[error("holds NUL bytes (a crash while it was written, or disk damage)")]
    NulBytes,
    #[error("is not UTF-8 text")]
    NotUtf8,
    #[error("is longer than the 1 MiB a record may be")]
    TooLong,
    #[error("is not a journal record ({0})")]
    NotARecord(String),
    #[error("repeats the id of entry {0} (written without a lock by an older scimctl)")]
    RepeatedId(u64),
    #[error("completes entry {0}, which has no readable intent before it")]
    NoIntent(u64),
    #[error("completes entry {0} a second time")]
    CompletedTwice(u64),
}

fn as_text<S: Serializer>(problem: &Problem, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(problem)
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} {}", self.line, self.problem)
    }
}

/// Everything readable in the journal, and what was not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contents {
    pub entries: Vec<Entry>,
    pub damaged: Vec<Damage>,
    /// The highest id in the file, readable or recovered from a damaged line; 0 when none.
    pub highest_id: u64,
    /// Where each id's entry is in `entries`.
    index: HashMap<u64, usize>,
}

impl Contents {
    pub fn entry(&self, id: u64) -> Option<&Entry> {
        Some(&self.entries[*self.index.get(&id)?])
    }

    fn entry_mut(&mut self, id: u64) -> Option<&mut Entry> {
        Some(&mut self.entries[*self.index.get(&id)?])
    }
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
    /// The id is taken under the file's lock, so concurrent writers never share one.
    pub fn begin(
        &self,
        time: String,
        endpoint: &str,
        plan: &Plan,
        before: Vec<Values>,
        undoes: Option<u64>,
    ) -> io::Result<u64> {
        let file = self.open_locked()?;
        let highest = read_contents(&file)?.highest_id;
        let id = highest.checked_add(1).ok_or_else(|| {
            io::Error::other(format!(
                "its highest entry id is {highest}, the largest a journal can hold; move {} aside to start a new journal",
                self.path.display()
            ))
        })?;
        let intent = Intent {
            id,
            time,
            endpoint: endpoint.to_string(),
            plan: plan.clone(),
            before,
            undoes,
        };
        append(&file, &Record::Intent(Box::new(intent)))?;
        Ok(id)
    }

    /// Records how an entry ended. Its reason is often a server's words, which may echo the
    /// token back (`401 Invalid credentials: Bearer …`): that is redacted before it is stored.
    pub fn complete(&self, mut completion: Completion) -> io::Result<()> {
        if let Some(reason) = &completion.reason {
            completion.reason = Some(crate::redact::redact(reason).into_owned());
        }
        append(&self.open_locked()?, &Record::Completion(completion))
    }

    /// Every entry that can be read, and the lines that cannot. A missing file is empty.
    pub fn read(&self) -> io::Result<Contents> {
        let file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Contents::default()),
            Err(e) => return Err(e),
        };
        // A shared lock: never a line half-appended by another scimctl.
        file.lock_shared()?;
        read_contents(&file)
    }

    /// The file, created owner-only if need be, locked exclusively until it is dropped.
    fn open_locked(&self) -> io::Result<File> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&self.path)?;
        file.lock()?;
        Ok(file)
    }
}

/// Appends one record on a line of its own and syncs it; `file` is locked by the caller.
fn append(mut file: &File, record: &Record) -> io::Result<()> {
    let mut line = Vec::new();
    // Whatever the file ends with (a line cut off, NUL bytes), the record starts a fresh line.
    if ends_mid_line(file)? {
        line.push(b'\n');
    }
    serde_json::to_writer(&mut line, record).map_err(io::Error::other)?;
    if line.len() > MAX_LINE {
        return Err(io::Error::other(format!(
            "the record would be {} bytes, over the {MAX_LINE} a journal line may hold",
            line.len()
        )));
    }
    line.push(b'\n');
    file.write_all(&line)?;
    file.sync_data()
}

fn ends_mid_line(mut file: &File) -> io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

fn read_contents(file: &File) -> io::Result<Contents> {
    Contents::read_from(file)
}

impl Contents {
    /// Reads journal lines from any source (the file, or a fuzzer's bytes); damage is
    /// reported, never an error — only a failing read is.
    pub fn read_from(source: impl Read) -> io::Result<Contents> {
        read_lines(BufReader::new(source))
    }
}

fn read_lines(mut reader: impl BufRead) -> io::Result<Contents> {
    let mut contents = Contents::default();
    let mut number = 0;
    while let Some(line) = next_line(&mut reader)? {
        number += 1;
        match parse(&line) {
            Ok(None) => {}
            Ok(Some(record)) => contents.add(record, number),
            Err(problem) => {
                contents.highest_id = contents.highest_id.max(recovered_id(&line.bytes));
                contents.damaged.push(Damage {
                    line: number,
                    problem,
                });
            }
        }
    }
    contents.mark_undone();
    Ok(contents)
}

/// One line as read: all of it, or for a line over [`MAX_LINE`], its start.
struct Line {
    bytes: Vec<u8>,
    too_long: bool,
}

/// How much of an overlong line is kept, to recover the id it starts with.
const KEPT_OF_LONG_LINE: usize = 4096;

/// The next line, without its `\n`, never holding more than [`MAX_LINE`] bytes of it.
fn next_line(reader: &mut impl BufRead) -> io::Result<Option<Line>> {
    let mut line = Line {
        bytes: Vec::new(),
        too_long: false,
    };
    let mut seen = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(seen.then_some(line));
        }
        seen = true;
        let (chunk, used, ended) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        if !line.too_long && line.bytes.len() + chunk.len() > MAX_LINE {
            line.too_long = true;
            line.bytes.extend_from_slice(chunk);
            line.bytes.truncate(KEPT_OF_LONG_LINE);
            line.bytes.shrink_to_fit();
        } else if !line.too_long {
            line.bytes.extend_from_slice(chunk);
        }
        reader.consume(used);
        if ended {
            return Ok(Some(line));
        }
    }
}

/// A record, nothing (a blank line), or why the line is not one.
fn parse(line: &Line) -> Result<Option<Record>, Problem> {
    if line.too_long {
        return Err(Problem::TooLong);
    }
    if line.bytes.contains(&0) {
        return Err(Problem::NulBytes);
    }
    let text = std::str::from_utf8(&line.bytes).map_err(|_| Problem::NotUtf8)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(text).map(Some).map_err(|e| {
        if e.is_eof() {
            Problem::CutOff
        } else {
            Problem::NotARecord(e.to_string())
        }
    })
}

/// The highest id of a record starting anywhere in a damaged line (a record cut off after its
/// id, or one glued to a torn line by an older scimctl), so that id is never handed out again.
fn recovered_id(bytes: &[u8]) -> u64 {
    const STARTS: [&[u8]; 2] = [br#"{"intent":{"id":"#, br#"{"completion":{"id":"#];
    let mut highest = 0;
    for start in STARTS {
        let mut rest = bytes;
        while let Some(at) = rest.windows(start.len()).position(|w| w == start) {
            rest = &rest[at + start.len()..];
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            let id = std::str::from_utf8(&rest[..digits])
                .ok()
                .and_then(|d| d.parse::<u64>().ok());
            highest = highest.max(id.unwrap_or(0));
        }
    }
    highest
}

impl Contents {
    fn add(&mut self, record: Record, line: u64) {
        let damage = |problem| Damage { line, problem };
        match record {
            Record::Intent(intent) => {
                self.highest_id = self.highest_id.max(intent.id);
                if self.entry(intent.id).is_some() {
                    self.damaged.push(damage(Problem::RepeatedId(intent.id)));
                    return;
                }
                self.index.insert(intent.id, self.entries.len());
                self.entries.push(Entry {
                    intent: *intent,
                    status: Status::InDoubt,
                    completion: None,
                    undone_by: None,
                });
            }
            Record::Completion(completion) => {
                let id = completion.id;
                self.highest_id = self.highest_id.max(id);
                match self.entry_mut(id) {
                    None => self.damaged.push(damage(Problem::NoIntent(id))),
                    Some(entry) if entry.completion.is_some() => {
                        self.damaged.push(damage(Problem::CompletedTwice(id)));
                    }
                    Some(entry) => {
                        entry.status = completion.outcome.into();
                        entry.completion = Some(completion);
                    }
                }
            }
        }
    }

    fn mark_undone(&mut self) {
        let undone: Vec<(u64, u64)> = self
            .entries
            .iter()
            .filter(|e| e.status == Status::Applied)
            .filter_map(|e| e.intent.undoes.map(|original| (original, e.intent.id)))
            .collect();
        for (original, by) in undone {
            if let Some(entry) = self.entry_mut(original) {
                entry.undone_by = Some(by);
            }
        }
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
        let entries = journal.read().unwrap().entries;
        assert_eq!(entries[0].status, Status::Applied);
        assert_eq!(entries[1].status, Status::InDoubt);
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
        assert_eq!(journal.read().unwrap().entries[0].undone_by, Some(second));
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

    fn rename_plan() -> Plan {
        let holder: User = serde_json::from_value(json!({"id": "h", "userName": "jdoe"})).unwrap();
        rename_user(&holder, None, "jdoe2", None, &GENERIC).unwrap()
    }

    fn begin(journal: &Journal) -> u64 {
        journal
            .begin(
                "t".into(),
                "https://x/scim/v2/",
                &rename_plan(),
                vec![],
                None,
            )
            .unwrap()
    }

    fn applied(id: u64) -> Completion {
        Completion {
            id,
            time: "t".into(),
            outcome: Outcome::Applied,
            steps_done: 1,
            after: vec![],
            ids: vec![],
            reason: None,
        }
    }

    fn journal_with(bytes: &[u8]) -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("journal.jsonl"));
        std::fs::write(journal.path(), bytes).unwrap();
        (dir, journal)
    }

    /// The journal's lines as written: first entry 1, applied.
    fn one_applied_entry() -> Vec<u8> {
        let (_dir, journal) = journal_with(b"");
        let id = begin(&journal);
        journal.complete(applied(id)).unwrap();
        std::fs::read(journal.path()).unwrap()
    }

    #[test]
    fn a_write_after_a_torn_last_line_starts_a_fresh_line_with_an_id_never_used() {
        // Entry 2's intent was cut off mid-append, right after its id.
        let mut bytes = one_applied_entry();
        bytes.extend_from_slice(br#"{"intent":{"id":2,"time":"2026-"#);
        let (_dir, journal) = journal_with(&bytes);
        let id = begin(&journal);
        assert_eq!(id, 3, "the torn intent's id is not handed out again");
        journal.complete(applied(id)).unwrap();
        let contents = journal.read().unwrap();
        let ids: Vec<u64> = contents.entries.iter().map(|e| e.intent.id).collect();
        assert_eq!(ids, [1, 3]);
        assert_eq!(contents.entries[1].status, Status::Applied);
        assert_eq!(
            contents.damaged,
            [Damage {
                line: 3,
                problem: Problem::CutOff
            }]
        );
    }

    #[test]
    fn nul_bytes_invalid_utf8_and_overlong_lines_are_skipped_and_named() {
        let mut bytes = one_applied_entry();
        bytes.extend_from_slice(&[0; 100]);
        bytes.push(b'\n');
        bytes.extend_from_slice(b"{\"intent\":{\"id\":7,\"time\":\"\xff\"}}\n");
        bytes.extend_from_slice(b"{\"intent\":{\"id\":9,");
        bytes.extend(std::iter::repeat_n(b' ', MAX_LINE));
        bytes.extend_from_slice(b"}}\n");
        bytes.extend_from_slice(b"[1, 2]\n");
        bytes.extend_from_slice(&[0; 10]); // a full disk's zeroes at the very end
        let (_dir, journal) = journal_with(&bytes);
        let id = begin(&journal);
        assert_eq!(id, 10, "ids recovered from damaged lines are never reused");
        let contents = journal.read().unwrap();
        let problems: Vec<(u64, &Problem)> = contents
            .damaged
            .iter()
            .map(|d| (d.line, &d.problem))
            .collect();
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert_eq!(problems[0], (3, &Problem::NulBytes));
        assert_eq!(problems[1], (4, &Problem::NotUtf8));
        assert_eq!(problems[2], (5, &Problem::TooLong));
        assert!(matches!(problems[3], (6, Problem::NotARecord(_))));
        assert_eq!(problems[4], (7, &Problem::NulBytes));
        let ids: Vec<u64> = contents.entries.iter().map(|e| e.intent.id).collect();
        assert_eq!(ids, [1, 10], "the damage hides no entry");
    }

    #[test]
    fn the_highest_possible_id_refuses_a_new_entry_instead_of_wrapping() {
        let line = format!(
            "{}\n",
            String::from_utf8(one_applied_entry())
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .replace(r#""id":1,"#, &format!(r#""id":{},"#, u64::MAX))
        );
        let (_dir, journal) = journal_with(line.as_bytes());
        assert_eq!(journal.read().unwrap().entries[0].intent.id, u64::MAX);
        let error = journal
            .begin("t".into(), "https://x/", &rename_plan(), vec![], None)
            .unwrap_err();
        assert!(
            error.to_string().contains("largest a journal can hold"),
            "{error}"
        );
        assert_eq!(journal.read().unwrap().entries.len(), 1, "nothing appended");
    }

    #[test]
    fn concurrent_writers_never_share_an_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let threads: Vec<_> = (0..16)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let journal = Journal::at(path);
                    let id = begin(&journal);
                    journal.complete(applied(id)).unwrap();
                    id
                })
            })
            .collect();
        let mut ids: Vec<u64> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        ids.sort();
        assert_eq!(ids, (1..=16).collect::<Vec<_>>());
        let contents = Journal::at(path).read().unwrap();
        assert!(contents.damaged.is_empty(), "{:?}", contents.damaged);
        assert!(contents.entries.iter().all(|e| e.status == Status::Applied));
    }
}
