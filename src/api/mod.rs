//! The catalogue: every API operation described once, as data. The clients, their `listAll*`
//! iterators and the pollers all build their requests and read their answers from here; the JS
//! shell learns the method names and arities from [`method_list`].

mod gateway;
mod pages;
mod request;
pub(crate) mod streampay;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_amounts;

pub use pages::Pages;
pub use request::ArgTexts;

use crate::http::{Api, Method};
use crate::json::{QuerySpec, Shape};

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

impl Arg {
    /// How the shell passes it: `v` the value as it is (a string the binding layer checks), `j`
    /// its JSON text.
    pub const fn passing(self) -> char {
        match self {
            Self::Id(_) | Self::Text(..) => 'v',
            Self::Query(_) | Self::Body(_) => 'j',
        }
    }
}

/// The operations of one client class.
pub fn operations(api: Api) -> &'static [Operation] {
    match api {
        Api::Gateway => gateway::OPERATIONS,
        Api::StreamPay => streampay::OPERATIONS,
    }
}

pub fn polled(api: Api) -> Polled {
    match api {
        Api::Gateway => gateway::POLLED,
        Api::StreamPay => streampay::POLLED,
    }
}

/// The operation a method name stands for, the list operation for a `listAll*` name.
pub fn find(api: Api, name: &str) -> Option<&'static Operation> {
    operations(api)
        .iter()
        .find(|op| op.name == name || op.all == Some(name))
}

/// `name:kind:args;...` for the JS shell, which adds one method per entry: `kind` is `call`
/// or `all` (an async iterator over every item of every page); `args` has one letter per
/// positional argument ([`Arg::passing`]), and the options object comes after them.
pub fn method_list(api: Api) -> String {
    let mut out = String::new();
    for op in operations(api) {
        let args: String = op.args.iter().map(|a| a.passing()).collect();
        push_entry(&mut out, op.name, "call", &args);
        if let Some(all) = op.all {
            push_entry(&mut out, all, "all", &args);
        }
    }
    out
}

fn push_entry(out: &mut String, name: &str, kind: &str, args: &str) {
    if !out.is_empty() {
        out.push(';');
    }
    for part in [name, ":", kind, ":", args] {
        out.push_str(part);
    }
}
