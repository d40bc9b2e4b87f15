// The half of the operation catalogue the OpenAPI description cannot say: the gateway's
// operations (it has no description), and the StreamPay operations whose Rust parts follow a
// rule of the package (a checked body, a decoded answer with captures). gen-types.mjs joins this
// with the description; every generated file takes its operations from the result.

/** The gateway (v1). `checkout`: in the checkout build too. `args`: positional, in order; an
 *  `id` goes into the path, a `body` crosses as JSON text. `rust`: the Rust parts of the table. */
export const GATEWAY = [
  {
    name: 'getPayment',
    checkout: true,
    method: 'GET',
    path: '/api/v1/payment/{payment_id}',
    args: [{ id: 'paymentId' }],
    result: 'GatewayPayment',
    doc: 'The payment\'s current status and amounts. Retries network errors, 429 and 5xx.',
    rust: { host: 'Gateway', answer: 'GATEWAY_PAYMENT' },
  },
  {
    name: 'createPaymentLink',
    checkout: false,
    method: 'POST',
    path: '/api/v1/payment/{client_id}/page',
    args: [{ id: 'clientId' }, { body: 'request', type: 'CreatePaymentRequest' }],
    result: 'PaymentLink',
    doc: 'Creates a hosted payment page. Never retried automatically.',
    rust: { host: 'GatewayPay', answer: 'GATEWAY_PAYMENT_LINK', body: 'Body::Fn(create_payment_body)' },
  },
  {
    name: 'createPayment',
    checkout: false,
    method: 'POST',
    path: '/api/v1/payment/{client_id}',
    args: [{ id: 'clientId' }, { body: 'request', type: 'CreatePaymentRequest' }],
    result: 'GatewayPayment',
    doc: 'Creates a payment directly (shops approved for it; others get FORBIDDEN). Never retried.',
    rust: { host: 'GatewayPay', answer: 'GATEWAY_PAYMENT', body: 'Body::Fn(create_payment_body)' },
  },
];

/** StreamPay operations whose request is made by a rule of the package (src/models, named
 *  there) instead of the description's schema. `idName`: how messages name the path argument. */
export const STREAMPAY_RULES = {
  listPayments: { query: 'crate::api::list_params::LIST_PAYMENTS' },
  markPaymentAsPaid: { body: 'Body::Fn(mark_paid_body)' },
  refundPayment: { body: 'Body::Fn(refund_body)' },
  getPaymentLink: { idName: 'payment link id' },
  // `status` or `{ status, deactivateMessage }`.
  setPaymentLinkStatus: { body: 'Body::Fn(payment_link_status_body)', idName: 'payment link id' },
};

const nullable = (name) => `Field::str(${JSON.stringify(name)}).with(&Extra::new().or("null"))`;

/** Answers whose shape keeps a rule beyond the description's conversions: a field that must be
 *  there (`required`), one always present (`Extra`'s `or`), a capture the pollers and pages read. Other
 *  fields of the schema are generated as usual. `rust`/`what`: the shape's name and its name in
 *  messages; `page`: the same for the page of a list of them. */
export const ANSWER_RULES = {
  PaymentResponse: {
    rust: 'STREAMPAY_PAYMENT',
    what: 'StreamPay payment',
    page: ['PAYMENT_PAGE', 'StreamPay payment page'],
    // "Not refunded" is information too: the documented optional strings are always present.
    fields: {
      id: 'Field::str("id").required()',
      current_status: 'Field::str("current_status").required().capture(Slot::Status)',
      // Smallest units (halalas, fils...) may pass 2^53: always a string.
      amount_in_smallest_unit: 'Field::new("amount_in_smallest_unit", Kind::Units)',
      ...Object.fromEntries(['currency', 'type', 'payment_method', 'scheduled_on', 'payed_at', 'refunded_at',
        'refund_reason', 'refund_note'].map((f) => [f, nullable(f)])),
    },
  },
  PaymentLinkDetailed: {
    rust: 'STREAMPAY_PAYMENT_LINK',
    what: 'StreamPay payment link',
    page: ['PAYMENT_LINK_PAGE', 'StreamPay payment link page'],
    fields: {
      id: 'Field::str("id").required()',
      // The public page a customer pays on.
      url: 'Field::str("url").required()',
      status: 'Field::str("status").required().capture(Slot::Status)',
      name: 'Field::str("name")',
    },
  },
  // Absent counts are 0. The counts pass through as they came (the description types them as bare
  // integers); the page cursor (`listAll*`) reads only `has_next_page` and whether `data` had items.
  Pagination: {
    rust: 'PAGINATION',
    what: 'StreamPay pagination',
    fields: {
      total_count: 'Field::new("total_count", Kind::Count).with(&Extra::new().or("0"))',
      max_page: 'Field::new("max_page", Kind::Count).with(&Extra::new().or("0"))',
      current_page: 'Field::new("current_page", Kind::Count).with(&Extra::new().or("0"))',
      limit: 'Field::new("limit", Kind::Count).with(&Extra::new().or("0"))',
      has_next_page: 'Field::new("has_next_page", Kind::Bool).capture(Slot::HasNextPage).with(&Extra::new().or("false"))',
      has_previous_page: 'Field::new("has_previous_page", Kind::Bool).with(&Extra::new().or("false"))',
    },
  },
};

/** The methods every client has beside its operations: the pollers (pkg/src/polls.js). `full`:
 *  only in the full build (the checkout's wasm has no watcher). */
export const POLLERS = [
  { name: 'waitForPayment', full: false },
  { name: 'watchPayment', full: false },
  { name: 'watchPayments', full: true },
];
