//! The demo API: a small users-and-orders service whose every error is a negotiated,
//! localized RFC 9457 problem, served by actix-web. `cargo run --example server`, then try:
//!
//! ```text
//! curl -i localhost:8080/users/42 -H 'Accept-Language: fr'
//! curl -i localhost:8080/users -H 'Accept: text/plain' -H 'Content-Type: application/json' -d '{"email":"x"}'
//! ```
//!
//! `PORT` changes the port (0 picks a free one); `PUBLIC_URL` the origin of type URIs.
//! The application itself (`shared/app.rs`) is the same under axum (`examples/axum.rs`).

use std::net::{IpAddr, TcpListener};
use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::{App, FromRequest, HttpRequest, HttpResponse, HttpServer, web};
use pardon::actix::{ProblemMiddleware, ValidJson, configure, method_not_allowed};
use pardon::{Problem, Renderer};

// The problem types are shared with the demo's client (examples/client.rs).
#[path = "shared/problems.rs"]
mod problems;

// The bodies (with their validation), the OpenAPI document and the application itself,
// shared with the axum demo.
#[path = "shared/app.rs"]
mod application;
#[path = "shared/bodies.rs"]
mod bodies;
#[path = "shared/openapi.rs"]
pub(crate) mod openapi;

use application::{BODY_LIMIT, Role};
pub(crate) use application::{Store, renderer};
// The tests (tests/demo.rs) reach these through this module.
#[allow(unused_imports)]
pub(crate) use application::{messages, registry};
use bodies::{NewOrder, NewUser};

// ---------------------------------------------------------------------------------------
// The caller, from the Authorization header. A bad token is always a 401.

fn authorization(req: &HttpRequest) -> Option<&[u8]> {
    req.headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.as_bytes())
}

/// The caller, if the request has an Authorization header; a bad one is `INVALID_TOKEN`.
struct MaybeCaller(Option<Role>);

/// A caller who must be authenticated: no Authorization header is `AUTH_REQUIRED`.
struct Caller(Role);

impl FromRequest for MaybeCaller {
    type Error = Problem;
    type Future = std::future::Ready<Result<Self, Problem>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(application::role_from(authorization(req)).map(MaybeCaller))
    }
}

impl FromRequest for Caller {
    type Error = Problem;
    type Future = std::future::Ready<Result<Self, Problem>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(application::caller(authorization(req)).map(Caller))
    }
}

// ---------------------------------------------------------------------------------------
// Handlers: each reads the request, asks the application, writes the response.

async fn get_user(
    caller: MaybeCaller,
    id: web::Path<String>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    Ok(HttpResponse::Ok().json(store.user(caller.0, &id)?))
}

async fn create_user(
    ValidJson(new): ValidJson<NewUser>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    let user = store.create_user(new)?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/users/{}", user.id)))
        .json(user))
}

async fn delete_user(
    caller: Caller,
    id: web::Path<String>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    store.delete_user(caller.0, &id)?;
    Ok(HttpResponse::NoContent().finish())
}

async fn create_order(
    _: Caller,
    ValidJson(order): ValidJson<NewOrder>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    let order = store.create_order(order)?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/orders/{}", order.id)))
        .json(order))
}

async fn reports(req: HttpRequest, store: web::Data<Store>) -> Result<HttpResponse, Problem> {
    let client = req
        .peer_addr()
        .map_or(IpAddr::from([127, 0, 0, 1]), |a| a.ip());
    Ok(HttpResponse::Ok().json(store.reports(client)?))
}

async fn weather() -> Result<HttpResponse, Problem> {
    Ok(HttpResponse::Ok().json(application::weather().await?))
}

async fn slow_weather() -> Result<HttpResponse, Problem> {
    Ok(HttpResponse::Ok().json(application::slow_weather().await?))
}

async fn exports() -> Result<HttpResponse, Problem> {
    Err(application::exports())
}

async fn debug_panic() -> HttpResponse {
    panic!("the debug route panics on purpose")
}

async fn debug_db() -> Result<HttpResponse, Problem> {
    Err(application::debug_db())
}

// ---------------------------------------------------------------------------------------
// The application.

