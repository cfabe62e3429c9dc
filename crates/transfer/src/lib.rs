//! The transfer engine of ZOS Browser (GUI-free; the app only draws it).
//!
//! - [`engine`]: the queue of transfers, pause/resume/cancel/retry, restart recovery from the
//!   journal (`zos-journal`), throttled updates for the UI; a transfer's state is in `transfer`,
//!   its task (find the files, then move them) in `run`;
//! - [`upload`] and [`download`]: one file each way (multipart and ranged, verified);
//! - [`plan`]: pure decisions (part sizes, safe local names for keys, folder walks);
//! - [`body`] and [`limiter`]: progress counting and the bandwidth limit;
//! - [`model`]: the types the UI sees.

pub mod body;
mod clients;
pub mod copy;
pub mod ctx;
pub mod download;
pub mod engine;
pub mod limiter;
pub mod model;
pub mod plan;
mod run;
mod transfer;
pub mod upload;

pub use clients::Clients;
pub use engine::{CopyTarget, Engine, Selection, UpdateSink};
pub use model::*;
