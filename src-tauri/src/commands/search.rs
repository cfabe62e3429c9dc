//! Metadata search: check and print queries, and search a bucket on the server (RGW md-search,
//! at the profile's search endpoint) or here (listing + HEADs as needed, evaluated by
//! zos-mdsearch), with progress events and cancel by the id the UI gives each search.

use crate::events::SearchProgress;
use crate::state::AppState;
use tauri::{AppHandle, State};
use zos_core::search::{self, Query, QueryCheck, SearchEngine, SearchPage, SearchRequest};
use zos_core::AppError;

#[tauri::command]
#[specta::specta]
pub fn check_search_query(text: String) -> QueryCheck {
    search::check_query(&text)
}

#[tauri::command]
#[specta::specta]
pub fn print_search_query(query: Query) -> String {
    search::print_query(&query)
}

#[tauri::command]
#[specta::specta]
pub async fn search_objects(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: String,
    request: SearchRequest,
    engine: SearchEngine,
    search_id: String,
) -> Result<SearchPage, AppError> {
    let running = state.searches.start(&search_id);
    let progress = |counts| SearchProgress::send(&app, &search_id, counts);
    search::search(&*state.session(&profile_id).await?, &request, engine, &running.options, progress).await
}

/// Stops the local search `search_id` (it answers with what it found so far, `limited`).
#[tauri::command]
#[specta::specta]
pub fn cancel_search(state: State<'_, AppState>, search_id: String) -> bool {
    state.searches.cancel(&search_id)
}
