//! The demo API: a small users-and-orders service whose every error is a negotiated,
//! localized RFC 9457 problem. `cargo run --example server`, then try:
//!
//! ```text
//! curl -i localhost:8080/users/42 -H 'Accept-Language: fr'
//! curl -i localhost:8080/users -H 'Accept: text/plain' -H 'Content-Type: application/json' -d '{"email":"x"}'
//! ```
//!
//! `PORT` changes the port (0 picks a free one); `PUBLIC_URL` the origin of type URIs.

use std::collections::HashMap;
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::{App, FromRequest, HttpRequest, HttpResponse, HttpServer, web};
use pardon::actix::{ProblemMiddleware, ValidJson, configure, method_not_allowed, time_limit};
use pardon::builtin::{self, field};
use pardon::i18n::Messages;
use pardon::problem::MemberName;
use pardon::{FieldError, Problem, Registry, Renderer, RetryAfter};
use serde_json::json;

// ---------------------------------------------------------------------------------------
// This application's own problem types, with their messages in examples/locales/.
// Fields are extension members and the arguments of the messages.

// The problem types are shared with the demo's client (examples/client.rs).
#[path = "shared/problems.rs"]
mod problems;
use problems::DemoProblem;

// The request and response bodies, with their validation, and the OpenAPI document.
#[path = "shared/bodies.rs"]
mod bodies;
use bodies::{NewOrder, NewUser, Order, Report, Reports, User};
#[path = "shared/openapi.rs"]
pub(crate) mod openapi;

/// The extension member a 403 names the role it needed in.
const REQUIRED_ROLE: MemberName = MemberName::new("required_role");

/// The largest request body any endpoint reads.
const BODY_LIMIT: usize = 16 * 1024;

/// The registry of problem types, with type URIs under `{origin}/problems/`.
pub fn registry(origin: &str) -> Result<Registry, pardon::catalog::RegistryError> {
    let mut registry =
        Registry::with_builtins(&format!("{origin}/problems/"))?.with_realm("pardon-demo");
    registry.register_set::<DemoProblem>()?;
    Ok(registry)
}

/// The crate's messages plus ours, embedded at compile time.
pub fn messages() -> Result<Messages, pardon::i18n::MessagesError> {
    Messages::builder()
        .add_ftl(
            "en",
            "examples/locales/en/demo.ftl",
            include_str!("locales/en/demo.ftl"),
        )
        .add_ftl(
            "fr",
            "examples/locales/fr/demo.ftl",
            include_str!("locales/fr/demo.ftl"),
        )
        .add_ftl(
            "de",
            "examples/locales/de/demo.ftl",
            include_str!("locales/de/demo.ftl"),
        )
        .add_ftl(
            "es",
            "examples/locales/es/demo.ftl",
            include_str!("locales/es/demo.ftl"),
        )
        .add_ftl(
            "ar",
            "examples/locales/ar/demo.ftl",
            include_str!("locales/ar/demo.ftl"),
        )
        .build()
}

// ---------------------------------------------------------------------------------------
// In-memory data, reset at each start.

/// Users, stock, orders and rate-limit windows.
#[derive(Debug)]
pub struct Store {
    users: Mutex<Vec<User>>,
    stock: Mutex<HashMap<u64, u64>>,
    next_order: Mutex<u64>,
    report_windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

/// The demo's starting data.
impl Default for Store {
    fn default() -> Store {
        let user = |id, name: &str, private| User {
            id,
            name: name.to_owned(),
            email: format!("{}@example.com", name.to_lowercase()),
            private,
        };
        Store {
            users: Mutex::new(vec![
                user(1, "Alice", false),
                user(2, "Bob", false),
                user(3, "Carol", true),
            ]),
            stock: Mutex::new(HashMap::from([(1, 3), (2, 100)])),
            next_order: Mutex::new(1),
            report_windows: Mutex::new(HashMap::new()),
        }
    }
}

/// A poisoned lock only means another request panicked mid-update; the data is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

// ---------------------------------------------------------------------------------------
// Authentication: a bearer token names a caller. A bad token is always a 401.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Admin,
    User,
}

/// The caller, if the request has an Authorization header; a bad one is `INVALID_TOKEN`.
struct MaybeCaller(Option<Role>);

