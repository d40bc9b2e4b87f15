//! `watchPayments`: follows many payments at once until each reaches a status to stop at, never
//! above `concurrency` requests in flight nor `maxRequestsPerSecond`, polling whichever is due
//! first (so none starves). The caller gets a handle: `done`, `errors`, `add(id)`, `remove(id)`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Map, Promise};
use wasm_bindgen::prelude::*;

use super::alarm::Alarm;
use super::client_config::{path_id, promise};
use super::poll_options::watch_options;
use super::poll_support::{now_ms, poll_transport};
use super::transport::Transport;
use super::watch_loop::{run, Watcher};
use crate::api::Polled;
use crate::error::{Result, StreamError};
use crate::poll::{StopStatuses, WatchBook};

/// The handle of a new watcher of `ids`; throws a `StreamError` for bad ids or options.
pub fn watch_payments(
    client: &Transport,
    polled: Polled,
    ids: JsValue,
    options: JsValue,
) -> Result<RawWatcher, JsValue> {
    let ids = id_list(&ids)?;
    let options = watch_options(options)?;
    let mut book = WatchBook::new(options.poll.config, options.limits);
    let now = now_ms();
    for id in &ids {
        book.add(id, now);
    }
    let watcher = Rc::new(RefCell::new(Watcher {
        polled,
        book,
        stops: StopStatuses::new(polled.terminal, options.poll.stop_statuses.clone()),
        inbox: Vec::new(),
        closed: false,
        flying: HashMap::new(),
        next_flight: 0,
    }));
    let alarm = Alarm::default();
    let results = Map::new();
    let errors = Map::new();
    let done = {
        let (watcher, alarm, errors) = (watcher.clone(), alarm.clone(), errors.clone());
        let poller = Rc::new(poll_transport(client));
        promise(async move { run(watcher, poller, alarm, options, results, errors).await })
    };
    Ok(RawWatcher {
        watcher,
        alarm,
        done,
        errors,
    })
}

/// A running `watchPayments`; the shell hands out `{ done, errors, add, remove }` over it.
#[wasm_bindgen]
pub struct RawWatcher {
    watcher: Rc<RefCell<Watcher>>,
    alarm: Alarm,
    done: Promise,
    errors: Map,
}

#[wasm_bindgen]
impl RawWatcher {
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> Promise {
        self.done.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn errors(&self) -> Map {
        self.errors.clone()
    }

    /// Follows one more payment; false when it is followed already or the watcher is done.
    pub fn add(&self, payment_id: JsValue) -> Result<bool, JsValue> {
        let id = path_id(&payment_id, "watchPayments add(paymentId)")?;
        let mut w = self.watcher.borrow_mut();
        let added = !w.closed && w.book.add(&id, now_ms());
        drop(w);
        self.alarm.ring();
        Ok(added)
    }

    /// Stops following one payment; false when it was not followed.
    pub fn remove(&self, payment_id: JsValue) -> bool {
        let Some(id) = payment_id.as_string() else {
            return false;
        };
        let removed = self.watcher.borrow_mut().book.remove(&id);
        // The watcher may now have nothing left to follow: let it settle.
        self.alarm.ring();
        removed
    }
}

fn id_list(value: &JsValue) -> Result<Vec<String>> {
    if !Array::is_array(value) {
        return Err(StreamError::invalid_argument(format!(
            "watchPayments ids must be an array of payment ids, got {}",
            super::args::type_name(value)
        )));
    }
    let array: &Array = value.unchecked_ref();
    array
        .iter()
        .enumerate()
        .map(|(i, id)| path_id(&id, &format!("watchPayments ids[{i}]")))
        .collect()
}
