//! Byte-level twins of [`super::format_units`] and [`super::parse_units`] for the common case,
//! writing ASCII into a caller's fixed buffer with no allocation: the hot path behind the JS
//! shell's `formatUnits`/`parseUnits`. Anything outside that case (rounding that may round up,
//! grouping, other separators, malformed input, an answer that does not fit) gives `None`, and the
//! general functions then give the answer or the error. Tests hold both to the same results.

use super::digits::MAX_INPUT_CHARS;
use super::MAX_DECIMALS;

/// `amount` (`-?[0-9]+`) at `decimals`, cut toward zero to `max` fraction digits, at least `min`
/// of them shown, `.` as the point: the bytes written to `out`, or `None` (see the module doc).
///
/// Written as plain slice patterns and loops rather than iterator adapters: the `.wasm` is built
/// for size, where each adapter stays a call of its own, and this runs on every `formatUnits`.
pub fn format_truncated(
    amount: &[u8],
    decimals: u32,
    max: Option<u32>,
    min: u32,
    out: &mut [u8],
) -> Option<usize> {
    if decimals > MAX_DECIMALS || max.is_some_and(|m| m > MAX_DECIMALS) || min > MAX_DECIMALS {
        return None;
    }
    let (negative, mut digits) = split_sign(amount)?;
    if digits.is_empty() {
        return None;
    }
    for digit in digits {
        if !digit.is_ascii_digit() {
            return None;
        }
    }
    while let [b'0', rest @ ..] = digits {
        digits = rest;
    }
    let decimals = usize::try_from(decimals).ok()?;
    let min = usize::try_from(max.map_or(min, |max| min.min(max))).ok()?;
    let keep = max.map_or(Some(decimals), |max| usize::try_from(max).ok())?;
    let keep = keep.min(decimals);
    // The fraction is `frac_zeros` implicit zeros, then `frac`: `decimals` digits in all.
    let (int, frac_zeros, frac) = match digits.len().checked_sub(decimals) {
        Some(cut) => {
            let (int, frac) = digits.split_at_checked(cut)?;
            (int, 0, frac)
        }
        None => (&[][..], decimals.checked_sub(digits.len())?, digits),
    };
    let mut kept = frac.get(..keep.saturating_sub(frac_zeros))?;
    while let [rest @ .., b'0'] = kept {
        kept = rest;
    }
    let significant = if kept.is_empty() {
        0
    } else {
        frac_zeros.checked_add(kept.len())?
    };
    let shown = significant.max(min);
    let zeros = frac_zeros.min(shown);
    let from_kept = shown.checked_sub(zeros)?.min(kept.len());
    let padding = shown.checked_sub(zeros)?.checked_sub(from_kept)?;

    let sign = negative && !(int.is_empty() && significant == 0);
    let int = if int.is_empty() { b"0" } else { int };
    let point = usize::from(shown > 0);
    let total = usize::from(sign)
        .checked_add(int.len())?
        .checked_add(point)?
        .checked_add(shown)?;
    // One bounds check for the whole answer; then each byte goes to the next slot.
    let mut slots = out.get_mut(..total)?.iter_mut();
    let mut put = |byte: u8| {
        if let Some(slot) = slots.next() {
            *slot = byte;
        }
    };
    if sign {
        put(b'-');
    }
    for &digit in int {
        put(digit);
    }
    if point > 0 {
        put(b'.');
    }
    for _ in 0..zeros {
        put(b'0');
    }
    for &digit in kept.get(..from_kept)? {
        put(digit);
    }
    for _ in 0..padding {
        put(b'0');
    }
    Some(total)
}

/// `text` (`-?[0-9]*(.[0-9]*)?` with a digit, at most `decimals` fraction digits) in smallest
/// units: the bytes written to `out`, or `None` (see the module doc).
pub fn parse_exact(text: &[u8], decimals: u32, out: &mut [u8]) -> Option<usize> {
    if decimals > MAX_DECIMALS || text.len() > MAX_INPUT_CHARS {
        return None;
    }
    let decimals = usize::try_from(decimals).ok()?;
    let (negative, body) = split_sign(text)?;
    let (int, frac) = match body.iter().position(|&b| b == b'.') {
        Some(at) => (body.get(..at)?, body.get(at.checked_add(1)?..)?),
        None => (body, &[][..]),
    };
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let padding = decimals.checked_sub(frac.len())?;
    let int = trim_leading_zeros(int);
    let mut out = Writer { out, len: 0 };
    let significant = if int.is_empty() {
        trim_leading_zeros(frac)
    } else {
        frac
    };
    if int.is_empty() && significant.is_empty() {
        out.push(b'0')?;
        return Some(out.len);
    }
    if negative {
        out.push(b'-')?;
    }
    out.extend(int)?;
    out.extend(significant)?;
    out.zeros(padding)?;
    Some(out.len)
}

