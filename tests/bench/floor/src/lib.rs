//! The physical limit of one JS -> wasm -> JS amount call: JS writes the input's ASCII bytes into
//! `INPUT`, calls `format`/`parse` with plain numbers, and reads the result's bytes back from
//! `OUTPUT`. The digit work matches stream-payments' (validation, sign, leading and trailing zeros,
//! truncation to `max` fraction digits); only rounding modes other than truncation, grouping and
//! error messages are left out. Results are checked against the package by the benchmark.
#![no_std]

use core::ptr::addr_of_mut;

const INPUT_BYTES: usize = 1024;
const OUTPUT_BYTES: usize = 2048;

static mut INPUT: [u8; INPUT_BYTES] = [0; INPUT_BYTES];
static mut OUTPUT: [u8; OUTPUT_BYTES] = [0; OUTPUT_BYTES];

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

#[no_mangle]
pub extern "C" fn input_ptr() -> *mut u8 {
    addr_of_mut!(INPUT).cast()
}

#[no_mangle]
pub extern "C" fn output_ptr() -> *mut u8 {
    addr_of_mut!(OUTPUT).cast()
}

/// The two buffers for one call; JS never runs while wasm does, so no other borrow exists.
fn buffers(len: usize) -> Option<(&'static [u8], &'static mut [u8; OUTPUT_BYTES])> {
    // SAFETY: single-threaded wasm, one call at a time; JS only touches the buffers between calls.
    let (input, output) = unsafe { (&*addr_of_mut!(INPUT), &mut *addr_of_mut!(OUTPUT)) };
    Some((input.get(..len)?, output))
}

struct Out<'a> {
    buf: &'a mut [u8; OUTPUT_BYTES],
    len: usize,
}

impl Out<'_> {
    fn push(&mut self, byte: u8) -> Option<()> {
        *self.buf.get_mut(self.len)? = byte;
        self.len += 1;
        Some(())
    }

    fn extend(&mut self, bytes: &[u8]) -> Option<()> {
        self.buf
            .get_mut(self.len..self.len + bytes.len())?
            .copy_from_slice(bytes);
        self.len += bytes.len();
        Some(())
    }

    fn zeros(&mut self, n: usize) -> Option<()> {
        self.buf.get_mut(self.len..self.len + n)?.fill(b'0');
        self.len += n;
        Some(())
    }
}

fn split_sign(text: &[u8]) -> (bool, &[u8]) {
    match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    }
}

fn trim_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    &digits[zeros..]
}

/// Smallest units -> decimal text with at most `max` and at least `min` fraction digits,
/// truncated. Returns the output length, or -1 for input that is not `-?[0-9]+`.
#[no_mangle]
pub extern "C" fn format(len: usize, decimals: usize, max: usize, min: usize) -> i32 {
    format_inner(len, decimals, max, min).map_or(-1, |n| n as i32)
}

fn format_inner(len: usize, decimals: usize, max: usize, min: usize) -> Option<usize> {
    let (input, buf) = buffers(len)?;
    let (negative, digits) = split_sign(input);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let digits = trim_leading_zeros(digits);
    // The fraction is `frac_zeros` implicit zeros, then `frac`: `decimals` digits in all.
    let (int, frac_zeros, frac) = match digits.len().checked_sub(decimals) {
        Some(cut) => (&digits[..cut], 0, &digits[cut..]),
        None => (&b""[..], decimals - digits.len(), digits),
    };
    let keep = max.min(decimals);
    let kept = &frac[..keep.saturating_sub(frac_zeros)];
    let trailing = kept.iter().rev().take_while(|&&d| d == b'0').count();
    let significant = match kept.len() - trailing {
        0 => 0,
        n => frac_zeros + n,
    };
    let shown = significant.max(min.min(max));
    let mut out = Out { buf, len: 0 };
    if negative && !(int.is_empty() && significant == 0) {
        out.push(b'-')?;
    }
    if int.is_empty() {
        out.push(b'0')?;
    } else {
        out.extend(int)?;
    }
    if shown > 0 {
        out.push(b'.')?;
        let zeros = frac_zeros.min(shown);
        out.zeros(zeros)?;
        let from_kept = (shown - zeros).min(kept.len());
        out.extend(&kept[..from_kept])?;
        out.zeros(shown - zeros - from_kept)?;
    }
    Some(out.len)
}

/// Decimal text -> smallest units; -1 for malformed text or more fraction digits than `decimals`.
#[no_mangle]
pub extern "C" fn parse(len: usize, decimals: usize) -> i32 {
    parse_inner(len, decimals).map_or(-1, |n| n as i32)
}

fn parse_inner(len: usize, decimals: usize) -> Option<usize> {
    let (input, buf) = buffers(len)?;
    let (negative, body) = split_sign(input);
    let point = body.iter().position(|&b| b == b'.');
    let (int, frac) = match point {
        Some(at) => (&body[..at], &body[at + 1..]),
        None => (body, &b""[..]),
    };
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if (int.is_empty() && frac.is_empty())
        || !all_digits(int)
        || !all_digits(frac)
        || frac.len() > decimals
    {
        return None;
    }
    let int = trim_leading_zeros(int);
    let mut out = Out { buf, len: 0 };
    if negative {
        out.push(b'-')?;
    }
    if int.is_empty() {
        let frac = trim_leading_zeros(frac);
        if frac.is_empty() {
            out.len = 0;
            out.push(b'0')?;
            return Some(out.len);
        }
        out.extend(frac)?;
    } else {
        out.extend(int)?;
        out.extend(frac)?;
    }
    out.zeros(decimals - frac.len())?;
    Some(out.len)
}
