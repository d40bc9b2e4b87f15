//! `RawCall`: one call for the shell to perform (`crate::http::Call` decides): the shell reads
//! what to send, reports what came back or how the exchange broke, and sleeps when told to.

use wasm_bindgen::prelude::*;

use crate::error::Result;
use crate::http::{Broken, Call, HttpResponse, Step};
use crate::json::Decoded;

/// What [`RawCall::answered`] and [`RawCall::failed`] return when the call is over; any other
/// value (>= 0) is a delay in milliseconds before the same request is sent again.
const ANSWERED: f64 = -1.0;
const FAILED: f64 = -2.0;

#[wasm_bindgen]
pub struct RawCall {
    call: Call,
}

impl From<Call> for RawCall {
    fn from(call: Call) -> Self {
        Self { call }
    }
}

#[wasm_bindgen]
impl RawCall {
    #[wasm_bindgen(getter)]
    pub fn url(&self) -> String {
        self.call.url().to_string()
    }

    #[wasm_bindgen(getter)]
    pub fn method(&self) -> String {
        self.call.method().to_string()
    }

    #[wasm_bindgen(getter)]
    pub fn body(&self) -> Option<String> {
        self.call.body().map(str::to_string)
    }

    /// The whole call's deadline in milliseconds, retries included; 0 for none.
    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> u32 {
        self.call.timeout_ms()
    }

    /// A response came back with this status, these headers (`null` when absent) and this body,
    /// read whole as bytes.
    pub fn answered(
        &mut self,
        status: f64,
        request_id: Option<String>,
        retry_after: Option<String>,
        content_type: Option<String>,
        body: Vec<u8>,
    ) -> f64 {
        if !(status.fract() == 0.0 && (100.0..=599.0).contains(&status)) {
            let (now, random) = (now(), js_sys::Math::random());
            return step(self.call.failed(Broken::NotAResponse, "", now, random));
        }
        let response = HttpResponse {
            status: status as u16,
            request_id,
            retry_after,
            content_type,
            // Taken as it is when valid (no copy); invalid UTF-8 becomes U+FFFD, as `text()` does.
            body: String::from_utf8(body)
                .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned()),
        };
        step(self.call.answered(&response, now(), js_sys::Math::random()))
    }

    /// The exchange broke at stage `how` (an index of `Broken::ALL`); `detail` is what the
    /// runtime said.
    pub fn failed(&mut self, how: u32, detail: String) -> f64 {
        let how = usize::try_from(how).ok().and_then(|i| Broken::ALL.get(i));
        let how = how.copied().unwrap_or(Broken::Connect);
        step(
            self.call
                .failed(how, &detail, now(), js_sys::Math::random()),
        )
    }

    /// The deadline passed: the call ends with a `TIMEOUT`.
    #[wasm_bindgen(js_name = timedOut)]
    pub fn timed_out(&mut self) {
        self.call.timed_out();
    }

    /// The answer as JSON text for `JSON.parse`; throws the call's `StreamError`.
    pub fn take(&mut self) -> std::result::Result<String, JsValue> {
        Ok(self.call.take()?.json)
    }
}

impl RawCall {
    /// The settled outcome, for a poller or a page cursor to judge.
    pub fn outcome(&mut self) -> Result<Decoded> {
        self.call.take()
    }
}

fn step(step: Step) -> f64 {
    match step {
        Step::Answered => ANSWERED,
        Step::Failed => FAILED,
        Step::Retry(ms) => ms as f64,
    }
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}
