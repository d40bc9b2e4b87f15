//! Checks of request values beyond their JSON kind, shared by bodies and queries.

use super::shape::Check;
use crate::amount::digits::scan;
use crate::amount::escape;
use crate::error::{Result, StreamError};
use crate::prelude::*;
use crate::validate::path_id;

/// `value` of the argument `name` passes `check`, or an `INVALID_ARGUMENT` naming it.
pub fn check(check: Check, name: &str, value: &str) -> Result<()> {
    let refuse = |message: String| Err(StreamError::invalid_argument(message));
    match check {
        Check::None => Ok(()),
        Check::NonEmpty if value.trim().is_empty() => refuse(cat!(name, " must not be empty")),
        Check::NonEmpty => Ok(()),
        Check::OneOf(allowed) if allowed.contains(&value) => Ok(()),
        Check::OneOf(allowed) => {
            let got = escape(&value.chars().take(40).collect::<String>());
            match allowed {
                [a, b] => refuse(cat!(
                    name,
                    " must be \"",
                    a,
                    "\" or \"",
                    b,
                    "\", got \"",
                    got,
                    "\""
                )),
                _ => refuse(cat!(
                    name,
                    " must be one of ",
                    allowed.join(", "),
                    ", got \"",
                    got,
                    "\""
                )),
            }
        }
        Check::MaxChars(max) if value.chars().nth(max).is_some() => {
            refuse(cat!(name, " is longer than ", max, " characters"))
        }
        Check::MaxChars(_) => Ok(()),
        Check::Positive => positive(name, value),
        Check::PathId => path_id(value, name).map(drop),
        Check::Constant
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') =>
        {
            refuse(cat!(
                name,
                ": \"",
                escape(&value.chars().take(40).collect::<String>()),
                "\" is not a status like \"PENDING\""
            ))
        }
        Check::Constant => Ok(()),
    }
}

/// A decimal string (`-?digits(.digits)?`), as every amount sent must be.
pub fn decimal(name: &str, value: &str) -> Result<()> {
    scan(name, value, true).map(drop)
}

/// A decimal string above zero.
fn positive(name: &str, value: &str) -> Result<()> {
    let number = scan(name, value, true)?;
    let zero = number
        .int
        .iter()
        .chain(number.frac.unwrap_or_default())
        .all(|&d| d == b'0');
    if number.negative || zero {
        return Err(StreamError::invalid_argument(cat!(
            name,
            " must be more than zero, got \"",
            escape(&value.chars().take(40).collect::<String>()),
            "\""
        )));
    }
    Ok(())
}
