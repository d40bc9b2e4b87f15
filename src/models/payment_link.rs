//! StreamPay payment links (v2): the link and its page, and the request bodies.
//!
//! The public documentation gives only the endpoints, a public `url` and a `status` of
//! `INACTIVE`, `ACTIVE` or `COMPLETED`. So the create body requires `name` and passes every other
//! field through with snake_case keys at every depth.

use super::streampay::PAGINATION;
use crate::amount::escape;
use crate::error::{Result, StreamError};
use crate::json::{encode_body, Check, Field, Kind, Shape};

/// The documented statuses of a payment link (decoding still accepts any other).
pub const PAYMENT_LINK_STATUSES: &[&str] = &["INACTIVE", "ACTIVE", "COMPLETED"];

/// A StreamPay payment link; `status` is an open enum.
pub static STREAMPAY_PAYMENT_LINK: Shape = Shape::new(
    "StreamPay payment link",
    &[
        Field::str("id").required(),
        // The public page a customer pays on.
        Field::str("url").required(),
        Field::str("status")
            .required()
            .capture(crate::json::Slot::Status),
        Field::str("name"),
    ],
);

pub static PAYMENT_LINK_PAGE: Shape = Shape::new(
    "StreamPay payment link page",
    &[
        Field::new("data", Kind::Array(&STREAMPAY_PAYMENT_LINK)).or("[]"),
        Field::new("pagination", Kind::Object(&PAGINATION)),
    ],
);

/// `createPaymentLink`'s request: `name` is a non-empty string, the rest passes through.
pub static CREATE_PAYMENT_LINK_REQUEST: Shape = Shape::new(
    "request",
    &[Field::str("name")
        .required()
        .check(Check::NonEmpty)
        .hint(" (a string naming the payment link)")],
);

/// The create body from the caller's object (`JSON.stringify`'d): every key snake_cased, every
/// value as given. Two keys naming the same wire field (`maxUses` and `max_uses`) are refused.
pub fn payment_link_body(request_json: &str) -> Result<String> {
    encode_body(request_json, &CREATE_PAYMENT_LINK_REQUEST)
}

/// The `PATCH .../status` body; `status` must be one of the documented values.
pub fn payment_link_status_body(status: &str) -> Result<String> {
    if !PAYMENT_LINK_STATUSES.contains(&status) {
        return Err(StreamError::invalid_argument(format!(
            "status must be one of {}, got \"{}\"",
            PAYMENT_LINK_STATUSES.join(", "),
            escape(&status.chars().take(40).collect::<String>())
        )));
    }
    // A documented value: plain capitals, nothing to escape.
    Ok(format!("{{\"status\":\"{status}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::http::{Method, RetryPolicy};
    use crate::json::{decode, snake_case};
    use crate::models::test_support::js;
    use serde_json::{json, Value};

    #[test]
    fn snake_cases_keys() {
        for (from, to) in [
            ("name", "name"),
            ("maxNumberOfPayments", "max_number_of_payments"),
            ("already_snake", "already_snake"),
            ("returnURL", "return_url"),
            ("URLPath", "url_path"),
            ("item2Id", "item2_id"),
            ("a_B", "a_b"),
            ("", ""),
        ] {
            assert_eq!(snake_case(from), to, "{from}");
        }
    }

    #[test]
    fn body_needs_a_name_and_passes_the_rest_through() {
        let request = r#"{"name":"Gym","amount":"150.00","maxNumberOfPayments":3,
            "items":[{"productId":"p1","qty":166389351081530800779973}],"customFields":null}"#;
        let body = payment_link_body(request).unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["name"], "Gym");
        assert_eq!(v["amount"], "150.00");
        assert_eq!(v["max_number_of_payments"], 3);
        assert_eq!(
            v["items"][0]["product_id"], "p1",
            "snake_case at every depth"
        );
        assert!(body.contains("166389351081530800779973"), "{body}");
        assert_eq!(v["custom_fields"], Value::Null);
        for (bad, message) in [
            (
                json!({}),
                "request.name is required (a string naming the payment link)",
            ),
            (
                json!({"name": null}),
                "request.name is required (a string naming the payment link)",
            ),
            (json!({"name": "  "}), "request.name must not be empty"),
            (json!({"name": 5}), "request.name must be a string"),
            (
                json!({"name": "x", "maxUses": 1, "max_uses": 2}),
                "request has two keys for the field \"max_uses\"; give it once",
            ),
        ] {
            let err = payment_link_body(&bad.to_string()).unwrap_err();
            assert_eq!(
                (err.code, err.message.as_str()),
                (ErrorCode::InvalidArgument, message),
                "{bad}"
            );
        }
    }

    #[test]
    fn status_body_only_takes_documented_values() {
        assert_eq!(
            payment_link_status_body("COMPLETED").unwrap(),
            r#"{"status":"COMPLETED"}"#
        );
        let err = payment_link_status_body("active").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert!(err.message.contains("INACTIVE, ACTIVE, COMPLETED"));
    }

    #[test]
    fn the_status_change_is_a_patch_never_retried() {
        let err = StreamError::new(ErrorCode::Server, "503");
        assert_eq!(Method::Patch.as_str(), "PATCH");
        assert!(!Method::Patch.is_retry_safe());
        assert_eq!(
            RetryPolicy::default().delay_ms(Method::Patch, 0, &err, 0.5),
            None
        );
    }

    #[test]
    fn decodes_links_and_pages_keeping_unknown_fields() {
        let text = r#"{
            "data": [{"id": "l1", "url": "https://pay/l1", "status": "PAUSED", "name": "Gym",
                      "created_at": "2026-11-21T10:00:00Z", "amount": 1.50}],
            "pagination": {"total_count": 1, "max_page": 1, "current_page": 1, "limit": 10,
                           "has_next_page": false, "has_previous_page": false}
        }"#;
        let js_page = js(text, &PAYMENT_LINK_PAGE).unwrap();
        assert_eq!(js_page["data"][0]["status"], "PAUSED");
        assert_eq!(js_page["data"][0]["createdAt"], "2026-11-21T10:00:00Z");
        let out = decode(text, &PAYMENT_LINK_PAGE).unwrap().json;
        assert!(out.contains(r#""amount": 1.50"#), "{out}");
        assert_eq!(js_page["pagination"]["totalCount"], 1);
        for bad in [
            json!({"id": "l1", "status": "ACTIVE"}),
            json!({"id": 1, "url": "u", "status": "ACTIVE"}),
            json!({"id": "l1", "url": "u", "status": "ACTIVE", "name": []}),
            json!([]),
        ] {
            let err = decode(&bad.to_string(), &STREAMPAY_PAYMENT_LINK).unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode, "{bad}");
        }
        assert!(
            decode(r#"{"data": []}"#, &PAYMENT_LINK_PAGE).is_ok(),
            "pagination may be missing"
        );
    }
}
