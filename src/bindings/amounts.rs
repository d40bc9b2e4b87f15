//! Raw exports behind the shell's `formatUnits`, `parseUnits`, `tokenDecimals` and
//! `setTokenDecimals` (`pkg/src/amounts.js`).
//!
//! Two ways in. The fast one (`*Ascii`, plain `extern "C"` exports, see [`format_units_ascii`]):
//! the shell writes a short ASCII argument straight into the module's I/O buffer
//! (`amount_buffer.rs`) and passes everything else as numbers; the answer is left in the buffer
//! when it is short ASCII text, so a call crosses with no allocation, no string decoding and no
//! option object. The checked one (`*Checked`): every argument as the `JsValue` the
//! caller gave, for anything the fast way does not take (other types, long or non-ASCII text);
//! it gives the same results and makes the `INVALID_ARGUMENT` errors that name the argument.

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use super::amount_buffer::{fast_in_buffer, through_buffer, with_input};
use super::args::{self, type_name};
use super::locale::{self, separator_char, LocaleFacts};
use crate::amount::{
    self, count_from_f64, decimals_from_f64, escape, small_count, FormatOptions, Grouping,
    Rounding, MAX_DECIMALS,
};
use crate::error::{Result, StreamError};
use crate::protocol::{FORMAT_KEYS, PARSE_KEYS};
use crate::tokens;

/// `tokenDecimalsAscii` for a token it does not know.
const UNKNOWN_TOKEN: i32 = -1;

const FORMAT_WHAT: &str = "formatUnits options";
const PARSE_WHAT: &str = "parseUnits options";

/// `flags` bits of [`format_units_ascii`]: which options were given.
const HAS_MAX: u32 = 1;
const HAS_MIN: u32 = 2;
const GROUPING: u32 = 4;
const HAS_LOCALE: u32 = 8;

/// `formatUnits(amount, decimals, options)` with the amount's `len` ASCII bytes in the input
/// buffer and the options unpacked: `flags` says which were given ([`HAS_MAX`], ...), `rounding`
/// is 0 for none or 1 + the index in [`Rounding::ALL`], and with [`HAS_LOCALE`] the locale's
/// separators are the char codes `decimal_sep` and `group_sep` and its group sizes are described
/// by `group_count`, `group_last`, `group_prev` (see [`LocaleFacts`]).
///
/// Exported as `formatUnitsAscii` without wasm-bindgen: a `#[wasm_bindgen]` export's shim, in
/// this size-optimised build, spills every argument to the stack and reads it back, and its JS
/// wrapper hides the wasm function from V8; the shell calls this one straight from the
/// instance's exports ([`wasm_exports`](super::amount_buffer::wasm_exports)), numbers in and out.
#[cfg_attr(target_arch = "wasm32", export_name = "formatUnitsAscii")]
#[allow(clippy::too_many_arguments)] // one number per option: that is the point of this export
pub extern "C" fn format_units_ascii(
    len: usize,
    decimals: f64,
    flags: u32,
    max: f64,
    min: f64,
    rounding: u32,
    decimal_sep: u32,
    group_sep: u32,
    group_count: u32,
    group_last: u32,
    group_prev: u32,
) -> i32 {
    let given = |bit: u32| flags & bit != 0;
    // The fast path takes only numbers that are already valid and no option that may round up;
    // anything else goes the general way, which makes the errors.
    let fast = || {
        if given(GROUPING | HAS_LOCALE) {
            return None;
        }
        let decimals = small_count(decimals)?;
        let max = if given(HAS_MAX) {
            Some(small_count(max)?)
        } else {
            None
        };
        let min = if given(HAS_MIN) { small_count(min)? } else { 0 };
        if rounding > 1 && max.is_some_and(|max| max < decimals) {
            return None;
        }
        fast_in_buffer(len, |input, out| {
            amount::fast::format_truncated(input, decimals, max, min, out)
        })
    };
    fast().unwrap_or_else(|| {
        let numbers = (|| {
            let decimals = decimals_from_f64(decimals)?;
            let max = given(HAS_MAX)
                .then(|| count_from_f64(FORMAT_WHAT, "maxFractionDigits", max))
                .transpose()?;
            let min = given(HAS_MIN)
                .then(|| count_from_f64(FORMAT_WHAT, "minFractionDigits", min))
                .transpose()?
                .unwrap_or(0);
            Ok((decimals, max, min, Rounding::from_code(rounding)?))
        })();
        let locale = [decimal_sep, group_sep, group_count, group_last, group_prev];
        format_units_buffered(
            len,
            numbers,
            given(GROUPING),
            given(HAS_LOCALE).then_some(locale),
        )
    })
}