/// A caller who must be authenticated: no Authorization header is `AUTH_REQUIRED`.
struct Caller(Role);

fn role_from(req: &HttpRequest) -> Result<Option<Role>, Problem> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    // The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
    let credentials = value.to_str().ok().and_then(|v| v.split_once(' '));
    match credentials {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => match token.trim() {
            "admin-token" => Ok(Some(Role::Admin)),
            "user-token" => Ok(Some(Role::User)),
            _ => Err(Problem::new(&builtin::INVALID_TOKEN)),
        },
        _ => Err(Problem::new(&builtin::INVALID_TOKEN)),
    }
}

impl FromRequest for MaybeCaller {
    type Error = Problem;
    type Future = std::future::Ready<Result<Self, Problem>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(role_from(req).map(MaybeCaller))
    }
}

impl FromRequest for Caller {
    type Error = Problem;
    type Future = std::future::Ready<Result<Self, Problem>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let caller = role_from(req).and_then(|role| {
            role.map(Caller)
                .ok_or_else(|| Problem::new(&builtin::AUTH_REQUIRED))
        });
        std::future::ready(caller)
    }
}

// ---------------------------------------------------------------------------------------
// Handlers.

/// The id in the path: `None` for an integer that names no user (negative, huge).
fn user_id(raw: &str) -> Result<Option<u64>, Problem> {
    let digits = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::new(&builtin::VALIDATION_ERROR)
            .with_field_error(FieldError::parameter("id", &field::INVALID_TYPE)));
    }
    Ok(raw.parse::<u64>().ok())
}

async fn get_user(
    caller: MaybeCaller,
    id: web::Path<String>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    let wanted = user_id(&id)?;
    let users = lock(&store.users);
    let visible = users
        .iter()
        .find(|u| Some(u.id) == wanted && (!u.private || caller.0 == Some(Role::Admin)));
    match visible {
        Some(user) => Ok(HttpResponse::Ok().json(user)),
        // A private user looks exactly like a missing one: existence is concealed.
        None => Err(DemoProblem::UserNotFound {
            id: id.into_inner(),
        }
        .into()),
    }
}

async fn create_user(
    ValidJson(new): ValidJson<NewUser>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    let mut users = lock(&store.users);
    if users.iter().any(|u| u.email == new.email) {
        return Err(DemoProblem::DuplicateEmail { email: new.email }.into());
    }
    let user = User {
        id: users.iter().map(|u| u.id).max().unwrap_or(0) + 1,
        name: new.name,
        email: new.email,
        private: false,
    };
    users.push(user.clone());
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/users/{}", user.id)))
        .json(user))
}

async fn delete_user(
    caller: Caller,
    id: web::Path<String>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    if caller.0 != Role::Admin {
        return Err(
            Problem::new(&builtin::INSUFFICIENT_PERMISSIONS).with_member(REQUIRED_ROLE, "admin")
        );
    }
    let wanted = user_id(&id)?;
    let mut users = lock(&store.users);
    let before = users.len();
    users.retain(|u| Some(u.id) != wanted);
    if users.len() == before {
        return Err(DemoProblem::UserNotFound {
            id: id.into_inner(),
        }
        .into());
    }
    Ok(HttpResponse::NoContent().finish())
}

async fn create_order(
    _: Caller,
    ValidJson(order): ValidJson<NewOrder>,
    store: web::Data<Store>,
) -> Result<HttpResponse, Problem> {
    // Validated: every product is known and every quantity between 1 and 1000.
    let lines: Vec<(u64, u64)> = order
        .items
        .iter()
        .map(|item| (item.product_id.unsigned_abs(), item.quantity.unsigned_abs()))
        .collect();
    let mut stock = lock(&store.stock);
    let mut wanted: Vec<(u64, u64)> = Vec::new();
    for (product, quantity) in &lines {
        match wanted.iter_mut().find(|(p, _)| p == product) {
            Some((_, total)) => *total += quantity,
            None => wanted.push((*product, *quantity)),
        }
    }
    for &(product_id, requested) in &wanted {
        let available = stock.get(&product_id).copied().unwrap_or(0);
        if requested > available {
            return Err(DemoProblem::InsufficientInventory {
                product_id,
                requested,
                available,
            }
            .into());
        }
    }
    for (product_id, requested) in wanted {
        if let Some(left) = stock.get_mut(&product_id) {
            *left -= requested;
        }
    }
    let mut next = lock(&store.next_order);
    let id = *next;
    *next += 1;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/orders/{id}")))
        .json(Order {
            id,
            items: order.items,
        }))
}

