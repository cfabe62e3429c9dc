//! `rotate` and `auto-orient`. Multiples of 90° move pixels exactly; other angles resample with
//! bilinear inverse mapping onto a canvas grown to the rotated bounding box. The uncovered
//! corners are transparent when the output keeps alpha (PNG, WebP, …), else white — as Aliyun
//! does.

use super::error::ExecError;
use super::raster::Raster;

/// Clockwise rotation by `degrees` (0–360). `transparent`: the background of arbitrary angles.
pub(crate) fn rotate(img: Raster, degrees: u32, transparent: bool) -> Result<Raster, ExecError> {
    match degrees % 360 {
        0 => Ok(img),
        90 => Ok(remap(&img, Turn::Cw90)),
        180 => Ok(remap(&img, Turn::Half)),
        270 => Ok(remap(&img, Turn::Cw270)),
        d => arbitrary(&img, f64::from(d), transparent),
    }
}

/// The size of `w`×`h` rotated by `degrees`: the bounding box, rounded up.
pub fn rotated_size(w: u32, h: u32, degrees: u32) -> (u32, u32) {
    match degrees % 360 {
        0 | 180 => (w, h),
        90 | 270 => (h, w),
        d => {
            let t = f64::from(d).to_radians();
            let (c, s) = (t.cos().abs(), t.sin().abs());
            let (w, h) = (f64::from(w), f64::from(h));
            // The epsilon keeps exact sizes from rounding up by float noise.
            let side = |v: f64| ((v - 1e-6).ceil() as u32).max(1);
            (side(w * c + h * s), side(w * s + h * c))
        }
    }
}

#[derive(Clone, Copy)]
enum Turn {
    Cw90,
    Half,
    Cw270,
    FlipH,
    FlipV,
}

/// Moves whole pixels: the lossless turns and flips.
fn remap(img: &Raster, t: Turn) -> Raster {
    if img.alpha {
        remap_n::<4>(img, t)
    } else {
        remap_n::<3>(img, t)
    }
}

fn remap_n<const N: usize>(img: &Raster, t: Turn) -> Raster {
    let (w, h) = (img.w as usize, img.h as usize);
    let (ow, oh) = match t {
        Turn::Cw90 | Turn::Cw270 => (h, w),
        _ => (w, h),
    };
    let (src, _) = img.data.as_chunks::<N>();
    let mut out = vec![[0u8; N]; ow * oh];
    // In 64×64 tiles, so that the side read (or written) across rows stays in cache.
    const TILE: usize = 64;
    for ty in (0..oh).step_by(TILE) {
        for tx in (0..ow).step_by(TILE) {
            for oy in ty..(ty + TILE).min(oh) {
                for ox in tx..(tx + TILE).min(ow) {
                    let (sx, sy) = match t {
                        Turn::Cw90 => (oy, h - 1 - ox),
                        Turn::Cw270 => (w - 1 - oy, ox),
                        Turn::Half => (w - 1 - ox, h - 1 - oy),
                        Turn::FlipH => (w - 1 - ox, oy),
                        Turn::FlipV => (ox, h - 1 - oy),
                    };
                    out[oy * ow + ox] = src[sy * w + sx];
                }
            }
        }
    }
    Raster { w: ow as u32, h: oh as u32, alpha: img.alpha, data: out.into_flattened() }
}

/// Applies an EXIF orientation (1–8) so the pixels stand the way the tag says they are shown.
pub(crate) fn orient(img: Raster, orientation: u8) -> Raster {
    match orientation {
        2 => remap(&img, Turn::FlipH),
        3 => remap(&img, Turn::Half),
        4 => remap(&img, Turn::FlipV),
        // 5 is a transpose: a quarter turn clockwise, then a mirror; 7 the other diagonal.
        5 => remap(&remap(&img, Turn::Cw90), Turn::FlipH),
        6 => remap(&img, Turn::Cw90),
        7 => remap(&remap(&img, Turn::Cw270), Turn::FlipH),
        8 => remap(&img, Turn::Cw270),
        _ => img,
    }
}

