//! Ready-made services: the default service for unknown routes, a resource's answer to a
//! wrong method, and the documentation pages that type URIs resolve to.

use std::sync::Arc;

use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, Resource, web};

use super::convert;
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

/// The documentation pages of every registered problem type, at the path of the
/// registry's base URI: `GET {path}{slug}` answers a localized HTML page; an unknown slug
/// is `ROUTE_NOT_FOUND`.
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
/// # });
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub fn type_docs(renderer: Arc<Renderer>) -> Resource {
    let base = base_path(renderer.registry().base_uri());
    let path = if base == "/" {
        // At the root, `/{slug}` would swallow every unknown path: match only the slugs.
        let slugs: Vec<String> = renderer.registry().types().map(|t| t.slug()).collect();
        if slugs.is_empty() {
            // Nothing to serve: a pattern no path matches (a slug is never empty).
            "/{slug:[^\\s\\S]}".to_owned()
        } else {
            format!("/{{slug:(?:{})}}", slugs.join("|"))
        }
    } else {
        format!("{base}{{slug}}")
    };
    web::resource(path)
        .route(web::get().to(move |req: HttpRequest| {
            let renderer = Arc::clone(&renderer);
            async move { type_page(&renderer, &req) }
        }))
        .default_service(method_not_allowed([Method::GET, Method::HEAD]))
}

fn type_page(renderer: &Renderer, req: &HttpRequest) -> Result<HttpResponse, Problem> {
    let slug = req.match_info().get("slug").unwrap_or_default();
    let problem_type = renderer
        .registry()
        .by_slug(slug)
        .ok_or_else(|| Problem::new(&builtin::ROUTE_NOT_FOUND))?;
    let headers = convert::negotiation_headers(req.headers());
    let locale = renderer.negotiate(&headers).locale();
    let page = renderer.type_page(problem_type, locale);
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Content-Language", page.content_language()))
        .insert_header(("Vary", "Accept-Language"))
        .body(page.into_html()))
}

/// The path part of an `http(s)` base URI; `/problems/` for any other scheme.
fn base_path(base: &str) -> &str {
    base.split_once("://")
        .filter(|(scheme, _)| {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        })
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("/problems/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_the_uri_path() {
        assert_eq!(base_path("http://localhost:8080/problems/"), "/problems/");
        assert_eq!(
            base_path("https://api.example.com/v1/errors/"),
            "/v1/errors/"
        );
        assert_eq!(base_path("https://api.example.com"), "/problems/");
        assert_eq!(base_path("urn:example:"), "/problems/");
    }
}
