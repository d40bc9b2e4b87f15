//! The three forms of an HTTP date (RFC 9110 section 5.6.7), recognised by their text alone: which
//! instant one names is read by the runtime (`Date.parse`, see `retry_after`).

const DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
const LONG_DAYS: [&[u8]; 7] = [
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
    b"Sunday",
];
const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate), `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) or
/// `Sun Nov  6 08:49:37 1994` (asctime), with a day of the month and a time of day in range.
pub fn is_http_date(text: &str) -> bool {
    let t = text.as_bytes();
    if fits(t, b"aaa, DD aaa DDDD DD:DD:DD GMT") {
        return DAYS.contains(&&t[..3]) && date(&t[5..7], &t[8..11]) && time(&t[17..25]);
    }
    if fits(t, b"aaa aaa dD DD:DD:DD DDDD") {
        return DAYS.contains(&&t[..3]) && date(&t[8..10], &t[4..7]) && time(&t[11..19]);
    }
    let Some(comma) = t.iter().position(|&b| b == b',') else {
        return false;
    };
    let (day, rest) = t.split_at(comma);
    LONG_DAYS.contains(&day)
        && fits(rest, b", DD-aaa-DD DD:DD:DD GMT")
        && date(&rest[2..4], &rest[5..8])
        && time(&rest[12..20])
}

/// `D` a digit, `d` a digit or a space, `a` a letter, anything else itself.
fn fits(text: &[u8], template: &[u8]) -> bool {
    text.len() == template.len()
        && text.iter().zip(template).all(|(&b, &t)| match t {
            b'D' => b.is_ascii_digit(),
            b'd' => b.is_ascii_digit() || b == b' ',
            b'a' => b.is_ascii_alphabetic(),
            _ => b == t,
        })
}

fn number(two: &[u8]) -> u8 {
    two.iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0, |n, b| n * 10 + (b - b'0'))
}

fn date(day: &[u8], month: &[u8]) -> bool {
    (1..=31).contains(&number(day)) && MONTHS.contains(&month)
}

/// `HH:MM:SS`; a leap second is allowed.
fn time(t: &[u8]) -> bool {
    number(&t[..2]) <= 23 && number(&t[3..5]) <= 59 && number(&t[6..8]) <= 60
}

#[cfg(test)]
mod tests {
    use super::is_http_date;

    #[test]
    fn the_three_forms() {
        for good in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun Nov 16 08:49:37 1994",
            "Wednesday, 31-Dec-99 23:59:60 GMT",
        ] {
            assert!(is_http_date(good), "{good}");
        }
    }

    #[test]
    fn anything_else() {
        for bad in [
            "",
            "3",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nox 1994 08:49:37 GMT",
            "Sux, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:49:37 GMT",
            "Sun, 06 Nov 1994 08:60:37 GMT",
            "Sun, 06 Nov 1994 08:49:61 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Sunday, 06 Nov 1994 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994 GMT",
            "Sun Nov 6 08:49:37 1994",
            "Funday, 06-Nov-94 08:49:37 GMT",
            "Sunday,",
            "2024-01-01",
            "-1",
        ] {
            assert!(!is_http_date(bad), "{bad}");
        }
    }
}
