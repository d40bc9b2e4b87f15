//! Separators of a locale, asked of `Intl.NumberFormat`; the digits themselves stay ours.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::amount::Grouping;
use crate::error::{Result, StreamError};

#[wasm_bindgen]
extern "C" {
    /// Throws a `RangeError` for a malformed tag, which `catch` turns into an `Err`.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

pub struct LocaleSymbols {
    pub decimal: String,
    pub grouping: Grouping,
}

/// A number with several groups and a fraction, so every separator shows up.
const PROBE: f64 = 1_234_567_890.5;

pub fn symbols(tag: &str) -> Result<LocaleSymbols> {
    if canonical_locales(tag).is_err() {
        return Err(StreamError::invalid_argument(format!(
            "locale \"{}\" is not a valid BCP 47 language tag",
            crate::amount::escape(&tag.chars().take(40).collect::<String>())
        )));
    }
    let locales = Array::of1(&JsValue::from_str(tag));
    let format = Intl::NumberFormat::new(&locales, &Object::new());
    let parts = format.format_to_parts(PROBE);
    let mut decimal = ".".to_string();
    let mut separator = ",".to_string();
    let mut integer_lengths = Vec::new();
    for part in parts.iter() {
        let kind = field(&part, "type");
        let value = field(&part, "value");
        match kind.as_str() {
            "decimal" => decimal = value,
            "group" => separator = value,
            "integer" => integer_lengths.push(value.chars().count()),
            _ => {}
        }
    }
    let primary = integer_lengths.last().copied().unwrap_or(3).max(1);
    let secondary = match integer_lengths.len() {
        0..=2 => primary,
        n => integer_lengths
            .get(n - 2)
            .copied()
            .unwrap_or(primary)
            .max(1),
    };
    Ok(LocaleSymbols {
        decimal,
        grouping: Grouping {
            separator,
            primary,
            secondary,
        },
    })
}

fn field(part: &JsValue, name: &str) -> String {
    Reflect::get(part, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
