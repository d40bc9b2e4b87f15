//! Constant-time comparison of digests, so the time a check takes says nothing about how many
//! leading bytes of a forged signature were right.

use core::hint::black_box;

/// Whether `a == b`, looking at every byte whatever the differences. Lengths are public, so a
/// length mismatch returns at once.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a
        .iter()
        .zip(b)
        .fold(0u8, |acc, (x, y)| acc | black_box(x ^ y));
    black_box(diff) == 0
}

/// Whether any candidate equals `expected`. Every candidate is compared (no early exit), so the
/// position of the matching one does not show either.
pub fn matches_any(expected: &[u8], candidates: &[impl AsRef<[u8]>]) -> bool {
    candidates.iter().fold(false, |found, c| {
        found | constant_time_eq(expected, c.as_ref())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_and_unequal() {
        assert!(constant_time_eq(b"", b""));
        assert!(constant_time_eq(&[7; 32], &[7; 32]));
        assert!(!constant_time_eq(&[7; 32], &[8; 32]));
        let mut last = [7u8; 32];
        last[31] ^= 1;
        assert!(!constant_time_eq(&[7; 32], &last));
        let mut first = [7u8; 32];
        first[0] ^= 0x80;
        assert!(!constant_time_eq(&[7; 32], &first));
    }

    #[test]
    fn length_mismatch_is_false() {
        assert!(!constant_time_eq(&[1, 2, 3], &[1, 2]));
        assert!(!constant_time_eq(&[], &[0]));
        assert!(!constant_time_eq(&[0; 32], &[0; 31]));
    }

    #[test]
    fn any_of_several() {
        let expected = [5u8; 32];
        assert!(matches_any(&expected, &[[1u8; 32], [5u8; 32]]));
        assert!(matches_any(&expected, &[[5u8; 32], [1u8; 32]]));
        assert!(!matches_any(&expected, &[[1u8; 32], [2u8; 32]]));
        let none: [[u8; 32]; 0] = [];
        assert!(!matches_any(&expected, &none));
    }
}
