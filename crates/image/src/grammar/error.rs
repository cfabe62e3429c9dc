//! Why a pipeline text was refused: which step, which token, where, and a kind the UI can
//! translate. [`ParseError::message`] is the English wording.

use std::fmt;

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ParseError {
    /// 0-based index of the step (the `image/` prefix is not a step).
    pub step: u32,
    /// The offending text: a whole parameter, a parameter's name or its value.
    pub token: String,
    /// Byte offsets of `token` in the text that was parsed.
    pub start: u32,
    pub end: u32,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ParseErrorKind {
    /// Nothing where a pipeline, a step or a parameter was expected.
    Empty,
    /// The text does not start with `image/`.
    MissingPrefix,
    UnknownOperation,
    UnknownParameter {
        op: String,
    },
    /// `w` or `w_` without a value, or `rotate` without its degrees.
    MissingValue,
    /// Not a whole decimal number.
    BadNumber,
    OutOfRange {
        min: u32,
        max: u32,
    },
    /// Not six hexadecimal digits.
    BadColor,
    BadBase64,
    /// Base64 that decodes to bytes that are not UTF-8 text.
    BadText,
    BadChoice {
        allowed: Vec<String>,
    },
    /// The same parameter twice in one step.
    Duplicate,
    /// Two parameters that cannot go together.
    Conflict {
        with: String,
    },
    /// A step that needs one of these parameters has none.
    MissingRequired {
        one_of: Vec<String>,
    },
    /// `info` can only be alone.
    InfoNotAlone,
    /// An operation a watermark's own pipeline cannot contain.
    NotAllowedInWatermark,
    /// The pipeline of an image watermark is itself invalid.
    Nested {
        error: Box<ParseError>,
    },
    /// A typed pipeline that the text form cannot express (from [`crate::Pipeline::validate`]).
    NotCanonical,
}

impl ParseError {
    pub(crate) fn new(step: usize, token: &str, start: usize, kind: ParseErrorKind) -> Self {
        ParseError {
            step: step as u32,
            token: token.to_string(),
            start: start as u32,
            end: (start + token.len()) as u32,
            kind,
        }
    }

    pub(crate) fn not_canonical(text: &str) -> Self {
        ParseError::new(0, text, 0, ParseErrorKind::NotCanonical)
    }

    /// One English sentence: what is wrong, with the token and its position.
    pub fn message(&self) -> String {
        let what = match &self.kind {
            ParseErrorKind::Empty => "nothing here; expected an operation or a parameter".to_string(),
            ParseErrorKind::MissingPrefix => "a pipeline starts with \"image/\"".to_string(),
            ParseErrorKind::UnknownOperation => {
                "unknown operation (known: resize, crop, rotate, watermark, format, quality, auto-orient, info)"
                    .to_string()
            }
            ParseErrorKind::UnknownParameter { op } => format!("\"{op}\" has no such parameter"),
            ParseErrorKind::MissingValue => "a value is missing".to_string(),
            ParseErrorKind::BadNumber => "not a whole number".to_string(),
            ParseErrorKind::OutOfRange { min, max } => format!("must be between {min} and {max}"),
            ParseErrorKind::BadColor => "a color is six hexadecimal digits, like FF0000".to_string(),
            ParseErrorKind::BadBase64 => "not URL-safe base64".to_string(),
            ParseErrorKind::BadText => "the base64 does not decode to UTF-8 text".to_string(),
            ParseErrorKind::BadChoice { allowed } => format!("must be one of {}", allowed.join(", ")),
            ParseErrorKind::Duplicate => "this parameter is given twice".to_string(),
            ParseErrorKind::Conflict { with } => format!("cannot be combined with \"{with}\""),
            ParseErrorKind::MissingRequired { one_of } => {
                format!("needs at least one of {}", one_of.join(", "))
            }
            ParseErrorKind::InfoNotAlone => "\"info\" must be the only operation".to_string(),
            ParseErrorKind::NotAllowedInWatermark => {
                "a watermark image's own pipeline cannot contain this operation".to_string()
            }
            ParseErrorKind::Nested { error } => {
                format!("the watermark image's pipeline is invalid: {}", error.message())
            }
            ParseErrorKind::NotCanonical => "this pipeline cannot be written as text".to_string(),
        };
        format!("step {}, \"{}\" at byte {}: {}", self.step + 1, self.token, self.start, what)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ParseError {}
