//! Checks on what callers put into URLs: ids that become path segments, and base URLs.

use crate::amount::escape;
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// Longest id accepted; real ids are 22 (gateway) or 36 (UUID) characters.
pub const MAX_ID_CHARS: usize = 128;

/// An id that goes into a URL path. Only `[A-Za-z0-9_.-]` passes, and no `..`, so an id can
/// never change the path, add a query or a fragment, or smuggle an escape.
pub fn path_id<'a>(id: &'a str, what: &str) -> Result<&'a str> {
    if id.is_empty() {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " must not be empty"
        )));
    }
    if id.len() > MAX_ID_CHARS {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " is ",
            id.chars().count(),
            " characters long; at most ",
            MAX_ID_CHARS,
            " are accepted"
        )));
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " \"",
            escape(&id.chars().take(40).collect::<String>()),
            "\" contains '",
            escape(&String::from(bad)),
            "'; ids are letters, digits, '-', '_' and '.'"
        )));
    }
    if crate::text::find(id, "..").is_some() {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " \"",
            escape(id),
            "\" contains \"..\""
        )));
    }
    Ok(id)
}

/// A base URL: `https://host[:port][/path]`, or `http://` for loopback hosts only. Returns it
/// without a trailing `/`. Credentials, queries and fragments are refused.
pub fn base_url(url: &str, what: &str) -> Result<String> {
    let refuse = |problem: &str| {
        StreamError::invalid_argument(cat!(
            what,
            " \"",
            escape(&without_userinfo(url).chars().take(100).collect::<String>()),
            "\" ",
            problem
        ))
    };
    let lower = url.to_ascii_lowercase();
    let (secure, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(refuse("must start with https://"));
    };
    if rest.contains(['?', '#']) {
        return Err(refuse("must not contain a query or fragment"));
    }
    if rest
        .chars()
        .any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
    {
        return Err(refuse("must not contain spaces or control characters"));
    }
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return Err(refuse("must not contain credentials; pass keys as options"));
    }
    let host = host_of(authority);
    if host.is_empty() {
        return Err(refuse("has no host"));
    }
    if !secure && !is_loopback(host) {
        return Err(refuse(
            "must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1])",
        ));
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// Whether `fetch` can send `value` as a header value: tab, visible ASCII, space and the
/// Latin-1 range (a byte string), and no other control character. Anything else would make
/// every request fail with a vague network error instead of one clear message up front.
pub fn header_value(value: &str) -> bool {
    value
        .chars()
        .all(|c| c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c))
}

/// `url` with any `user:password@` blanked out, so a refused URL can be quoted in a message.
fn without_userinfo(url: &str) -> String {
    // `get`, not indexing: no `str` slicing panic in the `.wasm` (crate::text::find).
    let start = crate::text::find(url, "://").map_or(0, |i| i + 3);
    let after = url.get(start..).unwrap_or_default();
    let authority = after
        .find(['/', '?', '#'])
        .map_or(after, |end| after.get(..end).unwrap_or_default());
    match authority.rfind('@') {
        Some(at) => cat!(
            url.get(..start).unwrap_or_default(),
            "***",
            after.get(at..).unwrap_or_default()
        ),
        None => url.to_string(),
    }
}

fn host_of(authority: &str) -> &str {
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().map_or("", |h| h);
    }
    authority.split(':').next().unwrap_or_default()
}

fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host.ends_with(".localhost") || host == "::1" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets.first() == Some(&"127")
        && octets
            .iter()
            .all(|o| !o.is_empty() && o.len() <= 3 && o.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn accepts_real_ids() {
        assert!(path_id("LqaUrQimtgTe9iF3Knv8Ld", "paymentId").is_ok());
        assert!(path_id("6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40", "paymentId").is_ok());
    }

    #[test]
    fn refuses_ids_that_would_change_the_url() {
        let long = "a".repeat(MAX_ID_CHARS + 1);
        for bad in [
            "", "a/b", "..", "a..b", "a?x=1", "a#f", "%2e%2e", "a\u{0}", "a b", "é", &long,
        ] {
            let err = path_id(bad, "paymentId").unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidArgument, "{bad}");
            assert!(err.message.starts_with("paymentId"), "{}", err.message);
        }
    }

    #[test]
    fn header_values_fetch_can_send() {
        for ok in ["", "abc", "Bearer x.y-z", "tab\there", "caf\u{e9}", "~!@#"] {
            assert!(header_value(ok), "{ok:?}");
        }
        for bad in [
            "a\nb",
            "a\rb",
            "a\0",
            "\u{7f}",
            "\u{1b}[31m",
            "\u{43a}\u{43b}",
            "\u{100}",
            "emoji \u{1f600}",
        ] {
            assert!(!header_value(bad), "{bad:?}");
        }
    }

    #[test]
    fn refused_base_urls_are_quoted_without_credentials() {
        for url in [
            "https://user:s3cr3t-key@host",
            "http://user:s3cr3t-key@example.com/x?q=1",
            "ftp://s3cr3t-key@127.0.0.1",
            "https://a@b:s3cr3t-key@host/p",
        ] {
            let err = base_url(url, "baseUrl").unwrap_err();
            assert!(!err.message.contains("s3cr3t-key"), "{}", err.message);
            assert!(err.message.contains("***@"), "{}", err.message);
        }
        assert_eq!(without_userinfo("https://h/p@q"), "https://h/p@q");
        assert_eq!(without_userinfo("u:p@h"), "***@h");
    }

    #[test]
    fn base_urls_must_be_https_unless_loopback() {
        assert_eq!(
            base_url("https://streampayments.app/", "baseUrl").unwrap(),
            "https://streampayments.app"
        );
        for ok in [
            "http://127.0.0.1:8787",
            "http://localhost:3000/x",
            "http://[::1]:9/",
            "HTTP://127.1.2.3",
        ] {
            assert!(base_url(ok, "baseUrl").is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "http://127.0.0.1.evil.com",
            "ftp://127.0.0.1",
            "streampayments.app",
            "https://user:pw@host",
            "https://host/?q=1",
            "https://",
            "https://ho st",
        ] {
            assert_eq!(
                base_url(bad, "baseUrl").unwrap_err().code,
                ErrorCode::InvalidArgument,
                "{bad}"
            );
        }
    }
}
