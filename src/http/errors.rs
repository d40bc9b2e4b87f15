//! The one place where an HTTP answer becomes a `StreamError`: code, retryability, message.

use super::retry_after::parse_retry_after_ms;
use super::{HttpRequest, HttpResponse};
use crate::amount::escape;
use crate::error::{ErrorCode, StreamError};
use crate::json::{raw, KeyCase, Raw};
use crate::prelude::*;

/// Longest piece of a server's own text quoted in a message.
const QUOTE_CHARS: usize = 300;

/// The error a non-2xx response stands for.
pub fn error_for_status(req: &HttpRequest, resp: &HttpResponse, now_ms: f64) -> StreamError {
    let body = raw::parse(&resp.body).ok();
    // As sent, but with integers past 2^53 as strings, like every number JS gets from us.
    let body_json = body.map(|b| b.rewrite(KeyCase::Keep));
    #[cfg(feature = "merchant")]
    if let Some(err) = body.and_then(|b| paid_together(req, resp, b)) {
        return err.with_body(body_json);
    }
    let (code, hint) = classify(resp.status);
    let server_says = body
        .and_then(server_message)
        .unwrap_or_else(|| describe_raw(&resp.body));
    let retry_after_ms = match code {
        ErrorCode::RateLimited | ErrorCode::Server => resp
            .retry_after
            .as_deref()
            .and_then(|v| parse_retry_after_ms(v, resp.retry_after_date_ms, now_ms)),
        _ => None,
    };
    let mut message = cat!(
        req.api.name(),
        " answered ",
        resp.status,
        " to ",
        req.method.as_str(),
        " ",
        req.path_only(),
        ": ",
        server_says
    );
    if !hint.is_empty() {
        message.push_str(". ");
        message.push_str(hint);
    }
    StreamError::new(code, message)
        .with_status(resp.status)
        .with_request_id(resp.request_id.clone())
        .with_body(body_json)
        .with_stream_code(body.and_then(domain_code))
        .with_retry_after_ms(retry_after_ms)
        // Only a 5xx is worth repeating; an unexpected 1xx/3xx will come back the same.
        .with_retryable(code.is_retryable() && resp.status >= 400)
}

/// StreamPay's 400 for a refund of a payment paid in one transaction with others: the caller
/// needs the related ids and total to decide whether to refund them all. Not in the checkout
/// build, which has no StreamPay client.
#[cfg(feature = "merchant")]
fn paid_together(req: &HttpRequest, resp: &HttpResponse, body: Raw<'_>) -> Option<StreamError> {
    if req.api != super::Api::StreamPay {
        return None;
    }
    let ids = body.get("payment_ids")?;
    let count = ids.items()?.len();
    let total = body.get("total_amount").filter(|t| !t.is_null());
    let total_text = total.and_then(Raw::scalar_text);
    let message = cat!(
        req.api.name(),
        " answered ",
        resp.status,
        " to ",
        req.method.as_str(),
        " ",
        req.path_only(),
        ": the payment was paid together with ",
        count,
        " payments",
        total_text
            .as_ref()
            .map(|t| cat!(" totalling ", t))
            .unwrap_or_default(),
        ". Pass \
         allowRefundMultipleRelatedPayments: true to refund them all (see error.paymentIds)"
    );
    let mut err = StreamError::new(ErrorCode::Conflict, message)
        .with_status(resp.status)
        .with_request_id(resp.request_id.clone())
        .with_stream_code(domain_code(body))
        .with_detail("paymentIds", ids.rewrite(KeyCase::Keep));
    if let Some(total) = total {
        // An amount: always a string, its digits as sent.
        let json = match total.number() {
            Some(number) => cat!("\"", number, "\""),
            None => total.rewrite(KeyCase::Keep),
        };
        err = err.with_detail("totalAmount", json);
    }
    Some(err)
}

/// HTTP status -> error code and a hint for the person reading the message.
fn classify(status: u16) -> (ErrorCode, &'static str) {
    match status {
        401 => (
            ErrorCode::Unauthorized,
            "Check the apiKey (base64 of \"api-key:api-secret\")",
        ),
        403 => (
            ErrorCode::Forbidden,
            "The credentials are valid but not allowed to do this",
        ),
        404 | 410 => (ErrorCode::NotFound, ""),
        408 => (ErrorCode::Timeout, ""),
        409 => (ErrorCode::Conflict, ""),
        429 => (
            ErrorCode::RateLimited,
            "Slow down; retried automatically for GET requests",
        ),
        400..=499 => (ErrorCode::Validation, ""),
        500..=599 => (ErrorCode::Server, ""),
        300..=399 => (
            ErrorCode::Server,
            "A redirect, not followed while the request carries credentials; check the baseUrl",
        ),
        _ => (ErrorCode::Server, "An unexpected status for this API"),
    }
}

