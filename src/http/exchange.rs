//! One HTTP exchange as plain data.

use crate::json::QuerySpec;
use crate::prelude::*;

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
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// Only GET is retried: the APIs have no idempotency keys, so a repeated POST could pay or
    /// refund twice (and a repeated DELETE or PUT may answer differently the second time).
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
    /// How the query of `path` was written, so the hooks' URL shows the values it may
    /// (`shown_url`); `None` for a request without one.
    pub query: Option<&'static QuerySpec>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    pub status: u16,
    pub request_id: Option<String>,
    pub retry_after: Option<String>,
    /// The runtime's reading of `retry_after` as a date (ms since the epoch); see `retry_after`.
    pub retry_after_date_ms: Option<f64>,
    pub content_type: Option<String>,
    pub body: String,
}

impl HttpRequest {
    pub fn new(api: Api, method: Method, path: String, body: Option<String>) -> Self {
        Self {
            api,
            method,
            path,
            body,
            query: None,
        }
    }

    pub fn get(api: Api, path: String) -> Self {
        Self {
            api,
            method: Method::Get,
            path,
            body: None,
            query: None,
        }
    }

    /// The same request, its query written by `spec`.
    pub fn with_query(self, spec: Option<&'static QuerySpec>) -> Self {
        Self {
            query: spec,
            ..self
        }
    }

    /// The path without its query, for messages (queries may hold search terms).
    pub fn path_only(&self) -> &str {
        self.path.split('?').next().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_get_is_retry_safe() {
        for m in [Method::Post, Method::Put, Method::Patch, Method::Delete] {
            assert!(!m.is_retry_safe(), "{}", m.as_str());
        }
        assert!(Method::Get.is_retry_safe());
        let r = HttpRequest::new(Api::StreamPay, Method::Delete, "/x".into(), None);
        assert_eq!((r.method.as_str(), r.body), ("DELETE", None));
    }
}
