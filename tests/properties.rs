//! Property tests: parsers never panic, and what is written reads back the same.

use http::{HeaderMap, HeaderValue, header};
use pardon::negotiate::negotiate_language;
use pardon::{Code, FieldError, Problem, Registry, Renderer, builtin, i18n::Messages};
use proptest::prelude::*;
use serde_json::{Map, Value};

const STANDARD: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// Text from all of Unicode, with the characters that matter drawn often: controls,
/// line breaks, bidi and other format characters, non-characters, markup.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\u{0}',
        '\u{7}',
        '\t',
        '\n',
        '\r',
        '\u{1B}',
        '\u{7F}',
        '\u{85}',
        '\u{9F}',
        '\u{200B}',
        '\u{200E}',
        '\u{200F}',
        '\u{2028}',
        '\u{202A}',
        '\u{202E}',
        '\u{2066}',
        '\u{2069}',
        '\u{FEFF}',
        '\u{FDD0}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{1FFFE}',
        '\u{10FFFF}',
        '\u{E000}',
        '<',
        '>',
        '&',
        '"',
        '\'',
        '/',
        ';',
        ':',
        '-',
        ' ',
    ]);
    let any_char = prop_oneof![3 => any::<char>(), 2 => special];
    prop::collection::vec(any_char, 0..max).prop_map(|chars| chars.into_iter().collect())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any_text(12).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(any_text(8), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// `value` with every string (not the keys) replaced by `v`: the same shape, no markup.
fn plain(value: &Value) -> Value {
    match value {
        Value::String(_) => Value::from("v"),
        Value::Array(items) => Value::Array(items.iter().map(plain).collect()),
        Value::Object(members) => {
            Value::Object(members.iter().map(|(k, v)| (k.clone(), plain(v))).collect())
        }
        other => other.clone(),
    }
}

fn without_bidi(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// What XML carries of `text` and a parser gives back: characters outside XML's `Char`
/// and C1 controls as U+FFFD, line ends normalized.
fn as_xml_reads(text: &str) -> String {
    without_bidi(text)
        .chars()
        .map(|c| {
            let allowed = (!c.is_control() || matches!(c, '\t' | '\n' | '\r'))
                && !matches!(c, '\u{FFFE}' | '\u{FFFF}');
            if allowed { c } else { '\u{FFFD}' }
        })
        .collect::<String>()
        .replace("\r\n", "\n")
        .replace('\r', "\n")
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
    fn any_accept_language_bytes_negotiate_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let supported = ["en", "fr", "de", "es", "ar"];
        // Any byte a header value may hold, obs-text included.
        let Ok(value) = HeaderValue::from_bytes(&bytes) else {
            return Ok(());
        };
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, value);
        let _ = negotiate_language(&headers, &supported);
    }

    #[test]
    fn every_format_stays_well_formed_whatever_the_values(
        detail in any_text(40),
        title in any_text(12),
        parameter in any_text(12),
        member in json_value(),
        accept in prop::sample::select(vec!["application/problem+xml", "text/html", "text/plain", "application/json"]),
        language in prop::sample::select(vec!["en", "ar"]),
    ) {
        let build = |title: &str, detail: &str, parameter: &str, member: &Value| {
            Problem::new(&builtin::CONFLICT)
                .with_title(title)
                .with_detail(detail)
                .with_extension("member", member)
                .unwrap()
                .with_field_error(
                    FieldError::parameter(parameter, &builtin::field::REQUIRED).with_detail(detail),
                )
        };
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static(accept));
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(language));
        let renderer = renderer();
        let response = renderer.render(&build(&title, &detail, &parameter, &member), &headers);
        let body = std::str::from_utf8(response.body()).unwrap();
        // The same problem with plain values: the layout every value must leave intact.
        let reference = renderer.render(&build("v", "v", "v", &plain(&member)), &headers);
        let reference = std::str::from_utf8(reference.body()).unwrap();
        match accept {
            "application/problem+xml" => {
                let doc = roxmltree::Document::parse(body);
                prop_assert!(doc.is_ok(), "{:?}\n{}", doc.err(), body);
                let doc = doc.unwrap();
                let read = doc
                    .descendants()
                    .find(|n| n.has_tag_name("detail"))
                    .and_then(|n| n.text())
                    .unwrap_or("");
                // A writer may send a CR raw (read back as LF) or as `&#13;`: both are fine.
                let read = read.replace("\r\n", "\n").replace('\r', "\n");
                prop_assert_eq!(read, as_xml_reads(&detail));
            }
            "text/html" => {
                // No value adds an element: as many `<` as with plain values.
                prop_assert_eq!(body.matches('<').count(), reference.matches('<').count(), "{}", body);
            }
            "text/plain" => {
                prop_assert!(body.starts_with("409 "));
                // No value forges a line, whatever a reader breaks lines at.
                let lines = |text: &str| {
                    text.split(['\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}'])
                        .count()
                };
                prop_assert_eq!(lines(body), lines(reference), "{}", body);
            }
            _ => {
                let back: Problem = serde_json::from_str(body).unwrap();
                prop_assert_eq!(back.code().map(|c| c.as_str()), Some("CONFLICT"));
                let expected = without_bidi(&detail);
                prop_assert_eq!(back.detail(), Some(expected.as_str()));
            }
        }
    }
}
