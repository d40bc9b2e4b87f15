//! The crypto gateway's payment object (v1).

use crate::amount::{format_units, FormatOptions};
use crate::json::{Extra, Field, Kind, Locals, Members, Shape, Slot};
use crate::tokens::{infer_decimals, token_decimals};

/// Statuses after which the payment no longer changes. `not_found` also covers an expired
/// payment (`reason: "expired"`).
pub const GATEWAY_TERMINAL_STATUSES: &[&str] = &["completed", "not_found"];

/// A payment. Fields that are strings in the documentation; numbers are accepted for the
/// amounts and kept as their exact text.
pub static GATEWAY_PAYMENT: Shape = Shape::new(
    "gateway payment",
    &[
        Field::str("payment_id").required(),
        // `pending`, `completed`, `not_found`, or a status this version does not know.
        Field::str("status").required().capture(Slot::Status),
        Field::str("reason"),
        Field::new("addresses", Kind::Array(&GATEWAY_COIN)).with(&Extra::new().or("[]")),
        Field::str("network"),
        Field::str("address"),
        Field::str("name"),
        Field::str("description"),
        Field::str("return_url"),
        Field::str("created_at"),
        Field::str("expiry_at"),
        Field::str("processed_at"),
        Field::str("transaction_hash"),
        Field::str("signer_id"),
        Field::str("local_currency"),
        Field::new("display_amount", Kind::Amount),
        Field::new("display_amount_usd", Kind::Amount),
        Field::new("display_amount_eur", Kind::Amount),
        Field::new("amount", Kind::Units),
    ],
);

const TOKEN: usize = 0;
const AMOUNT: usize = 1;
const DISPLAY: usize = 2;

/// One coin a payment can be paid in. The gateway sends `displayAmount` camelCased already.
pub static GATEWAY_COIN: Shape = Shape::new(
    "gateway payment coin",
    &[
        Field::str("token").required().local(TOKEN),
        Field::new("amount", Kind::Units).required().local(AMOUNT),
        Field::new("displayAmount", Kind::Amount).local(DISPLAY),
        Field::str("blockchain"),
        Field::str("contract"),
        Field::str("address"),
        Field::str("icon"),
    ],
)
.on_close(coin_decimals);

/// `decimals` (from `tokenDecimals`, or inferred from the gateway's own `displayAmount`),
/// `decimalsSource` and `formattedAmount` (`amount` at `decimals`, every digit kept).
fn coin_decimals(locals: &Locals<'_>, members: &mut Members<'_>) {
    let [Some(token), Some(amount), display, _] = locals else {
        return;
    };
    let (decimals, source) = decimals_for(token, amount, display.as_deref());
    let Some(decimals) = decimals else {
        return;
    };
    members.raw("decimals", &crate::text::number(decimals));
    if let Some(source) = source {
        members.string("decimalsSource", source);
    }
    if let Ok(formatted) = format_units(amount, decimals, &FormatOptions::default()) {
        members.string("formattedAmount", &formatted);
    }
}

