//! The objects of both APIs as [`Shape`](crate::json::Shape)s: `static` data the JSON
//! rewriter reads answers with and checks requests against. Adding an operation's objects is
//! adding data here.
//!
//! Answers: [`GATEWAY_PAYMENT`] (coins get `decimals`, `decimalsSource`, `formattedAmount`),
//! [`GATEWAY_PAYMENT_LINK`], [`STREAMPAY_PAYMENT`], [`PAYMENT_PAGE`], [`PAGINATION`],
//! [`STREAMPAY_PAYMENT_LINK`], [`PAYMENT_LINK_PAGE`]; `json::ANY` for answers read as they are
//! (mark-paid answers `{}`). Requests: [`create_payment_body`], [`mark_paid_body`],
//! [`refund_body`], [`payment_link_status_body`]. Every StreamPay object (payments, links,
//! customers, products, coupons, invoices, subscriptions, metered billing) is generated from the
//! API's description into `streampay/generated.rs`.

mod create;
mod gateway;
mod merchant;
mod payment_link;
mod streampay;

pub use create::{create_payment_body, CREATE_PAYMENT_REQUEST, GATEWAY_PAYMENT_LINK};
pub use gateway::{GATEWAY_COIN, GATEWAY_PAYMENT, GATEWAY_TERMINAL_STATUSES};
pub use merchant::{
    mark_paid_body, refund_body, MARK_PAID_METHODS, MARK_PAID_REQUEST, REFUND_REASONS,
    REFUND_REQUEST,
};
pub use payment_link::{
    payment_link_status_body, PAYMENT_LINK_STATUSES, PAYMENT_LINK_STATUS_REQUEST,
};
pub use streampay::*;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::json::{decode, Shape};
    use serde_json::Value;

    /// The decoded JSON text, parsed by an independent parser as `JSON.parse` would.
    pub fn js(body: &str, shape: &Shape) -> crate::error::Result<Value> {
        let decoded = decode(body, shape)?;
        Ok(serde_json::from_str(&decoded.json)
            .unwrap_or_else(|e| panic!("output is not JSON ({e}): {}", decoded.json)))
    }
}
