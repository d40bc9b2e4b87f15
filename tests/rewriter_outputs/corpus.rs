//! Generated answers for the rewriter: objects of known and odd keys (escapes, non-ASCII,
//! underscores at every offset), strings and numbers that cross the eight-byte scan's blocks,
//! and StreamPay pages with payments in them.

use std::fmt::Write;

use crate::test_rng::Xorshift;

/// The crate's own test generator: the same corpus on every machine.
pub struct Rng(pub Xorshift);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0.next()
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
    pub fn n(&mut self, k: u64) -> u64 {
        self.next() % k
    }
}

const KEYS: &[&str] = &[
    "id",
    "amount",
    "amount_in_smallest_unit",
    "current_status",
    "currency",
    "type",
    "payment_method",
    "scheduled_on",
    "payed_at",
    "refunded_at",
    "refund_reason",
    "refund_note",
    "invoice_id",
    "data",
    "pagination",
    "total_count",
    "max_page",
    "current_page",
    "limit",
    "has_next_page",
    "has_previous_page",
    "payment_id",
    "status",
    "addresses",
    "token",
    "displayAmount",
    "display_amount_usd",
    "line_1_total",
    "a1_b2_c3",
    "__x",
    "a__b",
    "trailing_",
    "_",
    "",
    "x",
    "already_camel",
    "fineKey",
    "ключ_два",
    "clé_é",
    "emoji_😀_key",
    "a\\u005fb",
    "k\\\"q",
    "tab\\tkey",
    "_private",
    "ABC_DEF",
    "a_1",
    "very_long_key_name_with_many_parts_to_cross_blocks_of_eight_bytes",
    "x_y_z_w_v_u_t",
    "latest_pgw_message",
    "error_code",
    "snake_2",
    "a_B",
    "a_é",
    "a_\\u00e9",
    "longcamelcasekeywithnounderscoresatall",
];
const STRS: &[&str] = &[
    "",
    "a",
    "PENDING",
    "SUCCEEDED",
    "completed",
    "abcdefg",
    "abcdefgh",
    "abcdefghi",
    "6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40",
    "2026-11-20T09:04:12+03:00",
    "115.00",
    "-3.5",
    "12",
    "9007199254740993",
    "quote \\\" inside",
    "back\\\\slash",
    "slash\\/path",
    "nl\\n\\r\\t\\b\\f",
    "\\u00e9t\\u00E9",
    "\\ud83d\\ude00 smile",
    "1234567\\\"",
    "12345678\\\\",
    "héllo wörld ünïcödé",
    "日本語のテキスト",
    "😀😀😀😀",
    "https:\\/\\/pay.streampayments.app\\/img\\/x.svg",
    "\\u0000\\u001f",
    "x\\u2028y",
    "a long string that goes on for well over eight bytes and more",
    "0123456789abcdef0123456789abcdef\\\"0123456789",
    "\\\\\\\\\\\\",
    "é",
    "\\uD83D\\uDE00",
];
const NUMS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "11500",
    "1566.96",
    "1.5e300",
    "1E-2",
    "-2.5E+3",
    "9007199254740991",
    "9007199254740992",
    "-9007199254740993",
    "123456789012345678901234567890",
    "1000000000000000",
    "10000000000000000",
    "-10000000000000000",
    "0.1",
    "9999999999999999",
    "9007199254740991.5",
    "166389351081530800779973",
    "1e5",
    "4294967296",
];

fn ws(r: &mut Rng, out: &mut String) {
    match r.n(12) {
        0 => out.push(' '),
        1 => out.push_str("\n  "),
        2 => out.push_str(" \t\r\n"),
        _ => {}
    }
}

fn value(r: &mut Rng, out: &mut String, depth: u32) {
    ws(r, out);
    let k = if depth > 4 { r.n(4) } else { r.n(7) };
    match k {
        0 => write!(out, "\"{}\"", r.pick(STRS)).unwrap(),
        1 => out.push_str(r.pick(NUMS)),
        2 => out.push_str(r.pick(&["true", "false", "null"])),
        3 => {
            let mut s = String::new();
            for _ in 0..r.n(5) {
                s.push_str(r.pick(STRS));
            }
            write!(out, "\"{s}\"").unwrap();
        }
        4 | 5 => object(r, out, depth + 1),
        _ => {
            out.push('[');
            let n = r.n(5);
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                value(r, out, depth + 1);
            }
            ws(r, out);
            out.push(']');
        }
    }
    ws(r, out);
}

pub fn object(r: &mut Rng, out: &mut String, depth: u32) {
    out.push('{');
    let n = r.n(9);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        ws(r, out);
        write!(out, "\"{}\"", r.pick(KEYS)).unwrap();
        ws(r, out);
        out.push(':');
        value(r, out, depth);
    }
    ws(r, out);
    out.push('}');
}

fn payment(r: &mut Rng, out: &mut String) {
    out.push('{');
    let mut first = true;
    for key in [
        "id",
        "amount",
        "amount_in_smallest_unit",
        "currency",
        "scheduled_on",
        "type",
        "payment_method",
        "current_status",
        "payed_at",
        "refunded_at",
        "refund_reason",
        "refund_note",
        "invoice_id",
        "latest_pgw_message",
        "extra_key",
    ] {
        if r.n(8) == 0 {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        write!(out, "\"{key}\":").unwrap();
        match (key, r.n(6)) {
            ("amount" | "amount_in_smallest_unit", 0..=2) => out.push_str(r.pick(NUMS)),
            (_, 0) => out.push_str("null"),
            (_, 1) => value(r, out, 3),
            _ => write!(out, "\"{}\"", r.pick(STRS)).unwrap(),
        }
    }
    out.push('}');
}

pub fn page(r: &mut Rng) -> String {
    let mut out = String::from("{\"data\":[");
    for i in 0..r.n(6) {
        if i > 0 {
            out.push(',');
        }
        payment(r, &mut out);
    }
    out.push_str("],\"pagination\":{\"total_count\":3,\"has_next_page\":");
    out.push_str(r.pick(&["true", "false", "null", "1"]));
    out.push_str(",\"current_page\":");
    out.push_str(r.pick(NUMS));
    out.push_str("},\"meta_info\":");
    value(r, &mut out, 2);
    out.push('}');
    out
}
