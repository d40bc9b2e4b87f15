//! The amount rule and the catalogue agree: in the answer of every operation of both APIs, a
//! modelled field whose name the rule calls an amount is read as one (an amount kind converts
//! and checks it; any other kind would leave a number where the rule promises a string).

use super::*;
use crate::json::{is_amount_name, Kind, Shape};

fn walk(shape: &'static Shape, seen: &mut Vec<*const Shape>, found: &mut Vec<String>) {
    if seen.contains(&(shape as *const Shape)) {
        return;
    }
    seen.push(shape);
    for f in shape.fields {
        let amount_kind = matches!(f.kind(), Kind::Amount | Kind::Units);
        if is_amount_name(f.name.as_bytes()) && !amount_kind {
            found.push(format!("{}.{}: {:?}", shape.what, f.name, f.kind()));
        }
        match f.kind() {
            Kind::Object(inner) | Kind::Array(inner) => walk(inner, seen, found),
            _ => {}
        }
    }
}

#[test]
fn every_modelled_field_the_rule_names_is_read_as_an_amount() {
    let (mut seen, mut found) = (Vec::new(), Vec::new());
    for api in [Api::Gateway, Api::StreamPay] {
        for op in operations(api) {
            walk(op.answer, &mut seen, &mut found);
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    // Every operation's answer shape was walked, nested shapes included.
    #[cfg(feature = "merchant")]
    assert!(seen.len() > 20, "{} shapes", seen.len());
}

#[test]
fn a_gateway_payment_with_every_amount_a_number_decodes_to_strings() {
    let op = find(Api::Gateway, "getPayment").unwrap();
    let body = r#"{"payment_id":"a","status":"pending","amount":166389351081530800779973,"display_amount":0.16638,"display_amount_usd":1,"addresses":[{"token":"USDC","amount":1000000,"displayAmount":1}],"refund":{"amount_in_smallest_unit":5,"lines":[{"unit_price":0.5,"quantity":2}]}}"#;
    let js: serde_json::Value =
        serde_json::from_str(&crate::json::decode(body, op.answer).unwrap().json).unwrap();
    assert_eq!(
        js,
        serde_json::json!({"paymentId":"a","status":"pending","amount":"166389351081530800779973","displayAmount":"0.16638","displayAmountUsd":"1",
            "addresses":[{"token":"USDC","amount":"1000000","displayAmount":"1","decimals":6,"decimalsSource":"registry","formattedAmount":"1"}],
            "refund":{"amountInSmallestUnit":"5","lines":[{"unitPrice":"0.5","quantity":2}]}})
    );
}
