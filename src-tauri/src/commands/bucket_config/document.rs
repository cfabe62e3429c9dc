//! The checks and the expert (JSON) text shared by the configuration forms: no request is sent.

use zos_core::buckets::config::document::{self, ConfigDocument, ConfigKind, ConfigParse};
use zos_core::validation::Problem;

#[tauri::command]
#[specta::specta]
pub fn check_config(document: ConfigDocument) -> Vec<Problem> {
    document::check(&document)
}

#[tauri::command]
#[specta::specta]
pub fn parse_config(kind: ConfigKind, text: String) -> ConfigParse {
    document::parse(kind, &text)
}

#[tauri::command]
#[specta::specta]
pub fn print_config(document: ConfigDocument) -> String {
    document::print(&document)
}