/// A resource that answers `GET` (and `HEAD`) with `handler`, and 405 to anything else.
fn get_only<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path)
        .route(web::get().to(handler))
        .default_service(method_not_allowed([Method::GET, Method::HEAD]))
}

/// The whole application, for the server and for tests.
pub(crate) fn app(
    store: web::Data<Store>,
    renderer: Arc<Renderer>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    // The OpenAPI document, made once per app; a failure to make it is logged on request.
    let document = Arc::new(application::openapi_json(&renderer));
    App::new()
        .app_data(store)
        // Extractor configs, type documentation pages, ROUTE_NOT_FOUND for unknown paths.
        .configure(configure(&renderer, BODY_LIMIT))
        .service(
            web::resource("/users")
                .route(web::post().to(create_user))
                .default_service(method_not_allowed([Method::POST])),
        )
        .service(
            web::resource("/users/{id}")
                .route(web::get().to(get_user))
                .route(web::delete().to(delete_user))
                .default_service(method_not_allowed([
                    Method::GET,
                    Method::HEAD,
                    Method::DELETE,
                ])),
        )
        .service(
            web::resource("/orders")
                .route(web::post().to(create_order))
                .default_service(method_not_allowed([Method::POST])),
        )
        .service(get_only("/reports", reports))
        .service(get_only("/weather", weather))
        .service(get_only("/weather/slow", slow_weather))
        .service(get_only("/exports", exports))
        .service(get_only("/debug/panic", debug_panic))
        .service(get_only("/debug/db", debug_db))
        .service(get_only("/openapi.json", move || {
            let document = Arc::clone(&document);
            async move {
                match &*document {
                    Ok(json) => Ok(HttpResponse::Ok()
                        .content_type("application/json")
                        .body(json.clone())),
                    Err(problem) => Err(problem.clone()),
                }
            }
        }))
        // A bad token is refused on every route, even where a token is optional.
        .wrap_fn(|req, service| {
            let outcome = match application::role_from(authorization(req.request())) {
                Err(problem) => Err(req.error_response(problem)),
                Ok(_) => Ok(service.call(req)),
            };
            async move {
                match outcome {
                    Err(refused) => Ok(refused.map_into_right_body()),
                    Ok(call) => call.await.map(ServiceResponse::map_into_left_body),
                }
            }
        })
        .wrap(ProblemMiddleware::new(renderer).access_log(true))
}

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    application::init_logging();
    let listener = TcpListener::bind(("127.0.0.1", application::port()?))?;
    let port = listener.local_addr()?.port();
    let renderer = Arc::new(renderer(&application::origin(port))?);
    let store = web::Data::new(Store::default());
    let server = HttpServer::new(move || app(store.clone(), Arc::clone(&renderer)))
        .workers(2)
        .disable_signals()
        .listen(listener)?
        .run();
    stop_on_signals(&server)?;
    println!("listening on http://127.0.0.1:{port}");
    server.await?;
    Ok(())
}

/// Ctrl-C and SIGTERM stop the server gracefully. The handlers are installed before the
/// ready line is printed, so a signal sent right after it is never missed.
#[cfg(unix)]
fn stop_on_signals(server: &actix_web::dev::Server) -> std::io::Result<()> {
    use actix_web::rt::signal::unix::{SignalKind, signal};
    for kind in [SignalKind::interrupt(), SignalKind::terminate()] {
        let mut signals = signal(kind)?;
        let handle = server.handle();
        actix_web::rt::spawn(async move {
            if signals.recv().await.is_some() {
                tracing::info!("stopping");
                handle.stop(true).await;
            }
        });
    }
    Ok(())
}

/// Ctrl-C stops the server gracefully (elsewhere than Unix there is no SIGTERM).
#[cfg(not(unix))]
fn stop_on_signals(server: &actix_web::dev::Server) -> std::io::Result<()> {
    let handle = server.handle();
    actix_web::rt::spawn(async move {
        if actix_web::rt::signal::ctrl_c().await.is_ok() {
            tracing::info!("stopping");
            handle.stop(true).await;
        }
    });
    Ok(())
}
