use super::*;
use crate::http::Method;

fn texts<'a>(a: &'a [&'a str]) -> ArgTexts<'a> {
    let mut out: ArgTexts<'a> = [None; 3];
    for (i, t) in a.iter().enumerate() {
        out[i] = Some(t);
    }
    out
}

#[test]
fn every_method_name_is_unique_per_client_and_its_id_finds_it() {
    for api in [Api::Gateway, Api::StreamPay] {
        if cfg!(not(feature = "merchant")) && api == Api::StreamPay {
            // The checkout build has no StreamPay client.
            assert_eq!(operations(api).len(), 0);
            continue;
        }
        let names: Vec<&str> = operations(api)
            .iter()
            .flat_map(|op| [Some(op.name), op.all])
            .flatten()
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "{names:?}");
        assert_eq!(by_id(api, u32::MAX).map(|op| op.name), None);
        for (id, op) in operations(api).iter().enumerate() {
            assert!(std::ptr::eq(by_id(api, id as u32).unwrap(), op));
            assert!(find(api, op.name).is_some());
            assert_eq!(
                op.path.matches("{}").count(),
                op.args.iter().filter(|a| matches!(a, Arg::Id(_))).count(),
                "{}",
                op.name
            );
            // Only reads are retried; everything else must be a write.
            if op.method == Method::Get {
                assert!(
                    op.args
                        .iter()
                        .all(|a| !matches!(a, Arg::Body(_) | Arg::Text(..))),
                    "{}",
                    op.name
                );
            }
        }
    }
}

#[test]
fn get_payment_puts_the_checked_id_into_the_path() {
    let op = find(Api::Gateway, "getPayment").unwrap();
    let req = op.request(&texts(&["LqaUrQimtgTe9iF3Knv8Ld"])).unwrap();
    assert_eq!(req.path, "/api/v1/payment/LqaUrQimtgTe9iF3Knv8Ld");
    assert_eq!(req.method, Method::Get);
    let err = op.request(&texts(&["../admin"])).unwrap_err();
    assert_eq!(err.code, crate::ErrorCode::InvalidArgument);
    let err = op.request(&[None, None, None]).unwrap_err();
    assert_eq!(err.message, "paymentId must be a string, got undefined");
}

#[test]
fn polled_reads_build_the_same_request_as_get_payment() {
    let gateway = polled(Api::Gateway).request("abc").unwrap();
    assert_eq!(gateway.path, "/api/v1/payment/abc");
    assert!(polled(Api::Gateway).terminal.contains(&"completed"));
}

#[cfg(feature = "merchant")]
mod merchant {
    use super::*;

    #[test]
    fn list_params_become_the_query() {
        let op = find(Api::StreamPay, "listPayments").unwrap();
        let req = op
            .request(&texts(&[
                r#"{"limit":5,"statuses":["PENDING","SUCCEEDED"]}"#,
            ]))
            .unwrap();
        assert_eq!(
            req.path,
            "/api/v2/payments?limit=5&statuses=PENDING&statuses=SUCCEEDED"
        );
        assert_eq!(
            op.request(&[None, None, None]).unwrap().path,
            "/api/v2/payments"
        );
        assert!(op.request(&texts(&[r#"{"limt":5}"#])).is_err());
        assert!(op
            .request(&texts(&["\0Converting circular structure to JSON"]))
            .is_err());
    }

    #[test]
    fn bodies_are_snake_case_and_writes_are_posts() {
        let op = find(Api::StreamPay, "refundPayment").unwrap();
        let req = op
            .request(&texts(&[
                "6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40",
                r#"{"refundReason":"DUPLICATE","refundNote":"twice"}"#,
            ]))
            .unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(
            req.path,
            "/api/v2/payments/6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40/refund"
        );
        let body = req.body.unwrap();
        assert!(body.contains("\"refund_reason\":\"DUPLICATE\""), "{body}");
        let status = find(Api::StreamPay, "setPaymentLinkStatus").unwrap();
        let req = status.request(&texts(&["abc", "\"ACTIVE\""])).unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Patch, "/api/v2/payment_links/abc/status")
        );
    }

    #[test]
    fn pages_walk_forward_and_stop() {
        let op = find(Api::StreamPay, "listAllPayments").unwrap();
        let mut pages = Pages::new(op, &texts(&[r#"{"statuses":["PENDING"]}"#])).unwrap();
        let first = pages.next_request().unwrap().unwrap();
        assert_eq!(
            first.path,
            "/api/v2/payments?page=1&limit=100&statuses=PENDING"
        );
        let page = |has_next: bool, items: &str, current: &str| {
            let body = format!(
                r#"{{"data":[{items}],"pagination":{{"total_count":0,"max_page":9,"current_page":{current},"limit":100,"has_next_page":{has_next},"has_previous_page":false}}}}"#
            );
            crate::json::decode(&body, op.answer).unwrap().captures
        };
        let item = r#"{"id":"x","current_status":"PENDING"}"#;
        pages.advance(&page(true, item, "1"));
        assert_eq!(
            pages.next_request().unwrap().unwrap().path,
            "/api/v2/payments?page=2&limit=100&statuses=PENDING"
        );
        // The page's own counters are not trusted: the page after the one asked for comes next.
        for current in ["1", "7", "-1", "18446744073709551617"] {
            let asked = pages.next_request().unwrap().unwrap().path;
            pages.advance(&page(true, item, current));
            let next = pages.next_request().unwrap().unwrap().path;
            assert_ne!(asked, next, "current_page {current}");
        }
        assert!(pages
            .next_request()
            .unwrap()
            .unwrap()
            .path
            .contains("page=6"));
        // An empty page ends the loop even when it says another follows.
        pages.advance(&page(true, " ", "6"));
        assert!(pages.next_request().is_none());
        let mut pages = Pages::new(op, &texts(&["{}"])).unwrap();
        pages.advance(&page(false, item, "1"));
        assert!(pages.next_request().is_none());
        let no_pagination = crate::json::decode(r#"{"data":[]}"#, op.answer)
            .unwrap()
            .captures;
        let mut pages = Pages::new(op, &texts(&[r#"{"page":4,"limit":7}"#])).unwrap();
        assert_eq!(
            pages.next_request().unwrap().unwrap().path,
            "/api/v2/payments?page=4&limit=7"
        );
        pages.advance(&no_pagination);
        assert!(pages.next_request().is_none());
    }
}
