//! Every output of the rewriter (JSON text, captures, error messages) over a generated corpus
//! and its mutations, hashed and compared with the digest committed beside this file: a change
//! made for speed must leave every byte as it was. When a change of output is meant, bless the
//! new digest with `BLESS=1 cargo test --test rewriter_outputs` and say why in the commit.
#![cfg(all(feature = "merchant", not(target_arch = "wasm32")))]

mod corpus;
#[path = "../../src/test_rng.rs"]
mod test_rng;

use std::fmt::{self, Write};

use sha2::{Digest, Sha256};
use stream_payments::json::{decode, encode_body, raw, rewrite, KeyCase, Shape, ANY};
use stream_payments::models::{
    GATEWAY_PAYMENT, PAYMENT_LINK_PAGE, PAYMENT_PAGE, STREAMPAY_PAYMENT,
};

const DIGEST_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/rewriter_outputs/outputs.sha256"
);
/// Generated documents (objects and pages, half each); each is also mutated four times.
const DOCUMENTS: usize = 1000;

/// The outputs as they are written, hashed instead of kept (they run to tens of megabytes).
struct Hashed(Sha256);

impl Write for Hashed {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

fn record(out: &mut Hashed, text: &str) -> fmt::Result {
    let shapes: [&Shape; 5] = [
        &ANY,
        &PAYMENT_PAGE,
        &GATEWAY_PAYMENT,
        &STREAMPAY_PAYMENT,
        &PAYMENT_LINK_PAGE,
    ];
    for shape in shapes {
        match decode(text, shape) {
            Ok(d) => writeln!(out, "OK {} | {:?}", d.json, d.captures)?,
            Err(e) => writeln!(out, "ERR {:?} {}", e.code, e.message)?,
        }
    }
    for case in [KeyCase::Camel, KeyCase::Snake, KeyCase::Keep] {
        writeln!(out, "RW {:?}", rewrite(text, case))?;
    }
    match raw::parse(text) {
        Ok(raw) => writeln!(
            out,
            "RAW {} {:?}",
            raw.rewrite(KeyCase::Camel),
            raw.members().len()
        )?,
        Err(e) => writeln!(out, "RAWERR {e:?}")?,
    }
    match encode_body(text, &ANY) {
        Ok(s) => writeln!(out, "ENC {s}"),
        Err(e) => writeln!(out, "ENCERR {}", e.message),
    }
}

/// Up to three random edits (set, remove, cut, insert a JSON-significant byte).
fn mutated(r: &mut corpus::Rng, doc: &str) -> Vec<u8> {
    let alphabet = b"{}[]\":,\\ -0123456789.eEtrufalsn_aZ\x01u";
    let mut bytes = doc.as_bytes().to_vec();
    for _ in 0..1 + r.n(3) {
        if bytes.is_empty() {
            break;
        }
        let at = (r.next() as usize) % bytes.len();
        let b = alphabet[(r.next() as usize) % alphabet.len()];
        match r.n(4) {
            0 => bytes[at] = b,
            1 => {
                bytes.remove(at);
            }
            2 => bytes.truncate(at),
            _ => bytes.insert(at, b),
        }
    }
    bytes
}

#[test]
fn every_output_is_the_one_recorded() {
    let mut r = corpus::Rng(test_rng::Xorshift(0x2545_F491_4F6C_DD1D));
    let mut docs: Vec<String> = [
        include_str!("../../pkg/mock/fixtures/streampay-payments-page.json"),
        include_str!("../../pkg/mock/fixtures/gateway-payment-completed.json"),
        include_str!("../../pkg/mock/fixtures/gateway-payment-expired.json"),
        include_str!("../../pkg/mock/fixtures/streampay-payment.json"),
    ]
    .map(String::from)
    .into();
    for _ in 0..DOCUMENTS / 2 {
        let mut s = String::new();
        corpus::object(&mut r, &mut s, 0);
        docs.push(s);
        docs.push(corpus::page(&mut r));
    }
    let mut out = Hashed(Sha256::new());
    let mut recorded = 0;
    for doc in &docs {
        record(&mut out, doc).unwrap();
        recorded += 1;
        for _ in 0..4 {
            if doc.is_empty() {
                break;
            }
            if let Ok(text) = String::from_utf8(mutated(&mut r, doc)) {
                record(&mut out, &text).unwrap();
                recorded += 1;
            }
        }
    }
    let digest: String = out
        .0
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(DIGEST_FILE, format!("{digest}\n")).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(DIGEST_FILE).unwrap_or_default();
    assert_eq!(
        committed.trim(),
        digest,
        "the rewriter's outputs over {recorded} documents changed; if that is meant, \
         BLESS=1 cargo test --test rewriter_outputs"
    );
}
