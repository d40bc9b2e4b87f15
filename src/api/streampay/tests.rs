//! Every StreamPay operation against the description's own table (`streampay-operations.json`):
//! the request each builds from JS-style arguments (method, path, query encoding, body casing),
//! what each refuses before sending, and how answers decode.

use super::super::{find, operations, Arg, ArgTexts, Pages};
use crate::http::{Api, Method};
use crate::json::{decode, Shape};
use crate::ErrorCode;
use serde_json::{json, Map, Value};

mod answers;
mod bodies;

const OPS: &str = include_str!("../streampay-operations.json");
const ID: &str = "6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40";
const ID2: &str = "0b5d8c3a-1e2f-4a6b-9c7d-8e9f0a1b2c3d";

fn table() -> Value {
    serde_json::from_str(OPS).unwrap()
}

fn texts<'a>(a: &'a [String]) -> ArgTexts<'a> {
    let mut out: ArgTexts<'a> = [None; 3];
    for (i, t) in a.iter().enumerate() {
        out[i] = Some(t);
    }
    out
}

/// The decoded answer as `JSON.parse` would give it.
fn js(body: &str, shape: &Shape) -> Value {
    serde_json::from_str(&decode(body, shape).unwrap().json).unwrap()
}

#[test]
fn every_operation_of_the_description_is_on_the_client_as_described() {
    let table = table();
    let ops = table["operations"].as_array().unwrap();
    assert_eq!(ops.len(), 45);
    assert_eq!(operations(Api::StreamPay).len(), 45);
    for entry in ops {
        let name = entry["name"].as_str().unwrap();
        let op = find(Api::StreamPay, name).unwrap_or_else(|| panic!("{name} is missing"));
        assert_eq!(op.method.as_str(), entry["method"], "{name}");
        let mut path = entry["path"].as_str().unwrap().to_string();
        for p in entry["pathParams"].as_array().unwrap() {
            path = path.replace(&format!("{{{}}}", p["name"].as_str().unwrap()), "{}");
        }
        assert_eq!(op.path, path, "{name}");
        assert_eq!(op.all, entry["listAll"].as_str(), "{name}");
        if let Some(all) = op.all {
            assert!(std::ptr::eq(find(Api::StreamPay, all).unwrap(), op));
        }
        let ids = op.args.iter().filter(|a| matches!(a, Arg::Id(_))).count();
        assert_eq!(ids, entry["pathParams"].as_array().unwrap().len(), "{name}");
        let bodies = op.args.iter().filter(|a| matches!(a, Arg::Body(_))).count();
        assert_eq!(
            bodies,
            usize::from(!entry["requestBody"].is_null()),
            "{name}"
        );
        let queries = op
            .args
            .iter()
            .filter(|a| matches!(a, Arg::Query(_)))
            .count();
        let has_query = !entry["queryParams"].as_array().unwrap().is_empty();
        assert_eq!(queries, usize::from(has_query), "{name}");
        // Only GETs are retried.
        assert_eq!(
            op.method.is_retry_safe(),
            op.method == Method::Get,
            "{name}"
        );
        assert_eq!(entry["retried"], op.method == Method::Get, "{name}");
        // A list answer captures its pagination; everything else is an object.
        if !entry["response"]["list"].is_null() {
            let page = op.answer.fields.iter().find(|f| f.name == "pagination");
            assert!(page.is_some(), "{name} reads pagination");
        }
    }
}

/// A value for one query param of the table, and what the query must then hold.
fn query_value(q: &Value) -> (Value, Vec<String>) {
    let wire = q["name"].as_str().unwrap();
    match (q["encoding"].as_str().unwrap(), q["type"].as_str().unwrap()) {
        ("repeat", _) => (
            json!(["AB_C", "DE"]),
            vec![format!("{wire}=AB_C"), format!("{wire}=DE")],
        ),
        ("comma", _) => (json!(["SAR", "USD"]), vec![format!("{wire}=SAR,USD")]),
        (_, "integer") => (json!(3), vec![format!("{wire}=3")]),
        (_, "boolean") => (json!(false), vec![format!("{wire}=false")]),
        (_, "decimal") => (json!("10.50"), vec![format!("{wire}=10.50")]),
        _ if wire == "sort_direction" => (json!("asc"), vec![format!("{wire}=asc")]),
        (_, _) if q["format"] == "date-time" => (
            json!("2026-11-01T00:00:00+03:00"),
            vec![format!("{wire}=2026-11-01T00%3A00%3A00%2B03%3A00")],
        ),
        _ => (json!("a&b"), vec![format!("{wire}=a%26b")]),
    }
}

