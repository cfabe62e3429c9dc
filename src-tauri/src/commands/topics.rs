use crate::state::AppState;
use tauri::State;
use zos_core::topics::{self, TopicSummary};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub async fn list_topics(
    state: State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<TopicSummary>, AppError> {
    topics::list_topics(state.session(&profile_id).await?.sns()).await
}
