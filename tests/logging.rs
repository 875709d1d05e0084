//! What `ProblemMiddleware` logs: 5xx causes by the status sent, and no spurious warning.
//! Alone in its binary: a thread's `tracing` subscriber sees events only while no other
//! test has settled the callsites' interest without it.
#![cfg(feature = "actix")]

use std::io::Write;
use std::sync::{Arc, Mutex};

use actix_web::http::Method;
use actix_web::test::{self, TestRequest};
use actix_web::{App, HttpResponse, web};
use pardon::actix::ProblemMiddleware;
use pardon::{Problem, Registry, Renderer, i18n::Messages};
use serde_json::Value;

fn renderer(base: &str) -> Arc<Renderer> {
    Arc::new(Renderer::new(
        Registry::with_builtins(base).unwrap().with_realm("test"),
        Messages::builder().build().unwrap(),
    ))
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
