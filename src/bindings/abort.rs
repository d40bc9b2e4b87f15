//! Cancellation for one call: the caller's `AbortSignal` and the call's deadline both abort one
//! internal `AbortController`, and dropping the guard removes the listener and clears the timer,
//! so nothing of the call lingers after it settles (a Node script exits at once).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, AddEventListenerOptions};

/// Why a call stopped early.
pub enum Stop {
    /// The caller aborted: reject with this, `signal.reason`, as `fetch` does.
    Caller(JsValue),
    /// The call's own deadline passed.
    Deadline,
}

pub struct CallGuard {
    controller: AbortController,
    caller: Option<AbortSignal>,
    forward: Option<Closure<dyn FnMut()>>,
    _deadline: Option<Timeout>,
    /// When the deadline fires (`Date.now()` milliseconds), if there is one.
    deadline_at: Option<f64>,
    timed_out: Rc<Cell<bool>>,
}

impl CallGuard {
    /// `Err` when the caller's signal is already aborted or no `AbortController` exists.
    pub fn start(caller: Option<AbortSignal>, timeout_ms: u32) -> Result<Self, Stop> {
        if let Some(signal) = &caller {
            if signal.aborted() {
                return Err(Stop::Caller(signal.reason()));
            }
        }
        let controller = AbortController::new().map_err(|_| Stop::Deadline)?;
        let forward = caller.as_ref().map(|signal| {
            let (controller, signal2) = (controller.clone(), signal.clone());
            let closure = Closure::<dyn FnMut()>::new(move || {
                controller.abort_with_reason(&signal2.reason());
            });
            let _ =
                signal.add_event_listener_with_callback("abort", closure.as_ref().unchecked_ref());
            closure
        });
        let timed_out = Rc::new(Cell::new(false));
        let deadline = (timeout_ms > 0).then(|| {
            let (controller, flag) = (controller.clone(), timed_out.clone());
            Timeout::new(timeout_ms, move || {
                flag.set(true);
                controller.abort();
            })
        });
        Ok(Self {
            controller,
            caller,
            forward,
            _deadline: deadline,
            deadline_at: (timeout_ms > 0).then(|| js_sys::Date::now() + f64::from(timeout_ms)),
            timed_out,
        })
    }

    /// Milliseconds left before the deadline (0 once it passed), or `None` without one.
    pub fn remaining_ms(&self) -> Option<u64> {
        self.deadline_at
            .map(|at| (at - js_sys::Date::now()).max(0.0) as u64)
    }

    /// Signal for `fetch` and sleeps of this call.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Why the call's signal fired, if it did.
    pub fn stopped(&self) -> Option<Stop> {
        if let Some(signal) = self.caller.as_ref().filter(|s| s.aborted()) {
            return Some(Stop::Caller(signal.reason()));
        }
        self.timed_out.get().then_some(Stop::Deadline)
    }

    /// `promise`, or a rejection as soon as the call is stopped, whichever comes first, so a
    /// `fetch` that ignores its signal (an injected one, a polyfill, a body that never ends)
    /// cannot hold the call past its deadline or the caller's abort.
    pub fn race(&self, promise: &Promise) -> Promise {
        let signal = self.signal();
        let stopped = Promise::new(&mut |_resolve, reject| {
            if signal.aborted() {
                let _ = reject.call1(&JsValue::UNDEFINED, &signal.reason());
                return;
            }
            let once = AddEventListenerOptions::new();
            once.set_once(true);
            let _ = signal.add_event_listener_with_callback_and_add_event_listener_options(
                "abort", &reject, &once,
            );
        });
        Promise::race(&js_sys::Array::of2(promise, &stopped))
    }

    /// Waits `ms`, or less if the call is stopped meanwhile (then `Err`). The timer is cleared
    /// either way.
    pub async fn sleep(&self, ms: u32) -> Result<(), Stop> {
        let signal = self.signal();
        let mut resolve_slot = None;
        let promise = Promise::new(&mut |resolve, reject| {
            let once = AddEventListenerOptions::new();
            once.set_once(true);
            let _ = signal.add_event_listener_with_callback_and_add_event_listener_options(
                "abort", &reject, &once,
            );
            resolve_slot = Some(resolve);
        });
        let _timer = resolve_slot.map(|resolve| {
            Timeout::new(ms, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
        });
        match JsFuture::from(promise).await {
            Ok(_) => Ok(()),
            Err(_) => Err(self.stopped().unwrap_or(Stop::Deadline)),
        }
    }
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        if let (Some(signal), Some(forward)) = (&self.caller, &self.forward) {
            let _ = signal
                .remove_event_listener_with_callback("abort", forward.as_ref().unchecked_ref());
        }
    }
}
