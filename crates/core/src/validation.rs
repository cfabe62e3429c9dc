//! Problems found in user input before any request is sent. Each names the field (a path in the
//! shape of the expert JSON view, e.g. `CORSRules[2].AllowedOrigins[0]`) and a [`ProblemCode`]
//! that the UI turns into a zh-CN/en sentence (a code without a sentence fails the UI's type
//! check). `limit` carries the number the sentence needs ("at most 50 tags").

use crate::error::{AppError, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum ProblemCode {
    /// Must be given.
    Required,
    /// More items than allowed (`limit`).
    TooMany,
    /// Longer than allowed (`limit`, in UTF-8 bytes where the server counts bytes).
    TooLong,
    /// The same key twice.
    Duplicate,
    /// Not one of the allowed words.
    NotAllowed,
    /// More than one `*` where the server allows one.
    TooManyWildcards,
    /// A number out of its range (`limit` is the bound that was crossed).
    OutOfRange,
    /// Two fields that exclude each other are both set (both redirect kinds, …).
    Exclusive,
    /// An HTTP status code of the wrong class (a routing condition must be 4xx, a redirect 3xx).
    WrongStatusClass,
    /// Not a usable value of its kind (an IP range, an ARN, a host name, …); `detail` says why.
    Malformed,
    /// The expert text is not valid JSON (`line`, `column`; `detail` explains common mistakes).
    JsonSyntax,
    /// Valid JSON that is not this configuration (an unknown field, a wrong type).
    JsonShape,
    // --- not errors: the UI asks the user to confirm before sending ---
    /// The bucket owner would lose FULL_CONTROL.
    OwnerLosesFullControl,
    /// Anyone on the internet could write (and overwrite or delete).
    PublicWrite,
}

impl ProblemCode {
    /// Problems the user may knowingly accept (the UI confirms); all others block sending.
    pub fn needs_confirmation_only(self) -> bool {
        matches!(self, ProblemCode::OwnerLosesFullControl | ProblemCode::PublicWrite)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub field: String,
    pub code: ProblemCode,
    pub limit: Option<u32>,
    /// 1-based position in the expert text, for syntax errors.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// English technical detail (the offending value, the parser's words).
    pub detail: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, code: ProblemCode) -> Self {
        Self { field: field.into(), code, limit: None, line: None, column: None, detail: String::new() }
    }

    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(u32::try_from(limit).unwrap_or(u32::MAX));
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// Collects problems while a model is walked.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn required(&mut self, field: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.push(Problem::new(field, ProblemCode::Required));
        }
    }

    /// Byte length, as radosgw counts (a 43-character Chinese tag key is 129 bytes: refused).
    pub fn max_bytes(&mut self, field: impl Into<String>, value: &str, limit: usize) {
        if value.len() > limit {
            self.push(
                Problem::new(field, ProblemCode::TooLong)
                    .limit(limit)
                    .detail(format!("{} bytes", value.len())),
            );
        }
    }

    pub fn max_items<T>(&mut self, field: impl Into<String>, items: &[T], limit: usize) {
        if items.len() > limit {
            self.push(
                Problem::new(field, ProblemCode::TooMany)
                    .limit(limit)
                    .detail(format!("{} given", items.len())),
            );
        }
    }

    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }
}

/// `Err(InvalidInput)` naming the first blocking problem (the UI checks first and shows all;
/// this is the guard that nothing invalid is ever sent, whatever the caller).
pub fn refuse_if_blocking(problems: &[Problem]) -> Result<()> {
    match problems.iter().find(|p| !p.code.needs_confirmation_only()) {
        None => Ok(()),
        Some(p) => Err(AppError::invalid_input(format!(
            "{}: {:?}{}{}",
            if p.field.is_empty() { "the document" } else { &p.field },
            p.code,
            p.limit.map(|l| format!(" (limit {l})")).unwrap_or_default(),
            if p.detail.is_empty() { String::new() } else { format!(": {}", p.detail) }
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_blocking_problems_refuse() {
        assert!(refuse_if_blocking(&[Problem::new("Grants", ProblemCode::OwnerLosesFullControl)]).is_ok());
        let err = refuse_if_blocking(&[Problem::new("TagSet", ProblemCode::TooMany).limit(50)]).unwrap_err();
        assert_eq!(err.code, crate::ErrorCode::InvalidInput);
        assert!(err.detail.contains("TagSet") && err.detail.contains("50"), "{}", err.detail);
    }

    #[test]
    fn lengths_are_bytes() {
        let mut p = Problems::default();
        p.max_bytes("Key", &"键".repeat(42), 128);
        assert!(p.0.is_empty());
        p.max_bytes("Key", &"键".repeat(43), 128);
        assert_eq!(p.0[0].code, ProblemCode::TooLong);
    }
}
