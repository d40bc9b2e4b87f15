//! The rewriter natively, beside serde_json's parse of the same text: one 100-payment page,
//! best of 20 batches (the machine is shared, the minimum is the cost).
//! `cargo run --release --manifest-path tests/bench/rewriter/Cargo.toml --example native_cost`;
//! `PAGE_FILE=page.json` times a page saved from the mock instead (see tests/bench/cases/client.mjs),
//! `PAGE_COST_ONLY=decode|serde|check` runs one loop alone (for `perf stat -e instructions`).

use serde_json::Value;
use stream_payments::json::{decode, raw, rewrite, KeyCase, ANY};
use stream_payments::models::PAYMENT_PAGE;

fn main() {
    let item = r#"{"id":"6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40","amount":"115.00","amount_in_smallest_unit":11500,"currency":"SAR","scheduled_on":"2026-11-20T09:00:00+03:00","type":"INITIAL","payment_method":"MADA","current_status":"SUCCEEDED","payed_at":"2026-11-20T09:04:12+03:00","refunded_at":null,"refund_reason":null,"refund_note":null,"invoice_id":"0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083","consumer":{"id":"c1","name":"Customer Name","phone_number":"+966500000000","email":"a@b.c"},"latest_pgw_message":{"error_code":null,"message":"ok"}}"#;
    let body = match std::env::var("PAGE_FILE") {
        Ok(path) => std::fs::read_to_string(path).unwrap(),
        Err(_) => format!(
            r#"{{"data":[{}],"pagination":{{"total_count":100,"max_page":1,"current_page":1,"limit":100,"has_next_page":false,"has_previous_page":false}}}}"#,
            vec![item; 100].join(",")
        ),
    };
    if let Ok(only) = std::env::var("PAGE_COST_ONLY") {
        for _ in 0..1000 {
            match only.as_str() {
                "decode" => drop(std::hint::black_box(decode(&body, &PAYMENT_PAGE))),
                "serde" => drop(std::hint::black_box(serde_json::from_str::<Value>(&body))),
                _ => drop(std::hint::black_box(raw::parse(&body))),
            }
        }
        return;
    }
    let best = |f: &dyn Fn()| {
        (0..20)
            .map(|_| {
                let t = std::time::Instant::now();
                for _ in 0..100 {
                    f();
                }
                t.elapsed() / 100
            })
            .min()
            .unwrap()
    };
    let ours = best(&|| {
        std::hint::black_box(decode(std::hint::black_box(&body), &PAYMENT_PAGE).unwrap());
    });
    let any = best(&|| {
        std::hint::black_box(decode(std::hint::black_box(&body), &ANY).unwrap());
    });
    let copy = best(&|| {
        std::hint::black_box(rewrite(std::hint::black_box(&body), KeyCase::Keep).unwrap());
    });
    let check = best(&|| {
        std::hint::black_box(raw::parse(std::hint::black_box(&body)).unwrap());
    });
    let theirs = best(&|| {
        std::hint::black_box(serde_json::from_str::<Value>(std::hint::black_box(&body)).unwrap());
    });
    println!(
        "{} bytes: decode {ours:?}, decode as ANY {any:?}, copy {copy:?}, check only {check:?}, serde_json Value parse {theirs:?}",
        body.len()
    );
}

