//! Native file dialogs. The user's choice becomes a handle (`zos_core::local_files`); the
//! webview never sees or sends a path.

use crate::dialogs;
use crate::state::AppState;
use tauri::{AppHandle, State};
use zos_core::local_files::{Access, LocalFile};
use zos_core::AppError;

/// Files to upload; empty when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_files_to_upload(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<LocalFile>, AppError> {
    Ok(dialogs::pick_files(&app).await?.into_iter().map(|p| state.files.grant(p, Access::Read)).collect())
}

/// Where to save a download, proposing `default_name`; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_save_location(
    app: AppHandle,
    state: State<'_, AppState>,
    default_name: String,
) -> Result<Option<LocalFile>, AppError> {
    Ok(dialogs::pick_save_path(&app, &default_name).await?.map(|p| state.files.grant(p, Access::Write)))
}

/// A folder to upload with everything in it; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_folder_to_upload(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<LocalFile>, AppError> {
    Ok(dialogs::pick_folder(&app).await?.map(|p| state.files.grant(p, Access::Read)))
}

/// A folder to download into; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_download_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<LocalFile>, AppError> {
    Ok(dialogs::pick_folder(&app).await?.map(|p| state.files.grant(p, Access::Write)))
}
