//! Three exports over plain numbers: `input(len)` gives a buffer for the body, `decode(len,
//! shape)` rewrites it (shape 0: a StreamPay page, 1: a gateway payment, 2: any object) and
//! returns the output's length (negative on an error), `output()` where the output starts.
//!
//! `no_std`, as the crate's `.wasm` is: the crate brings the panic handler and the allocator.
#![no_std]

extern crate alloc;

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;

use stream_payments::json::{decode as rewrite, ANY};
use stream_payments::models::{GATEWAY_PAYMENT, PAYMENT_PAGE};

/// The module is single-threaded and no export re-enters another, so one borrow at a time.
struct Buffers {
    input: UnsafeCell<Vec<u8>>,
    output: UnsafeCell<String>,
}

unsafe impl Sync for Buffers {}

static BUFFERS: Buffers = Buffers {
    input: UnsafeCell::new(Vec::new()),
    output: UnsafeCell::new(String::new()),
};

#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    // SAFETY: single-threaded; no other reference to the buffer is alive during an export.
    let buf = unsafe { &mut *BUFFERS.input.get() };
    buf.resize(len, 0);
    buf.as_mut_ptr()
}

#[no_mangle]
pub extern "C" fn output() -> *const u8 {
    // SAFETY: as in `input`.
    unsafe { &*BUFFERS.output.get() }.as_ptr()
}

#[no_mangle]
pub extern "C" fn decode(len: usize, shape: u32) -> isize {
    let shape = match shape {
        0 => &PAYMENT_PAGE,
        1 => &GATEWAY_PAYMENT,
        _ => &ANY,
    };
    // SAFETY: as in `input`.
    let (buf, out) = unsafe { (&*BUFFERS.input.get(), &mut *BUFFERS.output.get()) };
    let Ok(text) = core::str::from_utf8(buf.get(..len).unwrap_or_default()) else {
        return -1;
    };
    match rewrite(text, shape) {
        Ok(d) => {
            *out = d.json;
            out.len() as isize
        }
        Err(_) => -2,
    }
}
