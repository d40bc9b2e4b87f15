//! The crypto gateway's callback: its typed fields, and the documented string whose SHA-256 is
//! the `signature` field:
//!
//! `Amount={amount};AmountUsd={amount_usd};CurrentDateTime={current_datetime};PaymentID={payment_id};ReceivedAmount={received_amount};ReceivedAmountUsd={received_amount_usd};SecretKey={secret_key}`
//!
//! It is a plain hash with the secret inside (not an HMAC), so it is only ever checked on a
//! server. The hashing is done by the caller; this module builds the bytes and compares.

use super::{compare, fields, hex, Digest};
use crate::error::Result;
use crate::prelude::*;

/// A callback's fields, each as its exact text (numbers keep the digits they arrived with).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayCallback {
    pub payment_id: String,
    pub amount: String,
    pub amount_usd: String,
    pub received_amount: String,
    pub received_amount_usd: String,
    pub current_datetime: String,
    pub signature: String,
}

/// `(wire key, JS key)` of every field, in the order of [`GatewayCallback::from_fields`].
pub const FIELD_KEYS: [(&str, &str); 7] = [
    ("payment_id", "paymentId"),
    ("amount", "amount"),
    ("amount_usd", "amountUsd"),
    ("received_amount", "receivedAmount"),
    ("received_amount_usd", "receivedAmountUsd"),
    ("current_datetime", "currentDatetime"),
    ("signature", "signature"),
];

/// Longest field value that is checked. Real values are ids, amounts (under 100 digits) and a
/// date; a longer one cannot be genuine, and the cap bounds the work a hostile payload causes.
pub const MAX_FIELD_LEN: usize = 512;

const WHAT: &str = "gateway callback body";

impl GatewayCallback {
    /// From the values in [`FIELD_KEYS`] order.
    pub fn from_fields(values: [String; 7]) -> Self {
        let [payment_id, amount, amount_usd, received_amount, received_amount_usd, current_datetime, signature] =
            values;
        Self {
            payment_id,
            amount,
            amount_usd,
            received_amount,
            received_amount_usd,
            current_datetime,
            signature,
        }
    }

    /// Parses the raw callback body (JSON with the documented snake_case keys). Unknown keys
    /// are ignored; a missing field or one that is not a string or number is a `DECODE` error.
    pub fn parse(body: &[u8]) -> Result<Self> {
        let map = fields::parse_object(body, WHAT)?;
        let mut values: [String; 7] = Default::default();
        for (slot, (key, _)) in values.iter_mut().zip(FIELD_KEYS) {
            *slot = fields::required_text(map, key, WHAT)?;
        }
        Ok(Self::from_fields(values))
    }
}

/// What remains to check once the digest of [`GatewayCheck::message`] is known.
pub struct GatewayCheck {
    message: Vec<u8>,
    claimed: Digest,
}

impl GatewayCheck {
    /// `None` when the callback cannot be genuine whatever the secret: a signature that is not
    /// 64 hex digits, an over-long field, or a field containing `;`, which could otherwise move
    /// text from one field into the next without changing the hashed string.
    pub fn new(callback: &GatewayCallback, secret_key: &str) -> Option<Self> {
        let claimed = hex::decode_array(&callback.signature)?;
        let signed = [
            &callback.amount,
            &callback.amount_usd,
            &callback.current_datetime,
            &callback.payment_id,
            &callback.received_amount,
            &callback.received_amount_usd,
        ];
        if signed
            .iter()
            .any(|v| v.len() > MAX_FIELD_LEN || v.contains(';'))
        {
            return None;
        }
        let [amount, amount_usd, current_datetime, payment_id, received_amount, received_amount_usd] =
            signed;
        let message = cat!(
            "Amount=",
            amount,
            ";AmountUsd=",
            amount_usd,
            ";CurrentDateTime=",
            current_datetime,
            ";\
             PaymentID=",
            payment_id,
            ";ReceivedAmount=",
            received_amount,
            ";\
             ReceivedAmountUsd=",
            received_amount_usd,
            ";SecretKey=",
            secret_key
        );
        Some(Self {
            message: message.into_bytes(),
            claimed,
        })
    }

    /// The bytes to hash with SHA-256. They contain the secret: hash them, never log them.
    pub fn message(&self) -> &[u8] {
        &self.message
    }

