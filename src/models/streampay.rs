//! The StreamPay merchant API's payment and page of payments (v2), decoded exactly.

use serde_json::{Map, Value};

use super::fields::{camel_case, Fields};
use super::{object, text, ToJson};
use crate::error::Result;

/// Statuses after which a StreamPay payment no longer changes by itself.
pub const STREAMPAY_TERMINAL_STATUSES: &[&str] = &[
    "SUCCEEDED",
    "FAILED",
    "FAILED_INITIATION",
    "CANCELED",
    "EXPIRED",
    "SETTLED",
    "REFUNDED",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub id: String,
    /// Decimal string as the API sends it, e.g. `"115.00"`.
    pub amount: Option<String>,
    /// Smallest units (halalas, fils...), as a string: it may pass 2^53.
    pub amount_in_smallest_unit: Option<String>,
    /// An open enum: a status this version does not know still decodes.
    pub current_status: String,
    pub fields: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    pub total_count: u64,
    pub max_page: u64,
    pub current_page: u64,
    pub limit: u64,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub fields: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PaymentPage {
    pub data: Vec<Payment>,
    pub pagination: Pagination,
}

const STRING_FIELDS: &[&str] = &[
    "currency",
    "type",
    "payment_method",
    "scheduled_on",
    "payed_at",
    "refunded_at",
    "refund_reason",
    "refund_note",
];

impl Payment {
    pub fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "StreamPay payment")?;
        let id = f.required_str("id")?;
        let amount = f.opt_number_text("amount")?;
        let amount_in_smallest_unit = f.opt_integer_text("amount_in_smallest_unit")?;
        let current_status = f.required_str("current_status")?;
        let mut fields = Map::new();
        for key in STRING_FIELDS {
            // `null` is kept as null: "not refunded" is information too.
            let value = f.opt_str(key)?.map_or(Value::Null, Value::String);
            fields.insert(camel_case(key), value);
        }
        fields.extend(f.into_extras());
        Ok(Self {
            id,
            amount,
            amount_in_smallest_unit,
            current_status,
            fields,
        })
    }

    pub fn is_terminal(&self) -> bool {
        STREAMPAY_TERMINAL_STATUSES.contains(&self.current_status.as_str())
    }
}

impl ToJson for Payment {
    fn to_json(&self) -> Value {
        object(
            vec![
                ("id", Some(Value::String(self.id.clone()))),
                ("amount", text(&self.amount)),
                ("amountInSmallestUnit", text(&self.amount_in_smallest_unit)),
                (
                    "currentStatus",
                    Some(Value::String(self.current_status.clone())),
                ),
            ],
            &self.fields,
        )
    }
}

impl ToJson for Pagination {
    fn to_json(&self) -> Value {
        object(
            vec![
                ("totalCount", Some(self.total_count.into())),
                ("maxPage", Some(self.max_page.into())),
                ("currentPage", Some(self.current_page.into())),
                ("limit", Some(self.limit.into())),
                ("hasNextPage", Some(self.has_next_page.into())),
                ("hasPreviousPage", Some(self.has_previous_page.into())),
            ],
            &self.fields,
        )
    }
}

impl ToJson for PaymentPage {
    fn to_json(&self) -> Value {
        super::page(&self.data, &self.pagination)
    }
}

impl Pagination {
    /// The `pagination` object of any StreamPay list answer.
    pub fn decode(value: Value) -> Result<Self> {
        let mut p = Fields::new(value, "StreamPay pagination")?;
        let count = |p: &mut Fields, key: &str| p.opt_count(key).map(Option::unwrap_or_default);
        let flag = |p: &mut Fields, key: &str| p.opt_bool(key).map(Option::unwrap_or_default);
        Ok(Self {
            total_count: count(&mut p, "total_count")?,
            max_page: count(&mut p, "max_page")?,
            current_page: count(&mut p, "current_page")?,
            limit: count(&mut p, "limit")?,
            has_next_page: flag(&mut p, "has_next_page")?,
            has_previous_page: flag(&mut p, "has_previous_page")?,
            fields: p.into_extras(),
        })
    }
}

impl PaymentPage {
    pub fn decode(value: Value) -> Result<Self> {
        let mut f = Fields::new(value, "StreamPay payment page")?;
        let data = f
            .opt_array("data")?
            .into_iter()
            .map(Payment::decode)
            .collect::<Result<_>>()?;
        let pagination = Pagination::decode(f.required_object("pagination")?)?;
        Ok(Self { data, pagination })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("../../tests/mock/fixtures/streampay-payments-page.json");

    #[test]
    fn decodes_the_documented_page() {
        let page = PaymentPage::decode(serde_json::from_str(PAGE).unwrap()).unwrap();
        assert_eq!(page.data.len(), 2);
        assert_eq!(page.data[1].amount.as_deref(), Some("12.345"));
        assert_eq!(
            page.data[1].amount_in_smallest_unit.as_deref(),
            Some("12345")
        );
        assert!(page.data[0].is_terminal() && !page.data[1].is_terminal());
        let js = page.to_json();
        assert_eq!(js["data"][0]["currentStatus"], "SUCCEEDED");
        assert_eq!(js["data"][0]["payedAt"], "2026-11-20T09:04:12+03:00");
        assert_eq!(js["data"][0]["refundedAt"], Value::Null);
        assert_eq!(js["data"][0]["amountInSmallestUnit"], "11500");
        assert_eq!(js["pagination"]["hasNextPage"], false);
        assert_eq!(js["pagination"]["totalCount"], 2);
    }

    #[test]
    fn big_smallest_units_stay_exact_and_unknown_statuses_decode() {
        let v = serde_json::from_str(
            r#"{"id":"x","current_status":"ON_HOLD","amount_in_smallest_unit":90071992547409931234,"invoice_id":"i"}"#,
        )
        .unwrap();
        let p = Payment::decode(v).unwrap();
        assert_eq!(
            p.amount_in_smallest_unit.as_deref(),
            Some("90071992547409931234")
        );
        assert!(!p.is_terminal());
        assert_eq!(p.to_json()["invoiceId"], "i");
    }

    #[test]
    fn wrong_types_are_decode_errors() {
        for bad in [
            r#"{"data":{},"pagination":{}}"#,
            r#"{"data":[],"pagination":{"total_count":"2"}}"#,
            r#"{"data":[]}"#,
            r#"{"data":[{"id":1,"current_status":"PENDING"}],"pagination":{}}"#,
            r#"{"data":[{"id":"x","current_status":"PENDING","amount":[1]}],"pagination":{}}"#,
        ] {
            let v = serde_json::from_str(bad).unwrap();
            assert_eq!(
                PaymentPage::decode(v).unwrap_err().code,
                crate::ErrorCode::Decode,
                "{bad}"
            );
        }
    }
}
