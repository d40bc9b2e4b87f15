//! Merchant operations on StreamPay payments: the checked request bodies.

use serde_json::{json, Value};

use crate::error::{Result, StreamError};

/// Methods a merchant may mark a payment paid with; automated methods are refused by the API.
pub const MARK_PAID_METHODS: &[&str] = &["CASH", "BANK_TRANSFER", "CARD", "QURRAH"];
pub const REFUND_REASONS: &[&str] = &["REQUESTED_BY_CUSTOMER", "DUPLICATE", "FRAUDULENT", "OTHER"];

/// Longest free-text note sent; the API documents none, this keeps a typo from sending megabytes.
const MAX_NOTE_CHARS: usize = 2_000;

/// `{payment_method, note?}` for `POST .../mark-paid`.
pub fn mark_paid_body(payment_method: &str, note: Option<&str>) -> Result<String> {
    one_of("paymentMethod", payment_method, MARK_PAID_METHODS)?;
    let mut body = json!({ "payment_method": payment_method });
    if let Some(note) = note {
        body["note"] = Value::String(checked_note("note", note)?.into());
    }
    Ok(body.to_string())
}

/// `{refund_reason, refund_note?, allow_refund_multiple_related_payments}` for `POST .../refund`.
pub fn refund_body(reason: &str, note: Option<&str>, allow_multiple: bool) -> Result<String> {
    one_of("refundReason", reason, REFUND_REASONS)?;
    let mut body = json!({
        "refund_reason": reason,
        "allow_refund_multiple_related_payments": allow_multiple,
    });
    if let Some(note) = note {
        body["refund_note"] = Value::String(checked_note("refundNote", note)?.into());
    }
    Ok(body.to_string())
}

fn one_of(what: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        return Ok(());
    }
    Err(StreamError::invalid_argument(format!(
        "{what} must be one of {}, got \"{}\"",
        allowed.join(", "),
        crate::amount::escape(&value.chars().take(40).collect::<String>())
    )))
}

fn checked_note<'a>(what: &str, note: &'a str) -> Result<&'a str> {
    if note.chars().nth(MAX_NOTE_CHARS).is_some() {
        return Err(StreamError::invalid_argument(format!(
            "{what} is longer than {MAX_NOTE_CHARS} characters"
        )));
    }
    Ok(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_snake_case() {
        let v: Value =
            serde_json::from_str(&mark_paid_body("CASH", Some("till 3")).unwrap()).unwrap();
        assert_eq!(v, json!({"payment_method": "CASH", "note": "till 3"}));
        let v: Value =
            serde_json::from_str(&refund_body("DUPLICATE", None, true).unwrap()).unwrap();
        assert_eq!(
            v,
            json!({"refund_reason": "DUPLICATE", "allow_refund_multiple_related_payments": true})
        );
    }

    #[test]
    fn enums_are_checked_and_the_message_lists_the_values() {
        let err = mark_paid_body("MADA", None).unwrap_err();
        assert_eq!(
            err.message,
            "paymentMethod must be one of CASH, BANK_TRANSFER, CARD, QURRAH, got \"MADA\""
        );
        assert!(refund_body("cash back", None, false)
            .unwrap_err()
            .message
            .contains("REQUESTED_BY_CUSTOMER"));
        assert!(refund_body("OTHER", Some(&"x".repeat(3000)), false).is_err());
    }
}