/// The API's own error code: `{code}` or `{error: {code}}`.
fn domain_code(body: Raw<'_>) -> Option<String> {
    let text = |v: Raw<'_>| v.as_str().map(|s| s.into_owned());
    body.get("code")
        .and_then(text)
        .or_else(|| body.get("error")?.get("code").and_then(text))
}

/// What the documented error bodies say: 422 `detail[]`, domain `{code, message}` flat or
/// nested in `{error: {...}}`, `{error: "..."}`.
fn server_message(body: Raw<'_>) -> Option<String> {
    let field = |obj: Raw<'_>, key: &str| obj.get(key)?.as_str().map(|s| s.into_owned());
    if let Some(details) = body.get("detail").and_then(Raw::items) {
        // Pushed, not `join`ed: `[String]::join` would be one more copy of alloc's join code.
        let mut parts = String::new();
        for detail in details {
            if !parts.is_empty() {
                parts.push_str("; ");
            }
            parts.push_str(&validation_detail(detail));
        }
        if !parts.is_empty() {
            return Some(quote(&parts));
        }
    }
    let nested = body.get("error").filter(|e| e.is_object());
    let message = field(body, "message")
        .or_else(|| field(body, "detail"))
        .or_else(|| field(body, "error"))
        .or_else(|| nested.and_then(|e| field(e, "message")));
    match (domain_code(body), message) {
        (Some(code), Some(message)) => Some(quote(&cat!(code, ": ", message))),
        (None, Some(message)) => Some(quote(&message)),
        (Some(code), None) => Some(quote(&code)),
        (None, None) => None,
    }
}

fn validation_detail(detail: Raw<'_>) -> String {
    let msg = detail
        .get("msg")
        .and_then(Raw::as_str)
        .map_or_else(|| "invalid".to_string(), |m| m.into_owned());
    let mut loc = String::new();
    for part in detail.get("loc").and_then(Raw::items).unwrap_or_default() {
        let part = part
            .as_str()
            .map_or_else(|| part.text().to_string(), |s| s.into_owned());
        if part != "body" && part != "query" {
            if !loc.is_empty() {
                loc.push('.');
            }
            loc.push_str(&part);
        }
    }
    if loc.is_empty() {
        msg
    } else {
        cat!(loc, ": ", msg)
    }
}

fn describe_raw(body: &str) -> String {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        "an empty body".into()
    } else if trimmed.starts_with('<') {
        "an HTML page (a proxy or server error page)".into()
    } else {
        quote(trimmed)
    }
}

