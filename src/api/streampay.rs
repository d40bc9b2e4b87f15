//! StreamPay (v2), the merchant API: the operations written by hand here (payments and payment
//! links, whose checks predate the description) and every other operation of the description,
//! generated with its shapes into `streampay/generated.rs` (`node tests/scripts/gen-types.mjs`).

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

#[rustfmt::skip]
pub(crate) mod generated;
#[cfg(all(test, feature = "merchant"))]
mod tests;

#[cfg(not(feature = "merchant"))]
pub static OPERATIONS: &[Operation] = &[];

#[cfg(feature = "merchant")]
pub static OPERATIONS: &[Operation] =
    &concat::<HAND, GENERATED, { HAND + GENERATED }>(merchant::HAND_WRITTEN, generated::OPERATIONS);
#[cfg(feature = "merchant")]
const HAND: usize = merchant::HAND_WRITTEN.len();
#[cfg(feature = "merchant")]
const GENERATED: usize = generated::OPERATIONS.len();

/// `a` then `b`, as one array (a `static` slice cannot be joined otherwise at compile time).
#[cfg(feature = "merchant")]
const fn concat<const A: usize, const B: usize, const N: usize>(
    a: [Operation; A],
    b: [Operation; B],
) -> [Operation; N] {
    let mut out = [GET_PAYMENT; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < A { a[i] } else { b[i - A] };
        i += 1;
    }
    out
}

#[cfg(feature = "merchant")]
mod merchant {
    use super::generated::{CREATE_PAYMENT_LINK_DTO_REQUEST, LIST_PAYMENT_LINKS_PARAMS};
    use super::*;
    use crate::api::list_params::LIST_PAYMENTS;
    use crate::api::Body;
    use crate::models::{
        mark_paid_body, payment_link_status_body, refund_body, PAYMENT_LINK_PAGE, PAYMENT_PAGE,
        STREAMPAY_PAYMENT_LINK,
    };

    pub const HAND_WRITTEN: [Operation; 8] = [
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
            args: &[Arg::Id("paymentId"), Arg::Body(Body::Fn(mark_paid_body))],
            answer: &crate::json::ANY,
            all: None,
        },
        Operation {
            name: "refundPayment",
            host: Host::StreamPay,
            method: Method::Post,
            path: "/api/v2/payments/{}/refund",
            args: &[Arg::Id("paymentId"), Arg::Body(Body::Fn(refund_body))],
            answer: &STREAMPAY_PAYMENT,
            all: None,
        },
        Operation {
            name: "createPaymentLink",
            host: Host::StreamPay,
            method: Method::Post,
            path: "/api/v2/payment_links",
            args: &[Arg::Body(Body::Shape(&CREATE_PAYMENT_LINK_DTO_REQUEST))],
            answer: &STREAMPAY_PAYMENT_LINK,
            all: None,
        },
        Operation {
            name: "listPaymentLinks",
            host: Host::StreamPay,
            method: Method::Get,
            path: "/api/v2/payment_links",
            args: &[Arg::Query(&LIST_PAYMENT_LINKS_PARAMS)],
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
            // `status` or `{ status, deactivateMessage }`.
            args: &[
                Arg::Id("payment link id"),
                Arg::Body(Body::Fn(payment_link_status_body)),
            ],
            answer: &STREAMPAY_PAYMENT_LINK,
            all: None,
        },
    ];
}
