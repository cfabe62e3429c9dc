//! IPC commands: one file per domain, each command one line into the core.

pub mod bookmarks;
pub mod bucket_config;
pub mod buckets;
pub mod customer_keys;
pub mod files;
pub mod images;
pub mod multipart;
pub mod objects;
pub mod preview;
pub mod profile_exchange;
pub mod profiles;
pub mod search;
pub mod sharing;
pub mod topics;
pub mod transfers;
pub mod versions;
