//! `RawClient`: the one wasm class behind both JS client classes. Every method of the shell's
//! `GatewayClient` / `StreamPayClient` is one call here: the operation's name and its
//! arguments (objects as their JSON text), and the answer comes back as one `JSON.parse`d value.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::client_config::{call_options, promise, transport, COMMON_OPTIONS};
use super::options::{OptionBag, Opts};
use super::transport::{CallOptions, Failure, Transport};
use crate::api::{self, ArgTexts, Host, Operation, Pages};
use crate::error::{Result, StreamError};
use crate::http::Api;

const GATEWAY_BASE_URL: &str = "https://streampayments.app";
const GATEWAY_PAY_BASE_URL: &str = "https://pay.streampayments.app";
#[cfg(feature = "merchant")]
const STREAMPAY_BASE_URL: &str = "https://stream-app-service.streampay.sa";

#[wasm_bindgen]
pub struct RawClient {
    api: Api,
    main: Rc<Transport>,
    /// The gateway's payment-creation host.
    pay: Rc<Transport>,
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
    pub fn new(api: &str, options: JsValue) -> std::result::Result<RawClient, JsValue> {
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

    /// Runs the operation `op` with its arguments as `method_list` says the shell passes them;
    /// resolves with the decoded answer.
    #[allow(clippy::too_many_arguments)]
    pub fn call(
        &self,
        op: &str,
        a0: JsValue,
        a1: JsValue,
        a2: JsValue,
        options: JsValue,
        signal: JsValue,
        timeout_ms: JsValue,
    ) -> Promise {
        let found = self
            .operation(op)
            .and_then(|op| Ok((op, self.transport(op), arg_texts(op, [a0, a1, a2])?)));
        promise(async move {
            let (op, transport, args) = found?;
            let req = op.request(&[args[0].as_deref(), args[1].as_deref(), args[2].as_deref()])?;
            let call = call_options(options, signal, timeout_ms)?;
            let decoded = transport.call(&req, &call, op.answer).await?;
            Ok(super::json::parse(&decoded.json)?)
        })
    }

    /// The cursor of a `listAll*` iteration; bad arguments throw here, before any request.
    pub fn pages(
        &self,
        op: &str,
        a0: JsValue,
        a1: JsValue,
        options: JsValue,
        signal: JsValue,
        timeout_ms: JsValue,
    ) -> std::result::Result<RawPages, JsValue> {
        let op = self.operation(op)?;
        let texts = arg_texts(op, [a0, a1, JsValue::UNDEFINED])?;
        let args: ArgTexts<'_> = [texts[0].as_deref(), texts[1].as_deref(), None];
        let pages = Pages::new(op, &args)?;
        let call = call_options(options, signal, timeout_ms)?;
        Ok(RawPages {
            state: Rc::new(RefCell::new(PageState {
                pages,
                transport: self.transport(op),
                call,
                busy: false,
            })),
        })
    }

    /// `waitForPayment`.
    pub fn wait(&self, payment_id: JsValue, options: JsValue) -> Promise {
        super::wait::wait_for_payment(&self.main, api::polled(self.api), payment_id, options)
    }

    /// `watchPayment`: an async iterator of the changes.
    #[wasm_bindgen(js_name = watchOne)]
    pub fn watch_one(
        &self,
        payment_id: JsValue,
        options: JsValue,
    ) -> std::result::Result<super::change_feed::RawFeed, JsValue> {
        super::change_feed::watch_payment(&self.main, api::polled(self.api), payment_id, options)
    }

    /// `watchPayments`: the watcher handle.
    #[cfg(feature = "merchant")]
    #[wasm_bindgen(js_name = watchMany)]
    pub fn watch_many(
        &self,
        payment_ids: JsValue,
        options: JsValue,
    ) -> std::result::Result<super::watch::RawWatcher, JsValue> {
        super::watch::watch_payments(&self.main, api::polled(self.api), payment_ids, options)
    }
}

impl RawClient {
    fn operation(&self, name: &str) -> Result<&'static Operation> {
        api::find(self.api, name).ok_or_else(|| {
            StreamError::invalid_argument(format!("{name} is not an operation of this client"))
        })
    }

