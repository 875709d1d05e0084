//! A client that hangs up while its handler runs: no panic, nothing held, one log line.
//! Alone in its binary: the server runs on its own threads, so the log is captured by a
//! process-wide `tracing` subscriber.
#![cfg(feature = "actix")]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{App, HttpResponse, HttpServer, web};
use pardon::actix::{ProblemMiddleware, time_limit};
use pardon::{Problem, Registry, Renderer, i18n::Messages};

/// Everything the server logs.
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
    fn lines_with(&self, needle: &str) -> Vec<String> {
        String::from_utf8_lossy(&self.0.lock().unwrap())
            .lines()
            .filter(|line| line.contains(needle))
            .map(str::to_owned)
            .collect()
    }
}

/// How many handler futures began, and how many were dropped (finished or not).
#[derive(Default)]
struct Handlers {
    started: AtomicUsize,
    dropped: AtomicUsize,
}

struct Held(Arc<Handlers>);

impl Drop for Held {
    fn drop(&mut self) {
        self.0.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// A handler that waits for a slow upstream, holding a resource meanwhile.
async fn slow(handlers: web::Data<Handlers>) -> Result<HttpResponse, Problem> {
    handlers.started.fetch_add(1, Ordering::SeqCst);
    let _held = Held(handlers.into_inner());
    let upstream = actix_web::rt::time::sleep(Duration::from_secs(3));
    time_limit(Duration::from_secs(2), "slow upstream", upstream).await?;
    Ok(HttpResponse::Ok().body("late"))
}

fn start(handlers: Arc<Handlers>) -> u16 {
    let renderer = Arc::new(Renderer::new(
        Registry::with_builtins("https://example.com/problems/").unwrap(),
        Messages::builder().build().unwrap(),
    ));
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let data = web::Data::from(handlers);
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(data.clone())
                    .route("/slow", web::get().to(slow))
                    .route("/fast", web::get().to(|| async { "fast" }))
                    .wrap(ProblemMiddleware::new(Arc::clone(&renderer)).access_log(true))
            })
            .workers(1)
            .bind(("127.0.0.1", 0))
            .unwrap();
            sender.send(server.addrs()[0].port()).unwrap();
            server.run().await.unwrap();
        });
    });
    receiver.recv().unwrap()
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_client_that_hangs_up_mid_request_leaves_nothing_behind() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();
    let handlers = Arc::new(Handlers::default());
    let port = start(Arc::clone(&handlers));

    let mut client = TcpStream::connect(("127.0.0.1", port)).unwrap();
    client
        .write_all(b"GET /slow HTTP/1.1\r\nHost: test\r\nX-Request-ID: hangs-up-1\r\n\r\n")
        .unwrap();
    wait_until("the handler starts", || {
        handlers.started.load(Ordering::SeqCst) == 1
    });
    drop(client);

    // actix lets the handler run to its end (here, the time limit) and drops its state
    // then; the answer goes nowhere.
    wait_until("the handler's state is dropped", || {
        handlers.dropped.load(Ordering::SeqCst) == 1
    });
    std::thread::sleep(Duration::from_millis(200));
    let lines = captured.lines_with("hangs-up-1");
    let access: Vec<_> = lines
        .iter()
        .filter(|l| l.contains("pardon::access"))
        .collect();
    assert_eq!(access.len(), 1, "one access line: {lines:#?}");
    let errors: Vec<_> = lines
        .iter()
        .filter(|l| l.contains("server error"))
        .collect();
    assert_eq!(errors.len(), 1, "one cause line: {lines:#?}");
    assert!(errors[0].contains("slow upstream did not answer within 2s"));
    assert!(captured.lines_with("panicked").is_empty());
    assert_eq!(handlers.started.load(Ordering::SeqCst), 1);
    assert_eq!(handlers.dropped.load(Ordering::SeqCst), 1);

    // The worker keeps serving.
    let mut client = TcpStream::connect(("127.0.0.1", port)).unwrap();
    client
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    client
        .write_all(b"GET /fast HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut reply = String::new();
    client.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200 OK\r\n"), "{reply}");
    assert!(reply.ends_with("fast"), "{reply}");
}
