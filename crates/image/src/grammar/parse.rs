//! Text → [`Pipeline`]. Steps are separated by `/`, the first prefixed by `image/`; each later
//! step may repeat the `image/` prefix (`image/resize,w_300/image/rotate,90`). A step is
//! `<op>,<param>_<value>,…`, except `rotate`, `format` and `auto-orient`, which take one bare
//! value (`rotate,90`). Names are case-sensitive (`q` and `Q` differ); choice values (format,
//! mode, gravity) and colors are not.

use super::b64;
use super::error::{ParseError, ParseErrorKind as K};
use super::types::*;

/// A piece of the input with its byte offset.
#[derive(Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
}

/// Splits at `sep`, dropping spaces around each piece: the vendor's own manual writes
/// `image/watermark, image_…, t_50`, and a pasted example should work.
fn split(text: &str, start: usize, sep: char) -> Vec<Tok<'_>> {
    let piece = |from: usize, to: usize| {
        let raw = &text[from..to];
        let trimmed = raw.trim_start_matches(' ');
        let lead = raw.len() - trimmed.len();
        Tok { text: trimmed.trim_end_matches(' '), start: start + from + lead }
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if c == sep {
            out.push(piece(from, i));
            from = i + 1;
        }
    }
    out.push(piece(from, text.len()));
    out
}

/// Parses a pipeline such as `image/resize,w_300/rotate,90`.
pub fn parse(text: &str) -> Result<Pipeline, ParseError> {
    parse_pipeline(text, false)
}

fn parse_pipeline(text: &str, nested: bool) -> Result<Pipeline, ParseError> {
    if text.is_empty() {
        return Err(ParseError::new(0, "", 0, K::Empty));
    }
    let segments = split(text, 0, '/');
    if segments[0].text != "image" {
        return Err(ParseError::new(0, segments[0].text, 0, K::MissingPrefix));
    }
    let mut steps = Vec::new();
    let mut after_prefix = true;
    let mut rest = segments[1..].iter().peekable();
    if rest.peek().is_none() {
        return Err(ParseError::new(0, "", text.len(), K::Empty));
    }
    while let Some(seg) = rest.next() {
        let index = steps.len();
        if seg.text == "image" && !after_prefix {
            // An optional repeated prefix; it must be followed by a step.
            if rest.peek().is_none() {
                return Err(ParseError::new(index, "", text.len(), K::Empty));
            }
            after_prefix = true;
            continue;
        }
        after_prefix = false;
        steps.push(parse_step(index, *seg, nested)?);
    }
    if steps.len() > 1 {
        if let Some(i) = steps.iter().position(|s| *s == Step::Info) {
            let tok = step_tokens(text)[i];
            return Err(ParseError::new(i, tok.text, tok.start, K::InfoNotAlone));
        }
    }
    Ok(Pipeline { steps })
}

/// The step segments without prefixes (only used to locate an error after the fact).
fn step_tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut after_prefix = true;
    for seg in split(text, 0, '/').into_iter().skip(1) {
        if seg.text == "image" && !after_prefix {
            after_prefix = true;
            continue;
        }
        after_prefix = false;
        out.push(seg);
    }
    out
}

fn parse_step(index: usize, seg: Tok<'_>, nested: bool) -> Result<Step, ParseError> {
    let err = |tok: Tok<'_>, kind| ParseError::new(index, tok.text, tok.start, kind);
    if seg.text.is_empty() {
        return Err(err(seg, K::Empty));
    }
    let parts = split(seg.text, seg.start, ',');
    let op = parts[0];
    let params = &parts[1..];
    if let Some(p) = params.iter().find(|p| p.text.is_empty()) {
        return Err(err(*p, K::Empty));
    }
    if nested && matches!(op.text, "watermark" | "info") {
        return Err(err(op, K::NotAllowedInWatermark));
    }
    let ctx = StepCtx { index, op };
    match op.text {
        "resize" => ctx.resize(params).map(Step::Resize),
        "crop" => ctx.crop(params).map(Step::Crop),
        "watermark" => ctx.watermark(params).map(Step::Watermark),
        "quality" => ctx.quality(params).map(Step::Quality),
        "rotate" => {
            let v = ctx.bare_value(params)?;
            Ok(Step::Rotate(Rotate { degrees: ctx.number(v, 0, 360)? }))
        }
        "format" => {
            let v = ctx.bare_value(params)?;
            Ok(Step::Format(Format { format: ctx.choice(v, &FileFormat::ALL, FileFormat::name, &["jpeg"])? }))
        }
        "auto-orient" => {
            let v = ctx.bare_value(params)?;
            Ok(Step::AutoOrient(AutoOrient { enabled: ctx.number(v, 0, 1)? == 1 }))
        }
        "info" => match params.first() {
            Some(p) => Err(err(*p, K::UnknownParameter { op: "info".into() })),
            None => Ok(Step::Info),
        },
        "" => Err(err(op, K::Empty)),
        _ => Err(err(op, K::UnknownOperation)),
    }
}

