//! Exports for verifying push notifications on a server: `verifyGatewayCallback`,
//! `parseGatewayCallback`, `verifyStreamPayWebhook`. The checks are in `crate::push`; hashing is
//! Web Crypto's.

mod convert;
mod options;
mod web_crypto;

use wasm_bindgen::prelude::*;

use crate::error::Result;
use crate::push::gateway_callback::{GatewayCallback, GatewayCheck};
use crate::push::webhook::{WebhookCheck, WebhookEvent};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "GatewayCallback")]
    #[derive(Debug, Clone)]
    pub type GatewayCallbackJs;
    #[wasm_bindgen(typescript_type = "WebhookEvent")]
    #[derive(Debug, Clone)]
    pub type WebhookEventJs;
    /// The options object as JS passed it; read by `args::options`, which checks every field.
    #[wasm_bindgen(typescript_type = "VerifyWebhookOptions")]
    pub type VerifyWebhookOptionsArg;
}

/// Verifies a crypto gateway callback: recomputes the documented SHA-256 (with `secretKey`
/// inside) and compares it with `payload.signature` in constant time.
///
/// `payload` is the callback as posted (snake_case keys, e.g. `JSON.parse(rawBody)`) or as
/// `parseGatewayCallback` returns it; prefer the latter, which keeps every digit of numeric
/// values. Resolves `false` on every mismatch, missing field or wrong type, whatever the payload.
/// Rejects only when `secretKey` is not a non-empty string or Web Crypto is missing (a
/// `StreamError` with code `INVALID_ARGUMENT`). Server side only: the secret must never reach
/// a browser.
#[wasm_bindgen(js_name = verifyGatewayCallback)]
pub async fn verify_gateway_callback(
    #[wasm_bindgen(unchecked_param_type = "object")] payload: JsValue,
    #[wasm_bindgen(js_name = secretKey, unchecked_param_type = "string")] secret_key: JsValue,
) -> Result<bool, JsValue> {
    Ok(verify_gateway_inner(&payload, &secret_key).await?)
}

async fn verify_gateway_inner(payload: &JsValue, secret_key: &JsValue) -> Result<bool> {
    let secret = convert::secret(secret_key, "secretKey")?;
    let check = convert::callback_from_object(payload)
        .and_then(|callback| GatewayCheck::new(&callback, &secret));
    let Some(check) = check else {
        return Ok(false);
    };
    let digest = web_crypto::sha256(check.message()).await?;
    Ok(check.matches(&digest))
}

/// Reads a gateway callback from its raw request body (a string, or the bytes as received),
/// keeping the exact text of every value, numbers included. Throws a `StreamError` with code
/// `DECODE` when the body is not JSON or a field is missing or not a string or number. It
/// does not verify anything: pass the result to `verifyGatewayCallback`.
#[wasm_bindgen(js_name = parseGatewayCallback)]
pub fn parse_gateway_callback(
    #[wasm_bindgen(js_name = rawBody, unchecked_param_type = "string | Uint8Array")]
    raw_body: JsValue,
) -> Result<GatewayCallbackJs, JsValue> {
    let body = convert::raw_body(&raw_body, "gateway callback body")?;
    let callback = GatewayCallback::parse(&body)?;
    Ok(convert::callback_to_js(&callback).unchecked_into())
}

/// Verifies a StreamPay webhook and resolves with its event.
///
/// `rawBody` must be the body exactly as received: a `Uint8Array`/`Buffer` is used byte for
/// byte, a string as its UTF-8 (a re-serialised `JSON.stringify` body never verifies).
/// `signatureHeader` is the `x-webhook-signature` header (`t=<unix>,v1=<hex>`, several `v1`
/// allowed). Checks, in order: the header is well-formed, `t` is within `toleranceSec` (default
/// 300) of now in either direction, one `v1` equals HMAC-SHA256(`secret`, `"<t>.<rawBody>"`)
/// (constant time). The first failure rejects with a `StreamError` of code `INVALID_SIGNATURE`
/// saying which check failed; a verified body that is not a JSON event rejects with `DECODE`. A
/// `secret` that is not a non-empty string, bad options, a `rawBody` of another type or missing
/// Web Crypto reject with `INVALID_ARGUMENT`. No message contains the secret.
#[wasm_bindgen(js_name = verifyStreamPayWebhook)]
pub async fn verify_stream_pay_webhook(
    #[wasm_bindgen(js_name = rawBody, unchecked_param_type = "string | Uint8Array")]
    raw_body: JsValue,
    #[wasm_bindgen(js_name = signatureHeader, unchecked_param_type = "string")]
    signature_header: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] secret: JsValue,
    options: Option<VerifyWebhookOptionsArg>,
) -> Result<WebhookEventJs, JsValue> {
    let options = options.map(JsValue::from);
    let event = verify_webhook_inner(&raw_body, &signature_header, &secret, options).await?;
    Ok(convert::event_to_js(&event)?.unchecked_into())
}

async fn verify_webhook_inner(
    raw_body: &JsValue,
    signature_header: &JsValue,
    secret: &JsValue,
    options: Option<JsValue>,
) -> Result<WebhookEvent> {
    let secret = convert::secret(secret, "secret")?;
    let options = options::webhook_options(options)?;
    let body = convert::raw_body(raw_body, "webhook body")?;
    let header = convert::signature_header(signature_header)?;
    let check = WebhookCheck::new(&header, &body, options.now_sec, options.tolerance_sec)?;
    let mac = web_crypto::hmac_sha256(secret.as_bytes(), check.message()).await?;
    check.finish(&mac)?;
    WebhookEvent::parse(&body)
}
