//! The demo's application, apart from any web framework: its registry and messages, its
//! data, who the caller is, and what each route does. `examples/server.rs` (actix-web)
//! and `examples/axum.rs` serve it; each only reads requests and writes responses.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

// `time_limit` is the same function under both adapters.
#[cfg(feature = "actix")]
use pardon::actix::time_limit;
#[cfg(not(feature = "actix"))]
use pardon::axum::time_limit;
use pardon::builtin::{self, field};
use pardon::i18n::Messages;
use pardon::problem::MemberName;
use pardon::{FieldError, Problem, Registry, Renderer, RetryAfter};
use serde_json::{Value, json};

use super::bodies::{NewOrder, NewUser, Order, Report, Reports, User};
use super::problems::DemoProblem;

/// The largest request body any endpoint reads.
pub(crate) const BODY_LIMIT: usize = 16 * 1024;

/// The extension member a 403 names the role it needed in.
const REQUIRED_ROLE: MemberName = MemberName::new("required_role");

/// The registry of problem types, with type URIs under `{origin}/problems/`.
pub(crate) fn registry(origin: &str) -> Result<Registry, pardon::catalog::RegistryError> {
    let mut registry =
        Registry::with_builtins(&format!("{origin}/problems/"))?.with_realm("pardon-demo");
    registry.register_set::<DemoProblem>()?;
    Ok(registry)
}

/// The crate's messages plus ours, embedded at compile time.
pub(crate) fn messages() -> Result<Messages, pardon::i18n::MessagesError> {
    Messages::builder()
        .add_ftl(
            "en",
            "examples/locales/en/demo.ftl",
            include_str!("../locales/en/demo.ftl"),
        )
        .add_ftl(
            "fr",
            "examples/locales/fr/demo.ftl",
            include_str!("../locales/fr/demo.ftl"),
        )
        .add_ftl(
            "de",
            "examples/locales/de/demo.ftl",
            include_str!("../locales/de/demo.ftl"),
        )
        .add_ftl(
            "es",
            "examples/locales/es/demo.ftl",
            include_str!("../locales/es/demo.ftl"),
        )
        .add_ftl(
            "ar",
            "examples/locales/ar/demo.ftl",
            include_str!("../locales/ar/demo.ftl"),
        )
        .build()
}

/// The renderer for a server reachable at `origin`.
pub(crate) fn renderer(origin: &str) -> Result<Renderer, Box<dyn std::error::Error>> {
    Ok(Renderer::new(registry(origin)?, messages()?))
}

/// The origin of type URIs: `PUBLIC_URL`, else `http://localhost:{port}`.
pub(crate) fn origin(port: u16) -> String {
    std::env::var("PUBLIC_URL")
        .map(|url| url.trim_end_matches('/').to_owned())
        .unwrap_or_else(|_| format!("http://localhost:{port}"))
}

/// The port to listen on: `PORT`, else 8080 (0 picks a free one).
pub(crate) fn port() -> Result<u16, String> {
    match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT must be a port number, not {port:?}")),
        Err(_) => Ok(8080),
    }
}

/// One log line per request, through `tracing` (`RUST_LOG` filters; `info` by default).
pub(crate) fn init_logging() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
}

// ---------------------------------------------------------------------------------------
// Authentication: a bearer token names a caller. A bad token is always a 401.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Admin,
    User,
}

/// The caller named by an `Authorization` header, if there is one; a bad one is
/// `INVALID_TOKEN`.
pub(crate) fn role_from(authorization: Option<&[u8]>) -> Result<Option<Role>, Problem> {
    let Some(value) = authorization else {
        return Ok(None);
    };
    // The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
    let credentials = std::str::from_utf8(value)
        .ok()
        .and_then(|v| v.split_once(' '));
    match credentials {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => match token.trim() {
            "admin-token" => Ok(Some(Role::Admin)),
            "user-token" => Ok(Some(Role::User)),
            _ => Err(Problem::new(&builtin::INVALID_TOKEN)),
        },
        _ => Err(Problem::new(&builtin::INVALID_TOKEN)),
    }
}

/// A caller who must be authenticated: no `Authorization` header is `AUTH_REQUIRED`.
pub(crate) fn caller(authorization: Option<&[u8]>) -> Result<Role, Problem> {
    role_from(authorization)?.ok_or_else(|| Problem::new(&builtin::AUTH_REQUIRED))
}

// ---------------------------------------------------------------------------------------
// In-memory data, reset at each start, and what each route does with it.

/// Users, stock, orders and rate-limit windows.
#[derive(Debug)]
pub(crate) struct Store {
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

/// The id in the path: `None` for an integer that names no user (negative, huge).
fn user_id(raw: &str) -> Result<Option<u64>, Problem> {
    let digits = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::new(&builtin::VALIDATION_ERROR)
            .with_field_error(FieldError::parameter("id", &field::INVALID_TYPE)));
    }
    Ok(raw.parse::<u64>().ok())
}

