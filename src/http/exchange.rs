//! One HTTP exchange as plain data.

use super::errors::error_for_status;
use crate::error::{Result, StreamError};
use crate::json::{decode, Decoded, Shape};
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
        }
    }

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

    /// The body of a 2xx response rewritten for JS as `shape` says, or the `StreamError` the
    /// response stands for. Decode errors read `"<API> answered GET /path with ..."`.
    pub fn decode(&self, response: &HttpResponse, now_ms: f64, shape: &Shape) -> Result<Decoded> {
        if !(200..300).contains(&response.status) {
            return Err(error_for_status(self, response, now_ms));
        }
        decode(&response.body, shape).map_err(|e| {
            let message = cat!(
                self.api.name(),
                " answered ",
                self.method.as_str(),
                " ",
                self.path_only(),
                " with ",
                e.message
            );
            StreamError { message, ..e }
                .with_status(response.status)
                .with_request_id(response.request_id.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::models::{GATEWAY_PAYMENT, PAYMENT_PAGE};

    fn answer(body: &str) -> Result<Decoded> {
        let req = HttpRequest::get(Api::Gateway, "/api/v1/payment/abc?x=1".into());
        let resp = HttpResponse {
            status: 200,
            request_id: Some("r1".into()),
            body: body.into(),
            ..Default::default()
        };
        req.decode(&resp, 0.0, &GATEWAY_PAYMENT)
    }

    #[test]
    fn unreadable_bodies_say_why() {
        for (body, says) in [
            ("", "the body is empty"),
            ("  \n", "the body is empty"),
            (
                "<html>oops</html>",
                "it is an HTML page, not JSON (a proxy or error page?)",
            ),
            (
                "{\"payment_id\":",
                "the JSON ends early (line 1, column 14); the response was cut off",
            ),
            ("{\"a\":1,}", "it is not valid JSON (line 1, column 8)"),
            (
                "{\"payment_id\":\"a\",\"status\":\"x\"}\n{}",
                "it is not valid JSON (line 2, column 1)",
            ),
        ] {
            let err = answer(body).unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode);
            assert_eq!(
                err.message,
                format!("Stream gateway answered GET /api/v1/payment/abc with a body that is not the documented JSON: {says}")
            );
            assert_eq!(
                (err.status, err.request_id.as_deref()),
                (Some(200), Some("r1"))
            );
        }
    }

    #[test]
    fn shape_errors_name_the_request_and_field() {
        let err = answer(r#"{"status":"pending"}"#).unwrap_err();
        assert_eq!(
            err.message,
            "Stream gateway answered GET /api/v1/payment/abc with gateway payment: field \"payment_id\" is missing"
        );
    }

    #[test]
    fn a_good_answer_comes_back_as_json_with_captures() {
        let d = answer(r#"{"payment_id":"a","status":"pending"}"#).unwrap();
        assert_eq!(d.captures.status(), Some("pending"));
        assert_eq!(
            d.json,
            r#"{"paymentId":"a","status":"pending","addresses":[]}"#
        );
        let req = HttpRequest::get(Api::StreamPay, "/api/v2/payments".into());
        let resp = HttpResponse {
            status: 200,
            body: r#"{"data":[],"pagination":{"has_next_page":true,"current_page":3}}"#.into(),
            ..Default::default()
        };
        let page = req.decode(&resp, 0.0, &PAYMENT_PAGE).unwrap();
        assert!(page.captures.has_next_page());
        assert_eq!(page.captures.current_page(), Some(3));
    }

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
