//! The demo API of `examples/server.rs`, row by row of `shared/demo-api.md`, driven
//! in-process with `actix_web::test`; every problem in several formats and languages.
#![cfg(all(
    feature = "actix",
    feature = "derive",
    feature = "validator",
    feature = "utoipa"
))]

// The example is included as a module: its `main` is unused here, its `pub` items local.
#[allow(dead_code, unreachable_pub)]
#[path = "../examples/server.rs"]
mod server;

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::Method;
use actix_web::test::{self, TestRequest};
use actix_web::web;
use pardon::testing::ProblemResponse;
use serde_json::{Value, json};

const ORIGIN: &str = "http://localhost:8080";

/// Format, language, and a word of the title that proves the language.
const VIEWS: [(&str, &str); 4] = [
    ("application/problem+json", "en"),
    ("text/plain", "fr"),
    ("application/problem+xml", "ar"),
    ("text/html", "de-AT"),
];

async fn demo() -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl MessageBody>,
    Error = actix_web::Error,
> {
    let renderer = Arc::new(server::renderer(ORIGIN).expect("demo renderer"));
    test::init_service(server::app(
        web::Data::new(server::Store::default()),
        renderer,
    ))
    .await
}

struct Reply {
    status: u16,
    headers: actix_web::http::header::HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The reply as a problem, for `pardon::testing`'s assertions.
    fn problem(&self) -> ProblemResponse {
        let mut headers = pardon::http::HeaderMap::new();
        for (name, value) in &self.headers {
            if let (Ok(name), Ok(value)) = (
                pardon::http::HeaderName::from_bytes(name.as_str().as_bytes()),
                pardon::http::HeaderValue::from_bytes(value.as_bytes()),
            ) {
                headers.append(name, value);
            }
        }
        ProblemResponse::from_parts(self.status, &headers, self.body.as_bytes())
    }
}

async fn send(
    app: &impl Service<
        actix_http::Request,
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
    >,
    req: TestRequest,
) -> Reply {
    let res = test::call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = test::read_body(res).await;
    Reply {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).expect("UTF-8"),
    }
}

/// Sends the request in every view and checks the problem's status, code, headers and
/// language; returns the English JSON body for further checks.
async fn problem(
    app: &impl Service<
        actix_http::Request,
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
    >,
    request: impl Fn() -> TestRequest,
    status: u16,
    code: &str,
) -> (Reply, Value) {
    let mut english = None;
    for (accept, language) in VIEWS {
        let reply = send(
            app,
            request()
                .insert_header(("Accept", accept))
                .insert_header(("Accept-Language", language)),
        )
        .await;
        let context = format!("{code} as {accept} in {language}: {}", reply.body);
        assert_eq!(reply.status, status, "{context}");
        assert!(
            reply.header("content-type").starts_with(accept),
            "{context}"
        );
        assert_eq!(
            reply.header("content-language"),
            &language[..2],
            "{context}"
        );
        assert_eq!(reply.header("vary"), "Accept, Accept-Language", "{context}");
        let id = reply.header("x-request-id").to_owned();
        assert!(!id.is_empty(), "{context}");
        assert!(reply.body.contains(code), "{context}");
        assert!(reply.body.contains(&id), "request id in body: {context}");
        assert!(
            !reply
                .body
                .contains(|c| ('\u{2066}'..='\u{2069}').contains(&c)),
            "{context}"
        );
        if accept == "text/plain" {
            assert!(reply.body.starts_with(&format!("{status} ")), "{context}");
            assert!(
                reply.body.contains(&format!("\ncode: {code}\n")),
                "{context}"
            );
        }
        if accept == "application/problem+json" {
            let json = reply.json();
            assert_eq!(json["code"], code);
            assert_eq!(json["status"], status);
            assert_eq!(json["request_id"], id.as_str());
            let slug = code.to_lowercase().replace('_', "-");
            assert_eq!(json["type"], format!("{ORIGIN}/problems/{slug}"));
            english = Some((reply, json));
        }
    }
    english.expect("the JSON view")
}

fn bearer(token: &str) -> (&'static str, String) {
    ("Authorization", format!("Bearer {token}"))
}

