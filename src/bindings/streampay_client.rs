//! `StreamPayClient`: the StreamPay merchant API (v2). Holds the merchant's secret, so it is
//! for servers; a browser must opt in with `allowBrowser: true`.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::client_config::{call_options, path_id, promise, transport, COMMON_OPTIONS};
use super::json::model_to_js;
use super::options::Opts;
use super::page_iter::payment_iterator;
use super::transport::Transport;
use crate::error::{Result, StreamError};
use crate::http::{Api, HttpRequest};
use crate::models::{mark_paid_body, refund_body, Payment, PaymentPage};
use crate::query::{ListPaymentsParams, LIST_PARAM_NAMES};

const DEFAULT_BASE_URL: &str = "https://stream-app-service.streampay.sa";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "StreamPayClientOptions")]
    pub type StreamPayClientOptionsArg;
    #[wasm_bindgen(typescript_type = "ListPaymentsParams")]
    pub type ListPaymentsParamsArg;
}

/// Client of the StreamPay merchant API: list, read, mark paid and refund payments.
#[wasm_bindgen]
pub struct StreamPayClient {
    pub(crate) transport: Rc<Transport>,
}

#[wasm_bindgen]
impl StreamPayClient {
    /// `apiKey` is the base64 of `"api-key:api-secret"`, sent as `x-api-key`. Refused in a
    /// browser unless `allowBrowser: true`, because anyone can read it there.
    #[wasm_bindgen(constructor)]
    pub fn new(options: StreamPayClientOptionsArg) -> Result<StreamPayClient, JsValue> {
        let known: Vec<&str> = COMMON_OPTIONS
            .iter()
            .copied()
            .chain(["apiKey", "allowBrowser"])
            .collect();
        let opts = Opts::new(Some(options.into()), "StreamPayClient options", &known)?;
        let api_key = opts.string("apiKey")?.unwrap_or_default();
        if api_key.trim().is_empty() {
            return Err(StreamError::invalid_argument(
                "StreamPayClient options.apiKey is required (base64 of \"api-key:api-secret\")",
            )
            .into());
        }
        // A header value: visible ASCII only (base64 is), else fetch fails with a vague error.
        if api_key.chars().any(|c| !c.is_ascii_graphic()) {
            return Err(StreamError::invalid_argument(
                "StreamPayClient options.apiKey contains spaces, control or non-ASCII characters",
            )
            .into());
        }
        let allow_browser = opts.bool("allowBrowser")? == Some(true);
        if super::runtime::current().is_browser() && !allow_browser {
            return Err(StreamError::invalid_argument(
                "StreamPayClient holds your secret API key and refuses to run in a browser, where any \
                 visitor could read it. Call the StreamPay API from your server, or pass \
                 allowBrowser: true for a test key.",
            )
            .into());
        }
        let mut transport = transport(&opts, "baseUrl", DEFAULT_BASE_URL)?;
        transport
            .headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("x-api-key"));
        transport.headers.push(("x-api-key".into(), api_key));
        Ok(Self {
            transport: Rc::new(transport),
        })
    }

    /// One payment by id (a UUID).
    #[wasm_bindgen(js_name = getPayment, unchecked_return_type = "Promise<Payment>")]
    pub fn get_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        options: Option<super::gateway_client::RequestOptionsArg>,
    ) -> Promise {
        let transport = self.transport.clone();
        promise(async move {
            let id = path_id(&payment_id, "paymentId")?;
            let call = call_options(options.map(Into::into))?;
            let req = HttpRequest::get(Api::StreamPay, format!("/api/v2/payments/{id}"));
            let payment = transport.call(&req, &call, Payment::decode).await?;
            Ok(model_to_js(&payment))
        })
    }

    /// One page of payments, filtered and sorted as asked.
    #[wasm_bindgen(js_name = listPayments, unchecked_return_type = "Promise<PaymentPage>")]
    pub fn list_payments(
        &self,
        params: Option<ListPaymentsParamsArg>,
        options: Option<super::gateway_client::RequestOptionsArg>,
    ) -> Promise {
        let transport = self.transport.clone();
        promise(async move {
            let params = list_params(params.map(Into::into))?;
            let call = call_options(options.map(Into::into))?;
            let page = fetch_page(&transport, &params, &call).await?;
            Ok(model_to_js(&page))
        })
    }

    /// Every payment matching `params`, page after page, fetching the next page only when the
    /// iteration gets there. Use with `for await`.
    #[wasm_bindgen(js_name = listAllPayments, unchecked_return_type = "AsyncIterableIterator<Payment>")]
    pub fn list_all_payments(
        &self,
        params: Option<ListPaymentsParamsArg>,
        options: Option<super::gateway_client::RequestOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let params = list_params(params.map(Into::into))?;
        let call = call_options(options.map(Into::into))?;
        Ok(payment_iterator(self.transport.clone(), params, call))
    }

    /// Polls the payment until a terminal status (`SUCCEEDED`, `FAILED`, `FAILED_INITIATION`,
    /// `CANCELED`, `EXPIRED`, `SETTLED`, `REFUNDED`) or one in `options.stopStatuses`, and
    /// resolves with it. `onUpdate` hears the first status and each change.
    #[wasm_bindgen(js_name = waitForPayment, unchecked_return_type = "Promise<Payment>")]
    pub fn wait_for_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        options: Option<super::wait::PaymentWaitOptionsArg>,
    ) -> Promise {
        super::wait::wait_for_payment::<Payment>(
            &self.transport,
            payment_id,
            options.map(Into::into),
        )
    }

    /// Follows many payments until each settles, within `concurrency` and
    /// `maxRequestsPerSecond`; see `PaymentWatcher`.
    #[wasm_bindgen(js_name = watchPayments, unchecked_return_type = "PaymentWatcher<Payment>")]
    pub fn watch_payments(
        &self,
        #[wasm_bindgen(unchecked_param_type = "readonly string[]")] payment_ids: JsValue,
        options: Option<super::watch::PaymentWatchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        super::watch::watch_payments::<Payment>(
            &self.transport,
            payment_ids,
            options.map(Into::into),
        )
    }

    /// Each change of the payment's status as an async iterator (`for await`), ending with the
    /// settled payment. Leaving the loop early stops the polling.
    #[wasm_bindgen(js_name = watchPayment, unchecked_return_type = "AsyncIterableIterator<Payment>")]
    pub fn watch_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        options: Option<super::wait::PaymentWaitOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        super::change_feed::watch_payment::<Payment>(
            &self.transport,
            payment_id,
            options.map(Into::into),
        )
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "MarkPaidRequest")]
    pub type MarkPaidRequestArg;
    #[wasm_bindgen(typescript_type = "RefundRequest")]
    pub type RefundRequestArg;
}

