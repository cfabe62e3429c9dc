//! [`Query`] to its canonical text: canonical field names, no spaces around operators (but one
//! before a value that starts with an operator character), single spaces around lowercase
//! `and` / `or`, and parentheses only around an `or` group inside an
//! `and` — the only place the structure needs them once groups are flattened. Flattening also
//! keeps the text within what RGW's tokenizer reads (one `(` before and one `)` after a
//! condition) for every query that needs no more than that.

use crate::ast::{Condition, Expr, Query};
use crate::error::{ParseError, ParseErrorKind};
use std::fmt;

/// The canonical text; `parse(&print(q)) == Ok(q)` for every normalized, valid `q`
/// (see [`Expr::normalize`] and [`Query::validate`]).
pub fn print(query: &Query) -> String {
    let mut out = String::new();
    write_expr(&query.root, Context::Top, &mut out);
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    Top,
    InAnd,
    InOr,
}

fn write_expr(e: &Expr, ctx: Context, out: &mut String) {
    match e {
        Expr::Cond(c) => write_condition(c, out),
        // A one-item group is its item, in the parent's context.
        Expr::And(items) | Expr::Or(items) if items.len() == 1 => write_expr(&items[0], ctx, out),
        Expr::And(items) => write_items(items, " and ", Context::InAnd, out),
        Expr::Or(items) => {
            let parens = ctx == Context::InAnd;
            if parens {
                out.push('(');
            }
            write_items(items, " or ", Context::InOr, out);
            if parens {
                out.push(')');
            }
        }
    }
}

fn write_items(items: &[Expr], sep: &str, ctx: Context, out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        write_expr(item, ctx, out);
    }
}

fn write_condition(c: &Condition, out: &mut String) {
    out.push_str(&c.field.wire_name());
    out.push_str(c.op.symbol());
    let value = c.value.text();
    // `name== <x` (the value `<x`): without the space the operator would read as `==<`.
    if value.starts_with(crate::lex::is_op_char) {
        out.push(' ');
    }
    out.push_str(value);
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&print(self))
    }
}

impl Query {
    /// Checks a query built elsewhere (e.g. received as JSON from a form): every condition
    /// must print to text that parses back to itself, and no group may be empty.
    pub fn validate(&self) -> Result<(), ParseError> {
        validate_expr(&self.root)
    }
}

fn validate_expr(e: &Expr) -> Result<(), ParseError> {
    match e {
        Expr::Cond(c) => {
            let mut text = String::new();
            write_condition(c, &mut text);
            let back = crate::parse(&text)?;
            if back.root != Expr::Cond(c.clone()) {
                return Err(ParseError::new(&text, (0, text.len()), ParseErrorKind::NotCanonical));
            }
            Ok(())
        }
        Expr::And(items) | Expr::Or(items) if items.is_empty() => {
            let kind = ParseErrorKind::UnexpectedEnd { expected: vec!["a condition".into()] };
            Err(ParseError::new("", (0, 0), kind))
        }
        Expr::And(items) | Expr::Or(items) => items.iter().try_for_each(validate_expr),
    }
}
