//! Reading option objects that hold JS-only values (functions, signals, header records), which
//! serde cannot carry. Every key is checked against the documented names.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use super::args::type_name;
use crate::amount::escape;
use crate::error::{Result, StreamError};

/// An options object (or `undefined`/`null`, read as empty).
pub struct Opts {
    obj: Option<Object>,
    what: &'static str,
}

impl Opts {
    pub fn new(value: Option<JsValue>, what: &'static str, known: &[&str]) -> Result<Self> {
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Self { obj: None, what });
        };
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(StreamError::invalid_argument(format!(
                "{what} must be an object, got {}",
                type_name(&value)
            )));
        }
        let obj: Object = value.unchecked_into();
        for key in Object::keys(&obj).iter().filter_map(|k| k.as_string()) {
            if !known.contains(&key.as_str()) {
                return Err(StreamError::invalid_argument(format!(
                    "{what}: unknown option \"{}\"; known options are {}",
                    escape(&key),
                    known.join(", ")
                )));
            }
        }
        Ok(Self {
            obj: Some(obj),
            what,
        })
    }

    pub fn get(&self, key: &str) -> Option<JsValue> {
        let obj = self.obj.as_ref()?;
        let value = Reflect::get(obj, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined()).then_some(value)
    }

    fn wrong(&self, key: &str, value: &JsValue, expected: &str) -> StreamError {
        StreamError::invalid_argument(format!(
            "{}.{key} must be {expected}, got {}",
            self.what,
            type_name(value)
        ))
    }

    pub fn string(&self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| self.wrong(key, &v, "a string")),
        }
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_bool()
                .map(Some)
                .ok_or_else(|| self.wrong(key, &v, "a boolean")),
        }
    }

    /// A whole number of at most `max`.
    pub fn count(&self, key: &str, max: u32) -> Result<Option<u32>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        match v.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= f64::from(max) => {
                Ok(Some(n as u32))
            }
            _ => Err(self.wrong(key, &v, &format!("a whole number from 0 to {max}"))),
        }
    }

    pub fn function(&self, key: &str) -> Result<Option<Function>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|v| self.wrong(key, &v, "a function")),
        }
    }

    /// An `AbortSignal` (checked by shape, so signals of other realms and polyfills work).
    pub fn signal(&self, key: &str) -> Result<Option<AbortSignal>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let has = |name: &str| Reflect::has(&v, &JsValue::from_str(name)).unwrap_or(false);
        if v.is_object() && has("aborted") && has("addEventListener") {
            Ok(Some(v.unchecked_into()))
        } else {
            Err(self.wrong(key, &v, "an AbortSignal"))
        }
    }

    /// A `Record<string, string>` of extra headers.
    pub fn headers(&self, key: &str) -> Result<Vec<(String, String)>> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        if !v.is_object() || js_sys::Array::is_array(&v) {
            return Err(self.wrong(key, &v, "an object of header names to strings"));
        }
        let mut out = Vec::new();
        for entry in Object::entries(v.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            let Some(value) = value.as_string() else {
                return Err(self.wrong(&format!("{key}.{name}"), &value, "a string"));
            };
            let valid_name = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !valid_name || !crate::validate::header_value(&value) {
                return Err(StreamError::invalid_argument(format!(
                    "{}.{key}: \"{}\" is not a valid header",
                    self.what,
                    escape(&name)
                )));
            }
            out.push((name, value));
        }
        Ok(out)
    }

    /// An array of strings.
    pub fn strings(&self, key: &str) -> Result<Vec<String>> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        if !js_sys::Array::is_array(&v) {
            return Err(self.wrong(key, &v, "an array of strings"));
        }
        let array: js_sys::Array = v.unchecked_into();
        array
            .iter()
            .map(|item| {
                item.as_string()
                    .ok_or_else(|| self.wrong(key, &item, "an array of strings"))
            })
            .collect()
    }
}
