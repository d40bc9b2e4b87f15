//! The StreamPay list query: checked parameters -> a query string with repeated keys.

use crate::error::{Result, StreamError};
use crate::validate::path_id;

/// Largest page the API serves.
pub const MAX_LIMIT: u32 = 100;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListPaymentsParams {
    pub page: Option<u32>,
    pub limit: Option<u32>,
    pub statuses: Vec<String>,
    pub invoice_id: Vec<String>,
    pub search_term: Option<String>,
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    pub sort_field: Option<String>,
    pub sort_direction: Option<String>,
}

pub const LIST_PARAM_NAMES: &[&str] = &[
    "page",
    "limit",
    "statuses",
    "invoiceId",
    "searchTerm",
    "fromDate",
    "toDate",
    "sortField",
    "sortDirection",
];

impl ListPaymentsParams {
    /// `?page=1&statuses=A&statuses=B...`, or `""` when nothing is set.
    pub fn to_query(&self) -> Result<String> {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(page) = self.page {
            if page == 0 {
                return Err(StreamError::invalid_argument("page starts at 1, got 0"));
            }
            pairs.push(("page", page.to_string()));
        }
        if let Some(limit) = self.limit {
            if limit == 0 || limit > MAX_LIMIT {
                return Err(StreamError::invalid_argument(format!(
                    "limit must be from 1 to {MAX_LIMIT}, got {limit}"
                )));
            }
            pairs.push(("limit", limit.to_string()));
        }
        for status in &self.statuses {
            if status.is_empty() || !status.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
                return Err(StreamError::invalid_argument(format!(
                    "statuses: \"{}\" is not a status like \"PENDING\"",
                    crate::amount::escape(&status.chars().take(40).collect::<String>())
                )));
            }
            pairs.push(("statuses", status.clone()));
        }
        for id in &self.invoice_id {
            pairs.push(("invoice_id", path_id(id, "invoiceId")?.to_string()));
        }
        let texts = [
            ("search_term", &self.search_term),
            ("from_date", &self.from_date),
            ("to_date", &self.to_date),
            ("sort_field", &self.sort_field),
        ];
        for (key, value) in texts {
            if let Some(v) = value {
                pairs.push((key, v.clone()));
            }
        }
        if let Some(direction) = &self.sort_direction {
            if direction != "asc" && direction != "desc" {
                return Err(StreamError::invalid_argument(format!(
                    "sortDirection must be \"asc\" or \"desc\", got \"{}\"",
                    crate::amount::escape(&direction.chars().take(20).collect::<String>())
                )));
            }
            pairs.push(("sort_direction", direction.clone()));
        }
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        Ok(if encoded.is_empty() {
            String::new()
        } else {
            format!("?{}", encoded.join("&"))
        })
    }
}

/// Percent-encoding of a query value: everything but RFC 3986 unreserved characters.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_repeated_keys_and_encodes_values() {
        let params = ListPaymentsParams {
            page: Some(2),
            limit: Some(100),
            statuses: vec!["PENDING".into(), "FAILED".into()],
            invoice_id: vec!["6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40".into()],
            search_term: Some("a&b=c ü".into()),
            from_date: Some("2026-11-01T00:00:00+03:00".into()),
            sort_direction: Some("desc".into()),
            ..Default::default()
        };
        assert_eq!(
            params.to_query().unwrap(),
            "?page=2&limit=100&statuses=PENDING&statuses=FAILED&invoice_id=6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40\
             &search_term=a%26b%3Dc%20%C3%BC&from_date=2026-11-01T00%3A00%3A00%2B03%3A00&sort_direction=desc"
        );
        assert_eq!(ListPaymentsParams::default().to_query().unwrap(), "");
    }

    #[test]
    fn refuses_out_of_range_values() {
        let bad = [
            ListPaymentsParams {
                page: Some(0),
                ..Default::default()
            },
            ListPaymentsParams {
                limit: Some(101),
                ..Default::default()
            },
            ListPaymentsParams {
                limit: Some(0),
                ..Default::default()
            },
            ListPaymentsParams {
                statuses: vec!["pending&x=1".into()],
                ..Default::default()
            },
            ListPaymentsParams {
                invoice_id: vec!["../x".into()],
                ..Default::default()
            },
            ListPaymentsParams {
                sort_direction: Some("up".into()),
                ..Default::default()
            },
        ];
        for params in bad {
            assert_eq!(
                params.to_query().unwrap_err().code,
                crate::ErrorCode::InvalidArgument,
                "{params:?}"
            );
        }
    }
}
