//! `RawWait` and `RawWatch`: `waitForPayment`/`watchPayment` and `watchPayments` for the shell's
//! loops (`pkg/src/polls.js`), which send the polls and keep the timers; `crate::poll::Wait` and
//! `crate::poll::Watch` decide what each outcome means and when to poll next.

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use super::call::{deadline_in_ms, now, RawCall};
use crate::poll::Wait;
#[cfg(feature = "merchant")]
use crate::poll::{Next, Watch};

type JsResult<T> = core::result::Result<T, JsValue>;

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
    /// A poll the wait's own deadline cut short is not judged: the wait's `TIMEOUT` ends it.
    pub fn observe(&mut self, call: &mut RawCall, hidden: bool) -> JsResult<f64> {
        let judged = self
            .wait
            .observe(call.settled(), js_sys::Math::random(), hidden)?;
        Ok(judged.map_or(-1.0, |ms| ms as f64))
    }

    /// The payment to tell the caller about, as JSON text.
    pub fn report(&mut self) -> Option<String> {
        self.wait.take_report()
    }

    /// Milliseconds until the wait's own deadline (`timeoutMs`), `undefined` without one.
    #[wasm_bindgen(getter, js_name = deadlineInMs)]
    pub fn deadline_in_ms(&self) -> Option<f64> {
        deadline_in_ms(self.wait.deadline())
    }

    /// The shell's deadline timer rang: true when the deadline has passed (the wait ends with
    /// `timeoutError()`), false when the timer was early.
    #[wasm_bindgen(js_name = deadlineRang)]
    pub fn deadline_rang(&self) -> bool {
        self.wait.deadline().passed(now())
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
    /// What the last `nextId()` that found nothing due said to sleep.
    idle_ms: Option<f64>,
}

#[cfg(feature = "merchant")]
impl From<Watch> for RawWatch {
    fn from(watch: Watch) -> Self {
        Self {
            watch,
            idle_ms: None,
        }
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

    /// The payment id to poll now, or `undefined` when none is due: then [`RawWatch::idle_ms`]
    /// says how long to sleep.
    #[wasm_bindgen(js_name = nextId)]
    pub fn next_id(&mut self) -> Option<String> {
        let now = now_ms();
        match self.watch.next(now) {
            // `to_string` of an `Rc<str>` would go through `Display` and `core::fmt::write`.
            Next::Poll(id) => return Some(String::from(&*id)),
            Next::WaitUntil(at) => self.idle_ms = Some(at.saturating_sub(now) as f64),
            Next::Idle => self.idle_ms = None,
        }
        None
    }

    /// After `nextId()` answered `undefined`: milliseconds to sleep before asking again, or
    /// `undefined` to sleep until a poll ends or an id is added.
    #[wasm_bindgen(getter, js_name = idleMs)]
    pub fn idle_ms(&self) -> Option<f64> {
        self.idle_ms
    }

    /// The poll of `id` (an id `nextId` gave).
    pub fn call(&self, id: &str) -> JsResult<RawCall> {
        Ok(self.watch.call(id, now())?.into())
    }

    /// Books a settled poll of `id`: the protocol's bits `WATCH_CHANGED` (a new status) and
    /// `WATCH_DONE` (a result), with `report`; `WATCH_FAILED` (an error for good) with `error`;
    /// 0 for nothing to tell.
    pub fn finish(&mut self, id: &str, call: &mut RawCall) -> u32 {
        let random = js_sys::Math::random();
        self.watch.finish(id, call.settled(), now_ms(), random)
    }

    pub fn report(&mut self) -> Option<String> {
        self.watch.take_report()
    }

    /// After `finish`: milliseconds until that payment's next poll, `undefined` when there is
    /// none (a result, an error for good, no longer followed). For the response hook.
    #[wasm_bindgen(getter, js_name = nextPollMs)]
    pub fn next_poll_ms(&self) -> Option<f64> {
        self.watch.next_poll_ms().map(|ms| ms as f64)
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

    /// Milliseconds until the watcher's own deadline (`timeoutMs`), `undefined` without one.
    #[wasm_bindgen(getter, js_name = deadlineInMs)]
    pub fn deadline_in_ms(&self) -> Option<f64> {
        deadline_in_ms(self.watch.deadline())
    }

    /// The shell's deadline timer rang: true when the deadline has passed (the watcher ends
    /// with `timeoutError()`), false when the timer was early.
    #[wasm_bindgen(js_name = deadlineRang)]
    pub fn deadline_rang(&self) -> bool {
        self.watch.deadline().passed(now())
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
