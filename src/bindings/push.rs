//! Exports behind the shell's `verifyGatewayCallback`, `parseGatewayCallback` and
//! `verifyStreamPayWebhook` (`pkg/src/push.js`). The checks are `crate::push`'s; hashing is the
//! runtime's Web Crypto, which the shell calls with the message a check gives and hands the digest
//! back (sans-IO, like every call: no Rust future).

use crate::prelude::*;
mod convert;
mod options;

use wasm_bindgen::prelude::*;

use crate::error::StreamError;
use crate::push::gateway_callback::{GatewayCallback, GatewayCheck};
use crate::push::webhook::{WebhookCheck, WebhookEvent};

type JsResult<T> = Result<T, JsValue>;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "GatewayCallback")]
    #[derive(Debug, Clone)]
    pub type GatewayCallbackJs;
}

/// A gateway callback to verify (see `verifyGatewayCallback` in the `.d.ts`): `undefined` when
/// `payload` cannot verify whatever the digest (a missing field, a wrong type), which resolves
/// `false`; throws an `INVALID_ARGUMENT` when `secretKey` is not a non-empty string.
#[wasm_bindgen(js_name = gatewayCheck)]
pub fn gateway_check(payload: JsValue, secret_key: JsValue) -> JsResult<Option<RawPushCheck>> {
    let secret = convert::secret(&secret_key, "secretKey")?;
    let check = convert::callback_from_object(&payload)
        .and_then(|callback| GatewayCheck::new(&callback, &secret));
    Ok(check.map(|check| RawPushCheck {
        check: Check::Gateway(check),
    }))
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

/// A StreamPay webhook to verify (see `verifyStreamPayWebhook` in the `.d.ts`): every check that
/// needs no MAC is done here and throws its `StreamError` (`INVALID_ARGUMENT` for the caller's
/// arguments, `INVALID_SIGNATURE` for a bad header or a timestamp out of tolerance).
#[wasm_bindgen(js_name = webhookCheck)]
pub fn webhook_check(
    raw_body: JsValue,
    signature_header: JsValue,
    secret: JsValue,
    options: JsValue,
) -> JsResult<RawPushCheck> {
    convert::secret(&secret, "secret")?;
    let options = options::webhook_options(Some(options))?;
    let body = convert::raw_body(&raw_body, "webhook body")?;
    let header = convert::signature_header(&signature_header)?;
    let check = WebhookCheck::new(&header, &body, options.now_sec, options.tolerance_sec)?;
    Ok(RawPushCheck {
        check: Check::Webhook(check, body),
    })
}

/// A push notification to verify: what the shell hashes with Web Crypto (SHA-256 of a gateway
/// callback's documented text, with the secret inside; HMAC-SHA256 of a webhook's
/// `"<t>.<rawBody>"` keyed by the secret), and the verdict on the digest.
#[wasm_bindgen]
pub struct RawPushCheck {
    check: Check,
}

enum Check {
    Gateway(GatewayCheck),
    Webhook(WebhookCheck, Vec<u8>),
}

#[wasm_bindgen]
impl RawPushCheck {
    /// What to hash (a gateway message holds the secret key: hash it, never show it).
    #[wasm_bindgen(getter)]
    pub fn message(&self) -> Vec<u8> {
        match &self.check {
            Check::Gateway(check) => check.message().to_vec(),
            Check::Webhook(check, _) => check.message().to_vec(),
        }
    }

    /// A gateway callback: whether `digest` is its signature (constant time). A webhook: its
    /// event as JSON text when `digest` is one of the header's `v1` signatures; else throws
    /// `INVALID_SIGNATURE` (or `DECODE` for a verified body that is not an event).
    pub fn verdict(&self, digest: &[u8]) -> JsResult<JsValue> {
        match &self.check {
            Check::Gateway(check) => {
                whole(digest, "SHA-256")?;
                Ok(check.matches(digest).into())
            }
            Check::Webhook(check, body) => {
                whole(digest, "HMAC-SHA256")?;
                check.finish(digest)?;
                Ok(WebhookEvent::parse(body)?.json.into())
            }
        }
    }
}

/// A digest as long as SHA-256's, else the error of a Web Crypto that did not compute it.
fn whole(digest: &[u8], what: &str) -> JsResult<()> {
    if digest.len() == crate::push::DIGEST_LEN {
        Ok(())
    } else {
        Err(web_crypto_error(Some(what.to_string())))
    }
}

/// The error of a verification Web Crypto could not do: missing (`what` undefined) or failing
/// at `what`. It never carries the runtime's text, which could describe key material.
#[wasm_bindgen(js_name = webCryptoError)]
pub fn web_crypto_error(what: Option<String>) -> JsValue {
    let message = match what {
        None => "Web Crypto (globalThis.crypto.subtle) is not available here; verifying needs \
                 Node 20+ or a browser page served over https"
            .to_string(),
        Some(what) => cat!("Web Crypto could not compute ", what),
    };
    StreamError::invalid_argument(message).into()
}
