//! StreamPay webhooks: `x-webhook-signature: t=<unix>,v1=<hex>` where the hex is
//! HMAC-SHA256(secret, `"<t>.<raw body>"`). The checks run in this order, and the first that
//! fails is the error: header well-formed, timestamp within tolerance, some `v1` matches; only
//! then is the body read as JSON. The HMAC itself is computed by the caller.

use super::{compare, fields, freshness, invalid_signature, signature_header, Digest};
use crate::error::Result;
use crate::json::{push_string, KeyCase};
use crate::prelude::*;

/// A verified webhook event, with the documented fields typed.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    pub event_type: String,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub status: Option<String>,
    /// The event as JS gets it, JSON text: `{eventType, entityType?, entityId?, status?,
    /// timestamp?, data}`. `timestamp` as sent (string or number); `data` as sent, keys and
    /// all, `null` when absent; integers past 2^53 are strings.
    pub json: String,
}

const WHAT: &str = "webhook body";

impl WebhookEvent {
    /// Reads the (already verified) body. Only `event_type` is required: a genuine delivery
    /// with an unusual shape is better handed over than refused forever.
    pub fn parse(body: &[u8]) -> Result<Self> {
        let map = fields::parse_object(body, WHAT)?;
        let event_type = fields::required_text(map, "event_type", WHAT)?;
        let entity_type = fields::optional_text(map, "entity_type", WHAT)?;
        let entity_id = fields::optional_text(map, "entity_id", WHAT)?;
        let status = fields::optional_text(map, "status", WHAT)?;
        let mut json = String::with_capacity(body.len() + 32);
        json.push_str("{\"eventType\":");
        push_string(&mut json, &event_type);
        let texts = [
            ("entityType", &entity_type),
            ("entityId", &entity_id),
            ("status", &status),
        ];
        for (key, value) in texts {
            if let Some(value) = value {
                json.push_str(",\"");
                json.push_str(key);
                json.push_str("\":");
                push_string(&mut json, value);
            }
        }
        if let Some(timestamp) = map.get("timestamp").filter(|t| !t.is_null()) {
            json.push_str(",\"timestamp\":");
            json.push_str(&timestamp.rewrite(KeyCase::Keep));
        }
        json.push_str(",\"data\":");
        match map.get("data") {
            Some(data) => json.push_str(&data.rewrite(KeyCase::Keep)),
            None => json.push_str("null"),
        }
        json.push('}');
        Ok(Self {
            event_type,
            entity_type,
            entity_id,
            status,
            json,
        })
    }
}

/// A delivery whose header is well-formed and fresh, waiting for its HMAC.
#[derive(Debug)]
pub struct WebhookCheck {
    message: Vec<u8>,
    signatures: Vec<Digest>,
}

impl WebhookCheck {
    /// Parses the header and checks the timestamp against `now_sec` (`INVALID_SIGNATURE` with
    /// the reason when either fails), then builds the signed payload `"<t>.<body>"`.
    pub fn new(header: &str, body: &[u8], now_sec: i64, tolerance_sec: u64) -> Result<Self> {
        if body.len() > super::MAX_BODY_BYTES {
            return Err(fields::body_too_large(WHAT));
        }
        let header = signature_header::parse(header)?;
        freshness::check_freshness(header.timestamp, now_sec, tolerance_sec)?;
        let mut message = Vec::with_capacity(header.timestamp_text.len() + 1 + body.len());
        message.extend_from_slice(header.timestamp_text.as_bytes());
        message.push(b'.');
        message.extend_from_slice(body);
        Ok(Self {
            message,
            signatures: header.signatures,
        })
    }

    /// The bytes to HMAC with the webhook secret.
    pub fn message(&self) -> &[u8] {
        &self.message
    }

