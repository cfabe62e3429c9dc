//! The engine's pixels: 8-bit RGB or RGBA (straight alpha), rows packed, no padding. Every
//! decoded image is brought to one of these two (16-bit and grey sources are reduced to 8-bit
//! RGB(A); the output is 8-bit).

use image::DynamicImage;

use super::error::ExecError;
use crate::grammar::Color;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raster {
    pub w: u32,
    pub h: u32,
    pub alpha: bool,
    pub data: Vec<u8>,
}

/// A rectangle inside a raster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Raster {
    pub fn channels(&self) -> usize {
        if self.alpha {
            4
        } else {
            3
        }
    }

    pub fn filled(w: u32, h: u32, alpha: bool, px: [u8; 4]) -> Result<Raster, ExecError> {
        check_size(w, h)?;
        let n = if alpha { 4 } else { 3 };
        let data = px[..n].repeat(w as usize * h as usize);
        Ok(Raster { w, h, alpha, data })
    }

    pub fn from_dynamic(img: DynamicImage) -> Raster {
        let (w, h) = (img.width(), img.height());
        if img.color().has_alpha() {
            Raster { w, h, alpha: true, data: img.into_rgba8().into_raw() }
        } else {
            Raster { w, h, alpha: false, data: img.into_rgb8().into_raw() }
        }
    }

    /// The same pixels with an alpha channel (opaque where there was none).
    pub fn into_rgba(self) -> Raster {
        if self.alpha {
            return self;
        }
        let mut data = Vec::with_capacity(self.w as usize * self.h as usize * 4);
        for px in self.data.chunks_exact(3) {
            data.extend_from_slice(&[px[0], px[1], px[2], 255]);
        }
        Raster { data, alpha: true, ..self }
    }

    /// Without alpha, composited over `bg` (JPEG has no alpha: transparent parts become `bg`).
    pub fn flatten(self, bg: Color) -> Raster {
        if !self.alpha {
            return self;
        }
        let bg = [bg.r, bg.g, bg.b];
        let mut data = Vec::with_capacity(self.w as usize * self.h as usize * 3);
        for px in self.data.chunks_exact(4) {
            let a = u32::from(px[3]);
            for c in 0..3 {
                data.push(((u32::from(px[c]) * a + u32::from(bg[c]) * (255 - a) + 127) / 255) as u8);
            }
        }
        Raster { data, alpha: false, ..self }
    }

    /// A copy of `r`, which must lie inside.
    pub fn sub(&self, r: Rect) -> Raster {
        let n = self.channels();
        let row = r.w as usize * n;
        let mut data = Vec::with_capacity(row * r.h as usize);
        for y in r.y..r.y + r.h {
            let from = (y as usize * self.w as usize + r.x as usize) * n;
            data.extend_from_slice(&self.data[from..from + row]);
        }
        Raster { w: r.w, h: r.h, alpha: self.alpha, data }
    }

    /// Copies `src` (same channel count) with its top-left at (x, y), which must fit.
    pub fn paste(&mut self, src: &Raster, x: u32, y: u32) {
        let n = self.channels();
        let row = src.w as usize * n;
        for sy in 0..src.h as usize {
            let to = ((y as usize + sy) * self.w as usize + x as usize) * n;
            self.data[to..to + row].copy_from_slice(&src.data[sy * row..(sy + 1) * row]);
        }
    }
}

/// Refuses images over [`crate::MAX_PIXELS`] before anything is allocated for them.
pub(crate) fn check_size(w: u32, h: u32) -> Result<(), ExecError> {
    if u64::from(w) * u64::from(h) > crate::MAX_PIXELS {
        return Err(ExecError::too_large(w, h));
    }
    Ok(())
}
