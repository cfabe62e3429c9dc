use crate::state::AppState;
use tauri::State;
use zos_core::local_files::Access;
use zos_core::objects::{
    self, AclSummary, AppendResult, DeleteReport, FolderSummary, MetadataEdit, ObjectDetails, ObjectPage,
};
use zos_core::validation::Problem;
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_objects(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    continuation_token: Option<String>,
    max_keys: Option<i32>,
) -> Result<ObjectPage, AppError> {
    objects::list_objects(
        state.session(&profile_id).await?.s3(),
        &bucket,
        &prefix,
        continuation_token,
        max_keys,
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn head_object(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
) -> Result<ObjectDetails, AppError> {
    // With the customer key (SSE-C) the user entered for it, if any.
    let session = state.session(&profile_id).await?;
    let customer_key = session.customer_keys().get(&bucket, &key);
    objects::head_object_with_key(session.s3(), &bucket, &key, None, customer_key.as_ref()).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_objects(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    keys: Vec<String>,
) -> Result<DeleteReport, AppError> {
    objects::delete_objects(state.session(&profile_id).await?.s3(), &bucket, &keys).await
}

/// What deleting a folder would delete (the UI asks "delete N objects, X GiB?").
#[tauri::command]
#[specta::specta]
pub async fn summarize_folder(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
) -> Result<FolderSummary, AppError> {
    objects::summarize_folder(state.session(&profile_id).await?.s3(), &bucket, &prefix).await
}

/// Deletes a folder if it still holds the `expected_objects` the user confirmed.
#[tauri::command]
#[specta::specta]
pub async fn delete_folder(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
    expected_objects: u64,
) -> Result<DeleteReport, AppError> {
    objects::delete_folder(state.session(&profile_id).await?.s3(), &bucket, &prefix, expected_objects).await
}

/// Appends a chosen local file (`source`, a handle) at `position` of an Appendable object.
#[tauri::command]
#[specta::specta]
pub async fn append_file(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    position: u64,
    source: String,
) -> Result<AppendResult, AppError> {
    let path = state.files.resolve(&source, Access::Read)?;
    objects::append_file(state.session(&profile_id).await?.s3(), &bucket, &key, position, &path).await
}

/// Every problem of a metadata edit, found without any request (the dialog shows them by field).
#[tauri::command]
#[specta::specta]
pub fn check_metadata_edit(edit: MetadataEdit) -> Vec<Problem> {
    objects::check_metadata_edit(&edit)
}

/// Replaces an object's metadata (and storage class) in place, keeping bytes, tags, ACL and
/// lock; refused if it changed since `edit.expected_etag`. Returns the details read back.
#[tauri::command]
#[specta::specta]
pub async fn update_object_metadata(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    edit: MetadataEdit,
) -> Result<ObjectDetails, AppError> {
    objects::update_object_metadata(state.session(&profile_id).await?.s3(), &bucket, &key, &edit).await
}

/// Owner, public read/write and grant counts of an object's ACL, for the details pane.
#[tauri::command]
#[specta::specta]
pub async fn object_acl_summary(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: Option<String>,
) -> Result<AclSummary, AppError> {
    objects::object_acl_summary(state.session(&profile_id).await?.s3(), &bucket, &key, version_id.as_deref())
        .await
}
