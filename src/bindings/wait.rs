//! `waitForPayment`: polls one payment until it reaches a status to stop at, telling the caller
//! about each new status on the way. Transient failures are ridden out with backoff; permanent
//! ones, the caller's signal and the overall `timeoutMs` end the wait, and then nothing of it
//! is left running (no request, no timer, no listener).

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::abort::{CallGuard, Stop};
use super::alarm::Alarm;
use super::client_config::{path_id, promise};
use super::json::parse;
use super::poll_options::{wait_options, WaitOptions};
use super::poll_support::{call_quietly, poll_transport, stopped};
use super::transport::{CallOptions, Failure, Transport};
use super::visibility::PageVisibility;
use crate::api::Polled;
use crate::poll::{classify_error, ErrorClass, PollSchedule, StopStatuses};

/// The promise of a wait for `payment_id` through `client`'s base URL and credentials.
pub fn wait_for_payment(
    client: &Transport,
    polled: Polled,
    payment_id: JsValue,
    options: JsValue,
) -> Promise {
    let poller = poll_transport(client);
    promise(async move {
        let id = path_id(&payment_id, "paymentId")?;
        let options = wait_options(options)?;
        wait(&poller, polled, &id, options, |_| {}).await
    })
}

/// Polls until a status to stop at. `on_change` hears what `onUpdate` hears, right after it.
pub async fn wait(
    poller: &Transport,
    polled: Polled,
    id: &str,
    options: WaitOptions,
    mut on_change: impl FnMut(&JsValue),
) -> Result<JsValue, Failure> {
    let WaitOptions {
        poll,
        pause_when_hidden,
    } = options;
    let what = format!("waitForPayment(\"{id}\")");
    let timeout_ms = poll.timeout_ms;
    let guard = CallGuard::start(poll.signal.clone(), timeout_ms)
        .map_err(|stop| stopped(stop, &what, timeout_ms))?;
    let alarm = Alarm::default();
    let page = PageVisibility::watch(pause_when_hidden, alarm.clone());
    let stops = StopStatuses::new(polled.terminal, poll.stop_statuses);
    let mut schedule = PollSchedule::new(poll.config);
    let req = polled.request(id)?;
    loop {
        // Each poll is cancelled with the wait; its own deadline is the client's `timeoutMs`.
        let call = CallOptions {
            signal: Some(guard.signal()),
            timeout_ms: None,
        };
        let outcome = poller.call(&req, &call, polled.get.answer).await;
        if let Some(stop) = guard.stopped() {
            return Err(stopped(stop, &what, timeout_ms));
        }
        let server_wish = match outcome {
            Ok(payment) => {
                let status = payment.captures.status().unwrap_or_default();
                let changed = schedule.observe_status(status);
                let done = stops.contains(status);
                if changed || done {
                    let js = parse(&payment.json)?;
                    if changed {
                        call_quietly(poll.on_update.as_ref(), &[&js]);
                        on_change(&js);
                    }
                    if done {
                        return Ok(js);
                    }
                }
                None
            }
            Err(Failure::Aborted(reason)) => return Err(Failure::Aborted(reason)),
            Err(Failure::Error(err)) => match classify_error(&err) {
                ErrorClass::Permanent => return Err(err.into()),
                ErrorClass::Transient => {
                    schedule.observe_error();
                    err.retry_after_ms
                }
            },
        };
        let delay = schedule.next_delay_ms(js_sys::Math::random(), server_wish, page.hidden());
        if alarm.sleep(Some(delay), &guard.signal()).await.is_err() {
            let stop = guard.stopped().unwrap_or(Stop::Deadline);
            return Err(stopped(stop, &what, timeout_ms));
        }
    }
}
