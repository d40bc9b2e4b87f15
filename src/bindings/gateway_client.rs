//! `GatewayClient`: the crypto gateway (v1). Public payment status; safe in browsers.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::client_config::{call_options, path_id, promise, transport, COMMON_OPTIONS};
use super::json::model_to_js;
use super::options::Opts;
use super::transport::Transport;
use crate::http::{Api, HttpRequest};
use crate::models::{CreatePaymentRequest, GatewayPayment, PaymentLink, ToJson};

const DEFAULT_BASE_URL: &str = "https://streampayments.app";
const DEFAULT_PAY_BASE_URL: &str = "https://pay.streampayments.app";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "GatewayClientOptions")]
    pub type GatewayClientOptionsArg;
    #[wasm_bindgen(typescript_type = "RequestOptions")]
    pub type RequestOptionsArg;
    #[wasm_bindgen(typescript_type = "CreatePaymentRequest")]
    pub type CreatePaymentRequestArg;
}

/// Client of the Stream crypto gateway: payment status, payment pages.
#[wasm_bindgen]
pub struct GatewayClient {
    pub(crate) status: Rc<Transport>,
    pay: Rc<Transport>,
}

#[wasm_bindgen]
impl GatewayClient {
    /// `baseUrl` defaults to the public gateway; `payBaseUrl` (payment creation) defaults to
    /// `baseUrl` when that is given, else to the public pay host.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<GatewayClientOptionsArg>) -> Result<GatewayClient, JsValue> {
        let known: Vec<&str> = COMMON_OPTIONS
            .iter()
            .copied()
            .chain(["payBaseUrl"])
            .collect();
        let opts = Opts::new(options.map(Into::into), "GatewayClient options", &known)?;
        let status = transport(&opts, "baseUrl", DEFAULT_BASE_URL)?;
        let pay_default = opts
            .string("baseUrl")?
            .unwrap_or_else(|| DEFAULT_PAY_BASE_URL.into());
        let pay = transport(&opts, "payBaseUrl", &pay_default)?;
        Ok(Self {
            status: Rc::new(status),
            pay: Rc::new(pay),
        })
    }

    /// The payment's current status and amounts. Retries network errors, 429 and 5xx.
    #[wasm_bindgen(js_name = getPayment, unchecked_return_type = "Promise<GatewayPayment>")]
    pub fn get_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let transport = self.status.clone();
        promise(async move {
            let id = path_id(&payment_id, "paymentId")?;
            let call = call_options(options.map(Into::into))?;
            let req = HttpRequest::get(Api::Gateway, format!("/api/v1/payment/{id}"));
            let payment = transport.call(&req, &call, GatewayPayment::decode).await?;
            Ok(model_to_js(&payment))
        })
    }

    /// Creates a hosted payment page. Never retried automatically.
    #[wasm_bindgen(js_name = createPaymentLink, unchecked_return_type = "Promise<PaymentLink>")]
    pub fn create_payment_link(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] client_id: JsValue,
        request: CreatePaymentRequestArg,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let path = |id: &str| format!("/api/v1/payment/{id}/page");
        create(
            self.pay.clone(),
            client_id,
            request,
            options,
            path,
            PaymentLink::decode,
        )
    }

    /// Creates a payment directly (shops approved for it; others get FORBIDDEN). Never retried
    /// automatically.
    #[wasm_bindgen(js_name = createPayment, unchecked_return_type = "Promise<GatewayPayment>")]
    pub fn create_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] client_id: JsValue,
        request: CreatePaymentRequestArg,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let path = |id: &str| format!("/api/v1/payment/{id}");
        create(
            self.pay.clone(),
            client_id,
            request,
            options,
            path,
            GatewayPayment::decode,
        )
    }

    /// Polls the payment until it is `completed` or `not_found` (expired; read `reason`), or a
    /// status in `options.stopStatuses`, and resolves with it. `onUpdate` hears the first
    /// status and each change. Network errors, 429 and 5xx are ridden out with backoff.
    #[wasm_bindgen(js_name = waitForPayment, unchecked_return_type = "Promise<GatewayPayment>")]
    pub fn wait_for_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        options: Option<super::wait::GatewayWaitOptionsArg>,
    ) -> Promise {
        super::wait::wait_for_payment::<GatewayPayment>(
            &self.status,
            payment_id,
            options.map(Into::into),
        )
    }

    /// Follows many payments until each settles, within `concurrency` and
    /// `maxRequestsPerSecond`; see `PaymentWatcher`.
    #[wasm_bindgen(js_name = watchPayments, unchecked_return_type = "PaymentWatcher<GatewayPayment>")]
    pub fn watch_payments(
        &self,
        #[wasm_bindgen(unchecked_param_type = "readonly string[]")] payment_ids: JsValue,
        options: Option<super::watch::GatewayWatchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        super::watch::watch_payments::<GatewayPayment>(
            &self.status,
            payment_ids,
            options.map(Into::into),
        )
    }

    /// Each change of the payment's status as an async iterator (`for await`), ending with the
    /// settled payment. Leaving the loop early stops the polling.
    #[wasm_bindgen(js_name = watchPayment, unchecked_return_type = "AsyncIterableIterator<GatewayPayment>")]
    pub fn watch_payment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] payment_id: JsValue,
        options: Option<super::wait::GatewayWaitOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        super::change_feed::watch_payment::<GatewayPayment>(
            &self.status,
            payment_id,
            options.map(Into::into),
        )
    }
}

/// The two ways of creating a payment differ only in path and answer.
fn create<T: ToJson + 'static>(
    transport: Rc<Transport>,
    client_id: JsValue,
    request: CreatePaymentRequestArg,
    options: Option<RequestOptionsArg>,
    path: fn(&str) -> String,
    decode: fn(serde_json::Value) -> crate::error::Result<T>,
) -> Promise {
    promise(async move {
        let (id, body) = create_args(&client_id, request.into())?;
        let call = call_options(options.map(Into::into))?;
        let req = HttpRequest::post(Api::Gateway, path(&id), body);
        let created = transport.call(&req, &call, decode).await?;
        Ok(model_to_js(&created))
    })
}

fn create_args(client_id: &JsValue, request: JsValue) -> crate::error::Result<(String, String)> {
    let id = path_id(client_id, "clientId")?;
    let known = [
        "name",
        "returnUrl",
        "description",
        "amountUsd",
        "amountEur",
        "amount",
    ];
    let r = Opts::new(Some(request), "request", &known)?;
    let request = CreatePaymentRequest::new(
        r.string("name")?.unwrap_or_default(),
        r.string("returnUrl")?.unwrap_or_default(),
        r.string("description")?,
        [
            r.string("amountUsd")?,
            r.string("amountEur")?,
            r.string("amount")?,
        ],
    )?;
    Ok((id, request.to_body()))
}
