//! Running a pipeline on image bytes.
//!
//! The image is decoded once into 8-bit RGB(A), the steps run in order on the pixels, and the
//! result is encoded in the pipeline's output format (its last `format` step, else the input's).
//! When the first step (after an optional `auto-orient`) shrinks a JPEG, the JPEG is decoded
//! directly at 1/2, 1/4 or 1/8 size ("shrink-on-load"), which is most of a thumbnail's speed.

mod crop;
mod decode;
mod encode;
mod error;
mod fonts;
mod info;
mod raster;
mod resize;
mod rotate;
mod text;
mod watermark;

use std::cell::Cell;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

pub use encode::DEFAULT_QUALITY;
pub use error::{ExecError, ExecErrorKind};
pub use info::{info, ImageInfo};
pub use rotate::rotated_size;
pub use text::{DEFAULT_COLOR as DEFAULT_TEXT_COLOR, DEFAULT_SIZE as DEFAULT_TEXT_SIZE};
pub use watermark::{
    DEFAULT_GRAVITY as DEFAULT_WATERMARK_GRAVITY, DEFAULT_MARGIN as DEFAULT_WATERMARK_MARGIN,
};

use crate::grammar::{FileFormat, Pipeline, Resize, ResizeMode, Step};
use raster::Raster;
use resize::Plan;

/// What a pipeline produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Processed {
    Image(ProcessedImage),
    /// From `image/info`.
    Info(ImageInfo),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessedImage {
    pub bytes: Vec<u8>,
    pub format: FileFormat,
    pub width: u32,
    pub height: u32,
    /// What the UI may want to tell (which font drew a text, a refused enlargement, …).
    pub notes: Vec<Note>,
}

impl Processed {
    pub fn notes(&self) -> &[Note] {
        match self {
            Processed::Image(i) => &i.notes,
            Processed::Info(_) => &[],
        }
    }
}

/// Something worth telling about a result that is not an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Note {
    /// A text watermark was drawn with this font face (the one requested, or the default).
    FontUsed { used: String },
    /// The requested font is not on this machine; this face stood in for it.
    FontSubstituted { requested: String, used: String },
    /// No CJK font exists on this machine: Chinese characters may be missing.
    NoCjkFont,
    /// No font available has these characters; they were drawn as empty boxes.
    MissingGlyphs { chars: String },
    /// A resize would have enlarged the image and `limit_1` (the default) kept it as it was.
    NotEnlarged,
    /// The watermark does not fit entirely inside the image and was cut at the edge.
    WatermarkClipped,
}

/// What the steps need besides the pixels.
pub(crate) struct StepCtx<'a> {
    /// Background of arbitrary rotations: transparent when the output keeps alpha.
    pub transparent: bool,
    /// The EXIF orientation not yet applied (taken by `auto-orient,1`).
    pub orientation: Cell<Option<u8>>,
    pub marks: &'a HashMap<String, Vec<u8>>,
}

/// Runs `pipeline` on `input`. `watermarks` holds the bytes of every key of
/// [`Pipeline::watermark_keys`]; their own pipelines are applied here.
pub fn process(
    input: &[u8],
    pipeline: &Pipeline,
    watermarks: &HashMap<String, Vec<u8>>,
) -> Result<Processed, ExecError> {
    if pipeline.steps.contains(&Step::Info) {
        return info(input).map(Processed::Info);
    }
    let input_format = decode::file_format(input)?;
    let format = pipeline.output_format(input_format);
    let mut notes = Vec::new();
    let (img, orientation, rest) = load(input, &pipeline.steps)?;
    let ctx =
        StepCtx { transparent: format.keeps_alpha(), orientation: Cell::new(orientation), marks: watermarks };
    let img = run_steps(img, rest, &ctx, &mut notes)?;
    let orientation = ctx.orientation.get();
    let source_quality = if input_format == FileFormat::Jpg { encode::jpeg_quality(input) } else { None };
    let quality = encode::resolve_quality(pipeline.quality(), source_quality);
    let (width, height) = (img.w, img.h);
    let bytes = encode::encode(img, format, quality, orientation)?;
    Ok(Processed::Image(ProcessedImage { bytes, format, width, height, notes }))
}

