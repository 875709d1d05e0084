//! The demo API on axum: the same application as `examples/server.rs` (its problem types,
//! messages, bodies, validation and OpenAPI document are shared, in `shared/`), answering
//! every route of the contract the same way. `cargo run --example axum --features axum`,
//! then try:
//!
//! ```text
//! curl -i localhost:8080/users/42 -H 'Accept-Language: fr'
//! ```
//!
//! `PORT` changes the port (0 picks a free one); `PUBLIC_URL` the origin of type URIs.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::{StatusCode, header, request::Parts};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use pardon::axum::{Path, ProblemLayer, ValidJson, route_not_found, type_docs};
use pardon::{Problem, Renderer};

#[path = "shared/problems.rs"]
mod problems;

// The bodies (with their validation), the OpenAPI document and the application itself,
// shared with the actix-web demo.
#[path = "shared/app.rs"]
mod application;
#[path = "shared/bodies.rs"]
mod bodies;
#[path = "shared/openapi.rs"]
pub(crate) mod openapi;

use application::{BODY_LIMIT, Role};
pub(crate) use application::{Store, renderer};
use bodies::{NewOrder, NewUser};

// ---------------------------------------------------------------------------------------
// The caller, from the Authorization header. A bad token is always a 401.

fn authorization(parts: &Parts) -> Option<&[u8]> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .map(|v| v.as_bytes())
}

/// The caller, if the request has an Authorization header; a bad one is `INVALID_TOKEN`.
struct MaybeCaller(Option<Role>);

/// A caller who must be authenticated: no Authorization header is `AUTH_REQUIRED`.
struct Caller(Role);

impl<S: Send + Sync> FromRequestParts<S> for MaybeCaller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Problem> {
        application::role_from(authorization(parts)).map(MaybeCaller)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Problem> {
        application::caller(authorization(parts)).map(Caller)
    }
}

/// The client's address (the loopback when the server did not record it).
struct ClientAddr(IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Problem> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(ClientAddr(
            peer.map_or(IpAddr::from([127, 0, 0, 1]), |info| info.0.ip()),
        ))
    }
}

/// A bad token is refused on every route, even where a token is optional.
async fn refuse_bad_tokens(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    if let Err(problem) = application::role_from(authorization(&parts)) {
        return problem.into_response();
    }
    next.run(Request::from_parts(parts, body)).await
}

// ---------------------------------------------------------------------------------------
// Handlers: each reads the request, asks the application, writes the response.

type Shared = State<Arc<Store>>;

async fn get_user(
    caller: MaybeCaller,
    Path(id): Path<String>,
    State(store): Shared,
) -> Result<Response, Problem> {
    Ok(Json(store.user(caller.0, &id)?).into_response())
}

async fn create_user(
    State(store): Shared,
    ValidJson(new): ValidJson<NewUser>,
) -> Result<Response, Problem> {
    let user = store.create_user(new)?;
    let location = format!("/users/{}", user.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(user),
    )
        .into_response())
}

async fn delete_user(
    caller: Caller,
    Path(id): Path<String>,
    State(store): Shared,
) -> Result<StatusCode, Problem> {
    store.delete_user(caller.0, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn create_order(
    _: Caller,
    State(store): Shared,
    ValidJson(order): ValidJson<NewOrder>,
) -> Result<Response, Problem> {
    let order = store.create_order(order)?;
    let location = format!("/orders/{}", order.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(order),
    )
        .into_response())
}

async fn reports(
    ClientAddr(client): ClientAddr,
    State(store): Shared,
) -> Result<Response, Problem> {
    Ok(Json(store.reports(client)?).into_response())
}

async fn weather() -> Result<Response, Problem> {
    Ok(Json(application::weather().await?).into_response())
}

async fn slow_weather() -> Result<Response, Problem> {
    Ok(Json(application::slow_weather().await?).into_response())
}

async fn exports() -> Problem {
    application::exports()
}

async fn debug_panic() -> Response {
    panic!("the debug route panics on purpose")
}

async fn debug_db() -> Problem {
    application::debug_db()
}

// ---------------------------------------------------------------------------------------
// The application.

/// The whole application, for the server and for tests.
pub(crate) fn app(store: Arc<Store>, renderer: Arc<Renderer>) -> Router {
    // The OpenAPI document, made once; a failure to make it is logged on request.
    let document = Arc::new(application::openapi_json(&renderer));
    let openapi_json = move || {
        let document = Arc::clone(&document);
        async move {
            match &*document {
                Ok(json) => Ok(([(header::CONTENT_TYPE, "application/json")], json.clone())),
                Err(problem) => Err(problem.clone()),
            }
        }
    };
    let routes = Router::new()
        .route("/users", post(create_user))
        .route("/users/{id}", get(get_user).delete(delete_user))
        .route("/orders", post(create_order))
        .route("/reports", get(reports))
        .route("/weather", get(weather))
        .route("/weather/slow", get(slow_weather))
        .route("/exports", get(exports))
        .route("/debug/panic", get(debug_panic))
        .route("/debug/db", get(debug_db))
        .route("/openapi.json", get(openapi_json))
        // Type documentation pages; ROUTE_NOT_FOUND for unknown paths.
        .merge(type_docs(Arc::clone(&renderer)))
        .fallback(route_not_found)
        .with_state(store);
    // Around the routes as a whole, not each route: a bad token is refused before routing,
    // so that a 401 never carries a route's `Allow`.
    Router::new()
        .fallback_service(routes)
        .layer(middleware::from_fn(refuse_bad_tokens))
        .layer(
            ProblemLayer::new(renderer)
                .access_log(true)
                .body_limit(BODY_LIMIT),
        )
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    application::init_logging();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", application::port()?)).await?;
    let port = listener.local_addr()?.port();
    let renderer = Arc::new(renderer(&application::origin(port))?);
    let app = app(Arc::new(Store::default()), renderer);
    // The handlers are installed before the ready line, so that no signal is missed.
    let stop = stop_signal()?;
    println!("listening on http://127.0.0.1:{port}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop)
    .await?;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        tracing::info!("stopping");
    })
}

/// Resolves on Ctrl-C (elsewhere than Unix there is no SIGTERM).
#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("stopping");
    })
}