#[actix_web::test]
async fn get_user_found_and_hidden() {
    let app = demo().await;
    let ok = send(&app, TestRequest::get().uri("/users/1")).await;
    assert_eq!(ok.status, 200);
    assert_eq!(
        ok.json(),
        json!({"id": 1, "name": "Alice", "email": "alice@example.com"})
    );
    assert!(!ok.header("x-request-id").is_empty());

    let admin = send(
        &app,
        TestRequest::get()
            .uri("/users/3")
            .insert_header(bearer("admin-token")),
    )
    .await;
    assert_eq!(admin.status, 200, "an admin sees the private user");

    let (_, unknown) = problem(
        &app,
        || TestRequest::get().uri("/users/99"),
        404,
        "USER_NOT_FOUND",
    )
    .await;
    let (_, private) = problem(
        &app,
        || TestRequest::get().uri("/users/3"),
        404,
        "USER_NOT_FOUND",
    )
    .await;
    let (_, as_user) = problem(
        &app,
        || {
            TestRequest::get()
                .uri("/users/3")
                .insert_header(bearer("user-token"))
        },
        404,
        "USER_NOT_FOUND",
    )
    .await;
    assert_eq!(unknown["id"], "99");
    assert!(
        unknown["detail"].as_str().unwrap().contains("99"),
        "{unknown}"
    );
    // Apart from instance and request_id, the answer for a private user is the answer for
    // an unknown one with the id asked for in it: existence is concealed.
    let strip = |mut v: Value| {
        let object = v.as_object_mut().unwrap();
        object.remove("instance");
        object.remove("request_id");
        v
    };
    let unknown_as_3: Value =
        serde_json::from_str(&strip(unknown).to_string().replace("99", "3")).unwrap();
    assert_eq!(
        unknown_as_3,
        strip(private.clone()),
        "existence is concealed"
    );
    assert_eq!(strip(private), strip(as_user));
}

