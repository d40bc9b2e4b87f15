//! Every error text on a table of causes, compared with `src/error_texts.txt`: the texts as they
//! were recorded before the messages stopped going through `core::fmt`. A change of
//! any message shows here as a diff of that file. `BLESS_ERROR_TEXTS=1 cargo test error_texts`
//! rewrites it, for a message changed on purpose.

use std::rc::Rc;

use crate::amount::{self, FormatOptions, Rounding};
use crate::api::{self, Arg};
use crate::error::{Result, StreamError};
use crate::http::{
    error_for_status, Api, Endpoint, HttpRequest, HttpResponse, Method, RetryPolicy,
};
use crate::protocol::Broken;

struct Table(Vec<String>);

impl Table {
    fn row<T>(&mut self, cause: &str, result: Result<T>) {
        let text = match result {
            Ok(_) => "ok".to_string(),
            Err(err) => describe(&err),
        };
        self.0.push(format!("{cause}\n  {text}"));
    }
}

fn describe(err: &StreamError) -> String {
    let mut text = format!("{} {}", err.code.as_str(), err.message);
    if let Some(details) = &err.details {
        for (key, json) in details.iter() {
            text.push_str(&format!(" [{key}={json}]"));
        }
    }
    text
}

const TEXTS: [&str; 9] = [
    "",
    "a/b",
    "x y",
    "{",
    "[1]",
    "{\"unknown\":true}",
    "{\"amount\":\"abc\",\"page\":-1,\"limit\":\"x\",\"status\":5}",
    "\"..\"",
    "12a",
];

fn operations(table: &mut Table) {
    for api in [Api::Gateway, Api::StreamPay] {
        for op in api::operations(api) {
            for text in TEXTS {
                let args = [Some(text), Some(text), Some(text)];
                table.row(&format!("{} args {text:?}", op.name), op.request(&args));
            }
            table.row(
                &format!("{} no args", op.name),
                op.request(&[None, None, None]),
            );
            let ids_ok = op.args.iter().map(|a| match a {
                Arg::Id(_) | Arg::Text(..) => Some("p1"),
                Arg::Query(_) | Arg::Body(_) => Some("{\"x\":[{\"y\":1}]}"),
            });
            let args: Vec<Option<&str>> = ids_ok.chain([None, None, None]).take(3).collect();
            table.row(
                &format!("{} odd object", op.name),
                op.request(&[args[0], args[1], args[2]]),
            );
            for body in [
                "",
                "null",
                "[]",
                "{",
                "{\"id\":5,\"status\":7,\"amount\":1.5}",
                "{\"data\":{},\"pagination\":[]}",
                "{\"payment_id\":null,\"status\":\"x\"}",
            ] {
                table.row(
                    &format!("{} answer {body:?}", op.name),
                    crate::json::decode(body, op.answer),
                );
            }
        }
    }
}

fn validation(table: &mut Table) {
    for (id, what) in [
        ("", "paymentId"),
        ("a/b", "paymentId"),
        ("..", "id"),
        ("x\u{7f}", "id"),
    ] {
        table.row(
            &format!("path_id {id:?}"),
            crate::validate::path_id(id, what),
        );
    }
    table.row(
        "path_id long",
        crate::validate::path_id(&"x".repeat(300), "id"),
    );
    for url in [
        "",
        "ftp://x",
        "not a url",
        "http://user:pw@host",
        "https://host/path?q=1",
        "https://host#f",
        "http://",
    ] {
        table.row(
            &format!("base_url {url:?}"),
            crate::validate::base_url(url, "baseUrl"),
        );
    }
}

fn amounts(table: &mut Table) {
    for value in [-1.0, 1.5, 1e9, f64::NAN, 78.0] {
        table.row(
            &format!("decimals {value}"),
            amount::decimals_from_f64(value),
        );
        table.row(
            &format!("count {value}"),
            amount::count_from_f64("formatUnits", "maxFractionDigits", value),
        );
    }
    let long = "9".repeat(400);
    let texts = [
        "", "12a", "1.5", "-", "--1", "1e5", "0x10", " 1", "١٢", "NaN", "Infinity", "1,000", &long,
    ];
    let options = FormatOptions::default();
    for text in texts {
        table.row(
            &format!("format_units {text:?}"),
            amount::format_units(text, 6, &options),
        );
        table.row(
            &format!("parse_units {text:?}"),
            amount::parse_units(text, 2, None),
        );
    }
    for (text, rounding) in [
        ("1.2345", None),
        ("1.2345", Some(Rounding::HalfUp)),
        ("-0.001", None),
    ] {
        table.row(
            &format!("parse_units {text:?} {rounding:?}"),
            amount::parse_units(text, 2, rounding),
        );
    }
    for (token, decimals) in [
        ("", Some(2)),
        ("X".repeat(100).as_str(), Some(2)),
        ("ABC", Some(1000)),
        ("a b", Some(1)),
    ] {
        table.row(
            &format!("set_token_decimals {token:?}"),
            crate::tokens::set_token_decimals(token, decimals),
        );
    }
}

