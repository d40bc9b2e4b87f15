//! One HTTP exchange as plain data.

use serde_json::Value;

use super::errors::error_for_status;
use crate::error::{Result, StreamError};

/// Which API answered; error messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    Gateway,
    StreamPay,
}

impl Api {
    pub const fn name(self) -> &'static str {
        match self {
            Self::Gateway => "Stream gateway",
            Self::StreamPay => "StreamPay API",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Patch => "PATCH",
        }
    }

    /// Only GET is retried: the APIs have no idempotency keys, so a repeated POST could pay or
    /// refund twice.
    pub const fn is_retry_safe(self) -> bool {
        matches!(self, Self::Get)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub api: Api,
    pub method: Method,
    /// Path and query, e.g. `/api/v1/payment/abc`; joined to the base URL by the caller.
    pub path: String,
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    pub status: u16,
    pub request_id: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    pub body: String,
}

impl HttpRequest {
    pub fn get(api: Api, path: String) -> Self {
        Self {
            api,
            method: Method::Get,
            path,
            body: None,
        }
    }

    pub fn post(api: Api, path: String, body: String) -> Self {
        Self {
            api,
            method: Method::Post,
            path,
            body: Some(body),
        }
    }

    /// The path without its query, for messages (queries may hold search terms).
    pub fn path_only(&self) -> &str {
        self.path.split('?').next().unwrap_or_default()
    }

    /// The body of a 2xx response read by `model`, or the `StreamError` the response stands for.
    pub fn decode<T>(
        &self,
        response: &HttpResponse,
        now_ms: f64,
        model: impl FnOnce(Value) -> Result<T>,
    ) -> Result<T> {
        if !(200..300).contains(&response.status) {
            return Err(error_for_status(self, response, now_ms));
        }
        let value: Value = serde_json::from_str(&response.body).map_err(|e| {
            StreamError::decode(format!(
                "{} answered {} {} with a body that is not the documented JSON: {}",
                self.api.name(),
                self.method.as_str(),
                self.path_only(),
                describe_decode_error(&e, &response.body)
            ))
            .with_status(response.status)
            .with_request_id(response.request_id.clone())
        })?;
        model(value).map_err(|e| {
            let message = format!(
                "{} answered {} {} with {}",
                self.api.name(),
                self.method.as_str(),
                self.path_only(),
                e.message
            );
            StreamError { message, ..e }
                .with_status(response.status)
                .with_request_id(response.request_id.clone())
        })
    }
}

fn describe_decode_error(err: &serde_json::Error, body: &str) -> String {
    if body.trim().is_empty() {
        return "the body is empty".into();
    }
    if body.trim_start().starts_with('<') {
        return "it is an HTML page, not JSON (a proxy or error page?)".into();
    }
    // Line and column only: formatting serde_json's own message would link Rust's float
    // printing (about 14 KB of `.wasm`) for a message we never show.
    let (line, column) = (err.line(), err.column());
    if err.is_eof() {
        return format!(
            "the JSON ends early (line {line}, column {column}); the response was cut off"
        );
    }
    format!("it is not valid JSON (line {line}, column {column})")
}
