//! StreamPay payment links (v2): the link and its page, decoded exactly, and the request bodies.
//!
//! The public documentation gives only the endpoints, a public `url` and a `status` of
//! `INACTIVE`, `ACTIVE` or `COMPLETED`. So the create body requires `name` and passes every other
//! field through: top-level keys go from camelCase to snake_case, values are sent as given.

use serde_json::{Map, Value};

use super::fields::Fields;
use super::streampay::Pagination;
use super::{object, text, ToJson};
use crate::amount::escape;
use crate::error::{Result, StreamError};

/// The documented statuses of a payment link (decoding still accepts any other).
pub const PAYMENT_LINK_STATUSES: &[&str] = &["INACTIVE", "ACTIVE", "COMPLETED"];

/// A StreamPay payment link. Fields beyond these are kept (camelCased).
#[derive(Debug, Clone, PartialEq)]
pub struct StreamPayPaymentLink {
    pub id: String,
    /// The public page a customer pays on.
    pub url: String,
    /// An open enum: a status this version does not know still decodes.
    pub status: String,
    pub name: Option<String>,
    pub fields: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PaymentLinkPage {
    pub data: Vec<StreamPayPaymentLink>,
    pub pagination: Pagination,
}

impl ToJson for StreamPayPaymentLink {
    fn to_json(&self) -> Value {
        let string = |s: &str| Some(Value::String(s.to_string()));
        object(
            vec![
                ("id", string(&self.id)),
                ("url", string(&self.url)),
                ("status", string(&self.status)),
                ("name", text(&self.name)),
            ],
            &self.fields,
        )
    }
}

impl ToJson for PaymentLinkPage {
    fn to_json(&self) -> Value {
        super::page(&self.data, &self.pagination)
    }
}

impl StreamPayPaymentLink {
    pub fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "StreamPay payment link")?;
        let id = f.required_str("id")?;
        let url = f.required_str("url")?;
        let status = f.required_str("status")?;
        let name = f.opt_str("name")?;
        Ok(Self {
            id,
            url,
            status,
            name,
            fields: f.into_extras(),
        })
    }
}

impl PaymentLinkPage {
    pub fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "StreamPay payment link page")?;
        let data = f
            .opt_array("data")?
            .into_iter()
            .map(StreamPayPaymentLink::decode)
            .collect::<Result<_>>()?;
        let pagination = Pagination::decode(f.required_object("pagination")?)?;
        Ok(Self { data, pagination })
    }
}

/// The create body from the caller's fields (camelCase keys, JSON values): `name` must be a
/// non-empty string; every key is sent snake_cased, every value as given (nested objects
/// untouched). Two keys naming the same wire field (`maxUses` and `max_uses`) are refused.
pub fn payment_link_body(request: Map<String, Value>) -> Result<String> {
    match request.get("name") {
        Some(Value::String(name)) if !name.trim().is_empty() => {}
        Some(Value::String(_)) => {
            return Err(StreamError::invalid_argument(
                "request.name must not be empty",
            ))
        }
        None | Some(Value::Null) => {
            return Err(StreamError::invalid_argument(
                "request.name is required (a string naming the payment link)",
            ))
        }
        Some(_) => {
            return Err(StreamError::invalid_argument(
                "request.name must be a string",
            ))
        }
    }
    let mut body = Map::new();
    for (key, value) in request {
        let wire = snake_case(&key);
        if body.contains_key(&wire) {
            return Err(StreamError::invalid_argument(format!(
                "request has two keys for the field \"{}\"; give it once",
                escape(&wire)
            )));
        }
        body.insert(wire, value);
    }
    Ok(Value::Object(body).to_string())
}

/// The `PATCH .../status` body; `status` must be one of the documented values.
pub fn payment_link_status_body(status: &str) -> Result<String> {
    if !PAYMENT_LINK_STATUSES.contains(&status) {
        return Err(StreamError::invalid_argument(format!(
            "status must be one of {}, got \"{}\"",
            PAYMENT_LINK_STATUSES.join(", "),
            escape(&status.chars().take(40).collect::<String>())
        )));
    }
    Ok(serde_json::json!({ "status": status }).to_string())
}