/// The registry's decimals unless the gateway's own `displayAmount` contradicts them and points
/// to another value (the documented USDC example is 17 by its display, 6 by the registry).
fn decimals_for(
    token: &str,
    amount: &str,
    display: Option<&str>,
) -> (Option<u32>, Option<&'static str>) {
    let known = token_decimals(token);
    let inferred = display.and_then(|d| infer_decimals(amount, d));
    match (known, inferred) {
        (Some(k), Some(i)) if k != i => (Some(i), Some("inferred")),
        (Some(k), _) => (Some(k), Some("registry")),
        (None, Some(i)) => (Some(i), Some("inferred")),
        (None, None) => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::decode;
    use crate::models::test_support::js;
    use crate::ErrorCode;

    const COMPLETED: &str = include_str!("../../pkg/mock/fixtures/gateway-payment-completed.json");
    const EXPIRED: &str = include_str!("../../pkg/mock/fixtures/gateway-payment-expired.json");

    fn terminal(status: Option<&str>) -> bool {
        status.is_some_and(|s| GATEWAY_TERMINAL_STATUSES.contains(&s))
    }

    #[test]
    fn decodes_the_documented_completed_payment() {
        let d = decode(COMPLETED, &GATEWAY_PAYMENT).unwrap();
        assert_eq!(d.captures.status(), Some("completed"));
        assert!(terminal(d.captures.status()));
        let js = js(COMPLETED, &GATEWAY_PAYMENT).unwrap();
        let near = &js["addresses"][0];
        assert_eq!(near["amount"], "166389351081530800779973");
        assert_eq!(
            (&near["decimals"], &near["decimalsSource"]),
            (&24.into(), &"registry".into())
        );
        assert_eq!(near["formattedAmount"], "0.166389351081530800779973");
        let usdc = &js["addresses"][1];
        assert_eq!(
            (&usdc["decimals"], &usdc["decimalsSource"]),
            (&17.into(), &"inferred".into())
        );
        assert_eq!(usdc["formattedAmount"], "1");
        assert_eq!(js["paymentId"], "LqaUrQimtgTe9iF3Knv8Ld");
        assert_eq!(js["displayAmountUsd"], "1.00");
        assert_eq!(
            js["transactionHash"],
            "9HKiSMrjFvmT1Pb7bTCZ8XPUQukRfSyQ58WJCmfXyWgX"
        );
        assert_eq!(js["addresses"][0]["displayAmount"], "0.16638");
        assert_eq!(js["addresses"][0]["contract"], "wrap.strm");
    }

    #[test]
    fn decodes_the_expired_shape() {
        let d = decode(EXPIRED, &GATEWAY_PAYMENT).unwrap();
        let js = js(EXPIRED, &GATEWAY_PAYMENT).unwrap();
        assert_eq!(
            (d.captures.status(), js["reason"].as_str()),
            (Some("not_found"), Some("expired"))
        );
        assert_eq!(js["addresses"], serde_json::json!([]));
        assert!(terminal(d.captures.status()));
    }

    #[test]
    fn keeps_unknown_fields_and_statuses() {
        let body = r#"{"payment_id":"a","status":"refunding","new_field":{"x_y":1},"amount":123456789012345678901234567890}"#;
        let d = decode(body, &GATEWAY_PAYMENT).unwrap();
        assert!(!terminal(d.captures.status()));
        let js = js(body, &GATEWAY_PAYMENT).unwrap();
        assert_eq!(js["newField"]["xY"], 1, "camelCase at every depth");
        assert_eq!(js["amount"], "123456789012345678901234567890");
        assert_eq!(js["addresses"], serde_json::json!([]), "absent list is []");
    }

    #[test]
    fn wrong_types_are_decode_errors() {
        for bad in [
            r#"{"payment_id":"a","status":"pending","addresses":[{"token":"STRM","amount":{"v":1}}]}"#,
            r#"{"payment_id":"a","status":"pending","addresses":[{"token":"STRM","amount":"1.5"}]}"#,
            r#"{"payment_id":"a","status":5}"#,
            r#"{"status":"pending"}"#,
            r#"{"payment_id":"a","status":"pending","addresses":{}}"#,
            r#"{"payment_id":"a","status":"pending","addresses":[1]}"#,
            r#"{"payment_id":"a","status":"pending","addresses":[{"amount":"1"}]}"#,
        ] {
            let err = decode(bad, &GATEWAY_PAYMENT).unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode, "{bad}");
        }
        let err = decode(r#"{"status":"pending"}"#, &GATEWAY_PAYMENT).unwrap_err();
        assert_eq!(
            err.message,
            "gateway payment: field \"payment_id\" is missing"
        );
        let err = decode(r#"{"payment_id":"a","status":"pending","addresses":[{"token":"STRM","amount":"1.5"}]}"#, &GATEWAY_PAYMENT).unwrap_err();
        assert_eq!(
            err.message,
            "gateway payment coin: field \"amount\" is \"1.5\", expected an integer amount in smallest units"
        );
        let err = decode(
            r#"{"payment_id":"a","status":"pending","addresses":[1]}"#,
            &GATEWAY_PAYMENT,
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "gateway payment coin is a number, expected an object"
        );
    }

    #[test]
    fn an_unknown_token_without_display_gets_no_decimals() {
        let body =
            r#"{"payment_id":"a","status":"pending","addresses":[{"token":"NOPE","amount":"5"}]}"#;
        let js = js(body, &GATEWAY_PAYMENT).unwrap();
        let coin = js["addresses"][0].as_object().unwrap();
        assert_eq!(coin.len(), 2, "{coin:?}");
    }
}
