//! The URL of a call as the request and response hooks show it (`RawCall.shownUrl`): the URL
//! sent, with every query value a caller could type replaced by `[redacted]`, and every header
//! value (the API key among them) blanked out by [`redact`], as error messages are. A value
//! stays only when its param admits no free text (`Param::shows_value`: a number, a boolean, an
//! enum constant, one of a fixed list), so `page=2&statuses=PENDING` reads as sent and a search
//! term never reaches a log. A query whose spec is unknown shows no value at all.

use super::redact::redact;
use crate::json::QuerySpec;
use crate::prelude::*;

/// What stands for a hidden value.
pub const REDACTED: &str = "[redacted]";

/// `url` (base, path and query, as sent) with the query values `query` does not show hidden,
/// and the values of `secrets` (the headers sent) blanked out.
pub fn shown_url(url: &str, query: Option<&QuerySpec>, secrets: &[(String, String)]) -> String {
    let (path, tail) = url.split_once('?').unwrap_or((url, ""));
    let mut out = String::with_capacity(url.len() + 16);
    out.push_str(path);
    let mut separator = '?';
    for pair in tail.split('&').filter(|pair| !pair.is_empty()) {
        out.push(separator);
        separator = '&';
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        out.push_str(name);
        out.push('=');
        let shows = query.is_some_and(|spec| {
            spec.params
                .iter()
                .any(|param| param.wire == name && param.shows_value())
        });
        out.push_str(if shows { value } else { REDACTED });
    }
    redact(&out, secrets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{Check, Param, ParamKind};

    static SPEC: QuerySpec = QuerySpec {
        what: "test params",
        params: &[
            Param::new("page", "page", ParamKind::Integer { min: 1, max: 9 }),
            Param::new("paid", "paid", ParamKind::Bool),
            Param::new("statuses", "statuses", ParamKind::Repeated).check(Check::Constant),
            Param::new("sort", "sort_direction", ParamKind::Str).check(Check::OneOf(&["asc"])),
            Param::new("searchTerm", "search_term", ParamKind::Str),
            Param::new("invoiceId", "invoice_id", ParamKind::Repeated).check(Check::PathId),
            Param::new("currencies", "currencies", ParamKind::Comma),
        ],
    };
    const KEY: &str = "c2VjcmV0OmtleQ==";

    fn secrets() -> Vec<(String, String)> {
        vec![("x-api-key".into(), KEY.into())]
    }

    #[test]
    fn values_the_api_fixes_are_shown_and_typed_ones_hidden() {
        let url = "https://h/api/v2/payments?page=2&paid=true&statuses=PENDING&statuses=FAILED\
                   &sort_direction=asc&search_term=sk_live_abc&invoice_id=inv-1&currencies=SAR,USD";
        assert_eq!(
            shown_url(url, Some(&SPEC), &secrets()),
            "https://h/api/v2/payments?page=2&paid=true&statuses=PENDING&statuses=FAILED\
             &sort_direction=asc&search_term=[redacted]&invoice_id=[redacted]\
             &currencies=[redacted]"
        );
    }

    #[test]
    fn without_a_spec_no_value_is_shown() {
        assert_eq!(
            shown_url("https://h/p?page=2&x&y=", None, &secrets()),
            "https://h/p?page=[redacted]&x=[redacted]&y=[redacted]"
        );
        assert_eq!(shown_url("https://h/p", None, &[]), "https://h/p");
        assert_eq!(shown_url("https://h/p?", Some(&SPEC), &[]), "https://h/p");
    }

    #[test]
    fn an_unknown_name_hides_its_value_and_header_values_are_blanked_anywhere() {
        assert_eq!(
            shown_url("https://h/p?token=abc&page=1", Some(&SPEC), &[]),
            "https://h/p?token=[redacted]&page=1"
        );
        let url = format!("https://h/p/{KEY}?page=1");
        let shown = shown_url(&url, Some(&SPEC), &secrets());
        assert!(!shown.contains(KEY), "{shown}");
        assert_eq!(shown, "https://h/p/[redacted]?page=1");
    }
}
