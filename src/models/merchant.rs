//! Merchant operations on StreamPay payments: the checked request bodies.

use crate::error::Result;
use crate::json::{encode_body, Check, Extra, Field, Kind, Shape};
use crate::prelude::*;

/// Methods a merchant may mark a payment paid with; automated methods are refused by the API.
pub const MARK_PAID_METHODS: &[&str] = &["CASH", "BANK_TRANSFER", "CARD", "QURRAH"];
pub const REFUND_REASONS: &[&str] = &["REQUESTED_BY_CUSTOMER", "DUPLICATE", "FRAUDULENT", "OTHER"];

/// Longest free-text note sent; the API documents none, this keeps a typo from sending megabytes.
const MAX_NOTE_CHARS: usize = 2_000;

/// `{paymentMethod, note?}` of `markPaymentAsPaid`.
pub static MARK_PAID_REQUEST: Shape = Shape::new(
    "",
    &[
        Field::str("payment_method")
            .required()
            .with(&Extra::new().check(Check::OneOf(MARK_PAID_METHODS))),
        Field::str("note").with(&Extra::new().check(Check::MaxChars(MAX_NOTE_CHARS))),
    ],
);

/// `{refundReason, refundNote?, allowRefundMultipleRelatedPayments?}` of `refundPayment`.
pub static REFUND_REQUEST: Shape = Shape::new(
    "",
    &[
        Field::str("refund_reason")
            .required()
            .with(&Extra::new().check(Check::OneOf(REFUND_REASONS))),
        Field::str("refund_note").with(&Extra::new().check(Check::MaxChars(MAX_NOTE_CHARS))),
        Field::new("allow_refund_multiple_related_payments", Kind::Bool)
            .with(&Extra::new().or("false")),
    ],
);

/// The `POST .../mark-paid` body from the caller's object (`JSON.stringify`'d).
pub fn mark_paid_body(body_json: &str) -> Result<String> {
    encode_body(body_json, &MARK_PAID_REQUEST)
}

/// The `POST .../refund` body; `allow_refund_multiple_related_payments` is always sent.
pub fn refund_body(body_json: &str) -> Result<String> {
    encode_body(body_json, &REFUND_REQUEST)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn bodies_are_snake_case() {
        let body = mark_paid_body(r#"{"paymentMethod":"CASH","note":"till 3"}"#).unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v, json!({"payment_method": "CASH", "note": "till 3"}));
        let body = refund_body(
            r#"{"refundReason":"DUPLICATE","allowRefundMultipleRelatedPayments":true}"#,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            v,
            json!({"refund_reason": "DUPLICATE", "allow_refund_multiple_related_payments": true})
        );
        let v: Value =
            serde_json::from_str(&refund_body(r#"{"refundReason":"OTHER"}"#).unwrap()).unwrap();
        assert_eq!(v["allow_refund_multiple_related_payments"], false);
    }

    #[test]
    fn enums_are_checked_and_the_message_lists_the_values() {
        let err = mark_paid_body(r#"{"paymentMethod":"MADA"}"#).unwrap_err();
        assert_eq!(
            err.message,
            "paymentMethod must be one of CASH, BANK_TRANSFER, CARD, QURRAH, got \"MADA\""
        );
        assert!(refund_body(r#"{"refundReason":"cash back"}"#)
            .unwrap_err()
            .message
            .contains("REQUESTED_BY_CUSTOMER"));
        let long = json!({"refundReason": "OTHER", "refundNote": "x".repeat(3000)}).to_string();
        assert_eq!(
            refund_body(&long).unwrap_err().message,
            "refundNote is longer than 2000 characters"
        );
        assert_eq!(
            mark_paid_body("{}").unwrap_err().message,
            "paymentMethod is required"
        );
        assert_eq!(
            refund_body(r#"{"refundReason":"OTHER","allowRefundMultipleRelatedPayments":"yes"}"#)
                .unwrap_err()
                .message,
            "allowRefundMultipleRelatedPayments must be a boolean"
        );
    }
}
