//! An operation's arguments (as the JS shell sends them: each one's JSON text) -> the request.

use super::{Arg, Body, Operation};
use crate::error::{Result, StreamError};
use crate::http::HttpRequest;
use crate::prelude::*;
use crate::validate;

/// Each positional argument as the binding layer got it (`None` for `undefined`): for an
/// [`Arg::Id`] or [`Arg::Text`] the string itself (the binding layer checked it is a string),
/// for an [`Arg::Query`] or [`Arg::Body`] the object's JSON text from the shell, which marks
/// what `JSON.stringify` refused (a cycle, a function) with a leading NUL and the reason.
pub type ArgTexts<'a> = [Option<&'a str>; 3];

impl Operation {
    /// The request for these arguments, every one checked.
    pub fn request(&self, args: &ArgTexts<'_>) -> Result<HttpRequest> {
        let mut path = String::with_capacity(self.path.len() + 48);
        // Placeholders are `{}`. Split at '{' (a byte search; a `&str` pattern brings core's
        // substring searcher into the `.wasm`): each later segment starts with the '}'.
        let mut segments = self
            .path
            .split('{')
            .map(|s| s.strip_prefix('}').unwrap_or(s));
        path.push_str(segments.next().unwrap_or_default());
        let mut body = None;
        let mut tail = String::new();
        let mut query = None;
        for (arg, text) in self.args.iter().zip(args.iter().copied()) {
            match *arg {
                Arg::Id(what) => {
                    let id = string_arg(text, what)?;
                    validate::path_id(&id, what)?;
                    path.push_str(&id);
                    path.push_str(segments.next().unwrap_or_default());
                }
                Arg::Query(spec) => {
                    tail = encode_query(json_arg(text, spec.what)?, spec)?;
                    query = Some(spec);
                }
                Arg::Body(Body::Fn(encode)) => {
                    body = Some(encode(json_arg(text, "request")?)?);
                }
                Arg::Body(Body::Shape(shape)) => {
                    body = Some(encode_shaped(json_arg(text, "body")?, shape)?);
                }
                Arg::Text(what, encode) => {
                    body = Some(encode(&string_arg(text, what)?)?);
                }
            }
        }
        path.push_str(&tail);
        Ok(HttpRequest::new(self.host.api(), self.method, path, body).with_query(query))
    }
}

/// The query of a list. The checkout build has no list, and this keeps the query encoder out of
/// its `.wasm`.
#[cfg(feature = "merchant")]
fn encode_query(json: &str, spec: &crate::json::QuerySpec) -> Result<String> {
    crate::json::encode_query(json, spec)
}

#[cfg(not(feature = "merchant"))]
fn encode_query(_: &str, spec: &crate::json::QuerySpec) -> Result<String> {
    Err(StreamError::invalid_argument(cat!(
        spec.what,
        " cannot be sent by this build"
    )))
}

/// A body checked against its shape. The checkout build has no operation with a body, and this
/// keeps the body encoder out of its `.wasm`.
#[cfg(feature = "merchant")]
fn encode_shaped(json: &str, shape: &crate::json::Shape) -> Result<String> {
    crate::json::encode_body(json, shape)
}

#[cfg(not(feature = "merchant"))]
fn encode_shaped(_: &str, shape: &crate::json::Shape) -> Result<String> {
    Err(StreamError::invalid_argument(cat!(
        shape.what,
        " cannot be sent by this build"
    )))
}

/// An argument's JSON text; `null` stands for a missing object, which each reader refuses or
/// takes as empty as it should.
pub fn json_arg<'a>(text: Option<&'a str>, what: &str) -> Result<&'a str> {
    match text {
        None => Ok("null"),
        Some(t) if t.starts_with('\0') => Err(StreamError::invalid_argument(cat!(
            what,
            " cannot be sent as JSON (",
            t.get(1..).unwrap_or_default().trim(),
            "); give amounts as decimal strings"
        ))),
        Some(t) => Ok(t),
    }
}

/// A string argument's value.
pub fn string_arg(text: Option<&str>, what: &str) -> Result<String> {
    text.map(str::to_string).ok_or_else(|| {
        StreamError::invalid_argument(cat!(what, " must be a string, got undefined"))
    })
}
