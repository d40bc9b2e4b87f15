//! Reading an answer: a 2xx body rewritten for JS, anything else the error it stands for.

use super::errors::error_for_status;
use super::exchange::{HttpRequest, HttpResponse};
use crate::error::{Result, StreamError};
use crate::json::{decode, Decoded, Shape};

impl HttpRequest {
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
    use crate::http::Api;
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
        assert!(!page.captures.has_items());
    }
}