/// A thumbnail that fits in `max_w`×`max_h` (1–4096 each), never enlarged, in the input's
/// format: the same as `image/resize,w_<max_w>,h_<max_h>` (lfit).
pub fn thumbnail(input: &[u8], max_w: u32, max_h: u32) -> Result<Processed, ExecError> {
    if !(1..=4096).contains(&max_w) || !(1..=4096).contains(&max_h) {
        return Err(ExecError::new(ExecErrorKind::BadArgument, "thumbnail sides are 1–4096 pixels"));
    }
    let resize = Resize { w: Some(max_w), h: Some(max_h), mode: Some(ResizeMode::Lfit), ..Resize::default() };
    process(input, &Pipeline { steps: vec![Step::Resize(resize)] }, &HashMap::new())
}

/// Decodes the input, doing the first resize during the decode when that is a JPEG shrink.
/// Returns the pixels, the orientation not yet applied, and the steps left to run.
fn load<'s>(input: &[u8], steps: &'s [Step]) -> Result<(Raster, Option<u8>, &'s [Step]), ExecError> {
    let probe = decode::probe(input)?;
    if probe.format == FileFormat::Jpg {
        let (orient, at) = match steps {
            [Step::AutoOrient(a), Step::Resize(_), ..] => (a.enabled, 1),
            _ => (false, 0),
        };
        if let Some(Step::Resize(r)) = steps.get(at) {
            let swap = orient && rotate::orientation_swaps(probe.orientation);
            let (w, h) = if swap { (probe.height, probe.width) } else { (probe.width, probe.height) };
            let plan = resize::plan(w, h, r);
            let shrink = plan.resampled_size().map_or(1, |t| shrink_factor((w, h), t));
            if shrink > 1 {
                if let Some(img) = decode::decode_jpeg_shrunk(input, probe, shrink)? {
                    let (img, left) = match (orient, probe.orientation) {
                        (true, Some(o)) => (rotate::orient(img, o), None),
                        (true, None) => (img, None),
                        (false, o) => (img, o),
                    };
                    return Ok((resize::apply(img, &plan)?, left, &steps[at + 1..]));
                }
            }
        }
    }
    let (probe, img) = decode::decode(input)?;
    Ok((img, probe.orientation, steps))
}

/// How much to shrink a JPEG while decoding, as libvips' thumbnail does: the shrunk image keeps
/// at least twice the target size on the tighter side, so the final Lanczos resample still has
/// real pixels to average (IDCT scaling alone is blocky).
fn shrink_factor(src: (u32, u32), target: (u32, u32)) -> u32 {
    let f = (f64::from(src.0) / f64::from(target.0)).min(f64::from(src.1) / f64::from(target.1));
    match f {
        f if f >= 16.0 => 8,
        f if f >= 8.0 => 4,
        f if f >= 4.0 => 2,
        _ => 1,
    }
}

/// Runs steps on pixels (also a watermark image's own pipeline).
pub(crate) fn run_steps(
    mut img: Raster,
    steps: &[Step],
    ctx: &StepCtx<'_>,
    notes: &mut Vec<Note>,
) -> Result<Raster, ExecError> {
    for step in steps {
        img = match step {
            Step::Resize(r) => {
                let plan = resize::plan(img.w, img.h, r);
                if plan == (Plan::Keep { refused_enlargement: true }) && !notes.contains(&Note::NotEnlarged) {
                    notes.push(Note::NotEnlarged);
                }
                resize::apply(img, &plan)?
            }
            Step::Crop(c) => crop::apply(img, c)?,
            Step::Rotate(r) => rotate::rotate(img, r.degrees, ctx.transparent)?,
            Step::Watermark(w) => watermark::apply(img, w, ctx.marks, notes)?,
            Step::AutoOrient(a) if a.enabled => match ctx.orientation.take() {
                Some(o) => rotate::orient(img, o),
                None => img,
            },
            Step::AutoOrient(_) | Step::Format(_) | Step::Quality(_) | Step::Info => img,
        };
    }
    Ok(img)
}
