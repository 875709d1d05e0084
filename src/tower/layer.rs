//! [`ProblemLayer`]: the tower layer, its settings, and the service it wraps.

use std::sync::Arc;

use tower_layer::Layer;

use super::service::ProblemService;
use crate::Renderer;

/// The body limit of pardon's extractors when the layer sets none: 2 MiB, as axum's.
const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Does for any tower HTTP service what `pardon::actix::ProblemMiddleware` does for
/// actix-web (re-exported as `pardon::axum::ProblemLayer`). Per request it:
///
/// - assigns a [`RequestId`](crate::RequestId) (the incoming `X-Request-ID` when
///   acceptable, else a fresh one), sets it on every response and in the tracing span,
///   and puts it in the request's extensions for handlers;
/// - renders every problem response in the format and language the request negotiates:
///   a handler's [`Problem`](struct@crate::Problem) or `#[derive(Problem)]` type, and a
///   bare error status from the router (an empty 405 becomes `METHOD_NOT_ALLOWED`, with
///   the router's `Allow`), with `instance` the request's path;
/// - keeps the inner response's headers (merging `Vary`), but not those of the body it
///   replaces;
/// - catches a panic into `INTERNAL_ERROR` 500, and logs 5xx causes (never sent) with the
///   request id; with [`ProblemLayer::access_log`], one line per request.
///
/// # Examples
///
/// ```
/// use std::sync::Arc;
/// use axum::{routing::get, Router};
/// use pardon::{tower::ProblemLayer, builtin, i18n::Messages, Problem, Registry, Renderer};
/// use tower::ServiceExt;
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let renderer = Arc::new(Renderer::new(
///     Registry::with_builtins("http://localhost:8080/problems/").unwrap(),
///     Messages::builder().build().unwrap(),
/// ));
/// let app = Router::new()
///     .route("/busy", get(|| async { Err::<String, _>(Problem::new(&builtin::CONFLICT)) }))
///     .layer(ProblemLayer::new(renderer));
/// let request = axum::http::Request::get("/busy")
///     .header("Accept-Language", "fr")
///     .body(axum::body::Body::empty())
///     .unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-language"], "fr");
/// assert!(response.headers().contains_key("x-request-id"));
/// # });
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub struct ProblemLayer {
    settings: Arc<Settings>,
}

#[derive(Debug)]
pub(super) struct Settings {
    pub(super) renderer: Arc<Renderer>,
    pub(super) access_log: bool,
    pub(super) body_limit: usize,
}

/// The body limit the layer sets for pardon's extractors, in the request's extensions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLimit(pub(super) usize);

impl BodyLimit {
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn of(extensions: &http::Extensions) -> usize {
        extensions
            .get::<BodyLimit>()
            .map_or(DEFAULT_BODY_LIMIT, |limit| limit.0)
    }
}

impl ProblemLayer {
    /// A layer that renders with `renderer`, without an access log, and a body limit of
    /// 2 MiB for pardon's axum extractors `Json` and `ValidJson`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?));
    /// let layer = pardon::tower::ProblemLayer::new(renderer);
    /// assert!(format!("{layer:?}").contains("access_log: false, body_limit: 2097152"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(renderer: Arc<Renderer>) -> ProblemLayer {
        ProblemLayer {
            settings: Arc::new(Settings {
                renderer,
                access_log: false,
                body_limit: DEFAULT_BODY_LIMIT,
            }),
        }
    }

    /// Writes one `pardon::access` line per request: method, path, status, code, request id.
    ///
    /// # Examples
    ///
    /// ```
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/")?, pardon::i18n::Messages::builder().build()?));
    /// let layer = pardon::tower::ProblemLayer::new(renderer).access_log(true);
    /// assert!(format!("{layer:?}").contains("access_log: true"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn access_log(self, enabled: bool) -> ProblemLayer {
        self.with(|s| s.access_log = enabled)
    }

    /// The largest body pardon's axum extractors `Json` and `ValidJson` read; a larger
    /// one is `PAYLOAD_TOO_LARGE` 413 with `max_bytes`.
    ///
    /// # Examples
    ///
    /// ```
    /// use axum::{routing::post, Router};
    /// use pardon::{axum::Json, tower::ProblemLayer};
    /// use tower::ServiceExt;
    ///
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/").unwrap(), pardon::i18n::Messages::builder().build().unwrap()));
    /// let app = Router::new()
    ///     .route("/", post(|Json(v): Json<serde_json::Value>| async move { v.to_string() }))
    ///     .layer(ProblemLayer::new(renderer).body_limit(8));
    /// let request = axum::http::Request::post("/")
    ///     .header("Content-Type", "application/json")
    ///     .body(axum::body::Body::from(r#"{"too": "long"}"#))
    ///     .unwrap();
    /// assert_eq!(app.oneshot(request).await.unwrap().status(), 413);
    /// # });
    /// ```
    #[must_use]
    pub fn body_limit(self, bytes: usize) -> ProblemLayer {
        self.with(|s| s.body_limit = bytes)
    }

    fn with(self, change: impl FnOnce(&mut Settings)) -> ProblemLayer {
        let mut settings = Settings {
            renderer: Arc::clone(&self.settings.renderer),
            access_log: self.settings.access_log,
            body_limit: self.settings.body_limit,
        };
        change(&mut settings);
        ProblemLayer {
            settings: Arc::new(settings),
        }
    }
}

impl<S> Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService::new(inner, Arc::clone(&self.settings))
    }
}