/// [`format_units_ascii`] the general way, with its numbers checked (`decimals`, `max`, `min`,
/// rounding) and the locale's five numbers when it was given. A function of its own, so its
/// large stack frame is set up only when it runs.
#[inline(never)]
fn format_units_buffered(
    len: usize,
    numbers: Result<(u32, Option<u32>, u32, Rounding)>,
    grouping: bool,
    locale: Option<[u32; 5]>,
) -> i32 {
    through_buffer(len, |amount, format, units, text| {
        let (decimals, max, min, rounding) = numbers?;
        format.max_fraction_digits = max;
        format.min_fraction_digits = min;
        format.rounding = rounding;
        let (decimal, group, sizes) = match locale {
            Some([decimal_sep, group_sep, group_count, group_last, group_prev]) => (
                separator_char(decimal_sep)?,
                separator_char(group_sep)?,
                locale::group_sizes(group_count, group_last, group_prev),
            ),
            None => ('.', ',', (3, 3)),
        };
        set_separator(&mut format.decimal_separator, decimal);
        if grouping {
            let grouping = format.grouping.get_or_insert_with(Grouping::default);
            set_separator(&mut grouping.separator, group);
            (grouping.primary, grouping.secondary) = sizes;
        } else {
            format.grouping = None;
        }
        amount::format_units_into(amount, decimals, format, units, text)
    })
}

/// Sets a one-character separator in place, keeping the string's allocation.
fn set_separator(separator: &mut String, c: char) {
    if separator.len() != c.len_utf8() || !separator.starts_with(c) {
        separator.clear();
        separator.push(c);
    }
}

/// `formatUnits` with every argument as the caller gave it. The shell destructured `options`
/// (when it is an object) into the option values, found its first `unknown_key`, and, when
/// `locale` is a string, asked `Intl` for its separators: `locale_facts` is `undefined` for a tag
/// `Intl` refused, else `[decimal, group, groupCount, lastGroup, previousGroup]`.
#[wasm_bindgen(js_name = formatUnitsChecked)]
#[allow(clippy::too_many_arguments)] // the option values, destructured by the shell
pub fn format_units_checked(
    amount: JsValue,
    decimals: JsValue,
    options: JsValue,
    unknown_key: Option<String>,
    max: JsValue,
    min: JsValue,
    rounding: JsValue,
    grouping: JsValue,
    locale: JsValue,
    locale_facts: Option<Vec<JsValue>>,
) -> Result<String, JsValue> {
    let amount = args::amount_string(&amount, "amount")?;
    let decimals = args::decimals(&decimals)?;
    check_options(FORMAT_WHAT, &options, unknown_key.as_deref(), &FORMAT_KEYS)?;
    let max = optional(&max, |v| count(FORMAT_WHAT, "maxFractionDigits", v))?;
    let min = optional(&min, |v| count(FORMAT_WHAT, "minFractionDigits", v))?;
    let rounding = optional(&rounding, |v| rounding_name(FORMAT_WHAT, v))?;
    let grouping = optional(&grouping, |v| {
        v.as_bool()
            .ok_or_else(|| wrong(FORMAT_WHAT, "grouping", v, "a boolean"))
    })?;
    let locale = optional(&locale, |v| {
        let tag = v
            .as_string()
            .ok_or_else(|| wrong(FORMAT_WHAT, "locale", v, "a string"))?;
        LocaleFacts::from_js(&tag, locale_facts.as_deref())
    })?;
    let options = format_options(
        max,
        min,
        rounding.unwrap_or_default(),
        grouping.unwrap_or(false),
        locale,
    );
    Ok(amount::format_units(&amount, decimals, &options)?)
}

fn format_options(
    max: Option<u32>,
    min: Option<u32>,
    rounding: Rounding,
    grouping: bool,
    locale: Option<LocaleFacts>,
) -> FormatOptions {
    let mut options = FormatOptions {
        max_fraction_digits: max,
        min_fraction_digits: min.unwrap_or(0),
        rounding,
        ..FormatOptions::default()
    };
    match locale {
        Some(facts) => {
            let (decimal, group) = facts.into_separators();
            options.decimal_separator = decimal;
            options.grouping = grouping.then_some(group);
        }
        None => options.grouping = grouping.then(Grouping::default),
    }
    options
}

