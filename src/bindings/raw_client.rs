//! `RawClient`: the one wasm class behind both JS client classes. Every generated method of
//! `GatewayClient` / `StreamPayClient` (`pkg/src/operations/`) is one call here: the operation's
//! id (its index in `api::operations`) and its arguments (objects as their JSON text) in, the
//! checked request out as a `RawCall` that the shell sends (`pkg/src/io.js`); its answer comes
//! back as JSON text for one `JSON.parse`.

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use super::call::{now, RawCall};
use super::client_config::{call_timeout, endpoint, path_id, COMMON_OPTIONS};
use super::options::{OptionFields, Opts};
use super::poll_options::wait_options;
use super::polls::RawWait;
use crate::api::{self, Host, Operation};
#[cfg(feature = "merchant")]
use crate::api::{ArgTexts, Pages};
use crate::error::{Result, StreamError};
use crate::http::{Api, Endpoint};
use crate::poll::Wait;

const GATEWAY_BASE_URL: &str = "https://streampayments.app";
const GATEWAY_PAY_BASE_URL: &str = "https://pay.streampayments.app";
#[cfg(feature = "merchant")]
const STREAMPAY_BASE_URL: &str = "https://stream-app-service.streampay.sa";

#[wasm_bindgen]
pub struct RawClient {
    api: Api,
    main: Endpoint,
    /// The gateway's payment-creation host.
    pay: Endpoint,
}

fn api_named(name: &str) -> Result<Api> {
    match name {
        "gateway" => Ok(Api::Gateway),
        "streampay" => Ok(Api::StreamPay),
        _ => Err(StreamError::invalid_argument("unknown API")),
    }
}

#[wasm_bindgen]
impl RawClient {
    #[wasm_bindgen(constructor)]
    pub fn new(api: &str, options: JsValue) -> core::result::Result<RawClient, JsValue> {
        let api = api_named(api)?;
        Ok(match api {
            Api::Gateway => gateway(options)?,
            #[cfg(feature = "merchant")]
            Api::StreamPay => streampay(options)?,
            #[cfg(not(feature = "merchant"))]
            Api::StreamPay => {
                return Err(StreamError::invalid_argument(
                    "StreamPayClient is not in this build (stream-payments/checkout); import \
                     stream-payments",
                )
                .into())
            }
        })
    }

    /// The request of operation `op` (its id) with its arguments: a path id or text as the
    /// caller gave it, a body or params object as its JSON text; every one checked (a bad one
    /// throws here, before anything is sent).
    #[allow(clippy::too_many_arguments)]
    pub fn call(
        &self,
        op: u32,
        a0: JsValue,
        a1: JsValue,
        a2: JsValue,
        options: JsValue,
        signal: JsValue,
        timeout_ms: JsValue,
    ) -> core::result::Result<RawCall, JsValue> {
        let op = self.operation(op)?;
        let args = arg_texts(op, [a0, a1, a2])?;
        let req = op.request(&[args[0].as_deref(), args[1].as_deref(), args[2].as_deref()])?;
        let timeout = call_timeout(options, signal, timeout_ms)?;
        Ok(self
            .endpoint(op)
            .call(req, op.answer, timeout, now())
            .into())
    }

    /// The cursor of a `listAll*` iteration; bad arguments throw here, before any request. No
    /// checkout operation lists.
    #[cfg(feature = "merchant")]
    pub fn pages(
        &self,
        op: u32,
        a0: JsValue,
        a1: JsValue,
        options: JsValue,
        signal: JsValue,
        timeout_ms: JsValue,
    ) -> core::result::Result<RawPages, JsValue> {
        let op = self.operation(op)?;
        let texts = arg_texts(op, [a0, a1, JsValue::UNDEFINED])?;
        let args: ArgTexts<'_> = [texts[0].as_deref(), texts[1].as_deref(), None];
        Ok(RawPages {
            pages: Pages::new(op, &args)?,
            endpoint: self.endpoint(op).clone(),
            timeout: call_timeout(options, signal, timeout_ms)?,
        })
    }

    /// `waitForPayment` and `watchPayment`, checked.
    pub fn wait(
        &self,
        payment_id: JsValue,
        options: JsValue,
    ) -> core::result::Result<RawWait, JsValue> {
        let id = path_id(&payment_id, "paymentId")?;
        let settings = wait_options(options)?;
        Ok(Wait::new(api::polled(self.api), id, &self.main, settings, now()).into())
    }

    /// `watchPayments`, checked, following `payment_ids` from now.
    #[cfg(feature = "merchant")]
    #[wasm_bindgen(js_name = watchMany)]
    pub fn watch_many(
        &self,
        payment_ids: JsValue,
        options: JsValue,
    ) -> core::result::Result<super::polls::RawWatch, JsValue> {
        let ids = id_list(&payment_ids)?;
        let (settings, limits) = super::poll_options::watch_options(options)?;
        let mut watch =
            crate::poll::Watch::new(api::polled(self.api), &self.main, settings, limits, now());
        for id in &ids {
            watch.add(id, now() as u64);
        }
        Ok(watch.into())
    }

    /// The headers of this client's requests as a JSON object for `fetch`; `withBody` adds the
    /// body's `content-type`.
    pub fn headers(&self, with_body: bool) -> String {
        self.main.headers_json(with_body)
    }

    /// The requests carry credentials: `fetch` must not follow redirects (`redirect: "manual"`).
    #[wasm_bindgen(getter, js_name = manualRedirect)]
    pub fn manual_redirect(&self) -> bool {
        self.main.carries_credentials()
    }
}

