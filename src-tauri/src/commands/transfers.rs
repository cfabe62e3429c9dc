//! The transfer queue (zos-transfer). Local places come as handles the user chose in a
//! dialog or by a drop; the webview never names a path.

use crate::state::AppState;
use tauri::State;
use zos_core::local_files::Access;
use zos_core::AppError;
use zos_transfer::{
    ConflictPolicy, CopyTarget, ItemPage, ItemState, Selection, TransferId, TransferSettings, TransferView,
    UploadOptions,
};

#[tauri::command]
#[specta::specta]
pub fn list_transfers(state: State<'_, AppState>) -> Vec<TransferView> {
    state.transfers.list()
}

#[tauri::command]
#[specta::specta]
pub fn transfer_items(
    state: State<'_, AppState>,
    id: TransferId,
    only: Option<ItemState>,
    offset: u32,
    limit: u32,
) -> Result<ItemPage, AppError> {
    state.transfers.items(id, only, offset, limit)
}

/// Uploads chosen or dropped files and folders (handles) under `prefix`, with `options` (ACL,
/// storage class, metadata, content type, tags, encryption) on every object.
#[tauri::command]
#[specta::specta]
pub async fn upload_local(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    sources: Vec<String>,
    conflict_policy: Option<ConflictPolicy>,
    options: Option<UploadOptions>,
) -> Result<TransferView, AppError> {
    let paths = sources.iter().map(|h| state.files.resolve(h, Access::Read)).collect::<Result<_, _>>()?;
    state
        .transfers
        .upload(&profile_id, &bucket, &prefix, paths, conflict_policy, options.unwrap_or_default())
        .await
}

/// Downloads objects and folders into a folder the user chose (`destination`, a handle),
/// keeping the structure below `prefix`.
#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub async fn download_to_folder(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    keys: Vec<String>,
    folders: Vec<String>,
    destination: String,
    conflict_policy: Option<ConflictPolicy>,
) -> Result<TransferView, AppError> {
    let path = state.files.resolve(&destination, Access::Write)?;
    state
        .transfers
        .download_to_folder(&profile_id, &bucket, Selection { prefix, keys, folders }, path, conflict_policy)
        .await
}

/// Copies or moves (`target.deleteSource`) objects and folders on the server; a rename is a
/// move of one key.
#[tauri::command]
#[specta::specta]
pub async fn copy_objects(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    selection: Selection,
    target: CopyTarget,
    conflict_policy: Option<ConflictPolicy>,
) -> Result<TransferView, AppError> {
    state.transfers.copy(&profile_id, &bucket, selection, target, conflict_policy).await
}

/// Downloads one object to the file chosen in a save dialog (`destination`, a handle).
#[tauri::command]
#[specta::specta]
pub async fn download_to_file(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    destination: String,
) -> Result<TransferView, AppError> {
    let path = state.files.resolve(&destination, Access::Write)?;
    state.transfers.download_to_file(&profile_id, &bucket, &key, None, path).await
}

/// Downloads one version of an object to the file chosen in a save dialog.
#[tauri::command]
#[specta::specta]
pub async fn download_version_to_file(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: String,
    destination: String,
) -> Result<TransferView, AppError> {
    let path = state.files.resolve(&destination, Access::Write)?;
    state.transfers.download_to_file(&profile_id, &bucket, &key, Some(version_id), path).await
}

#[tauri::command]
#[specta::specta]
pub fn pause_transfer(state: State<'_, AppState>, id: TransferId) -> Result<TransferView, AppError> {
    state.transfers.pause(id)
}

#[tauri::command]
#[specta::specta]
pub fn resume_transfer(state: State<'_, AppState>, id: TransferId) -> Result<TransferView, AppError> {
    state.transfers.resume(id)
}

#[tauri::command]
#[specta::specta]
pub fn retry_transfer(state: State<'_, AppState>, id: TransferId) -> Result<TransferView, AppError> {
    state.transfers.retry(id)
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_transfer(state: State<'_, AppState>, id: TransferId) -> Result<TransferView, AppError> {
    state.transfers.cancel(id).await
}

#[tauri::command]
#[specta::specta]
pub fn resolve_transfer_conflicts(
    state: State<'_, AppState>,
    id: TransferId,
    policy: ConflictPolicy,
) -> Result<TransferView, AppError> {
    state.transfers.resolve_conflicts(id, policy)
}

#[tauri::command]
#[specta::specta]
pub fn clear_finished_transfers(state: State<'_, AppState>) -> Vec<TransferId> {
    state.transfers.clear_finished()
}

#[tauri::command]
#[specta::specta]
pub fn get_transfer_settings(state: State<'_, AppState>) -> TransferSettings {
    state.transfers.settings()
}

#[tauri::command]
#[specta::specta]
pub fn set_transfer_settings(
    state: State<'_, AppState>,
    settings: TransferSettings,
) -> Result<TransferSettings, AppError> {
    state.transfers.set_settings(settings)
}
