//! One transfer in memory: what it was asked (its spec, as journalled), its files and their
//! states, its counters, and the view the UI gets of it.

use crate::model::*;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::task::JoinHandle;
use zos_core::{AppError, ErrorCode};
use zos_journal::{ItemState as Stored, JournalHandle, StoredItem};

const SPEED_WINDOW: Duration = Duration::from_secs(5);

/// What a transfer was asked to do, as the journal keeps it (no secrets in here).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub(crate) enum Spec {
    /// Local files and folders to `prefix` (each dropped folder keeps its own name).
    #[serde(rename_all = "camelCase")]
    Upload { prefix: String, sources: Vec<PathBuf> },
    /// Objects and "folders" (prefixes) to a local folder, keys taken relative to `prefix`;
    /// or one object to one file (`into_folder: false`).
    #[serde(rename_all = "camelCase")]
    Download {
        prefix: String,
        keys: Vec<String>,
        folders: Vec<String>,
        destination: PathBuf,
        into_folder: bool,
        /// One version of the one key (a file download from the versions view).
        #[serde(default)]
        version_id: Option<String>,
    },
    /// Objects and folders (under `prefix`) to `destination_bucket`/`destination_prefix`,
    /// keeping the structure below `prefix`; a move deletes each source once its copy is
    /// verified.
    #[serde(rename_all = "camelCase")]
    Copy {
        prefix: String,
        keys: Vec<String>,
        folders: Vec<String>,
        destination_bucket: String,
        destination_prefix: String,
        delete_source: bool,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredSpec {
    pub(crate) spec: Spec,
    pub(crate) source: String,
    pub(crate) destination: String,
    pub(crate) policy: ConflictPolicy,
    /// Uploads only. A customer key (SSE-C) is held here in memory and never serialized.
    #[serde(default)]
    pub(crate) options: UploadOptions,
    /// All items are in the journal (the walk or listing finished).
    pub(crate) discovered: bool,
}

impl StoredSpec {
    /// The journal's JSON: never with a customer key (SSE-C) in it.
    pub(crate) fn journal_json(&self) -> String {
        let mut copy = self.clone();
        copy.options = self.options.without_secrets();
        serde_json::to_string(&copy).expect("a spec serializes")
    }
}

pub(crate) struct Slot {
    pub(crate) item: StoredItem,
    pub(crate) state: ItemState,
    pub(crate) error: Option<AppError>,
    pub(crate) bytes: Arc<AtomicU64>,
    /// The decision the user made for this file after a conflict.
    pub(crate) policy: Option<ConflictPolicy>,
}

pub(crate) struct Status {
    pub(crate) state: TransferState,
    pub(crate) discovering: bool,
    pub(crate) error: Option<AppError>,
}

pub(crate) struct Transfer {
    pub(crate) id: TransferId,
    pub(crate) direction: Direction,
    pub(crate) profile_id: String,
    pub(crate) bucket: String,
    pub(crate) created_at: i64,
    pub(crate) spec: Mutex<StoredSpec>,
    pub(crate) items: Mutex<Vec<Slot>>,
    pub(crate) bytes_total: AtomicU64,
    pub(crate) bytes_done: Arc<AtomicU64>,
    pub(crate) retries: Arc<AtomicU64>,
    pub(crate) status: Mutex<Status>,
    pub(crate) task: Mutex<Option<JoinHandle<()>>>,
    pub(crate) dirty: AtomicBool,
    pub(crate) speed: Mutex<VecDeque<(Instant, u64)>>,
    /// Where the state is kept for the next start.
    pub(crate) journal: JournalHandle,
}

impl Transfer {
    pub(crate) fn touch(&self) {
        self.dirty.store(true, Ordering::Relaxed);
    }

    /// Sets the state in memory and in the journal (a paused, failed or waiting transfer comes
    /// back as such after a restart; only a running or queued one comes back "interrupted").
    pub(crate) fn set_state(&self, state: TransferState) {
        self.status.lock().expect("status lock").state = state;
        let (id, word) = (self.id, state.as_str());
        self.journal.write(move |j| j.set_transfer_state(id, word));
        self.touch();
    }

    /// Where objects come from and go to, for the UI to know which listings to reload.
    fn places(&self, spec: &StoredSpec) -> (Option<Place>, Option<Place>) {
        let here = |prefix: &str| Place { bucket: self.bucket.clone(), prefix: prefix.to_owned() };
        match &spec.spec {
            Spec::Upload { prefix, .. } => (None, Some(here(prefix))),
            Spec::Download { prefix, .. } => (Some(here(prefix)), None),
            Spec::Copy { prefix, destination_bucket, destination_prefix, .. } => (
                Some(here(prefix)),
                Some(Place { bucket: destination_bucket.clone(), prefix: destination_prefix.clone() }),
            ),
        }
    }

    pub(crate) fn state(&self) -> TransferState {
        self.status.lock().expect("status lock").state
    }

    pub(crate) fn view(&self) -> TransferView {
        let status = self.status.lock().expect("status lock");
        let spec = self.spec.lock().expect("spec lock");
        let (mut done, mut failed, mut skipped, mut conflict) = (0, 0, 0, 0);
        let mut last_error = None;
        let items = self.items.lock().expect("items lock");
        for slot in items.iter() {
            match slot.state {
                ItemState::Done => done += 1,
                ItemState::Failed => {
                    failed += 1;
                    last_error = slot.error.clone().or(last_error);
                }
                ItemState::Skipped => {
                    skipped += 1;
                    // Left out of a folder walk (a link to a folder, an unreadable file).
                    last_error = slot.error.clone().or(last_error);
                }
                ItemState::Conflict => conflict += 1,
                _ => {}
            }
        }
        let bytes_per_second = if status.state == TransferState::Running { self.speed() } else { 0.0 };
        let bytes_total = self.bytes_total.load(Ordering::Relaxed);
        let bytes_done = self.bytes_done.load(Ordering::Relaxed).min(bytes_total);
        TransferView {
            id: self.id,
            direction: self.direction,
            profile_id: self.profile_id.clone(),
            bucket: self.bucket.clone(),
            source: spec.source.clone(),
            destination: spec.destination.clone(),
            taken_from: self.places(&spec).0,
            stored_in: self.places(&spec).1,
            state: status.state,
            discovering: status.discovering,
            files_total: items.len() as u64,
            files_done: done,
            files_failed: failed,
            files_skipped: skipped,
            files_conflict: conflict,
            bytes_total,
            bytes_done,
            bytes_per_second,
            eta_seconds: (bytes_per_second > 0.0 && !status.discovering)
                .then(|| (bytes_total - bytes_done) as f64 / bytes_per_second),
            retries: self.retries.load(Ordering::Relaxed),
            error: status.error.clone().or(last_error),
            conflict_policy: spec.policy,
            created_at: self.created_at,
        }
    }

    /// Where copies go (the transfer's own bucket for other kinds).
    pub(crate) fn destination_bucket(&self) -> String {
        match &self.spec.lock().expect("spec lock").spec {
            Spec::Copy { destination_bucket, .. } => destination_bucket.clone(),
            _ => self.bucket.clone(),
        }
    }

    /// The one version a download reads (None: current objects).
    pub(crate) fn version_id(&self) -> Option<String> {
        match &self.spec.lock().expect("spec lock").spec {
            Spec::Download { version_id, .. } => version_id.clone(),
            _ => None,
        }
    }

    pub(crate) fn sample_speed(&self) {
        let now = Instant::now();
        let mut samples = self.speed.lock().expect("speed lock");
        samples.push_back((now, self.bytes_done.load(Ordering::Relaxed)));
        while samples.front().is_some_and(|(t, _)| now.duration_since(*t) > SPEED_WINDOW) {
            samples.pop_front();
        }
    }

    pub(crate) fn speed(&self) -> f64 {
        let samples = self.speed.lock().expect("speed lock");
        match (samples.front(), samples.back()) {
            (Some((t0, b0)), Some((t1, b1))) if t1 > t0 => {
                b1.saturating_sub(*b0) as f64 / t1.duration_since(*t0).as_secs_f64()
            }
            _ => 0.0,
        }
    }
}

pub(crate) fn slot(item: StoredItem, bytes_done: u64) -> Slot {
    Slot {
        state: item.state.into(),
        error: item.error.as_ref().map(|e| {
            serde_json::from_str(e).unwrap_or_else(|_| AppError::new(ErrorCode::Unknown, e.clone()))
        }),
        bytes: Arc::new(AtomicU64::new(bytes_done)),
        item,
        policy: None,
    }
}

pub(crate) fn add_slots(transfer: &Transfer, slots: impl IntoIterator<Item = Slot>) {
    let mut items = transfer.items.lock().expect("items lock");
    for slot in slots {
        transfer.bytes_total.fetch_add(slot.item.size, Ordering::Relaxed);
        transfer.bytes_done.fetch_add(slot.bytes.load(Ordering::Relaxed), Ordering::Relaxed);
        items.push(slot);
    }
    transfer.touch();
}

pub(crate) fn requeue(
    transfer: &Transfer,
    journal: &JournalHandle,
    from: ItemState,
    policy: Option<ConflictPolicy>,
) {
    let mut ids = Vec::new();
    for slot in transfer.items.lock().expect("items lock").iter_mut().filter(|s| s.state == from) {
        slot.state = ItemState::Queued;
        slot.error = None;
        if policy.is_some() {
            slot.policy = policy;
        }
        ids.push(slot.item.id);
    }
    journal.write(move |j| {
        for id in ids {
            j.set_item_state(id, Stored::Queued, None)?;
        }
        Ok(())
    });
    transfer.touch();
}
