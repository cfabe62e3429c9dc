//! `watermark`: an overlay (rendered text, or another image after its own pipeline) placed by
//! gravity and margins, with opacity `t`, composited "over" the image.

use std::collections::HashMap;

use super::error::{ExecError, ExecErrorKind};
use super::raster::Raster;
use super::{decode, run_steps, text, Note, StepCtx};
use crate::grammar::{Gravity, ImageMark, Mark, Watermark};

/// Where a watermark goes when `g` is absent. The ZOS guide's table ("nw：左上(默认)") and the
/// vendor's online manual both say nw (Aliyun's default is se).
pub const DEFAULT_GRAVITY: Gravity = Gravity::Nw;
/// `x` and `y` when absent (ZOS guide: "默认值：10").
pub const DEFAULT_MARGIN: u32 = 10;

pub(crate) fn apply(
    img: Raster,
    wm: &Watermark,
    marks: &HashMap<String, Vec<u8>>,
    notes: &mut Vec<Note>,
) -> Result<Raster, ExecError> {
    let overlay = match &wm.mark {
        Mark::Text(t) => text::render(t, notes)?,
        Mark::Image(m) => image_overlay(m, marks, notes)?,
    };
    let overlay = with_opacity(overlay.into_rgba(), wm.opacity.unwrap_or(100));
    let (x, y) = position(
        (img.w, img.h),
        (overlay.w, overlay.h),
        wm.gravity.unwrap_or(DEFAULT_GRAVITY),
        wm.x.unwrap_or(DEFAULT_MARGIN),
        wm.y.unwrap_or(DEFAULT_MARGIN),
    );
    let fits = x >= 0
        && y >= 0
        && x + i64::from(overlay.w) <= i64::from(img.w)
        && y + i64::from(overlay.h) <= i64::from(img.h);
    if !fits {
        notes.push(Note::WatermarkClipped);
    }
    let mut img = img;
    composite(&mut img, &overlay, x, y);
    Ok(img)
}

/// Decodes a watermark image and runs its own pipeline (its background stays transparent).
fn image_overlay(
    m: &ImageMark,
    marks: &HashMap<String, Vec<u8>>,
    notes: &mut Vec<Note>,
) -> Result<Raster, ExecError> {
    let bytes = marks.get(&m.key).ok_or_else(|| {
        ExecError::new(
            ExecErrorKind::WatermarkMissing { key: m.key.clone() },
            format!("the watermark image \"{}\" was not provided", m.key),
        )
    })?;
    let (probe, raster) = decode::decode(bytes).map_err(|e| {
        ExecError::new(
            ExecErrorKind::WatermarkDecode { key: m.key.clone() },
            format!("watermark \"{}\": {e}", m.key),
        )
    })?;
    let Some(p) = &m.process else { return Ok(raster) };
    let ctx = StepCtx { transparent: true, orientation: std::cell::Cell::new(probe.orientation), marks };
    run_steps(raster, &p.steps, &ctx, notes)
}

/// Multiplies alpha by `t`/100.
fn with_opacity(mut overlay: Raster, t: u32) -> Raster {
    if t < 100 {
        for px in overlay.data.chunks_exact_mut(4) {
            px[3] = ((u32::from(px[3]) * t + 50) / 100) as u8;
        }
    }
    overlay
}

/// Top-left corner of the overlay. As Aliyun and the other vendors document: `x` is the margin
/// from the left or right edge and does not apply in the middle column; `y` likewise from the
/// top or bottom, not in the middle row (which centers).
pub fn position(img: (u32, u32), overlay: (u32, u32), g: Gravity, mx: u32, my: u32) -> (i64, i64) {
    let (col, row) = g.cell();
    let along = |cell: u32, size: u32, o: u32, margin: u32| -> i64 {
        let (size, o, margin) = (i64::from(size), i64::from(o), i64::from(margin));
        match cell {
            0 => margin,
            1 => (size - o) / 2,
            _ => size - o - margin,
        }
    };
    (along(col, img.0, overlay.0, mx), along(row, img.1, overlay.1, my))
}

/// "Over" with straight alpha; the parts of the overlay outside the image are dropped.
fn composite(base: &mut Raster, overlay: &Raster, x: i64, y: i64) {
    let n = base.channels();
    let (bw, bh) = (i64::from(base.w), i64::from(base.h));
    for oy in 0..i64::from(overlay.h) {
        let by = y + oy;
        if by < 0 || by >= bh {
            continue;
        }
        for ox in 0..i64::from(overlay.w) {
            let bx = x + ox;
            if bx < 0 || bx >= bw {
                continue;
            }
            let o = ((oy * i64::from(overlay.w) + ox) * 4) as usize;
            let src = &overlay.data[o..o + 4];
            let a = u32::from(src[3]);
            if a == 0 {
                continue;
            }
            let b = ((by * bw + bx) as usize) * n;
            let dst = &mut base.data[b..b + n];
            if n == 3 || dst[3] == 255 {
                for c in 0..3 {
                    dst[c] = ((u32::from(src[c]) * a + u32::from(dst[c]) * (255 - a) + 127) / 255) as u8;
                }
            } else {
                let (sa, da) = (a as f32 / 255.0, f32::from(dst[3]) / 255.0);
                let oa = sa + da * (1.0 - sa);
                for c in 0..3 {
                    let v = (f32::from(src[c]) * sa + f32::from(dst[c]) * da * (1.0 - sa)) / oa;
                    dst[c] = v.round().clamp(0.0, 255.0) as u8;
                }
                dst[3] = (oa * 255.0).round() as u8;
            }
        }
    }
}
