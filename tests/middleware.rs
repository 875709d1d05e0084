//! `ProblemMiddleware` at the edges: what it keeps of the inner response, problems that
//! travel through `error_response()`, and what it logs.
#![cfg(feature = "actix")]

use std::io::Write;
use std::sync::{Arc, Mutex};

use actix_cors::Cors;
use actix_web::http::Method;
use actix_web::test::{self, TestRequest};
use actix_web::{web, App, HttpResponse, ResponseError};
use pardon::actix::{route_not_found, type_docs, ProblemMiddleware};
use pardon::{builtin, i18n::Messages, Problem, Registry, Renderer, RetryAfter};
use serde_json::Value;

fn renderer(base: &str) -> Arc<Renderer> {
    Arc::new(Renderer::new(
        Registry::with_builtins(base).unwrap().with_realm("test"),
        Messages::builder().build().unwrap(),
    ))
}

async fn conflict() -> Result<HttpResponse, Problem> {
    Err(Problem::new(&builtin::CONFLICT))
}

fn vary_tokens<B>(response: &actix_web::dev::ServiceResponse<B>) -> Vec<String> {
    response
        .headers()
        .get_all("vary")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().to_ascii_lowercase())
        .collect()
}

fn assert_each_once(tokens: &[String], wanted: &[&str]) {
    for name in wanted {
        let count = tokens.iter().filter(|t| t == name).count();
        assert_eq!(count, 1, "{name} in Vary {tokens:?}");
    }
}

#[actix_web::test]
async fn cors_inside_keeps_its_headers_and_vary_merges() {
    let app = test::init_service(
        App::new()
            .route("/", web::get().to(conflict))
            .wrap(Cors::default().allowed_origin("https://a.test"))
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let request = TestRequest::get()
        .uri("/")
        .insert_header(("Origin", "https://a.test"))
        .to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        response
            .headers()
            .get("access-control-allow-origin")
            .unwrap(),
        "https://a.test"
    );
    assert_each_once(
        &vary_tokens(&response),
        &["origin", "accept", "accept-language"],
    );
    assert_eq!(response.headers().get_all("vary").count(), 1);
}

#[actix_web::test]
async fn cors_outside_sees_a_problem_response_like_any_other() {
    let app = test::init_service(
        App::new()
            .route("/", web::get().to(conflict))
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/")))
            .wrap(Cors::default().allowed_origin("https://a.test")),
    )
    .await;
    let request = TestRequest::get()
        .uri("/")
        .insert_header(("Origin", "https://a.test"))
        .to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status(), 409);
    assert!(response
        .headers()
        .contains_key("access-control-allow-origin"));
    assert_each_once(
        &vary_tokens(&response),
        &["origin", "accept", "accept-language"],
    );
}

#[actix_web::test]
async fn a_handlers_own_challenge_and_headers_stay() {
    let app = test::init_service(
        App::new()
            .route(
                "/",
                web::get().to(|| async {
                    HttpResponse::Unauthorized()
                        .insert_header(("WWW-Authenticate", "Basic realm=\"files\""))
                        .insert_header(("Cache-Control", "no-store"))
                        .insert_header(("Content-Language", "tlh"))
                        .finish()
                }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let response = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    assert_eq!(response.status(), 401);
    let challenges: Vec<_> = response.headers().get_all("www-authenticate").collect();
    assert_eq!(challenges, ["Basic realm=\"files\""]);
    assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
    assert_eq!(response.headers().get("content-language").unwrap(), "en");
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["code"], "AUTH_REQUIRED");
}

#[actix_web::test]
async fn a_problem_survives_error_response_in_another_middleware() {
    let app = test::init_service(
        App::new()
            .route("/", web::get().to(|| async { "never reached" }))
            .wrap_fn(|req, _| async move {
                let problem = Problem::new(&builtin::RATE_LIMITED)
                    .with_retry_after(RetryAfter::seconds(7))
                    .with_extension("limit", 5)
                    .map_err(Problem::from)?;
                let response = req.into_response(problem.error_response());
                Ok(response.map_into_boxed_body())
            })
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let request = TestRequest::get()
        .uri("/")
        .insert_header(("Accept-Language", "fr"))
        .to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers().get("retry-after").unwrap(), "7");
    assert_eq!(response.headers().get("content-language").unwrap(), "fr");
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["code"], "RATE_LIMITED");
    assert_eq!(body["retry_after"], 7);
    assert_eq!(body["limit"], 5);
    assert!(body["detail"].as_str().unwrap().contains('7'), "{body}");
}

#[actix_web::test]
async fn type_docs_at_the_root_serve_only_slugs() {
    let app = test::init_service(
        App::new()
            .service(type_docs(renderer("https://x.test/")))
            .route("/other", web::get().to(|| async { "other" }))
            .default_service(web::to(route_not_found))
            .wrap(ProblemMiddleware::new(renderer("https://x.test/"))),
    )
    .await;
    let page = test::call_service(&app, TestRequest::get().uri("/rate-limited").to_request()).await;
    assert_eq!(page.status(), 200);
    let other = test::call_service(&app, TestRequest::get().uri("/other").to_request()).await;
    assert_eq!(other.status(), 200);
    let missing = test::call_service(&app, TestRequest::get().uri("/nope").to_request()).await;
    assert_eq!(missing.status(), 404);
}

/// A `tracing` subscriber writing into a buffer, for the duration of one test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[actix_web::test]
async fn logs_follow_what_is_sent() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let app = test::init_service(
        App::new()
            .service(web::resource("/r").route(web::get().to(|| async { "r" })))
            .route(
                "/odd",
                web::get().to(|| async {
                    Err::<HttpResponse, _>(
                        Problem::from_status(http::StatusCode::FOUND)
                            .with_source(std::io::Error::other("disk on fire")),
                    )
                }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let wrong_method = TestRequest::default()
        .method(Method::DELETE)
        .uri("/r")
        .to_request();
    let response = test::call_service(&app, wrong_method).await;
    assert_eq!(response.status(), 405);
    assert!(response.headers().contains_key("allow"));
    assert!(
        !captured.text().contains("without Allow"),
        "no spurious warning: {}",
        captured.text()
    );
    let odd = test::call_service(&app, TestRequest::get().uri("/odd").to_request()).await;
    assert_eq!(odd.status(), 500);
    let log = captured.text();
    assert!(
        log.contains("server error") && log.contains("disk on fire"),
        "{log}"
    );
    let body: Value = test::read_body_json(odd).await;
    assert_eq!(body["status"], 500);
    assert!(!body.to_string().contains("fire"));
}