#[actix_web::test]
async fn get_user_with_a_bad_id_or_token() {
    let app = demo().await;
    let (_, body) = problem(
        &app,
        || TestRequest::get().uri("/users/abc"),
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(
        body["errors"],
        json!([{"code": "INVALID_TYPE", "detail": "This value has the wrong type.", "parameter": "id"}])
    );
    let (reply, _) = problem(
        &app,
        || {
            TestRequest::get()
                .uri("/users/1")
                .insert_header(bearer("nope"))
        },
        401,
        "INVALID_TOKEN",
    )
    .await;
    assert_eq!(
        reply.header("www-authenticate"),
        r#"Bearer realm="pardon-demo", error="invalid_token""#
    );
    // Authentication comes before validation.
    problem(
        &app,
        || {
            TestRequest::get()
                .uri("/users/abc")
                .insert_header(("Authorization", "Basic x"))
        },
        401,
        "INVALID_TOKEN",
    )
    .await;
}

#[actix_web::test]
async fn create_user_and_its_problems() {
    let app = demo().await;
    let new = json!({"name": "Dave", "email": "dave@example.com", "password": "correct horse", "age": 30});
    let created = send(&app, TestRequest::post().uri("/users").set_json(&new)).await;
    assert_eq!(created.status, 201);
    assert_eq!(created.header("location"), "/users/4");
    assert_eq!(created.json()["name"], "Dave");

    let (_, body) = problem(
        &app,
        || TestRequest::post().uri("/users").set_json(&new),
        409,
        "DUPLICATE_EMAIL",
    )
    .await;
    assert_eq!(
        body["detail"],
        "A user with the email dave@example.com already exists."
    );

    let bad = json!({"name": "  ", "email": "not-an-email", "password": "short", "age": 12, "address": {"zip_code": "123"}});
    let (reply, body) = problem(
        &app,
        || TestRequest::post().uri("/users").set_json(&bad),
        400,
        "VALIDATION_ERROR",
    )
    .await;
    // Every failing field at once.
    reply.problem().expect_field_errors(&[
        ("#/name", "REQUIRED"),
        ("#/email", "INVALID_FORMAT"),
        ("#/password", "TOO_SHORT"),
        ("#/age", "OUT_OF_RANGE"),
        ("#/address/zip_code", "INVALID_FORMAT"),
    ]);
    assert_eq!(
        body["errors"][2]["detail"],
        "Must be at least 8 characters long."
    );
    assert_eq!(body["errors"][3]["detail"], "Must be between 18 and 150.");
    // The arguments of each entry's message travel with it, for frontends that word it.
    assert_eq!(body["errors"][3]["min"], 18);
    assert_eq!(body["errors"][3]["max"], 150);
    assert_eq!(body["errors"][2]["min"], 8);
    assert!(body["errors"][0].get("min").is_none());

    let typed = json!({"name": 5, "email": "a@b.co", "password": "longenough", "age": "30"});
    let (_, body) = problem(
        &app,
        || TestRequest::post().uri("/users").set_json(&typed),
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(
        body["errors"][0],
        json!({"code": "INVALID_TYPE", "detail": "This value has the wrong type.", "pointer": "#/name"})
    );
    assert_eq!(body["errors"][1]["pointer"], "#/age");

    let (_, body) = problem(
        &app,
        || TestRequest::post().uri("/users").set_json(json!([1, 2])),
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(
        body["errors"],
        json!([{"code": "INVALID_TYPE", "detail": "This value has the wrong type.", "pointer": "#"}])
    );

    let (_, body) = problem(
        &app,
        || TestRequest::post().uri("/users").set_json(json!({})),
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(
        body["errors"].as_array().unwrap().len(),
        4,
        "name, email, password and age are required"
    );
}

#[actix_web::test]
async fn create_user_body_problems() {
    let app = demo().await;
    let secret = "{\"name\": \"hunter2\",\n \"email\": }";
    let (_, body) = problem(
        &app,
        || {
            TestRequest::post()
                .uri("/users")
                .insert_header(("Content-Type", "application/json"))
                .set_payload(secret)
        },
        400,
        "MALFORMED_JSON",
    )
    .await;
    assert_eq!(body["line"], 2);
    assert_eq!(body["column"], 11);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("line 2, column 11")
    );
    assert!(
        !body.to_string().contains("hunter2"),
        "the body is never echoed"
    );

    problem(
        &app,
        || {
            TestRequest::post()
                .uri("/users")
                .insert_header(("Content-Type", "text/plain"))
                .set_payload("{}")
        },
        415,
        "UNSUPPORTED_MEDIA_TYPE",
    )
    .await;
    problem(
        &app,
        || TestRequest::post().uri("/users").set_payload("{}"),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
    )
    .await;
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(17 * 1024));
    problem(
        &app,
        || {
            TestRequest::post()
                .uri("/users")
                .insert_header(("Content-Type", "application/json"))
                .set_payload(big.clone())
        },
        413,
        "PAYLOAD_TOO_LARGE",
    )
    .await;
}

#[actix_web::test]
async fn delete_user_checks_authentication_then_authorization_then_existence() {
    let app = demo().await;
    let (reply, _) = problem(
        &app,
        || TestRequest::delete().uri("/users/2"),
        401,
        "AUTH_REQUIRED",
    )
    .await;
    assert_eq!(
        reply.header("www-authenticate"),
        r#"Bearer realm="pardon-demo""#
    );
    problem(
        &app,
        || {
            TestRequest::delete()
                .uri("/users/2")
                .insert_header(bearer("bad"))
        },
        401,
        "INVALID_TOKEN",
    )
    .await;
    let (_, body) = problem(
        &app,
        || {
            TestRequest::delete()
                .uri("/users/2")
                .insert_header(bearer("user-token"))
        },
        403,
        "INSUFFICIENT_PERMISSIONS",
    )
    .await;
    assert_eq!(body["required_role"], "admin");
    problem(
        &app,
        || {
            TestRequest::delete()
                .uri("/users/99")
                .insert_header(bearer("admin-token"))
        },
        404,
        "USER_NOT_FOUND",
    )
    .await;
    let deleted = send(
        &app,
        TestRequest::delete()
            .uri("/users/2")
            .insert_header(bearer("admin-token")),
    )
    .await;
    assert_eq!(deleted.status, 204);
    problem(
        &app,
        || TestRequest::get().uri("/users/2"),
        404,
        "USER_NOT_FOUND",
    )
    .await;
}

#[actix_web::test]
async fn orders_and_their_problems() {
    let app = demo().await;
    let order = json!({"items": [{"product_id": 1, "quantity": 2}]});
    problem(
        &app,
        || TestRequest::post().uri("/orders").set_json(&order),
        401,
        "AUTH_REQUIRED",
    )
    .await;
    problem(
        &app,
        || {
            TestRequest::post()
                .uri("/orders")
                .insert_header(bearer("x"))
                .set_json(&order)
        },
        401,
        "INVALID_TOKEN",
    )
    .await;
    // Authentication comes before the body, even a malformed one.
    problem(
        &app,
        || {
            TestRequest::post()
                .uri("/orders")
                .insert_header(("Content-Type", "application/json"))
                .set_payload("{oops")
        },
        401,
        "AUTH_REQUIRED",
    )
    .await;

    let bad = json!({"items": [{"product_id": 1, "quantity": 0}, {"product_id": 9, "quantity": 1}, {"quantity": "2"}]});
    let (_, body) = problem(
        &app,
        || {
            TestRequest::post()
                .uri("/orders")
                .insert_header(bearer("user-token"))
                .set_json(&bad)
        },
        400,
        "VALIDATION_ERROR",
    )
    .await;
    let pointers: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        [
            "#/items/0/quantity",
            "#/items/1/product_id",
            "#/items/2/product_id",
            "#/items/2/quantity"
        ]
    );
    assert_eq!(body["errors"][0]["code"], "OUT_OF_RANGE");
    assert_eq!(body["errors"][1]["code"], "UNKNOWN_VALUE");
    let (_, body) = problem(
        &app,
        || {
            TestRequest::post()
                .uri("/orders")
                .insert_header(bearer("user-token"))
                .set_json(json!({"items": []}))
        },
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["errors"][0]["pointer"], "#/items");

    let greedy =
        json!({"items": [{"product_id": 1, "quantity": 2}, {"product_id": 1, "quantity": 2}]});
    let (_, body) = problem(
        &app,
        || {
            TestRequest::post()
                .uri("/orders")
                .insert_header(bearer("user-token"))
                .set_json(&greedy)
        },
        422,
        "INSUFFICIENT_INVENTORY",
    )
    .await;
    assert_eq!(
        (
            body["product_id"].clone(),
            body["requested"].clone(),
            body["available"].clone()
        ),
        (json!(1), json!(4), json!(3))
    );
    assert_eq!(
        body["detail"],
        "Product 1 has only 3 items in stock; the order asks for 4."
    );

    let placed = send(
        &app,
        TestRequest::post()
            .uri("/orders")
            .insert_header(bearer("admin-token"))
            .set_json(&order),
    )
    .await;
    assert_eq!(placed.status, 201);
    assert_eq!(placed.json()["items"][0]["quantity"], 2);
    let (_, body) = problem(
        &app,
        || {
            TestRequest::post()
                .uri("/orders")
                .insert_header(bearer("user-token"))
                .set_json(&order)
        },
        422,
        "INSUFFICIENT_INVENTORY",
    )
    .await;
    assert_eq!(body["available"], 1);
}

#[actix_web::test]
async fn reports_are_rate_limited_per_client() {
    let app = demo().await;
    let from = |ip: &str| {
        TestRequest::get()
            .uri("/reports")
            .peer_addr(format!("{ip}:5000").parse().unwrap())
    };
    for _ in 0..5 {
        assert_eq!(send(&app, from("10.0.0.1")).await.status, 200);
    }
    let (reply, body) = problem(&app, || from("10.0.0.1"), 429, "RATE_LIMITED").await;
    let retry: u64 = reply.header("retry-after").parse().unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(body["retry_after"], retry);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains(&retry.to_string())
    );
    assert_eq!(
        send(&app, from("10.0.0.2")).await.status,
        200,
        "another client has its own window"
    );
}

