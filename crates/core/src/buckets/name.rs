//! The bucket-name rule, in one place. The server's rule is the strict S3 one (radosgw with its
//! default `rgw relaxed s3 bucket names = false`, measured: test-server trap 14): 3–63
//! characters of lowercase letters, digits, `.` and `-`; a letter or digit first and last; no
//! `..`, `.-` or `-.`; not an IP address. The vendor guide also allows `_` and capitals (a ZOS server may run
//! with relaxed names): such names are offered with a warning, not as valid, and the server's
//! answer decides.

use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum BucketNameVerdict {
    /// Follows the strict S3 rule: every S3 server takes it.
    Valid,
    /// Only a server with relaxed bucket names takes it (the guide's `_` and capitals).
    RelaxedOnly,
    /// No server takes it; nothing is sent.
    Invalid,
}

/// Why a name is not strictly valid; the UI has one sentence per reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum BucketNameProblem {
    TooShort,
    TooLong,
    /// A character outside letters, digits, `.`, `-` and `_` (named in `part`).
    BadCharacter,
    /// `_` (relaxed servers only).
    Underscore,
    /// Capital letters (relaxed servers only).
    UpperCase,
    /// Not a letter or digit first.
    BadStart,
    /// Not a letter or digit last.
    BadEnd,
    /// Two dots in a row.
    DoubleDot,
    /// A dot next to a dash (`.-` or `-.`), which radosgw refuses (measured).
    DotNextToDash,
    /// Looks like an IPv4 address.
    IpAddress,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BucketNameCheck {
    pub verdict: BucketNameVerdict,
    /// The first problem, for the sentence (`None` when valid).
    pub problem: Option<BucketNameProblem>,
    /// The part at fault (a bad character), for the sentence.
    pub part: Option<String>,
}

fn looks_like_ipv4(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

pub fn check_bucket_name(name: &str) -> BucketNameCheck {
    use BucketNameProblem::*;
    let verdict_of = |problem: BucketNameProblem, part: Option<String>| BucketNameCheck {
        verdict: if matches!(problem, Underscore | UpperCase) {
            BucketNameVerdict::RelaxedOnly
        } else {
            BucketNameVerdict::Invalid
        },
        problem: Some(problem),
        part,
    };
    let len = name.chars().count();
    if len < 3 {
        return verdict_of(TooShort, None);
    }
    if len > 63 {
        return verdict_of(TooLong, None);
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || "-_.".contains(*c))) {
        return verdict_of(BadCharacter, Some(c.to_string()));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return verdict_of(BadStart, name.chars().next().map(String::from));
    }
    if !name.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return verdict_of(BadEnd, name.chars().last().map(String::from));
    }
    if name.contains("..") {
        return verdict_of(DoubleDot, None);
    }
    if let Some(pair) = [".-", "-."].into_iter().find(|p| name.contains(p)) {
        return verdict_of(DotNextToDash, Some(pair.to_owned()));
    }
    if looks_like_ipv4(name) {
        return verdict_of(IpAddress, None);
    }
    if name.contains('_') {
        return verdict_of(Underscore, None);
    }
    if name.chars().any(|c| c.is_ascii_uppercase()) {
        return verdict_of(UpperCase, None);
    }
    BucketNameCheck { verdict: BucketNameVerdict::Valid, problem: None, part: None }
}

/// Refuses, before any request, a name no server takes. Relaxed-only names pass: the server
/// answers for them.
pub fn validate_bucket_name(name: &str) -> Result<()> {
    let check = check_bucket_name(name);
    match check.verdict {
        BucketNameVerdict::Invalid => Err(AppError::new(
            ErrorCode::InvalidBucketName,
            format!(
                "{name:?}: {:?}{}",
                check.problem.expect("invalid names have a problem"),
                check.part.map(|p| format!(" {p:?}")).unwrap_or_default()
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(name: &str) -> Option<BucketNameProblem> {
        check_bucket_name(name).problem
    }

    #[test]
    fn the_strict_rule() {
        for ok in ["abc", "a-b.c", "0bucket", "xn--abc", "my.bucket.2026", &"a".repeat(63)] {
            assert_eq!(check_bucket_name(ok).verdict, BucketNameVerdict::Valid, "{ok}");
        }
        use BucketNameProblem::*;
        assert_eq!(problem("ab"), Some(TooShort));
        assert_eq!(problem(&"a".repeat(64)), Some(TooLong));
        assert_eq!(problem("has space"), Some(BadCharacter));
        assert_eq!(check_bucket_name("a/b").part.as_deref(), Some("/"));
        assert_eq!(problem("ünïcode"), Some(BadCharacter));
        assert_eq!(problem("-abc"), Some(BadStart));
        assert_eq!(problem(".abc"), Some(BadStart));
        assert_eq!(problem("_abc"), Some(BadStart));
        assert_eq!(problem("abc-"), Some(BadEnd));
        assert_eq!(problem("abc."), Some(BadEnd));
        assert_eq!(problem("a..b"), Some(DoubleDot));
        assert_eq!(problem("a.-b"), Some(DotNextToDash));
        assert_eq!(problem("a-.b"), Some(DotNextToDash));
        assert_eq!(problem("192.168.1.1"), Some(IpAddress));
        assert_eq!(check_bucket_name("192.168.1.1").verdict, BucketNameVerdict::Invalid);
    }

    #[test]
    fn the_guides_relaxed_names_are_a_warning_not_valid() {
        assert_eq!(check_bucket_name("bad_name").verdict, BucketNameVerdict::RelaxedOnly);
        assert_eq!(problem("bad_name"), Some(BucketNameProblem::Underscore));
        assert_eq!(check_bucket_name("UPPER-case").verdict, BucketNameVerdict::RelaxedOnly);
        assert_eq!(problem("UPPER-case"), Some(BucketNameProblem::UpperCase));
        assert!(validate_bucket_name("bad_name").is_ok(), "sent: the server decides");
        assert_eq!(validate_bucket_name("a..b").unwrap_err().code, ErrorCode::InvalidBucketName);
    }
}
