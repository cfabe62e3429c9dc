use crate::state::AppState;
use tauri::State;
use zos_core::bookmarks::{self, Bookmark};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub fn list_bookmarks(state: State<'_, AppState>, profile_id: String) -> Result<Vec<Bookmark>, AppError> {
    state.profiles.bookmarks().list(&profile_id)
}

/// "Open bucket…" and the star: kept only when this key may list the bucket (and prefix).
#[tauri::command]
#[specta::specta]
pub async fn add_bookmark(
    state: State<'_, AppState>,
    profile_id: String,
    bucket: String,
    prefix: String,
) -> Result<Bookmark, AppError> {
    let session = state.session(&profile_id).await?;
    bookmarks::open_and_keep(session.s3(), state.profiles.bookmarks(), &profile_id, &bucket, &prefix).await
}

#[tauri::command]
#[specta::specta]
pub fn remove_bookmark(
    state: State<'_, AppState>,
    profile_id: String,
    bookmark: Bookmark,
) -> Result<bool, AppError> {
    state.profiles.bookmarks().remove(&profile_id, &bookmark)
}