/// The sign and the rest; `None` when the text is longer than any accepted input.
fn split_sign(text: &[u8]) -> Option<(bool, &[u8])> {
    if text.len() > MAX_INPUT_CHARS {
        return None;
    }
    Some(match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    })
}

fn trim_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    digits.get(zeros..).unwrap_or_default()
}

/// Appends to a fixed buffer; every write is `None` once it would not fit.
struct Writer<'a> {
    out: &'a mut [u8],
    len: usize,
}

impl Writer<'_> {
    fn push(&mut self, byte: u8) -> Option<()> {
        *self.out.get_mut(self.len)? = byte;
        self.len = self.len.checked_add(1)?;
        Some(())
    }

    fn extend(&mut self, bytes: &[u8]) -> Option<()> {
        let end = self.len.checked_add(bytes.len())?;
        self.out.get_mut(self.len..end)?.copy_from_slice(bytes);
        self.len = end;
        Some(())
    }

    fn zeros(&mut self, count: usize) -> Option<()> {
        let end = self.len.checked_add(count)?;
        self.out.get_mut(self.len..end)?.fill(b'0');
        self.len = end;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::{format_units, parse_units, FormatOptions, Rounding};

    /// Deterministic xorshift.
    struct Gen(u64);

    impl Gen {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }

        fn text(&mut self, alphabet: &[u8], max_len: u64) -> String {
            let len = self.below(max_len + 1);
            (0..len)
                .map(|_| char::from(alphabet[self.below(alphabet.len() as u64) as usize]))
                .collect()
        }
    }

    fn fast_format(amount: &str, decimals: u32, max: Option<u32>, min: u32) -> Option<String> {
        let mut out = [0u8; 128];
        let n = format_truncated(amount.as_bytes(), decimals, max, min, &mut out)?;
        Some(String::from_utf8(out[..n].to_vec()).unwrap())
    }

    fn fast_parse(text: &str, decimals: u32) -> Option<String> {
        let mut out = [0u8; 128];
        let n = parse_exact(text.as_bytes(), decimals, &mut out)?;
        Some(String::from_utf8(out[..n].to_vec()).unwrap())
    }

    #[test]
    fn formatting_agrees_with_the_general_path_or_declines() {
        let mut gen = Gen(0x9E37_79B9_7F4A_7C15);
        let mut answered = 0;
        for _ in 0..50_000 {
            // Mostly well-formed amounts, some junk, some long enough not to fit.
            let amount = match gen.below(10) {
                0 => gen.text(b"-0123456789.e+ a", 12),
                1 => gen.text(b"0123456789", 140),
                _ => format!(
                    "{}{}",
                    ["", "-"][gen.below(2) as usize],
                    gen.text(b"0000123456789", 40)
                ),
            };
            let decimals = gen.below(40) as u32;
            let max = [None, Some(gen.below(45) as u32)][gen.below(2) as usize];
            let min = gen.below(30) as u32;
            let options = FormatOptions {
                max_fraction_digits: max,
                min_fraction_digits: min,
                rounding: Rounding::Trunc,
                ..FormatOptions::default()
            };
            let general = format_units(&amount, decimals, &options);
            if let Some(fast) = fast_format(&amount, decimals, max, min) {
                answered += 1;
                assert_eq!(Ok(fast), general, "{amount:?} at {decimals}, {max:?}/{min}");
            } else if let Ok(text) = general {
                assert!(
                    text.len() > 128,
                    "{amount:?} at {decimals} declined but gives {text}"
                );
            }
        }
        assert!(answered > 30_000, "the fast path answered only {answered}");
        assert_eq!(fast_format("-0", 6, None, 0).as_deref(), Some("0"));
        assert_eq!(fast_format("5", 0, None, 2).as_deref(), Some("5.00"));
        assert_eq!(fast_format("1", 256, None, 0), None);
    }

    #[test]
    fn parsing_agrees_with_the_general_path_or_declines() {
        let mut gen = Gen(0x2545_F491_4F6C_DD1D);
        let mut answered = 0;
        for _ in 0..50_000 {
            let text = match gen.below(10) {
                0 => gen.text(b"-0123456789..e+ ,a", 12),
                _ => format!(
                    "{}{}.{}",
                    ["", "-"][gen.below(2) as usize],
                    gen.text(b"00123456789", 20),
                    gen.text(b"01234567890", 30)
                ),
            };
            let decimals = gen.below(40) as u32;
            let general = parse_units(&text, decimals, None);
            if let Some(fast) = fast_parse(&text, decimals) {
                answered += 1;
                assert_eq!(Ok(fast), general, "{text:?} at {decimals}");
            } else if let Ok(units) = general {
                assert!(
                    units.len() > 128,
                    "{text:?} at {decimals} declined but gives {units}"
                );
            }
        }
        assert!(answered > 20_000, "the fast path answered only {answered}");
        assert_eq!(fast_parse("-0.000", 6).as_deref(), Some("0"));
        assert_eq!(fast_parse(".5", 3).as_deref(), Some("500"));
        assert_eq!(fast_parse("1.50", 1), None);
    }
}
