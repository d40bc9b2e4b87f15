//! HTTP without I/O: requests as data, responses turned into results, retry timing.
//! The binding layer performs the requests with `fetch`.

mod errors;
mod exchange;
mod retry;
mod retry_after;

pub use errors::error_for_status;
pub use exchange::{Api, HttpRequest, HttpResponse, Method};
pub use retry::RetryPolicy;
pub use retry_after::parse_retry_after_ms;
