//! Messages assembled from pieces, without `core::fmt`: `cat!("decimals is ", n, " here")` is
//! `format!("decimals is {n} here")` for the few kinds of piece messages hold. `core::fmt` and the
//! integer `Display`s it brings are about 30 KB of the `.wasm` (BENCHMARKS.md, "What is in each
//! .wasm"); `tests/js/build/no-fmt.test.mjs` keeps them out.

use crate::prelude::*;

/// Something a message can hold.
pub trait Piece {
    fn push_to(&self, out: &mut String);
}

/// `format!` without `core::fmt`: each argument is a [`Piece`], pushed in order.
#[macro_export]
macro_rules! cat {
    () => {
        $crate::prelude::String::new()
    };
    ($($piece:expr),+ $(,)?) => {{
        let mut out = $crate::prelude::String::new();
        $( $crate::text::Piece::push_to(&$piece, &mut out); )*
        out
    }};
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Box<str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for alloc::borrow::Cow<'_, str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

macro_rules! integers {
    ($push:ident as $wide:ty: $($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                $push(out, *self as $wide);
            }
        }
    )*};
}
integers!(push_u64 as u64: u8, u16, u32, u64, usize);
integers!(push_i64 as i64: i32, i64);

/// `n` in decimal digits.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// `n` in decimal digits, with a `-` when negative.
pub fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

/// `n` in decimal digits, as a new string (`n.to_string()`).
pub fn number(n: impl Piece) -> String {
    cat!(n)
}

/// Where `needle` first occurs in `hay`. Byte windows instead of `str::find(&str)`: core's
/// two-way searcher and the `str` slicing panic it carries are ~3 KB of the `.wasm` for texts
/// (URLs, error messages) a few dozen bytes long. A match of valid UTF-8 starts on a char boundary.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle)
}

/// `hay` with every `needle` (not empty) replaced by `with`, as `str::replace` does.
pub fn replace_all(hay: &str, needle: &str, with: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(at) = find(rest, needle).filter(|_| !needle.is_empty()) {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(at + needle.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_read_as_format_would_write_them() {
        let (s, n, c) = ("x", 42u32, 'é');
        assert_eq!(
            cat!("a ", s, " ", n, c, ' ', -7i64, " ", 0u8),
            format!("a {s} {n}{c} -7 0")
        );
        for v in [0, 1, 9, 10, 99, 100, u64::MAX] {
            assert_eq!(super::number(v), v.to_string());
        }
        for v in [i64::MIN, -1, 0, 1, i64::MAX] {
            assert_eq!(super::number(v), v.to_string());
        }
        assert_eq!(cat!(), "");
    }

    #[test]
    fn find_and_replace_all_answer_as_str_does() {
        let cases = [
            ("", ""),
            ("abc", ""),
            ("abc", "abc"),
            ("abcabc", "bc"),
            ("aaaa", "aa"),
            ("é-é-é", "é"),
            ("xé", "\u{a9}"),
            ("key=k3y&other=k3y", "k3y"),
            ("short", "longer than the text"),
        ];
        for (hay, needle) in cases {
            assert_eq!(
                super::find(hay, needle),
                hay.find(needle),
                "{hay:?} {needle:?}"
            );
            if !needle.is_empty() {
                assert_eq!(
                    super::replace_all(hay, needle, "[r]"),
                    hay.replace(needle, "[r]")
                );
            }
        }
    }
}
