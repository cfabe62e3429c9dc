//! The queue: transfers, their files, the tasks that move them, and the updates the UI draws.
//!
//! State lives in the journal first and in memory second: pausing or cancelling stops a
//! transfer's task (dropping every request in flight), and resuming starts a new task that
//! reads what is done from the journal. So "pause", "quit" and "killed" are the same to it.

use crate::body::Progress;
use crate::ctx::{ItemCtx, Outcome};
use crate::download;
use crate::limiter::RateLimiter;
use crate::model::*;
use crate::plan::{self, MIB};
use crate::upload;
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio::task::{JoinHandle, JoinSet};
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::{ItemState as Stored, JournalHandle, NewItem, NewTransfer, StoredItem};

/// Where the engine gets a profile's S3 client (the app's session cache; a plain client in
/// tests).
pub trait Clients: Send + Sync + 'static {
    fn s3(&self, profile_id: &str) -> BoxFuture<'_, Result<aws_sdk_s3::Client>>;
}

/// Receives the throttled updates (the app turns them into an event and the window title).
pub type UpdateSink = Box<dyn Fn(TransfersUpdate) + Send + Sync>;

/// How often updates are sent at most.
pub const UPDATE_INTERVAL: Duration = Duration::from_millis(250);
const SPEED_WINDOW: Duration = Duration::from_secs(5);

/// What a transfer was asked to do, as the journal keeps it (no secrets in here).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Spec {
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
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredSpec {
    spec: Spec,
    source: String,
    destination: String,
    policy: ConflictPolicy,
    /// All items are in the journal (the walk or listing finished).
    discovered: bool,
}

struct Slot {
    item: StoredItem,
    state: ItemState,
    error: Option<AppError>,
    bytes: Arc<AtomicU64>,
    /// The decision the user made for this file after a conflict.
    policy: Option<ConflictPolicy>,
}

struct Status {
    state: TransferState,
    discovering: bool,
    error: Option<AppError>,
}

struct Transfer {
    id: TransferId,
    direction: Direction,
    profile_id: String,
    bucket: String,
    created_at: i64,
    spec: Mutex<StoredSpec>,
    items: Mutex<Vec<Slot>>,
    bytes_total: AtomicU64,
    bytes_done: Arc<AtomicU64>,
    retries: Arc<AtomicU64>,
    status: Mutex<Status>,
    task: Mutex<Option<JoinHandle<()>>>,
    dirty: AtomicBool,
    speed: Mutex<VecDeque<(Instant, u64)>>,
}

impl Transfer {
    fn touch(&self) {
        self.dirty.store(true, Ordering::Relaxed);
    }

    fn set_state(&self, state: TransferState) {
        self.status.lock().expect("status lock").state = state;
        self.touch();
    }

    fn state(&self) -> TransferState {
        self.status.lock().expect("status lock").state
    }

    fn view(&self) -> TransferView {
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
                ItemState::Skipped => skipped += 1,
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

    fn sample_speed(&self) {
        let now = Instant::now();
        let mut samples = self.speed.lock().expect("speed lock");
        samples.push_back((now, self.bytes_done.load(Ordering::Relaxed)));
        while samples.front().is_some_and(|(t, _)| now.duration_since(*t) > SPEED_WINDOW) {
            samples.pop_front();
        }
    }

    fn speed(&self) -> f64 {
        let samples = self.speed.lock().expect("speed lock");
        match (samples.front(), samples.back()) {
            (Some((t0, b0)), Some((t1, b1))) if t1 > t0 => {
                b1.saturating_sub(*b0) as f64 / t1.duration_since(*t0).as_secs_f64()
            }
            _ => 0.0,
        }
    }
}

struct Inner {
    clients: Arc<dyn Clients>,
    journal: JournalHandle,
    settings: Mutex<TransferSettings>,
    requests: Arc<Semaphore>,
    limiter: Arc<RateLimiter>,
    transfers: Mutex<BTreeMap<TransferId, Arc<Transfer>>>,
    removed: Mutex<Vec<TransferId>>,
    sink: UpdateSink,
}

/// What to download: objects (`keys`) and everything under `folders`, all under `prefix` (the
/// folder the user is in; local paths keep the structure below it).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub prefix: String,
    pub keys: Vec<String>,
    pub folders: Vec<String>,
}

