//! `ProblemMiddleware` at the edges: what it keeps of the inner response, problems that
//! travel through `error_response()`, and what it logs.
#![cfg(feature = "actix")]

use std::sync::Arc;

use actix_cors::Cors;
use actix_web::dev::Service;
use actix_web::test::{self, TestRequest};
use actix_web::{App, HttpResponse, ResponseError, web};
use pardon::actix::{ProblemMiddleware, route_not_found, type_docs};
use pardon::testing::ProblemResponse;
use pardon::{Problem, Registry, Renderer, RetryAfter, builtin, i18n::Messages};
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
    assert!(
        response
            .headers()
            .contains_key("access-control-allow-origin")
    );
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

#[actix_web::test]
async fn headers_that_describe_the_inner_body_do_not_describe_the_problem() {
    let app = test::init_service(
        App::new()
            .route(
                "/",
                web::get().to(|| async {
                    HttpResponse::InternalServerError()
                        .insert_header(("Content-Encoding", "gzip"))
                        .insert_header(("ETag", "\"abc\""))
                        .insert_header(("Content-Security-Policy", "default-src 'none'"))
                        .finish()
                }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let response = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    assert_eq!(response.status(), 500);
    assert!(!response.headers().contains_key("content-encoding"));
    assert!(!response.headers().contains_key("etag"));
    assert!(response.headers().contains_key("content-security-policy"));
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["code"], "INTERNAL_ERROR");
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Listing {
    page: u32,
    sort: Option<Order>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Order {
    Asc,
    Desc,
}

#[actix_web::test]
async fn query_failures_name_the_parameter() {
    let app = test::init_service(
        App::new()
            .configure(pardon::actix::extractor_errors(1024))
            .route(
                "/q",
                web::get().to(|query: web::Query<Listing>| async move { format!("{query:?}") }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    for (uri, parameter, code) in [
        ("/q", "page", "REQUIRED"),
        ("/q?page=1&sort=sideways", "sort", "UNKNOWN_VALUE"),
    ] {
        let response = test::call_service(&app, TestRequest::get().uri(uri).to_request()).await;
        assert_eq!(response.status(), 400, "{uri}");
        let body: Value = test::read_body_json(response).await;
        assert_eq!(body["errors"][0]["parameter"], parameter, "{uri}: {body}");
        assert_eq!(body["errors"][0]["code"], code, "{uri}: {body}");
        assert!(!body.to_string().contains("sideways"), "{body}");
    }
}

#[actix_web::test]
async fn type_docs_at_the_root_of_an_empty_registry_serve_nothing() {
    let empty = Arc::new(Renderer::new(
        Registry::new("https://x.test/").unwrap(),
        Messages::builder().build().unwrap(),
    ));
    let app = test::init_service(
        App::new()
            .service(type_docs(empty))
            .route("/", web::get().to(|| async { "home" })),
    )
    .await;
    let home = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    assert_eq!(home.status(), 200);
}

#[actix_web::test]
async fn a_problems_own_headers_go_out_once() {
    let app = test::init_service(
        App::new()
            .route(
                "/",
                web::get().to(|| async {
                    Err::<HttpResponse, _>(
                        Problem::new(&builtin::AUTH_REQUIRED)
                            .with_challenge(pardon::Challenge::bearer("own")),
                    )
                }),
            )
            .route(
                "/slow",
                web::get().to(|| async {
                    Err::<HttpResponse, _>(
                        Problem::new(&builtin::RATE_LIMITED)
                            .with_retry_after(RetryAfter::seconds(9)),
                    )
                }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let response = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    let challenges: Vec<_> = response.headers().get_all("www-authenticate").collect();
    assert_eq!(challenges, ["Bearer realm=\"own\""]);
    let response = test::call_service(&app, TestRequest::get().uri("/slow").to_request()).await;
    let retry: Vec<_> = response.headers().get_all("retry-after").collect();
    assert_eq!(retry, ["9"]);
    assert_eq!(response.headers().get_all("vary").count(), 1);
}

#[actix_web::test]
async fn the_request_id_in_the_body_is_the_one_in_the_header() {
    let app = test::init_service(
        App::new()
            .route(
                "/",
                web::get().to(|| async {
                    let upstream: Problem = serde_json::from_value(serde_json::json!({
                        "status": 502, "request_id": {"not": "an id"}
                    }))
                    .unwrap();
                    Err::<HttpResponse, _>(upstream)
                }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let request = TestRequest::get()
        .uri("/")
        .insert_header(("X-Request-ID", "mine-1"))
        .to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.headers().get("x-request-id").unwrap(), "mine-1");
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["request_id"], "mine-1");
    assert_eq!(body.to_string().matches("request_id").count(), 1, "{body}");
}

/// An application's own error enum, as a handler's error type: no `.into()`.
#[derive(Debug, pardon::Problem)]
enum ShopProblem {
    #[problem(status = 422, code = "OUT_OF_STOCK")]
    OutOfStock { product_id: u64 },
    #[problem(status = 503, code = "WAREHOUSE_DOWN")]
    WarehouseDown {
        #[problem(retry_after)]
        retry_after: u64,
        #[source]
        cause: std::io::Error,
    },
}

impl From<std::num::ParseIntError> for ShopProblem {
    fn from(_: std::num::ParseIntError) -> ShopProblem {
        ShopProblem::OutOfStock { product_id: 0 }
    }
}

async fn buy(path: web::Path<String>) -> Result<HttpResponse, ShopProblem> {
    let product_id: u64 = path.parse()?; // `?` converts through `From`, as usual
    if product_id == 9 {
        return Err(ShopProblem::WarehouseDown {
            retry_after: 60,
            cause: std::io::Error::other("disk on fire"),
        });
    }
    Err(ShopProblem::OutOfStock { product_id })
}

#[actix_web::test]
async fn a_derived_enum_is_a_handlers_error_type() {
    let mut registry = Registry::with_builtins("https://x.test/problems/").unwrap();
    registry.register_set::<ShopProblem>().unwrap();
    let messages = Messages::builder()
        .add_ftl(
            "en",
            "shop.ftl",
            "OUT_OF_STOCK = Out of stock\n    .detail = Product { $product_id } is out of stock.\n\
             WAREHOUSE_DOWN = Warehouse down\n    .detail = Try again later.\n",
        )
        .add_ftl(
            "fr",
            "shop.ftl",
            "OUT_OF_STOCK = Rupture de stock\n    .detail = Le produit { $product_id } est épuisé.\n\
             WAREHOUSE_DOWN = Entrepôt indisponible\n    .detail = Réessayez plus tard.\n",
        )
        .build()
        .unwrap();
    let app = test::init_service(App::new().route("/buy/{id}", web::post().to(buy)).wrap(
        ProblemMiddleware::new(Arc::new(Renderer::new(registry, messages))),
    ))
    .await;
    let request = TestRequest::post()
        .uri("/buy/7")
        .insert_header(("Accept-Language", "fr"))
        .to_request();
    let response = test::call_service(&app, request).await;
    ProblemResponse::read(response)
        .await
        .expect_status(422)
        .expect_code("OUT_OF_STOCK")
        .expect_language("fr")
        .expect_member("product_id", 7)
        .expect_member("detail", "Le produit 7 est épuisé.");

    let request = TestRequest::post().uri("/buy/9").to_request();
    let response = test::call_service(&app, request).await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers().get("retry-after").unwrap(), "60");
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["retry_after"], 60);
    assert!(!body.to_string().contains("fire"), "{body}");

    // The status without the middleware too, and the cause kept for the log.
    let error = ShopProblem::OutOfStock { product_id: 1 };
    assert_eq!(error.status_code(), 422);
    let down = ShopProblem::WarehouseDown {
        retry_after: 5,
        cause: std::io::Error::other("disk on fire"),
    };
    let response = down.error_response();
    let problem = response.extensions().get::<Problem>().cloned().unwrap();
    assert_eq!(
        problem.internal_cause().unwrap().to_string(),
        "disk on fire"
    );
}

#[actix_web::test]
async fn head_works_wherever_get_does_by_default() {
    let app = test::init_service(
        App::new()
            .service(web::resource("/r").route(web::get().to(|| async { "body" })))
            .route("/gone", web::get().to(conflict))
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let head = |uri| {
        TestRequest::default()
            .method(actix_web::http::Method::HEAD)
            .uri(uri)
            .to_request()
    };
    let response = test::call_service(&app, head("/r")).await;
    assert_eq!(response.status(), 200);
    let response = test::call_service(&app, head("/gone")).await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
}

#[actix_web::test]
async fn type_docs_under_a_base_leave_the_other_paths_under_it_alone() {
    let renderer = renderer("https://x.test/api/");
    let app = test::init_service(
        App::new()
            .service(type_docs(Arc::clone(&renderer)))
            .route("/api/users/{id}", web::get().to(|| async { "user" }))
            .default_service(web::to(route_not_found))
            .wrap(ProblemMiddleware::new(renderer)),
    )
    .await;
    let user = test::call_service(&app, TestRequest::get().uri("/api/users/7").to_request()).await;
    assert_eq!(user.status(), 200);
    let page = test::call_service(&app, TestRequest::get().uri("/api/conflict").to_request()).await;
    assert_eq!(page.status(), 200);
    let index = test::call_service(&app, TestRequest::get().uri("/api").to_request()).await;
    assert_eq!(index.status(), 200);
    let ftl = TestRequest::get().uri("/api/messages/de.ftl").to_request();
    assert_eq!(test::call_service(&app, ftl).await.status(), 200);
}

#[actix_web::test]
async fn a_panic_in_an_inner_middlewares_call_is_an_internal_error_and_serving_goes_on() {
    let app = test::init_service(
        App::new()
            .route("/", web::get().to(|| async { "fine" }))
            .wrap_fn(|req, srv| {
                // Before any future exists: the panic is in `call` itself.
                if req.path() == "/" && req.query_string() == "boom" {
                    panic!("the inner middleware's secret");
                }
                srv.call(req)
            })
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let request = TestRequest::get()
        .uri("/?boom")
        .insert_header(("Accept-Language", "de"))
        .insert_header(("X-Request-ID", "boom-1"))
        .to_request();
    // After a panic the request cannot be given back: the answer comes as the
    // service's error, rendered.
    let error = app.call(request).await.err().unwrap();
    let response = error.error_response();
    assert_eq!(response.status(), 500);
    assert_eq!(response.headers().get("content-language").unwrap(), "de");
    assert_eq!(response.headers().get("x-request-id").unwrap(), "boom-1");
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .unwrap();
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["code"], "INTERNAL_ERROR");
    assert_eq!(body["request_id"], "boom-1");
    assert!(!body.to_string().contains("secret"), "{body}");
    let fine = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    assert_eq!(fine.status(), 200);
}

#[actix_web::test]
async fn a_rendered_problem_no_longer_reads_as_one_to_render() {
    let app = test::init_service(
        App::new()
            .route("/", web::get().to(conflict))
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let response = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    assert_eq!(response.status(), 409);
    // A middleware further out sees a finished response: neither the problem's error nor
    // its extension, which would have it rendered a second time.
    assert!(response.response().error().is_none());
    assert!(response.response().extensions().get::<Problem>().is_none());
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["code"], "CONFLICT");
}

#[actix_web::test]
async fn a_reason_phrase_of_the_replaced_response_does_not_stay() {
    let app = test::init_service(
        App::new()
            .route(
                "/",
                web::get().to(|| async {
                    HttpResponse::build(actix_web::http::StatusCode::CONFLICT)
                        .reason("Seat Taken")
                        .finish()
                }),
            )
            .wrap(ProblemMiddleware::new(renderer("https://x.test/problems/"))),
    )
    .await;
    let response = test::call_service(&app, TestRequest::get().uri("/").to_request()).await;
    assert_eq!(response.status(), 409);
    assert_eq!(response.response().head().reason(), "Conflict");
    let body: Value = test::read_body_json(response).await;
    assert_eq!(body["code"], "CONFLICT");
}
