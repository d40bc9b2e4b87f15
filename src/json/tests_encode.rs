//! Request bodies against an independent parser (serde_json, tests only).

use serde_json::{json, Value};

use super::write::camel_case;
use super::*;
use crate::error::ErrorCode;

fn parsed(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

#[test]
fn request_bodies_are_snake_cased_at_every_depth() {
    let out = encode_body(
        r#"{"maxUses":1,"customFields":[{"fieldName":"x","innerObj":{"deepKey":null}}],"returnURL":"u","alreadySnake_key":2}"#,
        &ANY,
    )
    .unwrap();
    assert_eq!(
        out,
        r#"{"max_uses":1,"custom_fields":[{"field_name":"x","inner_obj":{"deep_key":null}}],"return_url":"u","already_snake_key":2}"#
    );
    let escaped = encode_body(r#"{"caf\u00E9Name":1,"\u0041b":2}"#, &ANY).unwrap();
    assert_eq!(
        parsed(&escaped),
        json!({"caféname": 1, "ab": 2}),
        "as before: only ASCII letters count"
    );
    let err = encode_body("{\"a\":", &ANY).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidArgument);
}

#[test]
fn nested_request_shapes_name_the_path() {
    static ITEM: Shape = Shape::new(
        "item",
        &[
            Field::new("price", Kind::Amount).required(),
            Field::new("quantity", Kind::Count),
        ],
    );
    static REQ: Shape = Shape::new(
        "request",
        &[
            Field::new("items", Kind::Array(&ITEM)),
            Field::new("usage_amount", Kind::Units),
        ],
    );
    let ok = encode_body(
        r#"{"items":[{"price":"1.50","quantity":2,"productId":"p"}],"usageAmount":"12"}"#,
        &REQ,
    )
    .unwrap();
    assert_eq!(
        ok,
        r#"{"items":[{"price":"1.50","quantity":2,"product_id":"p"}],"usage_amount":"12"}"#
    );
    for (bad, message) in [
        (r#"{"items":[{}]}"#, "request.items[0].price is required"),
        (
            r#"{"items":[{"price":"1"},{"price":"x"}]}"#,
            "request.items[1].price \"x\"",
        ),
        (r#"{"items":[{"price":1.5}]}"#, "not the number 1.5"),
        (r#"{"items":[5]}"#, "request.items[0] must be an object"),
        (r#"{"items":{}}"#, "request.items must be an array"),
        (
            r#"{"usageAmount":"1.5"}"#,
            "request.usageAmount must be an integer amount",
        ),
        (
            r#"{"items":[{"price":"1","quantity":-1}]}"#,
            "request.items[0].quantity must be a whole number",
        ),
    ] {
        let err = encode_body(bad, &REQ).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument, "{bad}");
        assert!(err.message.contains(message), "{bad}: {}", err.message);
    }
}

#[test]
fn key_case_conversions() {
    assert_eq!(camel_case("display_amount_usd"), "displayAmountUsd");
    assert_eq!(camel_case("displayAmount"), "displayAmount");
    assert_eq!(camel_case("_private"), "_private");
    assert_eq!(snake_case("displayAmountUsd"), "display_amount_usd");
}
