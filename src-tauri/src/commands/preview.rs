//! Quick look at an object: text in its encoding, JSON, CSV, hex, a PDF's bytes, a presigned
//! link for audio and video. One ranged GET in the core.

use crate::state::AppState;
use tauri::State;
use zos_core::objects::preview::{self, ObjectPreview, PreviewOptions};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn preview_object(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: Option<String>,
    options: PreviewOptions,
) -> Result<ObjectPreview, AppError> {
    let session = state.session(&profile_id).await?;
    let customer_key = session.customer_keys().get(&bucket, &key);
    preview::preview_object(
        session.s3(),
        &bucket,
        &key,
        version_id.as_deref(),
        customer_key.as_ref(),
        &options,
    )
    .await
}