/// The transfer engine. Cheap to clone.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

fn now_ms() -> i64 {
    zos_core::dates::now_millis()
}

fn journal_error(e: zos_journal::JournalError) -> AppError {
    AppError::new(ErrorCode::Io, e.to_string())
}

impl Engine {
    /// Opens the journal, takes back the transfers a previous run left unfinished (as
    /// `Interrupted`, for the user to resume) and starts sending updates. Must be called
    /// inside a tokio runtime.
    pub async fn start(journal: JournalHandle, clients: Arc<dyn Clients>, sink: UpdateSink) -> Result<Self> {
        let settings = TransferSettings::default();
        let engine = Engine {
            inner: Arc::new(Inner {
                clients,
                journal,
                requests: Arc::new(Semaphore::new(settings.concurrency as usize)),
                settings: Mutex::new(settings),
                limiter: Arc::new(RateLimiter::default()),
                transfers: Mutex::default(),
                removed: Mutex::default(),
                sink,
            }),
        };
        engine.restore().await?;
        let weak = Arc::downgrade(&engine.inner);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(UPDATE_INTERVAL);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            loop {
                tick.tick().await;
                let Some(inner) = weak.upgrade() else { break };
                Engine { inner }.send_update(false);
            }
        });
        Ok(engine)
    }

    async fn restore(&self) -> Result<()> {
        let stored = self
            .inner
            .journal
            .call(|j| {
                let mut out = Vec::new();
                for t in j.transfers()? {
                    if t.closed {
                        j.delete_transfer(t.id)?;
                        continue;
                    }
                    let items = j.items(t.id)?;
                    let mut parts = Vec::new();
                    for item in items.iter().filter(|i| i.upload_id.is_some() && !i.state.is_finished()) {
                        parts.push((item.id, j.parts(item.id)?.iter().map(|p| p.size).sum::<u64>()));
                    }
                    out.push((t, items, parts));
                }
                Ok(out)
            })
            .await
            .map_err(journal_error)?;
        for (t, items, parts) in stored {
            let Ok(spec) = serde_json::from_str::<StoredSpec>(&t.spec) else {
                tracing::warn!("transfer {} has a spec this version cannot read; dropped", t.id);
                let id = t.id;
                self.inner.journal.write(move |j| j.delete_transfer(id));
                continue;
            };
            let direction = if t.kind == "upload" { Direction::Upload } else { Direction::Download };
            let transfer = self.new_transfer(t.id, direction, t.profile_id, t.bucket, t.created_at_ms, spec);
            transfer.status.lock().expect("status lock").state = TransferState::Interrupted;
            let slots = items.into_iter().map(|item| {
                let done = match item.state {
                    Stored::Done => item.size,
                    _ => parts.iter().find(|(id, _)| *id == item.id).map_or(0, |(_, bytes)| *bytes),
                };
                slot(item, done)
            });
            add_slots(&transfer, slots);
            self.inner.transfers.lock().expect("transfers lock").insert(transfer.id, transfer);
        }
        Ok(())
    }

    fn new_transfer(
        &self,
        id: TransferId,
        direction: Direction,
        profile_id: String,
        bucket: String,
        created_at: i64,
        spec: StoredSpec,
    ) -> Arc<Transfer> {
        Arc::new(Transfer {
            id,
            direction,
            profile_id,
            bucket,
            created_at,
            spec: Mutex::new(spec),
            items: Mutex::default(),
            bytes_total: AtomicU64::new(0),
            bytes_done: Arc::default(),
            retries: Arc::default(),
            status: Mutex::new(Status { state: TransferState::Queued, discovering: false, error: None }),
            task: Mutex::default(),
            dirty: AtomicBool::new(true),
            speed: Mutex::default(),
        })
    }

    pub fn settings(&self) -> TransferSettings {
        self.inner.settings.lock().expect("settings lock").clone()
    }

    pub fn set_settings(&self, settings: TransferSettings) -> Result<TransferSettings> {
        settings.check()?;
        let old =
            std::mem::replace(&mut *self.inner.settings.lock().expect("settings lock"), settings.clone());
        let (new_n, old_n) = (settings.concurrency as usize, old.concurrency as usize);
        if new_n > old_n {
            self.inner.requests.add_permits(new_n - old_n);
        } else if new_n < old_n {
            let requests = self.inner.requests.clone();
            tokio::spawn(async move {
                if let Ok(permits) = requests.acquire_many((old_n - new_n) as u32).await {
                    permits.forget();
                }
            });
        }
        self.inner.limiter.set_limit(settings.bandwidth_limit_kib_per_second.map(|k| k as u64 * 1024));
        Ok(settings)
    }

    /// Uploads local files and folders (each folder with its own name) under `prefix`.
    pub async fn upload(
        &self,
        profile_id: &str,
        bucket: &str,
        prefix: &str,
        sources: Vec<PathBuf>,
        policy: Option<ConflictPolicy>,
    ) -> Result<TransferView> {
        if sources.is_empty() {
            return Err(AppError::invalid_input("nothing to upload"));
        }
        let source = match sources.as_slice() {
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} (+{})", first.display(), rest.len()),
            [] => unreachable!(),
        };
        let spec = StoredSpec {
            spec: Spec::Upload { prefix: prefix.to_owned(), sources },
            source,
            destination: format!("{bucket}/{prefix}"),
            policy: policy.unwrap_or_else(|| self.settings().conflict_policy),
            discovered: false,
        };
        self.create(Direction::Upload, profile_id, bucket, spec).await
    }

    /// Downloads objects (`keys`) and everything under `folders` into the folder
    /// `destination`, keys taken relative to `prefix`.
    pub async fn download_to_folder(
        &self,
        profile_id: &str,
        bucket: &str,
        selection: Selection,
        destination: PathBuf,
        policy: Option<ConflictPolicy>,
    ) -> Result<TransferView> {
        let Selection { prefix, keys, folders } = selection;
        let prefix = prefix.as_str();
        if keys.is_empty() && folders.is_empty() {
            return Err(AppError::invalid_input("nothing to download"));
        }
        if let Some(bad) = keys.iter().chain(&folders).find(|k| !k.starts_with(prefix)) {
            return Err(AppError::invalid_input(format!("{bad} is not under {prefix}")));
        }
        let what = keys.len() + folders.len();
        let first = keys.first().or(folders.first()).cloned().unwrap_or_default();
        let spec = StoredSpec {
            source: if what == 1 {
                format!("{bucket}/{first}")
            } else {
                format!("{bucket}/{first} (+{})", what - 1)
            },
            destination: destination.display().to_string(),
            spec: Spec::Download { prefix: prefix.to_owned(), keys, folders, destination, into_folder: true },
            policy: policy.unwrap_or_else(|| self.settings().conflict_policy),
            discovered: false,
        };
        self.create(Direction::Download, profile_id, bucket, spec).await
    }

    /// Downloads one object to the file the user chose in a save dialog (which asked about
    /// replacing it already).
    pub async fn download_to_file(
        &self,
        profile_id: &str,
        bucket: &str,
        key: &str,
        destination: PathBuf,
    ) -> Result<TransferView> {
        zos_core::objects::validate_key(key)?;
        let spec = StoredSpec {
            source: format!("{bucket}/{key}"),
            destination: destination.display().to_string(),
            spec: Spec::Download {
                prefix: String::new(),
                keys: vec![key.to_owned()],
                folders: vec![],
                destination,
                into_folder: false,
            },
            policy: ConflictPolicy::Overwrite,
            discovered: false,
        };
        self.create(Direction::Download, profile_id, bucket, spec).await
    }

    async fn create(
        &self,
        direction: Direction,
        profile_id: &str,
        bucket: &str,
        spec: StoredSpec,
    ) -> Result<TransferView> {
        zos_core::buckets::validate_bucket_name(bucket)?;
        let created_at = now_ms();
        let record = NewTransfer {
            kind: if direction == Direction::Upload { "upload" } else { "download" }.into(),
            profile_id: profile_id.to_owned(),
            bucket: bucket.to_owned(),
            spec: serde_json::to_string(&spec).expect("a spec serializes"),
            created_at_ms: created_at,
        };
        let id = self.inner.journal.call(move |j| j.insert_transfer(&record)).await.map_err(journal_error)?;
        let transfer =
            self.new_transfer(id, direction, profile_id.to_owned(), bucket.to_owned(), created_at, spec);
        self.inner.transfers.lock().expect("transfers lock").insert(id, transfer.clone());
        self.spawn(transfer.clone());
        Ok(transfer.view())
    }

    fn get(&self, id: TransferId) -> Result<Arc<Transfer>> {
        self.inner
            .transfers
            .lock()
            .expect("transfers lock")
            .get(&id)
            .cloned()
            .ok_or_else(|| AppError::invalid_input(format!("no transfer {id}")))
    }

    fn spawn(&self, transfer: Arc<Transfer>) {
        let mut task = transfer.task.lock().expect("task lock");
        if task.as_ref().is_some_and(|t| !t.is_finished()) {
            return;
        }
        transfer.set_state(TransferState::Queued);
        let inner = self.inner.clone();
        let t = transfer.clone();
        *task = Some(tokio::spawn(async move { run(inner, t).await }));
    }

    /// Stops the task (and with it every request in flight), keeping what is done.
    fn stop(&self, transfer: &Transfer) {
        if let Some(task) = transfer.task.lock().expect("task lock").take() {
            task.abort();
        }
        for slot in transfer.items.lock().expect("items lock").iter_mut() {
            if slot.state == ItemState::Running {
                slot.state = ItemState::Queued;
            }
        }
    }

    pub fn pause(&self, id: TransferId) -> Result<TransferView> {
        let transfer = self.get(id)?;
        if matches!(transfer.state(), TransferState::Queued | TransferState::Running) {
            self.stop(&transfer);
            transfer.status.lock().expect("status lock").discovering = false;
            transfer.set_state(TransferState::Paused);
        }
        Ok(transfer.view())
    }

    pub fn resume(&self, id: TransferId) -> Result<TransferView> {
        let transfer = self.get(id)?;
        if matches!(transfer.state(), TransferState::Paused | TransferState::Interrupted) {
            self.spawn(transfer.clone());
        }
        Ok(transfer.view())
    }

    /// Sends the failed files again.
    pub fn retry(&self, id: TransferId) -> Result<TransferView> {
        let transfer = self.get(id)?;
        if transfer.state() == TransferState::Failed {
            requeue(&transfer, &self.inner.journal, ItemState::Failed, None);
            transfer.status.lock().expect("status lock").error = None;
            self.spawn(transfer.clone());
        }
        Ok(transfer.view())
    }

    /// The user's answer for the files whose destination existed.
    pub fn resolve_conflicts(&self, id: TransferId, policy: ConflictPolicy) -> Result<TransferView> {
        if policy == ConflictPolicy::Ask {
            return Err(AppError::invalid_input("choose overwrite, skip or keep both"));
        }
        let transfer = self.get(id)?;
        if transfer.state() == TransferState::NeedsDecision {
            requeue(&transfer, &self.inner.journal, ItemState::Conflict, Some(policy));
            self.spawn(transfer.clone());
        }
        Ok(transfer.view())
    }

    /// Stops the transfer for good: aborts its multipart uploads on the server and removes
    /// its temporary files. Files already transferred stay.
    pub async fn cancel(&self, id: TransferId) -> Result<TransferView> {
        let transfer = self.get(id)?;
        if transfer.state().is_finished() {
            return Ok(transfer.view());
        }
        self.stop(&transfer);
        let leftovers: Vec<StoredItem> = {
            let mut items = transfer.items.lock().expect("items lock");
            items
                .iter_mut()
                .filter(|s| !matches!(s.state, ItemState::Done | ItemState::Skipped))
                .map(|s| {
                    s.state = ItemState::Cancelled;
                    s.item.clone()
                })
                .collect()
        };
        transfer.status.lock().expect("status lock").discovering = false;
        transfer.set_state(TransferState::Cancelled);
        // The journal knows upload ids and temporary files the memory may not have yet.
        let ids: Vec<i64> = leftovers.iter().map(|i| i.id).collect();
        let tid = transfer.id;
        let stored = self.inner.journal.call(move |j| j.items(tid)).await.map_err(journal_error)?;
        for item in stored.into_iter().filter(|i| ids.contains(&i.id)) {
            if let Some(upload_id) = &item.upload_id {
                match transfer.direction {
                    Direction::Upload => {
                        if let Ok(s3) = self.inner.clients.s3(&transfer.profile_id).await {
                            upload::abort_upload(&s3, &transfer.bucket, &item.key, upload_id).await;
                        }
                    }
                    Direction::Download => download::remove_temp(&item),
                }
            }
        }
        self.inner.journal.write(move |j| {
            for id in ids {
                j.set_item_state(id, Stored::Cancelled, None)?;
                j.set_upload_id(id, None)?;
            }
            j.close_transfer(tid)
        });
        Ok(transfer.view())
    }

    /// Removes finished transfers (done or cancelled) from the list and the journal.
    pub fn clear_finished(&self) -> Vec<TransferId> {
        let mut transfers = self.inner.transfers.lock().expect("transfers lock");
        let finished: Vec<TransferId> =
            transfers.values().filter(|t| t.state().is_finished()).map(|t| t.id).collect();
        for id in &finished {
            transfers.remove(id);
            let id = *id;
            self.inner.journal.write(move |j| j.delete_transfer(id));
        }
        self.inner.removed.lock().expect("removed lock").extend(&finished);
        finished
    }

    pub fn list(&self) -> Vec<TransferView> {
        self.inner.transfers.lock().expect("transfers lock").values().map(|t| t.view()).collect()
    }

    pub fn view(&self, id: TransferId) -> Result<TransferView> {
        Ok(self.get(id)?.view())
    }

    /// A page of a transfer's files, optionally only those in one state.
    pub fn items(
        &self,
        id: TransferId,
        state: Option<ItemState>,
        offset: u32,
        limit: u32,
    ) -> Result<ItemPage> {
        let transfer = self.get(id)?;
        let root = match &transfer.spec.lock().expect("spec lock").spec {
            Spec::Download { destination, into_folder: true, .. } => Some(destination.clone()),
            _ => None,
        };
        let items = transfer.items.lock().expect("items lock");
        let matching = items.iter().filter(|s| state.is_none_or(|st| s.state == st));
        let total = matching.clone().count() as u64;
        let items = matching
            .skip(offset as usize)
            .take(limit.min(1000) as usize)
            .map(|s| ItemView {
                id: s.item.id,
                key: s.item.key.clone(),
                local_name: match &root {
                    Some(root) => s
                        .item
                        .local_path
                        .strip_prefix(root)
                        .unwrap_or(&s.item.local_path)
                        .display()
                        .to_string(),
                    None => s.item.local_path.display().to_string(),
                },
                size: s.item.size,
                bytes_done: s.bytes.load(Ordering::Relaxed).min(s.item.size),
                state: s.state,
                error: s.error.clone(),
            })
            .collect();
        Ok(ItemPage { items, total })
    }

    /// Waits until the transfer's task ends (tests and the command-line tools).
    pub async fn wait(&self, id: TransferId) -> Result<TransferView> {
        let transfer = self.get(id)?;
        loop {
            let task = transfer.task.lock().expect("task lock").take();
            match task {
                Some(task) => {
                    let _ = task.await;
                }
                None => return Ok(transfer.view()),
            }
        }
    }

    /// Sends the pending update now (`all`: every transfer, not only the changed ones).
    pub fn send_update(&self, all: bool) {
        let transfers: Vec<Arc<Transfer>> =
            self.inner.transfers.lock().expect("transfers lock").values().cloned().collect();
        let mut totals = TransferTotals::default();
        let mut changed = Vec::new();
        for t in &transfers {
            let running = t.state() == TransferState::Running;
            if running {
                t.sample_speed();
            }
            let was_dirty = t.dirty.swap(false, Ordering::Relaxed);
            let view = t.view();
            match view.state {
                TransferState::Queued | TransferState::Running => {
                    totals.active += 1;
                    totals.bytes_total += view.bytes_total;
                    totals.bytes_done += view.bytes_done;
                    totals.bytes_per_second += view.bytes_per_second;
                }
                TransferState::Interrupted | TransferState::NeedsDecision => totals.waiting += 1,
                _ => {}
            }
            if all || was_dirty || running {
                changed.push(view);
            }
        }
        let removed = std::mem::take(&mut *self.inner.removed.lock().expect("removed lock"));
        if all || !changed.is_empty() || !removed.is_empty() {
            (self.inner.sink)(TransfersUpdate { changed, removed, totals });
        }
    }
}

