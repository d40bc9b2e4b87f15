//! The StreamPay list params as data: `page` and `limit`, which every list has and `listAll*`
//! sets per page, and `listPayments`' own (written by hand; the other lists' specs are
//! generated into `api/streampay/operations.rs`). The caller's params object
//! (`JSON.stringify`'d) becomes the query string through `json::encode_query`.

use crate::json::{Check, Param, ParamKind, QuerySpec};
/// Largest page the API serves.
pub const MAX_LIMIT: u64 = 100;

/// `page`, from 1.
pub const PAGE: Param = Param::new(
    "page",
    "page",
    ParamKind::Integer {
        min: 1,
        max: u64::MAX,
    },
);

/// `limit`, from 1 to [`MAX_LIMIT`].
pub const LIMIT: Param = Param::new(
    "limit",
    "limit",
    ParamKind::Integer {
        min: 1,
        max: MAX_LIMIT,
    },
);

/// `listPayments` params.
pub static LIST_PAYMENTS: QuerySpec = QuerySpec {
    what: "listPayments params",
    params: &[
        PAGE,
        LIMIT,
        Param::new("statuses", "statuses", ParamKind::Repeated).check(Check::Constant),
        Param::new("invoiceId", "invoice_id", ParamKind::Repeated).check(Check::PathId),
        Param::new("searchTerm", "search_term", ParamKind::Str),
        Param::new("fromDate", "from_date", ParamKind::Str),
        Param::new("toDate", "to_date", ParamKind::Str),
        Param::new("sortField", "sort_field", ParamKind::Str),
        Param::new("sortDirection", "sort_direction", ParamKind::Str)
            .check(Check::OneOf(&["asc", "desc"])),
    ],
};

#[cfg(all(test, feature = "merchant"))]
mod tests {
    use super::*;
    use crate::error::Result;
    use crate::json::encode_query;
    use crate::ErrorCode;

    /// `?page=1&statuses=A&statuses=B...`, or `""` when nothing is set.
    fn list_payments_query(params_json: &str) -> Result<String> {
        encode_query(params_json, &LIST_PAYMENTS)
    }

    #[test]
    fn builds_repeated_keys_and_encodes_values() {
        let params = r#"{"page":2,"limit":100,"statuses":["PENDING","FAILED"],
            "invoiceId":["6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40"],"searchTerm":"a&b=c ü",
            "fromDate":"2026-11-01T00:00:00+03:00","sortDirection":"desc","toDate":null}"#;
        assert_eq!(
            list_payments_query(params).unwrap(),
            "?page=2&limit=100&statuses=PENDING&statuses=FAILED&invoice_id=6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40\
             &search_term=a%26b%3Dc%20%C3%BC&from_date=2026-11-01T00%3A00%3A00%2B03%3A00&sort_direction=desc"
        );
        assert_eq!(list_payments_query("{}").unwrap(), "");
        assert_eq!(list_payments_query("null").unwrap(), "");
    }

    #[test]
    fn refuses_out_of_range_values() {
        for (bad, message) in [
            (r#"{"page":0}"#, "page starts at 1, got 0"),
            (r#"{"limit":101}"#, "limit must be from 1 to 100, got 101"),
            (r#"{"limit":0}"#, "limit must be from 1 to 100, got 0"),
            (r#"{"limit":2.5}"#, "limit must be a whole number, got 2.5"),
            (r#"{"limit":-1}"#, "limit must be a whole number, got -1"),
            (
                r#"{"limit":"5"}"#,
                "limit must be a whole number, got a string",
            ),
            (
                r#"{"statuses":["pending&x=1"]}"#,
                "statuses: \"pending&x=1\" is not a status like \"PENDING\"",
            ),
            (
                r#"{"statuses":[1]}"#,
                "statuses must be an array of strings, got an array",
            ),
            (
                r#"{"sortDirection":"up"}"#,
                "sortDirection must be \"asc\" or \"desc\", got \"up\"",
            ),
            ("[]", "listPayments params must be an object, got an array"),
        ] {
            let err = list_payments_query(bad).unwrap_err();
            assert_eq!(
                (err.code, err.message.as_str()),
                (ErrorCode::InvalidArgument, message),
                "{bad}"
            );
        }
        let err = list_payments_query(r#"{"invoiceId":["../x"]}"#).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument);
        let err = list_payments_query(r#"{"pgae":1}"#).unwrap_err();
        assert!(
            err.message.starts_with(
                "listPayments params: unknown option \"pgae\"; known options are page, limit"
            ),
            "{}",
            err.message
        );
    }

    #[test]
    fn comma_and_boolean_params() {
        static SPEC: QuerySpec = QuerySpec {
            what: "p",
            params: &[
                Param::new("currencies", "currencies", ParamKind::Comma),
                Param::new("isActive", "is_active", ParamKind::Bool),
            ],
        };
        assert_eq!(
            encode_query(r#"{"currencies":["SAR","US D"],"isActive":false}"#, &SPEC).unwrap(),
            "?currencies=SAR,US%20D&is_active=false"
        );
        assert!(encode_query(r#"{"isActive":"yes"}"#, &SPEC).is_err());
    }
}
