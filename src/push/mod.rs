//! Verifying push notifications: the gateway's signed callbacks and StreamPay's signed webhooks.
//!
//! Everything here is plain Rust. The hashing itself (SHA-256, HMAC-SHA256) is done by Web Crypto
//! in the binding layer, so this core only builds the exact bytes that are hashed, parses what
//! arrives and compares digests in constant time.

use crate::prelude::*;
pub mod compare;
pub mod fields;
pub mod freshness;
pub mod gateway_callback;
pub mod hex;
pub mod signature_header;
pub mod webhook;

use crate::error::{ErrorCode, StreamError};

/// Largest raw body verified or parsed. Deliveries are a few KB; the cap keeps a hostile body
/// from exhausting wasm memory, which would abort the module for every later call.
pub const MAX_BODY_BYTES: usize = 4 << 20;

/// Length of a SHA-256 digest (and so of both signatures), in bytes.
pub const DIGEST_LEN: usize = 32;

pub type Digest = [u8; DIGEST_LEN];

pub(crate) fn invalid_signature(message: impl Into<String>) -> StreamError {
    StreamError::new(ErrorCode::InvalidSignature, message)
}
