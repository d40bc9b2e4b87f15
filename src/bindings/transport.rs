//! Performs `HttpRequest`s with `fetch` (the global one or the caller's): headers, deadline,
//! cancellation, retries. Everything about what a response means lives in `crate::http`.

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, RequestRedirect};

use super::abort::{CallGuard, Stop};
use crate::error::{ErrorCode, Result, StreamError};
use crate::http::{HttpRequest, HttpResponse, RetryPolicy};
use crate::json::Decoded;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, wherever the module runs (window, worker, Node, workerd).
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(url: &str, init: &RequestInit) -> Result<JsValue, JsValue>;

    /// What an error thrown by `fetch` may carry; read by typed getters, never by name.
    type ThrownError;
    #[wasm_bindgen(method, getter, structural)]
    fn message(this: &ThrownError) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    fn cause(this: &ThrownError) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    fn code(this: &ThrownError) -> JsValue;

    /// What makes an answer readable as a `Response`; an injected fetch may come from another
    /// realm or a polyfill, so the shape counts, not `instanceof`.
    type ResponseLike;
    #[wasm_bindgen(method, getter, structural)]
    fn status(this: &ResponseLike) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    fn text(this: &ResponseLike) -> JsValue;
    #[wasm_bindgen(method, getter, structural)]
    fn headers(this: &ResponseLike) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = type)]
    fn kind(this: &ResponseLike) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = arrayBuffer)]
    fn array_buffer(this: &ResponseLike) -> JsValue;
}

pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// What a call needs besides the request: per-call signal and timeout.
#[derive(Default, Clone)]
pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: Option<u32>,
}

pub struct Transport {
    pub base_url: String,
    /// Sent with every request. May hold a secret: never put into a message.
    pub headers: Vec<(String, String)>,
    pub fetch: Option<Function>,
    pub timeout_ms: u32,
    pub retry: RetryPolicy,
}

/// A failed call: a `StreamError`, or the caller's abort reason to reject with as it is.
pub enum Failure {
    Error(StreamError),
    Aborted(JsValue),
}

impl From<StreamError> for Failure {
    fn from(err: StreamError) -> Self {
        Self::Error(err)
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Error(err) => err.into(),
            Failure::Aborted(reason) => reason,
        }
    }
}

impl Transport {
    /// Sends `req` (retrying what may be retried) and reads the answer as `answer` says.
    pub async fn call(
        &self,
        req: &HttpRequest,
        options: &CallOptions,
        answer: &crate::json::Shape,
    ) -> Result<Decoded, Failure> {
        let timeout_ms = options.timeout_ms.unwrap_or(self.timeout_ms);
        let guard = CallGuard::start(options.signal.clone(), timeout_ms)
            .map_err(|stop| stopped(stop, req, timeout_ms))?;
        let mut attempt = 0;
        loop {
            let outcome = match self.send(req, &guard).await {
                Ok(response) => req.decode(&response, js_sys::Date::now(), answer),
                Err(err) => Err(err),
            };
            let err = match outcome {
                Ok(value) => return Ok(value),
                Err(err) => err,
            };
            if let Some(stop) = guard.stopped() {
                return Err(stopped(stop, req, timeout_ms));
            }
            let Some(delay) = self.retry.delay_within_ms(
                req.method,
                attempt,
                &err,
                js_sys::Math::random(),
                guard.remaining_ms(),
            ) else {
                return Err(err.into());
            };
            let delay = u32::try_from(delay).unwrap_or(u32::MAX);
            guard
                .sleep(delay)
                .await
                .map_err(|stop| stopped(stop, req, timeout_ms))?;
            attempt += 1;
        }
    }