#[test]
fn every_list_parameter_is_sent_with_its_encoding() {
    for entry in table()["operations"].as_array().unwrap() {
        let params = entry["queryParams"].as_array().unwrap();
        if params.is_empty() {
            continue;
        }
        let name = entry["name"].as_str().unwrap();
        let op = find(Api::StreamPay, name).unwrap();
        let mut object = Map::new();
        let mut expected = Vec::new();
        for q in params {
            let (value, parts) = query_value(q);
            object.insert(q["jsName"].as_str().unwrap().to_string(), value);
            expected.extend(parts);
        }
        let mut args: Vec<String> = entry["pathParams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|_| ID.to_string())
            .collect();
        args.push(Value::Object(object).to_string());
        let req = op.request(&texts(&args)).unwrap();
        assert_eq!(req.method, Method::Get);
        let query = req.path.split_once('?').unwrap().1;
        let sent: Vec<&str> = query.split('&').collect();
        for part in &expected {
            assert!(sent.contains(&part.as_str()), "{name}: {part} in {query}");
        }
        assert_eq!(sent.len(), expected.len(), "{name}: {query}");
        // Range checks of every list.
        for (bad, message) in [
            (r#"{"limit":101}"#, "limit must be from 1 to 100, got 101"),
            (r#"{"page":0}"#, "page starts at 1, got 0"),
            (r#"{"nope":1}"#, "unknown option \"nope\""),
        ] {
            let mut args = args.clone();
            *args.last_mut().unwrap() = bad.to_string();
            let err = op.request(&texts(&args)).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{name} {bad}");
            assert!(err.message.contains(message), "{name}: {}", err.message);
        }
        // No params at all: the bare path.
        let mut bare = args.clone();
        bare.pop();
        assert!(!op.request(&texts(&bare)).unwrap().path.contains('?'));
    }
}

#[test]
fn every_list_all_walks_pages_and_stops_without_pagination() {
    for op in operations(Api::StreamPay)
        .iter()
        .filter(|op| op.all.is_some())
    {
        let name = op.all.unwrap();
        // A path id where the list has one (a subscription's freezes), then the params.
        let mut args: [Option<&str>; 3] = [None; 3];
        for (slot, arg) in args.iter_mut().zip(op.args) {
            *slot = match arg {
                crate::api::Arg::Id(_) => Some("sub-1"),
                _ => Some("{\"limit\":2}"),
            };
        }
        let mut pages = Pages::new(op, &args).unwrap();
        let first = pages.next_request().unwrap().unwrap();
        assert!(
            first.path.ends_with("?page=1&limit=2"),
            "{name}: {}",
            first.path
        );
        let page = |next: bool, data: &str| {
            let body = format!(
                r#"{{"data":[{data}],"pagination":{{"current_page":1,"has_next_page":{next}}}}}"#
            );
            decode(&body, op.answer).unwrap().captures
        };
        let mut empty = pages.clone();
        empty.advance(&page(true, ""));
        assert!(
            empty.next_request().is_none(),
            "{name}: an empty page is the last"
        );
        pages.advance(&page(
            true,
            r#"{"id":"x","current_status":"PENDING","status":"ACTIVE","url":"u"}"#,
        ));
        assert!(
            pages
                .next_request()
                .unwrap()
                .unwrap()
                .path
                .contains("page=2"),
            "{name}"
        );
        pages.advance(&decode(r#"{"data":[]}"#, op.answer).unwrap().captures);
        assert!(
            pages.next_request().is_none(),
            "{name}: no pagination, last page"
        );
        assert!(Pages::new(op, &[Some("{\"limit\":500}"), None, None]).is_err());
    }
    let names: Vec<&str> = operations(Api::StreamPay)
        .iter()
        .filter_map(|op| op.all)
        .collect();
    for all in [
        "listAllConsumers",
        "listAllProducts",
        "listAllCoupons",
        "listAllInvoices",
        "listAllPayments",
        "listAllPaymentLinks",
        "listAllSubscriptions",
        "listAllMeteredSubscriptions",
    ] {
        assert!(names.contains(&all), "{all}");
    }
}

#[test]
fn every_generated_shape_fits_the_rewriters_seen_set() {
    assert!(crate::models::SHAPES.len() > 40);
    for shape in crate::models::SHAPES {
        assert!(shape.fields.len() <= 64, "{}", shape.what);
    }
}
