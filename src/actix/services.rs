//! Ready-made services: the default service for unknown routes, a resource's answer to a
//! wrong method, and the documentation pages that type URIs resolve to.

use std::sync::Arc;

use actix_web::dev::{AppService, HttpServiceFactory};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, Resource, web};

use super::convert;
use crate::builtin;
use crate::negotiate::{Format, Offer};
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
    let base = renderer.registry().base_path();
    if base == "/" {
        // At the root, `/{slug}` would swallow every unknown path: match only the slugs.
        let slugs: Vec<String> = renderer.registry().types().map(|t| t.slug()).collect();
        let path = if slugs.is_empty() {
            // Nothing to serve: a pattern no path matches (a slug is never empty).
            "/{slug:[^\\s\\S]}".to_owned()
        } else {
            format!("/{{slug:(?:{})}}", slugs.join("|"))
        };
        return TypeDocs(Docs::AtRoot(slug_resource(path, renderer)));
    }
    let sources: Arc<Vec<FtlSource>> = Arc::new(
        renderer
            .messages()
            .locales()
            .map(|tag| FtlSource::new(&renderer, tag))
            .collect(),
    );
    let index = {
        let renderer = Arc::clone(&renderer);
        move |req: HttpRequest| {
            let renderer = Arc::clone(&renderer);
            async move { catalogue(&renderer, &req) }
        }
    };
    // Resources of their own, not a scope: a scope would take every path under the base
    // (an app's `/api/users/{id}` under a base of `/api/`).
    let mut resources = vec![
        web::resource([base.trim_end_matches('/').to_owned(), base.to_owned()])
            .route(web::get().to(index))
            .default_service(method_not_allowed([Method::GET, Method::HEAD])),
        web::resource(format!("{base}messages/{{file}}"))
            .route(web::get().to(move |req: HttpRequest| {
                let sources = Arc::clone(&sources);
                async move { ftl_source(&sources, &req) }
            }))
            .default_service(method_not_allowed([Method::GET, Method::HEAD])),
    ];
    // Before `{slug}`, which would take it for a slug.
    #[cfg(feature = "typescript")]
    resources.push(declarations_resource(&renderer, base));
    resources.push(slug_resource(format!("{base}{{slug}}"), renderer));
    TypeDocs(Docs::Under(resources))
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
pub struct TypeDocs(Docs);

/// Under a base path, its resources; at the root, only the registered slugs.
enum Docs {
    Under(Vec<Resource>),
    AtRoot(Resource),
}

impl std::fmt::Debug for Docs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Docs::Under(_) => "Docs::Under",
            Docs::AtRoot(_) => "Docs::AtRoot",
        })
    }
}

impl HttpServiceFactory for TypeDocs {
    fn register(self, config: &mut AppService) {
        match self.0 {
            Docs::Under(resources) => {
                for resource in resources {
                    resource.register(config);
                }
            }
            Docs::AtRoot(resource) => resource.register(config),
        }
    }
}

/// `GET /problems.d.ts`: the TypeScript declarations of every problem type.
#[cfg(feature = "typescript")]
fn declarations_resource(renderer: &Renderer, base: &str) -> Resource {
    let declarations: Arc<str> = crate::typescript::declarations(renderer.registry()).into();
    web::resource(format!("{base}problems.d.ts"))
        .route(web::get().to(move || {
            let declarations = Arc::clone(&declarations);
            async move {
                HttpResponse::Ok()
                    .content_type("application/typescript; charset=utf-8")
                    .body(declarations.to_string())
            }
        }))
        .default_service(method_not_allowed([Method::GET, Method::HEAD]))
}

fn slug_resource(path: String, renderer: Arc<Renderer>) -> Resource {
    web::resource(path)
        .route(web::get().to(move |req: HttpRequest| {
            let renderer = Arc::clone(&renderer);
            async move { type_page(&renderer, &req) }
        }))
        .default_service(method_not_allowed([Method::GET, Method::HEAD]))
}

/// Whether the client asks for JSON rather than a page (a page unless it prefers JSON).
fn wants_json(headers: &http::HeaderMap) -> bool {
    Offer::new([Format::Html, Format::Json]).negotiate(headers) == Ok(Format::Json)
}

fn type_page(renderer: &Renderer, req: &HttpRequest) -> Result<HttpResponse, Problem> {
    let slug = req.match_info().get("slug").unwrap_or_default();
    let problem_type = renderer
        .registry()
        .by_slug(slug)
        .ok_or_else(|| Problem::new(&builtin::ROUTE_NOT_FOUND))?;
    let headers = convert::negotiation_headers(req.headers());
    let locale = renderer.negotiate(&headers).locale();
    if wants_json(&headers) {
        let entry = renderer.catalogue_entry(problem_type, locale);
        let language = entry.content_language().to_owned();
        return Ok(catalogue_response(
            "application/json",
            &language,
            entry.into_body(),
        ));
    }
    let page = renderer.type_page(problem_type, locale);
    let language = page.content_language().to_owned();
    Ok(catalogue_response(
        "text/html; charset=utf-8",
        &language,
        page.into_html().into_bytes(),
    ))
}

fn catalogue(renderer: &Renderer, req: &HttpRequest) -> Result<HttpResponse, Problem> {
    let headers = convert::negotiation_headers(req.headers());
    let locale = renderer.negotiate(&headers).locale();
    let (content_type, document) = if wants_json(&headers) {
        ("application/json", renderer.catalogue(locale))
    } else {
        ("text/html; charset=utf-8", renderer.catalogue_page(locale))
    };
    let language = document.content_language().to_owned();
    Ok(catalogue_response(
        content_type,
        &language,
        document.into_body(),
    ))
}

fn catalogue_response(content_type: &str, language: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Content-Language", language))
        .insert_header(("Vary", "Accept, Accept-Language"))
        .body(body)
}

/// A locale's Fluent source, served as a file: its text and strong entity tag, made once.
struct FtlSource {
    file: String,
    text: String,
    etag: String,
}

impl FtlSource {
    fn new(renderer: &Renderer, tag: &str) -> FtlSource {
        let messages = renderer.messages();
        let text = messages
            .locale(tag)
            .map(|locale| messages.ftl(locale))
            .unwrap_or_default();
        // FNV-1a over the text: the tag changes whenever the text does.
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        FtlSource {
            file: format!("{tag}.ftl"),
            etag: format!("\"{hash:016x}-{:x}\"", text.len()),
            text,
        }
    }
}

fn ftl_source(sources: &[FtlSource], req: &HttpRequest) -> Result<HttpResponse, Problem> {
    let file = req.match_info().get("file").unwrap_or_default();
    let source = sources
        .iter()
        .find(|s| s.file.eq_ignore_ascii_case(file))
        .ok_or_else(|| Problem::new(&builtin::ROUTE_NOT_FOUND))?;
    let cache = ("Cache-Control", "public, no-cache");
    if none_match(req, &source.etag) {
        return Ok(HttpResponse::NotModified()
            .insert_header(("ETag", source.etag.as_str()))
            .insert_header(cache)
            .finish());
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(("ETag", source.etag.as_str()))
        .insert_header(cache)
        .body(source.text.clone()))
}

/// Whether `If-None-Match` names `etag` (or is `*`): RFC 9110 §13.1.2, weak comparison.
fn none_match(req: &HttpRequest, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    req.headers()
        .get_all("if-none-match")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == opaque(etag))
}
