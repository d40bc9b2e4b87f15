//! Reads the facts [`crate::runtime::classify`] decides on from `globalThis`, through typed
//! getters (each may throw: a throwing getter counts as the fact being absent).

use wasm_bindgen::prelude::*;

use crate::runtime::{classify, Runtime, RuntimeFacts};

#[wasm_bindgen]
extern "C" {
    /// The global object, read through the few properties the guard needs.
    type Global;
    #[wasm_bindgen(method, getter, catch)]
    fn process(this: &Global) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, js_name = Deno)]
    fn deno(this: &Global) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, js_name = Bun)]
    fn bun(this: &Global) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn navigator(this: &Global) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn document(this: &Global) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, js_name = WorkerGlobalScope)]
    fn worker_global_scope(this: &Global) -> Result<JsValue, JsValue>;

    type Process;
    #[wasm_bindgen(method, getter, catch)]
    fn versions(this: &Process) -> Result<JsValue, JsValue>;

    type Versions;
    #[wasm_bindgen(method, getter, catch)]
    fn node(this: &Versions) -> Result<JsValue, JsValue>;

    type Navigator;
    #[wasm_bindgen(method, getter, catch, js_name = userAgent)]
    fn user_agent(this: &Navigator) -> Result<JsValue, JsValue>;
}

/// Reads the facts from `globalThis`. A getter that throws counts as the fact being absent.
pub fn probe() -> RuntimeFacts {
    let global: Global = js_sys::global().unchecked_into();
    let object = |v: Result<JsValue, JsValue>| v.ok().filter(JsValue::is_object);
    let node = object(global.process())
        .and_then(|p| object(p.unchecked_into::<Process>().versions()))
        .and_then(|v| v.unchecked_into::<Versions>().node().ok())
        .is_some_and(|n| n.is_string());
    let user_agent = object(global.navigator())
        .and_then(|n| n.unchecked_into::<Navigator>().user_agent().ok())
        .and_then(|ua| ua.as_string());
    RuntimeFacts {
        node,
        deno: object(global.deno()).is_some(),
        bun: object(global.bun()).is_some(),
        user_agent,
        document: object(global.document()).is_some(),
        worker_scope: global.worker_global_scope().is_ok_and(|c| c.is_function()),
    }
}

/// The runtime this module runs in.
pub fn current() -> Runtime {
    classify(&probe())
}
