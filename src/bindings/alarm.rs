//! A sleep that ends early when rung (a poll finished, an id was added, the page became visible)
//! or when a signal aborts. Each sleep clears its timer and removes its abort listener when it
//! ends, so a loop of 100,000 sleeps leaves nothing behind on a long-lived signal.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, AddEventListenerOptions};

#[derive(Default)]
struct State {
    /// Ends the sleep in progress.
    resolve: Option<Function>,
    /// Rung while nobody slept: the next sleep returns at once.
    rung: bool,
}

/// Cheap to clone; clones ring the same sleeper.
#[derive(Clone, Default)]
pub struct Alarm {
    state: Rc<RefCell<State>>,
}

/// The sleep ended because the signal aborted.
pub struct Aborted;

const MAX_TIMER_MS: u64 = 2_147_483_647;

/// Undoes a sleep's setup however it ends, dropped future included.
struct Cleanup<'a> {
    alarm: &'a Alarm,
    signal: &'a AbortSignal,
    reject: Function,
    _timer: Option<Timeout>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        self.alarm.state.borrow_mut().resolve = None;
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", &self.reject);
    }
}

impl Alarm {
    /// Ends the sleep in progress, or the next one if none is.
    pub fn ring(&self) {
        let resolve = {
            let mut state = self.state.borrow_mut();
            let resolve = state.resolve.take();
            state.rung = resolve.is_none();
            resolve
        };
        // Called with no borrow held: resolving only queues the sleeper's continuation.
        if let Some(resolve) = resolve {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }

    /// Sleeps `ms` (`None`: until rung). `Err` when `signal` aborted.
    pub async fn sleep(&self, ms: Option<u64>, signal: &AbortSignal) -> Result<(), Aborted> {
        if signal.aborted() {
            return Err(Aborted);
        }
        if std::mem::take(&mut self.state.borrow_mut().rung) {
            return Ok(());
        }
        let mut parts = None;
        let promise = Promise::new(&mut |resolve, reject| parts = Some((resolve, reject)));
        let Some((resolve, reject)) = parts else {
            return Ok(());
        };
        let once = AddEventListenerOptions::new();
        once.set_once(true);
        let _ = signal.add_event_listener_with_callback_and_add_event_listener_options(
            "abort", &reject, &once,
        );
        let timer = ms.map(|ms| {
            let resolve = resolve.clone();
            // setTimeout fires at once for anything above 2^31 - 1 ms.
            let ms = u32::try_from(ms.min(MAX_TIMER_MS)).unwrap_or(u32::MAX);
            Timeout::new(ms, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
        });
        self.state.borrow_mut().resolve = Some(resolve);
        let _cleanup = Cleanup {
            alarm: self,
            signal,
            reject,
            _timer: timer,
        };
        let outcome = JsFuture::from(promise).await;
        match outcome {
            Ok(_) => Ok(()),
            Err(_) => Err(Aborted),
        }
    }
}
