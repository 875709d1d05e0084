//! [`Exchange`]: what an adapter keeps of a request while the inner service has it, and
//! the rendering of a problem for that request, the same under every adapter.

use std::borrow::Cow;

use http::{HeaderMap, Method};

use super::log;
use super::mapping::is_body_header;
use crate::render::{RenderedProblem, RequestContext};
use crate::request_id::X_REQUEST_ID;
use crate::{Problem, Renderer, RequestId};

/// One request: its id, method, path and the headers negotiation reads. The path and the
/// headers are kept as the adapter finds it cheapest (actix: the request's `Uri` and
/// header values, which share the request's bytes).
pub(crate) struct Exchange<P = String, N = HeaderMap> {
    pub(crate) id: RequestId,
    pub(crate) method: Method,
    pub(crate) path: P,
    pub(crate) negotiation: N,
}

/// What holds a request's path while the inner service has the request.
pub(crate) trait KeptPath {
    /// The path, without the query.
    fn path(&self) -> &str;
}

impl KeptPath for String {
    fn path(&self) -> &str {
        self
    }
}

/// What holds a request's `Accept` and `Accept-Language` while the inner service has the
/// request.
pub(crate) trait KeptNegotiation {
    /// The headers, as negotiation reads them; `None` when the request has neither.
    fn headers(&self) -> Option<Cow<'_, HeaderMap>>;
}

impl KeptNegotiation for HeaderMap {
    fn headers(&self) -> Option<Cow<'_, HeaderMap>> {
        Some(Cow::Borrowed(self))
    }
}

impl Exchange {
    /// Whether a header of the response a problem replaces stays on the rendered one:
    /// every header the handler or an inner middleware set (a `Vary` merges with the
    /// problem's own), but those of the body it replaces.
    pub(crate) fn keeps(name: &str) -> bool {
        !is_body_header(name) && name != X_REQUEST_ID
    }
}

impl<P: KeptPath, N: KeptNegotiation> Exchange<P, N> {
    /// `problem` rendered for the request, with its id and path, and `kept`: the headers
    /// of the response it replaces that the renderer reads (tower: all that
    /// [`Exchange::keeps`] keeps, merged into the rendered headers; actix: only
    /// `WWW-Authenticate` and `Allow`, the rest staying in the response it writes into).
    /// A 5xx's cause is logged, and with `access_log` the request's access line. The
    /// adapter sets `X-Request-ID` on its own response type.
    pub(crate) fn render(
        &self,
        renderer: &Renderer,
        access_log: bool,
        problem: &Problem,
        kept: HeaderMap,
    ) -> RenderedProblem {
        let request = RequestContext {
            request_id: Some(self.id.as_str()),
            instance: Some(self.path.path()),
            headers: kept,
        };
        if problem.response_status().is_server_error() {
            log::server_error(problem, &self.id);
        }
        let negotiated = match self.negotiation.headers() {
            Some(headers) => renderer.negotiate(&headers),
            None => renderer.negotiated_by_default(),
        };
        let response = renderer.render_in_context(problem, negotiated, &request);
        self.log_access(
            access_log,
            response.status().as_u16(),
            problem.code().map(|c| c.as_str()),
        );
        response
    }

    /// The request's access line, when `access_log` is on.
    pub(crate) fn log_access(&self, access_log: bool, status: u16, code: Option<&str>) {
        if access_log {
            log::access(
                self.method.as_str(),
                self.path.path(),
                &self.id,
                status,
                code,
            );
        }
    }

    /// The guard that writes the access line should the request be dropped unanswered.
    #[cfg(feature = "tower")]
    pub(crate) fn unanswered(&self, access_log: bool) -> log::Unanswered<'_> {
        log::Unanswered::new(self.method.as_str(), self.path.path(), &self.id, access_log)
    }

    /// The access line of the request dropped unanswered, when `access_log` is on.
    #[cfg_attr(not(feature = "actix"), allow(dead_code))]
    pub(crate) fn went_away(&self, access_log: bool) {
        if access_log {
            log::went_away(self.method.as_str(), self.path.path(), &self.id);
        }
    }
}
