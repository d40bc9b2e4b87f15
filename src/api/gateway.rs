//! The crypto gateway (v1): its operations (generated from `codegen/catalogue.mjs`) and the
//! payment the pollers read.

use super::Polled;
use crate::models::GATEWAY_TERMINAL_STATUSES;

#[rustfmt::skip]
mod operations;

pub use operations::OPERATIONS;

pub static POLLED: Polled = Polled {
    get: &operations::GET_PAYMENT,
    terminal: GATEWAY_TERMINAL_STATUSES,
};
