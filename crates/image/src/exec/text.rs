//! Drawing a text watermark's text into a transparent RGBA raster with `ab_glyph`.

use std::sync::Arc;

use ab_glyph::{point, Font, GlyphId, PxScale, ScaleFont};

use super::error::ExecError;
use super::fonts::{self, LoadedFont};
use super::raster::{check_size, Raster};
use super::rotate;
use super::Note;
use crate::grammar::{Color, TextMark};

/// The text color when `color` is absent. The ZOS guide's table says "默认：FFFFFF（白色）";
/// Aliyun's and Huawei's manuals say 000000. This engine follows the vendor's own guide.
pub const DEFAULT_COLOR: Color = Color::WHITE;
/// `size` when absent (ZOS guide and Aliyun agree).
pub const DEFAULT_SIZE: u32 = 40;

/// A glyph to draw: which font, which glyph, where on the baseline.
struct Placed {
    font: usize,
    id: GlyphId,
    x: f32,
}

/// Renders `mark`'s text (color, size, rotation; not opacity) and says which font drew it.
pub(crate) fn render(mark: &TextMark, notes: &mut Vec<Note>) -> Result<Raster, ExecError> {
    let choice = fonts::choose(mark.font.as_deref())?;
    let used = choice.font.label.clone();
    notes.push(match (&mark.font, choice.substituted) {
        (Some(requested), true) => Note::FontSubstituted { requested: requested.clone(), used },
        _ => Note::FontUsed { used },
    });
    if choice.no_cjk {
        notes.push(Note::NoCjkFont);
    }
    // A character the chosen font lacks is drawn with the default CJK sans face when that has it.
    let mut faces: Vec<Arc<LoadedFont>> = vec![choice.font];
    if let Some(f) = fonts::cjk_sans() {
        if !Arc::ptr_eq(&f, &faces[0]) {
            faces.push(f);
        }
    }
    let size = mark.size.unwrap_or(DEFAULT_SIZE) as f32;
    // `size` is the em size in pixels (as in CSS and ImageMagick's -pointsize at 72 dpi);
    // ab_glyph's PxScale is the ascent-to-descent height, so convert per font.
    let scales: Vec<PxScale> = faces
        .iter()
        .map(|f| {
            let em = f.font.units_per_em().unwrap_or(1000.0);
            PxScale::from(size * f.font.height_unscaled() / em)
        })
        .collect();

    let mut placed = Vec::new();
    let mut missing = String::new();
    let mut caret = 0.0f32;
    let mut prev: Option<(usize, GlyphId)> = None;
    for c in mark.text.chars().filter(|c| !c.is_control()) {
        let font = faces.iter().position(|f| f.has_glyph(c)).unwrap_or_else(|| {
            if !missing.contains(c) {
                missing.push(c);
            }
            0
        });
        let scaled = faces[font].font.as_scaled(scales[font]);
        let id = scaled.glyph_id(c);
        if let Some((pf, pid)) = prev {
            if pf == font {
                caret += scaled.kern(pid, id);
            }
        }
        placed.push(Placed { font, id, x: caret });
        caret += scaled.h_advance(id);
        prev = Some((font, id));
    }
    if !missing.is_empty() {
        notes.push(Note::MissingGlyphs { chars: missing });
    }

    let used_faces: Vec<usize> = (0..faces.len()).filter(|i| placed.iter().any(|p| p.font == *i)).collect();
    let ascent = used_faces.iter().map(|&i| faces[i].font.as_scaled(scales[i]).ascent()).fold(0.0, f32::max);
    let descent =
        used_faces.iter().map(|&i| faces[i].font.as_scaled(scales[i]).descent()).fold(0.0, f32::min);

    // Outline every glyph, then size the canvas to the advance box joined with the ink.
    let mut outlines = Vec::new();
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f32, 0.0f32, caret, ascent - descent);
    for p in &placed {
        let glyph = p.id.with_scale_and_position(scales[p.font], point(p.x, ascent));
        if let Some(o) = faces[p.font].font.outline_glyph(glyph) {
            let b = o.px_bounds();
            (x0, y0, x1, y1) = (x0.min(b.min.x), y0.min(b.min.y), x1.max(b.max.x), y1.max(b.max.y));
            outlines.push(o);
        }
    }
    let (w, h) = (((x1 - x0).ceil() as u32).max(1), ((y1 - y0).ceil() as u32).max(1));
    // A long text at size 1000 could ask for gigapixels: refuse before allocating.
    check_size(w, h)?;
    let mut coverage = vec![0u8; w as usize * h as usize];
    for o in &outlines {
        let b = o.px_bounds();
        let (ox, oy) = ((b.min.x - x0).round() as i64, (b.min.y - y0).round() as i64);
        o.draw(|gx, gy, c| {
            let (x, y) = (ox + i64::from(gx), oy + i64::from(gy));
            if x >= 0 && y >= 0 && (x as u32) < w && (y as u32) < h {
                let i = y as usize * w as usize + x as usize;
                coverage[i] = coverage[i].max((c.clamp(0.0, 1.0) * 255.0).round() as u8);
            }
        });
    }
    let color = mark.color.unwrap_or(DEFAULT_COLOR);
    let mut data = Vec::with_capacity(coverage.len() * 4);
    for a in coverage {
        data.extend_from_slice(&[color.r, color.g, color.b, a]);
    }
    let text = Raster { w, h, alpha: true, data };
    rotate::rotate(text, mark.rotate.unwrap_or(0), true)
}