struct StepCtx<'a> {
    index: usize,
    op: Tok<'a>,
}

/// One `name_value` parameter.
#[derive(Clone, Copy)]
struct Param<'a> {
    whole: Tok<'a>,
    name: &'a str,
    value: Tok<'a>,
}

impl<'a> StepCtx<'a> {
    fn err(&self, tok: Tok<'_>, kind: K) -> ParseError {
        ParseError::new(self.index, tok.text, tok.start, kind)
    }

    /// Splits `name_value` parameters, checking names against `known` and refusing repeats.
    fn named(&self, params: &[Tok<'a>], known: &[&str]) -> Result<Vec<Param<'a>>, ParseError> {
        let mut out: Vec<Param<'a>> = Vec::new();
        for &p in params {
            let (name, value) = match p.text.split_once('_') {
                Some((n, v)) => (n, Tok { text: v, start: p.start + n.len() + 1 }),
                None => (p.text, Tok { text: "", start: p.start + p.text.len() }),
            };
            if !known.contains(&name) {
                let name_tok = Tok { text: name, start: p.start };
                return Err(self.err(name_tok, K::UnknownParameter { op: self.op.text.into() }));
            }
            if value.text.is_empty() {
                return Err(self.err(p, K::MissingValue));
            }
            if out.iter().any(|q| q.name == name) {
                return Err(self.err(p, K::Duplicate));
            }
            out.push(Param { whole: p, name, value });
        }
        Ok(out)
    }

    fn bare_value(&self, params: &[Tok<'a>]) -> Result<Tok<'a>, ParseError> {
        match params {
            [] => Err(self.err(self.op, K::MissingValue)),
            [v] => Ok(*v),
            [_, extra, ..] => Err(self.err(*extra, K::UnknownParameter { op: self.op.text.into() })),
        }
    }

    fn number(&self, v: Tok<'_>, min: u32, max: u32) -> Result<u32, ParseError> {
        if v.text.is_empty() || !v.text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.err(v, K::BadNumber));
        }
        // Digits only, so a failure can only be an overflow: out of range as well.
        match v.text.parse::<u64>() {
            Ok(n) if n >= u64::from(min) && n <= u64::from(max) => Ok(n as u32),
            _ => Err(self.err(v, K::OutOfRange { min, max })),
        }
    }

    fn choice<T: Copy>(
        &self,
        v: Tok<'_>,
        all: &[T],
        name: fn(T) -> &'static str,
        aliases: &[&str],
    ) -> Result<T, ParseError> {
        if let Some(t) = all.iter().copied().find(|t| name(*t).eq_ignore_ascii_case(v.text)) {
            return Ok(t);
        }
        // The only alias: `jpeg` for `jpg`.
        if aliases.iter().any(|a| a.eq_ignore_ascii_case(v.text)) {
            return Ok(all[0]);
        }
        let allowed = all.iter().map(|t| name(*t).to_string()).collect();
        Err(self.err(v, K::BadChoice { allowed }))
    }

    fn color(&self, v: Tok<'_>) -> Result<Color, ParseError> {
        let t = v.text;
        if t.len() != 6 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.err(v, K::BadColor));
        }
        let byte = |i: usize| u8::from_str_radix(&t[i..i + 2], 16).unwrap_or(0);
        Ok(Color { r: byte(0), g: byte(2), b: byte(4) })
    }

    fn gravity(&self, v: Tok<'_>) -> Result<Gravity, ParseError> {
        self.choice(v, &Gravity::ALL, Gravity::name, &[])
    }

