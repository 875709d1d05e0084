//! The axum demo (`examples/axum.rs`) against the contract: every case of the contract's
//! table, in several formats and languages, answers exactly as the actix-web demo does
//! (status, headers and body, the request id fixed by the client), and the binary serves
//! over TCP.
#![cfg(all(
    feature = "actix",
    feature = "axum",
    feature = "derive",
    feature = "validator",
    feature = "utoipa"
))]
// Both demos include the application's shared modules: two servers of one application.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)] // The route templates are the OpenAPI test's.
mod contract;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/server.rs"]
mod actix_demo;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/axum.rs"]
mod axum_demo;

use std::collections::BTreeMap;
use std::sync::Arc;

use actix_web::test::{self, TestRequest};
use tower::ServiceExt;

const ORIGIN: &str = "http://localhost:8080";

/// Format and language of each view of a case.
const VIEWS: [(&str, &str); 4] = [
    ("application/problem+json", "en"),
    ("text/plain", "fr"),
    ("application/problem+xml", "ar"),
    ("text/html", "de-AT"),
];

/// An answer: status, headers (lowercase name to values), body.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: u16,
    headers: BTreeMap<String, Vec<String>>,
    body: String,
}

/// The headers a case sends, with the view's and a fixed request id.
fn headers(case: &contract::Case, view: (&str, &str)) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = case
        .headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    headers.push(("Accept".into(), view.0.into()));
    headers.push(("Accept-Language".into(), view.1.into()));
    headers.push(("X-Request-ID".into(), "contract-case".into()));
    headers
}

/// Headers as compared: `date` is the clock's, `content-length` the transport's; `allow` lists the same methods however
/// each framework spaces them.
fn comparable(headers: impl Iterator<Item = (String, String)>) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in headers {
        if name == "date" || name == "content-length" {
            continue;
        }
        let value = if name == "allow" {
            value.replace(' ', "")
        } else {
            value
        };
        out.entry(name).or_default().push(value);
    }
    out
}

async fn actix_answer(case: &contract::Case, view: (&str, &str)) -> Answer {
    let renderer = Arc::new(actix_demo::renderer(ORIGIN).expect("renderer"));
    let app = test::init_service(actix_demo::app(
        actix_web::web::Data::new(actix_demo::Store::default()),
        renderer,
    ))
    .await;
    let mut answer = None;
    for _ in 0..case.times {
        let method = actix_web::http::Method::from_bytes(case.method.as_bytes()).expect("method");
        let mut request = TestRequest::default().method(method).uri(case.path);
        for header in headers(case, view) {
            request = request.insert_header(header);
        }
        if let Some(body) = case.body_bytes() {
            request = request.set_payload(body);
        }
        let (status, headers, body) = match test::try_call_service(&app, request.to_request()).await
        {
            Ok(response) => {
                let status = response.status().as_u16();
                let headers = response.headers().clone();
                (status, headers, test::read_body(response).await.to_vec())
            }
            Err(error) => {
                let response = error.error_response();
                let status = response.status().as_u16();
                let headers = response.headers().clone();
                let body = actix_web::body::to_bytes(response.into_body()).await;
                (status, headers, body.unwrap_or_default().to_vec())
            }
        };
        let headers = headers.iter().map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        });
        answer = Some(Answer {
            status,
            headers: comparable(headers),
            body: String::from_utf8_lossy(&body).into_owned(),
        });
    }
    answer.expect("sent at least once")
}

async fn axum_answer(case: &contract::Case, view: (&str, &str)) -> Answer {
    let renderer = Arc::new(axum_demo::renderer(ORIGIN).expect("renderer"));
    let app = axum_demo::app(Arc::new(axum_demo::Store::default()), renderer);
    let mut answer = None;
    for _ in 0..case.times {
        let mut request = axum::http::Request::builder()
            .method(case.method)
            .uri(case.path);
        for (name, value) in headers(case, view) {
            request = request.header(name, value);
        }
        let body = case
            .body_bytes()
            .map_or_else(axum::body::Body::empty, axum::body::Body::from);
        let response = app
            .clone()
            .oneshot(request.body(body).expect("request"))
            .await
            .expect("infallible");
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        answer = Some(Answer {
            status,
            headers: comparable(headers.into_iter()),
            body: String::from_utf8_lossy(&body).into_owned(),
        });
    }
    answer.expect("sent at least once")
}

