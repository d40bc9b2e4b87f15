//! The crypto gateway's payment object (v1), decoded exactly.

use serde_json::{Map, Value};

use super::fields::Fields;
use super::{object, text, ToJson};
use crate::amount::{format_units, FormatOptions};
use crate::error::Result;
use crate::tokens::{infer_decimals, token_decimals};

/// Statuses after which the payment no longer changes. `not_found` also covers an expired
/// payment (`reason: "expired"`).
pub const GATEWAY_TERMINAL_STATUSES: &[&str] = &["completed", "not_found"];

#[derive(Debug, Clone, PartialEq)]
pub struct GatewayPayment {
    pub payment_id: String,
    /// `pending`, `completed`, `not_found`, or a status this version does not know.
    pub status: String,
    pub reason: Option<String>,
    pub addresses: Vec<GatewayCoin>,
    pub fields: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GatewayCoin {
    pub token: String,
    /// Smallest units, exact.
    pub amount: String,
    pub display_amount: Option<String>,
    /// From `tokenDecimals`, or inferred from the gateway's own `displayAmount`.
    pub decimals: Option<u32>,
    pub decimals_source: Option<&'static str>,
    /// `amount` at `decimals`, every digit kept.
    pub formatted_amount: Option<String>,
    pub fields: Map<String, Value>,
}

/// Payment-level fields that are strings in the documentation; numbers are accepted for the
/// amounts and kept as their exact text.
const STRING_FIELDS: &[&str] = &[
    "network",
    "address",
    "name",
    "description",
    "return_url",
    "created_at",
    "expiry_at",
    "processed_at",
    "transaction_hash",
    "signer_id",
    "local_currency",
];
const AMOUNT_FIELDS: &[&str] = &["display_amount", "display_amount_usd", "display_amount_eur"];

impl GatewayPayment {
    pub fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "gateway payment")?;
        let payment_id = f.required_str("payment_id")?;
        let status = f.required_str("status")?;
        let reason = f.opt_str("reason")?;
        let addresses = f
            .opt_array("addresses")?
            .into_iter()
            .map(GatewayCoin::decode)
            .collect::<Result<Vec<_>>>()?;
        let mut fields = Map::new();
        for key in STRING_FIELDS {
            if let Some(v) = f.opt_str(key)? {
                fields.insert(super::fields::camel_case(key), Value::String(v));
            }
        }
        for key in AMOUNT_FIELDS.iter().chain(&["amount"]) {
            let value = if *key == "amount" {
                f.opt_integer_text(key)?
            } else {
                f.opt_number_text(key)?
            };
            if let Some(v) = value {
                fields.insert(super::fields::camel_case(key), Value::String(v));
            }
        }
        fields.extend(f.into_extras());
        Ok(Self {
            payment_id,
            status,
            reason,
            addresses,
            fields,
        })
    }

    pub fn is_terminal(&self) -> bool {
        GATEWAY_TERMINAL_STATUSES.contains(&self.status.as_str())
    }
}

impl ToJson for GatewayPayment {
    fn to_json(&self) -> Value {
        let addresses = self.addresses.iter().map(ToJson::to_json).collect();
        object(
            vec![
                ("paymentId", Some(Value::String(self.payment_id.clone()))),
                ("status", Some(Value::String(self.status.clone()))),
                ("reason", text(&self.reason)),
                ("addresses", Some(Value::Array(addresses))),
            ],
            &self.fields,
        )
    }
}

impl ToJson for GatewayCoin {
    fn to_json(&self) -> Value {
        object(
            vec![
                ("token", Some(Value::String(self.token.clone()))),
                ("amount", Some(Value::String(self.amount.clone()))),
                ("displayAmount", text(&self.display_amount)),
                ("decimals", self.decimals.map(Value::from)),
                ("decimalsSource", self.decimals_source.map(Value::from)),
                ("formattedAmount", text(&self.formatted_amount)),
            ],
            &self.fields,
        )
    }
}

