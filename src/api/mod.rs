//! The catalogue: every API operation described once, as data. The clients, their `listAll*`
//! iterators and the pollers all build their requests and read their answers from here; the JS
//! shell learns the method names and arities from [`method_list`].

mod gateway;
mod list_params;
mod operation;
mod pages;
mod request;
pub(crate) mod streampay;
#[cfg(test)]
mod tests;

pub use operation::{Arg, Body, Host, Operation, Polled};
pub use pages::Pages;
pub use request::ArgTexts;

use crate::http::Api;

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
