//! Why a query does not parse, where, and an English sentence naming the culprit.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::fmt;

/// `token` is always `query[start..end]` (byte offsets, as in zos-image's errors); for an
/// error at the end of the text, `start == end == query.len()` and `token` is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchParseError")]
pub struct ParseError {
    pub start: u32,
    pub end: u32,
    pub token: String,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
#[serde(rename = "SearchParseErrorKind")]
pub enum ParseErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// The text stops where one of `expected` should come.
    UnexpectedEnd {
        expected: Vec<String>,
    },
    UnexpectedToken {
        expected: Vec<String>,
    },
    UnknownField,
    /// An operator other than `<`, `<=`, `==`, `>=`, `>` (`!=` included: see [`crate::Op`]).
    BadOperator,
    /// Not a whole decimal number from 0 to 9223372036854775807.
    BadNumber,
    BadDate,
    /// A `(` never closed (the token is that `(`), or a `)` with no `(`.
    UnbalancedParen,
    /// `field op` with no value after it; the token is `field op`.
    EmptyValue,
    /// A value starting with `"` or `'`: the server has no quoting and would search for the
    /// quote (and stop the value at the first space).
    QuotedValue,
    TooDeep {
        max: u32,
    },
    TooLong {
        max: u32,
    },
    /// From [`crate::Query::validate`]: the condition does not read back as itself (e.g. a
    /// value with a space, or a number with leading zeros). The token is the printed condition.
    NotCanonical,
}

impl ParseError {
    pub(crate) fn new(src: &str, (start, end): (usize, usize), kind: ParseErrorKind) -> Self {
        ParseError { start: start as u32, end: end as u32, token: src[start..end].to_string(), kind }
    }

    pub fn message(&self) -> String {
        let t = &self.token;
        let at = self.start;
        match &self.kind {
            ParseErrorKind::Empty => "The query is empty.".into(),
            ParseErrorKind::UnexpectedEnd { expected } => {
                format!("The query ends too early: expected {}.", one_of(expected))
            }
            ParseErrorKind::UnexpectedToken { expected } => {
                format!("Unexpected '{t}' at {at}: expected {}.", one_of(expected))
            }
            ParseErrorKind::UnknownField => format!(
                "Unknown field '{t}' at {at}: use bucket, name, instance, size, mtime, \
                 storage_class, content_type, versioned_epoch or x-amz-meta-<name>."
            ),
            ParseErrorKind::BadOperator if t == "!=" => {
                format!("'!=' at {at} is not supported by metadata search: use <, <=, ==, >= or >.")
            }
            ParseErrorKind::BadOperator => {
                format!("'{t}' at {at} is not an operator: use <, <=, ==, >= or >.")
            }
            ParseErrorKind::BadNumber => format!(
                "'{t}' at {at} is not a whole number: write digits only, such as 1048576 \
                 (no units, no sign)."
            ),
            ParseErrorKind::BadDate => format!(
                "'{t}' at {at} is not a date: write 2026-12-01, 2026-12-01T10:00:00Z or \
                 2026-12-01T18:00:00+08:00."
            ),
            ParseErrorKind::UnbalancedParen if t == "(" => format!("The '(' at {at} is never closed."),
            ParseErrorKind::UnbalancedParen => format!("The '{t}' at {at} has no matching '('."),
            ParseErrorKind::EmptyValue => format!("'{t}' at {at} has no value after the operator."),
            ParseErrorKind::QuotedValue => format!(
                "{t} at {at} is quoted, but quotes are not part of the syntax: the server would \
                 search for them too. Remove them; a value ends at a space or ')'."
            ),
            ParseErrorKind::TooDeep { max } => {
                format!("The '(' at {at} nests parentheses deeper than {max} levels.")
            }
            ParseErrorKind::TooLong { max } => format!("The query is longer than {max} bytes."),
            ParseErrorKind::NotCanonical => format!(
                "The condition '{t}' cannot be written as a query: a value may not be empty or \
                 contain spaces or ')', and numbers and dates must be in their canonical form."
            ),
        }
    }
}

fn one_of(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
    match quoted.split_last() {
        None => "more".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ParseError {}
