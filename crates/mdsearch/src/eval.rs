//! The local executor: does one listed object satisfy a query? For servers without the
//! Elasticsearch-backed endpoint, the caller lists the bucket (and HEADs each object when
//! [`needs_head`]), then filters with a [`Matcher`] and pages with [`crate::sort_and_page`].
//!
//! Rules, following what RGW indexes:
//! - text ordering (`<`, `>`…) is byte-wise, as Elasticsearch orders keywords, in every mode;
//!   the mode changes only `==`;
//! - a field the object does not have (no content type, no such metadata, unknown versioned
//!   epoch) satisfies no condition, as a missing field matches no Elasticsearch query;
//! - custom metadata compares as numbers when both sides are whole numbers (a bucket may index a
//!   field as `int`), otherwise as text (RGW's default type is string);
//! - regex: Rust's syntax (close to Lucene's for common patterns), matching the whole value like
//!   Lucene's `regexp`; compiled size is capped so a hostile pattern is refused, and matching
//!   is linear-time.

use crate::ast::{Condition, Expr, Field, Op, Query, Value};
use crate::options::Mode;
use crate::strmatch;
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// What the listing (and a HEAD, for content type and metadata) tells about one object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectFacts {
    pub bucket: String,
    pub name: String,
    /// The version id; `None` is the null version, which RGW indexes as `null`.
    pub instance: Option<String>,
    pub size: u64,
    /// Last modified, milliseconds since 1970-01-01T00:00:00Z.
    pub mtime_ms: i64,
    /// As listed, e.g. `STANDARD`.
    pub storage_class: String,
    /// `None`: not known (not HEADed) or absent.
    pub content_type: Option<String>,
    /// RGW's versioned epoch; no S3 listing or HEAD returns it, so usually `None` (unknown).
    pub versioned_epoch: Option<u64>,
    /// Custom metadata by name without `x-amz-meta-`; names match case-insensitively.
    pub meta: BTreeMap<String, String>,
}

impl ObjectFacts {
    pub(crate) fn meta_value(&self, name: &str) -> Option<&str> {
        self.meta
            .get(name)
            .or_else(|| self.meta.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v))
            .map(String::as_str)
    }
}

/// A regex pattern that does not compile, or compiles too large.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchPatternError")]
pub struct PatternError {
    pub pattern: String,
    pub message: String,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "The regular expression '{}' is not usable: {}", self.pattern, self.message)
    }
}

impl std::error::Error for PatternError {}

/// Caps on a compiled pattern (bytes of program and of lazy DFA cache) and its nesting.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;
const REGEX_NEST_LIMIT: u32 = 64;

/// A query prepared for one mode: regexes compiled once, then tested against many objects.
#[derive(Debug, Clone)]
pub struct Matcher {
    root: Node,
    mode: Mode,
}

