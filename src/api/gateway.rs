//! The crypto gateway (v1).

use super::{Arg, Host, Operation, Polled};
use crate::http::Method;
use crate::models::{GATEWAY_PAYMENT, GATEWAY_TERMINAL_STATUSES};

const GET_PAYMENT: Operation = Operation {
    name: "getPayment",
    host: Host::Gateway,
    method: Method::Get,
    path: "/api/v1/payment/{}",
    args: &[Arg::Id("paymentId")],
    answer: &GATEWAY_PAYMENT,
    all: None,
};

pub static POLLED: Polled = Polled {
    get: &GET_PAYMENT,
    terminal: GATEWAY_TERMINAL_STATUSES,
};

#[cfg(not(feature = "merchant"))]
pub static OPERATIONS: &[Operation] = &[GET_PAYMENT];

/// Creating payments needs a merchant's client id, so the checkout build leaves it out.
#[cfg(feature = "merchant")]
pub static OPERATIONS: &[Operation] = &[
    GET_PAYMENT,
    Operation {
        name: "createPaymentLink",
        host: Host::GatewayPay,
        method: Method::Post,
        path: "/api/v1/payment/{}/page",
        args: &[
            Arg::Id("clientId"),
            Arg::Body(crate::models::create_payment_body),
        ],
        answer: &crate::models::GATEWAY_PAYMENT_LINK,
        all: None,
    },
    Operation {
        name: "createPayment",
        host: Host::GatewayPay,
        method: Method::Post,
        path: "/api/v1/payment/{}",
        args: &[
            Arg::Id("clientId"),
            Arg::Body(crate::models::create_payment_body),
        ],
        answer: &GATEWAY_PAYMENT,
        all: None,
    },
];
