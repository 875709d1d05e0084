//! Negotiate `Accept-Language`, then format the title and detail of a problem with two
//! arguments.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use http::{HeaderMap, HeaderValue, header::ACCEPT_LANGUAGE};
use pardon::{Registry, Renderer, i18n::Messages};
use serde_json::json;

fn localize(c: &mut Criterion) {
    let renderer = Renderer::new(
        Registry::with_builtins("https://example.com/problems/").expect("a base URI"),
        Messages::builder().build().expect("built-in messages"),
    );
    let messages = renderer.messages();
    let line = json!(3);
    let column = json!(17);
    let args = [("line", &line), ("column", &column)];
    let mut group = c.benchmark_group("localize");
    for (name, header) in [
        ("fr-CA", "fr-CA,fr;q=0.9,en;q=0.8"),
        ("ar", "ar"),
        ("absent", ""),
    ] {
        let mut headers = HeaderMap::new();
        if !header.is_empty() {
            headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static(header));
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                let locale = renderer.negotiate(black_box(&headers)).locale();
                let title = messages.format(locale, "MALFORMED_JSON", None, &args);
                let detail = messages.format(locale, "MALFORMED_JSON", Some("detail"), &args);
                (title, detail)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, localize);
criterion_main!(benches);
