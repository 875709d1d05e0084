//! The type documentation as an axum `Router` to merge into an application's.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::RawPathParams;
use axum::extract::rejection::RawPathParamsRejection;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::HeaderMap;

use crate::adapter::docs::{Docs, DocsRequest, READ_HEADERS};
use crate::{Problem, Renderer, builtin};

/// The documentation of every registered problem type, under the path of the registry's
/// base URI (`/problems/` below), to merge into the application's `Router`:
///
/// - `GET /problems/{slug}`: the type's page, localized HTML — or, for a client that asks
///   for `application/json`, its catalogue entry;
/// - `GET /problems`: the catalogue — JSON for a client that asks for `application/json`,
///   else an HTML index of the pages;
/// - `GET /problems/messages/{locale}.ftl`: a locale's Fluent source (`text/plain`, a
///   strong `ETag`, 304 for a matching `If-None-Match`);
/// - `GET /problems/problems.d.ts` (feature `typescript`): TypeScript declarations.
///
/// The same answers as `pardon::actix::type_docs`. An unknown slug or locale is
/// `ROUTE_NOT_FOUND`, rendered by the [`ProblemLayer`](super::ProblemLayer). With the base
/// URI at the root of its origin, only the type pages, at `/{slug}`.
///
/// # Examples
///
/// ```
/// use std::sync::Arc;
/// use axum::Router;
/// use pardon::{axum::{type_docs, ProblemLayer}, i18n::Messages, Registry, Renderer};
/// use tower::ServiceExt;
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let renderer = Arc::new(Renderer::new(
///     Registry::with_builtins("http://localhost:8080/problems/").unwrap(),
///     Messages::builder().build().unwrap(),
/// ));
/// let app = Router::new()
///     .merge(type_docs(Arc::clone(&renderer)))
///     .layer(ProblemLayer::new(renderer));
/// let request = axum::http::Request::get("/problems/rate-limited").body(axum::body::Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub fn type_docs<S: Clone + Send + Sync + 'static>(renderer: Arc<Renderer>) -> Router<S> {
    let base = renderer.registry().base_path().to_owned();
    let docs = Arc::new(Docs::new(renderer));
    let route = |which: fn(&RawPathParams) -> DocsRequest<'_>| {
        let docs = Arc::clone(&docs);
        get(
            move |params: Result<RawPathParams, RawPathParamsRejection>, headers: HeaderMap| {
                let docs = Arc::clone(&docs);
                async move {
                    match params {
                        Ok(params) => answer(&docs, which(&params), &headers),
                        // A slug or locale that is not UTF-8 names nothing there is.
                        Err(_) => Problem::new(&builtin::ROUTE_NOT_FOUND).into_response(),
                    }
                }
            },
        )
    };
    if base == "/" {
        // At the root, `/{slug}` would take every unknown path: only the registered slugs.
        let slugs = docs.slugs();
        return slugs.iter().fold(Router::new(), |router, slug| {
            let docs = Arc::clone(&docs);
            let slug_owned = slug.clone();
            router.route(
                &format!("/{slug}"),
                get(move |headers: HeaderMap| {
                    let docs = Arc::clone(&docs);
                    let slug = slug_owned.clone();
                    async move { answer(&docs, DocsRequest::Type(&slug), &headers) }
                }),
            )
        });
    }
    let router = Router::new()
        .route(
            base.trim_end_matches('/'),
            route(|_| DocsRequest::Catalogue),
        )
        .route(&base, route(|_| DocsRequest::Catalogue))
        .route(
            &format!("{base}messages/{{file}}"),
            route(|params| DocsRequest::Messages(param(params, "file"))),
        )
        .route(
            &format!("{base}{{slug}}"),
            route(|params| DocsRequest::Type(param(params, "slug"))),
        );
    #[cfg(feature = "typescript")]
    let router = router.route(
        &format!("{base}problems.d.ts"),
        route(|_| DocsRequest::Declarations),
    );
    router
}

fn param<'a>(params: &'a RawPathParams, name: &str) -> &'a str {
    params
        .iter()
        .find(|(key, _)| *key == name)
        .map_or("", |(_, value)| value)
}

fn answer(docs: &Docs, request: DocsRequest<'_>, headers: &HeaderMap) -> Response {
    let mut read = HeaderMap::new();
    for (name, value) in headers {
        if READ_HEADERS.contains(&name.as_str()) {
            read.append(name.clone(), value.clone());
        }
    }
    match docs.answer(request, &read) {
        Ok(response) => {
            let (parts, body) = response.into_parts();
            Response::from_parts(parts, Body::from(body))
        }
        Err(problem) => Problem::into_response(problem),
    }
}
