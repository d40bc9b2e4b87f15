//! StreamPay (v2), the merchant API.

use super::{Arg, Host, Operation, Polled};
use crate::http::Method;
use crate::models::{STREAMPAY_PAYMENT, STREAMPAY_TERMINAL_STATUSES};

const GET_PAYMENT: Operation = Operation {
    name: "getPayment",
    host: Host::StreamPay,
    method: Method::Get,
    path: "/api/v2/payments/{}",
    args: &[Arg::Id("paymentId")],
    answer: &STREAMPAY_PAYMENT,
    all: None,
};

pub static POLLED: Polled = Polled {
    get: &GET_PAYMENT,
    terminal: STREAMPAY_TERMINAL_STATUSES,
};

#[cfg(not(feature = "merchant"))]
pub static OPERATIONS: &[Operation] = &[];

#[cfg(feature = "merchant")]
pub static OPERATIONS: &[Operation] = merchant::OPERATIONS;

#[cfg(feature = "merchant")]
mod merchant {
    use super::*;
    use crate::models::{
        mark_paid_body, payment_link_body, payment_link_status_body, refund_body,
        PAYMENT_LINK_PAGE, PAYMENT_PAGE, STREAMPAY_PAYMENT_LINK,
    };
    use crate::query::{LIST_PAYMENTS, LIST_PAYMENT_LINKS};

    pub static OPERATIONS: &[Operation] = &[
        GET_PAYMENT,
        Operation {
            name: "listPayments",
            host: Host::StreamPay,
            method: Method::Get,
            path: "/api/v2/payments",
            args: &[Arg::Query(&LIST_PAYMENTS)],
            answer: &PAYMENT_PAGE,
            all: Some("listAllPayments"),
        },
        Operation {
            name: "markPaymentAsPaid",
            host: Host::StreamPay,
            method: Method::Post,
            path: "/api/v2/payments/{}/mark-paid",
            args: &[Arg::Id("paymentId"), Arg::Body(mark_paid_body)],
            answer: &crate::json::ANY,
            all: None,
        },
        Operation {
            name: "refundPayment",
            host: Host::StreamPay,
            method: Method::Post,
            path: "/api/v2/payments/{}/refund",
            args: &[Arg::Id("paymentId"), Arg::Body(refund_body)],
            answer: &STREAMPAY_PAYMENT,
            all: None,
        },
        Operation {
            name: "createPaymentLink",
            host: Host::StreamPay,
            method: Method::Post,
            path: "/api/v2/payment_links",
            args: &[Arg::Body(payment_link_body)],
            answer: &STREAMPAY_PAYMENT_LINK,
            all: None,
        },
        Operation {
            name: "listPaymentLinks",
            host: Host::StreamPay,
            method: Method::Get,
            path: "/api/v2/payment_links",
            args: &[Arg::Query(&LIST_PAYMENT_LINKS)],
            answer: &PAYMENT_LINK_PAGE,
            all: Some("listAllPaymentLinks"),
        },
        Operation {
            name: "getPaymentLink",
            host: Host::StreamPay,
            method: Method::Get,
            path: "/api/v2/payment_links/{}",
            args: &[Arg::Id("payment link id")],
            answer: &STREAMPAY_PAYMENT_LINK,
            all: None,
        },
        Operation {
            name: "setPaymentLinkStatus",
            host: Host::StreamPay,
            method: Method::Patch,
            path: "/api/v2/payment_links/{}/status",
            args: &[
                Arg::Id("payment link id"),
                Arg::Text("status", payment_link_status_body),
            ],
            answer: &STREAMPAY_PAYMENT_LINK,
            all: None,
        },
    ];
}
