//! Exports behind the shell's `verifyGatewayCallback`, `parseGatewayCallback` and
//! `verifyStreamPayWebhook` (`pkg/src/push.js`). The checks are `crate::push`'s; hashing is the
//! runtime's Web Crypto, which the shell calls with the message a check gives and hands the digest
//! back (sans-IO, like every call: no Rust future).

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
pub fn gateway_check(payload: JsValue, secret_key: JsValue) -> JsResult<Option<RawGatewayCheck>> {
    let secret = convert::secret(&secret_key, "secretKey")?;
    let check = convert::callback_from_object(&payload)
        .and_then(|callback| GatewayCheck::new(&callback, &secret));
    Ok(check.map(|check| RawGatewayCheck { check }))
}

/// The documented SHA-256 input of a callback, and the signature its digest must equal.
#[wasm_bindgen]
pub struct RawGatewayCheck {
    check: GatewayCheck,
}

#[wasm_bindgen]
impl RawGatewayCheck {
    /// What to hash with SHA-256 (it holds the secret key: hash it, never show it).
    #[wasm_bindgen(getter)]
    pub fn message(&self) -> Vec<u8> {
        self.check.message().to_vec()
    }

    /// Whether the SHA-256 `digest` of `message` is the callback's signature (constant time).
    pub fn matches(&self, digest: &[u8]) -> JsResult<bool> {
        whole(digest, "SHA-256")?;
        Ok(self.check.matches(digest))
    }
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
) -> JsResult<RawWebhookCheck> {
    convert::secret(&secret, "secret")?;
    let options = options::webhook_options(Some(options))?;
    let body = convert::raw_body(&raw_body, "webhook body")?;
    let header = convert::signature_header(&signature_header)?;
    let check = WebhookCheck::new(&header, &body, options.now_sec, options.tolerance_sec)?;
    Ok(RawWebhookCheck { check, body })
}

/// The `"<t>.<rawBody>"` a webhook's HMAC covers, and what it must equal.
#[wasm_bindgen]
pub struct RawWebhookCheck {
    check: WebhookCheck,
    body: Vec<u8>,
}

#[wasm_bindgen]
impl RawWebhookCheck {
    /// What to sign with HMAC-SHA256 keyed by the secret.
    #[wasm_bindgen(getter)]
    pub fn message(&self) -> Vec<u8> {
        self.check.message().to_vec()
    }

    /// The event as JSON text when `mac` is one of the header's `v1` signatures; else throws
    /// `INVALID_SIGNATURE` (or `DECODE` for a verified body that is not an event).
    pub fn finish(&self, mac: &[u8]) -> JsResult<String> {
        whole(mac, "HMAC-SHA256")?;
        self.check.finish(mac)?;
        Ok(WebhookEvent::parse(&self.body)?.json)
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
        Some(what) => format!("Web Crypto could not compute {what}"),
    };
    StreamError::invalid_argument(message).into()
}
