//! Property tests: parsers never panic, and what is written reads back the same.

use http::{header, HeaderMap, HeaderValue};
use pardon::negotiate::negotiate_language;
use pardon::{builtin, i18n::Messages, Code, Problem, Registry, Renderer};
use proptest::prelude::*;
use serde_json::{Map, Value};

const STANDARD: [&str; 5] = ["type", "title", "status", "detail", "instance"];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn document() -> impl Strategy<Value = Map<String, Value>> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "type", "title", "status", "detail", "instance", "code", "errors"
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z_ ]{1,10}",
    ];
    prop::collection::btree_map(key, json_value(), 0..8).prop_map(|m| m.into_iter().collect())
}

fn renderer() -> Renderer {
    Renderer::new(
        Registry::with_builtins("https://example.com/problems/").unwrap(),
        Messages::builder().build().unwrap(),
    )
}

proptest! {
    #[test]
    fn reading_and_writing_loses_no_extension_member(doc in document()) {
        let problem: Problem = serde_json::from_value(Value::Object(doc.clone())).unwrap();
        let written = serde_json::to_value(&problem).unwrap();
        let written = written.as_object().unwrap();
        for (key, value) in &doc {
            if !STANDARD.contains(&key.as_str()) {
                prop_assert_eq!(written.get(key), Some(value), "member {}", key);
            }
        }
        // And writing what was read is stable.
        let again: Problem = serde_json::from_value(Value::Object(written.clone())).unwrap();
        prop_assert_eq!(&serde_json::to_value(&again).unwrap(), &Value::Object(written.clone()));
    }

    #[test]
    fn built_extensions_round_trip(name in "[a-zA-Z][a-zA-Z0-9_]{0,12}", value in json_value()) {
        prop_assume!(!["type", "title", "status", "detail", "instance", "code", "errors"].contains(&name.as_str()));
        let problem = Problem::new(&builtin::CONFLICT).with_extension(&name, &value).unwrap();
        let text = serde_json::to_string(&problem).unwrap();
        let back: Problem = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back.extension(&name), Some(&value));
        prop_assert_eq!(back.code(), problem.code());
    }

    #[test]
    fn codes_parse_exactly_when_upper_snake_case(text in "[A-Z_0-9a-z-]{0,12}") {
        let valid = !text.is_empty()
            && text.as_bytes()[0].is_ascii_uppercase()
            && !text.ends_with('_')
            && !text.contains("__")
            && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        prop_assert_eq!(text.parse::<Code>().is_ok(), valid);
    }

    #[test]
    fn any_accept_language_picks_a_supported_locale(header in "[ -~]{0,200}") {
        let supported = ["en", "fr", "de", "es", "ar"];
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(&header).unwrap());
        prop_assert!(negotiate_language(&headers, &supported) < supported.len());
    }

    #[test]
    fn every_format_stays_well_formed_whatever_the_values(
        detail in "\\PC{0,40}",
        member in json_value(),
        accept in prop::sample::select(vec!["application/problem+xml", "text/html", "text/plain", "application/json"]),
    ) {
        let problem = Problem::new(&builtin::CONFLICT)
            .with_detail(detail.clone())
            .with_extension("member", &member)
            .unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static(accept));
        let response = renderer().render(&problem, &headers);
        let body = std::str::from_utf8(response.body()).unwrap();
        match accept {
            "application/problem+xml" => {
                let doc = roxmltree::Document::parse(body);
                prop_assert!(doc.is_ok(), "{:?}\n{}", doc.err(), body);
            }
            "text/html" => prop_assert!(!body.contains("<script"), "{}", body),
            "text/plain" => prop_assert!(body.starts_with("409 ")),
            _ => {
                let back: Problem = serde_json::from_str(body).unwrap();
                prop_assert_eq!(back.code().map(|c| c.as_str()), Some("CONFLICT"));
            }
        }
    }
}