#[actix_web::test]
async fn upstream_and_unavailable() {
    let app = demo().await;
    let (reply, body) = problem(
        &app,
        || TestRequest::get().uri("/weather"),
        502,
        "UPSTREAM_ERROR",
    )
    .await;
    assert!(
        !reply.body.to_lowercase().contains("refused"),
        "the connection error is not sent"
    );
    assert!(body.get("retry_after").is_none());
    let (reply, body) = problem(
        &app,
        || TestRequest::get().uri("/exports"),
        503,
        "SERVICE_UNAVAILABLE",
    )
    .await;
    assert_eq!(reply.header("retry-after"), "300");
    assert_eq!(body["retry_after"], 300);
}

#[actix_web::test]
async fn a_slow_upstream_is_given_up_after_a_second() {
    let app = demo().await;
    let started = std::time::Instant::now();
    let (reply, body) = problem(
        &app,
        || TestRequest::get().uri("/weather/slow"),
        504,
        "UPSTREAM_TIMEOUT",
    )
    .await;
    let each = started.elapsed() / VIEWS.len() as u32;
    assert!(
        each >= std::time::Duration::from_millis(950) && each < std::time::Duration::from_secs(4),
        "{each:?} per request, where the upstream takes 5 s and the limit is 1 s"
    );
    for secret in ["forecast upstream", "did not answer within", "sunny"] {
        assert!(!reply.body.contains(secret), "{}", reply.body);
    }
    assert_eq!(body["title"], "Upstream timeout");
}

