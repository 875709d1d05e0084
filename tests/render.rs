//! Rendering in every format: parsed back, escaped, with the right headers.

use http::{HeaderMap, HeaderValue, Method, header};
use pardon::{
    FieldError, JsonPointer, Problem, Registry, Renderer, RetryAfter,
    builtin::{self, field},
    i18n::Messages,
};
use serde_json::{Value, json};

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

fn body(response: &pardon::RenderedProblem) -> &str {
    std::str::from_utf8(response.body()).expect("UTF-8 body")
}

#[test]
fn json_parses_back_to_the_same_document() {
    let r = renderer();
    for accept in ["application/problem+json", "application/json"] {
        let response = r.render(&hostile_problem(), &request(accept, "en"));
        assert_eq!(response.to_headers()[header::CONTENT_TYPE], accept);
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
        response.to_headers()[header::CONTENT_TYPE],
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
        response.to_headers()[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let text = body(&response);
    assert!(!text.contains("<script>"), "{text}");
    assert!(
        text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{text}"
    );
    assert!(
        text.contains("<a href=\"https://example.com/problems/validation-error\" dir=\"ltr\">")
    );
    assert!(text.contains("<html lang=\"es\""));
    assert!(!text.contains("<b>"), "{text}");
}

#[test]
fn text_has_status_title_detail_code_request_id_and_errors() {
    let r = renderer();
    let response = r.render(&hostile_problem(), &request("text/plain", "en"));
    assert_eq!(
        response.to_headers()[header::CONTENT_TYPE],
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
        let headers = response.to_headers();
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
        response.to_headers()[header::WWW_AUTHENTICATE],
        r#"Bearer realm="pardon-test""#
    );
    let response = r.render(&Problem::new(&builtin::INVALID_TOKEN), &HeaderMap::new());
    assert_eq!(
        response.to_headers()[header::WWW_AUTHENTICATE],
        r#"Bearer realm="pardon-test", error="invalid_token""#
    );
    let response = r.render(
        &Problem::new(&builtin::METHOD_NOT_ALLOWED).with_allow([Method::GET, Method::HEAD]),
        &HeaderMap::new(),
    );
    assert_eq!(response.to_headers()[header::ALLOW], "GET, HEAD");
}

const FORMATS: [&str; 5] = [
    "application/problem+json",
    "application/json",
    "application/problem+xml",
    "text/plain",
    "text/html",
];

/// The `status` member of a rendered body, in any format but HTML's page.
fn status_member(accept: &str, text: &str) -> Option<u16> {
    match accept {
        "application/problem+json" | "application/json" => serde_json::from_str::<Value>(text)
            .ok()?["status"]
            .as_u64()
            .and_then(|n| u16::try_from(n).ok()),
        "application/problem+xml" => roxmltree::Document::parse(text)
            .ok()?
            .descendants()
            .find(|n| n.has_tag_name("status"))?
            .text()?
            .parse()
            .ok(),
        _ => text.split(' ').next()?.parse().ok(),
    }
}

#[test]
fn a_secret_never_reaches_a_body_whatever_the_constructor() {
    const SECRET: &str = "hunter2";
    let r = renderer();
    let upstream: Problem = serde_json::from_value(json!({
        "type": "https://upstream.internal/hunter2",
        "status": 200,
        "title": SECRET,
        "detail": SECRET,
        "code": "HUNTER2_DOWN",
        "dsn": SECRET,
    }))
    .unwrap();
    let upstream_5xx: Problem = serde_json::from_value(json!({
        "status": 503,
        "title": SECRET,
        "instance": "/users/1",
        "errors": [{"detail": SECRET, "pointer": "#/a"}],
    }))
    .unwrap();
    let problems = [
        Problem::default().with_detail(SECRET),
        Problem::default().with_title(SECRET),
        Problem::from_status(http::StatusCode::FOUND).with_detail(SECRET),
        Problem::from_status(http::StatusCode::OK)
            .with_extension("dsn", SECRET)
            .unwrap(),
        Problem::from_status(http::StatusCode::BAD_GATEWAY).with_detail(SECRET),
        Problem::internal(std::io::Error::other(SECRET)).with_detail(SECRET),
        Problem::new(&builtin::INTERNAL_ERROR)
            .with_title(SECRET)
            .with_extension("dsn", SECRET)
            .unwrap()
            .with_field_error(FieldError::parameter("x", &field::REQUIRED).with_detail(SECRET)),
        Problem::new(&builtin::SERVICE_UNAVAILABLE).with_arg("hint", SECRET),
        upstream,
        upstream_5xx,
    ];
    for (i, problem) in problems.iter().enumerate() {
        for accept in FORMATS {
            for language in ["en", "ar"] {
                let response = r.render(problem, &request(accept, language));
                let text = body(&response);
                assert!(!text.contains(SECRET), "#{i} {accept} {language}: {text}");
                assert!(response.status().is_server_error(), "#{i}");
                if accept != "text/html" {
                    assert_eq!(
                        status_member(accept, text),
                        Some(response.status().as_u16()),
                        "#{i} {accept}: the status member is the status sent\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn bidi_controls_from_values_never_reach_any_format() {
    let r = renderer();
    let marks = "\u{2066}\u{2067}\u{2068}\u{2069}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}";
    let problem = Problem::new(&builtin::CONFLICT)
        .with_title(format!("seat{marks}taken"))
        .with_detail(format!("a{marks}b"))
        .with_instance(format!("/seats/{marks}1"))
        .with_extension("owner", format!("x{marks}y"))
        .unwrap()
        .with_extension("nested", json!({"list": [format!("{marks}z")]}))
        .unwrap()
        .with_field_error(
            FieldError::parameter(format!("p{marks}"), &field::REQUIRED)
                .with_detail(format!("d{marks}")),
        );
    for accept in FORMATS {
        for language in ["en", "ar"] {
            let response = r.render(&problem, &request(accept, language));
            let text = body(&response);
            assert!(
                !text
                    .chars()
                    .any(|c| matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}')),
                "{accept} {language}: {text:?}"
            );
            assert!(text.contains("seattaken"), "{accept}: the text stays");
        }
    }
}

#[test]
fn about_blank_titles_are_localized_and_labelled_so() {
    let r = renderer();
    let english = r.render(
        &Problem::from_status(http::StatusCode::NOT_FOUND),
        &request("application/json", "en"),
    );
    let english: Value = serde_json::from_slice(english.body()).unwrap();
    assert_eq!(english["title"], "Not Found");
    for language in ["fr", "de", "es", "ar"] {
        let response = r.render(
            &Problem::from_status(http::StatusCode::NOT_FOUND),
            &request("application/json", language),
        );
        assert_eq!(response.to_headers()[header::CONTENT_LANGUAGE], language);
        let json: Value = serde_json::from_slice(response.body()).unwrap();
        assert_ne!(json["title"], "Not Found", "{language}");
    }
}

#[test]
fn xml_never_carries_a_character_outside_xml_chars() {
    let r = renderer();
    let problem = Problem::new(&builtin::CONFLICT)
        .with_detail("a\u{FFFE}b\u{FFFF}c\u{0}d\u{1F}e")
        .with_extension("v", "\u{FFFF}")
        .unwrap();
    let response = r.render(&problem, &request("application/problem+xml", "en"));
    let text = body(&response);
    assert!(
        !text.contains(['\u{FFFE}', '\u{FFFF}', '\u{0}', '\u{1F}']),
        "{text:?}"
    );
    let doc = roxmltree::Document::parse(text).expect("well-formed");
    let detail = doc
        .descendants()
        .find(|n| n.has_tag_name("detail"))
        .unwrap();
    assert_eq!(detail.text(), Some("a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"));
}

#[test]
fn html_isolates_left_to_right_runs_and_localizes_its_labels() {
    let r = renderer();
    let problem = Problem::new(&builtin::VALIDATION_ERROR)
        .with_instance("/users/42")
        .with_request_id("req-1")
        .with_extension("owner", "أحمد")
        .unwrap()
        .with_field_error(FieldError::pointer(
            JsonPointer::root().push("age"),
            &field::REQUIRED,
        ));
    let arabic = body(&r.render(&problem, &request("text/html", "ar"))).to_owned();
    let english = body(&r.render(&problem, &request("text/html", "en"))).to_owned();
    assert!(arabic.contains("dir=\"rtl\""), "{arabic}");
    assert!(
        arabic.contains("<code dir=\"ltr\">/users/42</code>"),
        "{arabic}"
    );
    assert!(
        arabic.contains("<code dir=\"ltr\">req-1</code>"),
        "{arabic}"
    );
    assert!(
        arabic.contains("<code dir=\"ltr\">#/age</code>"),
        "{arabic}"
    );
    assert!(arabic.contains("<bdi>أحمد</bdi>"), "{arabic}");
    assert!(
        arabic.contains("<thead>"),
        "the field-error table has a header row"
    );
    assert!(
        english.contains("<th scope=\"col\">Location</th>"),
        "{english}"
    );
    assert!(english.contains("<dt>Instance</dt>"), "{english}");
    for label in [
        "<dt>Instance</dt>",
        "<dt>Request ID</dt>",
        ">Location</th>",
        ">Detail</th>",
    ] {
        assert!(
            !arabic.contains(label),
            "{label} is not translated:\n{arabic}"
        );
    }
}

#[test]
fn type_pages_show_typed_example_values() {
    let r = renderer();
    let en = r.messages().locale("en").unwrap();
    let page = r.type_page(&builtin::RATE_LIMITED, en).into_html();
    assert!(page.contains("&quot;retry_after&quot;: 30"), "{page}");
    assert!(!page.contains("{retry_after}"), "{page}");
    assert!(page.contains("<pre dir=\"ltr\">"), "{page}");
    let page = r.type_page(&builtin::MALFORMED_JSON, en).into_html();
    assert!(page.contains("(line 3, column 14)"), "{page}");
}

#[test]
fn existing_vary_is_merged_not_duplicated() {
    let r = renderer();
    let problem = Problem::new(&builtin::CONFLICT)
        .with_header(header::VARY, HeaderValue::from_static("Origin, accept"));
    let response = r.render(&problem, &HeaderMap::new());
    let headers = response.to_headers();
    let all: Vec<_> = headers.get_all(header::VARY).iter().collect();
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
        response.to_headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let json: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json["code"], "NOT_ACCEPTABLE");
    assert_eq!(json["acceptable"][0], "application/problem+json");
}
