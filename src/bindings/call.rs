//! `RawCall`: one call for the shell to perform (`crate::http::Call` decides): the shell reads
//! what to send, reports what came back or how the exchange broke, sleeps when told to, and
//! wakes at the deadline the call keeps. The step codes are the boundary protocol's
//! (`crate::protocol`, `pkg/src/protocol.js`).

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use crate::error::{Result, StreamError};
use crate::http::{Broken, Call, Deadline, HttpResponse, Step};
use crate::json::Decoded;
use crate::protocol::{STEP_ANSWERED, STEP_FAILED};

#[wasm_bindgen]
pub struct RawCall {
    call: Call,
    /// The outcome, once the call settled (answered, failed for good, or past its deadline).
    settled: Option<Result<Decoded>>,
}

impl From<Call> for RawCall {
    fn from(call: Call) -> Self {
        Self {
            call,
            settled: None,
        }
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

    /// The URL for the request and response hooks: typed query values and header values
    /// `[redacted]`. Read only when a client has hooks.
    #[wasm_bindgen(getter, js_name = shownUrl)]
    pub fn shown_url(&self) -> String {
        self.call.shown_url()
    }

    /// The attempt being sent (1 for the first, 2 for the first retry, ...), for the hooks.
    #[wasm_bindgen(getter)]
    pub fn attempt(&self) -> u32 {
        self.call.attempt()
    }

    /// The `StreamError` code the last reported attempt failed with (its deadline's `TIMEOUT`
    /// first), `undefined` when it succeeded: for the response hook, before the outcome is read.
    #[wasm_bindgen(getter, js_name = errorCode)]
    pub fn error_code(&self) -> Option<String> {
        let code = match &self.settled {
            Some(Err(err)) => Some(err.code),
            Some(Ok(_)) => None,
            None => self.call.failed_with(),
        };
        code.map(|code| code.as_str().to_string())
    }

    /// Milliseconds until the call's deadline (0 once passed), `undefined` without one: when
    /// the shell's one timer of this call rings, it asks [`RawCall::deadline_rang`].
    #[wasm_bindgen(getter, js_name = deadlineInMs)]
    pub fn deadline_in_ms(&self) -> Option<f64> {
        deadline_in_ms(self.call.deadline())
    }

    /// The shell's deadline timer rang: true when the deadline has passed (the call is settled
    /// with a `TIMEOUT`; abort what is in flight), false when the timer was early (arm it again).
    #[wasm_bindgen(js_name = deadlineRang)]
    pub fn deadline_rang(&mut self) -> bool {
        if self.settled.is_some() {
            return true;
        }
        let Some(err) = self.call.timeout(now()) else {
            return false;
        };
        self.settled = Some(Err(err));
        true
    }

    /// A response came back with this status, these headers (`null` when absent) and this body,
    /// read whole as bytes; `retry_at` is `Date.parse` of `Retry-After` (NaN when it is not a
    /// date). The next step: `ANSWERED`, `FAILED` or milliseconds to sleep before sending again.
    #[allow(clippy::too_many_arguments)]
    pub fn answered(
        &mut self,
        status: f64,
        request_id: Option<String>,
        retry_after: Option<String>,
        retry_at: f64,
        content_type: Option<String>,
        body: Vec<u8>,
    ) -> f64 {
        if let Some(code) = self.settled_code() {
            return code;
        }
        let (now, random) = (now(), js_sys::Math::random());
        if !(crate::amount::is_whole(status) && (100.0..=599.0).contains(&status)) {
            let step = self.call.failed(Broken::NotAResponse, "", now, random);
            return self.step(step);
        }
        let response = HttpResponse {
            status: status as u16,
            request_id,
            retry_after,
            retry_after_date_ms: Some(retry_at).filter(|ms| ms.is_finite()),
            content_type,
            // Taken as it is when valid (no copy); invalid UTF-8 becomes U+FFFD, as `text()` does.
            body: String::from_utf8(body)
                .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned()),
        };
        let step = self.call.answered(&response, now, random);
        self.step(step)
    }

    /// The exchange broke at stage `how` (a `Broken` code of the protocol); `detail` is what the
    /// runtime said. The next step, as [`RawCall::answered`] says.
    pub fn failed(&mut self, how: u32, detail: String) -> f64 {
        if let Some(code) = self.settled_code() {
            return code;
        }
        let how = Broken::from_code(how).unwrap_or(Broken::Connect);
        let step = self
            .call
            .failed(how, &detail, now(), js_sys::Math::random());
        self.step(step)
    }

    /// The answer of the settled call as JSON text for `JSON.parse`; throws its `StreamError`.
    pub fn answer(&mut self) -> core::result::Result<String, JsValue> {
        Ok(self.settled()?.json)
    }
}

impl RawCall {
    /// The settled outcome, for a poller or a page cursor to judge (moved out).
    pub fn settled(&mut self) -> Result<Decoded> {
        self.settled.take().unwrap_or_else(|| {
            Err(StreamError::invalid_argument(
                "the call has not settled (a bug: please report)",
            ))
        })
    }

    fn settled_code(&self) -> Option<f64> {
        self.settled.as_ref().map(|outcome| match outcome {
            Ok(_) => STEP_ANSWERED,
            Err(_) => STEP_FAILED,
        })
    }

    fn step(&mut self, step: Step) -> f64 {
        match step {
            Step::Retry(ms) => ms as f64,
            Step::Settled(outcome) => {
                self.settled = Some(outcome);
                self.settled_code().unwrap_or(STEP_FAILED)
            }
        }
    }
}

/// A deadline as the shell's timer takes it: milliseconds from now (0 once passed), `undefined`
/// without one.
pub fn deadline_in_ms(deadline: Deadline) -> Option<f64> {
    deadline.in_ms(now()).map(|ms| ms as f64)
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}
