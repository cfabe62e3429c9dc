//! The queue: transfers, their files, the tasks that move them, and the updates the UI draws.
//!
//! State lives in the journal first and in memory second: pausing or cancelling stops a
//! transfer's task (dropping every request in flight), and resuming starts a new task that
//! reads what is done from the journal. So "pause", "quit" and "killed" are the same to it.

use crate::clients::Clients;
use crate::download;
use crate::limiter::RateLimiter;
use crate::model::*;
use crate::run::run;
use crate::transfer::{add_slots, requeue, slot, Spec, Status, StoredSpec, Transfer};
use crate::upload;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::{ItemState as Stored, JournalHandle, NewTransfer, StoredItem};

/// Receives the throttled updates (the app turns them into an event and the window title).
pub type UpdateSink = Box<dyn Fn(TransfersUpdate) + Send + Sync>;

const SETTINGS_KEY: &str = "transfer-settings";

/// How often updates are sent at most.
pub const UPDATE_INTERVAL: Duration = Duration::from_millis(250);

pub(crate) struct Inner {
    pub(crate) clients: Arc<dyn Clients>,
    pub(crate) journal: JournalHandle,
    pub(crate) settings: Mutex<TransferSettings>,
    /// Commands may call the engine from threads without a runtime (Tauri runs synchronous
    /// commands on the main thread): tasks are spawned on the runtime it started in.
    pub(crate) runtime: tokio::runtime::Handle,
    pub(crate) requests: Arc<Semaphore>,
    pub(crate) single_copy_limit: AtomicU64,
    pub(crate) limiter: Arc<RateLimiter>,
    pub(crate) transfers: Mutex<BTreeMap<TransferId, Arc<Transfer>>>,
    pub(crate) removed: Mutex<Vec<TransferId>>,
    pub(crate) sink: UpdateSink,
}

/// What to download or copy: objects (`keys`) and everything under `folders`, all under
/// `prefix` (the folder the user is in; the structure below it is kept).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Selection {
    pub prefix: String,
    pub keys: Vec<String>,
    pub folders: Vec<String>,
}

impl Selection {
    /// Refuses an empty selection, or keys and folders outside `prefix`, before anything is sent.
    fn check(&self, verb: &str) -> Result<()> {
        if self.keys.is_empty() && self.folders.is_empty() {
            return Err(AppError::invalid_input(format!("nothing to {verb}")));
        }
        match self.keys.iter().chain(&self.folders).find(|k| !k.starts_with(self.prefix.as_str())) {
            Some(bad) => Err(AppError::invalid_input(format!("{bad} is not under {}", self.prefix))),
            None => Ok(()),
        }
    }

    /// `bucket/first-key`, with `(+N)` for the others: how the panel names the source.
    fn label(&self, bucket: &str) -> String {
        let first = self.keys.first().or(self.folders.first()).map(String::as_str).unwrap_or_default();
        match self.keys.len() + self.folders.len() {
            0 | 1 => format!("{bucket}/{first}"),
            n => format!("{bucket}/{first} (+{})", n - 1),
        }
    }
}

/// Where a copy or move goes: a bucket of the same profile and a prefix in it (ending in `/`,
/// or empty for the bucket's root; for a rename of one key, the new key itself is `prefix` +
/// the key's name below the selection's prefix).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CopyTarget {
    pub bucket: String,
    pub prefix: String,
    /// A move: each source is deleted once its copy is verified.
    pub delete_source: bool,
}

/// The transfer engine. Cheap to clone.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

fn now_ms() -> i64 {
    zos_core::dates::now_millis()
}

