//! `watchPayment`: the changes `waitForPayment` reports to `onUpdate`, one per `next()`. The
//! shell wraps this feed in an async generator for `for await`. Polling starts at once and ends
//! at a status to stop at (the last value), on an error (thrown by `next()`), or when the loop
//! is left (`close()` aborts the poll in flight).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

use super::alarm::Alarm;
use super::client_config::{path_id, promise};
use super::poll_options::wait_options;
use super::poll_support::poll_transport;
use super::transport::{Failure, Transport};
use super::wait::wait;
use crate::api::Polled;
use crate::error::StreamError;

#[derive(Default)]
struct Feed {
    changes: VecDeque<JsValue>,
    /// How the wait ended, once it has; taken by the `next()` that reports it.
    end: Option<Result<(), JsValue>>,
    /// Nothing more is handed out (ended and reported, or left by `return()`).
    closed: bool,
    /// A `next()` is waiting: a second one at the same time is refused.
    busy: bool,
}

/// The feed of changes of `payment_id`; throws a `StreamError` for bad arguments.
pub fn watch_payment(
    client: &Transport,
    polled: Polled,
    payment_id: JsValue,
    options: JsValue,
) -> Result<RawFeed, JsValue> {
    let id = path_id(&payment_id, "paymentId")?;
    let mut options = wait_options(options)?;
    let stop = AbortController::new()
        .map_err(|_| StreamError::invalid_argument("watchPayment needs AbortController"))?;
    // The caller's signal and `close()` both stop the wait through `stop`.
    let forward = options
        .poll
        .signal
        .take()
        .map(|caller| Forward::new(caller, stop.clone()));
    options.poll.signal = Some(stop.signal());
    let feed = Rc::new(RefCell::new(Feed::default()));
    let alarm = Alarm::default();
    let poller = poll_transport(client);
    let (run_feed, run_alarm) = (feed.clone(), alarm.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let on_change = |payment: &JsValue| {
            run_feed.borrow_mut().changes.push_back(payment.clone());
            run_alarm.ring();
        };
        let outcome = wait(&poller, polled, &id, options, on_change).await;
        drop(forward);
        run_feed.borrow_mut().end = Some(outcome.map(drop).map_err(JsValue::from));
        run_alarm.ring();
    });
    Ok(RawFeed { feed, alarm, stop })
}

/// One `watchPayment` in progress.
#[wasm_bindgen]
pub struct RawFeed {
    feed: Rc<RefCell<Feed>>,
    alarm: Alarm,
    stop: AbortController,
}

#[wasm_bindgen]
impl RawFeed {
    /// The next change, or `undefined` once the settled payment was handed out.
    pub fn next(&self) -> Promise {
        next_change(&self.feed, &self.alarm)
    }

    /// Stops polling at once (the loop was left).
    pub fn close(&self) {
        let mut f = self.feed.borrow_mut();
        f.closed = true;
        f.changes.clear();
        drop(f);
        self.stop.abort();
    }
}

fn next_change(feed: &Rc<RefCell<Feed>>, alarm: &Alarm) -> Promise {
    let (feed, alarm) = (feed.clone(), alarm.clone());
    promise(async move {
        {
            let mut f = feed.borrow_mut();
            if f.busy {
                return Err(Failure::Error(StreamError::invalid_argument(
                    "watchPayment: next() was called before the previous call settled; await each step",
                )));
            }
            f.busy = true;
        }
        // Never aborted: a `next()` waits for a change or the end, which always comes.
        let idle = AbortController::new().ok().map(|c| c.signal());
        loop {
            if let Some(answer) = take_ready(&mut feed.borrow_mut()) {
                return answer;
            }
            let Some(idle) = idle.as_ref() else {
                feed.borrow_mut().busy = false;
                return Err(Failure::Error(StreamError::invalid_argument(
                    "watchPayment needs AbortController",
                )));
            };
            let _ = alarm.sleep(None, idle).await;
        }
    })
}

/// The answer of a `next()` if there is one yet: a change, or the end.
fn take_ready(f: &mut Feed) -> Option<Result<JsValue, Failure>> {
    if let Some(change) = f.changes.pop_front() {
        f.busy = false;
        return Some(Ok(change));
    }
    let end = if f.closed { Some(Ok(())) } else { f.end.take() }?;
    f.closed = true;
    f.busy = false;
    Some(end.map(|()| JsValue::UNDEFINED).map_err(Failure::Aborted))
}

/// Aborts `to` with the caller's reason when the caller's signal aborts; the listener goes with
/// the value.
struct Forward {
    caller: AbortSignal,
    listener: Closure<dyn FnMut()>,
}

impl Forward {
    fn new(caller: AbortSignal, to: AbortController) -> Self {
        if caller.aborted() {
            to.abort_with_reason(&caller.reason());
        }
        let signal = caller.clone();
        let listener = Closure::<dyn FnMut()>::new(move || to.abort_with_reason(&signal.reason()));
        let _ = caller.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        Self { caller, listener }
    }
}

impl Drop for Forward {
    fn drop(&mut self) {
        let _ = self
            .caller
            .remove_event_listener_with_callback("abort", self.listener.as_ref().unchecked_ref());
    }
}
