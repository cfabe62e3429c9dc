//! A transfer's task: find its files (walk or list), then move them `concurrency` at a time,
//! recording each outcome in memory and in the journal.

use crate::body::Progress;
use crate::copy;
use crate::ctx::{ItemCtx, Outcome};
use crate::download;
use crate::engine::{journal_error, Inner};
use crate::model::*;
use crate::plan::{self, MIB};
use crate::transfer::{add_slots, slot, Spec, Transfer};
use crate::upload;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::{ItemState as Stored, JournalHandle, NewItem, StoredItem};

/// The same client (same connection pool) with the SDK's own retries off: the engine retries
/// itself, with backoff, and counts every retry for the panel.
fn without_sdk_retries(s3: &aws_sdk_s3::Client) -> aws_sdk_s3::Client {
    let config =
        s3.config().to_builder().retry_config(aws_sdk_s3::config::retry::RetryConfig::disabled()).build();
    aws_sdk_s3::Client::from_conf(config)
}

pub(crate) async fn run(inner: Arc<Inner>, transfer: Arc<Transfer>) {
    transfer.set_state(TransferState::Running);
    let result = async {
        let s3 = without_sdk_retries(&inner.clients.s3(&transfer.profile_id).await?);
        if let Some(Encryption::CustomerKey { key_base64 }) = &transfer.spec.lock().expect("spec lock").options.encryption {
            if key_base64.is_empty() {
                return Err(AppError::invalid_input(
                    "the customer key (SSE-C) is not kept across restarts: cancel this transfer and upload again with the key",
                ));
            }
        }
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
    transfer.status.lock().expect("status lock").discovering = false;
    if let Err(e) = result {
        transfer.status.lock().expect("status lock").error = Some(e);
        transfer.set_state(TransferState::Failed);
        return;
    }
    let (conflicts, failed) = {
        let items = transfer.items.lock().expect("items lock");
        (
            items.iter().any(|s| s.state == ItemState::Conflict),
            items.iter().any(|s| s.state == ItemState::Failed),
        )
    };
    let state = if conflicts {
        TransferState::NeedsDecision
    } else if failed {
        TransferState::Failed
    } else {
        TransferState::Done
    };
    transfer.set_state(state);
    if state == TransferState::Done {
        let id = transfer.id;
        inner.journal.write(move |j| j.close_transfer(id));
    }
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
                        target: None,
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
                        (
                            NewItem {
                                key: name,
                                local_path: s.path,
                                size: 0,
                                mtime_ns: 0,
                                etag: None,
                                target: None,
                            },
                            error,
                        )
                    })
                    .collect();
                for (item, error) in left_out {
                    journal_items(inner, transfer, vec![item], Some(error)).await?;
                }
            }
        }
        Spec::Download { prefix, keys, folders, destination, into_folder, version_id } => {
            let local = |key: &str| -> Result<PathBuf> {
                if !into_folder {
                    return Ok(destination.clone());
                }
                let relative = key.strip_prefix(prefix.as_str()).unwrap_or(key);
                plan::local_path_for(&destination, relative)
                    .ok_or_else(|| AppError::invalid_input(format!("{key} is the folder itself")))
            };
            let keys_entered = inner.clients.customer_keys(&transfer.profile_id);
            let found = find_objects(
                s3,
                &keys_entered,
                &transfer.bucket,
                &prefix,
                &keys,
                &folders,
                version_id.as_deref(),
            )
            .await?;
            let new = found
                .into_iter()
                .map(|f| {
                    Ok(NewItem {
                        local_path: local(&f.key)?,
                        key: f.key,
                        size: f.size,
                        mtime_ns: 0,
                        etag: f.etag,
                        target: None,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            journal_items(inner, transfer, new, None).await?;
        }
        Spec::Copy { prefix, keys, folders, destination_prefix, .. } => {
            let keys_entered = inner.clients.customer_keys(&transfer.profile_id);
            let found =
                find_objects(s3, &keys_entered, &transfer.bucket, &prefix, &keys, &folders, None).await?;
            let new = found
                .into_iter()
                .map(|f| NewItem {
                    target: Some(format!(
                        "{destination_prefix}{}",
                        f.key.strip_prefix(prefix.as_str()).unwrap_or(&f.key)
                    )),
                    key: f.key,
                    local_path: PathBuf::new(),
                    size: f.size,
                    mtime_ns: 0,
                    etag: f.etag,
                })
                .collect();
            journal_items(inner, transfer, new, None).await?;
        }
    }
    let serialized = {
        let mut spec = transfer.spec.lock().expect("spec lock");
        spec.discovered = true;
        spec.journal_json()
    };
    inner.journal.call(move |j| j.set_spec(id, &serialized)).await.map_err(journal_error)
}

struct Found {
    key: String,
    size: u64,
    etag: Option<String>,
}

/// The objects of a selection: each key (HEAD) and everything under each folder (listed), in
/// that order. Keys outside `prefix` and the folder `prefix` itself are left out. A key
/// encrypted with a customer key the user has not entered is kept (size unknown): its own
/// row then fails with `EncryptedWithCustomerKey`, not the whole transfer.
async fn find_objects(
    s3: &aws_sdk_s3::Client,
    customer_keys: &zos_core::ssec::CustomerKeys,
    bucket: &str,
    prefix: &str,
    keys: &[String],
    folders: &[String],
    version_id: Option<&str>,
) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    for key in keys {
        let customer_key = customer_keys.get(bucket, key);
        match zos_core::objects::head_object_with_key(s3, bucket, key, version_id, customer_key.as_ref())
            .await
        {
            Ok(head) => found.push(Found { key: key.clone(), size: head.size, etag: head.etag }),
            Err(e) if e.is(ErrorCode::EncryptedWithCustomerKey) || e.is(ErrorCode::CustomerKeyMismatch) => {
                found.push(Found { key: key.clone(), size: 0, etag: None })
            }
            Err(e) => return Err(e),
        }
    }
    for folder in folders {
        for object in zos_core::objects::list_under(s3, bucket, folder).await? {
            if object.key.is_empty() || object.key == prefix || !object.key.starts_with(prefix) {
                continue;
            }
            found.push(Found { key: object.key, size: object.size, etag: object.etag });
        }
    }
    Ok(found)
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
                    target: n.target,
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
    let options = Arc::new(transfer.spec.lock().expect("spec lock").options.clone());
    let customer_keys = inner.clients.customer_keys(&transfer.profile_id);
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
            // Where the bytes go: the transfer's bucket, or a copy's destination bucket.
            bucket: transfer.destination_bucket(),
            requests: inner.requests.clone(),
            limiter: inner.limiter.clone(),
            journal: inner.journal.clone(),
            item_id: item.id,
            progress: Progress { item: bytes, transfer: transfer.bytes_done.clone() },
            retries: transfer.retries.clone(),
            part_size: settings.part_size_mib as u64 * MIB,
            multipart_threshold: settings.multipart_threshold_mib as u64 * MIB,
            policy,
            options: options.clone(),
            version_id: transfer.version_id(),
            customer_keys: customer_keys.clone(),
        };
        let transfer = transfer.clone();
        let root = root.clone();
        let copy_limit = inner.single_copy_limit.load(Ordering::Relaxed);
        let journal = inner.journal.clone();
        set.spawn(async move {
            // What an earlier run left (an upload id, a temporary file, a new key, a changed
            // source's new size) is in the journal, not in the copy in memory.
            let item = match journal.call(move |j| j.item(item.id)).await {
                Ok(Some(stored)) => stored,
                _ => item,
            };
            let result = match transfer.direction {
                Direction::Upload => {
                    let result = upload::upload_item(&ctx, &item).await;
                    if let (Ok(Outcome::Done { key }), Some(Encryption::CustomerKey { key_base64 })) =
                        (&result, &ctx.options.encryption)
                    {
                        // Uploaded with the user's key: readable with it until the app quits.
                        if let Ok(customer_key) = zos_core::ssec::SseCustomerKey::parse(key_base64) {
                            let scope = zos_core::ssec::CustomerKeyScope::Object;
                            ctx.customer_keys.set(&ctx.bucket, key, scope, customer_key);
                        }
                    }
                    result
                }
                Direction::Download => download::download_item(&ctx, &item, root.as_deref()).await,
                Direction::Copy | Direction::Move => {
                    copy::copy_item(
                        &ctx,
                        &item,
                        &transfer.bucket,
                        transfer.direction == Direction::Move,
                        copy_limit,
                    )
                    .await
                }
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
        Ok(Outcome::Skipped) => {
            // Not moved: its bytes leave the totals (a done transfer with skips reads 100 %).
            let counted = slot.bytes.swap(0, Ordering::Relaxed);
            transfer
                .bytes_done
                .fetch_sub(counted.min(transfer.bytes_done.load(Ordering::Relaxed)), Ordering::Relaxed);
            transfer.bytes_total.fetch_sub(
                slot.item.size.min(transfer.bytes_total.load(Ordering::Relaxed)),
                Ordering::Relaxed,
            );
            (ItemState::Skipped, None)
        }
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
