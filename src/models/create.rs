//! Creating gateway payments: the request body and the payment-link answer.

use serde_json::{json, Map, Value};

use super::fields::Fields;
use super::{object, text, ToJson};
use crate::amount::digits::scan;
use crate::error::{Result, StreamError};

/// What to charge: exactly one of the three documented amounts, as exact decimal text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChargeAmount {
    Usd(String),
    Eur(String),
    Strm(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatePaymentRequest {
    pub name: String,
    pub return_url: String,
    pub description: Option<String>,
    pub amount: ChargeAmount,
}

impl CreatePaymentRequest {
    /// Checks the request; `amounts` are `amountUsd`, `amountEur`, `amount` as given.
    pub fn new(
        name: String,
        return_url: String,
        description: Option<String>,
        amounts: [Option<String>; 3],
    ) -> Result<Self> {
        if name.trim().is_empty() {
            return Err(StreamError::invalid_argument("request.name is required"));
        }
        if return_url.trim().is_empty() {
            return Err(StreamError::invalid_argument(
                "request.returnUrl is required",
            ));
        }
        let [usd, eur, strm] = amounts;
        let amount = match (usd, eur, strm) {
            (Some(v), None, None) => ChargeAmount::Usd(checked("request.amountUsd", v)?),
            (None, Some(v), None) => ChargeAmount::Eur(checked("request.amountEur", v)?),
            (None, None, Some(v)) => ChargeAmount::Strm(checked("request.amount", v)?),
            _ => {
                return Err(StreamError::invalid_argument(
                    "request needs exactly one of amountUsd, amountEur or amount (STRM)",
                ))
            }
        };
        Ok(Self {
            name,
            return_url,
            description,
            amount,
        })
    }

    /// The documented snake_case body.
    pub fn to_body(&self) -> String {
        let mut body = json!({ "name": self.name, "return_url": self.return_url });
        if let Some(description) = &self.description {
            body["description"] = Value::String(description.clone());
        }
        let (key, value) = match &self.amount {
            ChargeAmount::Usd(v) => ("amount_usd", v),
            ChargeAmount::Eur(v) => ("amount_eur", v),
            ChargeAmount::Strm(v) => ("amount", v),
        };
        body[key] = Value::String(value.clone());
        body.to_string()
    }
}

/// A positive decimal string, kept exactly as written.
fn checked(what: &str, text: String) -> Result<String> {
    let number = scan(what, &text, true)?;
    let zero = number
        .int
        .iter()
        .chain(number.frac.unwrap_or_default())
        .all(|&d| d == b'0');
    if number.negative || zero {
        return Err(StreamError::invalid_argument(format!(
            "{what} must be more than zero, got \"{text}\""
        )));
    }
    Ok(text)
}

/// The hosted payment page the gateway created.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentLink {
    pub payment_id: String,
    pub expiry_at: Option<String>,
    pub url: String,
    pub fields: Map<String, Value>,
}

impl ToJson for PaymentLink {
    fn to_json(&self) -> Value {
        object(
            vec![
                ("paymentId", Some(Value::String(self.payment_id.clone()))),
                ("expiryAt", text(&self.expiry_at)),
                ("url", Some(Value::String(self.url.clone()))),
            ],
            &self.fields,
        )
    }
}

impl PaymentLink {
    pub fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "gateway payment link")?;
        let payment_id = f.required_str("paymentID")?;
        let expiry_at = f.opt_str("expiryAt")?;
        let url = f.required_str("url")?;
        Ok(Self {
            payment_id,
            expiry_at,
            url,
            fields: f.into_extras(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(amounts: [Option<&str>; 3]) -> Result<CreatePaymentRequest> {
        CreatePaymentRequest::new(
            "Order 1".into(),
            "https://shop/x".into(),
            None,
            amounts.map(|a| a.map(String::from)),
        )
    }

    #[test]
    fn exactly_one_amount_kept_as_written() {
        let body = request([Some("10.50"), None, None]).unwrap().to_body();
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["amount_usd"], "10.50");
        assert_eq!(v["return_url"], "https://shop/x");
        assert!(v.get("amount").is_none());
        assert!(request([Some("1"), Some("2"), None]).is_err());
        assert!(request([None, None, None]).is_err());
        assert!(request([None, None, Some("1e3")]).is_err());
        assert!(request([None, Some("-1"), None]).is_err());
        assert!(request([None, Some("0.00"), None]).is_err());
    }

    #[test]
    fn decodes_the_link() {
        let v = json!({"paymentID": "abc", "expiryAt": "2026-01-01T00:00:00+00:00", "url": "https://pay/x"});
        let link = PaymentLink::decode(v).unwrap();
        assert_eq!(link.to_json()["paymentId"], "abc");
        assert!(PaymentLink::decode(json!({"paymentID": 1, "url": "u"})).is_err());
    }
}
