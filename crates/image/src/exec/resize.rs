//! `resize`: first a plan from the source size and the parameters (pure arithmetic, unit-tested
//! by the dimension tables), then the pixels, resampled with `fast_image_resize` (SIMD
//! convolution, Lanczos3).

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

use super::error::ExecError;
use super::raster::{check_size, Raster};
use crate::grammar::{Color, Resize, ResizeMode};

/// What a resize does to an image of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Nothing: the size is already right, or `limit_1` refused to enlarge.
    Keep { refused_enlargement: bool },
    /// Resample to exactly w×h (lfit, mfit, fixed, one side only, or percent).
    Scale { w: u32, h: u32 },
    /// fill: resample to sw×sh (covering w×h), then cut the middle w×h out.
    Fill { sw: u32, sh: u32, w: u32, h: u32 },
    /// pad: resample to sw×sh (inside w×h), then center it on a w×h canvas of `color`.
    Pad { sw: u32, sh: u32, w: u32, h: u32, color: Color },
}

impl Plan {
    /// The size the pixels are resampled to, when they are.
    pub fn resampled_size(&self) -> Option<(u32, u32)> {
        match *self {
            Plan::Keep { .. } => None,
            Plan::Scale { w, h } => Some((w, h)),
            Plan::Fill { sw, sh, .. } | Plan::Pad { sw, sh, .. } => Some((sw, sh)),
        }
    }
}

fn scaled(side: u32, f: f64) -> u32 {
    ((f64::from(side) * f).round() as u32).max(1)
}

/// The plan for a `src_w`×`src_h` image.
///
/// Assumptions, after Aliyun's documented behaviour:
/// - only `w` or only `h`: proportional, whatever `m` says (fill/pad/fixed need both sides);
/// - `p`: both sides times p/100;
/// - lfit/pad fit inside w×h, mfit/fill cover it; the side that binds is exact, the other
///   rounded to the nearest pixel (at least 1);
/// - `limit_1` (the default): "目标缩放图大于原图时返回原图" — when the resampling would enlarge
///   (a uniform factor over 1, or for fixed either side over the source's), the image is left
///   exactly as it is, for every mode: no padding, no cropping either. `limit_0` enlarges.
pub fn plan(src_w: u32, src_h: u32, r: &Resize) -> Plan {
    let (sw, sh) = (f64::from(src_w), f64::from(src_h));
    let limit = r.limit.unwrap_or(true);
    let keep = Plan::Keep { refused_enlargement: true };
    let uniform = |f: f64, w: u32, h: u32| -> Plan {
        if limit && f > 1.0 {
            keep
        } else {
            Plan::Scale { w, h }
        }
    };
    let plan = match (r.percent, r.w, r.h) {
        (Some(p), _, _) => {
            let f = f64::from(p) / 100.0;
            uniform(f, scaled(src_w, f), scaled(src_h, f))
        }
        (None, Some(w), None) => {
            let f = f64::from(w) / sw;
            uniform(f, w, scaled(src_h, f))
        }
        (None, None, Some(h)) => {
            let f = f64::from(h) / sh;
            uniform(f, scaled(src_w, f), h)
        }
        (None, Some(w), Some(h)) => {
            let (fw, fh) = (f64::from(w) / sw, f64::from(h) / sh);
            // The fitting (lfit, pad) and covering (mfit, fill) sizes.
            let fit = if fw <= fh { (fw, w, scaled(src_h, fw)) } else { (fh, scaled(src_w, fh), h) };
            let cover = if fw >= fh { (fw, w, scaled(src_h, fw)) } else { (fh, scaled(src_w, fh), h) };
            match r.mode.unwrap_or(ResizeMode::Lfit) {
                ResizeMode::Lfit => uniform(fit.0, fit.1, fit.2),
                ResizeMode::Mfit => uniform(cover.0, cover.1, cover.2),
                ResizeMode::Fixed if limit && (fw > 1.0 || fh > 1.0) => keep,
                ResizeMode::Fixed => Plan::Scale { w, h },
                ResizeMode::Fill if limit && cover.0 > 1.0 => keep,
                ResizeMode::Fill => Plan::Fill { sw: cover.1, sh: cover.2, w, h },
                ResizeMode::Pad if limit && fit.0 > 1.0 => keep,
                ResizeMode::Pad => {
                    Plan::Pad { sw: fit.1, sh: fit.2, w, h, color: r.color.unwrap_or(Color::WHITE) }
                }
            }
        }
        // The parser refuses a resize without w, h or p.
        (None, None, None) => Plan::Keep { refused_enlargement: false },
    };
    match plan {
        Plan::Scale { w, h } if (w, h) == (src_w, src_h) => Plan::Keep { refused_enlargement: false },
        other => other,
    }
}

/// Runs a plan on `img`. `img` may be smaller than the size the plan was made for (a JPEG
/// decoded at 1/2–1/8 size): every size in a plan is absolute, so the result is the same.
pub(crate) fn apply(img: Raster, plan: &Plan) -> Result<Raster, ExecError> {
    match *plan {
        Plan::Keep { .. } => Ok(img),
        Plan::Scale { w, h } => resample(&img, w, h),
        Plan::Fill { sw, sh, w, h } => {
            let scaled = resample(&img, sw, sh)?;
            let (x, y) = ((sw - w.min(sw)) / 2, (sh - h.min(sh)) / 2);
            Ok(scaled.sub(super::raster::Rect { x, y, w: w.min(sw), h: h.min(sh) }))
        }
        Plan::Pad { sw, sh, w, h, color } => {
            let scaled = resample(&img, sw, sh)?;
            let mut canvas = Raster::filled(w, h, scaled.alpha, [color.r, color.g, color.b, 255])?;
            canvas.paste(&scaled, (w - sw) / 2, (h - sh) / 2);
            Ok(canvas)
        }
    }
}

/// Resamples to exactly w×h with a Lanczos3 convolution (alpha-aware for RGBA).
pub(crate) fn resample(img: &Raster, w: u32, h: u32) -> Result<Raster, ExecError> {
    if (w, h) == (img.w, img.h) {
        return Ok(img.clone());
    }
    check_size(w, h)?;
    let pixel = if img.alpha { PixelType::U8x4 } else { PixelType::U8x3 };
    let src = ImageRef::new(img.w, img.h, &img.data, pixel).map_err(ExecError::encode)?;
    let mut dst = Image::new(w, h, pixel);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new().resize(&src, &mut dst, &options).map_err(ExecError::encode)?;
    Ok(Raster { w, h, alpha: img.alpha, data: dst.into_vec() })
}
