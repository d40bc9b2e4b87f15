//! Which kind of JavaScript runtime the module runs in, for the secret-key guard of
//! `StreamPayClient`: a browser (a page, or a page's worker) is refused, servers are not.
//!
//! `WorkerGlobalScope` alone is no sign of a browser: Cloudflare Workers (workerd) define it and
//! a service-worker style global. What is robust: each server runtime names itself (Node:
//! `process.versions.node`, Deno: `Deno`, Bun: `Bun`, workerd: `navigator.userAgent ===
//! "Cloudflare-Workers"`), a page has a `document`, and every browser's worker has a user agent
//! starting with `Mozilla/`. The rule is a pure function of those facts ([`classify`]); the
//! binding layer reads the facts once from the global.

use crate::prelude::*;
/// What the guard needs to know about the global scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuntimeFacts {
    /// `process.versions.node` is a string (Node; Bun and Deno set it too).
    pub node: bool,
    /// A `Deno` global object.
    pub deno: bool,
    /// A `Bun` global object.
    pub bun: bool,
    /// `navigator.userAgent`, when it is a string.
    pub user_agent: Option<String>,
    /// A `document` global object (a page, or a DOM double such as jsdom).
    pub document: bool,
    /// A `WorkerGlobalScope` global (browser workers, and Cloudflare Workers too).
    pub worker_scope: bool,
}

/// The kind of runtime, as far as the secret-key guard cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runtime {
    /// Node, Deno, Bun or Cloudflare Workers: a server, where a secret key belongs.
    Server,
    /// A web page (a `document` and no server runtime).
    BrowserPage,
    /// A dedicated, shared or service worker of a browser.
    BrowserWorker,
    /// None of the above (an unknown embedding): not refused, as it is not known to be a browser.
    Other,
}

impl Runtime {
    pub fn is_browser(self) -> bool {
        matches!(self, Runtime::BrowserPage | Runtime::BrowserWorker)
    }
}

/// workerd's fixed `navigator.userAgent`.
const WORKERD_USER_AGENT: &str = "Cloudflare-Workers";

/// The rule. A server runtime's own marker wins over a `document` (jsdom and happy-dom give
/// Node and Bun tests a DOM, and the code still runs on a server); a worker scope counts as a
/// browser only with a browser's user agent, so workerd and future server runtimes that adopt
/// the worker globals pass.
pub fn classify(facts: &RuntimeFacts) -> Runtime {
    let ua = facts.user_agent.as_deref();
    if facts.node || facts.deno || facts.bun || ua == Some(WORKERD_USER_AGENT) {
        Runtime::Server
    } else if facts.document {
        Runtime::BrowserPage
    } else if facts.worker_scope && ua.is_some_and(is_browser_user_agent) {
        Runtime::BrowserWorker
    } else {
        Runtime::Other
    }
}

/// Every browser engine's user agent starts with `Mozilla/` (Chromium, Firefox, Safari).
fn is_browser_user_agent(ua: &str) -> bool {
    ua.starts_with("Mozilla/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                          HeadlessChrome/140.0.0.0 Safari/537.36";

    fn ua(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn servers_pass() {
        let node = RuntimeFacts {
            node: true,
            user_agent: ua("Node.js/26"),
            ..Default::default()
        };
        let node20 = RuntimeFacts {
            node: true,
            ..Default::default()
        };
        let deno = RuntimeFacts {
            node: true,
            deno: true,
            user_agent: ua("Deno/2.9.6"),
            ..Default::default()
        };
        let bun = RuntimeFacts {
            node: true,
            bun: true,
            user_agent: ua("Bun/1.4.4"),
            ..Default::default()
        };
        let workerd = RuntimeFacts {
            user_agent: ua("Cloudflare-Workers"),
            worker_scope: true,
            ..Default::default()
        };
        for facts in [node, node20, deno, bun, workerd] {
            assert_eq!(classify(&facts), Runtime::Server, "{facts:?}");
            assert!(!classify(&facts).is_browser());
        }
    }

    #[test]
    fn a_page_is_a_browser() {
        let page = RuntimeFacts {
            document: true,
            user_agent: ua(CHROME),
            ..Default::default()
        };
        assert_eq!(classify(&page), Runtime::BrowserPage);
        // Whatever its user agent says: a page is a page.
        let odd = RuntimeFacts {
            document: true,
            ..Default::default()
        };
        assert_eq!(classify(&odd), Runtime::BrowserPage);
    }

    #[test]
    fn a_browser_worker_is_a_browser() {
        let worker = RuntimeFacts {
            worker_scope: true,
            user_agent: ua(CHROME),
            ..Default::default()
        };
        assert_eq!(classify(&worker), Runtime::BrowserWorker);
        assert!(classify(&worker).is_browser());
        let firefox = RuntimeFacts {
            worker_scope: true,
            user_agent: ua(
                "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
            ),
            ..Default::default()
        };
        assert_eq!(classify(&firefox), Runtime::BrowserWorker);
    }

    #[test]
    fn a_dom_double_on_a_server_is_still_a_server() {
        // jsdom / happy-dom test environments on Node and Bun.
        let jsdom = RuntimeFacts {
            node: true,
            document: true,
            user_agent: ua("Mozilla/5.0 (linux) AppleWebKit/537.36 (KHTML, like Gecko) jsdom/26"),
            ..Default::default()
        };
        assert_eq!(classify(&jsdom), Runtime::Server);
    }

    #[test]
    fn the_workerd_marker_must_be_exact() {
        let lookalike = RuntimeFacts {
            worker_scope: true,
            user_agent: ua("Mozilla/5.0 Cloudflare-Workers"),
            ..Default::default()
        };
        assert_eq!(classify(&lookalike), Runtime::BrowserWorker);
    }

    #[test]
    fn unknown_embeddings_are_not_called_browsers() {
        let bare = RuntimeFacts::default();
        assert_eq!(classify(&bare), Runtime::Other);
        assert!(!classify(&bare).is_browser());
        let worker_like = RuntimeFacts {
            worker_scope: true,
            user_agent: ua("SomeEdge/1"),
            ..Default::default()
        };
        assert_eq!(classify(&worker_like), Runtime::Other);
    }
}
