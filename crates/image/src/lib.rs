//! The local image-processing engine of ZOS Browser: the `x-zos-process` pipelines of the ZOS
//! image service (resize, crop, rotate, watermark, format, quality, auto-orient, info), run on
//! this machine. No network: the caller fetches the object and any watermark images.
//!
//! What the core calls:
//! - [`parse`]`(&str) -> Result<`[`Pipeline`]`, `[`ParseError`]`>` — text to typed steps; the
//!   error names the step, the token, its byte range and a machine-readable kind.
//! - [`print`]`(&Pipeline) -> String`, also `Pipeline`'s `Display` — the canonical text;
//!   `parse(&print(&p)) == Ok(p)` for every valid `p`. [`Pipeline::validate`] checks a typed
//!   pipeline received as JSON; [`Pipeline::watermark_keys`] lists the objects to fetch first.
//! - [`process`]`(input, &Pipeline, &watermarks) -> Result<`[`Processed`]`, `[`ExecError`]`>` —
//!   an encoded image with its size and [`Note`]s, or an [`ImageInfo`] for `image/info`.
//! - [`thumbnail`]`(input, max_w, max_h)` — the fast path for previews (JPEG shrink-on-load).
//! - [`info`]`(input) -> Result<ImageInfo, ExecError>` — header facts, also as Aliyun's JSON.
//!
//! The pipeline types, [`ParseError`], [`ExecError`], [`Note`] and [`ImageInfo`] derive serde and
//! `specta::Type` so they can cross IPC as typed JSON.

#![forbid(unsafe_code)]

mod exec;
mod grammar;

pub use exec::{
    info, process, rotated_size, thumbnail, ExecError, ExecErrorKind, ImageInfo, Note, Processed,
    ProcessedImage, DEFAULT_QUALITY, DEFAULT_TEXT_COLOR, DEFAULT_TEXT_SIZE, DEFAULT_WATERMARK_GRAVITY,
    DEFAULT_WATERMARK_MARGIN,
};
pub use grammar::{
    parse, print, AutoOrient, Color, Crop, FileFormat, Format, Gravity, ImageMark, Mark, ParseError,
    ParseErrorKind, Pipeline, Quality, QualityMode, Resize, ResizeMode, Rotate, Step, TextMark, Watermark,
    KNOWN_FONTS,
};

/// The most pixels an input (or any intermediate image) may have: 100 megapixels. Larger
/// images are refused before their pixels are decoded.
pub const MAX_PIXELS: u64 = 100_000_000;
