//! Performs `HttpRequest`s with `fetch` (the global one or the caller's): headers, deadline,
//! cancellation, retries. Everything about what a response means lives in `crate::http`.

use js_sys::{Function, Object, Promise, Reflect};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::abort::{CallGuard, Stop};
use crate::error::{ErrorCode, Result, StreamError};
use crate::http::{HttpRequest, HttpResponse, RetryPolicy};

pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// What a call needs besides the request: per-call signal and timeout.
#[derive(Default)]
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
    /// Sends `req` (retrying what may be retried) and reads the answer with `model`.
    pub async fn call<T>(
        &self,
        req: &HttpRequest,
        options: &CallOptions,
        model: impl Fn(Value) -> Result<T>,
    ) -> Result<T, Failure> {
        let timeout_ms = options.timeout_ms.unwrap_or(self.timeout_ms);
        let guard = CallGuard::start(options.signal.clone(), timeout_ms)
            .map_err(|stop| stopped(stop, req, timeout_ms))?;
        let mut attempt = 0;
        loop {
            let outcome = match self.send(req, &guard).await {
                Ok(response) => req.decode(&response, js_sys::Date::now(), &model),
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
        let fetch = match &self.fetch {
            Some(f) => f.clone(),
            None => Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| {
                    StreamError::new(
                        ErrorCode::Network,
                        "no global fetch here; pass options.fetch",
                    )
                })?,
        };
        let network = |stage: &str, e: JsValue| {
            StreamError::new(
                ErrorCode::Network,
                format!(
                    "{} {} {}{}: {stage} ({})",
                    req.api.name(),
                    req.method.as_str(),
                    self.base_url,
                    req.path_only(),
                    redact(describe_js_error(&e), &self.headers)
                ),
            )
        };
        let promise = fetch
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&url), &init)
            .map_err(|e| network("fetch threw", e))?;
        let response = JsFuture::from(guard.race(&Promise::resolve(&promise)))
            .await
            .map_err(|e| network("could not connect or send the request", e))?;
        // Read by shape, not `instanceof Response`: an injected fetch may come from another
        // realm or a polyfill. Anything without a status and `text()` is an error, never a trap.
        let not_a_response = || {
            StreamError::new(
                ErrorCode::Network,
                format!(
                    "{} {} {}{}: fetch resolved with something that is not a Response",
                    req.api.name(),
                    req.method.as_str(),
                    self.base_url,
                    req.path_only(),
                ),
            )
        };
        // A browser shows a redirect not followed (`redirect: "manual"`) only as this.
        let kind = Reflect::get(&response, &JsValue::from_str("type")).ok();
        if kind.and_then(|k| k.as_string()).as_deref() == Some("opaqueredirect") {
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
        let status = Reflect::get(&response, &JsValue::from_str("status"))
            .ok()
            .and_then(|s| s.as_f64())
            .filter(|s| s.fract() == 0.0 && (100.0..=599.0).contains(s))
            .ok_or_else(not_a_response)? as u16;
        let headers = Reflect::get(&response, &JsValue::from_str("headers")).ok();
        let header_get = headers
            .as_ref()
            .and_then(|h| Reflect::get(h, &JsValue::from_str("get")).ok())
            .and_then(|f| f.dyn_into::<Function>().ok());
        let header = |name: &str| {
            let (headers, get) = (headers.as_ref()?, header_get.as_ref()?);
            get.call1(headers, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        let text = Reflect::get(&response, &JsValue::from_str("text"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(not_a_response)?
            .call0(&response)
            .map_err(|e| network("could not read the response", e))?;
        let body = JsFuture::from(guard.race(&Promise::resolve(&text)))
            .await
            .map_err(|e| network("the connection failed while reading the response body", e))?;
        Ok(HttpResponse {
            status,
            request_id: header("x-request-id"),
            retry_after: header("retry-after"),
            content_type: header("content-type"),
            body: body.as_string().unwrap_or_default(),
        })
    }

    fn request_init(&self, req: &HttpRequest, signal: &AbortSignal) -> Object {
        let headers = Object::new();
        let set = |obj: &Object, k: &str, v: &JsValue| {
            let _ = Reflect::set(obj, &JsValue::from_str(k), v);
        };
        set(&headers, "accept", &JsValue::from_str("application/json"));
        for (name, value) in &self.headers {
            set(&headers, name, &JsValue::from_str(value));
        }
        let init = Object::new();
        set(&init, "method", &JsValue::from_str(req.method.as_str()));
        if let Some(body) = &req.body {
            set(
                &headers,
                "content-type",
                &JsValue::from_str("application/json"),
            );
            set(&init, "body", &JsValue::from_str(body));
        }
        set(&init, "headers", &headers);
        set(&init, "signal", signal);
        if self.carries_credentials() {
            // `fetch` would repeat custom headers (x-api-key) to wherever a redirect points;
            // a credentialed request does not follow one, its 3xx is an error instead.
            set(&init, "redirect", &JsValue::from_str("manual"));
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
fn describe_js_error(e: &JsValue) -> String {
    let text = |v: &JsValue, key: &str| {
        Reflect::get(v, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let message = text(e, "message")
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into());
    let cause = Reflect::get(e, &JsValue::from_str("cause"))
        .ok()
        .filter(|c| c.is_object());
    match cause.and_then(|c| text(&c, "code").or_else(|| text(&c, "message"))) {
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
