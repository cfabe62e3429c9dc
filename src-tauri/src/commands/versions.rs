//! Versions of objects (list, restore, delete one) and object lock per version (legal hold,
//! retention).

use crate::state::AppState;
use tauri::State;
use zos_core::objects::lock::{self, ObjectVersionRef, Retention};
use zos_core::objects::versions::{self, VersionPage};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_object_versions(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    key_marker: Option<String>,
    version_id_marker: Option<String>,
) -> Result<VersionPage, AppError> {
    versions::list_versions(
        state.session(&profile_id).await?.s3(),
        &bucket,
        &prefix,
        key_marker,
        version_id_marker,
        None,
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn restore_object_version(
    state: State<'_, AppState>,
    profile_id: String,
    target: ObjectVersionRef,
) -> Result<(), AppError> {
    versions::restore_version(state.session(&profile_id).await?.s3(), &target).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_object_version(
    state: State<'_, AppState>,
    profile_id: String,
    target: ObjectVersionRef,
    bypass_governance: bool,
) -> Result<(), AppError> {
    versions::delete_version(state.session(&profile_id).await?.s3(), &target, bypass_governance).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_legal_hold(
    state: State<'_, AppState>,
    profile_id: String,
    target: ObjectVersionRef,
) -> Result<Option<bool>, AppError> {
    lock::get_legal_hold(state.session(&profile_id).await?.s3(), &target).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_legal_hold(
    state: State<'_, AppState>,
    profile_id: String,
    target: ObjectVersionRef,
    on: bool,
) -> Result<(), AppError> {
    lock::put_legal_hold(state.session(&profile_id).await?.s3(), &target, on).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_object_retention(
    state: State<'_, AppState>,
    profile_id: String,
    target: ObjectVersionRef,
) -> Result<Option<Retention>, AppError> {
    lock::get_retention(state.session(&profile_id).await?.s3(), &target).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_object_retention(
    state: State<'_, AppState>,
    profile_id: String,
    target: ObjectVersionRef,
    retention: Retention,
    bypass_governance: bool,
) -> Result<(), AppError> {
    lock::put_retention(state.session(&profile_id).await?.s3(), &target, &retention, bypass_governance).await
}
