//! Customer keys (SSE-C): the user enters the key of an encrypted object; it is checked with a
//! HEAD before it is kept, kept in memory only (per profile, until the app quits), and never
//! sent back over IPC: the UI only learns whether a key is set.

use crate::state::AppState;
use tauri::State;
use zos_core::ssec::{self, CustomerKeyScope};
use zos_core::AppError;

/// Checks `key_text` (32 bytes in base64) against the object (HEAD with it) and keeps it for
/// the object or its whole bucket. A wrong key is `CustomerKeyMismatch`; nothing is kept then.
#[tauri::command]
#[specta::specta]
pub async fn set_customer_key(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    key: String,
    version_id: Option<String>,
    key_text: String,
    scope: CustomerKeyScope,
) -> Result<(), AppError> {
    let session = state.session(&profile_id).await?;
    ssec::unlock(
        session.s3(),
        session.customer_keys(),
        &bucket,
        &key,
        version_id.as_deref(),
        &key_text,
        scope,
    )
    .await
}

/// Forgets every key that would be sent for this object (its own and its bucket's).
#[tauri::command]
#[specta::specta]
pub fn forget_customer_key(state: State<'_, AppState>, profile_id: String, bucket: String, key: String) {
    state.sessions.customer_keys(&profile_id).forget(&bucket, &key)
}

/// Whether a key is set for this object (its own or its bucket's); never the key itself.
#[tauri::command]
#[specta::specta]
pub fn has_customer_key(state: State<'_, AppState>, profile_id: String, bucket: String, key: String) -> bool {
    state.sessions.customer_keys(&profile_id).has(&bucket, &key)
}
