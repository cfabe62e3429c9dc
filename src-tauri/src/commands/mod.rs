//! IPC commands: one-line adapters from the UI to `zos_core::Workspace`, one module per domain.

pub mod buckets;
pub mod objects;
pub mod profiles;
