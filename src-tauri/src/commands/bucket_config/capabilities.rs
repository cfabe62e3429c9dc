//! What the server knows of each bucket sub-resource (the capabilities view).

use crate::state::AppState;
use tauri::State;
use zos_core::buckets::config::capabilities::{self, Capability};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn bucket_capabilities(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
) -> Result<Vec<Capability>, AppError> {
    let session = state.session(&profile_id).await?;
    capabilities::detect(session.s3(), session.capabilities(), &bucket).await
}
