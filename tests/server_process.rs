//! The real example binaries (the actix-web demo, and with the `axum` feature the axum
//! one), started on a free loopback port and spoken to over TCP.
#![cfg(all(
    feature = "actix",
    feature = "derive",
    feature = "validator",
    feature = "utoipa"
))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod examples;

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The demos this build has.
fn demos() -> Vec<&'static str> {
    let mut demos = vec!["server"];
    if cfg!(feature = "axum") {
        demos.push("axum");
    }
    demos
}

fn start(example: &str) -> Server {
    let binary = examples::built(example);
    let mut child = Command::new(binary)
        .env("PORT", "0")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the example starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines.next().expect("a ready line").unwrap();
        if let Some(address) = line.strip_prefix("listening on http://127.0.0.1:") {
            break address.trim().parse().unwrap();
        }
    };
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}

fn request(port: u16, raw: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (head.to_ascii_lowercase(), body.to_owned())
}

#[test]
fn the_examples_serve_problems_over_tcp() {
    for demo in demos() {
        serves_problems_over_tcp(demo);
    }
}

fn serves_problems_over_tcp(demo: &str) {
    let server = start(demo);
    let port = server.port;

    let (head, body) = request(
        port,
        "GET /users/42 HTTP/1.1\r\nHost: x\r\nAccept-Language: fr\r\nConnection: close\r\n\r\n",
    );
    assert!(head.starts_with("http/1.1 404"), "{demo}: {head}");
    assert!(
        head.contains("content-type: application/problem+json"),
        "{head}"
    );
    assert!(head.contains("content-language: fr"), "{head}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["code"], "USER_NOT_FOUND");
    assert_eq!(
        json["type"],
        format!("http://localhost:{port}/problems/user-not-found")
    );

    let (head, body) = request(
        port,
        "HEAD /exports HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(head.starts_with("http/1.1 503"), "{head}");
    assert!(head.contains("retry-after: 300"), "{head}");
    assert!(body.is_empty(), "HEAD has no body: {body}");

    let (head, body) = request(
        port,
        "GET /debug/panic HTTP/1.1\r\nHost: x\r\nAccept: text/plain\r\nConnection: close\r\n\r\n",
    );
    assert!(head.starts_with("http/1.1 500"), "{head}");
    assert!(body.starts_with("500 Internal error\n"), "{body}");
    let (head, _) = request(
        port,
        "GET /users/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(
        head.starts_with("http/1.1 200"),
        "still serving after a panic: {head}"
    );

    let (head, body) = request(
        port,
        "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{\"name\":}",
    );
    assert!(head.starts_with("http/1.1 400"), "{head}");
    assert!(body.contains("MALFORMED_JSON"), "{body}");
}

#[test]
fn the_examples_stop_cleanly_on_sigterm() {
    for demo in demos() {
        stops_cleanly_on_sigterm(demo);
    }
}

fn stops_cleanly_on_sigterm(demo: &str) {
    let mut server = start(demo);
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut waited = 0;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(waited < 100, "still running 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
    };
    assert!(status.success(), "{status:?}");
}
