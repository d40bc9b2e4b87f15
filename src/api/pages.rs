//! `listAll*`: which page to ask for next, and when to stop. Pure; the binding layer sends.

use super::list_params::MAX_LIMIT;
use super::{Arg, ArgTexts, Operation};
use crate::error::{Result, StreamError};
use crate::http::HttpRequest;
use crate::json::{push_string, raw, Captures};
use crate::prelude::*;

/// The cursor of one `listAll*` iteration.
#[derive(Debug, Clone)]
pub struct Pages {
    op: &'static Operation,
    /// The arguments, the list parameters without `page` and `limit` (set per page here).
    args: [Option<String>; 3],
    query_at: usize,
    /// The caller's other parameters as JSON members (`"statuses":["PENDING"]`).
    members: String,
    limit: String,
    next: Option<u64>,
}

impl Pages {
    /// Checks every argument once, so a bad one throws before the first page is asked for.
    pub fn new(op: &'static Operation, args: &ArgTexts<'_>) -> Result<Self> {
        op.request(args)?;
        let query_at = op
            .args
            .iter()
            .position(|a| matches!(a, Arg::Query(_)))
            .ok_or_else(|| StreamError::invalid_argument(cat!(op.name, " is not a list")))?;
        let params = super::request::json_arg(args[query_at], "params")?;
        let mut members = String::new();
        let (mut first, mut limit) = (1, crate::text::number(MAX_LIMIT));
        let root = raw::parse(params).map_err(|_| StreamError::invalid_argument("params"))?;
        for (key, value) in root.members() {
            match key.as_ref() {
                // Checked by `op.request` above: whole numbers in range.
                "page" => first = value.number().and_then(|n| n.parse().ok()).unwrap_or(1),
                "limit" => limit = value.text().to_string(),
                _ => {
                    members.push(',');
                    push_string(&mut members, &key);
                    members.push(':');
                    members.push_str(value.text());
                }
            }
        }
        Ok(Self {
            op,
            args: args.map(|a| a.map(str::to_string)),
            query_at,
            members,
            limit,
            next: Some(first),
        })
    }

    /// The request of the next page, or `None` once the last page was read.
    pub fn next_request(&self) -> Option<Result<HttpRequest>> {
        let page = self.next?;
        let params = cat!(
            "{\"page\":",
            page,
            ",\"limit\":",
            self.limit,
            self.members,
            "}"
        );
        let mut args: ArgTexts<'_> = [None; 3];
        for (i, arg) in self.args.iter().enumerate() {
            args[i] = arg.as_deref();
        }
        args[self.query_at] = Some(&params);
        Some(self.op.request(&args))
    }

    /// Moves on after a page was read: to the page after the one asked for while the API says
    /// there is one and the page had items. The page's own counters are not trusted (the
    /// description types them as bare integers): a page without `pagination` (older
    /// deployments) or an empty page is the last, so the loop ends on its own.
    pub fn advance(&mut self, page: &Captures) {
        self.next = match self.next {
            Some(asked) if page.has_next_page() && page.has_items() => asked.checked_add(1),
            _ => None,
        };
    }

    /// How each page is read.
    pub fn answer(&self) -> &'static crate::json::Shape {
        self.op.answer
    }

    /// Stops the iteration (the caller left the loop, or a page failed).
    pub fn finish(&mut self) {
        self.next = None;
    }
}
