//! `crop`. The vendor's rule (the ZOS guide and its online manual, like Aliyun's): `g` picks the
//! top-left corner of one cell of a 3×3 grid laid over the image as the origin, e.g. `g_se` is
//! (⌊2W/3⌋, ⌊2H/3⌋), not the bottom-right corner; `x`/`y` move right/down from it; `w`/`h`
//! default to "up to the edge" and are clamped to the image. An origin outside the image is an
//! error, as it would leave nothing.

use super::error::{ExecError, ExecErrorKind};
use super::raster::{Raster, Rect};
use crate::grammar::{Crop, Gravity};

pub(crate) fn rect(img_w: u32, img_h: u32, c: &Crop) -> Result<Rect, ExecError> {
    let (col, row) = c.gravity.unwrap_or(Gravity::Nw).cell();
    // u64: 30000 × 2 fits u32, but keep the arithmetic obviously safe.
    let ox = u64::from(img_w) * u64::from(col) / 3 + u64::from(c.x.unwrap_or(0));
    let oy = u64::from(img_h) * u64::from(row) / 3 + u64::from(c.y.unwrap_or(0));
    if ox >= u64::from(img_w) || oy >= u64::from(img_h) {
        return Err(ExecError::new(
            ExecErrorKind::CropOutside { width: img_w, height: img_h },
            format!("the crop starts at ({ox}, {oy}), outside the {img_w}×{img_h} image"),
        ));
    }
    let (ox, oy) = (ox as u32, oy as u32);
    let w = c.w.unwrap_or(u32::MAX).min(img_w - ox);
    let h = c.h.unwrap_or(u32::MAX).min(img_h - oy);
    Ok(Rect { x: ox, y: oy, w, h })
}

pub(crate) fn apply(img: Raster, c: &Crop) -> Result<Raster, ExecError> {
    let r = rect(img.w, img.h, c)?;
    if (r.x, r.y, r.w, r.h) == (0, 0, img.w, img.h) {
        return Ok(img);
    }
    Ok(img.sub(r))
}
