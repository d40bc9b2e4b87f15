//! The StreamPay merchant API's objects (v2), every one generated from its description into
//! `streampay/generated.rs` (`make types`); the fields that keep a rule beyond the description
//! (required, always present, captured for the pollers) are listed in `codegen/catalogue.mjs`.

#[rustfmt::skip]
mod generated;

pub use generated::*;

/// Statuses after which a StreamPay payment no longer changes by itself.
pub const STREAMPAY_TERMINAL_STATUSES: &[&str] = &[
    "SUCCEEDED",
    "FAILED",
    "FAILED_INITIATION",
    "CANCELED",
    "EXPIRED",
    "SETTLED",
    "REFUNDED",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::decode;
    use crate::models::test_support::js;
    use serde_json::Value;

    const PAGE: &str = include_str!("../../pkg/mock/fixtures/streampay-payments-page.json");
    const ONE: &str = include_str!("../../pkg/mock/fixtures/streampay-payment.json");

    fn terminal(status: &Value) -> bool {
        status
            .as_str()
            .is_some_and(|s| STREAMPAY_TERMINAL_STATUSES.contains(&s))
    }

    #[test]
    fn decodes_the_documented_page() {
        let js = js(PAGE, &PAYMENT_PAGE).unwrap();
        let data = js["data"].as_array().unwrap();
        assert_eq!(data.len(), 2);
        assert_eq!(data[1]["amount"], "12.345");
        assert_eq!(data[1]["amountInSmallestUnit"], "12345");
        assert!(terminal(&data[0]["currentStatus"]) && !terminal(&data[1]["currentStatus"]));
        assert_eq!(data[0]["currentStatus"], "SUCCEEDED");
        assert_eq!(data[0]["payedAt"], "2026-11-20T09:04:12+03:00");
        assert_eq!(data[0]["refundedAt"], Value::Null);
        assert_eq!(data[0]["amountInSmallestUnit"], "11500");
        assert_eq!(js["pagination"]["hasNextPage"], false);
        assert_eq!(js["pagination"]["totalCount"], 2);
        let d = decode(PAGE, &PAYMENT_PAGE).unwrap();
        assert!(!d.captures.has_next_page());
        assert!(d.captures.has_items());
        assert_eq!(
            d.captures.status(),
            None,
            "items' statuses are not the page's"
        );
    }

    #[test]
    fn decodes_one_payment_with_its_status() {
        let d = decode(ONE, &STREAMPAY_PAYMENT).unwrap();
        let js = js(ONE, &STREAMPAY_PAYMENT).unwrap();
        assert_eq!(d.captures.status(), js["currentStatus"].as_str());
        assert!(d.captures.status().is_some());
    }

    #[test]
    fn big_smallest_units_stay_exact_and_unknown_statuses_decode() {
        let body = r#"{"id":"x","current_status":"ON_HOLD","amount_in_smallest_unit":90071992547409931234,"invoice_id":"i"}"#;
        let js = js(body, &STREAMPAY_PAYMENT).unwrap();
        assert_eq!(js["amountInSmallestUnit"], "90071992547409931234");
        assert!(!terminal(&js["currentStatus"]));
        assert_eq!(js["invoiceId"], "i");
        assert_eq!(
            js["refundReason"],
            Value::Null,
            "documented fields are always there"
        );
    }

    #[test]
    fn pagination_counts_pass_through_as_they_came() {
        let body = r#"{"data":[],"pagination":{"total_count":-1,"max_page":9007199254740993,
            "current_page":-9007199254740993,"limit":1e3,"has_next_page":true}}"#;
        let d = decode(body, &PAYMENT_PAGE).unwrap();
        assert!(d.captures.has_next_page());
        assert!(!d.captures.has_items(), "an empty page");
        let js: Value = serde_json::from_str(&d.json).unwrap();
        let p = &js["pagination"];
        assert_eq!(p["totalCount"], -1);
        assert_eq!(p["maxPage"], "9007199254740993", "past 2^53: a string");
        assert_eq!(p["currentPage"], "-9007199254740993");
        assert_eq!(p["limit"], 1000.0);
        assert!(d.json.contains(r#""limit":1e3"#), "{}", d.json);
    }

    #[test]
    fn wrong_types_are_decode_errors() {
        for bad in [
            r#"{"data":{},"pagination":{}}"#,
            r#"{"data":[],"pagination":{"total_count":"2"}}"#,
            r#"{"data":[],"pagination":[]}"#,
            r#"{"data":[{"id":1,"current_status":"PENDING"}],"pagination":{}}"#,
            r#"{"data":[{"id":"x","current_status":"PENDING","amount":[1]}],"pagination":{}}"#,
        ] {
            let err = decode(bad, &PAYMENT_PAGE).unwrap_err();
            assert_eq!(err.code, crate::ErrorCode::Decode, "{bad}");
        }
        let err = decode(
            r#"{"id":"x","current_status":"PENDING","amount":{"v":1}}"#,
            &STREAMPAY_PAYMENT,
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "StreamPay payment: field \"amount\" is an object, expected a number or numeric string"
        );
    }

    #[test]
    fn a_page_without_pagination_decodes_and_is_the_last() {
        let body = r#"{"data":[{"id":"x","current_status":"PENDING"}],"total":1}"#;
        let d = decode(body, &PAYMENT_PAGE).unwrap();
        assert!(!d.captures.has_next_page());
        let js: Value = serde_json::from_str(&d.json).unwrap();
        assert_eq!(js["total"], 1, "unknown page fields are kept");
        assert!(js.get("pagination").is_none());
    }
}
