//! Parse-and-choose for representative `Accept` headers, and rendering in each format.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use http::{HeaderMap, HeaderValue, header::ACCEPT};
use pardon::{
    FieldError, JsonPointer, Problem, Registry, Renderer,
    builtin::{self, field},
    i18n::Messages,
    negotiate::{Format, Offer},
};

const ACCEPTS: [(&str, &str); 5] = [
    ("absent", ""),
    ("any", "*/*"),
    ("json", "application/json"),
    (
        "browser",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    ),
    (
        "weighted",
        "text/*;q=0.3, text/html;q=0.7, application/problem+xml;q=0.5, */*;q=0.1",
    ),
];

fn negotiate(c: &mut Criterion) {
    let offer = Offer::default();
    let mut group = c.benchmark_group("accept");
    for (name, accept) in ACCEPTS {
        let mut headers = HeaderMap::new();
        if !accept.is_empty() {
            headers.insert(ACCEPT, HeaderValue::from_static(accept));
        }
        group.bench_function(name, |b| b.iter(|| offer.negotiate(black_box(&headers))));
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let renderer = Renderer::new(
        Registry::with_builtins("https://example.com/problems/").expect("absolute base"),
        Messages::builder().build().expect("built-in messages"),
    );
    let problem = Problem::new(&builtin::VALIDATION_ERROR)
        .with_instance("/users")
        .with_request_id("0123456789abcdef")
        .with_field_error(FieldError::pointer(
            JsonPointer::root().push("email"),
            &field::INVALID_FORMAT,
        ))
        .with_field_error(
            FieldError::pointer(JsonPointer::root().push("password"), &field::TOO_SHORT)
                .with_arg("min", 8),
        );
    let mut group = c.benchmark_group("render");
    for format in Format::ALL {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            HeaderValue::from_static(match format {
                Format::ProblemJson => "application/problem+json",
                Format::Json => "application/json",
                Format::ProblemXml => "application/problem+xml",
                Format::Text => "text/plain",
                _ => "text/html",
            }),
        );
        group.bench_function(format.content_type(), |b| {
            b.iter(|| renderer.render(black_box(&problem), black_box(&headers)))
        });
    }
    group.finish();
}

criterion_group!(benches, negotiate, render);
criterion_main!(benches);