    /// One exchange; any failure before a full response is read is a `NETWORK` error here
    /// (the caller tells an abort or a deadline apart through the guard).
    async fn send(&self, req: &HttpRequest, guard: &CallGuard) -> Result<HttpResponse> {
        let url = format!("{}{}", self.base_url, req.path);
        let init = self.request_init(req, &guard.signal());
        let where_ = || {
            format!(
                "{} {} {}{}",
                req.api.name(),
                req.method.as_str(),
                self.base_url,
                req.path_only()
            )
        };
        let network = |stage: &str, e: JsValue| {
            StreamError::new(
                ErrorCode::Network,
                format!(
                    "{}: {stage} ({})",
                    where_(),
                    redact(describe_js_error(e), &self.headers)
                ),
            )
        };
        let promise = match &self.fetch {
            Some(f) => f.call2(&JsValue::UNDEFINED, &JsValue::from_str(&url), &init),
            None => global_fetch(&url, &init),
        }
        .map_err(|e| network("fetch threw", e))?;
        let answered = JsFuture::from(guard.race(&Promise::resolve(&promise)))
            .await
            .map_err(|e| network("could not connect or send the request", e))?;
        let like: Option<&ResponseLike> = answered.is_object().then(|| answered.unchecked_ref());
        // A browser shows a redirect not followed (`redirect: "manual"`) only as this, with
        // status 0: an error of its own, never retried.
        if like.is_some_and(|r| r.kind().as_string().as_deref() == Some("opaqueredirect")) {
            return Err(StreamError::new(
                ErrorCode::Server,
                format!(
                    "{} answered {} {}{} with a redirect, which is not followed because the \
                     request carries credentials; check the baseUrl",
                    req.api.name(),
                    req.method.as_str(),
                    self.base_url,
                    req.path_only(),
                ),
            )
            .with_retryable(false));
        }
        // An injected fetch may resolve with anything: only something with a status, headers
        // and `text()` is read, through gloo-net's typed `Response`.
        let readable = like.is_some_and(|r| {
            r.status()
                .as_f64()
                .is_some_and(|s| s.fract() == 0.0 && (100.0..=599.0).contains(&s))
                && r.text().is_function()
                && r.headers().is_object()
        });
        if !readable {
            return Err(StreamError::new(
                ErrorCode::Network,
                format!(
                    "{}: fetch resolved with something that is not a Response",
                    where_()
                ),
            ));
        }
        let bytes = like.is_some_and(|r| r.array_buffer().is_function());
        let raw: web_sys::Response = answered.unchecked_into();
        let response = gloo_net::http::Response::from(Clone::clone(&raw));
        let headers = response.headers();
        // The body as bytes, copied into wasm memory in one move (`text()` would build a JS
        // string that then crosses character by character). A duck-typed answer without
        // `arrayBuffer` is read with `text()`. Either may throw for a used body (gloo-net's own
        // readers would unwrap that).
        let reading = if bytes {
            raw.array_buffer()
        } else {
            raw.text()
        }
        .map_err(|e| network("could not read the response", e))?;
        let read = JsFuture::from(guard.race(&Promise::resolve(&reading)))
            .await
            .map_err(|e| network("the connection failed while reading the response body", e))?;
        let body = match read.dyn_ref::<js_sys::ArrayBuffer>() {
            // Invalid UTF-8 becomes U+FFFD, as `text()` does.
            Some(buffer) => {
                String::from_utf8_lossy(&js_sys::Uint8Array::new(buffer).to_vec()).into_owned()
            }
            None => read.as_string().unwrap_or_default(),
        };
        Ok(HttpResponse {
            status: response.status(),
            request_id: headers.get("x-request-id"),
            retry_after: headers.get("retry-after"),
            content_type: headers.get("content-type"),
            body,
        })
    }

    fn request_init(&self, req: &HttpRequest, signal: &AbortSignal) -> RequestInit {
        let headers = Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&headers, &JsValue::from_str(k), &JsValue::from_str(v));
        };
        set("accept", "application/json");
        for (name, value) in &self.headers {
            set(name, value);
        }
        let init = RequestInit::new();
        init.set_method(req.method.as_str());
        if let Some(body) = &req.body {
            set("content-type", "application/json");
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);
        init.set_signal(Some(signal));
        if self.carries_credentials() {
            // `fetch` would repeat custom headers (x-api-key) to wherever a redirect points;
            // a credentialed request does not follow one, its 3xx is an error instead.
            init.set_redirect(RequestRedirect::Manual);
        }
        init
    }

    fn carries_credentials(&self) -> bool {
        self.headers.iter().any(|(name, _)| {
            ["x-api-key", "authorization", "cookie"]
                .iter()
                .any(|c| name.eq_ignore_ascii_case(c))
        })
    }
}

fn stopped(stop: Stop, req: &HttpRequest, timeout_ms: u32) -> Failure {
    match stop {
        Stop::Caller(reason) => Failure::Aborted(reason),
        Stop::Deadline => Failure::Error(StreamError::new(
            ErrorCode::Timeout,
            format!(
                "{} {} {} did not finish within {timeout_ms} ms (timeoutMs)",
                req.api.name(),
                req.method.as_str(),
                req.path_only()
            ),
        )),
    }
}

/// `text` with the value of every header we send (the API key among them) blanked out: a
/// `fetch` (or a wrapper of it) may quote the request's headers in its error message.
fn redact(mut text: String, headers: &[(String, String)]) -> String {
    for (_, value) in headers {
        let value = value.trim();
        if value.len() >= 4 && text.contains(value) {
            text = text.replace(value, "[redacted]");
        }
    }
    text
}

/// `TypeError: fetch failed` says little; Node puts the socket error in `cause`.
fn describe_js_error(e: JsValue) -> String {
    if let Some(text) = e.as_string() {
        return text;
    }
    if !e.is_object() {
        return "unknown error".into();
    }
    let e: ThrownError = e.unchecked_into();
    let message = e
        .message()
        .as_string()
        .unwrap_or_else(|| "unknown error".into());
    let cause = e.cause();
    if !cause.is_object() {
        return message;
    }
    let cause: ThrownError = cause.unchecked_into();
    match cause
        .code()
        .as_string()
        .or_else(|| cause.message().as_string())
    {
        Some(cause) => format!("{message}: {cause}"),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn header_values_are_blanked_out_of_js_error_texts() {
        let headers = vec![
            ("x-api-key".to_string(), "c2VjcmV0OmtleQ==".to_string()),
            ("x-shop".to_string(), "ab".to_string()),
        ];
        assert_eq!(
            redact(
                "refused header x-api-key: c2VjcmV0OmtleQ== (ab)".into(),
                &headers
            ),
            "refused header x-api-key: [redacted] (ab)"
        );
        assert_eq!(redact("fetch failed".into(), &headers), "fetch failed");
    }
}
