//! Exports for exact amount conversion: `formatUnits`, `parseUnits`, `tokenDecimals`,
//! `setTokenDecimals`.

use tsify::Tsify;
use wasm_bindgen::prelude::*;

use super::options::Opts;
use super::{args, locale};
use crate::amount::{self, FormatOptions, Grouping, Rounding, MAX_DECIMALS};
use crate::error::{Result, StreamError};
use crate::tokens;

#[wasm_bindgen]
extern "C" {
    /// The options object as JS passed it; read by `Opts`, which checks every field.
    #[wasm_bindgen(typescript_type = "FormatUnitsOptions")]
    pub type FormatUnitsOptionsArg;
    #[wasm_bindgen(typescript_type = "ParseUnitsOptions")]
    pub type ParseUnitsOptionsArg;
}

#[wasm_bindgen(typescript_custom_section)]
const ROUNDING_TS: &'static str = r#"
/** Rounding modes, named as in Java's BigDecimal. */
export type Rounding = 'trunc' | 'floor' | 'ceil' | 'halfUp' | 'halfEven' | 'expand';
"#;

/// Options of `formatUnits`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // describes the JS options for TypeScript; read by `Opts`
pub struct FormatUnitsOptions {
    /// Most fraction digits shown; defaults to `decimals`.
    #[tsify(optional)]
    max_fraction_digits: Option<u32>,
    /// Trailing zeros are dropped down to this many fraction digits; default 0.
    #[tsify(optional)]
    min_fraction_digits: Option<u32>,
    /// How digits beyond `maxFractionDigits` are dropped; default `'trunc'`.
    #[tsify(optional, type = "Rounding")]
    rounding: Option<String>,
    /// Separate thousands (`,` unless `locale` says otherwise); default false.
    #[tsify(optional)]
    grouping: Option<bool>,
    /// A BCP 47 locale whose separators are used (the digits stay ASCII).
    #[tsify(optional)]
    locale: Option<String>,
}

/// Options of `parseUnits`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // describes the JS options for TypeScript; read by `Opts`
pub struct ParseUnitsOptions {
    /// Round extra fraction digits this way instead of refusing them.
    #[tsify(optional, type = "Rounding")]
    rounding: Option<String>,
}

/// Formats an integer amount in smallest units (e.g. yoctoSTRM) as a decimal string, exactly.
///
/// `formatUnits("166389351081530800779973", 24, { maxFractionDigits: 5 })` is `"0.16638"`.
#[wasm_bindgen(js_name = formatUnits)]
pub fn format_units(
    #[wasm_bindgen(unchecked_param_type = "string | bigint")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] decimals: JsValue,
    options: Option<FormatUnitsOptionsArg>,
) -> Result<String, JsValue> {
    Ok(format_units_inner(
        &amount,
        &decimals,
        options.map(Into::into),
    )?)
}

fn format_units_inner(
    amount: &JsValue,
    decimals: &JsValue,
    options: Option<JsValue>,
) -> Result<String> {
    let amount = args::amount_string(amount, "amount")?;
    let decimals = args::decimals(decimals)?;
    let known = [
        "maxFractionDigits",
        "minFractionDigits",
        "rounding",
        "grouping",
        "locale",
    ];
    let opts = Opts::new(options, "formatUnits options", &known)?;
    let mut format = FormatOptions {
        max_fraction_digits: opts.count("maxFractionDigits", MAX_DECIMALS)?,
        min_fraction_digits: opts.count("minFractionDigits", MAX_DECIMALS)?.unwrap_or(0),
        rounding: parse_rounding(opts.string("rounding")?.as_deref())?.unwrap_or_default(),
        ..FormatOptions::default()
    };
    let grouping = opts.bool("grouping")?.unwrap_or(false);
    match opts.string("locale")?.as_deref() {
        Some(tag) => {
            let symbols = locale::symbols(tag)?;
            format.decimal_separator = symbols.decimal;
            if grouping {
                format.grouping = Some(symbols.grouping);
            }
        }
        None if grouping => {
            format.grouping = Some(Grouping {
                separator: ",".into(),
                primary: 3,
                secondary: 3,
            })
        }
        None => {}
    }
    amount::format_units(&amount, decimals, &format)
}

/// Parses human decimal text into an integer amount in smallest units, exactly.
///
/// `parseUnits("1.5", 6)` is `"1500000"`. More fraction digits than `decimals` are refused
/// unless a `rounding` is given.
#[wasm_bindgen(js_name = parseUnits)]
pub fn parse_units(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] decimals: JsValue,
    options: Option<ParseUnitsOptionsArg>,
) -> Result<String, JsValue> {
    let text = args::string(&text, "text")?;
    let decimals = args::decimals(&decimals)?;
    let opts = Opts::new(options.map(Into::into), "parseUnits options", &["rounding"])?;
    let rounding = parse_rounding(opts.string("rounding")?.as_deref())?;
    Ok(amount::parse_units(&text, decimals, rounding)?)
}

/// Decimals of a token (`STRM`, `NEAR`, `USDC`, `SOL`) or currency (`SAR`, `KWD`, ...), or
/// `undefined` when unknown. Case-insensitive.
#[wasm_bindgen(js_name = tokenDecimals)]
pub fn token_decimals(token: &str) -> Option<u32> {
    tokens::token_decimals(token)
}

/// Adds or overrides the decimals of a token or currency; `undefined` removes the override.
#[wasm_bindgen(js_name = setTokenDecimals)]
pub fn set_token_decimals(
    token: &str,
    #[wasm_bindgen(unchecked_param_type = "number | undefined")] decimals: JsValue,
) -> Result<(), JsValue> {
    let decimals = if decimals.is_undefined() || decimals.is_null() {
        None
    } else {
        Some(args::decimals(&decimals)?)
    };
    Ok(tokens::set_token_decimals(token, decimals)?)
}

fn parse_rounding(name: Option<&str>) -> Result<Option<Rounding>, StreamError> {
    name.map(str::parse).transpose()
}
