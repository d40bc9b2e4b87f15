//! `RawWait` and `RawWatch`: `waitForPayment`/`watchPayment` and `watchPayments` for the shell's
//! loops (`pkg/src/polls.js`), which send the polls and keep the timers; `crate::poll::Wait` and
//! `crate::poll::Watch` decide what each outcome means and when to poll next.

use wasm_bindgen::prelude::*;

use super::call::{now, RawCall};
use crate::poll::Wait;
#[cfg(feature = "merchant")]
use crate::poll::{Next, Watch};

type JsResult<T> = std::result::Result<T, JsValue>;

/// One `waitForPayment` (or `watchPayment`).
#[wasm_bindgen]
pub struct RawWait {
    wait: Wait,
}

impl From<Wait> for RawWait {
    fn from(wait: Wait) -> Self {
        Self { wait }
    }
}

#[wasm_bindgen]
impl RawWait {
    /// The next poll.
    pub fn call(&self) -> JsResult<RawCall> {
        Ok(self.wait.call(now())?.into())
    }

    /// Judges a settled poll: -1 when the wait is over (its `report` is ready), else how many
    /// milliseconds to sleep (a new status has a `report` too). Throws the error that ends it.
    pub fn observe(&mut self, call: &mut RawCall, hidden: bool) -> JsResult<f64> {
        let judged = self
            .wait
            .observe(call.outcome(), js_sys::Math::random(), hidden)?;
        Ok(judged.map_or(-1.0, |ms| ms as f64))
    }

    /// The payment to tell the caller about, as JSON text.
    pub fn report(&mut self) -> Option<String> {
        self.wait.take_report()
    }

    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> u32 {
        self.wait.timeout_ms
    }

    #[wasm_bindgen(getter, js_name = pauseWhenHidden)]
    pub fn pause_when_hidden(&self) -> bool {
        self.wait.pause_when_hidden
    }

    #[wasm_bindgen(js_name = timeoutError)]
    pub fn timeout_error(&self) -> JsValue {
        self.wait.timeout_error().into()
    }
}

/// One `watchPayments`.
#[cfg(feature = "merchant")]
#[wasm_bindgen]
pub struct RawWatch {
    watch: Watch,
}

#[cfg(feature = "merchant")]
impl From<Watch> for RawWatch {
    fn from(watch: Watch) -> Self {
        Self { watch }
    }
}

#[cfg(feature = "merchant")]
#[wasm_bindgen]
impl RawWatch {
    /// Follows one more payment; false when it is followed already or the watcher ended.
    pub fn add(&mut self, payment_id: JsValue) -> JsResult<bool> {
        let id = super::client_config::path_id(&payment_id, "watchPayments add(paymentId)")?;
        Ok(self.watch.add(&id, now_ms()))
    }

    /// Stops following one payment; false when it was not followed.
    pub fn remove(&mut self, payment_id: JsValue) -> bool {
        payment_id
            .as_string()
            .is_some_and(|id| self.watch.remove(&id))
    }

    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.watch.is_empty()
    }

    /// What to do now: a payment id (a string) to poll, a number of milliseconds to sleep
    /// before asking again, or `undefined` to sleep until a poll ends or an id is added.
    pub fn due(&mut self) -> JsValue {
        let now = now_ms();
        match self.watch.next(now) {
            Next::Poll(id) => JsValue::from_str(&id),
            Next::WaitUntil(at) => JsValue::from_f64(at.saturating_sub(now) as f64),
            Next::Idle => JsValue::UNDEFINED,
        }
    }

    /// The poll of `id` (an id `due` gave).
    pub fn call(&self, id: &str) -> JsResult<RawCall> {
        Ok(self.watch.call(id, now())?.into())
    }

    /// Books a settled poll of `id`: bits 1 (a new status) and 2 (a result), with `report`;
    /// 4 (an error for good) with `error`; 0 for nothing to tell.
    pub fn finish(&mut self, id: &str, call: &mut RawCall) -> u32 {
        let random = js_sys::Math::random();
        self.watch.finish(id, call.outcome(), now_ms(), random)
    }

    pub fn report(&mut self) -> Option<String> {
        self.watch.take_report()
    }

    pub fn error(&mut self) -> JsValue {
        self.watch
            .take_error()
            .map_or(JsValue::UNDEFINED, JsValue::from)
    }

    /// The watcher ended: `add` answers false from now on.
    pub fn close(&mut self) {
        self.watch.close();
    }

    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> u32 {
        self.watch.timeout_ms
    }

    #[wasm_bindgen(js_name = timeoutError)]
    pub fn timeout_error(&self) -> JsValue {
        self.watch.timeout_error().into()
    }
}

#[cfg(feature = "merchant")]
fn now_ms() -> u64 {
    let now = now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}
