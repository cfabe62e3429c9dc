//! The transfer engine of ZOS Browser (GUI-free; the app only draws it).
//!
//! - [`engine`]: the queue of transfers, pause/resume/cancel/retry, restart recovery from the
//!   journal (`zos-journal`), throttled updates for the UI;
//! - [`upload`] and [`download`]: one file each way (multipart and ranged, verified);
//! - [`plan`]: pure decisions (part sizes, safe local names for keys, folder walks);
//! - [`body`] and [`limiter`]: progress counting and the bandwidth limit;
//! - [`model`]: the types the UI sees.

pub mod body;
pub mod ctx;
pub mod download;
pub mod engine;
pub mod limiter;
pub mod model;
pub mod plan;
pub mod upload;

pub use engine::{Clients, Engine, Selection, UpdateSink};
pub use model::*;
