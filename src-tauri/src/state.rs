//! App state shared by all commands: the core workspace (profiles, keyring, clients).

use zos_core::Workspace;

pub struct AppState {
    pub ws: Workspace,
}

impl AppState {
    pub fn from_env() -> Self {
        Self { ws: Workspace::from_env() }
    }
}
