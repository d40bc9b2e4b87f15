//! Hex decoding of received signatures. Either case is accepted: the digits, not their case,
//! are what was signed over. Only public data passes through here, so timing does not matter.

/// Exactly `2 * N` hex digits -> `N` bytes; anything else (wrong length, a non-hex byte,
/// non-ASCII) is `None`.
pub fn decode_array<const N: usize>(text: &str) -> Option<[u8; N]> {
    let digits = text.as_bytes();
    if digits.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (slot, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let &[high, low] = pair else {
            return None;
        };
        *slot = (nibble(high)? << 4) | nibble(low)?;
    }
    Some(out)
}

fn nibble(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_both_cases() {
        assert_eq!(decode_array::<2>("00ff"), Some([0x00, 0xff]));
        assert_eq!(decode_array::<2>("A0fF"), Some([0xa0, 0xff]));
        assert_eq!(
            decode_array::<4>("0123abCD"),
            Some([0x01, 0x23, 0xab, 0xcd])
        );
    }

    #[test]
    fn refuses_wrong_length_and_non_hex() {
        for bad in [
            "", "0", "000", "00000", "0g", "g0", " 0", "0 ", "+1", "0x", "é0", "٣٣",
        ] {
            assert_eq!(decode_array::<2>(bad), None, "{bad:?}");
        }
        assert_eq!(decode_array::<1>("zz"), None);
        assert_eq!(decode_array::<32>(&"a".repeat(63)), None);
        assert_eq!(decode_array::<32>(&"a".repeat(65)), None);
        assert_eq!(decode_array::<32>(&"a".repeat(64)), Some([0xaa; 32]));
    }

    #[test]
    fn multibyte_text_of_the_right_byte_length_is_refused() {
        // 4 bytes of UTF-8, 2 chars: never split into "hex" pairs.
        assert_eq!(decode_array::<2>("éé"), None);
    }
}
