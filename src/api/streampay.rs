//! StreamPay (v2), the merchant API: every operation of its description, generated into
//! `streampay/operations.rs` (`make types`), and the payment the pollers read.

use super::Polled;
use crate::models::STREAMPAY_TERMINAL_STATUSES;

#[rustfmt::skip]
mod operations;
#[cfg(all(test, feature = "merchant"))]
mod tests;

pub use operations::OPERATIONS;

pub static POLLED: Polled = Polled {
    get: &operations::GET_PAYMENT,
    terminal: STREAMPAY_TERMINAL_STATUSES,
};
