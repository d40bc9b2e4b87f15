//! Creating gateway payments: the request body and the payment-link answer.

use crate::error::Result;
use crate::json::{encode_body, Check, Extra, Field, Kind, Rule, Shape};
use crate::prelude::*;

/// `createPaymentLink` / `createPayment`'s request: a name, a return URL and exactly one of the
/// three documented amounts, each a decimal string above zero kept exactly as written.
pub static CREATE_PAYMENT_REQUEST: Shape = Shape::new(
    "request",
    &[
        Field::str("name")
            .required()
            .with(&Extra::new().check(Check::NonEmpty)),
        Field::str("return_url")
            .required()
            .with(&Extra::new().check(Check::NonEmpty)),
        Field::str("description"),
        Field::new("amount_usd", Kind::Amount).with(&Extra::new().check(Check::Positive)),
        Field::new("amount_eur", Kind::Amount).with(&Extra::new().check(Check::Positive)),
        Field::new("amount", Kind::Amount).with(&Extra::new().check(Check::Positive)),
    ],
)
.rule(Rule::ExactlyOne(
    &[3, 4, 5],
    "request needs exactly one of amountUsd, amountEur or amount (STRM)",
))
.closed();

/// The documented snake_case body from the caller's request (`JSON.stringify`'d).
pub fn create_payment_body(request_json: &str) -> Result<String> {
    encode_body(request_json, &CREATE_PAYMENT_REQUEST)
}

/// The hosted payment page the gateway created: `paymentID` reaches JS as `paymentId`.
pub static GATEWAY_PAYMENT_LINK: Shape = Shape::new(
    "gateway payment link",
    &[
        Field::str("paymentID")
            .required()
            .with(&Extra::new().js("paymentId")),
        Field::str("expiryAt"),
        Field::str("url").required(),
    ],
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::test_support::js;
    use crate::ErrorCode;
    use serde_json::{json, Value};

    fn request(amounts: [Option<&str>; 3]) -> Result<String> {
        let mut v = json!({"name": "Order 1", "returnUrl": "https://shop/x"});
        for (key, amount) in ["amountUsd", "amountEur", "amount"]
            .into_iter()
            .zip(amounts)
        {
            if let Some(a) = amount {
                v[key] = Value::String(a.into());
            }
        }
        create_payment_body(&v.to_string())
    }

    #[test]
    fn exactly_one_amount_kept_as_written() {
        let body = request([Some("10.50"), None, None]).unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["amount_usd"], "10.50");
        assert_eq!(v["return_url"], "https://shop/x");
        assert!(v.get("amount").is_none());
        assert!(request([Some("1"), Some("2"), None]).is_err());
        assert!(request([None, None, None]).is_err());
        assert!(request([None, None, Some("1e3")]).is_err());
        assert!(request([None, Some("-1"), None]).is_err());
        assert!(request([None, Some("0.00"), None]).is_err());
        assert_eq!(
            request([None, None, None]).unwrap_err().message,
            "request needs exactly one of amountUsd, amountEur or amount (STRM)"
        );
        assert_eq!(
            request([None, Some("0.00"), None]).unwrap_err().message,
            "request.amountEur must be more than zero, got \"0.00\""
        );
    }

    #[test]
    fn amounts_as_numbers() {
        let body = create_payment_body(r#"{"name":"a","returnUrl":"u","amountUsd":10}"#).unwrap();
        assert!(body.contains(r#""amount_usd":"10""#), "{body}");
        let err =
            create_payment_body(r#"{"name":"a","returnUrl":"u","amountUsd":10.5}"#).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert!(err.message.contains("decimal string"), "{}", err.message);
    }

    #[test]
    fn required_fields_are_named() {
        for (bad, message) in [
            (
                r#"{"returnUrl":"u","amount":"1"}"#,
                "request.name is required",
            ),
            (
                r#"{"name":"a","amount":"1"}"#,
                "request.returnUrl is required",
            ),
            (
                r#"{"name":5,"returnUrl":"u","amount":"1"}"#,
                "request.name must be a string",
            ),
            (
                r#"{"name":" ","returnUrl":"u","amount":"1"}"#,
                "request.name must not be empty",
            ),
            ("[]", "request must be an object, got an array"),
        ] {
            let err = create_payment_body(bad).unwrap_err();
            assert_eq!(
                (err.code, err.message.as_str()),
                (ErrorCode::InvalidArgument, message)
            );
        }
    }

    #[test]
    fn decodes_the_link() {
        let body = r#"{"paymentID": "abc", "expiryAt": "2026-01-01T00:00:00+00:00", "url": "https://pay/x"}"#;
        let link = js(body, &GATEWAY_PAYMENT_LINK).unwrap();
        assert_eq!(link["paymentId"], "abc");
        assert!(link.get("paymentID").is_none());
        assert!(js(r#"{"paymentID": 1, "url": "u"}"#, &GATEWAY_PAYMENT_LINK).is_err());
    }
}
