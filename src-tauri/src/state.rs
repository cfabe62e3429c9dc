//! App state shared by all commands: the profile service, the per-profile sessions, the local
//! files the user chose and the transfer engine. Each is a core type; this file only holds
//! them together.

use crate::events;
use std::sync::Arc;
use tauri::AppHandle;
use zos_core::images::serve::ImageServer;
use zos_core::images::thumbs::ThumbCache;
use zos_core::local_files::LocalFiles;
use zos_core::profiles::ProfileService;
use zos_core::search::RunningSearches;
use zos_core::session::{Session, Sessions};
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::JournalHandle;
use zos_transfer::Engine;

pub struct AppState {
    pub profiles: ProfileService,
    pub sessions: Arc<Sessions>,
    pub files: LocalFiles,
    pub transfers: Engine,
    /// Rendered previews and thumbnails served to the webview (`zosimg:`).
    pub images: ImageServer,
    /// Local metadata searches under way, for "Cancel".
    pub searches: RunningSearches,
}

impl AppState {
    /// Builds the state and starts the transfer engine on its journal (in the data folder).
    pub async fn start(app: AppHandle) -> Result<Self> {
        let profiles = ProfileService::from_env();
        let sessions = Arc::new(Sessions::new(profiles.clone()));
        let dir = zos_core::paths::data_dir();
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&format!("creating {}", dir.display()), e))?;
        let journal = JournalHandle::open(&dir.join("transfers.sqlite"))
            .map_err(|e| AppError::new(ErrorCode::Io, e.to_string()))?;
        let transfers = Engine::start(journal, sessions.clone(), events::transfer_sink(app)).await?;
        Ok(Self {
            profiles,
            sessions,
            files: LocalFiles::default(),
            transfers,
            images: ImageServer::new(ThumbCache::in_data_dir()),
            searches: RunningSearches::default(),
        })
    }

    /// The connected session of a profile (built on first use, rebuilt after profile changes).
    pub async fn session(&self, profile_id: &str) -> Result<Arc<Session>> {
        self.sessions.get(profile_id).await
    }
}
