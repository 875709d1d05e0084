//! Rendering in every format: parsed back, escaped, with the right headers.

use http::{header, HeaderMap, HeaderValue, Method};
use pardon::{
    builtin::{self, field},
    i18n::Messages,
    FieldError, JsonPointer, Problem, Registry, Renderer, RetryAfter,
};
use serde_json::{json, Value};

const SCRIPT: &str = "<script>alert('x')</script>";

fn renderer() -> Renderer {
    let registry = Registry::with_builtins("https://example.com/problems/")
        .expect("absolute base")
        .with_realm("pardon-test");
    Renderer::new(
        registry,
        Messages::builder().build().expect("built-in messages"),
    )
}

fn request(accept: &str, language: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT, HeaderValue::from_str(accept).unwrap());
    headers.insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_str(language).unwrap(),
    );
    headers
}

fn hostile_problem() -> Problem {
    Problem::new(&builtin::VALIDATION_ERROR)
        .with_detail(SCRIPT)
        .with_instance("/users?x=<b>")
        .with_request_id("req-1")
        .with_extension("note", SCRIPT)
        .unwrap()
        .with_extension(
            "nested",
            json!({"list": [1, SCRIPT], "flag": true, "none": null}),
        )
        .unwrap()
        .with_field_error(
            FieldError::pointer(JsonPointer::root().push("a<b>"), &field::TOO_SHORT)
                .with_arg("min", 8),
        )
}

fn body(response: &http::Response<Vec<u8>>) -> &str {
    std::str::from_utf8(response.body()).expect("UTF-8 body")
}

#[test]
fn json_parses_back_to_the_same_document() {
    let r = renderer();
    for accept in ["application/problem+json", "application/json"] {
        let response = r.render(&hostile_problem(), &request(accept, "en"));
        assert_eq!(response.headers()[header::CONTENT_TYPE], accept);
        let back: Problem = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(back.detail(), Some(SCRIPT));
        assert_eq!(back.extension("note"), Some(&json!(SCRIPT)));
        assert_eq!(
            back.field_errors()[0].detail(),
            Some("Must be at least 8 characters long.")
        );
        let again = serde_json::to_vec(&back).unwrap();
        assert_eq!(again, *response.body());
    }
}

#[test]
fn json_and_problem_json_are_the_same_bytes() {
    let r = renderer();
    let a = r.render(&hostile_problem(), &request("application/json", "de"));
    let b = r.render(
        &hostile_problem(),
        &request("application/problem+json", "de"),
    );
    assert_eq!(a.body(), b.body());
}

#[test]
fn xml_parses_back_with_a_real_parser() {
    let r = renderer();
    let response = r.render(
        &hostile_problem(),
        &request("application/problem+xml", "fr"),
    );
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+xml"
    );
    let text = body(&response);
    assert!(!text.contains("<script>"), "{text}");
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "problem");
    assert_eq!(root.tag_name().namespace(), Some("urn:ietf:rfc:7807"));
    let child = |name: &str| {
        root.children()
            .find(|n| n.tag_name().name() == name)
            .unwrap_or_else(|| panic!("no <{name}> in {text}"))
    };
    assert_eq!(
        child("type").text(),
        Some("https://example.com/problems/validation-error")
    );
    assert_eq!(child("status").text(), Some("400"));
    assert_eq!(child("code").text(), Some("VALIDATION_ERROR"));
    assert_eq!(child("detail").text(), Some(SCRIPT));
    assert_eq!(child("note").text(), Some(SCRIPT));
    assert_eq!(child("request_id").text(), Some("req-1"));
    let nested = child("nested");
    let items: Vec<_> = nested
        .children()
        .find(|n| n.tag_name().name() == "list")
        .unwrap()
        .children()
        .filter(|n| n.is_element())
        .map(|n| (n.tag_name().name().to_owned(), n.text().map(str::to_owned)))
        .collect();
    assert_eq!(
        items,
        [
            ("i".into(), Some("1".into())),
            ("i".into(), Some(SCRIPT.into()))
        ]
    );
    let entry = child("errors").children().find(|n| n.is_element()).unwrap();
    assert_eq!(entry.tag_name().name(), "i");
    let pointer = entry
        .children()
        .find(|n| n.tag_name().name() == "pointer")
        .unwrap();
    assert_eq!(pointer.text(), Some("#/a%3Cb%3E"));
    let title = child("title").text().unwrap();
    assert_ne!(title, "Validation failed", "French title expected");
}