/// Whether an orientation swaps width and height.
pub(crate) fn orientation_swaps(orientation: Option<u8>) -> bool {
    matches!(orientation, Some(5..=8))
}

fn arbitrary(img: &Raster, degrees: f64, transparent: bool) -> Result<Raster, ExecError> {
    let (ow, oh) = rotated_size(img.w, img.h, degrees as u32);
    // Alpha out when the background is transparent or the source has alpha; the samples are
    // premultiplied so that edges do not pick up the color of transparent pixels.
    let alpha = transparent || img.alpha;
    let bg: [f32; 4] = if transparent { [0.0; 4] } else { [255.0; 4] };
    let mut out = Raster::filled(ow, oh, alpha, [0, 0, 0, 0])?;
    let n_in = img.channels();
    let n_out = out.channels();
    let (iw, ih) = (img.w as i64, img.h as i64);
    let pixel = |x: i64, y: i64| -> [f32; 4] {
        if x < 0 || y < 0 || x >= iw || y >= ih {
            return bg;
        }
        let i = (y as usize * img.w as usize + x as usize) * n_in;
        let p = &img.data[i..i + n_in];
        if n_in == 4 {
            let a = f32::from(p[3]);
            let k = a / 255.0;
            [f32::from(p[0]) * k, f32::from(p[1]) * k, f32::from(p[2]) * k, a]
        } else {
            [f32::from(p[0]), f32::from(p[1]), f32::from(p[2]), 255.0]
        }
    };
    let t = degrees.to_radians();
    let (c, s) = (t.cos(), t.sin());
    let (icx, icy) = (f64::from(img.w) / 2.0, f64::from(img.h) / 2.0);
    let (ocx, ocy) = (f64::from(ow) / 2.0, f64::from(oh) / 2.0);
    for oy in 0..oh as usize {
        let dy = oy as f64 + 0.5 - ocy;
        for ox in 0..ow as usize {
            let dx = ox as f64 + 0.5 - ocx;
            // Inverse of a clockwise turn (y points down), back to pixel-center coordinates.
            let sx = dx * c + dy * s + icx - 0.5;
            let sy = -dx * s + dy * c + icy - 0.5;
            let (x0, y0) = (sx.floor(), sy.floor());
            if x0 < -1.0 || y0 < -1.0 || x0 >= iw as f64 || y0 >= ih as f64 {
                continue_bg(&mut out.data, (oy * ow as usize + ox) * n_out, bg, n_out);
                continue;
            }
            let (fx, fy) = ((sx - x0) as f32, (sy - y0) as f32);
            let (x0, y0) = (x0 as i64, y0 as i64);
            let (p00, p10, p01, p11) =
                (pixel(x0, y0), pixel(x0 + 1, y0), pixel(x0, y0 + 1), pixel(x0 + 1, y0 + 1));
            let mut v = [0f32; 4];
            for k in 0..4 {
                let top = p00[k] + (p10[k] - p00[k]) * fx;
                let bottom = p01[k] + (p11[k] - p01[k]) * fx;
                v[k] = top + (bottom - top) * fy;
            }
            let d = (oy * ow as usize + ox) * n_out;
            let px = &mut out.data[d..d + n_out];
            if n_out == 4 {
                let a = v[3];
                let k = if a > 0.0 { 255.0 / a } else { 0.0 };
                for ch in 0..3 {
                    px[ch] = (v[ch] * k).round().clamp(0.0, 255.0) as u8;
                }
                px[3] = a.round().clamp(0.0, 255.0) as u8;
            } else {
                for ch in 0..3 {
                    px[ch] = v[ch].round().clamp(0.0, 255.0) as u8;
                }
            }
        }
    }
    Ok(out)
}

fn continue_bg(data: &mut [u8], at: usize, bg: [f32; 4], n: usize) {
    for (ch, b) in data[at..at + n].iter_mut().enumerate() {
        *b = bg[ch] as u8;
    }
}
