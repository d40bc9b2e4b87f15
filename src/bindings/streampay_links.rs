//! Payment links on `StreamPayClient` (StreamPay v2): create, list, read, change status.
//! A second `#[wasm_bindgen] impl` block of the same class, kept apart from the payments.

use std::rc::Rc;

use js_sys::{Array, Promise, Reflect, JSON};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use super::args::{self, type_name};
use super::client_config::{call_options, path_id, promise};
use super::gateway_client::RequestOptionsArg;
use super::json::to_js;
use super::options::Opts;
use super::streampay_client::StreamPayClient;
use super::transport::Transport;
use crate::amount::escape;
use crate::error::{Result, StreamError};
use crate::http::{Api, HttpRequest, Method};
use crate::models::{
    payment_link_body, payment_link_status_body, PaymentLinkPage, StreamPayPaymentLink, ToJson,
};
use crate::query::ListPaymentsParams;

const LINKS_PATH: &str = "/api/v2/payment_links";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "CreateStreamPayLinkRequest")]
    pub type CreateStreamPayLinkRequestArg;
    #[wasm_bindgen(typescript_type = "ListPaymentLinksParams")]
    pub type ListPaymentLinksParamsArg;
}

/// Payment links. The create body is undocumented beyond the endpoint: `name` is required, every
/// other field is passed through (keys snake_cased). Only the GETs are retried automatically.
#[wasm_bindgen]
impl StreamPayClient {
    /// Creates a payment link. `request.name` is required; every other field is sent with its
    /// key in snake_case and its value as `JSON.stringify` writes it. Never retried.
    #[wasm_bindgen(js_name = createPaymentLink, unchecked_return_type = "Promise<StreamPayPaymentLink>")]
    pub fn create_payment_link(
        &self,
        request: CreateStreamPayLinkRequestArg,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let req = request_fields(request.into())
            .and_then(payment_link_body)
            .map(|body| HttpRequest::post(Api::StreamPay, LINKS_PATH.into(), body));
        send(&self.transport, req, options, link_json)
    }

    /// One page of payment links, optionally only those with the given `statuses`.
    #[wasm_bindgen(js_name = listPaymentLinks, unchecked_return_type = "Promise<PaymentLinkPage>")]
    pub fn list_payment_links(
        &self,
        params: Option<ListPaymentLinksParamsArg>,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let req = list_query(params.map(Into::into))
            .map(|query| HttpRequest::get(Api::StreamPay, format!("{LINKS_PATH}{query}")));
        send(&self.transport, req, options, page_json)
    }

    /// One payment link by id.
    #[wasm_bindgen(js_name = getPaymentLink, unchecked_return_type = "Promise<StreamPayPaymentLink>")]
    pub fn get_payment_link(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        let req = path_id(&id, "payment link id")
            .map(|id| HttpRequest::get(Api::StreamPay, format!("{LINKS_PATH}/{id}")));
        send(&self.transport, req, options, link_json)
    }

    /// Sets a link's status (`PATCH .../status`); the status is checked before sending.
    /// Never retried.
    #[wasm_bindgen(js_name = setPaymentLinkStatus, unchecked_return_type = "Promise<StreamPayPaymentLink>")]
    pub fn set_payment_link_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PaymentLinkStatus")] status: JsValue,
        options: Option<RequestOptionsArg>,
    ) -> Promise {
        send(
            &self.transport,
            status_request(&id, &status),
            options,
            link_json,
        )
    }
}

/// The one async path of every link call (one copy of the call machinery in the `.wasm`).
/// Argument errors reject the promise like any other failure; nothing is sent then.
fn send(
    transport: &Rc<Transport>,
    req: Result<HttpRequest>,
    options: Option<RequestOptionsArg>,
    model: fn(Value) -> Result<Value>,
) -> Promise {
    let transport = transport.clone();
    let call = call_options(options.map(Into::into));
    promise(async move {
        let (req, call) = (req?, call?);
        let value = transport.call(&req, &call, model).await?;
        Ok(to_js(&value))
    })
}

fn link_json(value: Value) -> Result<Value> {
    StreamPayPaymentLink::decode(value).map(|link| link.to_json())
}

fn page_json(value: Value) -> Result<Value> {
    PaymentLinkPage::decode(value).map(|page| page.to_json())
}

fn list_query(params: Option<JsValue>) -> Result<String> {
    let p = Opts::new(
        params,
        "listPaymentLinks params",
        &["page", "limit", "statuses"],
    )?;
    ListPaymentsParams {
        page: p.count("page", u32::MAX)?,
        limit: p.count("limit", u32::MAX)?,
        statuses: p.strings("statuses")?,
        ..ListPaymentsParams::default()
    }
    .to_query()
}

fn status_request(id: &JsValue, status: &JsValue) -> Result<HttpRequest> {
    let id = path_id(id, "payment link id")?;
    let body = payment_link_status_body(&args::string(status, "status")?)?;
    Ok(HttpRequest {
        method: Method::Patch,
        ..HttpRequest::post(Api::StreamPay, format!("{LINKS_PATH}/{id}/status"), body)
    })
}

/// The create request as JSON fields, through `JSON.stringify` (so `toJSON`, dropped
/// `undefined`s and the rest behave as in any JSON body); what it refuses is INVALID_ARGUMENT.
fn request_fields(value: JsValue) -> Result<Map<String, Value>> {
    if !value.is_object() || Array::is_array(&value) {
        return Err(StreamError::invalid_argument(format!(
            "request must be an object with at least a name, got {}",
            type_name(&value)
        )));
    }
    let text = JSON::stringify(&value).map_err(|e| {
        let reason = Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "JSON.stringify threw".into());
        StreamError::invalid_argument(format!(
            "request cannot be sent as JSON: {} (give amounts as strings, not bigints)",
            escape(&reason.chars().take(200).collect::<String>())
        ))
    })?;
    match serde_json::from_str(&String::from(text)) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(StreamError::invalid_argument(
            "request must serialise to a JSON object (its toJSON returned something else)",
        )),
    }
}
