//! HTTP without I/O: requests as data, responses turned into results, retry timing.
//! [`Call`] is one call as a state machine; the JS shell performs its requests with `fetch`.

mod answer;
mod call;
mod deadline;
mod errors;
mod exchange;
mod http_date;
mod redact;
mod retry;
mod retry_after;
mod shown_url;

pub use call::{Broken, Call, Endpoint, Step, DEFAULT_TIMEOUT_MS};
pub use deadline::Deadline;
#[cfg(test)]
pub use errors::error_for_status;
pub use exchange::{Api, HttpRequest, HttpResponse, Method};
pub use retry::RetryPolicy;
pub use retry_after::parse_retry_after_ms;
pub use shown_url::shown_url;
