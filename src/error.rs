//! The one error type of the crate. The binding layer turns it into a JS `Error` whose
//! `name` is `"StreamError"`; see `bindings/error.rs`.

use std::fmt;

/// Stable, machine-readable error kinds (the `code` property in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    InvalidArgument,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Validation,
    RateLimited,
    Server,
    Network,
    Timeout,
    Decode,
    InvalidSignature,
}

impl ErrorCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::Unauthorized => "UNAUTHORIZED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::Conflict => "CONFLICT",
            Self::Validation => "VALIDATION",
            Self::RateLimited => "RATE_LIMITED",
            Self::Server => "SERVER",
            Self::Network => "NETWORK",
            Self::Timeout => "TIMEOUT",
            Self::Decode => "DECODE",
            Self::InvalidSignature => "INVALID_SIGNATURE",
        }
    }

    /// Whether trying the same call again may succeed.
    pub const fn is_retryable(self) -> bool {
        matches!(
            self,
            Self::RateLimited | Self::Server | Self::Network | Self::Timeout
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every failure of the crate. `message` says what went wrong in words a person can act on and
/// never contains a credential.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct StreamError {
    pub code: ErrorCode,
    pub message: String,
    /// HTTP status, when there was a response.
    pub status: Option<u16>,
    pub retryable: bool,
    /// From the `x-request-id` response header.
    pub request_id: Option<String>,
    /// The parsed error body, when there was one. Boxed, like `details`, to keep the error
    /// small: it travels in every `Result` of the crate.
    pub body: Option<Box<serde_json::Value>>,
    /// How long the server asked us to wait (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// Further properties for the JS error, camelCase (e.g. `paymentIds` of a refund refused
    /// because the payment was paid together with others).
    pub details: Option<Box<serde_json::Map<String, serde_json::Value>>>,
}

impl StreamError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            status: None,
            retryable: code.is_retryable(),
            request_id: None,
            body: None,
            retry_after_ms: None,
            details: None,
        }
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, message)
    }

    pub fn decode(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Decode, message)
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    pub fn with_body(mut self, body: Option<serde_json::Value>) -> Self {
        self.body = body.map(Box::new);
        self
    }

    pub fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    pub fn with_detail(mut self, key: &str, value: serde_json::Value) -> Self {
        self.details
            .get_or_insert_with(Default::default)
            .insert(key.to_string(), value);
        self
    }

    pub fn with_retry_after_ms(mut self, retry_after_ms: Option<u64>) -> Self {
        self.retry_after_ms = retry_after_ms;
        self
    }
}

pub type Result<T, E = StreamError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_follows_the_code() {
        assert!(StreamError::new(ErrorCode::Server, "x").retryable);
        assert!(StreamError::new(ErrorCode::RateLimited, "x").retryable);
        assert!(!StreamError::new(ErrorCode::NotFound, "x").retryable);
        assert!(!StreamError::invalid_argument("x").retryable);
    }

    #[test]
    fn codes_are_the_documented_strings() {
        assert_eq!(ErrorCode::InvalidArgument.as_str(), "INVALID_ARGUMENT");
        assert_eq!(ErrorCode::InvalidSignature.to_string(), "INVALID_SIGNATURE");
        assert_eq!(StreamError::decode("bad body").to_string(), "bad body");
    }
}