fn slot(item: StoredItem, bytes_done: u64) -> Slot {
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

fn add_slots(transfer: &Transfer, slots: impl IntoIterator<Item = Slot>) {
    let mut items = transfer.items.lock().expect("items lock");
    for slot in slots {
        transfer.bytes_total.fetch_add(slot.item.size, Ordering::Relaxed);
        transfer.bytes_done.fetch_add(slot.bytes.load(Ordering::Relaxed), Ordering::Relaxed);
        items.push(slot);
    }
    transfer.touch();
}

fn requeue(transfer: &Transfer, journal: &JournalHandle, from: ItemState, policy: Option<ConflictPolicy>) {
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

/// The same client (same connection pool) with the SDK's own retries off: the engine retries
/// itself, with backoff, and counts every retry for the panel.
fn without_sdk_retries(s3: &aws_sdk_s3::Client) -> aws_sdk_s3::Client {
    let config =
        s3.config().to_builder().retry_config(aws_sdk_s3::config::retry::RetryConfig::disabled()).build();
    aws_sdk_s3::Client::from_conf(config)
}

async fn run(inner: Arc<Inner>, transfer: Arc<Transfer>) {
    transfer.set_state(TransferState::Running);
    let result = async {
        let s3 = without_sdk_retries(&inner.clients.s3(&transfer.profile_id).await?);
        let discovered = transfer.spec.lock().expect("spec lock").discovered;
        if !discovered {
            transfer.status.lock().expect("status lock").discovering = true;
            transfer.touch();
            discover(&inner, &transfer, &s3).await?;
            transfer.status.lock().expect("status lock").discovering = false;
            transfer.touch();
        }
        send_items(&inner, &transfer, &s3).await;
        Ok::<_, AppError>(())
    }
    .await;
    let mut status = transfer.status.lock().expect("status lock");
    status.discovering = false;
    if let Err(e) = result {
        status.error = Some(e);
        status.state = TransferState::Failed;
        drop(status);
        transfer.touch();
        return;
    }
    let items = transfer.items.lock().expect("items lock");
    let conflicts = items.iter().any(|s| s.state == ItemState::Conflict);
    let failed = items.iter().any(|s| s.state == ItemState::Failed);
    status.state = if conflicts {
        TransferState::NeedsDecision
    } else if failed {
        TransferState::Failed
    } else {
        TransferState::Done
    };
    if status.state == TransferState::Done {
        let id = transfer.id;
        inner.journal.write(move |j| j.close_transfer(id));
    }
    drop(items);
    drop(status);
    transfer.touch();
}

/// Finds the files of a transfer (walks the folders, lists the prefixes) and journals them.
async fn discover(inner: &Inner, transfer: &Arc<Transfer>, s3: &aws_sdk_s3::Client) -> Result<()> {
    // A walk or listing cut short by a restart is done again from the start.
    let id = transfer.id;
    let spec = transfer.spec.lock().expect("spec lock").spec.clone();
    {
        let mut items = transfer.items.lock().expect("items lock");
        items.clear();
        transfer.bytes_total.store(0, Ordering::Relaxed);
        transfer.bytes_done.store(0, Ordering::Relaxed);
    }
    inner.journal.call(move |j| j.delete_items(id)).await.map_err(journal_error)?;

    match spec {
        Spec::Upload { prefix, sources } => {
            for source in sources {
                let (found, skipped) = tokio::task::spawn_blocking(move || plan::walk(&source))
                    .await
                    .map_err(|e| AppError::new(ErrorCode::Unknown, e.to_string()))?;
                let new: Vec<NewItem> = found
                    .into_iter()
                    .map(|e| NewItem {
                        key: format!("{prefix}{}", e.relative),
                        local_path: e.path,
                        size: e.size,
                        mtime_ns: e.mtime_ns,
                        etag: None,
                    })
                    .collect();
                journal_items(inner, transfer, new, None).await?;
                let left_out: Vec<(NewItem, AppError)> = skipped
                    .into_iter()
                    .map(|s| {
                        let name = s.path.display().to_string();
                        let error = AppError::new(
                            ErrorCode::InvalidInput,
                            format!("{name} was left out: {}", s.reason),
                        );
                        (NewItem { key: name, local_path: s.path, size: 0, mtime_ns: 0, etag: None }, error)
                    })
                    .collect();
                for (item, error) in left_out {
                    journal_items(inner, transfer, vec![item], Some(error)).await?;
                }
            }
        }
        Spec::Download { prefix, keys, folders, destination, into_folder } => {
            let local = |key: &str| -> Result<PathBuf> {
                if !into_folder {
                    return Ok(destination.clone());
                }
                let relative = key.strip_prefix(prefix.as_str()).unwrap_or(key);
                plan::local_path_for(&destination, relative)
                    .ok_or_else(|| AppError::invalid_input(format!("{key} is the folder itself")))
            };
            let mut new = Vec::new();
            for key in &keys {
                let head = zos_core::objects::head_object(s3, &transfer.bucket, key).await?;
                new.push(NewItem {
                    key: key.clone(),
                    local_path: local(key)?,
                    size: head.size,
                    mtime_ns: 0,
                    etag: head.etag,
                });
            }
            journal_items(inner, transfer, std::mem::take(&mut new), None).await?;
            for folder in &folders {
                let mut token = None;
                loop {
                    let page = s3
                        .list_objects_v2()
                        .bucket(&transfer.bucket)
                        .prefix(folder)
                        .set_continuation_token(token.take())
                        .send()
                        .await
                        .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchBucket))?;
                    for object in page.contents() {
                        let key = object.key().unwrap_or_default();
                        if key.is_empty() || key == prefix {
                            continue;
                        }
                        new.push(NewItem {
                            key: key.to_owned(),
                            local_path: local(key)?,
                            size: object.size().unwrap_or(0).max(0) as u64,
                            mtime_ns: 0,
                            etag: object.e_tag().map(str::to_owned),
                        });
                    }
                    journal_items(inner, transfer, std::mem::take(&mut new), None).await?;
                    match page.next_continuation_token() {
                        Some(next) if page.is_truncated() == Some(true) => token = Some(next.to_owned()),
                        _ => break,
                    }
                }
            }
        }
    }
    let serialized = {
        let mut spec = transfer.spec.lock().expect("spec lock");
        spec.discovered = true;
        serde_json::to_string(&*spec).expect("a spec serializes")
    };
    inner.journal.call(move |j| j.set_spec(id, &serialized)).await.map_err(journal_error)
}

