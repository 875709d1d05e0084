//! Typed request bodies from the outside: what `ValidJson` and `pardon::decode` answer to
//! bodies that once broke them (found in review: a type that holds itself, number map
//! keys, many faults) and to what the issue asked for (every fault at once).
#![cfg(feature = "actix")]

use std::collections::HashMap;
use std::sync::Arc;

use actix_web::{App, HttpResponse, test, web};
use pardon::actix::{Json, ProblemMiddleware, ValidJson, configure};
use pardon::testing::ProblemResponse;
use pardon::{Registry, Renderer, i18n::Messages};
use serde::Deserialize;
use serde_json::json;
use validator::Validate;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Expr {
    Neg(Box<Expr>),
    Lit(i64),
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Query {
    expr: Expr,
    weights: HashMap<u32, f64>,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Line {
    #[validate(range(min = 1, max = 10))]
    quantity: u32,
    sku: String,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Lines {
    #[validate(nested)]
    lines: Vec<Line>,
}

async fn app() -> impl actix_web::dev::Service<
    actix_http::Request,
    Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
    Error = actix_web::Error,
> {
    let renderer = Arc::new(Renderer::new(
        Registry::with_builtins("https://x.test/problems/").unwrap(),
        Messages::builder().build().unwrap(),
    ));
    test::init_service(
        App::new()
            .configure(configure(&renderer, 64 * 1024))
            .route(
                "/query",
                web::post().to(|_: Json<Query>| async { HttpResponse::Ok().finish() }),
            )
            .route(
                "/lines",
                web::post().to(|_: ValidJson<Lines>| async { HttpResponse::Ok().finish() }),
            )
            .wrap(ProblemMiddleware::new(renderer)),
    )
    .await
}

#[actix_web::test]
async fn a_type_that_holds_itself_is_answered_not_overflowed() {
    let app = app().await;
    for body in [json!({"expr": 5, "weights": {}}), json!({}), json!([])] {
        let request = test::TestRequest::post().uri("/query").set_json(&body);
        let response = test::call_service(&app, request.to_request()).await;
        ProblemResponse::read(response)
            .await
            .expect_status(400)
            .expect_code("VALIDATION_ERROR");
    }
    let ok = json!({"expr": {"Neg": {"Lit": 1}}, "weights": {"7": 0.5}});
    let request = test::TestRequest::post().uri("/query").set_json(&ok);
    assert_eq!(
        test::call_service(&app, request.to_request())
            .await
            .status(),
        200
    );
}

#[actix_web::test]
async fn many_faulty_lines_are_answered_with_the_first_hundred_in_order() {
    let app = app().await;
    // Each line misses `sku` and breaks the quantity rule: 2,000 faults in all.
    let lines: Vec<_> = (0..1000).map(|_| json!({"quantity": 0})).collect();
    let request = test::TestRequest::post()
        .uri("/lines")
        .set_json(json!({ "lines": lines }));
    let response = test::call_service(&app, request.to_request()).await;
    let problem = ProblemResponse::read(response).await;
    problem
        .expect_status(400)
        .expect_field_error("#/lines/0/quantity", "OUT_OF_RANGE")
        .expect_field_error("#/lines/0/sku", "REQUIRED");
    assert_eq!(problem.body()["errors"].as_array().unwrap().len(), 100);
}
