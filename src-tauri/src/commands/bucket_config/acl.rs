//! ACL of a bucket, an object or one version of it.

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::acl::{self, AccessControlPolicy, AclChange, AclTarget};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn get_acl(
    state: State<'_, AppState>,
    profile_id: String,
    target: AclTarget,
) -> Result<AccessControlPolicy, AppError> {
    acl::get(state.session(&profile_id).await?.s3(), &target).await
}

#[tauri::command]
#[specta::specta]
pub async fn put_acl(
    state: State<'_, AppState>,
    profile_id: String,
    target: AclTarget,
    change: AclChange,
) -> Result<(), AppError> {
    acl::put(state.session(&profile_id).await?.s3(), &target, &change).await
}