    fn transport(&self, op: &Operation) -> Rc<Transport> {
        match op.host {
            Host::GatewayPay => self.pay.clone(),
            Host::Gateway | Host::StreamPay => self.main.clone(),
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
    let main = transport(&opts, "baseUrl", OptionBag::base_url, GATEWAY_BASE_URL)?;
    let pay_default = opts
        .string("baseUrl", OptionBag::base_url)?
        .unwrap_or_else(|| GATEWAY_PAY_BASE_URL.into());
    let pay = transport(&opts, "payBaseUrl", OptionBag::pay_base_url, &pay_default)?;
    Ok(RawClient {
        api: Api::Gateway,
        main: Rc::new(main),
        pay: Rc::new(pay),
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
    let token =
        match (
            opts.string("apiKey", OptionBag::api_key)?,
            opts.string("apiKeyId", OptionBag::api_key_id)?,
            opts.string("apiSecret", OptionBag::api_secret)?,
        ) {
            (Some(token), None, None) => token,
            (None, Some(id), Some(secret)) => crate::credentials::api_key_token(&id, &secret)?,
            (None, None, None) => String::new(),
            _ => return Err(StreamError::invalid_argument(
                "StreamPayClient options: give either apiKey (the token the dashboard shows) or \
                 both apiKeyId and apiSecret",
            )),
        };
    crate::credentials::check_token(&token)?;
    let allow_browser = opts.bool("allowBrowser", OptionBag::allow_browser)? == Some(true);
    if super::runtime::current().is_browser() && !allow_browser {
        return Err(StreamError::invalid_argument(
            "StreamPayClient holds your secret API key and refuses to run in a browser, where any \
             visitor could read it. Call the StreamPay API from your server, or pass \
             allowBrowser: true for a test key.",
        ));
    }
    let mut main = transport(&opts, "baseUrl", OptionBag::base_url, STREAMPAY_BASE_URL)?;
    main.headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("x-api-key"));
    main.headers.push(("x-api-key".into(), token));
    let main = Rc::new(main);
    Ok(RawClient {
        api: Api::StreamPay,
        pay: main.clone(),
        main,
    })
}

/// `name:arity:kind;...`: the methods the shell adds to the client class of `api`.
#[wasm_bindgen]
pub fn operations(api: &str) -> std::result::Result<String, JsValue> {
    Ok(api::method_list(api_named(api)?))
}

/// The error of a method called on something that is not a live client (freed, or `this` lost).
#[wasm_bindgen(js_name = notAClient)]
pub fn not_a_client(method: &str) -> JsValue {
    StreamError::invalid_argument(format!(
        "{method} was called on a client that was freed (free() / dispose) or without a client \
         as `this`; create a new client"
    ))
    .into()
}

struct PageState {
    pages: Pages,
    transport: Rc<Transport>,
    call: CallOptions,
    busy: bool,
}

/// The cursor behind a `listAll*` iterator.
#[wasm_bindgen]
pub struct RawPages {
    state: Rc<RefCell<PageState>>,
}

#[wasm_bindgen]
extern "C" {
    type PageLike;
    #[wasm_bindgen(method, getter, structural)]
    fn data(this: &PageLike) -> JsValue;
}

#[wasm_bindgen]
impl RawPages {
    /// The next page's items, or `undefined` after the last page.
    pub fn next(&self) -> Promise {
        let state = self.state.clone();
        promise(async move {
            let (req, transport, call) = {
                let mut s = state.borrow_mut();
                if s.busy {
                    return Err(StreamError::invalid_argument(
                        "listAll: next() called while a page is still being read",
                    )
                    .into());
                }
                let Some(req) = s.pages.next_request() else {
                    return Ok(JsValue::UNDEFINED);
                };
                s.busy = true;
                (req, s.transport.clone(), s.call.clone())
            };
            let outcome = match req {
                Ok(req) => {
                    let answer = state.borrow().pages.answer();
                    transport.call(&req, &call, answer).await
                }
                Err(err) => Err(Failure::Error(err)),
            };
            let mut s = state.borrow_mut();
            s.busy = false;
            match outcome {
                Ok(page) => {
                    s.pages.advance(&page.captures);
                    drop(s);
                    let page: PageLike = super::json::parse(&page.json)?.unchecked_into();
                    Ok(page.data())
                }
                Err(failure) => {
                    s.pages.finish();
                    Err(failure)
                }
            }
        })
    }
}