#[derive(Debug, Clone)]
enum Node {
    Cond(Condition, Option<Regex>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

impl Matcher {
    pub fn new(query: &Query, mode: Mode) -> Result<Matcher, PatternError> {
        Ok(Matcher { root: prepare(&query.root, mode)?, mode })
    }

    pub fn is_match(&self, o: &ObjectFacts) -> bool {
        eval(&self.root, o, self.mode)
    }
}

/// Convenience for one object; a regex that does not compile matches nothing. Use a
/// [`Matcher`] to filter many objects, or to report a bad pattern.
pub fn matches(query: &Query, o: &ObjectFacts, mode: Mode) -> bool {
    Matcher::new(query, mode).is_ok_and(|m| m.is_match(o))
}

/// Whether the caller must HEAD each listed object: the query uses `content_type` or
/// `x-amz-meta-…`, which a listing lacks. (An order key may need it too: [`Field::needs_head`].)
pub fn needs_head(query: &Query) -> bool {
    query.needs_head()
}

fn prepare(e: &Expr, mode: Mode) -> Result<Node, PatternError> {
    Ok(match e {
        Expr::Cond(c) => {
            let regex = match (&c.value, mode, c.op) {
                (Value::Text(p), Mode::Regex, Op::Eq) => Some(compile(p)?),
                _ => None,
            };
            Node::Cond(c.clone(), regex)
        }
        Expr::And(items) => Node::And(items.iter().map(|i| prepare(i, mode)).collect::<Result<_, _>>()?),
        Expr::Or(items) => Node::Or(items.iter().map(|i| prepare(i, mode)).collect::<Result<_, _>>()?),
    })
}

fn compile(pattern: &str) -> Result<Regex, PatternError> {
    let build = |p: &str| {
        RegexBuilder::new(p)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .nest_limit(REGEX_NEST_LIMIT)
            .build()
    };
    let err = |e: regex::Error| PatternError { pattern: pattern.to_string(), message: e.to_string() };
    // Compiled alone first, so an unbalanced `a)|(b` cannot escape the anchoring group below.
    build(pattern).map_err(err)?;
    build(&format!("^(?:{pattern})$")).map_err(err)
}

fn eval(n: &Node, o: &ObjectFacts, mode: Mode) -> bool {
    match n {
        Node::Cond(c, regex) => condition(c, regex.as_ref(), o, mode),
        Node::And(items) => items.iter().all(|i| eval(i, o, mode)),
        Node::Or(items) => items.iter().any(|i| eval(i, o, mode)),
    }
}

fn condition(c: &Condition, regex: Option<&Regex>, o: &ObjectFacts, mode: Mode) -> bool {
    let text = |fact: &str| text_matches(c, regex, fact, mode);
    let number = |fact: u64| c.value.as_u64().is_some_and(|v| holds(c.op, fact.cmp(&v)));
    match &c.field {
        Field::Bucket => text(&o.bucket),
        Field::Name => text(&o.name),
        Field::Instance => text(o.instance.as_deref().unwrap_or("null")),
        Field::StorageClass => text(&o.storage_class),
        Field::ContentType => o.content_type.as_deref().is_some_and(text),
        Field::Size => number(o.size),
        Field::VersionedEpoch => o.versioned_epoch.is_some_and(number),
        Field::Mtime => c.value.as_unix_ms().is_some_and(|v| holds(c.op, o.mtime_ms.cmp(&v))),
        Field::Meta(name) => o.meta_value(name).is_some_and(|fact| {
            let as_int = |s: &str| s.parse::<i64>().ok();
            match (as_int(fact), as_int(c.value.text())) {
                (Some(f), Some(v)) => holds(c.op, f.cmp(&v)),
                _ => text(fact),
            }
        }),
    }
}

fn holds(op: Op, ord: Ordering) -> bool {
    match op {
        Op::Lt => ord.is_lt(),
        Op::Le => ord.is_le(),
        Op::Eq => ord.is_eq(),
        Op::Ge => ord.is_ge(),
        Op::Gt => ord.is_gt(),
    }
}

fn text_matches(c: &Condition, regex: Option<&Regex>, fact: &str, mode: Mode) -> bool {
    let Value::Text(value) = &c.value else { return false };
    if c.op != Op::Eq {
        return holds(c.op, fact.cmp(value.as_str()));
    }
    match mode {
        Mode::Term => fact == value,
        Mode::Wild => strmatch::wildcard(value, fact),
        Mode::Fuzzy => strmatch::fuzzy(value, fact),
        Mode::Regex => regex.is_some_and(|r| r.is_match(fact)),
    }
}

/// Orders two objects by a field for [`crate::sort_and_page`]: numbers and dates as such, text
/// byte-wise; custom metadata puts whole numbers (by value) before other text (byte-wise), which
/// keeps the order total. Objects without the field come last in either direction, as
/// Elasticsearch sorts missing values.
pub(crate) fn compare_by(field: &Field, a: &ObjectFacts, b: &ObjectFacts, descending: bool) -> Ordering {
    fn absent_last<T: Ord>(x: Option<T>, y: Option<T>, dir: impl Fn(Ordering) -> Ordering) -> Ordering {
        match (x, y) {
            (Some(x), Some(y)) => dir(x.cmp(&y)),
            (x, y) => x.is_none().cmp(&y.is_none()),
        }
    }
    let dir = |o: Ordering| if descending { o.reverse() } else { o };
    match field {
        Field::Bucket => dir(a.bucket.cmp(&b.bucket)),
        Field::Name => dir(a.name.cmp(&b.name)),
        Field::Instance => {
            dir(a.instance.as_deref().unwrap_or("null").cmp(b.instance.as_deref().unwrap_or("null")))
        }
        Field::Size => dir(a.size.cmp(&b.size)),
        Field::Mtime => dir(a.mtime_ms.cmp(&b.mtime_ms)),
        Field::StorageClass => dir(a.storage_class.cmp(&b.storage_class)),
        Field::ContentType => absent_last(a.content_type.as_deref(), b.content_type.as_deref(), dir),
        Field::VersionedEpoch => absent_last(a.versioned_epoch, b.versioned_epoch, dir),
        Field::Meta(name) => {
            fn key<'a>(o: &'a ObjectFacts, name: &str) -> Option<(bool, i64, &'a str)> {
                o.meta_value(name).map(|s| match s.parse::<i64>() {
                    Ok(n) => (false, n, ""),
                    Err(_) => (true, 0, s),
                })
            }
            absent_last(key(a, name), key(b, name), dir)
        }
    }
}