async fn journal_items(
    inner: &Inner,
    transfer: &Arc<Transfer>,
    new: Vec<NewItem>,
    error: Option<AppError>,
) -> Result<()> {
    if new.is_empty() {
        return Ok(());
    }
    let id = transfer.id;
    let error_json = error.as_ref().map(|e| serde_json::to_string(e).expect("an error serializes"));
    let stored = inner
        .journal
        .call(move |j| {
            let ids = j.insert_items(id, &new)?;
            if let Some(error) = &error_json {
                for item in &ids {
                    j.set_item_state(*item, Stored::Skipped, Some(error))?;
                }
            }
            Ok(new
                .into_iter()
                .zip(ids)
                .map(|(n, item_id)| StoredItem {
                    id: item_id,
                    transfer_id: id,
                    key: n.key,
                    local_path: n.local_path,
                    size: n.size,
                    mtime_ns: n.mtime_ns,
                    etag: n.etag,
                    state: if error_json.is_some() { Stored::Skipped } else { Stored::Queued },
                    upload_id: None,
                    error: error_json.clone(),
                })
                .collect::<Vec<_>>())
        })
        .await
        .map_err(journal_error)?;
    add_slots(transfer, stored.into_iter().map(|item| slot(item, 0)));
    Ok(())
}

/// Runs every queued file, `concurrency` at a time (each of them taking request permits from
/// the engine-wide pool for its requests).
async fn send_items(inner: &Arc<Inner>, transfer: &Arc<Transfer>, s3: &aws_sdk_s3::Client) {
    let settings = inner.settings.lock().expect("settings lock").clone();
    let files = Arc::new(Semaphore::new(settings.concurrency as usize));
    let queued: Vec<usize> = {
        let items = transfer.items.lock().expect("items lock");
        items
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.state, ItemState::Queued | ItemState::Running))
            .map(|(i, _)| i)
            .collect()
    };
    let root = match &transfer.spec.lock().expect("spec lock").spec {
        Spec::Download { destination, into_folder: true, .. } => Some(destination.clone()),
        _ => None,
    };
    let default_policy = transfer.spec.lock().expect("spec lock").policy;
    let mut set = JoinSet::new();
    for index in queued {
        let permit = files.clone().acquire_owned().await.expect("never closed");
        while set.try_join_next().is_some() {}
        let (item, bytes, policy) = {
            let mut items = transfer.items.lock().expect("items lock");
            let slot = &mut items[index];
            slot.state = ItemState::Running;
            (slot.item.clone(), slot.bytes.clone(), slot.policy.unwrap_or(default_policy))
        };
        transfer.touch();
        let ctx = ItemCtx {
            s3: s3.clone(),
            bucket: transfer.bucket.clone(),
            requests: inner.requests.clone(),
            limiter: inner.limiter.clone(),
            journal: inner.journal.clone(),
            item_id: item.id,
            progress: Progress { item: bytes, transfer: transfer.bytes_done.clone() },
            retries: transfer.retries.clone(),
            part_size: settings.part_size_mib as u64 * MIB,
            multipart_threshold: settings.multipart_threshold_mib as u64 * MIB,
            policy,
        };
        let transfer = transfer.clone();
        let root = root.clone();
        let journal = inner.journal.clone();
        set.spawn(async move {
            // What an earlier run left (an upload id, a temporary file, a new key, a changed
            // source's new size) is in the journal, not in the copy in memory.
            let item = match journal.call(move |j| j.item(item.id)).await {
                Ok(Some(stored)) => stored,
                _ => item,
            };
            let result = match transfer.direction {
                Direction::Upload => upload::upload_item(&ctx, &item).await,
                Direction::Download => download::download_item(&ctx, &item, root.as_deref()).await,
            };
            finish_item(&transfer, &journal, index, result);
            drop(permit);
        });
    }
    while set.join_next().await.is_some() {}
}

