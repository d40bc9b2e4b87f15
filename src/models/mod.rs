//! Payment objects of both APIs: decoded from the APIs' snake_case JSON with exact amounts and
//! unknown fields kept, serialised camelCase for JavaScript.

mod create;
mod fields;
mod gateway;
mod merchant;
mod streampay;

pub use create::{ChargeAmount, CreatePaymentRequest, PaymentLink};
pub use fields::{camel_case, kind as json_kind};
pub use gateway::{GatewayCoin, GatewayPayment, GATEWAY_TERMINAL_STATUSES};
pub use merchant::{mark_paid_body, refund_body, MARK_PAID_METHODS, REFUND_REASONS};
pub use streampay::{Pagination, Payment, PaymentPage, STREAMPAY_TERMINAL_STATUSES};

use serde_json::{Map, Value};

/// A model as the JSON object JavaScript receives: camelCase keys, amounts as strings, unknown
/// fields kept. Built by hand rather than through `serde::Serialize`, which costs the `.wasm`
/// a serializer and float printing it never needs.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// `fields` plus the given known entries (absent ones skipped).
pub(crate) fn object(known: Vec<(&str, Option<Value>)>, fields: &Map<String, Value>) -> Value {
    let mut map = fields.clone();
    for (key, value) in known {
        if let Some(value) = value {
            map.insert(key.to_string(), value);
        }
    }
    Value::Object(map)
}

/// `{data, pagination}` of a page of items.
pub(crate) fn page<T: ToJson>(data: &[T], pagination: &streampay::Pagination) -> Value {
    let data = data.iter().map(ToJson::to_json).collect();
    object(
        vec![
            ("data", Some(Value::Array(data))),
            ("pagination", Some(pagination.to_json())),
        ],
        &Map::new(),
    )
}

pub(crate) fn text(value: &Option<String>) -> Option<Value> {
    value.clone().map(Value::String)
}
mod payment_link;
pub use payment_link::{
    payment_link_body, payment_link_status_body, PaymentLinkPage, StreamPayPaymentLink,
    PAYMENT_LINK_STATUSES,
};
