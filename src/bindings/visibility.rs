//! Page visibility for a wait in a browser: a hidden page polls at the slowest pace, and one that
//! becomes visible again polls at once (the customer is back from the wallet app). Where there is
//! no `document` (Node, workers) the page counts as visible. The listener goes with the value.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::EventTarget;

use super::alarm::Alarm;

const EVENT: &str = "visibilitychange";

pub struct PageVisibility {
    document: Option<EventTarget>,
    listener: Option<Closure<dyn FnMut()>>,
}

impl PageVisibility {
    /// Follows the page's visibility when `enabled` and there is a page; rings `alarm` when the
    /// page becomes visible.
    pub fn watch(enabled: bool, alarm: Alarm) -> Self {
        let document = enabled.then(global_document).flatten();
        let listener = document.as_ref().map(|doc| {
            let doc2 = doc.clone();
            let closure = Closure::<dyn FnMut()>::new(move || {
                if !is_hidden(&doc2) {
                    alarm.ring();
                }
            });
            let _ = doc.add_event_listener_with_callback(EVENT, closure.as_ref().unchecked_ref());
            closure
        });
        Self { document, listener }
    }

    pub fn hidden(&self) -> bool {
        self.document.as_ref().is_some_and(is_hidden)
    }
}

impl Drop for PageVisibility {
    fn drop(&mut self) {
        if let (Some(doc), Some(listener)) = (&self.document, &self.listener) {
            let _ =
                doc.remove_event_listener_with_callback(EVENT, listener.as_ref().unchecked_ref());
        }
    }
}

/// `globalThis.document` if it can take event listeners (jsdom and friends included).
fn global_document() -> Option<EventTarget> {
    let doc = Reflect::get(&js_sys::global(), &JsValue::from_str("document")).ok()?;
    let listens = Reflect::get(&doc, &JsValue::from_str("addEventListener"))
        .ok()
        .is_some_and(|f| f.is_function());
    (doc.is_object() && listens).then(|| doc.unchecked_into())
}

fn is_hidden(doc: &EventTarget) -> bool {
    Reflect::get(doc, &JsValue::from_str("visibilityState"))
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|state| state == "hidden")
}