/// Merchant operations. POSTs: never retried automatically (the API has no idempotency key).
#[wasm_bindgen]
impl StreamPayClient {
    /// Marks a payment paid outside StreamPay (`CASH`, `BANK_TRANSFER`, `CARD`, `QURRAH`).
    /// Resolves with the answer: a `Payment` when the API returns one.
    #[wasm_bindgen(js_name = markPaymentAsPaid, unchecked_return_type = "Promise<unknown>")]
    pub fn mark_payment_as_paid(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        body: MarkPaidRequestArg,
        options: Option<super::gateway_client::RequestOptionsArg>,
    ) -> Promise {
        let transport = self.transport.clone();
        promise(async move {
            let id = path_id(&payment_id, "paymentId")?;
            let b = Opts::new(Some(body.into()), "body", &["paymentMethod", "note"])?;
            let method = b.string("paymentMethod")?.unwrap_or_default();
            let json = mark_paid_body(&method, b.string("note")?.as_deref())?;
            let call = call_options(options.map(Into::into))?;
            let req = HttpRequest::post(
                Api::StreamPay,
                format!("/api/v2/payments/{id}/mark-paid"),
                json,
            );
            // Undocumented answer: a payment comes back camelCase like everywhere else;
            // anything else is passed on as sent.
            let answer = transport
                .call(&req, &call, |v| {
                    Ok(Payment::decode(v.clone())
                        .ok()
                        .map(|p| crate::models::ToJson::to_json(&p))
                        .unwrap_or(v))
                })
                .await?;
            Ok(super::json::to_js(&answer))
        })
    }

    /// Refunds a payment. A payment paid together with others is refused with a CONFLICT
    /// error carrying `paymentIds` and `totalAmount` unless
    /// `allowRefundMultipleRelatedPayments` is true.
    #[wasm_bindgen(js_name = refundPayment, unchecked_return_type = "Promise<Payment>")]
    pub fn refund_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        body: RefundRequestArg,
        options: Option<super::gateway_client::RequestOptionsArg>,
    ) -> Promise {
        let transport = self.transport.clone();
        promise(async move {
            let id = path_id(&payment_id, "paymentId")?;
            let known = [
                "refundReason",
                "refundNote",
                "allowRefundMultipleRelatedPayments",
            ];
            let b = Opts::new(Some(body.into()), "body", &known)?;
            let json = refund_body(
                &b.string("refundReason")?.unwrap_or_default(),
                b.string("refundNote")?.as_deref(),
                b.bool("allowRefundMultipleRelatedPayments")?
                    .unwrap_or(false),
            )?;
            let call = call_options(options.map(Into::into))?;
            let req = HttpRequest::post(
                Api::StreamPay,
                format!("/api/v2/payments/{id}/refund"),
                json,
            );
            let payment = transport.call(&req, &call, Payment::decode).await?;
            Ok(model_to_js(&payment))
        })
    }
}

pub(crate) async fn fetch_page(
    transport: &Transport,
    params: &ListPaymentsParams,
    call: &super::transport::CallOptions,
) -> Result<PaymentPage, super::transport::Failure> {
    let req = HttpRequest::get(
        Api::StreamPay,
        format!("/api/v2/payments{}", params.to_query()?),
    );
    transport.call(&req, call, PaymentPage::decode).await
}

fn list_params(value: Option<JsValue>) -> Result<ListPaymentsParams> {
    let p = Opts::new(value, "listPayments params", LIST_PARAM_NAMES)?;
    Ok(ListPaymentsParams {
        page: p.count("page", u32::MAX)?,
        limit: p.count("limit", u32::MAX)?,
        statuses: p.strings("statuses")?,
        invoice_id: p.strings("invoiceId")?,
        search_term: p.string("searchTerm")?,
        from_date: p.string("fromDate")?,
        to_date: p.string("toDate")?,
        sort_field: p.string("sortField")?,
        sort_direction: p.string("sortDirection")?,
    })
}
