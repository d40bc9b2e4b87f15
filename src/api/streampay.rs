//! StreamPay (v2), the merchant API: every operation of its description, generated into
//! `streampay/operations.rs` (`make types`), and the payment the pollers read.

#[cfg(feature = "merchant")]
use super::Polled;
#[cfg(feature = "merchant")]
use crate::models::STREAMPAY_TERMINAL_STATUSES;

#[rustfmt::skip]
mod operations;
#[cfg(all(test, feature = "merchant"))]
mod tests;

pub use operations::OPERATIONS;

#[cfg(feature = "merchant")]
pub static POLLED: Polled = Polled {
    get: &operations::GET_PAYMENT,
    terminal: STREAMPAY_TERMINAL_STATUSES,
};
