//! Ready-made services: the default service for unknown routes, a resource's answer to a
//! wrong method, and the documentation pages that type URIs resolve to.

use std::sync::Arc;

use actix_web::dev::{AppService, HttpServiceFactory};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, Resource, web};

use super::convert;
use crate::adapter::docs::{Docs, DocsRequest, READ_HEADERS};
use crate::builtin;
use crate::{Problem, Renderer};

/// The default service of an `App`: every unknown path is `ROUTE_NOT_FOUND` 404.
///
/// # Examples
///
/// ```
/// use actix_web::{test, web, App};
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().default_service(web::to(pardon::actix::route_not_found))).await;
/// let response = test::call_service(&app, test::TestRequest::get().uri("/nope").to_request()).await;
/// assert_eq!(response.status(), 404);
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub async fn route_not_found() -> Result<HttpResponse, Problem> {
    Err(Problem::new(&builtin::ROUTE_NOT_FOUND))
}

/// A resource's default service: any method but `allowed` is `METHOD_NOT_ALLOWED` 405
/// with `Allow`. (Routes declared with `App::route` or `#[get]` answer 404 for a wrong
/// method; a `web::resource` with this default answers 405.)
///
/// # Examples
///
/// ```
/// use actix_web::{http::Method, test, web, App};
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(App::new().service(
///     web::resource("/items")
///         .route(web::get().to(|| async { "items" }))
///         .default_service(pardon::actix::method_not_allowed([Method::GET, Method::HEAD])),
/// ))
/// .await;
/// let response = test::call_service(&app, test::TestRequest::delete().uri("/items").to_request()).await;
/// assert_eq!(response.status(), 405);
/// assert_eq!(response.headers().get("allow").unwrap(), "GET, HEAD");
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub fn method_not_allowed(allowed: impl IntoIterator<Item = Method>) -> actix_web::Route {
    let allowed: Vec<http::Method> = allowed
        .into_iter()
        .filter_map(|m| http::Method::from_bytes(m.as_str().as_bytes()).ok())
        .collect();
    web::to(move || {
        let problem = Problem::new(&builtin::METHOD_NOT_ALLOWED).with_allow(allowed.clone());
        async move { Err::<HttpResponse, _>(problem) }
    })
}

/// The documentation of every registered problem type, under the path of the registry's
/// base URI (`/problems/` below), for people and for programs:
///
/// - `GET /problems/{slug}`: the type's page, localized HTML — or, for a client that asks
///   for `application/json`, its catalogue entry;
/// - `GET /problems`: the catalogue — every problem type and field code as JSON for a
///   client that asks for `application/json`, else an HTML index of the pages;
/// - `GET /problems/messages/{locale}.ftl`: the Fluent source of a locale, as the server
///   uses it, for a frontend's own Fluent bundle (`text/plain`, a strong `ETag`, 304 for
///   a matching `If-None-Match`).
///
/// Each answers in the language of `Accept-Language`, with `Content-Language` and `Vary`.
/// An unknown slug or locale is `ROUTE_NOT_FOUND`. With the base URI at the root of its
/// origin, only the type pages are served (at `/{slug}`, for registered slugs alone).
///
/// # Examples
///
/// ```
/// use std::sync::Arc;
/// use actix_web::{test, App};
/// use pardon::{i18n::Messages, Registry, Renderer};
///
/// # actix_web::rt::System::new().block_on(async {
/// let renderer = Arc::new(Renderer::new(
///     Registry::with_builtins("http://localhost:8080/problems/").unwrap(),
///     Messages::builder().build().unwrap(),
/// ));
/// let app = test::init_service(App::new().service(pardon::actix::type_docs(renderer))).await;
/// let request = test::TestRequest::get().uri("/problems/rate-limited").to_request();
/// let response = test::call_service(&app, request).await;
/// assert_eq!(response.status(), 200);
/// assert_eq!(response.headers().get("content-type").unwrap(), "text/html; charset=utf-8");
///
/// let request = test::TestRequest::get().uri("/problems").insert_header(("Accept", "application/json"));
/// let catalogue: serde_json::Value = test::call_and_read_body_json(&app, request.to_request()).await;
/// assert_eq!(catalogue["problems"][0]["code"], "VALIDATION_ERROR");
///
/// let request = test::TestRequest::get().uri("/problems/messages/fr.ftl").to_request();
/// let response = test::call_service(&app, request).await;
/// assert!(response.headers().get("etag").is_some());
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub fn type_docs(renderer: Arc<Renderer>) -> TypeDocs {
    let base = renderer.registry().base_path().to_owned();
    let docs = Arc::new(Docs::new(renderer));
    if base == "/" {
        // At the root, `/{slug}` would swallow every unknown path: match only the slugs.
        let slugs = docs.slugs();
        let path = if slugs.is_empty() {
            // Nothing to serve: a pattern no path matches (a slug is never empty).
            "/{slug:[^\\s\\S]}".to_owned()
        } else {
            format!("/{{slug:(?:{})}}", slugs.join("|"))
        };
        return TypeDocs(Mounted::AtRoot(resource(vec![path], &docs, |req| {
            DocsRequest::Type(req.match_info().get("slug").unwrap_or_default())
        })));
    }
    // Resources of their own, not a scope: a scope would take every path under the base
    // (an app's `/api/users/{id}` under a base of `/api/`).
    let mut resources = vec![
        resource(
            vec![base.trim_end_matches('/').to_owned(), base.clone()],
            &docs,
            |_| DocsRequest::Catalogue,
        ),
        resource(vec![format!("{base}messages/{{file}}")], &docs, |req| {
            DocsRequest::Messages(req.match_info().get("file").unwrap_or_default())
        }),
    ];
    // Before `{slug}`, which would take it for a slug.
    #[cfg(feature = "typescript")]
    resources.push(resource(
        vec![format!("{base}problems.d.ts")],
        &docs,
        |_| DocsRequest::Declarations,
    ));
    resources.push(resource(vec![format!("{base}{{slug}}")], &docs, |req| {
        DocsRequest::Type(req.match_info().get("slug").unwrap_or_default())
    }));
    TypeDocs(Mounted::Under(resources))
}

/// A `GET` (and `HEAD`) resource that answers what `which` says the request asks for.
fn resource(
    paths: Vec<String>,
    docs: &Arc<Docs>,
    which: fn(&HttpRequest) -> DocsRequest<'_>,
) -> Resource {
    let docs = Arc::clone(docs);
    web::resource(paths)
        .route(web::get().to(move |req: HttpRequest| {
            let docs = Arc::clone(&docs);
            async move {
                let headers = convert::request_headers(req.headers(), &READ_HEADERS);
                docs.answer(which(&req), &headers).map(convert::response)
            }
        }))
        .default_service(method_not_allowed([Method::GET, Method::HEAD]))
}

/// The documentation service [`type_docs`] makes, for `App::service`.
///
/// # Examples
///
/// ```
/// # let renderer = std::sync::Arc::new(pardon::Renderer::new(pardon::Registry::with_builtins("https://x.test/problems/")?, pardon::i18n::Messages::builder().build()?));
/// let app = actix_web::App::new().service(pardon::actix::type_docs(renderer));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub struct TypeDocs(Mounted);

/// Under a base path, its resources; at the root, only the registered slugs.
enum Mounted {
    Under(Vec<Resource>),
    AtRoot(Resource),
}

impl std::fmt::Debug for Mounted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Mounted::Under(_) => "Mounted::Under",
            Mounted::AtRoot(_) => "Mounted::AtRoot",
        })
    }
}

impl HttpServiceFactory for TypeDocs {
    fn register(self, config: &mut AppService) {
        match self.0 {
            Mounted::Under(resources) => {
                for resource in resources {
                    resource.register(config);
                }
            }
            Mounted::AtRoot(resource) => resource.register(config),
        }
    }
}
