//! GUI-free core of ZOS Browser. Everything the app does lives here and is tested without a
//! window; `src-tauri` only adapts these functions to IPC commands.
//!
//! - [`profiles`]: the profiles file and the keyring, behind [`profiles::ProfileService`];
//! - [`session`]: one connected profile (its S3 and SNS clients), cached per profile;
//! - domain modules taking a client: [`buckets`] (with one file per configuration under
//!   `buckets::config`), [`objects`], [`topics`], [`connection`];
//! - [`local_files`]: the files the user chose, behind opaque handles;
//! - [`client`] (the SDK factory tuned for radosgw), [`zos_wire`] (ZOS wire assumptions) and
//!   [`error`] (the one error type that crosses IPC).

mod atomic_file;
pub mod bookmarks;
pub mod buckets;
pub mod client;
pub mod connection;
pub mod dates;
pub mod delivery;
pub mod error;
pub mod images;
mod json_file;
pub mod local_files;
pub mod locale;
pub mod network;
pub mod objects;
pub mod paths;
pub mod profiles;
pub mod search;
pub mod session;
pub mod sharing;
pub mod ssec;
pub mod topics;
pub mod validation;
pub mod zos_wire;

pub use error::{AppError, ErrorCode, Result};
