//! The typed query: conditions joined by `and` / `or`.
//!
//! Numbers and dates are kept as canonical text, not `u64`/`i64`: they cross IPC as JSON, where
//! numbers above 2^53 lose digits (`f64` would too), and the app's TypeScript exporter refuses
//! 64-bit integers. The parser guarantees the text is canonical; `as_u64` / `as_unix_ms` read it.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::borrow::Cow;

/// A parsed query. Build one with [`crate::parse`]; write it with [`crate::print`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchQuery")]
pub struct Query {
    pub root: Expr,
}

/// `And` / `Or` are n-ary. The parser yields them normalized: at least two items, and no item
/// of the same kind as its parent (`a and (b and c)` is `And[a, b, c]`) — see [`Expr::normalize`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchExpr")]
pub enum Expr {
    Cond(Condition),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

/// `field op value`, e.g. `size>=1024`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchCondition")]
pub struct Condition {
    pub field: Field,
    pub op: Op,
    pub value: Value,
}

/// The searchable fields of the guide, plus RGW's custom metadata `x-amz-meta-<name>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchField")]
pub enum Field {
    Bucket,
    Name,
    /// The version id; RGW indexes the null version as the text `null`.
    Instance,
    Size,
    Mtime,
    StorageClass,
    ContentType,
    VersionedEpoch,
    /// `x-amz-meta-<name>`; the name is lowercase (S3 metadata names are case-insensitive).
    Meta(String),
}

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Integer,
    Time,
}

pub const META_PREFIX: &str = "x-amz-meta-";

impl Field {
    /// Every field but `Meta`, in the guide's order.
    pub const BUILTIN: [Field; 8] = [
        Field::Bucket,
        Field::Name,
        Field::Instance,
        Field::Size,
        Field::Mtime,
        Field::StorageClass,
        Field::ContentType,
        Field::VersionedEpoch,
    ];

    /// The name written in queries and in `qorderkey`.
    pub fn wire_name(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Field::Bucket => "bucket",
            Field::Name => "name",
            Field::Instance => "instance",
            Field::Size => "size",
            Field::Mtime => "mtime",
            Field::StorageClass => "storage_class",
            Field::ContentType => "content_type",
            Field::VersionedEpoch => "versioned_epoch",
            Field::Meta(name) => return Cow::Owned(format!("{META_PREFIX}{name}")),
        })
    }

    /// Case-insensitive, like RGW's alias table (rgw_sync_module_es_rest.cc), whose extra
    /// spellings are accepted too: `key`, `lastmodified`, `last_modified`, `contenttype`,
    /// `storageclass`. RGW's `etag` is not in the ZOS guide and is not accepted.
    pub fn from_name(name: &str) -> Option<Field> {
        let lower = name.to_ascii_lowercase();
        if let Some(meta) = lower.strip_prefix(META_PREFIX) {
            return is_meta_name(meta).then(|| Field::Meta(meta.to_string()));
        }
        Some(match lower.as_str() {
            "bucket" => Field::Bucket,
            "name" | "key" => Field::Name,
            "instance" => Field::Instance,
            "size" => Field::Size,
            "mtime" | "lastmodified" | "last_modified" => Field::Mtime,
            "storage_class" | "storageclass" => Field::StorageClass,
            "content_type" | "contenttype" => Field::ContentType,
            "versioned_epoch" => Field::VersionedEpoch,
            _ => return None,
        })
    }

    pub fn kind(&self) -> ValueKind {
        match self {
            Field::Size | Field::VersionedEpoch => ValueKind::Integer,
            Field::Mtime => ValueKind::Time,
            _ => ValueKind::Text,
        }
    }

    /// A bucket listing lacks this field: the local evaluator needs a HEAD of each object.
    pub fn needs_head(&self) -> bool {
        matches!(self, Field::ContentType | Field::Meta(_))
    }
}

/// A custom metadata name as RGW reads a field name: printable ASCII without its separators
/// (`is_key_char` in rgw_es_query.cc), lowercase here.
pub(crate) fn is_meta_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| crate::lex::is_key_char(c) && !c.is_ascii_uppercase())
}

/// `<`, `<=`, `==`, `>=`, `>` — the guide's and RGW's documented operators. RGW's parser also
/// knows `!=`, but neither its documentation nor the ZOS guide lists it, so it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchOp")]
pub enum Op {
    Lt,
    Le,
    Eq,
    Ge,
    Gt,
}

impl Op {
    pub const ALL: [Op; 5] = [Op::Lt, Op::Le, Op::Eq, Op::Ge, Op::Gt];

    pub fn symbol(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Eq => "==",
            Op::Ge => ">=",
            Op::Gt => ">",
        }
    }
}

/// A value, typed by its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "SearchValue")]
pub enum Value {
    /// As typed: not empty, no whitespace or `)` (RGW reads a value up to either), not starting
    /// with a quote (see [`crate::ParseErrorKind::QuotedValue`]).
    Text(String),
    /// Decimal digits without leading zeros, at most `i64::MAX` (RGW parses with strtoll).
    Integer(String),
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ` or with milliseconds `…SS.mmmZ`.
    Time(String),
}

impl Value {
    /// The number of an `Integer` value.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Integer(digits) => digits.parse().ok(),
            _ => None,
        }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z of a `Time` value.
    pub fn as_unix_ms(&self) -> Option<i64> {
        match self {
            Value::Time(text) => crate::time::parse(text).map(|t| t.unix_ms),
            _ => None,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Value::Text(s) | Value::Integer(s) | Value::Time(s) => s,
        }
    }
}

impl Expr {
    /// Flattens nested groups of the same kind and unwraps one-item groups; the meaning is
    /// unchanged. `parse(&print(q))` yields `q.root.normalize()` for any query without empty groups.
    pub fn normalize(self) -> Expr {
        match self {
            Expr::Cond(c) => Expr::Cond(c),
            Expr::And(items) => group(items, true),
            Expr::Or(items) => group(items, false),
        }
    }

    /// Every condition, left to right.
    pub fn conditions(&self) -> Vec<&Condition> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a Condition>) {
        match self {
            Expr::Cond(c) => out.push(c),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| e.collect(out)),
        }
    }
}

fn group(items: Vec<Expr>, and: bool) -> Expr {
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item.normalize() {
            Expr::And(inner) if and => flat.extend(inner),
            Expr::Or(inner) if !and => flat.extend(inner),
            other => flat.push(other),
        }
    }
    if flat.len() == 1 {
        return flat.pop().expect("one item");
    }
    if and {
        Expr::And(flat)
    } else {
        Expr::Or(flat)
    }
}

impl Query {
    pub fn new(root: Expr) -> Query {
        Query { root }
    }

    /// Whether the local evaluator must HEAD each object (content type, custom metadata).
    pub fn needs_head(&self) -> bool {
        self.root.conditions().iter().any(|c| c.field.needs_head())
    }
}
