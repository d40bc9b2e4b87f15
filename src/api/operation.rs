//! What an operation is: its method, host, path, arguments and the shape of its answer. The
//! catalogue (`api/mod.rs`) lists them; `request.rs` turns one into a request.

use crate::http::{Api, Method};
use crate::json::{QuerySpec, Shape};
use crate::prelude::*;

/// Which base URL an operation goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// The gateway's status host (`baseUrl`).
    Gateway,
    /// The gateway's payment-creation host (`payBaseUrl`).
    GatewayPay,
    StreamPay,
}

impl Host {
    pub const fn api(self) -> Api {
        match self {
            Self::Gateway | Self::GatewayPay => Api::Gateway,
            Self::StreamPay => Api::StreamPay,
        }
    }
}

/// One positional argument of a method, in the order JS passes them.
#[derive(Debug, Clone, Copy)]
pub enum Arg {
    /// A path segment (`{}` in the path, in order), named for messages (`"paymentId"`).
    Id(&'static str),
    /// The list parameters object, written as the query.
    Query(&'static QuerySpec),
    /// The request body: the JS object's JSON text turned into the wire's, checked.
    Body(Body),
    /// A string argument sent as the body (e.g. a status), named for messages.
    Text(&'static str, fn(&str) -> crate::error::Result<String>),
}

/// How a request body is made from the caller's JSON text.
#[derive(Debug, Clone, Copy)]
pub enum Body {
    /// Checked against this shape, keys snake_cased at every depth (`json::encode_body`).
    Shape(&'static Shape),
    /// Made by this function (a body that is not just a checked object).
    Fn(fn(&str) -> crate::error::Result<String>),
}

#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The JS method name (`getPayment`).
    pub name: &'static str,
    pub host: Host,
    pub method: Method,
    /// With `{}` for each [`Arg::Id`], in order.
    pub path: &'static str,
    pub args: &'static [Arg],
    /// How the answer is read (`json::ANY`: keys re-cased, nothing checked, e.g. mark-paid's
    /// `{}`).
    pub answer: &'static Shape,
    /// For a list operation: the name of its lazy iterator (`listAllPayments`).
    pub all: Option<&'static str>,
}

/// A payment that can be polled: its read operation and the statuses it ends at.
#[derive(Debug, Clone, Copy)]
pub struct Polled {
    pub get: &'static Operation,
    pub terminal: &'static [&'static str],
}

impl Polled {
    /// The read request for `id` (checked as a path segment).
    pub fn request(&self, id: &str) -> crate::error::Result<crate::http::HttpRequest> {
        self.get.request(&[Some(id), None, None])
    }
}
