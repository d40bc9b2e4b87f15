//! `listAllPayments`: an async iterator over every payment, one page fetched per need.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect, Symbol};
use wasm_bindgen::prelude::*;

use super::client_config::promise;
use super::json::model_to_js;
use super::streampay_client::fetch_page;
use super::transport::{CallOptions, Failure, Transport};
use crate::error::StreamError;
use crate::models::Payment;
use crate::query::{ListPaymentsParams, MAX_LIMIT};

struct Cursor {
    transport: Rc<Transport>,
    params: ListPaymentsParams,
    call: CallOptions,
    buffer: VecDeque<Payment>,
    busy: bool,
    done: bool,
}

pub fn payment_iterator(
    transport: Rc<Transport>,
    mut params: ListPaymentsParams,
    call: CallOptions,
) -> JsValue {
    params.page = Some(params.page.unwrap_or(1));
    // Fewer round trips when the caller did not choose a page size.
    params.limit = Some(params.limit.unwrap_or(MAX_LIMIT));
    let cursor = Rc::new(RefCell::new(Cursor {
        transport,
        params,
        call,
        buffer: VecDeque::new(),
        busy: false,
        done: false,
    }));

    let next_cursor = cursor.clone();
    let next = Closure::<dyn FnMut() -> Promise>::new(move || next_payment(next_cursor.clone()));
    let stop = Closure::<dyn FnMut() -> Promise>::new(move || {
        let mut c = cursor.borrow_mut();
        c.done = true;
        c.buffer.clear();
        Promise::resolve(&step(JsValue::UNDEFINED, true))
    });
    let iterator = Object::new();
    let _ = Reflect::set(&iterator, &"next".into(), &next.into_js_value());
    let _ = Reflect::set(&iterator, &"return".into(), &stop.into_js_value());
    // `[Symbol.asyncIterator]() { return this }`: Object.prototype.valueOf returns its `this`,
    // and, unlike a closure holding the object, makes no cycle JS cannot collect.
    let object_prototype = Object::get_prototype_of(&Object::new());
    let identity = Reflect::get(&object_prototype, &"valueOf".into()).unwrap_or(JsValue::UNDEFINED);
    let _ = Reflect::set(&iterator, &Symbol::async_iterator(), &identity);
    iterator.into()
}

fn next_payment(cursor: Rc<RefCell<Cursor>>) -> Promise {
    promise(async move {
        let (transport, params, call) = {
            let mut c = cursor.borrow_mut();
            if let Some(payment) = c.buffer.pop_front() {
                return Ok(step(model_to_js(&payment), false));
            }
            if c.done {
                return Ok(step(JsValue::UNDEFINED, true));
            }
            if c.busy {
                return Err(Failure::Error(StreamError::invalid_argument(
                    "listAllPayments: next() was called before the previous call settled; await each step",
                )));
            }
            c.busy = true;
            let call = CallOptions {
                signal: c.call.signal.clone(),
                timeout_ms: c.call.timeout_ms,
            };
            (c.transport.clone(), c.params.clone(), call)
        };
        let page = fetch_page(&transport, &params, &call).await;
        let mut c = cursor.borrow_mut();
        c.busy = false;
        if c.done {
            // `return()` was called while this page was on its way: the iteration is over.
            return Ok(step(JsValue::UNDEFINED, true));
        }
        let page = match page {
            Ok(page) => page,
            Err(err) => {
                c.done = true;
                return Err(err);
            }
        };
        let current = params.page.unwrap_or(1);
        let more = page.pagination.has_next_page
            && !page.data.is_empty()
            && u64::from(current) < page.pagination.max_page;
        c.buffer.extend(page.data);
        c.params.page = current.checked_add(1);
        c.done = !more || c.params.page.is_none();
        Ok(match c.buffer.pop_front() {
            Some(payment) => step(model_to_js(&payment), false),
            None => step(JsValue::UNDEFINED, true),
        })
    })
}

fn step(value: JsValue, done: bool) -> JsValue {
    let result = Object::new();
    let _ = Reflect::set(&result, &"value".into(), &value);
    let _ = Reflect::set(&result, &"done".into(), &JsValue::from_bool(done));
    result.into()
}