#[actix_web::test]
async fn internal_errors_say_nothing_of_their_cause() {
    let app = demo().await;
    let (_, _) = problem(
        &app,
        || TestRequest::get().uri("/debug/db"),
        500,
        "INTERNAL_ERROR",
    )
    .await;
    for (accept, language) in VIEWS {
        let reply = send(
            &app,
            TestRequest::get()
                .uri("/debug/db")
                .insert_header(("Accept", accept))
                .insert_header(("Accept-Language", language)),
        )
        .await;
        for secret in ["hunter2", "postgres", "db.internal"] {
            assert!(!reply.body.contains(secret), "{accept}: {}", reply.body);
        }
    }
}

#[actix_web::test]
async fn a_panic_is_an_internal_error_and_the_app_keeps_serving() {
    let app = demo().await;
    for (accept, language) in VIEWS {
        let req = TestRequest::get()
            .uri("/debug/panic")
            .insert_header(("Accept", accept))
            .insert_header(("Accept-Language", language))
            .to_request();
        // The request cannot be given back after a panic, so the response comes as the
        // error actix turns into exactly that response.
        let error = app
            .call(req)
            .await
            .err()
            .expect("rendered as an error response");
        let response = error.error_response();
        assert_eq!(response.status().as_u16(), 500);
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        };
        assert!(header("content-type").starts_with(accept));
        assert_eq!(header("content-language"), &language[..2]);
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        assert!(body.contains("INTERNAL_ERROR"), "{body}");
        assert!(!body.contains("on purpose"), "{body}");
    }
    assert_eq!(
        send(&app, TestRequest::get().uri("/users/1")).await.status,
        200
    );
}

#[actix_web::test]
async fn type_documentation_pages() {
    let app = demo().await;
    for (slug, language, title) in [
        ("user-not-found", "fr", "Utilisateur introuvable"),
        ("rate-limited", "en", "Too many requests"),
    ] {
        let page = send(
            &app,
            TestRequest::get()
                .uri(&format!("/problems/{slug}"))
                .insert_header(("Accept-Language", language)),
        )
        .await;
        assert_eq!(page.status, 200);
        assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
        assert_eq!(page.header("content-language"), language);
        assert!(page.body.contains(title), "{}", page.body);
    }
    problem(
        &app,
        || TestRequest::get().uri("/problems/no-such-thing"),
        404,
        "ROUTE_NOT_FOUND",
    )
    .await;
}

