//! The write in flight, for Ctrl-C. Once a plan's intent is journaled, its writes are shielded:
//! an interrupt no longer abandons a request mid-way (leaving the entry in doubt when the
//! server may well have made the change); the request may finish, briefly, and its outcome is
//! recorded. `commands::interrupt` decides how long, and what the exit code says.

use std::path::PathBuf;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::watch;

use super::journal::Journal;

/// The journal entry whose writes are under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InFlight {
    pub journal: PathBuf,
    pub id: u64,
}

static CURRENT: LazyLock<watch::Sender<Option<InFlight>>> =
    LazyLock::new(|| watch::Sender::new(None));
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Marks journal entry `id` as being written until it is dropped (returned from, or abandoned).
pub struct Writing(());

impl Writing {
    pub fn start(journal: &Journal, id: u64) -> Writing {
        CURRENT.send_replace(Some(InFlight {
            journal: journal.path().to_path_buf(),
            id,
        }));
        Writing(())
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        CURRENT.send_replace(None);
    }
}

/// The entry being written right now, if any.
pub fn current() -> Option<InFlight> {
    CURRENT.borrow().clone()
}

/// Ctrl-C was pressed: the write in flight may finish, but no further write is started.
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Resolves once no write is in flight.
pub async fn finished() {
    let mut watching = CURRENT.subscribe();
    let _ = watching.wait_for(Option::is_none).await;
}
