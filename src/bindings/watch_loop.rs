//! The loop behind a `watchPayments` handle: hands news to the caller, starts whatever polls the
//! limits allow, sleeps until the next is due or a poll ends. It owns every request and every
//! timer, and leaves neither behind when `done` settles.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::Map;
use wasm_bindgen::JsValue;
use web_sys::AbortController;

use super::abort::{CallGuard, Stop};
use super::alarm::Alarm;
use super::json::parse;
use super::poll_options::WatchOptions;
use super::poll_support::{call_quietly, now_ms, stopped};
use super::transport::{CallOptions, Failure, Transport};
use crate::api::Polled;
use crate::json::Decoded;
use crate::poll::{classify_error, ErrorClass, Next, StopStatuses, WatchBook};

/// What the loop, the polls in flight and the handle's `add`/`remove` share.
pub struct Watcher {
    pub polled: Polled,
    pub book: WatchBook,
    pub stops: StopStatuses,
    /// Polls that ended since the loop last looked.
    pub inbox: Vec<(Rc<str>, Result<Decoded, Failure>)>,
    /// `done` settled: nothing is added or reported any more.
    pub closed: bool,
    /// One controller per poll in flight (one shared signal would collect a listener per
    /// request), by a counter.
    pub flying: HashMap<u64, AbortController>,
    pub next_flight: u64,
}

/// Drives the watcher until every payment is done (resolving with `results`) or the caller's
/// signal or `timeoutMs` stops it.
pub async fn run(
    watcher: Rc<RefCell<Watcher>>,
    poller: Rc<Transport>,
    alarm: Alarm,
    options: WatchOptions,
    results: Map,
    errors: Map,
) -> Result<JsValue, Failure> {
    let timeout_ms = options.poll.timeout_ms;
    let what = "watchPayments";
    let outcome = match CallGuard::start(options.poll.signal.clone(), timeout_ms) {
        Err(stop) => Err(stopped(stop, what, timeout_ms)),
        Ok(guard) => loop {
            deliver(&watcher, &options, &results, &errors);
            if let Some(stop) = guard.stopped() {
                break Err(stopped(stop, what, timeout_ms));
            }
            if watcher.borrow().book.is_empty() {
                break Ok(results.clone().into());
            }
            let wake_in = start_due_polls(&watcher, &poller, &alarm);
            if alarm.sleep(wake_in, &guard.signal()).await.is_err() {
                let stop = guard.stopped().unwrap_or(Stop::Deadline);
                break Err(stopped(stop, what, timeout_ms));
            }
        },
    };
    let mut w = watcher.borrow_mut();
    w.closed = true;
    w.inbox.clear();
    // Polls of removed payments may still be in flight: nothing outlives `done`.
    let flying: Vec<AbortController> = w.flying.drain().map(|(_, c)| c).collect();
    drop(w);
    for controller in flying {
        controller.abort();
    }
    outcome
}

/// Starts every poll that is due and allowed; returns how long until the next may be.
fn start_due_polls(
    watcher: &Rc<RefCell<Watcher>>,
    poller: &Rc<Transport>,
    alarm: &Alarm,
) -> Option<u64> {
    let now = now_ms();
    loop {
        let next = watcher.borrow_mut().book.next(now);
        match next {
            Next::Poll(id) => spawn_poll(watcher.clone(), poller.clone(), alarm.clone(), id),
            Next::WaitUntil(at) => return Some(at.saturating_sub(now)),
            Next::Idle => return None,
        }
    }
}

fn spawn_poll(watcher: Rc<RefCell<Watcher>>, poller: Rc<Transport>, alarm: Alarm, id: Rc<str>) {
    let controller = AbortController::new().ok();
    let call = CallOptions {
        signal: controller.as_ref().map(AbortController::signal),
        timeout_ms: None,
    };
    let (flight, polled) = {
        let mut w = watcher.borrow_mut();
        let flight = w.next_flight;
        w.next_flight += 1;
        if let Some(controller) = controller {
            w.flying.insert(flight, controller);
        }
        (flight, w.polled)
    };
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match polled.request(&id) {
            Ok(req) => poller.call(&req, &call, polled.get.answer).await,
            Err(err) => Err(Failure::Error(err)),
        };
        let mut w = watcher.borrow_mut();
        w.flying.remove(&flight);
        if !w.closed {
            w.inbox.push((id, outcome));
        }
        drop(w);
        alarm.ring();
    });
}

/// Books every ended poll and tells the caller, with no borrow held while a callback runs (a
/// callback may call `add` or `remove`).
fn deliver(watcher: &Rc<RefCell<Watcher>>, options: &WatchOptions, results: &Map, errors: &Map) {
    let inbox = std::mem::take(&mut watcher.borrow_mut().inbox);
    for (id, outcome) in inbox {
        let now = now_ms();
        let random = js_sys::Math::random();
        let mut w = watcher.borrow_mut();
        match outcome {
            Ok(payment) => {
                let status = payment.captures.status().unwrap_or_default();
                let stop = w.stops.contains(status);
                let update = w.book.finish_status(&id, status, stop, now, random);
                drop(w);
                let Some(update) = update.filter(|u| u.changed || u.done) else {
                    continue;
                };
                let js = match parse(&payment.json) {
                    Ok(js) => js,
                    Err(err) => JsValue::from(err),
                };
                if update.done {
                    results.set(&JsValue::from_str(&id), &js);
                }
                if update.changed {
                    call_quietly(options.poll.on_update.as_ref(), &[&js]);
                }
            }
            Err(Failure::Error(err)) if classify_error(&err) == ErrorClass::Transient => {
                w.book
                    .finish_transient(&id, err.retry_after_ms, now, random);
            }
            Err(Failure::Error(err)) => {
                let followed = w.book.finish_permanent(&id);
                drop(w);
                if followed {
                    let (key, error) = (JsValue::from_str(&id), JsValue::from(err));
                    errors.set(&key, &error);
                    call_quietly(options.on_error.as_ref(), &[&error, &key]);
                }
            }
            // Only the loop's end aborts a poll, and then nothing is delivered.
            Err(Failure::Aborted(_)) => {
                w.book.finish_permanent(&id);
            }
        }
    }
}