#[actix_web::test]
async fn the_catalogue_for_programs_and_people() {
    let app = demo().await;
    let json = |uri: &str, language: &str| {
        TestRequest::get()
            .uri(uri)
            .insert_header(("Accept", "application/json"))
            .insert_header(("Accept-Language", language))
    };
    let reply = send(&app, json("/problems", "fr")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(reply.header("content-language"), "fr");
    assert_eq!(reply.header("vary"), "Accept, Accept-Language");
    let catalogue = reply.json();
    let problems = catalogue["problems"].as_array().unwrap();
    let user = problems
        .iter()
        .find(|p| p["code"] == "USER_NOT_FOUND")
        .unwrap();
    assert_eq!(user["type"], format!("{ORIGIN}/problems/user-not-found"));
    assert_eq!(user["status"], 404);
    assert_eq!(user["title"], "Utilisateur introuvable");
    assert_eq!(user["args"], json!(["id"]));
    assert!(user["description"].is_string());
    let limited = problems
        .iter()
        .find(|p| p["code"] == "RATE_LIMITED")
        .unwrap();
    assert_eq!(limited["headers"], json!(["Retry-After"]));
    let range = catalogue["field_codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "OUT_OF_RANGE")
        .unwrap();
    assert_eq!(range["args"], json!(["min", "max"]));
    // Every registered type is there, once.
    let registry = server::registry(ORIGIN).unwrap();
    assert_eq!(problems.len(), registry.types().count());

    // One entry as JSON; the page stays the answer for browsers.
    let entry = send(&app, json("/problems/user-not-found", "de"))
        .await
        .json();
    assert_eq!(entry["code"], "USER_NOT_FOUND");
    let page = send(
        &app,
        TestRequest::get()
            .uri("/problems/user-not-found")
            .insert_header(("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")),
    )
    .await;
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8");

    // The index links every type page.
    let index = send(
        &app,
        TestRequest::get()
            .uri("/problems")
            .insert_header(("Accept-Language", "ar")),
    )
    .await;
    assert_eq!(index.header("content-type"), "text/html; charset=utf-8");
    assert_eq!(index.header("content-language"), "ar");
    for problem_type in registry.types() {
        let link = format!("href=\"{ORIGIN}/problems/{}\"", problem_type.slug());
        assert!(index.body.contains(&link), "{link}");
    }
}

#[actix_web::test]
async fn the_fluent_source_of_each_locale_is_served_with_an_entity_tag() {
    let app = demo().await;
    for locale in ["en", "fr", "de", "es", "ar"] {
        let reply = send(
            &app,
            TestRequest::get().uri(&format!("/problems/messages/{locale}.ftl")),
        )
        .await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("content-type"), "text/plain; charset=utf-8");
        assert!(reply.header("cache-control").contains("no-cache"));
        let etag = reply.header("etag").to_owned();
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "a strong tag: {etag}"
        );
        // The demo's own messages are in it, each message once.
        assert_eq!(
            reply.body.matches("\nUSER_NOT_FOUND =").count(),
            1,
            "{locale}"
        );
        let again = send(
            &app,
            TestRequest::get()
                .uri(&format!("/problems/messages/{locale}.ftl"))
                .insert_header(("If-None-Match", format!("W/\"x\", {etag}"))),
        )
        .await;
        assert_eq!(again.status, 304);
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), etag);
        // Loaded into a bundle of its own, it says what the server says.
        let resource = fluent_bundle::FluentResource::try_new(reply.body.clone())
            .unwrap_or_else(|(_, e)| panic!("{locale}: {e:?}"));
        let mut bundle = fluent_bundle::FluentBundle::new(vec![locale.parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no message twice");
        let messages = server::messages().unwrap();
        let chosen = messages.locale(locale).unwrap();
        for problem_type in server::registry(ORIGIN).unwrap().types() {
            let code = problem_type.code().as_str();
            let message = bundle.get_message(code).unwrap_or_else(|| panic!("{code}"));
            let mut errors = vec![];
            let title = bundle.format_pattern(message.value().unwrap(), None, &mut errors);
            assert_eq!(
                Some(title.into_owned()),
                messages.format(chosen, code, None, &[]),
                "{locale} {code}"
            );
        }
    }
    let missing = send(&app, TestRequest::get().uri("/problems/messages/tlh.ftl")).await;
    assert_eq!(missing.status, 404);
}

#[actix_web::test]
async fn unknown_routes_and_wrong_methods() {
    let app = demo().await;
    let (_, body) = problem(
        &app,
        || TestRequest::get().uri("/nothing/here?x=1"),
        404,
        "ROUTE_NOT_FOUND",
    )
    .await;
    assert_eq!(
        body["instance"], "/nothing/here",
        "instance is the path without the query"
    );
    let (reply, _) = problem(
        &app,
        || TestRequest::default().method(Method::PUT).uri("/users/1"),
        405,
        "METHOD_NOT_ALLOWED",
    )
    .await;
    assert_eq!(reply.header("allow"), "GET, HEAD, DELETE");
    let (reply, _) = problem(
        &app,
        || TestRequest::get().uri("/orders"),
        405,
        "METHOD_NOT_ALLOWED",
    )
    .await;
    assert_eq!(reply.header("allow"), "POST");
}

