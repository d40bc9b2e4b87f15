//! Where the module runs, for the one question that depends on it: may a secret key be used?

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type Global;
    #[wasm_bindgen(method, getter, structural)]
    fn document(this: &Global) -> JsValue;
    #[wasm_bindgen(method, getter, structural, js_name = WorkerGlobalScope)]
    fn worker_global_scope(this: &Global) -> JsValue;
}

/// A page or a worker of a page: anywhere with a DOM or a worker global, a secret is exposed.
pub fn in_browser() -> bool {
    let global: Global = js_sys::global().unchecked_into();
    !global.document().is_undefined() || !global.worker_global_scope().is_undefined()
}
