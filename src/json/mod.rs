//! JSON without a tree: the crate's one reader and writer of JSON text.
//!
//! Answers cross to JavaScript as JSON text that one native `JSON.parse` turns into the
//! caller's object; requests arrive as `JSON.stringify` of the caller's object. Nothing here
//! builds a `Value`, parses a float or allocates per key.
//!
//! The API the binding layer calls:
//!
//! ```text
//! decode(body: &str, shape: &Shape) -> Result<Decoded>          // answer -> JSON text for JS
//!     Decoded { json: String, captures: Captures }
//!     captures.status() -> Option<&str>, .has_next_page() -> bool, .has_items() -> bool
//! encode_body(json: &str, shape: &Shape) -> Result<String>      // JS object -> snake_case body
//! encode_query(json: &str, spec: &QuerySpec) -> Result<String>  // JS params -> "?a=1&b=2" or ""
//! rewrite(text: &str, case: KeyCase) -> Result<String, Syntax>  // any JSON, keys re-cased
//! raw::parse(text) -> Result<Raw, Syntax>                        // read a few fields of a small document
//! ```
//!
//! `decode` camelCases every key at every depth, keeps the server's key order and every
//! unknown field, turns integers past 2^53 into strings, checks and converts the known fields
//! of the [`Shape`] (amounts always strings), writes the number of every key that names an
//! amount as a string wherever it is (`amounts.rs`), adds the shape's computed fields, and keeps the
//! captured values (status, pagination) Rust needs. Its errors are `DECODE` with the messages
//! the models always gave (`gateway payment: field "payment_id" is missing`); for text that
//! is not JSON, `a body that is not the documented JSON: it is not valid JSON (line 1, column
//! 5)` and its kin. `HttpRequest::decode` prefixes `<API> answered <METHOD> <path> with `.
//!
//! Shapes are `static` data (see `crate::models`): a field is listed only when it needs a
//! check, a conversion, a capture, a default or a rename. Keys with escapes in them never
//! match a known field (the APIs send none).

mod amount_names;
mod amounts;
mod check;
mod decode;
mod decoded;
mod encode;
mod keys;
mod lex;
mod members;
mod query_string;
pub mod raw;
mod shape;
mod swar;
mod syntax;
mod token;
mod write;

pub use amounts::is_amount_name;
pub use decode::decode;
pub use decoded::{Captures, Decoded};
pub use encode::encode_body;
pub use members::Members;
pub use query_string::{encode_query, Param, ParamKind, QuerySpec};
pub use raw::Raw;
pub use shape::{Check, Extra, Field, Kind, Locals, Rule, Shape, Slot, ANY, ANY_VALUE};
pub use write::{push_string, rewrite, snake_case, KeyCase};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bad_input;
#[cfg(test)]
mod tests_encode;
#[cfg(test)]
mod tests_fast_paths;