fn http(table: &mut Table) {
    let req = HttpRequest::get(Api::StreamPay, "/api/v2/payments/abc?search_term=x".into());
    let post = HttpRequest::new(
        Api::Gateway,
        Method::Post,
        "/api/v1/payment/shop/page".into(),
        Some("{}".into()),
    );
    for status in [
        302, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503, 504,
    ] {
        for body in [
            "",
            "<html>oops</html>",
            "{\"message\":\"bad thing\"}",
            "{\"error\":{\"code\":\"PAYMENT_FINALIZED\",\"message\":\"done\"}}",
            "{\"detail\":[{\"loc\":[\"body\",\"amount\"],\"msg\":\"too small\"}]}",
            "{\"code\":\"PAID_TOGETHER\",\"payment_ids\":[\"a\",\"b\"]}",
        ] {
            for r in [&req, &post] {
                let resp = HttpResponse {
                    status,
                    request_id: Some("req-1".into()),
                    retry_after: Some("7".into()),
                    body: body.into(),
                    ..Default::default()
                };
                table.row(
                    &format!("{status} {} {body:?}", r.method.as_str()),
                    Err::<(), _>(error_for_status(r, &resp, 0.0)),
                );
            }
        }
    }
    let endpoint = Endpoint {
        base_url: "http://127.0.0.1:9".into(),
        headers: Rc::from(vec![("x-api-key".to_string(), "sekrit-key".to_string())]),
        timeout_ms: 1_000,
        retry: RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        },
    };
    let get = HttpRequest::get(Api::Gateway, "/api/v1/payment/abc".into());
    for how in Broken::ALL {
        for detail in ["", "fetch failed: ECONNREFUSED", "leaked sekrit-key here"] {
            let mut call = endpoint.call(get.clone(), &crate::models::GATEWAY_PAYMENT, None, 0.0);
            let outcome = call.failed(how, detail, 0.0, 0.5).unwrap_settled();
            table.row(&format!("broken {how:?} {detail:?}"), outcome);
        }
    }
    let call = endpoint.call(get.clone(), &crate::models::GATEWAY_PAYMENT, Some(500), 0.0);
    table.row("timeout", call.timeout(10_000.0).map_or(Ok(()), Err));
}

#[cfg(feature = "merchant")]
fn push(table: &mut Table) {
    use crate::push::{gateway_callback::GatewayCallback, signature_header, webhook};
    for header in [
        "",
        "garbage",
        "t=1",
        "t=x,v1=ab",
        "v1=ab",
        &"t=1,".repeat(600),
    ] {
        table.row(
            &format!("signature {header:?}"),
            signature_header::parse(header),
        );
    }
    for body in [
        "",
        "[]",
        "{",
        "{\"type\":1}",
        "{\"id\":\"e\",\"type\":\"x\"}",
    ] {
        table.row(
            &format!("webhook body {body:?}"),
            webhook::WebhookEvent::parse(body.as_bytes()),
        );
        table.row(
            &format!("callback body {body:?}"),
            GatewayCallback::parse(body.as_bytes()),
        );
        table.row(
            &format!("webhook check {body:?}"),
            webhook::WebhookCheck::new("t=100,v1=00", body.as_bytes(), 10_000, 300),
        );
    }
    table.row(
        "freshness",
        crate::push::freshness::check_freshness(0, 1000, 10),
    );
    for (id, secret) in [("", "s"), ("k", ""), ("k:x", "s")] {
        table.row(
            &format!("api_key_token {id:?} {secret:?}"),
            crate::credentials::api_key_token(id, secret),
        );
    }
    table.row("check_token", crate::credentials::check_token("bad\ntoken"));
}

#[cfg(not(feature = "merchant"))]
fn push(_: &mut Table) {}

#[test]
fn error_texts_match_the_recorded_table() {
    let mut table = Table(Vec::new());
    validation(&mut table);
    amounts(&mut table);
    operations(&mut table);
    http(&mut table);
    push(&mut table);
    let text = table.0.join("\n") + "\n";
    let name = if cfg!(feature = "merchant") {
        "error_texts.txt"
    } else {
        "error_texts_checkout.txt"
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(name);
    if std::env::var_os("BLESS_ERROR_TEXTS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let recorded = std::fs::read_to_string(&path).unwrap_or_default();
    let (mut got, mut want) = (text.lines(), recorded.lines());
    let mut line = 0;
    loop {
        line += 1;
        match (got.next(), want.next()) {
            (None, None) => break,
            (g, w) => assert_eq!(g, w, "{name} line {line} differs"),
        }
    }
}
