//! The buffer through which the shell and the fast amount exports trade bytes: the shell writes
//! a short ASCII argument into the input half and reads a short ASCII answer from the output half,
//! both through the module's memory, so a call crosses with numbers only.

use crate::prelude::*;
use core::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::amount::FormatOptions;
use crate::error::{Result, StreamError};

/// Longest ASCII argument the fast way takes; amounts are tens of digits.
const INPUT_BYTES: usize = 512;
/// Longest ASCII answer left in the buffer; longer ones go through [`take_amount_result`].
const OUTPUT_BYTES: usize = 1024;

/// What a fast export returns instead of a length when its answer is pending.
const PENDING: i32 = -1;

/// The I/O buffer the shell reads and writes: input bytes, then output bytes, at one fixed
/// address for the life of the module. Made at compile time (zeros: no data segment), so a fast
/// call reaches it with no first-use check; wasm is single-threaded and JS touches it only
/// between calls.
type Buffer = [u8; INPUT_BYTES + OUTPUT_BYTES];

local! {
    static BUFFER: RefCell<Buffer> = const { RefCell::new([0; INPUT_BYTES + OUTPUT_BYTES]) };
}

/// Scratch space the general path reuses, so a call allocates nothing once it has grown to the
/// call's size.
struct Scratch {
    units: Vec<u8>,
    text: String,
    format: FormatOptions,
}

local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch {
        units: Vec::new(),
        text: String::new(),
        format: FormatOptions::default(),
    });
}

local! {
    /// An answer the buffer could not hold (an error, or long or non-ASCII text).
    static PENDING_RESULT: RefCell<Option<Result<String>>> = RefCell::new(None);
}

/// The module's memory, through which the I/O buffer is viewed (the shell takes it from
/// [`wasm_exports`]).
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The instance's exports (`WebAssembly.Instance.prototype.exports`): its `memory`, and the
/// amount exports the shell calls without wasm-bindgen (`amountBuffer`, `formatUnitsAscii`,
/// `parseUnitsAscii`, `tokenDecimalsAscii`).
#[wasm_bindgen(js_name = wasmExports)]
pub fn wasm_exports() -> JsValue {
    wasm_bindgen::exports()
}

/// Address of the I/O buffer in [`wasm_memory`]: `INPUT_BYTES` of input, then the output.
/// Exported without wasm-bindgen, as `super::amounts::format_units_ascii` is.
#[cfg_attr(target_arch = "wasm32", export_name = "amountBuffer")]
pub extern "C" fn amount_buffer() -> usize {
    BUFFER.with(|buffer| buffer.as_ptr() as usize)
}

/// Sizes of the two halves of the I/O buffer, input first.
#[wasm_bindgen(js_name = amountBufferSizes)]
pub fn amount_buffer_sizes() -> Vec<u32> {
    [INPUT_BYTES, OUTPUT_BYTES]
        .iter()
        .map(|&n| u32::try_from(n).unwrap_or(0))
        .collect()
}

/// The answer a fast export left pending (it returned a negative status): the text, or the error
/// thrown as a `StreamError`.
#[wasm_bindgen(js_name = takeAmountResult)]
pub fn take_amount_result() -> Result<String, JsValue> {
    let pending = PENDING_RESULT.with_borrow_mut(Option::take);
    Ok(pending
        .unwrap_or_else(|| Err(StreamError::invalid_argument("no amount result is pending")))?)
}

/// Runs a byte-level fast path (`amount::fast`) from the input half straight into the output
/// half: the answer's length, or `None` when that path declined.
pub fn fast_in_buffer(
    len: usize,
    work: impl FnOnce(&[u8], &mut [u8]) -> Option<usize>,
) -> Option<i32> {
    BUFFER.with(|buffer| {
        let mut buffer = buffer.try_borrow_mut().ok()?;
        let (input, output) = buffer.split_at_mut_checked(INPUT_BYTES)?;
        let answer = work(input.get(..len)?, output)?;
        i32::try_from(answer).ok()
    })
}

/// Runs `work` on the `len` input bytes, which writes its answer into `text`, and leaves the
/// answer in the output half: its length, or [`PENDING`] when it went to [`PENDING_RESULT`].
pub fn through_buffer(
    len: usize,
    work: impl FnOnce(&str, &mut FormatOptions, &mut Vec<u8>, &mut String) -> Result<()>,
) -> i32 {
    let answer = BUFFER.with(|buffer| {
        SCRATCH.with(|scratch| {
            let (Ok(mut buffer), Ok(mut scratch)) =
                (buffer.try_borrow_mut(), scratch.try_borrow_mut())
            else {
                return Err(StreamError::invalid_argument("amount buffer is busy"));
            };
            let Scratch {
                units,
                text,
                format,
            } = &mut *scratch;
            let (input, output) = buffer.split_at_mut(INPUT_BYTES);
            let input = input
                .get(..len)
                .and_then(|bytes| core::str::from_utf8(bytes).ok())
                .ok_or_else(|| {
                    StreamError::invalid_argument("amount buffer holds no ASCII text")
                })?;
            work(input, format, units, text)?;
            let bytes = text.as_bytes();
            match output.get_mut(..bytes.len()) {
                Some(out) if text.is_ascii() => {
                    out.copy_from_slice(bytes);
                    Ok(Ok(bytes.len()))
                }
                _ => Ok(Err(core::mem::take(text))),
            }
        })
    });
    let pending = match answer {
        Ok(Ok(len)) => return i32::try_from(len).unwrap_or(PENDING),
        Ok(Err(text)) => Ok(text),
        Err(err) => Err(err),
    };
    PENDING_RESULT.with_borrow_mut(|slot| *slot = Some(pending));
    PENDING
}

/// `work` on the `len` input bytes (`None` when the buffer is busy or `len` too large).
pub fn with_input<T>(len: usize, work: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
    BUFFER.with(|buffer| work(buffer.try_borrow().ok()?.get(..len)?))
}
