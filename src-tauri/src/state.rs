//! App state shared by all commands: the profile service, the per-profile sessions and the
//! local files the user chose. Each is a core type; this file only holds them together.

use std::sync::Arc;
use zos_core::local_files::LocalFiles;
use zos_core::profiles::ProfileService;
use zos_core::session::{Session, Sessions};
use zos_core::Result;

pub struct AppState {
    pub profiles: ProfileService,
    pub sessions: Sessions,
    pub files: LocalFiles,
}

impl AppState {
    pub fn from_env() -> Self {
        let profiles = ProfileService::from_env();
        Self { sessions: Sessions::new(profiles.clone()), profiles, files: LocalFiles::default() }
    }

    /// The connected session of a profile (built on first use, rebuilt after profile changes).
    pub async fn session(&self, profile_id: &str) -> Result<Arc<Session>> {
        self.sessions.get(profile_id).await
    }
}