fn finish_item(transfer: &Transfer, journal: &JournalHandle, index: usize, result: Result<Outcome>) {
    let mut items = transfer.items.lock().expect("items lock");
    let slot = &mut items[index];
    let (state, error) = match result {
        Ok(Outcome::Done { key }) => {
            slot.item.key = key;
            let size = slot.item.size;
            let counted = slot.bytes.swap(size, Ordering::Relaxed);
            transfer.bytes_done.fetch_add(size, Ordering::Relaxed);
            transfer.bytes_done.fetch_sub(
                counted.min(transfer.bytes_done.load(Ordering::Relaxed) + size),
                Ordering::Relaxed,
            );
            (ItemState::Done, None)
        }
        Ok(Outcome::Skipped) => (ItemState::Skipped, None),
        Ok(Outcome::Conflict) => (ItemState::Conflict, None),
        Err(e) => {
            tracing::warn!("{} failed: {e}", slot.item.key);
            (ItemState::Failed, Some(e))
        }
    };
    slot.state = state;
    slot.error = error.clone();
    let id = slot.item.id;
    let stored = match state {
        ItemState::Done => Stored::Done,
        ItemState::Skipped => Stored::Skipped,
        ItemState::Conflict => Stored::Conflict,
        _ => Stored::Failed,
    };
    let error_json = error.map(|e| serde_json::to_string(&e).expect("an error serializes"));
    journal.write(move |j| j.set_item_state(id, stored, error_json.as_deref()));
    transfer.touch();
}

/// The app's sessions: one connected client per profile.
impl Clients for zos_core::session::Sessions {
    fn s3(&self, profile_id: &str) -> BoxFuture<'_, Result<aws_sdk_s3::Client>> {
        let profile_id = profile_id.to_owned();
        Box::pin(async move { Ok(self.get(&profile_id).await?.s3().clone()) })
    }
}