fn quote(text: &str) -> String {
    let head: String = text.chars().take(QUOTE_CHARS).collect();
    let more = if text.chars().nth(QUOTE_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    cat!("\"", escape(&head), "\"", more)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Api;

    fn answer(status: u16, body: &str) -> StreamError {
        let req = HttpRequest::get(Api::StreamPay, "/api/v2/payments/abc?search_term=x".into());
        let resp = HttpResponse {
            status,
            request_id: Some("req-1".into()),
            retry_after: Some("7".into()),
            retry_after_date_ms: None,
            content_type: None,
            body: body.into(),
        };
        error_for_status(&req, &resp, 0.0)
    }

    #[test]
    fn each_status_maps_to_its_code() {
        let cases = [
            (400, ErrorCode::Validation, false),
            (401, ErrorCode::Unauthorized, false),
            (403, ErrorCode::Forbidden, false),
            (404, ErrorCode::NotFound, false),
            (408, ErrorCode::Timeout, true),
            (409, ErrorCode::Conflict, false),
            (410, ErrorCode::NotFound, false),
            (422, ErrorCode::Validation, false),
            (429, ErrorCode::RateLimited, true),
            (500, ErrorCode::Server, true),
            (502, ErrorCode::Server, true),
            (503, ErrorCode::Server, true),
            (504, ErrorCode::Server, true),
            (302, ErrorCode::Server, false),
        ];
        for (status, code, retryable) in cases {
            let err = answer(status, "");
            assert_eq!(
                (err.code, err.retryable, err.status),
                (code, retryable, Some(status)),
                "{status}"
            );
            assert_eq!(err.request_id.as_deref(), Some("req-1"));
        }
    }

    #[test]
    fn a_redirect_is_named_and_not_retried() {
        let err = answer(302, "");
        assert_eq!((err.code, err.retryable), (ErrorCode::Server, false));
        assert!(err.message.contains("redirect"), "{}", err.message);
    }

    #[test]
    fn validation_details_name_the_fields() {
        let body = r#"{"detail":[{"loc":["body","payment_method"],"msg":"Input should be 'CASH'","type":"enum"},{"loc":["query","limit"],"msg":"too big","type":"x"}]}"#;
        let err = answer(422, body);
        assert!(
            err.message
                .contains("payment_method: Input should be 'CASH'; limit: too big"),
            "{}",
            err.message
        );
        let body: serde_json::Value = serde_json::from_str(&err.body.unwrap()).unwrap();
        assert_eq!(body["detail"][0]["type"], "enum");
    }

    #[test]
    fn domain_errors_show_code_and_message() {
        let err = answer(
            409,
            r#"{"code":"PAYMENT_FINALIZED","message":"already paid","additional_info":""}"#,
        );
        assert!(
            err.message.contains("\"PAYMENT_FINALIZED: already paid\""),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("GET /api/v2/payments/abc:"),
            "query left out: {}",
            err.message
        );
    }

    #[test]
    fn odd_bodies_are_described_not_dumped() {
        assert!(answer(502, "<html><body>Bad gateway</body></html>")
            .message
            .contains("HTML page"));
        assert!(answer(500, "").message.contains("empty body"));
        assert!(answer(500, &"x".repeat(5000)).message.len() < 600);
        assert!(answer(500, "{\"trunc").message.contains("{\\\"trunc"));
    }

    #[cfg(feature = "merchant")]
    #[test]
    fn paid_together_refunds_carry_the_related_payments() {
        let err = answer(
            400,
            r#"{"error":"paid together","payment_ids":["a","b"],"total_amount":"30.00"}"#,
        );
        assert_eq!(err.code, ErrorCode::Conflict);
        assert_eq!(err.detail("paymentIds"), Some(r#"["a","b"]"#));
        assert_eq!(err.detail("totalAmount"), Some(r#""30.00""#));
        assert!(
            err.message.contains("allowRefundMultipleRelatedPayments"),
            "{}",
            err.message
        );
    }

    #[test]
    fn retry_after_kept_only_where_it_means_something() {
        assert_eq!(answer(429, "").retry_after_ms, Some(7000));
        assert_eq!(answer(503, "").retry_after_ms, Some(7000));
        assert_eq!(answer(404, "").retry_after_ms, None);
    }

    #[test]
    fn domain_codes_flat_and_nested() {
        let flat = answer(
            409,
            r#"{"code":"PAYMENT_FINALIZED","message":"already paid"}"#,
        );
        assert_eq!(flat.stream_code.as_deref(), Some("PAYMENT_FINALIZED"));
        let nested = answer(
            400,
            r#"{"error":{"code":"PAYMENT_FINALIZED","message":"already paid","additional_info":{"x":1}}}"#,
        );
        assert_eq!(nested.stream_code.as_deref(), Some("PAYMENT_FINALIZED"));
        assert!(
            nested
                .message
                .contains("\"PAYMENT_FINALIZED: already paid\""),
            "{}",
            nested.message
        );
        assert_eq!(answer(500, r#"{"error":"boom"}"#).stream_code, None);
        assert!(answer(500, r#"{"error":"boom"}"#)
            .message
            .contains("\"boom\""));
    }

    #[test]
    fn the_body_is_json_text_with_big_integers_as_strings() {
        let err = answer(
            400,
            r#"{"detail":"x","n":123456789012345678901,"snake_key":1}"#,
        );
        assert_eq!(
            err.body.as_deref(),
            Some(r#"{"detail":"x","n":"123456789012345678901","snake_key":1}"#)
        );
        assert_eq!(answer(500, "not json").body, None);
    }

    #[cfg(feature = "merchant")]
    #[test]
    fn paid_together_with_a_number_total() {
        let err = answer(400, r#"{"payment_ids":["a"],"total_amount":30.50}"#);
        assert_eq!(err.detail("totalAmount"), Some(r#""30.50""#));
        assert!(err.message.contains("totalling 30.50"), "{}", err.message);
    }

    /// The refund answer is StreamPay's; the same body from the gateway is a plain 400.
    #[test]
    fn paid_together_is_only_streampay_s() {
        let req = HttpRequest::get(Api::Gateway, "/api/v1/payment/abc".into());
        let resp = HttpResponse {
            status: 400,
            request_id: None,
            retry_after: None,
            retry_after_date_ms: None,
            content_type: None,
            body: r#"{"payment_ids":["a"],"total_amount":"1.00"}"#.into(),
        };
        let err = error_for_status(&req, &resp, 0.0);
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.detail("paymentIds"), None);
    }
}
