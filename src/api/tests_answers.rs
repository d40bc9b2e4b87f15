//! Every answer the description allows decodes: the `{}` answers take any JSON value (an empty
//! body or a 204 reads as `null`), and the pages take whatever integers `pagination` holds.

use super::*;
use crate::http::{HttpRequest, HttpResponse};
use serde_json::Value;

const OPERATIONS: &str = include_str!("streampay-operations.json");

/// The description's operations with `pick(response)` true, by name.
fn named(pick: fn(&Value) -> bool) -> Vec<&'static Operation> {
    let table: Value = serde_json::from_str(OPERATIONS).unwrap();
    let names: Vec<String> = table["operations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| pick(&o["response"]))
        .map(|o| o["name"].as_str().unwrap().to_string())
        .collect();
    names
        .iter()
        .map(|n| find(Api::StreamPay, n).unwrap_or_else(|| panic!("{n} not in the catalogue")))
        .collect()
}

fn answer(op: &Operation, status: u16, body: &str) -> crate::error::Result<Value> {
    let req = HttpRequest::get(Api::StreamPay, op.path.replace("{}", "x"));
    let resp = HttpResponse {
        status,
        body: body.into(),
        ..Default::default()
    };
    let decoded = req.decode(&resp, 0.0, op.answer)?;
    Ok(serde_json::from_str(&decoded.json).unwrap())
}

#[test]
fn an_answer_of_any_json_decodes_as_sent_and_an_empty_one_is_null() {
    let ops = named(|r| r["schema"].is_null() && r["list"].is_null());
    let names: Vec<&str> = ops.iter().map(|o| o.name).collect();
    assert_eq!(
        names,
        [
            "deleteConsumer",
            "deleteProduct",
            "deleteProductPrice",
            "deleteCoupon",
            "deleteSubscriptionFreeze"
        ]
    );
    for op in ops {
        for (status, body, js) in [
            (200, "null", "null"),
            (200, " null\n", "null"),
            (200, "", "null"),
            (204, "", "null"),
            (200, "\r\n", "null"),
            (200, "true", "true"),
            (200, "-0.5e-3", "-0.5e-3"),
            (200, "9007199254740993", r#""9007199254740993""#),
            (200, r#""deleted""#, r#""deleted""#),
            (200, r#"[{"deleted_at":1},[]]"#, r#"[{"deletedAt":1},[]]"#),
            (200, r#"{"is_deleted":true}"#, r#"{"isDeleted":true}"#),
        ] {
            let got =
                answer(op, status, body).unwrap_or_else(|e| panic!("{} {body:?}: {e}", op.name));
            assert_eq!(
                got,
                serde_json::from_str::<Value>(js).unwrap(),
                "{} {body:?}",
                op.name
            );
        }
        for bad in ["nul", "{", "<html></html>", "1 2"] {
            let err = answer(op, 200, bad).unwrap_err();
            assert_eq!(err.code, crate::ErrorCode::Decode, "{} {bad:?}", op.name);
        }
    }
}

#[test]
fn an_object_answer_still_refuses_null_and_an_empty_body() {
    for op in named(|r| r["schema"].is_string()) {
        for body in ["null", "", "[]"] {
            let err = answer(op, 200, body).unwrap_err();
            assert_eq!(err.code, crate::ErrorCode::Decode, "{} {body:?}", op.name);
        }
    }
}

#[test]
fn pages_keep_their_items_whatever_integers_pagination_holds() {
    let ops = named(|r| r["list"].is_string());
    assert_eq!(ops.len(), 9);
    for op in ops {
        for (given, js) in [
            ("-1", "-1"),
            ("-9007199254740993", r#""-9007199254740993""#),
            ("18446744073709551616", r#""18446744073709551616""#),
            ("0", "0"),
            ("2e0", "2e0"),
        ] {
            let body = format!(
                r#"{{"data":[{{"id":"x","current_status":"PENDING","status":"ACTIVE","url":"u"}}],"pagination":{{"total_count":{given},"max_page":{given},"current_page":{given},"limit":{given},"has_next_page":true,"has_previous_page":false}}}}"#
            );
            let req = HttpRequest::get(Api::StreamPay, "/p".into());
            let resp = HttpResponse {
                status: 200,
                body,
                ..Default::default()
            };
            let decoded = req
                .decode(&resp, 0.0, op.answer)
                .unwrap_or_else(|e| panic!("{} {given}: {e}", op.name));
            assert!(decoded.captures.has_next_page() && decoded.captures.has_items());
            let js_page: Value = serde_json::from_str(&decoded.json).unwrap();
            let expected: Value = serde_json::from_str(js).unwrap();
            for key in ["totalCount", "maxPage", "currentPage", "limit"] {
                assert_eq!(
                    js_page["pagination"][key], expected,
                    "{} {key} {given}",
                    op.name
                );
            }
            assert_eq!(js_page["data"].as_array().map(Vec::len), Some(1));
        }
    }
}
