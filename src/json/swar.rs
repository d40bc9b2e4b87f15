//! Finding the end of a run of string text eight bytes at a time (SWAR), for the lexer's
//! strings and keys and for the key table's comparisons.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags, in the high bit of each byte of `x`, the bytes that are `"`, `\\` or a control
/// byte. Each test flags the bytes equal to (below) its target, and the lowest flag of each
/// is exact (a false flag can only sit above a true one), so the lowest flag of their union is
/// the first special byte (SWAR: eight bytes at a time).
#[inline(always)]
fn special_in(x: u64) -> u64 {
    zero_in(x ^ (ONES * u64::from(b'"')))
        | zero_in(x ^ (ONES * u64::from(b'\\')))
        | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS)
}

/// Flags the zero bytes of `x` (exact up to the first one).
#[inline(always)]
fn zero_in(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The eight bytes at `pos`, when there are eight.
#[inline(always)]
pub(super) fn block_at(bytes: &[u8], pos: usize) -> Option<u64> {
    let block = bytes.get(pos..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*block))
}

/// Whether a byte ends a plain run of string text.
#[inline(always)]
fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The first position from `pos` of `"`, `\\` or a control byte (the length when none).
#[inline(always)]
pub(super) fn find_special(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(x) = block_at(bytes, pos) {
        let special = special_in(x);
        if special != 0 {
            return pos + (special.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(|&b| !is_special(b)) {
        pos += 1;
    }
    pos
}

/// [`find_special`], and whether a `_` comes before that position.
#[inline(always)]
pub(super) fn find_special_key(bytes: &[u8], mut pos: usize) -> (usize, bool) {
    let mut underscore = 0;
    while let Some(x) = block_at(bytes, pos) {
        let special = special_in(x);
        let under = zero_in(x ^ (ONES * u64::from(b'_')));
        if special != 0 {
            // Only the flags below the first special byte's.
            let stop = special.trailing_zeros();
            underscore |= under & ((1 << stop) - 1);
            return (pos + (stop / 8) as usize, underscore != 0);
        }
        underscore |= under;
        pos += 8;
    }
    let mut underscore = underscore != 0;
    while let Some(&b) = bytes.get(pos) {
        if is_special(b) {
            break;
        }
        underscore |= b == b'_';
        pos += 1;
    }
    (pos, underscore)
}