    fn resize(&self, params: &[Tok<'a>]) -> Result<Resize, ParseError> {
        let mut r = Resize::default();
        let ps = self.named(params, &["w", "h", "m", "p", "limit", "color"])?;
        for p in &ps {
            match p.name {
                "w" => r.w = Some(self.number(p.value, 1, 4096)?),
                "h" => r.h = Some(self.number(p.value, 1, 4096)?),
                "p" => r.percent = Some(self.number(p.value, 1, 1000)?),
                "limit" => r.limit = Some(self.number(p.value, 0, 1)? == 1),
                "color" => r.color = Some(self.color(p.value)?),
                _ => r.mode = Some(self.choice(p.value, &ResizeMode::ALL, ResizeMode::name, &[])?),
            }
        }
        if r.w.is_none() && r.h.is_none() && r.percent.is_none() {
            let one_of = vec!["w".into(), "h".into(), "p".into()];
            return Err(self.err(self.op, K::MissingRequired { one_of }));
        }
        // Aliyun lets w/h win over p silently; a pipeline that says both is more likely a
        // mistake, so it is refused here.
        if r.percent.is_some() && (r.w.is_some() || r.h.is_some()) {
            let p = ps.iter().find(|p| p.name == "p").map(|p| p.whole).unwrap_or(self.op);
            let with = if r.w.is_some() { "w" } else { "h" };
            return Err(self.err(p, K::Conflict { with: with.into() }));
        }
        Ok(r)
    }

    fn crop(&self, params: &[Tok<'a>]) -> Result<Crop, ParseError> {
        let mut c = Crop::default();
        // The vendor allows w/h from 0; an empty crop means nothing, so 1 is the minimum. 30000
        // is the vendor's largest image side.
        for p in self.named(params, &["w", "h", "x", "y", "g"])? {
            match p.name {
                "w" => c.w = Some(self.number(p.value, 1, 30000)?),
                "h" => c.h = Some(self.number(p.value, 1, 30000)?),
                "x" => c.x = Some(self.number(p.value, 0, 30000)?),
                "y" => c.y = Some(self.number(p.value, 0, 30000)?),
                _ => c.gravity = Some(self.gravity(p.value)?),
            }
        }
        if c.w.is_none() && c.h.is_none() {
            return Err(self.err(self.op, K::MissingRequired { one_of: vec!["w".into(), "h".into()] }));
        }
        Ok(c)
    }

    fn quality(&self, params: &[Tok<'a>]) -> Result<Quality, ParseError> {
        let ps = self.named(params, &["q", "Q"])?;
        match ps.as_slice() {
            [] => Err(self.err(self.op, K::MissingRequired { one_of: vec!["q".into(), "Q".into()] })),
            [p] => {
                let mode = if p.name == "q" { QualityMode::Relative } else { QualityMode::Absolute };
                Ok(Quality { mode, value: self.number(p.value, 1, 100)? })
            }
            [a, b, ..] => Err(self.err(b.whole, K::Conflict { with: a.name.into() })),
        }
    }

    fn watermark(&self, params: &[Tok<'a>]) -> Result<Watermark, ParseError> {
        const TEXT_ONLY: [&str; 5] = ["text", "type", "color", "size", "rotate"];
        let ps =
            self.named(params, &["t", "x", "y", "g", "image", "text", "type", "color", "size", "rotate"])?;
        let mut opacity = None;
        let (mut x, mut y, mut gravity) = (None, None, None);
        let mut image: Option<ImageMark> = None;
        let mut tm = TextMark { text: String::new(), font: None, color: None, size: None, rotate: None };
        for p in &ps {
            match p.name {
                "t" => opacity = Some(self.number(p.value, 0, 100)?),
                "x" => x = Some(self.number(p.value, 0, 4096)?),
                "y" => y = Some(self.number(p.value, 0, 4096)?),
                "g" => gravity = Some(self.gravity(p.value)?),
                "image" => image = Some(self.image_mark(p.value)?),
                "text" => {
                    let bytes = b64::decode(p.value.text).ok_or_else(|| self.err(p.value, K::BadBase64))?;
                    tm.text = String::from_utf8(bytes).map_err(|_| self.err(p.value, K::BadText))?;
                }
                "type" => {
                    tm.font =
                        Some(b64::parse_font(p.value.text).ok_or_else(|| self.err(p.value, K::BadText))?)
                }
                "color" => tm.color = Some(self.color(p.value)?),
                // The vendor's range starts at 0; a 0-pixel text draws nothing, so 1.
                "size" => tm.size = Some(self.number(p.value, 1, 1000)?),
                _ => tm.rotate = Some(self.number(p.value, 0, 360)?),
            }
        }
        let has_text = ps.iter().any(|p| p.name == "text");
        let mark = match image {
            // Aliyun can mix a text and an image in one watermark; ZOS documents them apart, and
            // so does this engine: text parameters beside `image` are refused.
            Some(m) => match ps.iter().find(|p| TEXT_ONLY.contains(&p.name)) {
                Some(p) => return Err(self.err(p.whole, K::Conflict { with: "image".into() })),
                None => Mark::Image(m),
            },
            None if has_text => Mark::Text(tm),
            None => {
                let one_of = vec!["text".into(), "image".into()];
                return Err(self.err(self.op, K::MissingRequired { one_of }));
            }
        };
        Ok(Watermark { opacity, x, y, gravity, mark })
    }

    /// `image_<base64 of "key" or "key?x-zos-process=<pipeline>">`.
    fn image_mark(&self, v: Tok<'_>) -> Result<ImageMark, ParseError> {
        let bytes = b64::decode(v.text).ok_or_else(|| self.err(v, K::BadBase64))?;
        let s = String::from_utf8(bytes).map_err(|_| self.err(v, K::BadText))?;
        let (key, process) = match s.split_once(PROCESS_MARK) {
            Some((k, p)) => (k, Some(p)),
            None => (s.as_str(), None),
        };
        if key.is_empty() {
            return Err(self.err(v, K::Empty));
        }
        let process = match process {
            None => None,
            Some(p) => {
                Some(parse_pipeline(p, true).map_err(|e| self.err(v, K::Nested { error: Box::new(e) }))?)
            }
        };
        Ok(ImageMark { key: key.to_string(), process })
    }
}

/// What separates a watermark's key from its own pipeline inside `image_`.
pub(crate) const PROCESS_MARK: &str = "?x-zos-process=";