#[actix_web::test]
async fn head_works_wherever_get_does() {
    let app = demo().await;
    let head = send(
        &app,
        TestRequest::default().method(Method::HEAD).uri("/users/1"),
    )
    .await;
    assert_eq!(head.status, 200);
    let head = send(
        &app,
        TestRequest::default().method(Method::HEAD).uri("/exports"),
    )
    .await;
    assert_eq!(head.status, 503);
    assert_eq!(head.header("retry-after"), "300");
}

#[actix_web::test]
async fn request_ids_are_kept_or_replaced() {
    let app = demo().await;
    let kept = send(
        &app,
        TestRequest::get()
            .uri("/users/99")
            .insert_header(("X-Request-ID", "abc.DEF_123-x")),
    )
    .await;
    assert_eq!(kept.header("x-request-id"), "abc.DEF_123-x");
    assert_eq!(kept.json()["request_id"], "abc.DEF_123-x");
    for bad in ["has space", "<script>", &"a".repeat(65), ""] {
        let reply = send(
            &app,
            TestRequest::get()
                .uri("/users/99")
                .insert_header(("X-Request-ID", bad)),
        )
        .await;
        let id = reply.header("x-request-id");
        assert_ne!(id, bad);
        assert!((1..=64).contains(&id.len()));
        assert_eq!(reply.json()["request_id"], id);
    }
    let ok = send(
        &app,
        TestRequest::get()
            .uri("/users/1")
            .insert_header(("X-Request-ID", "success-1")),
    )
    .await;
    assert_eq!(ok.header("x-request-id"), "success-1");
}

#[actix_web::test]
async fn negotiation_never_swallows_an_error() {
    let app = demo().await;
    for (accept, language) in [
        ("*/*;q=0", "*;q=0"),
        ("image/png", "tlh"),
        ("garbage", "!!"),
        ("application/json", "fr-CA"),
    ] {
        let reply = send(
            &app,
            TestRequest::get()
                .uri("/users/99")
                .insert_header(("Accept", accept))
                .insert_header(("Accept-Language", language)),
        )
        .await;
        assert_eq!(reply.status, 404);
        let expected_type = if accept == "application/json" {
            "application/json"
        } else {
            "application/problem+json"
        };
        assert_eq!(reply.header("content-type"), expected_type);
        let expected_language = if language == "fr-CA" { "fr" } else { "en" };
        assert_eq!(reply.header("content-language"), expected_language);
        assert_eq!(reply.json()["code"], "USER_NOT_FOUND");
    }
}

#[test]
fn the_demo_catalogue_is_complete() {
    let registry = server::registry(ORIGIN).unwrap();
    let messages = server::messages().unwrap();
    if let Err(report) = pardon::i18n::check(&registry, &messages) {
        panic!("{report}");
    }
}

#[actix_web::test]
async fn a_bad_token_is_refused_on_every_route() {
    let app = demo().await;
    let new =
        json!({"name": "Eve", "email": "eve@example.com", "password": "long enough", "age": 40});
    problem(
        &app,
        || {
            TestRequest::post()
                .uri("/users")
                .insert_header(bearer("nope"))
                .set_json(&new)
        },
        401,
        "INVALID_TOKEN",
    )
    .await;
    assert_eq!(
        send(&app, TestRequest::post().uri("/users").set_json(&new))
            .await
            .status,
        201,
        "the refused request created nothing, so the email is still free"
    );
    for uri in [
        "/reports",
        "/exports",
        "/weather",
        "/problems/conflict",
        "/nowhere",
    ] {
        let (reply, _) = problem(
            &app,
            || {
                TestRequest::get()
                    .uri(uri)
                    .insert_header(("Authorization", "Token abc"))
            },
            401,
            "INVALID_TOKEN",
        )
        .await;
        assert_eq!(
            reply.header("www-authenticate"),
            r#"Bearer realm="pardon-demo", error="invalid_token""#
        );
    }
    // The scheme is case-insensitive.
    let deleted = send(
        &app,
        TestRequest::delete()
            .uri("/users/2")
            .insert_header(("Authorization", "bearer admin-token")),
    )
    .await;
    assert_eq!(deleted.status, 204);
}