async fn reports(req: HttpRequest, store: web::Data<Store>) -> Result<HttpResponse, Problem> {
    const WINDOW: Duration = Duration::from_secs(60);
    const LIMIT: u32 = 5;
    let client = req
        .peer_addr()
        .map_or(IpAddr::from([127, 0, 0, 1]), |a| a.ip());
    let now = Instant::now();
    let mut windows = lock(&store.report_windows);
    let (opened, count) = windows.entry(client).or_insert((now, 0));
    if now.duration_since(*opened) >= WINDOW {
        (*opened, *count) = (now, 0);
    }
    if *count >= LIMIT {
        let left = WINDOW.saturating_sub(now.duration_since(*opened));
        let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        return Err(Problem::new(&builtin::RATE_LIMITED)
            .with_retry_after(RetryAfter::seconds(seconds.max(1))));
    }
    *count += 1;
    Ok(HttpResponse::Ok().json(Reports {
        reports: vec![Report {
            id: 1,
            name: "Monthly sales".to_owned(),
        }],
    }))
}

async fn weather() -> Result<HttpResponse, Problem> {
    let upstream = actix_web::rt::net::TcpStream::connect(("127.0.0.1", 1)).await;
    match upstream {
        Ok(_) => Ok(HttpResponse::Ok().json(json!({"forecast": "sunny"}))),
        Err(error) => Err(Problem::new(&builtin::UPSTREAM_ERROR).with_source(error)),
    }
}

/// The simulated upstream behind `/weather/slow`: it answers, but only after 5 s.
async fn slow_forecast() -> serde_json::Value {
    actix_web::rt::time::sleep(Duration::from_secs(5)).await;
    json!({"forecast": "sunny"})
}

async fn slow_weather() -> Result<HttpResponse, Problem> {
    let forecast = time_limit(Duration::from_secs(1), "forecast upstream", slow_forecast()).await?;
    Ok(HttpResponse::Ok().json(forecast))
}

async fn exports() -> Result<HttpResponse, Problem> {
    Err(Problem::new(&builtin::SERVICE_UNAVAILABLE).with_retry_after(RetryAfter::seconds(300)))
}

async fn debug_panic() -> HttpResponse {
    panic!("the debug route panics on purpose")
}

/// `GET /openapi.json`: the document, or an internal error (logged) when it could not be made.
fn openapi_json(document: &Result<String, String>) -> Result<HttpResponse, Problem> {
    match document {
        Ok(json) => Ok(HttpResponse::Ok()
            .content_type("application/json")
            .body(json.clone())),
        Err(error) => Err(Problem::internal(DatabaseError(error.clone()))),
    }
}

/// An internal failure whose text must never reach a client.
#[derive(Debug)]
struct DatabaseError(String);

impl std::fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot connect to {}", self.0)
    }
}

impl std::error::Error for DatabaseError {}

async fn debug_db() -> Result<HttpResponse, Problem> {
    Err(Problem::internal(DatabaseError(
        "postgres://admin:hunter2@db.internal:5432/app".into(),
    )))
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
pub fn app(
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
    let document: Arc<Result<String, String>> = Arc::new(
        openapi::document(&renderer)
            .map_err(|error| error.to_string())
            .and_then(|document| document.to_json().map_err(|error| error.to_string())),
    );
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
            async move { openapi_json(&document) }
        }))
        // A bad token is refused on every route, even where a token is optional.
        .wrap_fn(|req, service| {
            let outcome = match role_from(req.request()) {
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

/// The renderer for a server reachable at `origin`.
pub fn renderer(origin: &str) -> Result<Renderer, Box<dyn std::error::Error>> {
    Ok(Renderer::new(registry(origin)?, messages()?))
}

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT must be a port number, not {port:?}"))?,
        Err(_) => 8080,
    };
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let port = listener.local_addr()?.port();
    let origin = std::env::var("PUBLIC_URL")
        .map(|url| url.trim_end_matches('/').to_owned())
        .unwrap_or_else(|_| format!("http://localhost:{port}"));
    let renderer = Arc::new(renderer(&origin)?);
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