impl GatewayCoin {
    fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "gateway payment coin")?;
        let token = f.required_str("token")?;
        let amount = f.opt_integer_text("amount")?.ok_or_else(|| {
            crate::StreamError::decode("gateway payment coin: field \"amount\" is missing")
        })?;
        let display_amount = f.opt_number_text("displayAmount")?;
        let (decimals, decimals_source) = decimals_for(&token, &amount, display_amount.as_deref());
        let formatted_amount =
            decimals.and_then(|d| format_units(&amount, d, &FormatOptions::default()).ok());
        let mut fields = Map::new();
        for key in ["blockchain", "contract", "address", "icon"] {
            if let Some(v) = f.opt_str(key)? {
                fields.insert(key.to_string(), Value::String(v));
            }
        }
        fields.extend(f.into_extras());
        Ok(Self {
            token,
            amount,
            display_amount,
            decimals,
            decimals_source,
            formatted_amount,
            fields,
        })
    }
}

/// The registry's decimals unless the gateway's own `displayAmount` contradicts them and points
/// to another value (the documented USDC example is 17 by its display, 6 by the registry).
fn decimals_for(
    token: &str,
    amount: &str,
    display: Option<&str>,
) -> (Option<u32>, Option<&'static str>) {
    let known = token_decimals(token);
    let inferred = display.and_then(|d| infer_decimals(amount, d));
    match (known, inferred) {
        (Some(k), Some(i)) if k != i => (Some(i), Some("inferred")),
        (Some(k), _) => (Some(k), Some("registry")),
        (None, Some(i)) => (Some(i), Some("inferred")),
        (None, None) => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPLETED: &str =
        include_str!("../../tests/mock/fixtures/gateway-payment-completed.json");
    const EXPIRED: &str = include_str!("../../tests/mock/fixtures/gateway-payment-expired.json");

    fn decode(text: &str) -> Result<GatewayPayment> {
        GatewayPayment::decode(serde_json::from_str(text).unwrap())
    }

    #[test]
    fn decodes_the_documented_completed_payment() {
        let p = decode(COMPLETED).unwrap();
        assert_eq!(p.status, "completed");
        assert!(p.is_terminal());
        let near = &p.addresses[0];
        assert_eq!(near.amount, "166389351081530800779973");
        assert_eq!(
            (near.decimals, near.decimals_source),
            (Some(24), Some("registry"))
        );
        assert_eq!(
            near.formatted_amount.as_deref(),
            Some("0.166389351081530800779973")
        );
        let usdc = &p.addresses[1];
        assert_eq!(
            (usdc.decimals, usdc.decimals_source),
            (Some(17), Some("inferred"))
        );
        assert_eq!(usdc.formatted_amount.as_deref(), Some("1"));
        let js = p.to_json();
        assert_eq!(js["paymentId"], "LqaUrQimtgTe9iF3Knv8Ld");
        assert_eq!(js["displayAmountUsd"], "1.00");
        assert_eq!(
            js["transactionHash"],
            "9HKiSMrjFvmT1Pb7bTCZ8XPUQukRfSyQ58WJCmfXyWgX"
        );
        assert_eq!(js["addresses"][0]["displayAmount"], "0.16638");
        assert_eq!(js["addresses"][0]["contract"], "wrap.strm");
    }

    #[test]
    fn decodes_the_expired_shape() {
        let p = decode(EXPIRED).unwrap();
        assert_eq!(
            (p.status.as_str(), p.reason.as_deref()),
            ("not_found", Some("expired"))
        );
        assert!(p.addresses.is_empty() && p.is_terminal());
    }

    #[test]
    fn keeps_unknown_fields_and_statuses() {
        let p = decode(r#"{"payment_id":"a","status":"refunding","new_field":{"x_y":1},"amount":123456789012345678901234567890}"#)
            .unwrap();
        assert!(!p.is_terminal());
        let js = p.to_json();
        assert_eq!(js["newField"]["x_y"], 1);
        assert_eq!(js["amount"], "123456789012345678901234567890");
    }

    #[test]
    fn wrong_types_are_decode_errors() {
        for bad in [
            r#"{"payment_id":"a","status":"pending","addresses":[{"token":"STRM","amount":{"v":1}}]}"#,
            r#"{"payment_id":"a","status":"pending","addresses":[{"token":"STRM","amount":"1.5"}]}"#,
            r#"{"payment_id":"a","status":5}"#,
            r#"{"status":"pending"}"#,
            r#"{"payment_id":"a","status":"pending","addresses":{}}"#,
        ] {
            assert_eq!(
                decode(bad).unwrap_err().code,
                crate::ErrorCode::Decode,
                "{bad}"
            );
        }
    }
}