/// `parseUnits(text, decimals, options)` with the text's `len` ASCII bytes in the input buffer;
/// `rounding` as in [`format_units_ascii`]. Exported as that one is.
#[cfg_attr(target_arch = "wasm32", export_name = "parseUnitsAscii")]
pub extern "C" fn parse_units_ascii(len: usize, decimals: f64, rounding: u32) -> i32 {
    if let Some(decimals) = small_count(decimals).filter(|_| rounding <= 6) {
        let fast = |input: &[u8], out: &mut [u8]| amount::fast::parse_exact(input, decimals, out);
        if let Some(len) = fast_in_buffer(len, fast) {
            return len;
        }
    }
    let numbers = (|| {
        let rounding = match rounding {
            0 => None,
            code => Some(Rounding::from_code(code)?),
        };
        Ok((decimals_from_f64(decimals)?, rounding))
    })();
    through_buffer(len, |input, _, units, text| {
        let (decimals, rounding) = numbers?;
        amount::parse_units_into(input, decimals, rounding, units, text)
    })
}

/// `parseUnits` with every argument as the caller gave it (see [`format_units_checked`]).
#[wasm_bindgen(js_name = parseUnitsChecked)]
pub fn parse_units_checked(
    text: JsValue,
    decimals: JsValue,
    options: JsValue,
    unknown_key: Option<String>,
    rounding: JsValue,
) -> Result<String, JsValue> {
    let text = args::string(&text, "text")?;
    let decimals = args::decimals(&decimals)?;
    check_options(PARSE_WHAT, &options, unknown_key.as_deref(), &PARSE_KEYS)?;
    let rounding = optional(&rounding, |v| rounding_name(PARSE_WHAT, v))?;
    Ok(amount::parse_units(&text, decimals, rounding)?)
}

/// `tokenDecimals` of the token's `len` ASCII bytes in the input buffer, or -1 when unknown.
/// Exported as [`format_units_ascii`] is.
#[cfg_attr(target_arch = "wasm32", export_name = "tokenDecimalsAscii")]
pub extern "C" fn token_decimals_ascii(len: usize) -> i32 {
    let found = with_input(len, |input| {
        tokens::token_decimals(core::str::from_utf8(input).ok()?)
    });
    found
        .and_then(|d| i32::try_from(d).ok())
        .unwrap_or(UNKNOWN_TOKEN)
}

/// `tokenDecimals` with the argument as the caller gave it.
#[wasm_bindgen(js_name = tokenDecimalsChecked)]
pub fn token_decimals_checked(token: JsValue) -> Result<Option<u32>, JsValue> {
    let token = args::string(&token, "tokenOrCurrency")?;
    Ok(tokens::token_decimals(&token))
}

/// `setTokenDecimals(token, decimals)`; `undefined` or `null` removes the override.
#[wasm_bindgen(js_name = setTokenDecimalsChecked)]
pub fn set_token_decimals_checked(token: JsValue, decimals: JsValue) -> Result<(), JsValue> {
    let token = args::string(&token, "token")?;
    let decimals = if decimals.is_undefined() || decimals.is_null() {
        None
    } else {
        Some(args::decimals(&decimals)?)
    };
    Ok(tokens::set_token_decimals(&token, decimals)?)
}

/// An options argument: `undefined`, `null` or a non-array object whose keys are all known.
fn check_options(
    what: &str,
    options: &JsValue,
    unknown: Option<&str>,
    known: &[&str],
) -> Result<()> {
    if options.is_undefined() || options.is_null() {
        return Ok(());
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " must be an object, got ",
            type_name(options)
        )));
    }
    match unknown {
        Some(key) => Err(StreamError::invalid_argument(cat!(
            what,
            ": unknown option \"",
            escape(key),
            "\"; known options are ",
            known.join(", ")
        ))),
        None => Ok(()),
    }
}

/// An option value; `undefined` means not given.
fn optional<T>(value: &JsValue, read: impl FnOnce(&JsValue) -> Result<T>) -> Result<Option<T>> {
    if value.is_undefined() {
        Ok(None)
    } else {
        read(value).map(Some)
    }
}

fn wrong(what: &str, key: &str, value: &JsValue, expected: &str) -> StreamError {
    StreamError::invalid_argument(cat!(
        what,
        ".",
        key,
        " must be ",
        expected,
        ", got ",
        type_name(value)
    ))
}

fn count(what: &str, key: &str, value: &JsValue) -> Result<u32> {
    match value.as_f64() {
        Some(number) => count_from_f64(what, key, number),
        None => Err(wrong(
            what,
            key,
            value,
            &cat!("a whole number from 0 to ", MAX_DECIMALS),
        )),
    }
}

fn rounding_name(what: &str, value: &JsValue) -> Result<Rounding> {
    value
        .as_string()
        .ok_or_else(|| wrong(what, "rounding", value, "a string"))?
        .parse()
}
