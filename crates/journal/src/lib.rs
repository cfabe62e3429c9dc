//! The transfer journal: what the transfer engine must remember across a crash or a restart.
//!
//! - a **transfer** is one user action (an upload of a folder, a download of a selection);
//! - an **item** is one file of it: key, local path, the source's size and modification time as
//!   they were when it was queued, its state, and for a multipart upload its upload id;
//! - a **part** is a completed piece of an item: for uploads the part number and the ETag the
//!   server returned, for ranged downloads the range's index.
//!
//! SQLite in WAL mode with `synchronous=NORMAL`: a commit survives the app being killed at any
//! instant (the WAL is written before the commit returns); only an OS crash or power loss may
//! lose the last commits, which costs re-sending a part, never a wrong object. Writes go
//! through [`JournalHandle`], one thread that groups them into a transaction per batch, so a
//! 10,000-file drop does not cost 10,000 fsyncs.

mod handle;
mod store;

pub use handle::JournalHandle;
pub use store::{
    Journal, JournalError, NewItem, NewTransfer, Result, StoredItem, StoredPart, StoredTransfer,
};

/// The state of one item as recorded. The engine's richer states map onto these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemState {
    Queued,
    Done,
    Failed,
    Skipped,
    Conflict,
    Cancelled,
}

impl ItemState {
    pub const ALL: [ItemState; 6] = [
        ItemState::Queued,
        ItemState::Done,
        ItemState::Failed,
        ItemState::Skipped,
        ItemState::Conflict,
        ItemState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Queued => "queued",
            ItemState::Done => "done",
            ItemState::Failed => "failed",
            ItemState::Skipped => "skipped",
            ItemState::Conflict => "conflict",
            ItemState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    /// Finished items are not sent again when a transfer resumes.
    pub fn is_finished(self) -> bool {
        matches!(self, ItemState::Done | ItemState::Skipped | ItemState::Cancelled)
    }
}
