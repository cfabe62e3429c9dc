//! GUI-free core of ZOS Browser. Everything the app does lives here and is tested without a
//! window; `src-tauri` only adapts these functions to IPC commands.

pub mod buckets;
pub mod client;
pub mod connection;
pub mod error;
pub mod locale;
pub mod objects;
pub mod profiles;
pub mod secrets;
pub mod workspace;
pub mod zos_wire;

pub use error::{AppError, Result};
pub use workspace::Workspace;