#[test]
fn html_escapes_every_value_and_links_the_type() {
    let r = renderer();
    let response = r.render(&hostile_problem(), &request("text/html", "es"));
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let text = body(&response);
    assert!(!text.contains("<script>"), "{text}");
    assert!(
        text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{text}"
    );
    assert!(text.contains("<a href=\"https://example.com/problems/validation-error\">"));
    assert!(text.contains("<html lang=\"es\""));
    assert!(!text.contains("<b>"), "{text}");
}

#[test]
fn text_has_status_title_detail_code_request_id_and_errors() {
    let r = renderer();
    let response = r.render(&hostile_problem(), &request("text/plain", "en"));
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    let lines: Vec<&str> = body(&response).lines().collect();
    assert_eq!(lines[0], "400 Validation failed");
    assert_eq!(lines[1], SCRIPT);
    assert_eq!(lines[2], "code: VALIDATION_ERROR");
    assert_eq!(lines[3], "request_id: req-1");
    assert_eq!(
        *lines.last().unwrap(),
        "- pointer #/a%3Cb%3E TOO_SHORT: Must be at least 8 characters long."
    );
}

#[test]
fn every_format_carries_the_same_headers() {
    let r = renderer();
    let problem = Problem::new(&builtin::RATE_LIMITED).with_retry_after(RetryAfter::seconds(42));
    for accept in [
        "application/problem+json",
        "application/json",
        "application/problem+xml",
        "text/plain",
        "text/html",
    ] {
        let response = r.render(&problem, &request(accept, "ar"));
        let headers = response.headers();
        assert_eq!(response.status(), 429);
        assert_eq!(headers[header::RETRY_AFTER], "42", "{accept}");
        assert_eq!(headers[header::CONTENT_LANGUAGE], "ar", "{accept}");
        assert_eq!(headers[header::VARY], "Accept, Accept-Language", "{accept}");
        assert!(body(&response).contains("42"), "{accept}");
    }
}

#[test]
fn challenges_and_allow_are_added() {
    let r = renderer();
    let response = r.render(&Problem::new(&builtin::AUTH_REQUIRED), &HeaderMap::new());
    assert_eq!(
        response.headers()[header::WWW_AUTHENTICATE],
        r#"Bearer realm="pardon-test""#
    );
    let response = r.render(&Problem::new(&builtin::INVALID_TOKEN), &HeaderMap::new());
    assert_eq!(
        response.headers()[header::WWW_AUTHENTICATE],
        r#"Bearer realm="pardon-test", error="invalid_token""#
    );
    let response = r.render(
        &Problem::new(&builtin::METHOD_NOT_ALLOWED).with_allow([Method::GET, Method::HEAD]),
        &HeaderMap::new(),
    );
    assert_eq!(response.headers()[header::ALLOW], "GET, HEAD");
}

#[test]
fn no_format_ever_carries_a_source_or_a_bidi_mark() {
    let r = renderer();
    let problem = Problem::internal(std::io::Error::other(
        "postgres://admin:hunter2@db.internal:5432/app",
    ))
    .with_detail("hunter2")
    .with_extension(
        "id",
        "\u{2067}x\u{2069}".replace(['\u{2067}', '\u{2069}'], ""),
    )
    .unwrap();
    for accept in [
        "application/json",
        "application/problem+xml",
        "text/plain",
        "text/html",
    ] {
        for language in ["en", "fr", "de", "es", "ar"] {
            let response = r.render(&problem, &request(accept, language));
            let text = body(&response);
            assert!(!text.contains("hunter2"), "{accept} {language}: {text}");
            assert!(!text.contains("postgres"), "{accept} {language}");
            assert!(
                !text.chars().any(|c| ('\u{2066}'..='\u{2069}').contains(&c)),
                "{accept} {language}"
            );
            assert_eq!(response.status(), 500);
        }
    }
}

#[test]
fn existing_vary_is_merged_not_duplicated() {
    let r = renderer();
    let problem = Problem::new(&builtin::CONFLICT)
        .with_header(header::VARY, HeaderValue::from_static("Origin, accept"));
    let response = r.render(&problem, &HeaderMap::new());
    let all: Vec<_> = response.headers().get_all(header::VARY).iter().collect();
    assert_eq!(all, ["Origin, accept, Accept-Language"]);
}

#[test]
fn strict_offer_answers_406_with_what_is_offered() {
    let r = renderer().with_offer(pardon::negotiate::Offer::default().strict());
    let response = r.render(
        &Problem::new(&builtin::CONFLICT),
        &request("image/png", "en"),
    );
    assert_eq!(response.status(), 406);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let json: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json["code"], "NOT_ACCEPTABLE");
    assert_eq!(json["acceptable"][0], "application/problem+json");
}