#[actix_web::test]
async fn an_integer_id_that_names_no_user_is_not_found() {
    let app = demo().await;
    for id in [
        "-1",
        "0",
        "99999999999999999999999999999999999999999999",
        "+7",
    ] {
        problem(
            &app,
            || TestRequest::get().uri(&format!("/users/{id}")),
            404,
            "USER_NOT_FOUND",
        )
        .await;
    }
    for id in ["1.5", "one", "%20", "1e3", "-"] {
        problem(
            &app,
            || TestRequest::get().uri(&format!("/users/{id}")),
            400,
            "VALIDATION_ERROR",
        )
        .await;
    }
}

#[actix_web::test]
async fn a_body_too_large_is_413_before_its_type_is_415() {
    let app = demo().await;
    let big = "x".repeat(20 * 1024);
    problem(
        &app,
        || {
            TestRequest::post()
                .uri("/users")
                .insert_header(("Content-Type", "text/plain"))
                .set_payload(big.clone())
        },
        413,
        "PAYLOAD_TOO_LARGE",
    )
    .await;
}

#[actix_web::test]
async fn type_pages_answer_405_to_other_methods() {
    let app = demo().await;
    let (reply, _) = problem(
        &app,
        || TestRequest::post().uri("/problems/conflict"),
        405,
        "METHOD_NOT_ALLOWED",
    )
    .await;
    assert_eq!(reply.header("allow"), "GET, HEAD");
}

#[actix_web::test]
async fn invisible_characters_never_reach_a_response() {
    let app = demo().await;
    let sneaky = json!({"name": "Mallory\u{2067}", "email": "a\u{2067}b@example.com", "password": "long enough", "age": 30});
    let (_, body) = problem(
        &app,
        || TestRequest::post().uri("/users").set_json(&sneaky),
        400,
        "VALIDATION_ERROR",
    )
    .await;
    assert_eq!(body["errors"][0]["pointer"], "#/email");
    assert_eq!(body["errors"][0]["code"], "INVALID_FORMAT");
}

/// No Fluent placeholder ever reaches a client: every registered problem type and field
/// code, the crate's and the demo's, in every locale and format, with no arguments at all.
#[test]
fn no_template_text_reaches_a_client() {
    use pardon::{FieldError, Problem};

    let renderer = server::renderer(ORIGIN).expect("demo renderer");
    let registry = renderer.registry();
    let mut problems: Vec<Problem> = registry.types().map(Problem::new).collect();
    problems.extend(registry.field_codes().map(|code| {
        Problem::new(&pardon::builtin::VALIDATION_ERROR)
            .with_field_error(FieldError::parameter("x", code))
    }));
    problems.push(Problem::from_status(http::StatusCode::TOO_MANY_REQUESTS));
    let formats = [
        "application/problem+json",
        "application/problem+xml",
        "text/plain",
        "text/html",
    ];
    let mut checked = 0;
    for problem in &problems {
        for language in renderer.messages().locales() {
            for accept in formats {
                let mut headers = http::HeaderMap::new();
                headers.insert(http::header::ACCEPT, accept.parse().unwrap());
                headers.insert(http::header::ACCEPT_LANGUAGE, language.parse().unwrap());
                let response = renderer.render(problem, &headers);
                let body = std::str::from_utf8(response.body()).unwrap();
                assert!(
                    !body.contains("{$") && !body.contains("{ $"),
                    "{problem} {language} {accept}:\n{body}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 25 * 5 * 4, "{checked}");
}

/// Identifiers are not grouped like quantities, in any locale.
#[test]
fn product_ids_are_not_grouped_but_quantities_are() {
    let renderer = server::renderer(ORIGIN).expect("demo renderer");
    let shortage = renderer
        .registry()
        .get("INSUFFICIENT_INVENTORY")
        .expect("registered");
    let problem = pardon::Problem::new(shortage)
        .with_extension("product_id", 12345)
        .unwrap()
        .with_extension("requested", 5000)
        .unwrap()
        .with_extension("available", 1200)
        .unwrap();
    let mut headers = http::HeaderMap::new();
    headers.insert(http::header::ACCEPT_LANGUAGE, "de".parse().unwrap());
    let response = renderer.render(&problem, &headers);
    let body: Value = serde_json::from_slice(response.body()).unwrap();
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("12345"), "{detail}");
    if cfg!(feature = "icu") {
        assert!(
            detail.contains("1.200") && detail.contains("5.000"),
            "{detail}"
        );
    }
}
