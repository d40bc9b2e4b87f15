//! Header values blanked out of any text a runtime or a URL may quote.

use crate::prelude::*;

/// `text` with the value of every header sent (the API key among them) blanked out: a `fetch`
/// (or a wrapper of it) may quote the request's headers in its error message.
pub fn redact(text: &str, headers: &[(String, String)]) -> String {
    let mut text = text.to_string();
    for (_, value) in headers {
        let value = value.trim();
        if value.len() >= 4 && crate::text::find(&text, value).is_some() {
            text = crate::text::replace_all(&text, value, "[redacted]");
        }
    }
    text
}