pub(crate) fn journal_error(e: zos_journal::JournalError) -> AppError {
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
                runtime: tokio::runtime::Handle::current(),
                requests: Arc::new(Semaphore::new(settings.concurrency as usize)),
                single_copy_limit: AtomicU64::new(crate::copy::SINGLE_COPY_LIMIT),
                settings: Mutex::new(settings),
                limiter: Arc::new(RateLimiter::default()),
                transfers: Mutex::default(),
                removed: Mutex::default(),
                sink,
            }),
        };
        let saved = engine
            .inner
            .journal
            .call(|j| j.setting(SETTINGS_KEY))
            .await
            .map_err(journal_error)?
            .and_then(|json| serde_json::from_str::<TransferSettings>(&json).ok());
        if let Some(saved) = saved {
            if let Err(e) = engine.apply_settings(saved) {
                tracing::warn!("saved transfer settings ignored: {e}");
            }
        }
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
            let Some(direction) = Direction::parse(&t.kind) else {
                tracing::warn!(
                    "transfer {} is of a kind this version does not know ({}); dropped",
                    t.id,
                    t.kind
                );
                let id = t.id;
                self.inner.journal.write(move |j| j.delete_transfer(id));
                continue;
            };
            let transfer = self.new_transfer(t.id, direction, t.profile_id, t.bucket, t.created_at_ms, spec);
            transfer.status.lock().expect("status lock").state =
                TransferState::after_restart(t.state.as_deref());
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
            journal: self.inner.journal.clone(),
        })
    }

    pub fn settings(&self) -> TransferSettings {
        self.inner.settings.lock().expect("settings lock").clone()
    }

    /// Checks, applies and saves the settings (they hold across restarts).
    pub fn set_settings(&self, settings: TransferSettings) -> Result<TransferSettings> {
        let settings = self.apply_settings(settings)?;
        let json = serde_json::to_string(&settings).expect("settings serialize");
        self.inner.journal.write(move |j| j.set_setting(SETTINGS_KEY, &json));
        Ok(settings)
    }

    fn apply_settings(&self, settings: TransferSettings) -> Result<TransferSettings> {
        settings.check()?;
        let old =
            std::mem::replace(&mut *self.inner.settings.lock().expect("settings lock"), settings.clone());
        let (new_n, old_n) = (settings.concurrency as usize, old.concurrency as usize);
        if new_n > old_n {
            self.inner.requests.add_permits(new_n - old_n);
        } else if new_n < old_n {
            let requests = self.inner.requests.clone();
            self.inner.runtime.spawn(async move {
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
        options: UploadOptions,
    ) -> Result<TransferView> {
        if sources.is_empty() {
            return Err(AppError::invalid_input("nothing to upload"));
        }
        options.check()?;
        let source = match sources.as_slice() {
            [one] => one.display().to_string(),
            [first, rest @ ..] => format!("{} (+{})", first.display(), rest.len()),
            [] => unreachable!(),
        };
        let spec = StoredSpec {
            spec: Spec::Upload { prefix: prefix.to_owned(), sources },
            options,
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
        selection.check("download")?;
        let source = selection.label(bucket);
        let Selection { prefix, keys, folders } = selection;
        let spec = StoredSpec {
            source,
            destination: destination.display().to_string(),
            spec: Spec::Download { prefix, keys, folders, destination, into_folder: true, version_id: None },
            policy: policy.unwrap_or_else(|| self.settings().conflict_policy),
            options: UploadOptions::default(),
            discovered: false,
        };
        self.create(Direction::Download, profile_id, bucket, spec).await
    }

    /// Downloads one object — or one version of it — to the file the user chose in a save
    /// dialog (which asked about replacing it already).
    pub async fn download_to_file(
        &self,
        profile_id: &str,
        bucket: &str,
        key: &str,
        version_id: Option<String>,
        destination: PathBuf,
    ) -> Result<TransferView> {
        zos_core::objects::validate_key(key)?;
        let source = match &version_id {
            Some(v) => format!("{bucket}/{key}?versionId={v}"),
            None => format!("{bucket}/{key}"),
        };
        let spec = StoredSpec {
            source,
            destination: destination.display().to_string(),
            spec: Spec::Download {
                prefix: String::new(),
                keys: vec![key.to_owned()],
                folders: vec![],
                destination,
                into_folder: false,
                version_id,
            },
            policy: ConflictPolicy::Overwrite,
            options: UploadOptions::default(),
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
            kind: direction.as_str().into(),
            profile_id: profile_id.to_owned(),
            bucket: bucket.to_owned(),
            spec: spec.journal_json(),
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
        *task = Some(self.inner.runtime.spawn(async move { run(inner, t).await }));
    }

    /// Copies (or moves, `delete_source`) objects and folders to another place on the same
    /// server, keeping the structure below `selection.prefix`. Rename is a move of one key.
    pub async fn copy(
        &self,
        profile_id: &str,
        bucket: &str,
        selection: Selection,
        target: CopyTarget,
        policy: Option<ConflictPolicy>,
    ) -> Result<TransferView> {
        selection.check("copy")?;
        let source = selection.label(bucket);
        let Selection { prefix, keys, folders } = selection;
        let CopyTarget { bucket: destination_bucket, prefix: destination_prefix, delete_source } = target;
        if destination_bucket == bucket && destination_prefix == prefix {
            // Each key would land on itself; a move would then delete what it "copied".
            return Err(AppError::invalid_input(format!("{bucket}/{prefix} is where these already are")));
        }
        let (destination_bucket, destination_prefix) =
            (destination_bucket.as_str(), destination_prefix.as_str());
        zos_core::buckets::validate_bucket_name(destination_bucket)?;
        // A folder moved into itself would copy its own copies.
        if let Some(folder) = folders
            .iter()
            .find(|f| destination_bucket == bucket && destination_prefix.starts_with(f.as_str()))
        {
            return Err(AppError::invalid_input(format!("{folder} cannot go inside itself")));
        }
        let spec = StoredSpec {
            source,
            destination: format!("{destination_bucket}/{destination_prefix}"),
            spec: Spec::Copy {
                prefix,
                keys,
                folders,
                destination_bucket: destination_bucket.to_owned(),
                destination_prefix: destination_prefix.to_owned(),
                delete_source,
            },
            policy: policy.unwrap_or_else(|| self.settings().conflict_policy),
            options: UploadOptions::default(),
            discovered: false,
        };
        let direction = if delete_source { Direction::Move } else { Direction::Copy };
        self.create(direction, profile_id, bucket, spec).await
    }

    /// Copies up to this size go in one CopyObject request (5 GiB, S3's limit); the tests lower
    /// it to exercise UploadPartCopy without 5 GiB objects.
    #[doc(hidden)]
    pub fn set_single_copy_limit(&self, bytes: u64) {
        self.inner.single_copy_limit.store(bytes, Ordering::Relaxed);
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
                    Direction::Copy | Direction::Move => {
                        let bucket = transfer.destination_bucket();
                        if let (Ok(s3), Some(target)) =
                            (self.inner.clients.s3(&transfer.profile_id).await, item.target.as_deref())
                        {
                            upload::abort_upload(&s3, &bucket, target, upload_id).await;
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
                local_name: match (&s.item.target, &root) {
                    (Some(target), _) => target.clone(),
                    (None, root) => match root {
                        Some(root) => s
                            .item
                            .local_path
                            .strip_prefix(root)
                            .unwrap_or(&s.item.local_path)
                            .display()
                            .to_string(),
                        None => s.item.local_path.display().to_string(),
                    },
                },
                size: s.item.size,
                bytes_done: s.bytes.load(Ordering::Relaxed).min(s.item.size),
                state: s.state,
                error: s.error.clone(),
            })
            .collect();
        Ok(ItemPage { items, total })
    }

    /// Multipart uploads on the server that this app started and can resume, by upload id.
    pub async fn resumable_uploads(&self, profile_id: &str, bucket: &str) -> Result<Vec<ResumableUpload>> {
        let (profile_id, bucket) = (profile_id.to_owned(), bucket.to_owned());
        let found = self
            .inner
            .journal
            .call(move |j| j.open_uploads(&profile_id, &bucket))
            .await
            .map_err(journal_error)?;
        Ok(found
            .into_iter()
            .map(|(upload_id, transfer_id)| ResumableUpload { upload_id, transfer_id })
            .collect())
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
