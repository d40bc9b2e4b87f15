//! The status body of a StreamPay payment link (v2): a rule the description does not say (a bare
//! status string is accepted too). The link, its page and the create body are generated with the
//! other StreamPay shapes (`super::streampay`).

use crate::amount::escape;
use crate::error::{Result, StreamError};
use crate::json::{encode_body, raw, Check, Extra, Field, Shape};
use crate::prelude::*;

/// The documented statuses of a payment link (decoding still accepts any other).
pub const PAYMENT_LINK_STATUSES: &[&str] = &["INACTIVE", "ACTIVE", "COMPLETED"];

/// `{ status, deactivateMessage? }` (`UpdatePaymentLinkStatusDto`).
pub static PAYMENT_LINK_STATUS_REQUEST: Shape = Shape::new(
    "",
    &[
        Field::str("status")
            .required()
            .with(&Extra::new().check(Check::OneOf(PAYMENT_LINK_STATUSES))),
        Field::str("deactivate_message"),
    ],
);

/// The `PATCH .../status` body from `setPaymentLinkStatus`'s second argument (its JSON text):
/// a status (`"INACTIVE"`) or `{ status, deactivateMessage }`; `status` must be a documented value.
pub fn payment_link_status_body(json: &str) -> Result<String> {
    if json.trim_start().starts_with('"') {
        let status = raw::parse(json)
            .ok()
            .and_then(|r| r.as_str().map(|s| s.into_owned()))
            .ok_or_else(|| StreamError::invalid_argument("status is not a JSON string"))?;
        if !PAYMENT_LINK_STATUSES.contains(&status.as_str()) {
            return Err(StreamError::invalid_argument(cat!(
                "status must be one of ",
                PAYMENT_LINK_STATUSES.join(", "),
                ", got \"",
                escape(&status.chars().take(40).collect::<String>()),
                "\""
            )));
        }
        // A documented value: plain capitals, nothing to escape.
        return Ok(cat!("{\"status\":\"", status, "\"}"));
    }
    if json.trim() == "null" {
        return Err(StreamError::invalid_argument(cat!(
            "status is required: one of ",
            PAYMENT_LINK_STATUSES.join(", "),
            " or { status, deactivateMessage }"
        )));
    }
    encode_body(json, &PAYMENT_LINK_STATUS_REQUEST)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::http::{Method, RetryPolicy};
    use crate::json::{decode, snake_case};
    use crate::models::test_support::js;
    use crate::models::{PAYMENT_LINK_PAGE, STREAMPAY_PAYMENT_LINK};
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
    fn the_create_body_is_the_full_dto_snake_cased_at_every_depth() {
        let body = |json: &str| {
            crate::json::encode_body(json, &crate::models::CREATE_PAYMENT_LINK_DTO_REQUEST)
        };
        let request = r#"{"name":"Gym","maxNumberOfPayments":3,"paymentMethods":{"bankTransfer":true},
            "items":[{"productId":"p1","minQuantity":1,"extraThing":166389351081530800779973}],
            "customMetadata":{"orderRef":"A-1"},"successRedirectUrl":"https://shop/ok"}"#;
        let v: Value = serde_json::from_str(&body(request).unwrap()).unwrap();
        assert_eq!(v["max_number_of_payments"], 3);
        assert_eq!(v["payment_methods"]["bank_transfer"], true);
        assert_eq!(v["items"][0]["product_id"], "p1");
        assert_eq!(v["items"][0]["min_quantity"], 1);
        assert_eq!(v["custom_metadata"]["order_ref"], "A-1");
        assert_eq!(v["success_redirect_url"], "https://shop/ok");
        assert!(body(request).unwrap().contains("166389351081530800779973"));
        for (bad, message) in [
            (json!({"items": []}), "name is required"),
            (json!({"name": "x"}), "items is required"),
            (json!({"name": 5, "items": []}), "name must be a string"),
            (
                json!({"name": "x", "items": [{}]}),
                "items[0].productId is required",
            ),
            (
                json!({"name": "x", "items": [{"productId": "p", "quantity": 1.5}]}),
                "items[0].quantity must be a whole number from 0 to 2^53, got 1.5",
            ),
            (
                json!({"name": "x", "items": [], "paymentMethods": {"visa": "yes"}}),
                "paymentMethods.visa must be a boolean",
            ),
            (
                json!({"name": "x", "items": [], "maxUses": 1, "max_uses": 2}),
                "body has two keys for the field \"max_uses\"; give it once",
            ),
        ] {
            let err = body(&bad.to_string()).unwrap_err();
            assert_eq!(
                (err.code, err.message.as_str()),
                (ErrorCode::InvalidArgument, message),
                "{bad}"
            );
        }
    }

    #[test]
    fn status_body_takes_a_status_or_an_object_with_the_message() {
        assert_eq!(
            payment_link_status_body(r#""COMPLETED""#).unwrap(),
            r#"{"status":"COMPLETED"}"#
        );
        let body = payment_link_status_body(
            r#"{"status":"INACTIVE","deactivateMessage":"Sold out \u00e9"}"#,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            v,
            json!({"status": "INACTIVE", "deactivate_message": "Sold out é"})
        );
        for bad in [
            r#""active""#,
            r#"{"status":"DONE"}"#,
            r#"{"deactivateMessage":"x"}"#,
            "null",
            "5",
        ] {
            let err = payment_link_status_body(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{bad}");
        }
        let err = payment_link_status_body(r#""active""#).unwrap_err();
        assert!(err.message.contains("INACTIVE, ACTIVE, COMPLETED"));
        let err = payment_link_status_body("null").unwrap_err();
        assert!(
            err.message.starts_with("status is required"),
            "{}",
            err.message
        );
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
        assert!(
            out.contains(r#""amount": "1.50""#),
            "amounts are strings: {out}"
        );
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
