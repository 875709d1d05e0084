//! Request bodies, Content-Types, path and query parameters from the network, through
//! an actix App configured with `extractor_errors` under `ProblemMiddleware`: every
//! answer is a success or a 4xx problem document (never a 5xx, never a panic), whose
//! `status` is the status sent and whose `code` a client can key on.
#![no_main]

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::rt::SystemRunner;
use actix_web::web::Bytes;

use actix_web::{App, test, web};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use pardon::actix::{ProblemMiddleware, extractor_errors, route_not_found};
use pardon::i18n::Messages;
use pardon::{Registry, Renderer};
use serde::Deserialize;
use serde_json::Value;

#[derive(Arbitrary, Debug)]
struct Input {
    route: u8,
    content_type: Option<String>,
    body: Vec<u8>,
    parameter: String,
    query: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Order {
    items: Vec<Item>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Item {
    product_id: u32,
    quantity: u16,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Page {
    page: u32,
    sort: Option<String>,
}

/// Percent-encodes every byte that is not unreserved, so any string is a valid URI part.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~=&".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

type Call = Box<dyn Fn(actix_http::Request) -> Pin<Box<dyn Future<Output = (StatusCode, Bytes)>>>>;

/// The App, built once per fuzzing thread (actix's router keeps its patterns' names for
/// the life of the process: an App per input would read as a leak), with its runtime.
fn app() -> (SystemRunner, Call) {
    let system = actix_web::rt::System::new();
    let app = system.block_on(async {
        let renderer = Arc::new(Renderer::new(
            Registry::with_builtins("https://example.com/problems/").unwrap(),
            Messages::builder().build().unwrap(),
        ));
        test::init_service(
            App::new()
                .configure(extractor_errors(1024))
                .route(
                    "/json",
                    web::post().to(|_: web::Json<Value>| async { "ok" }),
                )
                .route(
                    "/orders",
                    web::post().to(|_: web::Json<Order>| async { "ok" }),
                )
                .route(
                    "/users/{id}",
                    web::get().to(|_: web::Path<u32>| async { "ok" }),
                )
                .route(
                    "/pair/{a}/{b}",
                    web::get().to(|_: web::Path<(u8, String)>| async { "ok" }),
                )
                .route("/list", web::get().to(|_: web::Query<Page>| async { "ok" }))
                .route("/form", web::post().to(|_: web::Form<Page>| async { "ok" }))
                .route(
                    "/typed/orders",
                    web::post().to(|_: pardon::actix::Json<Order>| async { "ok" }),
                )
                .route(
                    "/typed/pair/{a}/{b}",
                    web::get().to(|_: pardon::actix::Path<(u8, String)>| async { "ok" }),
                )
                .route(
                    "/typed/list",
                    web::get().to(|_: pardon::actix::Query<Page>| async { "ok" }),
                )
                .default_service(web::to(route_not_found))
                .wrap(ProblemMiddleware::new(renderer)),
        )
        .await
    });
    let app = Rc::new(app);
    let call: Call = Box::new(move |request| {
        let app = Rc::clone(&app);
        Box::pin(async move {
            let response = test::call_service(&*app, request).await;
            let status = response.status();
            (status, test::read_body(response).await)
        })
    });
    (system, call)
}

thread_local! {
    // Never dropped: actix's own thread-locals are gone by the time this one would be.
    static APP: &'static (SystemRunner, Call) = Box::leak(Box::new(app()));
}

fuzz_target!(|input: Input| {
    APP.with(|(system, call)| {
        system.block_on(async {
            let parameter = encode(&input.parameter);
            let query = encode(&input.query);
            let request = match input.route % 9 {
                6 => test::TestRequest::post().uri("/typed/orders"),
                7 => test::TestRequest::get().uri(&format!("/typed/pair/{parameter}/{parameter}")),
                8 => test::TestRequest::get().uri(&format!("/typed/list?{query}")),
                0 => test::TestRequest::post().uri("/json"),
                1 => test::TestRequest::post().uri("/orders"),
                2 => test::TestRequest::get().uri(&format!("/users/{parameter}?{query}")),
                3 => test::TestRequest::get().uri(&format!("/pair/{parameter}/{parameter}")),
                4 => test::TestRequest::get().uri(&format!("/list?{query}")),
                _ => test::TestRequest::post().uri("/form"),
            };
            let mut request = request.set_payload(input.body.clone());
            if let Some(content_type) = &input.content_type
                && let Ok(value) = actix_web::http::header::HeaderValue::from_str(content_type)
            {
                request = request.insert_header((actix_web::http::header::CONTENT_TYPE, value));
            }
            let (status, body) = call(request.to_request()).await;
            assert!(
                status.is_success() || status.is_client_error(),
                "{status} for {input:?}"
            );
            if status.is_client_error() {
                let doc: Value = serde_json::from_slice(&body).expect("a JSON problem");
                assert_eq!(doc["status"], status.as_u16());
                let code = doc["code"].as_str().expect("a code");
                assert!(!code.is_empty());
                // Nothing of the body is echoed back (the path is, as `instance`: text
                // that is also in the URL proves nothing).
                if input.body.len() >= 12
                    && let Ok(text) = std::str::from_utf8(&input.body)
                    && text.chars().all(|c| c.is_ascii_alphanumeric())
                    && !input.parameter.contains(text)
                    && !input.query.contains(text)
                {
                    let answer = std::str::from_utf8(&body).unwrap();
                    assert!(!answer.contains(text), "{answer}");
                }
            }
        });
    });
});
