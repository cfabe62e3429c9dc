//! Metadata search: check and print queries, and search a bucket on the server (RGW md-search)
//! or here (listing + HEADs as needed, evaluated by zos-mdsearch).

use crate::state::AppState;
use tauri::State;
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
    state: State<'_, AppState>,
    profile_id: String,
    request: SearchRequest,
    engine: SearchEngine,
) -> Result<SearchPage, AppError> {
    search::search(state.session(&profile_id).await?.s3(), &request, engine).await
}
