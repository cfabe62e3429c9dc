//! ZOS metadata search (RGW md-search style), without network: the query grammar, its
//! canonical text, the request's parameters, and a local evaluator over listed objects.
//!
//! Grammar: `[(]field op value[)] [and|or …]`, parentheses nesting; `and` binds tighter than
//! `or`; fields `bucket name instance size mtime storage_class content_type versioned_epoch`
//! and `x-amz-meta-<name>`; operators `< <= == >= >`. A value runs to whitespace or `)`.
//!
//! Public API:
//! - [`parse`]`(&str) -> Result<`[`Query`]`, `[`ParseError`]`>`; the error names the token, its
//!   byte range and a machine-readable [`ParseErrorKind`]; [`ParseError::message`] in English.
//! - [`print()`]`(&Query) -> String` (also `Display`): canonical text, `parse(&print(q)) == Ok(q)`
//!   for normalized valid queries ([`Expr::normalize`], [`Query::validate`]).
//! - [`SearchOptions`] (`mode`, `order`, `max_keys`, `marker`) with
//!   [`SearchOptions::validate`], and [`to_query_params`]`(&Query, &SearchOptions)` — the
//!   request's query parameters (wire names are assumed in one place: `options.rs`).
//! - [`matches()`]`(&Query, &ObjectFacts, Mode) -> bool`, or a [`Matcher`] to test many objects;
//!   [`needs_head`]`(&Query)`; [`sort_and_page`]`(Vec<ObjectFacts>, &SearchOptions) -> Page`.
//!
//! The AST, [`ParseError`], [`SearchOptions`], [`OptionsError`] and [`PatternError`] derive serde
//! (camelCase) and `specta::Type`, without 64-bit integers, to cross IPC as typed JSON.

#![forbid(unsafe_code)]

mod ast;
mod error;
mod eval;
mod lex;
mod options;
mod page;
mod parse;
mod print;
mod strmatch;
mod time;

pub use ast::{Condition, Expr, Field, Op, Query, Value, ValueKind, META_PREFIX};
pub use error::{ParseError, ParseErrorKind};
pub use eval::{matches, needs_head, Matcher, ObjectFacts, PatternError, REGEX_SIZE_LIMIT};
pub use options::{
    to_query_params, Mode, OptionsError, Order, SearchOptions, DEFAULT_MAX_KEYS, MAX_KEYS_LIMIT,
};
pub use page::{sort_and_page, Page};
pub use parse::{parse, MAX_DEPTH, MAX_QUERY_BYTES};
pub use print::print;