    /// Whether the computed digest equals the claimed signature, in constant time.
    pub fn matches(&self, digest: &[u8]) -> bool {
        compare::constant_time_eq(&self.claimed, digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use sha2::{Digest as _, Sha256};

    const SECRET: &str = "shop-secret-key";
    const BODY: &str = r#"{"payment_id":"LqaUrQimtgTe9iF3Knv8Ld","amount":"166389351081530800779973",
        "amount_usd":"1.00","received_amount":"166389351081530800779973","received_amount_usd":1.00,
        "current_datetime":"2022-08-10 21:52:40","signature":"SIG","extra":{"kept":"out"}}"#;
    /// The documented string for BODY, written out by hand.
    const EXPECTED: &str = "Amount=166389351081530800779973;AmountUsd=1.00;CurrentDateTime=2022-08-10 21:52:40;PaymentID=LqaUrQimtgTe9iF3Knv8Ld;ReceivedAmount=166389351081530800779973;ReceivedAmountUsd=1.00;SecretKey=shop-secret-key";

    fn hex_of(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// BODY with its signature computed by the independent `sha2` crate.
    fn signed_callback() -> GatewayCallback {
        let mut cb = GatewayCallback::parse(BODY.as_bytes()).unwrap();
        cb.signature = hex_of(&Sha256::digest(EXPECTED));
        cb
    }

    fn verify(cb: &GatewayCallback, secret: &str) -> bool {
        GatewayCheck::new(cb, secret)
            .is_some_and(|check| check.matches(&Sha256::digest(check.message())))
    }

    #[test]
    fn parses_exact_text_of_strings_and_numbers() {
        let cb = GatewayCallback::parse(BODY.as_bytes()).unwrap();
        assert_eq!(cb.payment_id, "LqaUrQimtgTe9iF3Knv8Ld");
        assert_eq!(
            cb.received_amount_usd, "1.00",
            "a JSON number keeps its digits"
        );
        assert_eq!(cb.signature, "SIG");
    }

    #[test]
    fn the_signed_string_is_the_documented_one() {
        let check = GatewayCheck::new(&signed_callback(), SECRET).unwrap();
        assert_eq!(core::str::from_utf8(check.message()).unwrap(), EXPECTED);
    }

    #[test]
    fn known_answer_verifies_in_either_hex_case() {
        let mut cb = signed_callback();
        assert!(verify(&cb, SECRET));
        cb.signature = cb.signature.to_uppercase();
        assert!(verify(&cb, SECRET));
    }

    #[test]
    fn fixed_known_answer_from_node_crypto() {
        // node -e "console.log(require('crypto').createHash('sha256').update(process.argv[1]).digest('hex'))" "$EXPECTED"
        let mut cb = signed_callback();
        cb.signature = "89830541be871b9bd84f19179eadc2e2486dcf4f29aa6ae8dee75bd27e6edd75".into();
        assert!(verify(&cb, SECRET));
    }

    #[test]
    fn every_single_field_tamper_and_a_wrong_secret_fail() {
        let genuine = signed_callback();
        assert!(!verify(&genuine, "shop-secret-kez"));
        assert!(!verify(&genuine, ""));
        for index in 0..6 {
            let mut values = [
                genuine.payment_id.clone(),
                genuine.amount.clone(),
                genuine.amount_usd.clone(),
                genuine.received_amount.clone(),
                genuine.received_amount_usd.clone(),
                genuine.current_datetime.clone(),
                genuine.signature.clone(),
            ];
            values[index].push('0');
            assert!(
                !verify(&GatewayCallback::from_fields(values), SECRET),
                "field {index}"
            );
        }
        let mut flipped = genuine.clone();
        flipped.signature.replace_range(
            0..1,
            if flipped.signature.starts_with('0') {
                "1"
            } else {
                "0"
            },
        );
        assert!(!verify(&flipped, SECRET));
    }

    #[test]
    fn shifting_text_across_separators_is_refused() {
        let mut cb = signed_callback();
        cb.amount = "166389351081530800779973;AmountUsd=1.00".into();
        cb.amount_usd = String::new();
        assert!(GatewayCheck::new(&cb, SECRET).is_none());
    }

    #[test]
    fn malformed_signatures_and_huge_fields_cannot_match() {
        let mut cb = signed_callback();
        for bad in ["", "00", &"g".repeat(64), &"a".repeat(63), &"a".repeat(66)] {
            cb.signature = bad.to_string();
            assert!(GatewayCheck::new(&cb, SECRET).is_none(), "{bad}");
        }
        let mut cb = signed_callback();
        cb.payment_id = "x".repeat(MAX_FIELD_LEN + 1);
        assert!(GatewayCheck::new(&cb, SECRET).is_none());
    }

    #[test]
    fn bad_bodies_are_decode_errors_naming_the_field() {
        let err = GatewayCallback::parse(b"{\"payment_id\":\"x\"}").unwrap_err();
        assert_eq!(err.code, ErrorCode::Decode);
        assert_eq!(err.message, "gateway callback body: \"amount\" is missing");
        let err = GatewayCallback::parse(BODY.replace("\"1.00\"", "[1]").as_bytes()).unwrap_err();
        assert!(err
            .message
            .contains("\"amount_usd\" must be a string or a number, got an array"));
        assert_eq!(
            GatewayCallback::parse(b"not json").unwrap_err().code,
            ErrorCode::Decode
        );
    }
}
