//! One call as a state machine its host drives (sans-IO). The host sends [`Call::url`] with
//! [`Call::method`], the endpoint's headers and [`Call::body`], then reports what came back
//! ([`Call::answered`]) or how the exchange broke ([`Call::failed`]); the [`Step`] it gets back
//! is the only legal next one: settled (with the outcome) or sleep and send again. The deadline
//! is kept here: the host arms one timer for [`Call::deadline_in_ms`] and, when it rings, asks
//! [`Call::timeout`]. Retries, the deadline's effect on them and every error text are decided
//! here; the host (the JS shell, with the runtime's `fetch` and timers) only does the I/O.

use crate::prelude::*;
use alloc::rc::Rc;

use super::redact::redact;
use super::{Deadline, HttpRequest, HttpResponse, RetryPolicy};
use crate::error::{ErrorCode, Result, StreamError};
use crate::json::{push_string, Decoded, Shape};
pub use crate::protocol::Broken;

/// A call's deadline when neither the client nor the call sets `timeoutMs`.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Where a client's requests go and how they are sent.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub base_url: String,
    /// Sent with every request. May hold a secret: never put into a message.
    pub headers: Rc<[(String, String)]>,
    pub timeout_ms: u32,
    pub retry: RetryPolicy,
}

impl Endpoint {
    /// A call of `req` whose answer reads as `answer`; `timeout_ms` overrides the endpoint's.
    pub fn call(
        &self,
        req: HttpRequest,
        answer: &'static Shape,
        timeout_ms: Option<u32>,
        now_ms: f64,
    ) -> Call {
        let timeout_ms = timeout_ms.unwrap_or(self.timeout_ms);
        Call {
            url: cat!(self.base_url, req.path),
            base_len: self.base_url.len(),
            req,
            secrets: self.headers.clone(),
            answer,
            retry: self.retry,
            timeout_ms,
            deadline: Deadline::after(timeout_ms, now_ms),
            attempt: 0,
            failed_with: None,
        }
    }

    /// The same endpoint without automatic retries: a poll loop is the retry, with its own
    /// backoff, and one poll must not hide a long retry sequence.
    pub fn without_retries(&self) -> Self {
        Self {
            retry: RetryPolicy {
                max_retries: 0,
                ..self.retry
            },
            ..self.clone()
        }
    }

    /// The request headers as a JSON object for `fetch`: `accept`, the caller's headers, and
    /// `content-type` when the request has a body.
    pub fn headers_json(&self, with_body: bool) -> String {
        let mut out = String::from("{\"accept\":\"application/json\"");
        let content_type = with_body.then_some(("content-type", "application/json"));
        let headers = self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        for (name, value) in headers.chain(content_type) {
            out.push(',');
            push_string(&mut out, name);
            out.push(':');
            push_string(&mut out, value);
        }
        out.push('}');
        out
    }

    /// Whether requests carry credentials: then `fetch` must not follow a redirect, which would
    /// repeat custom headers (`x-api-key`) to wherever it points; a 3xx is an error instead.
    pub fn carries_credentials(&self) -> bool {
        self.headers.iter().any(|(name, _)| {
            ["x-api-key", "authorization", "cookie"]
                .iter()
                .any(|c| name.eq_ignore_ascii_case(c))
        })
    }
}

/// What the host does after reporting an attempt: the only legal next step. A settled call
/// carries its outcome, so there is nothing to ask for later.
#[derive(Debug)]
pub enum Step {
    /// Over: the answer, or the error that ends the call.
    Settled(Result<Decoded>),
    /// Sleep this many milliseconds, then send the same request again.
    Retry(u64),
}

impl Step {
    /// The outcome of a settled step (tests: a retry panics).
    #[cfg(test)]
    pub fn unwrap_settled(self) -> Result<Decoded> {
        match self {
            Self::Settled(outcome) => outcome,
            Self::Retry(ms) => panic!("a retry in {ms} ms, expected the call to settle"),
        }
    }
}

/// One call in progress.
#[derive(Debug)]
pub struct Call {
    req: HttpRequest,
    url: String,
    base_len: usize,
    /// The values of the headers sent: blanked out of any text quoted from the runtime.
    secrets: Rc<[(String, String)]>,
    answer: &'static Shape,
    retry: RetryPolicy,
    timeout_ms: u32,
    deadline: Deadline,
    attempt: u32,
    /// The code of the error the last attempt failed with, retried or not.
    failed_with: Option<ErrorCode>,
}