impl RawClient {
    fn operation(&self, id: u32) -> Result<&'static Operation> {
        api::by_id(self.api, id).ok_or_else(|| {
            StreamError::invalid_argument(cat!(
                "operation ",
                id,
                " is not in this build of the ",
                self.api.name(),
                " client"
            ))
        })
    }

    fn endpoint(&self, op: &Operation) -> &Endpoint {
        match op.host {
            Host::GatewayPay => &self.pay,
            Host::Gateway | Host::StreamPay => &self.main,
        }
    }
}

/// The arguments as `Operation::request` reads them: a value argument must be a JS string (a
/// `String` object or anything else is refused here), an object argument arrives as the JSON
/// text the shell made.
fn arg_texts(op: &Operation, values: [JsValue; 3]) -> Result<[Option<String>; 3]> {
    let mut out: [Option<String>; 3] = [None, None, None];
    for ((arg, value), slot) in op.args.iter().zip(values).zip(out.iter_mut()) {
        if value.is_undefined() {
            continue;
        }
        *slot = Some(match arg {
            api::Arg::Id(what) | api::Arg::Text(what, _) => super::args::string(&value, what)?,
            api::Arg::Query(_) | api::Arg::Body(_) => value.as_string().unwrap_or_default(),
        });
    }
    Ok(out)
}

/// `baseUrl` defaults to the public gateway; `payBaseUrl` (payment creation) defaults to
/// `baseUrl` when that is given, else to the public pay host.
fn gateway(options: JsValue) -> Result<RawClient> {
    let known: Vec<&str> = COMMON_OPTIONS
        .iter()
        .copied()
        .chain(["payBaseUrl"])
        .collect();
    let opts = Opts::new(Some(options), "GatewayClient options", &known)?;
    let main = endpoint(
        &opts,
        "baseUrl",
        OptionFields::base_url,
        GATEWAY_BASE_URL,
        None,
    )?;
    let pay_default = opts
        .string("baseUrl", OptionFields::base_url)?
        .unwrap_or_else(|| GATEWAY_PAY_BASE_URL.into());
    let pay = endpoint(
        &opts,
        "payBaseUrl",
        OptionFields::pay_base_url,
        &pay_default,
        None,
    )?;
    Ok(RawClient {
        api: Api::Gateway,
        main,
        pay,
    })
}

/// The token is sent as `x-api-key`. Refused in a browser unless `allowBrowser: true`, because
/// anyone can read it there.
#[cfg(feature = "merchant")]
fn streampay(options: JsValue) -> Result<RawClient> {
    let known: Vec<&str> = COMMON_OPTIONS
        .iter()
        .copied()
        .chain(["apiKey", "apiKeyId", "apiSecret", "allowBrowser"])
        .collect();
    let opts = Opts::new(Some(options), "StreamPayClient options", &known)?;
    let token = crate::credentials::token_from(
        opts.string("apiKey", OptionFields::api_key)?,
        opts.string("apiKeyId", OptionFields::api_key_id)?,
        opts.string("apiSecret", OptionFields::api_secret)?,
    )?;
    let allow_browser = opts.bool("allowBrowser", OptionFields::allow_browser)? == Some(true);
    if super::runtime::current().is_browser() && !allow_browser {
        return Err(StreamError::invalid_argument(
            "StreamPayClient holds your secret API key and refuses to run in a browser, where any \
             visitor could read it. Call the StreamPay API from your server, or pass \
             allowBrowser: true for a test key.",
        ));
    }
    let key = Some(("x-api-key", token));
    let main = endpoint(
        &opts,
        "baseUrl",
        OptionFields::base_url,
        STREAMPAY_BASE_URL,
        key,
    )?;
    Ok(RawClient {
        api: Api::StreamPay,
        pay: main.clone(),
        main,
    })
}

/// The error of a method called on something that is not a live client (freed, or `this` lost).
#[wasm_bindgen(js_name = notAClient)]
pub fn not_a_client(method: &str) -> JsValue {
    StreamError::invalid_argument(cat!(
        method,
        " was called on a client that was freed (free() / dispose) or without a client \
         as `this`; create a new client"
    ))
    .into()
}

/// The cursor behind a `listAll*` iterator.
#[cfg(feature = "merchant")]
#[wasm_bindgen]
pub struct RawPages {
    pages: Pages,
    endpoint: Endpoint,
    timeout: Option<u32>,
}

#[cfg(feature = "merchant")]
#[wasm_bindgen]
impl RawPages {
    /// The request of the next page, or `undefined` after the last page.
    pub fn call(&self) -> core::result::Result<Option<RawCall>, JsValue> {
        let Some(req) = self.pages.next_request() else {
            return Ok(None);
        };
        let (answer, now) = (self.pages.answer(), now());
        Ok(Some(
            self.endpoint.call(req?, answer, self.timeout, now).into(),
        ))
    }

    /// Moves on after the page's call settled: its JSON text, or its error (which ends the
    /// iteration).
    pub fn advance(&mut self, call: &mut RawCall) -> core::result::Result<String, JsValue> {
        match call.settled() {
            Ok(page) => {
                self.pages.advance(&page.captures);
                Ok(page.json)
            }
            Err(err) => {
                self.pages.finish();
                Err(err.into())
            }
        }
    }
}

#[cfg(feature = "merchant")]
fn id_list(value: &JsValue) -> Result<Vec<String>> {
    if !js_sys::Array::is_array(value) {
        return Err(StreamError::invalid_argument(cat!(
            "watchPayments ids must be an array of payment ids, got ",
            super::args::type_name(value)
        )));
    }
    let array: &js_sys::Array = value.unchecked_ref();
    array
        .iter()
        .enumerate()
        .map(|(i, id)| path_id(&id, &cat!("watchPayments ids[", i, "]")))
        .collect()
}