/// `maxNumberOfPayments` -> `max_number_of_payments`, `returnURL` -> `return_url`; keys already
/// in snake_case stay as they are.
pub fn snake_case(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j));
            let next = chars.get(i + 1);
            let after_lower = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
            let ends_acronym = prev.is_some_and(char::is_ascii_uppercase)
                && next.is_some_and(char::is_ascii_lowercase);
            if (after_lower || ends_acronym) && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::http::{Method, RetryPolicy};
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn snake_cases_keys() {
        for (from, to) in [
            ("name", "name"),
            ("maxNumberOfPayments", "max_number_of_payments"),
            ("already_snake", "already_snake"),
            ("returnURL", "return_url"),
            ("URLPath", "url_path"),
            ("item2Id", "item2_id"),
            ("a_B", "a_b"),
            ("", ""),
        ] {
            assert_eq!(snake_case(from), to, "{from}");
        }
    }

    #[test]
    fn body_needs_a_name_and_passes_the_rest_through() {
        let body = payment_link_body(map(json!({
            "name": "Gym",
            "amount": "150.00",
            "maxNumberOfPayments": 3,
            "items": [{"productId": "p1", "qty": 166389351081530800779973u128}],
            "customFields": null,
        })))
        .unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["name"], "Gym");
        assert_eq!(v["amount"], "150.00");
        assert_eq!(v["max_number_of_payments"], 3);
        assert_eq!(v["items"][0]["productId"], "p1", "nested keys untouched");
        assert!(body.contains("166389351081530800779973"), "{body}");
        assert_eq!(v["custom_fields"], Value::Null);
        for bad in [
            json!({}),
            json!({"name": null}),
            json!({"name": "  "}),
            json!({"name": 5}),
            json!({"name": "x", "maxUses": 1, "max_uses": 2}),
        ] {
            let err = payment_link_body(map(bad.clone())).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{bad}");
        }
    }

    #[test]
    fn status_body_only_takes_documented_values() {
        assert_eq!(
            payment_link_status_body("COMPLETED").unwrap(),
            r#"{"status":"COMPLETED"}"#
        );
        let err = payment_link_status_body("active").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        assert!(err.message.contains("INACTIVE, ACTIVE, COMPLETED"));
    }

    #[test]
    fn the_status_change_is_a_patch_never_retried() {
        let err = StreamError::new(ErrorCode::Server, "503");
        assert_eq!(Method::Patch.as_str(), "PATCH");
        assert!(!Method::Patch.is_retry_safe());
        assert_eq!(
            RetryPolicy::default().delay_ms(Method::Patch, 0, &err, 0.5),
            None
        );
    }

    #[test]
    fn decodes_links_and_pages_keeping_unknown_fields() {
        let text = r#"{
            "data": [{"id": "l1", "url": "https://pay/l1", "status": "PAUSED", "name": "Gym",
                      "created_at": "2026-11-21T10:00:00Z", "amount": 1.50}],
            "pagination": {"total_count": 1, "max_page": 1, "current_page": 1, "limit": 10,
                           "has_next_page": false, "has_previous_page": false}
        }"#;
        let page = PaymentLinkPage::decode(serde_json::from_str(text).unwrap()).unwrap();
        let js = page.to_json();
        assert_eq!(js["data"][0]["status"], "PAUSED");
        assert_eq!(js["data"][0]["createdAt"], "2026-11-21T10:00:00Z");
        assert_eq!(js["data"][0]["amount"].to_string(), "1.50");
        assert_eq!(js["pagination"]["totalCount"], 1);
        for bad in [
            json!({"id": "l1", "status": "ACTIVE"}),
            json!({"id": 1, "url": "u", "status": "ACTIVE"}),
            json!({"id": "l1", "url": "u", "status": "ACTIVE", "name": []}),
            json!([]),
        ] {
            let err = StreamPayPaymentLink::decode(bad.clone()).unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode, "{bad}");
        }
        assert!(PaymentLinkPage::decode(json!({"data": []})).is_err());
    }
}
