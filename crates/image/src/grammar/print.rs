//! [`Pipeline`] → canonical text. Parameters come in a fixed order per operation, numbers in
//! plain decimal, colors as upper-case hex, names lower-case, base64 URL-safe with padding. Only
//! the fields that are set are written, so printing then parsing gives the same pipeline.

use std::fmt::{self, Display, Formatter, Write};

use super::b64;
use super::parse::PROCESS_MARK;
use super::types::*;

/// The canonical text of a pipeline; the same as `pipeline.to_string()`.
pub fn print(pipeline: &Pipeline) -> String {
    pipeline.to_string()
}

impl Display for Pipeline {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("image")?;
        for step in &self.steps {
            write!(f, "/{step}")?;
        }
        Ok(())
    }
}

impl Display for Color {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// Writes `,name_value` for each set value.
struct Params<'a, 'b> {
    f: &'a mut Formatter<'b>,
}

impl Params<'_, '_> {
    fn put(&mut self, name: &str, value: Option<impl Display>) -> fmt::Result {
        match value {
            Some(v) => write!(self.f, ",{name}_{v}"),
            None => Ok(()),
        }
    }
}

impl Display for Step {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.op_name())?;
        match self {
            Step::Resize(r) => {
                let mut p = Params { f };
                p.put("w", r.w)?;
                p.put("h", r.h)?;
                p.put("p", r.percent)?;
                p.put("m", r.mode.map(ResizeMode::name))?;
                p.put("color", r.color)?;
                p.put("limit", r.limit.map(u8::from))
            }
            Step::Crop(c) => {
                let mut p = Params { f };
                p.put("w", c.w)?;
                p.put("h", c.h)?;
                p.put("x", c.x)?;
                p.put("y", c.y)?;
                p.put("g", c.gravity.map(Gravity::name))
            }
            Step::Rotate(r) => write!(f, ",{}", r.degrees),
            Step::Format(x) => write!(f, ",{}", x.format.name()),
            Step::AutoOrient(a) => write!(f, ",{}", u8::from(a.enabled)),
            Step::Quality(q) => {
                let name = match q.mode {
                    QualityMode::Relative => 'q',
                    QualityMode::Absolute => 'Q',
                };
                write!(f, ",{name}_{}", q.value)
            }
            Step::Info => Ok(()),
            Step::Watermark(w) => {
                let mut p = Params { f };
                match &w.mark {
                    Mark::Text(t) => {
                        p.put("text", Some(b64::encode(t.text.as_bytes())))?;
                        p.put("type", t.font.as_deref().map(b64::print_font))?;
                        p.put("color", t.color)?;
                        p.put("size", t.size)?;
                        p.put("rotate", t.rotate)?;
                    }
                    Mark::Image(m) => {
                        let mut target = m.key.clone();
                        if let Some(process) = &m.process {
                            let _ = write!(target, "{PROCESS_MARK}{process}");
                        }
                        p.put("image", Some(b64::encode(target.as_bytes())))?;
                    }
                }
                p.put("g", w.gravity.map(Gravity::name))?;
                p.put("x", w.x)?;
                p.put("y", w.y)?;
                p.put("t", w.opacity)
            }
        }
    }
}
