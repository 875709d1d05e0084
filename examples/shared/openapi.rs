//! The demo's OpenAPI 3.1 document, served at `GET /openapi.json`: every route of the
//! contract (`shared/demo-api.md`) with its success and each problem it can answer.
//!
//! The operations are described here, apart from the handlers, so that every server of the
//! same contract serves the same description; an application with one server puts
//! `#[utoipa::path]` on its handlers instead. The problem types' schemas, responses,
//! examples in every locale and headers come from the registry through
//! `pardon::openapi::add_problems`.

use pardon::openapi::{add_problems, add_to_every_operation, add_type_docs};
use pardon::{Renderer, builtin};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::bodies::{NewOrder, NewUser, Order, Reports, User};
use super::problems::DemoProblem;

// Each route names every problem it can answer in one list: utoipa keeps one response per
// status, so two lists with a status in common would lose one of them.

pardon::problem_responses! {
    /// What a JSON body can be refused for, before the handler runs.
    BodyProblems = [
        builtin::PAYLOAD_TOO_LARGE,
        builtin::UNSUPPORTED_MEDIA_TYPE,
        builtin::MALFORMED_JSON,
        builtin::VALIDATION_ERROR,
    ]
}

pardon::problem_responses! {
    /// A route that needs a token (any route also refuses a bad one: `document` adds it).
    AuthProblems = [builtin::AUTH_REQUIRED]
}

pardon::problem_responses! {
    GetUserProblems = [builtin::VALIDATION_ERROR, DemoProblem::USER_NOT_FOUND]
}

pardon::problem_responses! {
    CreateUserProblems = [..BodyProblems, DemoProblem::DUPLICATE_EMAIL]
}

pardon::problem_responses! {
    DeleteUserProblems = [
        ..AuthProblems,
        builtin::INSUFFICIENT_PERMISSIONS,
        builtin::VALIDATION_ERROR,
        DemoProblem::USER_NOT_FOUND,
    ]
}

pardon::problem_responses! {
    CreateOrderProblems = [..AuthProblems, ..BodyProblems, DemoProblem::INSUFFICIENT_INVENTORY]
}

pardon::problem_responses! {
    RateLimited = [builtin::RATE_LIMITED]
}

pardon::problem_responses! {
    UpstreamError = [builtin::UPSTREAM_ERROR]
}

pardon::problem_responses! {
    UpstreamTimeout = [builtin::UPSTREAM_TIMEOUT]
}

pardon::problem_responses! {
    Unavailable = [builtin::SERVICE_UNAVAILABLE]
}

pardon::problem_responses! {
    InternalError = [builtin::INTERNAL_ERROR]
}

/// `GET /users/{id}`.
#[utoipa::path(
    get,
    path = "/users/{id}",
    tag = "users",
    summary = "A user",
    description = "A private user is visible to an admin alone: to anyone else it does not exist.",
    params(("id" = i64, Path, description = "The user's id")),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The user", body = User), GetUserProblems)
)]
#[allow(dead_code)]
fn get_user() {}

/// `POST /users`.
#[utoipa::path(
    post,
    path = "/users",
    tag = "users",
    summary = "Create a user",
    request_body = NewUser,
    responses(
        (status = 201, description = "The new user", body = User,
            headers(("Location" = String, description = "The new user's path"))),
        CreateUserProblems
    )
)]
#[allow(dead_code)]
fn create_user() {}

/// `DELETE /users/{id}`.
#[utoipa::path(
    delete,
    path = "/users/{id}",
    tag = "users",
    summary = "Delete a user (admins only)",
    params(("id" = i64, Path, description = "The user's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        DeleteUserProblems
    )
)]
#[allow(dead_code)]
fn delete_user() {}

/// `POST /orders`.
#[utoipa::path(
    post,
    path = "/orders",
    tag = "orders",
    summary = "Place an order",
    request_body = NewOrder,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The order", body = Order,
            headers(("Location" = String, description = "The order's path"))),
        CreateOrderProblems
    )
)]
#[allow(dead_code)]
fn create_order() {}

/// `GET /reports`.
#[utoipa::path(
    get,
    path = "/reports",
    tag = "reports",
    summary = "Reports, at most 5 a minute per client address",
    responses((status = 200, description = "The reports", body = Reports), RateLimited)
)]
#[allow(dead_code)]
fn reports() {}

/// `GET /weather`.
#[utoipa::path(
    get,
    path = "/weather",
    tag = "upstream",
    summary = "A forecast from an upstream that never answers",
    responses(UpstreamError)
)]
#[allow(dead_code)]
fn weather() {}

/// `GET /weather/slow`.
#[utoipa::path(
    get,
    path = "/weather/slow",
    tag = "upstream",
    summary = "A forecast from an upstream too slow to wait for",
    responses(UpstreamTimeout)
)]
#[allow(dead_code)]
fn slow_weather() {}

/// `GET /exports`.
#[utoipa::path(
    get,
    path = "/exports",
    tag = "upstream",
    summary = "Exports, down for maintenance",
    responses(Unavailable)
)]
#[allow(dead_code)]
fn exports() {}

/// `GET /debug/panic`.
#[utoipa::path(
    get,
    path = "/debug/panic",
    tag = "debug",
    summary = "A handler that panics",
    responses(InternalError)
)]
#[allow(dead_code)]
fn debug_panic() {}

/// `GET /debug/db`.
#[utoipa::path(
    get,
    path = "/debug/db",
    tag = "debug",
    summary = "A handler whose database fails",
    responses(InternalError)
)]
#[allow(dead_code)]
fn debug_db() {}

/// `GET /openapi.json`.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "documentation",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI 3.1 description of this API",
        content_type = "application/json", body = Object))
)]
#[allow(dead_code)]
fn openapi_json() {}

/// The bearer tokens of the demo.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "pardon demo",
        description = "A small users-and-orders service whose every error is an RFC 9457 \
            problem, negotiated by `Accept` and `Accept-Language`.",
        version = "1.0.0"
    ),
    paths(
        get_user,
        create_user,
        delete_user,
        create_order,
        reports,
        weather,
        slow_weather,
        exports,
        debug_panic,
        debug_db,
        openapi_json
    ),
    modifiers(&BearerAuth)
)]
struct DemoApi;

/// The demo's document, for the server whose renderer is `renderer`: the routes above,
/// the type documentation, and every problem type.
pub(crate) fn document(
    renderer: &Renderer,
) -> Result<utoipa::openapi::OpenApi, pardon::openapi::OpenApiError> {
    let mut document = DemoApi::openapi();
    add_type_docs(&mut document, renderer);
    // Any Authorization header but a valid token is refused on every route.
    add_to_every_operation(&mut document, &[&builtin::INVALID_TOKEN]);
    add_problems(&mut document, renderer)?;
    Ok(document)
}
