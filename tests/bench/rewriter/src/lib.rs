//! Three exports over plain numbers: `input(len)` gives a buffer for the body, `decode(len,
//! shape)` rewrites it (shape 0: a StreamPay page, 1: a gateway payment, 2: any object) and
//! returns the output's length (negative on an error), `output()` where the output starts.
use std::cell::RefCell;

use stream_payments::json::{decode as rewrite, ANY};
use stream_payments::models::{GATEWAY_PAYMENT, PAYMENT_PAGE};

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|buf| {
        buf.resize(len, 0);
        buf.as_mut_ptr()
    })
}

#[no_mangle]
pub extern "C" fn output() -> *const u8 {
    OUTPUT.with_borrow(|out| out.as_ptr())
}

#[no_mangle]
pub extern "C" fn decode(len: usize, shape: u32) -> isize {
    let shape = match shape {
        0 => &PAYMENT_PAGE,
        1 => &GATEWAY_PAYMENT,
        _ => &ANY,
    };
    INPUT.with_borrow(|buf| {
        let Ok(text) = std::str::from_utf8(buf.get(..len).unwrap_or_default()) else {
            return -1;
        };
        match rewrite(text, shape) {
            Ok(d) => OUTPUT.with_borrow_mut(|out| {
                *out = d.json;
                out.len() as isize
            }),
            Err(_) => -2,
        }
    })
}