    /// `Ok` when the computed HMAC equals one of the `v1` signatures (constant time).
    pub fn finish(&self, mac: &[u8]) -> Result<()> {
        if compare::matches_any(mac, &self.signatures) {
            Ok(())
        } else {
            Err(invalid_signature(
                "no v1 signature in x-webhook-signature matches the body: wrong secret, or the \
                 body was changed or re-serialised (verify the raw bytes as received)",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use hmac::{Hmac, Mac};
    use serde_json::{json, Value};

    const SECRET: &str = "whsec_test_secret";
    const NOW: i64 = 1_700_000_000;
    const BODY: &str = r#"{"event_type":"PAYMENT_SUCCEEDED","entity_type":"payment","entity_id":"6f1c2b9e","status":"SUCCEEDED","timestamp":"2024-01-01T00:00:00Z","data":{"amount":"12.345","big":9007199254740993}}"#;

    fn hmac_hex(secret: &str, message: &[u8]) -> String {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(message);
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn header_for(secret: &str, t: i64, body: &str) -> String {
        format!(
            "t={t},v1={}",
            hmac_hex(secret, format!("{t}.{body}").as_bytes())
        )
    }

    /// The whole flow with the independent `hmac` crate standing in for Web Crypto.
    fn verify(header: &str, body: &str, now: i64, tolerance: u64) -> Result<WebhookEvent> {
        let check = WebhookCheck::new(header, body.as_bytes(), now, tolerance)?;
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(check.message());
        check.finish(&mac.finalize().into_bytes())?;
        WebhookEvent::parse(body.as_bytes())
    }

    #[test]
    fn fixed_known_answer_from_node_crypto() {
        // node -e "const c=require('crypto');console.log(c.createHmac('sha256','whsec_test_secret').update('1700000000.'+BODY).digest('hex'))"
        let expected = "2607d722279e16e6aa81db7c561473cb6c3d3d0b7d1f666f42d5b0ef7b8442e6";
        let ours = hmac_hex(SECRET, format!("{NOW}.{BODY}").as_bytes());
        assert_eq!(ours, expected);
        assert!(verify(&format!("t={NOW},v1={expected}"), BODY, NOW, 300).is_ok());
    }

    #[test]
    fn a_genuine_delivery_gives_the_typed_event() {
        let event = verify(&header_for(SECRET, NOW, BODY), BODY, NOW, 300).unwrap();
        assert_eq!(event.event_type, "PAYMENT_SUCCEEDED");
        assert_eq!(event.entity_type.as_deref(), Some("payment"));
        assert_eq!(event.entity_id.as_deref(), Some("6f1c2b9e"));
        assert_eq!(event.status.as_deref(), Some("SUCCEEDED"));
        let js: Value = serde_json::from_str(&event.json).unwrap();
        assert_eq!(js["timestamp"], json!("2024-01-01T00:00:00Z"));
        assert_eq!(js["data"]["big"], "9007199254740993", "past 2^53: a string");
        assert_eq!(js["data"]["amount"], "12.345");
        assert_eq!(js["eventType"], "PAYMENT_SUCCEEDED");
        assert_eq!(js["entityId"], "6f1c2b9e");
    }

    #[test]
    fn wrong_secret_tampered_or_reserialised_bodies_fail() {
        let no_match = |header: &str, body: &str| {
            let err = verify(header, body, NOW, 300).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidSignature);
            assert!(
                err.message.starts_with("no v1 signature"),
                "{}",
                err.message
            );
            assert!(!err.message.contains(SECRET));
        };
        no_match(&header_for("whsec_other", NOW, BODY), BODY);
        let header = header_for(SECRET, NOW, BODY);
        no_match(&header, &BODY.replace("12.345", "12.346"));
        no_match(&header, &BODY.replace("\":", "\": "));
        no_match(&format!("t={},{}", NOW + 1, &header[13..]), BODY);
        let rotated = format!("{header},v1={}", "0".repeat(64));
        assert!(
            verify(&rotated, BODY, NOW, 300).is_ok(),
            "any one v1 may match"
        );
    }

    #[test]
    fn stale_and_future_deliveries_fail_before_any_hashing() {
        let at = |t: i64| verify(&header_for(SECRET, t, BODY), BODY, NOW, 300);
        assert!(at(NOW - 300).is_ok());
        assert!(at(NOW + 300).is_ok());
        assert!(at(NOW - 301).unwrap_err().message.contains("301 s old"));
        assert!(at(NOW + 301).unwrap_err().message.contains("in the future"));
    }

    #[test]
    fn a_verified_body_that_is_not_an_event_is_decode() {
        for body in ["not json", "[]", r#"{"data":{}}"#, r#"{"event_type":{}}"#] {
            let err = verify(&header_for(SECRET, NOW, body), body, NOW, 300).unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode, "{body}");
        }
        let minimal = r#"{"event_type":"INVOICE_CREATED","entity_id":42,"timestamp":null}"#;
        let event = verify(&header_for(SECRET, NOW, minimal), minimal, NOW, 300).unwrap();
        assert_eq!(event.entity_id.as_deref(), Some("42"));
        let js: Value = serde_json::from_str(&event.json).unwrap();
        assert_eq!(
            js,
            json!({"eventType": "INVOICE_CREATED", "entityId": "42", "data": null})
        );
    }

    #[test]
    fn the_signed_payload_uses_the_timestamp_digits_as_sent() {
        let check = WebhookCheck::new(&format!("t=0{NOW},v1={}", "a".repeat(64)), b"{}", NOW, 0);
        assert_eq!(check.unwrap().message(), format!("0{NOW}.{{}}").as_bytes());
    }
}
