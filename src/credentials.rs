//! The StreamPay `x-api-key` token: the dashboard shows it ready-made (base64 of
//! `api-key:api-secret`), or a client builds it from the key id and secret.

use crate::prelude::*;

use crate::error::{Result, StreamError};

/// The token for a key id and its secret. Neither may contain `:` in the id (the separator) or
/// be empty; nothing of either appears in a message.
pub fn api_key_token(key_id: &str, secret: &str) -> Result<String> {
    if key_id.trim().is_empty() || secret.trim().is_empty() {
        return Err(StreamError::invalid_argument(
            "apiKeyId and apiSecret must both be non-empty strings",
        ));
    }
    if key_id.contains(':') {
        return Err(StreamError::invalid_argument(
            "apiKeyId must not contain ':' (it separates the id from the secret in the token)",
        ));
    }
    let plain = cat!(key_id, ":", secret);
    Ok(base64(plain.as_bytes()))
}

/// Standard base64 with padding (RFC 4648, section 4). Written out because the `base64` crate's
/// `encode` unwraps (its error's `Debug` kept `core::fmt` in the `.wasm`) and its fast path
/// weighs 4.8 KB for a token made once per client; it checks this one in the tests.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let group = byte(0) << 16 | byte(1) << 8 | byte(2);
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ALPHABET[(group >> (18 - 6 * i)) as usize & 63])
            } else {
                '='
            });
        }
    }
    out
}

/// The token from the client's options: `apiKey` (the token itself) or both `apiKeyId` and
/// `apiSecret`, never a mix; nothing given leaves the token empty, which [`check_token`] refuses.
pub fn token_from(
    api_key: Option<String>,
    key_id: Option<String>,
    secret: Option<String>,
) -> Result<String> {
    let token =
        match (api_key, key_id, secret) {
            (Some(token), None, None) => token,
            (None, Some(id), Some(secret)) => api_key_token(&id, &secret)?,
            (None, None, None) => String::new(),
            _ => return Err(StreamError::invalid_argument(
                "StreamPayClient options: give either apiKey (the token the dashboard shows) or \
                 both apiKeyId and apiSecret",
            )),
        };
    check_token(&token)?;
    Ok(token)
}

/// Checks a ready-made token: a header value of visible ASCII (base64 is).
pub fn check_token(token: &str) -> Result<()> {
    if token.trim().is_empty() {
        return Err(StreamError::invalid_argument(
            "StreamPayClient options.apiKey is required (the API key token the dashboard shows), \
             or apiKeyId and apiSecret",
        ));
    }
    if token.chars().any(|c| !c.is_ascii_graphic()) {
        return Err(StreamError::invalid_argument(
            "StreamPayClient options.apiKey contains spaces, control or non-ASCII characters",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_documented_token() {
        assert_eq!(
            api_key_token("test-key", "test-secret").unwrap(),
            "dGVzdC1rZXk6dGVzdC1zZWNyZXQ="
        );
    }

    #[test]
    fn encodes_as_the_base64_crate_does() {
        use base64::Engine;
        let mut rng = crate::test_rng::Xorshift(0x9e37_79b9_7f4a_7c15);
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let expected = base64::engine::general_purpose::STANDARD.encode(&bytes);
            assert_eq!(super::base64(&bytes), expected, "{bytes:?}");
        }
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64("é:ü".as_bytes()), "w6k6w7w=");
    }

    #[test]
    fn one_way_to_give_credentials() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(token_from(s("dG9rZW4="), None, None).unwrap(), "dG9rZW4=");
        assert_eq!(
            token_from(None, s("test-key"), s("test-secret")).unwrap(),
            "dGVzdC1rZXk6dGVzdC1zZWNyZXQ="
        );
        assert!(token_from(s("dG9rZW4="), s("id"), None).is_err());
        assert!(token_from(None, s("id"), None).is_err());
        assert!(token_from(None, None, None).is_err());
    }

    #[test]
    fn refuses_what_would_make_a_wrong_token_without_echoing_it() {
        let err = api_key_token("a:b", "very-secret").unwrap_err();
        assert!(!err.message.contains("very-secret"));
        assert!(api_key_token("", "x").is_err());
        assert!(check_token(" ").is_err());
        let err = check_token("sécret").unwrap_err();
        assert!(!err.message.contains("sécret"));
        assert!(check_token("dGVzdA==").is_ok());
    }
}
