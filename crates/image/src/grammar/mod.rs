//! The `x-zos-process` language: typed steps ([`types`]), text → typed ([`parse()`]), typed →
//! canonical text ([`print()`]), and the errors a text can have ([`ParseError`]).

mod b64;
mod error;
mod parse;
mod print;
mod types;

pub use b64::KNOWN_FONTS;
pub use error::{ParseError, ParseErrorKind};
pub use parse::parse;
pub use print::print;
pub use types::*;