#[actix_web::test]
async fn both_demos_answer_every_case_of_the_contract_identically() {
    let mut differences = Vec::new();
    for case in contract::cases() {
        for view in VIEWS {
            let (actix, axum) = tokio::join!(actix_answer(&case, view), axum_answer(&case, view));
            assert_eq!(
                actix.status, case.status,
                "{case:?} {view:?}: {}",
                actix.body
            );
            if actix != axum {
                differences.push(format!(
                    "{} {} {:?} {view:?}\n  actix: {actix:?}\n  axum:  {axum:?}",
                    case.method, case.path, case.headers
                ));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

mod adapter {
    use std::sync::Arc;

    use axum::Router;
    use axum::body::Body;
    use axum::extract::FromRequest;
    use axum::http::Request;
    use axum::routing::get;
    use pardon::axum::ProblemLayer;
    use pardon::{Problem, Registry, Renderer, builtin, i18n::Messages};
    use serde_json::Value;
    use tower::ServiceExt;

    fn renderer() -> Arc<Renderer> {
        let mut registry = Registry::with_builtins("https://shop.test/problems/").unwrap();
        registry.register_set::<ShopProblem>().unwrap();
        Arc::new(Renderer::new(
            registry,
            Messages::builder().build().unwrap(),
        ))
    }

    #[derive(Debug, Problem)]
    enum ShopProblem {
        #[problem(status = 409, code = "SOLD_OUT")]
        SoldOut { product_id: u64 },
    }

    async fn call(app: Router, request: Request<Body>) -> (u16, axum::http::HeaderMap, String) {
        let response = app.oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, headers, String::from_utf8(body.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn a_derived_type_is_a_response_the_layer_renders() {
        let app = Router::new()
            .route(
                "/buy",
                get(|| async { Err::<String, _>(ShopProblem::SoldOut { product_id: 7 }) }),
            )
            .layer(ProblemLayer::new(renderer()));
        let request = Request::get("/buy")
            .header("Accept", "text/plain")
            .header("X-Request-ID", "r-1")
            .body(Body::empty())
            .unwrap();
        let (status, headers, body) = call(app, request).await;
        assert_eq!(status, 409);
        assert_eq!(headers["x-request-id"], "r-1");
        assert_eq!(headers["content-type"], "text/plain; charset=utf-8");
        assert!(body.contains("code: SOLD_OUT"), "{body}");
        assert!(body.contains("instance: /buy"), "{body}");
    }

    #[tokio::test]
    async fn without_the_layer_a_problem_is_its_plain_json_and_a_5xx_says_nothing_more() {
        let app: Router = Router::new()
            .route(
                "/conflict",
                get(|| async { Problem::new(&builtin::CONFLICT).with_detail("mine") }),
            )
            .route(
                "/internal",
                get(|| async {
                    Problem::new(&builtin::INTERNAL_ERROR).with_detail("secret: hunter2")
                }),
            );
        let request = Request::get("/conflict").body(Body::empty()).unwrap();
        let (status, headers, body) = call(app.clone(), request).await;
        assert_eq!(status, 409);
        assert_eq!(headers["content-type"], "application/problem+json");
        let json: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["detail"], "mine");
        let request = Request::get("/internal").body(Body::empty()).unwrap();
        let (status, _, body) = call(app, request).await;
        assert_eq!(status, 500);
        assert!(!body.contains("hunter2"), "{body}");
        assert_eq!(
            serde_json::from_str::<Value>(&body).unwrap()["code"],
            "INTERNAL_ERROR"
        );
    }

    #[tokio::test]
    async fn a_panic_is_an_internal_error_and_unknown_routes_and_methods_are_problems() {
        let app = Router::new()
            .route(
                "/boom",
                get(|| async { panic!("kaboom-secret") as &'static str }),
            )
            .fallback(pardon::axum::route_not_found)
            .layer(ProblemLayer::new(renderer()));
        let request = Request::get("/boom").body(Body::empty()).unwrap();
        let (status, _, body) = call(app.clone(), request).await;
        assert_eq!(status, 500);
        assert!(!body.contains("kaboom"), "{body}");
        let request = Request::post("/boom").body(Body::empty()).unwrap();
        let (status, headers, body) = call(app.clone(), request).await;
        assert_eq!(status, 405);
        assert_eq!(headers["allow"], "GET,HEAD");
        assert_eq!(
            serde_json::from_str::<Value>(&body).unwrap()["code"],
            "METHOD_NOT_ALLOWED"
        );
        let request = Request::get("/nowhere").body(Body::empty()).unwrap();
        let (status, _, body) = call(app, request).await;
        assert_eq!(status, 404);
        assert_eq!(
            serde_json::from_str::<Value>(&body).unwrap()["code"],
            "ROUTE_NOT_FOUND"
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        quantity: u8,
    }

    async fn json_rejection(content_type: Option<&str>, body: &'static str) -> Problem {
        let mut request = Request::post("/");
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        let request = request.body(Body::from(body)).unwrap();
        let rejection = axum::Json::<Order>::from_request(request, &())
            .await
            .unwrap_err();
        Problem::from(rejection)
    }

    #[tokio::test]
    async fn axums_own_json_rejections_become_problems() {
        let json = Some("application/json");
        let malformed = json_rejection(json, "{\"items\": [").await;
        assert_eq!(malformed.code().unwrap().as_str(), "MALFORMED_JSON");
        assert_eq!(malformed.extension("line"), Some(&Value::from(1)));
        let wrong = json_rejection(json, r#"{"items": [{"quantity": 900}]}"#).await;
        assert_eq!(wrong.code().unwrap().as_str(), "VALIDATION_ERROR");
        let entry = &wrong.field_errors()[0];
        assert_eq!(entry.location().value(), "#/items/0/quantity");
        let missing = json_rejection(json, r#"{}"#).await;
        let entry = &missing.field_errors()[0];
        assert_eq!(entry.location().value(), "#/items");
        assert_eq!(entry.code().unwrap().as_str(), "REQUIRED");
        let untyped = json_rejection(None, "{}").await;
        assert_eq!(untyped.code().unwrap().as_str(), "UNSUPPORTED_MEDIA_TYPE");
    }

    #[tokio::test]
    async fn axums_path_and_query_rejections_become_problems() {
        use axum::extract::{FromRequestParts, Path, Query};
        let app: Router = Router::new().route(
            "/items/{id}",
            get(|request: Request<Body>| async move {
                let (mut parts, _) = request.into_parts();
                let path = Path::<ItemId>::from_request_parts(&mut parts, &()).await;
                let query = Query::<Page>::from_request_parts(&mut parts, &()).await;
                let path = path.err().map(Problem::from);
                let query = query.err().map(Problem::from);
                let entry = |p: Option<Problem>| {
                    p.and_then(|p| {
                        p.field_errors()
                            .first()
                            .map(|e| e.location().value().to_owned())
                    })
                    .unwrap_or_default()
                };
                format!("{} {}", entry(path), entry(query))
            }),
        );
        let request = Request::get("/items/abc").body(Body::empty()).unwrap();
        let (_, _, body) = call(app, request).await;
        assert_eq!(body, "id page");
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        page: u32,
    }

    /// A route's parameters by name.
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct ItemId {
        id: u32,
    }

    #[tokio::test]
    async fn under_nest_the_instance_is_the_path_the_client_asked_for() {
        let inner = Router::new().route(
            "/users/{id}",
            get(|| async { Err::<String, _>(Problem::new(&builtin::CONFLICT)) }),
        );
        let app = Router::new()
            .nest("/api/v1", inner)
            .layer(ProblemLayer::new(renderer()));
        let request = Request::get("/api/v1/users/1").body(Body::empty()).unwrap();
        let (_, _, body) = call(app, request).await;
        let json: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["instance"], "/api/v1/users/1");
    }

    #[tokio::test]
    async fn an_inner_services_failure_is_an_internal_error_that_says_nothing_of_it() {
        use tower::Layer;
        let failing = tower::service_fn(|_: Request<Body>| async {
            Err::<axum::response::Response, _>(std::io::Error::other("pool exhausted: db-7"))
        });
        let service = ProblemLayer::new(renderer()).layer(failing);
        let request = Request::get("/x").body(Body::empty()).unwrap();
        let response = service.oneshot(request).await.unwrap();
        assert_eq!(response.status(), 500);
        let body = axum::body::to_bytes(axum::body::Body::new(response.into_body()), usize::MAX)
            .await
            .unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        assert!(!body.contains("db-7"), "{body}");
        assert!(body.contains("INTERNAL_ERROR"), "{body}");
    }

    #[tokio::test]
    async fn an_error_whose_empty_body_is_described_is_not_taken_for_a_bare_status() {
        use tower::Layer;
        // What a router's HEAD answer looks like: the GET's headers, the body dropped.
        let head = tower::service_fn(|_: Request<Body>| async {
            let response = axum::response::Response::builder()
                .status(400)
                .header("Content-Type", "text/plain; charset=utf-8")
                .body(Body::empty())
                .unwrap();
            Ok::<_, std::convert::Infallible>(response)
        });
        let service = ProblemLayer::new(renderer()).layer(head);
        let request = Request::head("/x").body(Body::empty()).unwrap();
        let response = service.oneshot(request).await.unwrap();
        assert_eq!(response.status(), 400);
        assert_eq!(
            response.headers()["content-type"],
            "text/plain; charset=utf-8"
        );
    }

    #[tokio::test]
    async fn a_query_rejection_never_names_a_parameter_from_the_clients_value() {
        use axum::extract::{FromRequestParts, Query};
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        enum Kind {
            A,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Filter {
            kind: Kind,
        }
        let (mut parts, _) = Request::get("/?kind=missing%20field%20%60evil%60")
            .body(())
            .unwrap()
            .into_parts();
        let rejection = Query::<Filter>::from_request_parts(&mut parts, &())
            .await
            .unwrap_err();
        let problem = Problem::from(rejection);
        assert!(problem.field_errors().is_empty(), "{problem:?}");
    }
}
