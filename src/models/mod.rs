//! Payment objects of both APIs: decoded from the APIs' snake_case JSON with exact amounts and
//! unknown fields kept, serialised camelCase for JavaScript.

mod create;
mod fields;
mod gateway;
mod merchant;
mod streampay;

pub use create::{ChargeAmount, CreatePaymentRequest, PaymentLink};
pub use fields::camel_case;
pub use gateway::{GatewayCoin, GatewayPayment, GATEWAY_TERMINAL_STATUSES};
pub use merchant::{mark_paid_body, refund_body, MARK_PAID_METHODS, REFUND_REASONS};
pub use streampay::{Pagination, Payment, PaymentPage, STREAMPAY_TERMINAL_STATUSES};
