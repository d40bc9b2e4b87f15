//! `watchPayments`: follows many payments at once until each reaches a status to stop at, never
//! above `concurrency` requests in flight nor `maxRequestsPerSecond`, polling whichever is due
//! first (so none starves). The caller gets a handle: `done`, `errors`, `add(id)`, `remove(id)`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::models::ToJson;
use js_sys::{Array, Map, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::alarm::Alarm;
use super::client_config::{path_id, promise};
use super::poll_options::watch_options;
use super::poll_support::{now_ms, poll_transport};
use super::transport::Transport;
use super::watch_loop::{run, Watcher};
use crate::error::{Result, StreamError};
use crate::poll::{PolledPayment, StopStatuses, WatchBook};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "WatchPaymentsOptions<GatewayPayment>")]
    pub type GatewayWatchOptionsArg;
    #[wasm_bindgen(typescript_type = "WatchPaymentsOptions<Payment>")]
    pub type PaymentWatchOptionsArg;
}

/// The handle of a new watcher of `ids`; throws a `StreamError` for bad ids or options.
pub fn watch_payments<P>(
    client: &Transport,
    ids: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue>
where
    P: PolledPayment + ToJson + 'static,
{
    let ids = id_list(&ids)?;
    let options = watch_options(options)?;
    let mut book = WatchBook::new(options.poll.config, options.limits);
    let now = now_ms();
    for id in &ids {
        book.add(id, now);
    }
    let watcher = Rc::new(RefCell::new(Watcher::<P> {
        book,
        stops: StopStatuses::new(P::TERMINAL_STATUSES, options.poll.stop_statuses.clone()),
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

    let handle = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&handle, &JsValue::from_str(key), value);
    };
    set("done", &done);
    set("errors", &errors);
    let (add_watcher, add_alarm) = (watcher.clone(), alarm.clone());
    let add = Closure::<dyn FnMut(JsValue) -> Result<bool, JsValue>>::new(move |id: JsValue| {
        let id = path_id(&id, "watchPayments add(paymentId)")?;
        let mut w = add_watcher.borrow_mut();
        let added = !w.closed && w.book.add(&id, now_ms());
        drop(w);
        add_alarm.ring();
        Ok(added)
    });
    set("add", &add.into_js_value());
    let remove = Closure::<dyn FnMut(JsValue) -> bool>::new(move |id: JsValue| {
        let Some(id) = id.as_string() else {
            return false;
        };
        let removed = watcher.borrow_mut().book.remove(&id);
        // The watcher may now have nothing left to follow: let it settle.
        alarm.ring();
        removed
    });
    set("remove", &remove.into_js_value());
    Ok(handle.into())
}

/// The `ids` argument: an array of valid payment ids (duplicates are followed once).
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
