//! One suite of binding-layer tests, included by a Node runner and a browser runner.

mod amounts;
mod errors;
mod push;