impl Store {
    /// `GET /users/{id}`: a private user looks exactly like a missing one to anyone but an
    /// admin: existence is concealed.
    pub(crate) fn user(&self, caller: Option<Role>, id: &str) -> Result<User, Problem> {
        let wanted = user_id(id)?;
        let users = lock(&self.users);
        users
            .iter()
            .find(|u| Some(u.id) == wanted && (!u.private || caller == Some(Role::Admin)))
            .cloned()
            .ok_or_else(|| DemoProblem::UserNotFound { id: id.to_owned() }.into())
    }

    /// `POST /users`: the new user, or `DUPLICATE_EMAIL`.
    pub(crate) fn create_user(&self, new: NewUser) -> Result<User, Problem> {
        let mut users = lock(&self.users);
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
        Ok(user)
    }

    /// `DELETE /users/{id}`: admins only.
    pub(crate) fn delete_user(&self, caller: Role, id: &str) -> Result<(), Problem> {
        if caller != Role::Admin {
            return Err(Problem::new(&builtin::INSUFFICIENT_PERMISSIONS)
                .with_member(REQUIRED_ROLE, "admin"));
        }
        let wanted = user_id(id)?;
        let mut users = lock(&self.users);
        let before = users.len();
        users.retain(|u| Some(u.id) != wanted);
        if users.len() == before {
            return Err(DemoProblem::UserNotFound { id: id.to_owned() }.into());
        }
        Ok(())
    }

    /// `POST /orders`: validated (every product known, every quantity 1 to 1000), then
    /// checked against the stock, product by product.
    pub(crate) fn create_order(&self, order: NewOrder) -> Result<Order, Problem> {
        let mut stock = lock(&self.stock);
        let mut wanted: Vec<(u64, u64)> = Vec::new();
        for item in &order.items {
            let (product, quantity) =
                (item.product_id.unsigned_abs(), item.quantity.unsigned_abs());
            match wanted.iter_mut().find(|(p, _)| *p == product) {
                Some((_, total)) => *total += quantity,
                None => wanted.push((product, quantity)),
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
        let mut next = lock(&self.next_order);
        let id = *next;
        *next += 1;
        Ok(Order {
            id,
            items: order.items,
        })
    }

    /// `GET /reports`: at most 5 per client address in a fixed 60-second window opened by
    /// its first request; answered 429s do not count.
    pub(crate) fn reports(&self, client: IpAddr) -> Result<Reports, Problem> {
        const WINDOW: Duration = Duration::from_secs(60);
        const LIMIT: u32 = 5;
        let now = Instant::now();
        let mut windows = lock(&self.report_windows);
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
        Ok(Reports {
            reports: vec![Report {
                id: 1,
                name: "Monthly sales".to_owned(),
            }],
        })
    }
}

// ---------------------------------------------------------------------------------------
// Routes that fail on purpose.

/// `GET /weather`: an upstream at `127.0.0.1:1`, where nothing listens.
pub(crate) async fn weather() -> Result<Value, Problem> {
    match tokio::net::TcpStream::connect(("127.0.0.1", 1)).await {
        Ok(_) => Ok(json!({"forecast": "sunny"})),
        Err(error) => Err(Problem::new(&builtin::UPSTREAM_ERROR).with_source(error)),
    }
}

/// The simulated upstream behind `/weather/slow`: it answers, but only after 5 s.
async fn slow_forecast() -> Value {
    tokio::time::sleep(Duration::from_secs(5)).await;
    json!({"forecast": "sunny"})
}

/// `GET /weather/slow`: given up after 1 s.
pub(crate) async fn slow_weather() -> Result<Value, Problem> {
    time_limit(Duration::from_secs(1), "forecast upstream", slow_forecast()).await
}

/// `GET /exports`: down for maintenance.
pub(crate) fn exports() -> Problem {
    Problem::new(&builtin::SERVICE_UNAVAILABLE).with_retry_after(RetryAfter::seconds(300))
}

/// An internal failure whose text must never reach a client.
#[derive(Debug)]
pub(crate) struct DatabaseError(pub(crate) String);

impl std::fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot connect to {}", self.0)
    }
}

impl std::error::Error for DatabaseError {}

/// `GET /debug/db`: the database fails, and its URL (with a password) is in the error.
pub(crate) fn debug_db() -> Problem {
    Problem::internal(DatabaseError(
        "postgres://admin:hunter2@db.internal:5432/app".into(),
    ))
}

/// `GET /openapi.json`: the document, made once; an internal error (logged) if it could
/// not be made.
pub(crate) fn openapi_json(renderer: &Renderer) -> Result<String, Problem> {
    super::openapi::document(renderer)
        .map_err(|error| error.to_string())
        .and_then(|document| document.to_json().map_err(|error| error.to_string()))
        .map_err(|error| Problem::internal(DocumentError(error)))
}

/// Why the OpenAPI document could not be made.
#[derive(Debug)]
struct DocumentError(String);

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the OpenAPI document could not be made: {}", self.0)
    }
}

impl std::error::Error for DocumentError {}
