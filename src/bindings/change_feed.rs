//! `watchPayment`: the changes `waitForPayment` reports to `onUpdate`, as an async iterator for
//! `for await`. Polling starts at once and ends at a status to stop at (the last value), on an
//! error (thrown by `next()`), or when the loop is left (`return()` aborts the poll in flight).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect, Symbol};
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

use super::alarm::Alarm;
use super::client_config::{path_id, promise};
use super::poll_options::wait_options;
use super::poll_support::poll_transport;
use super::transport::{Failure, Transport};
use super::wait::wait;
use crate::error::StreamError;
use crate::models::ToJson;
use crate::poll::PolledPayment;

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

/// The iterator of changes of `payment_id`; throws a `StreamError` for bad arguments.
pub fn watch_payment<P>(
    client: &Transport,
    payment_id: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue>
where
    P: PolledPayment + ToJson + 'static,
{
    let id = path_id(&payment_id, "paymentId")?;
    let mut options = wait_options(options)?;
    let stop = AbortController::new()
        .map_err(|_| StreamError::invalid_argument("watchPayment needs AbortController"))?;
    // The caller's signal and `return()` both stop the wait through `stop`.
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
        let outcome = wait::<P>(&poller, &id, options, on_change).await;
        drop(forward);
        run_feed.borrow_mut().end = Some(outcome.map(drop).map_err(JsValue::from));
        run_alarm.ring();
    });

    let next_feed = feed.clone();
    let next = Closure::<dyn FnMut() -> Promise>::new(move || next_change(&next_feed, &alarm));
    let leave = Closure::<dyn FnMut() -> Promise>::new(move || {
        let mut f = feed.borrow_mut();
        f.closed = true;
        f.changes.clear();
        drop(f);
        stop.abort();
        Promise::resolve(&step(JsValue::UNDEFINED, true))
    });
    let iterator = Object::new();
    let _ = Reflect::set(&iterator, &"next".into(), &next.into_js_value());
    let _ = Reflect::set(&iterator, &"return".into(), &leave.into_js_value());
    // `[Symbol.asyncIterator]() { return this }` without a cycle JS cannot collect (as in
    // page_iter.rs): Object.prototype.valueOf returns its `this`.
    let object_prototype = Object::get_prototype_of(&Object::new());
    let identity = Reflect::get(&object_prototype, &"valueOf".into()).unwrap_or(JsValue::UNDEFINED);
    let _ = Reflect::set(&iterator, &Symbol::async_iterator(), &identity);
    Ok(iterator.into())
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
        return Some(Ok(step(change, false)));
    }
    let end = if f.closed { Some(Ok(())) } else { f.end.take() }?;
    f.closed = true;
    f.busy = false;
    Some(
        end.map(|()| step(JsValue::UNDEFINED, true))
            .map_err(Failure::Aborted),
    )
}

fn step(value: JsValue, done: bool) -> JsValue {
    let result = Object::new();
    let _ = Reflect::set(&result, &"value".into(), &value);
    let _ = Reflect::set(&result, &"done".into(), &JsValue::from_bool(done));
    result.into()
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