impl Call {
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn method(&self) -> &'static str {
        self.req.method.as_str()
    }

    pub fn body(&self) -> Option<&str> {
        self.req.body.as_deref()
    }

    /// The attempt being sent, or last reported: 1 for the first, 2 for the first retry, ...
    pub fn attempt(&self) -> u32 {
        self.attempt + 1
    }

    /// The code of the error the last reported attempt failed with (`None` if it succeeded or
    /// none was reported), whether the call retries it or not.
    pub fn failed_with(&self) -> Option<ErrorCode> {
        self.failed_with
    }

    /// The URL as the hooks show it: values a caller types in the query and the values of the
    /// headers sent are `[redacted]` (see [`super::shown_url`]).
    pub fn shown_url(&self) -> String {
        super::shown_url(&self.url, self.req.query, &self.secrets)
    }

    /// The whole call's deadline (retries included); 0 for none.
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_ms
    }

    /// A response came back (its body read whole).
    pub fn answered(&mut self, response: &HttpResponse, now_ms: f64, random: f64) -> Step {
        let outcome = self.req.decode(response, now_ms, self.answer);
        self.settle(outcome, now_ms, random)
    }

    /// The exchange broke; `detail` is the runtime's description of why (quoted, redacted).
    pub fn failed(&mut self, how: Broken, detail: &str, now_ms: f64, random: f64) -> Step {
        let err = self.broken(how, detail);
        self.settle(Err(err), now_ms, random)
    }

    /// The call's deadline (its `timeoutMs`, retries included).
    pub fn deadline(&self) -> Deadline {
        self.deadline
    }

    /// How long from `now_ms` until the deadline (0 once it passed); `None` without one. The
    /// host wakes then and asks [`Call::timeout`].
    pub fn deadline_in_ms(&self, now_ms: f64) -> Option<u64> {
        self.deadline.in_ms(now_ms)
    }

    /// The call's `TIMEOUT` once its deadline has passed at `now_ms`; `None` before (a timer
    /// that woke the host early) or without a deadline.
    pub fn timeout(&self, now_ms: f64) -> Option<StreamError> {
        if !self.deadline.passed(now_ms) {
            return None;
        }
        let message = cat!(
            self.req.api.name(),
            " ",
            self.method(),
            " ",
            self.req.path_only(),
            " did not finish within ",
            self.timeout_ms,
            " ms (timeoutMs)"
        );
        Some(StreamError::new(ErrorCode::Timeout, message))
    }

    fn settle(&mut self, outcome: Result<Decoded>, now_ms: f64, random: f64) -> Step {
        let err = match outcome {
            Ok(answer) => {
                self.failed_with = None;
                return Step::Settled(Ok(answer));
            }
            Err(err) => err,
        };
        self.failed_with = Some(err.code);
        let remaining = self.deadline_in_ms(now_ms);
        let delay =
            self.retry
                .delay_within_ms(self.req.method, self.attempt, &err, random, remaining);
        match delay {
            Some(ms) => {
                self.attempt += 1;
                Step::Retry(ms)
            }
            None => Step::Settled(Err(err)),
        }
    }

    fn broken(&self, how: Broken, detail: &str) -> StreamError {
        let base = self.url.get(..self.base_len).unwrap_or_default();
        let at = cat!(
            self.req.api.name(),
            " ",
            self.method(),
            " ",
            base,
            self.req.path_only()
        );
        let stage = match how {
            Broken::Redirected => {
                let message = cat!(
                    self.req.api.name(),
                    " answered ",
                    self.method(),
                    " ",
                    base,
                    self.req.path_only(),
                    " with a redirect, which is not followed because the \
                     request carries credentials; check the baseUrl"
                );
                return StreamError::new(ErrorCode::Server, message).with_retryable(false);
            }
            Broken::NotAResponse => {
                let message = cat!(at, ": fetch resolved with something that is not a Response");
                return StreamError::new(ErrorCode::Network, message);
            }
            Broken::Threw => "fetch threw",
            Broken::Connect => "could not connect or send the request",
            Broken::Unreadable => "could not read the response",
            Broken::BodyCut => "the connection failed while reading the response body",
        };
        let detail = redact(detail, &self.secrets);
        StreamError::new(ErrorCode::Network, cat!(at, ": ", stage, " (", detail, ")"))
    }
}

#[cfg(test)]
#[path = "call_tests.rs"]
mod tests;
