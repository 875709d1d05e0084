//! Rendering an arbitrary problem, in every format and locale: never a panic; JSON and
//! XML parse back; HTML carries no markup and text no line that a value forged; no bidi
//! control reaches any output; the status sent is the status in the body.
//!
//! "Forged" is decided against a twin: the same problem with every character that could
//! make markup or a line (`<`, `>`, `&`, `"`, `'`, line breaks) swapped for a private-use
//! character (and back: the swap is one-to-one, so distinct names stay distinct). A
//! value can change the twin's structure only through such characters, so the two must
//! have the same tags, elements, members and lines.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use libfuzzer_sys::fuzz_target;
use pardon::builtin::{self, field};
use pardon::i18n::Messages;
use pardon::{FieldError, JsonPointer, Problem, Registry, Renderer, RetryAfter};
use serde_json::Value;

#[derive(Arbitrary, Debug)]
enum Kind {
    /// A registered type, by index into the built-ins.
    Known(u8),
    /// A bare status (any u16; invalid ones are skipped).
    Status(u16),
    /// An upstream document read from JSON text.
    Read(String),
}

#[derive(Arbitrary, Debug)]
enum Leaf {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<String>),
    Object(Vec<(String, String)>),
}

impl Leaf {
    fn json(&self, swap: fn(&str) -> String) -> Value {
        match self {
            Leaf::Null => Value::Null,
            Leaf::Bool(b) => Value::Bool(*b),
            Leaf::Int(n) => Value::from(*n),
            Leaf::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Leaf::Text(s) => Value::String(swap(s)),
            Leaf::List(items) => items.iter().map(|s| Value::String(swap(s))).collect(),
            Leaf::Object(pairs) => Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (swap(k), Value::String(swap(v))))
                    .collect(),
            ),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Place {
    Pointer(Vec<String>),
    Parameter(String),
    Header(String),
}

#[derive(Arbitrary, Debug)]
struct Entry {
    place: Place,
    code: u8,
    detail: Option<String>,
    args: Vec<(String, Leaf)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    kind: Kind,
    title: Option<String>,
    detail: Option<String>,
    instance: Option<String>,
    request_id: Option<String>,
    args: Vec<(String, Leaf)>,
    extensions: Vec<(String, Leaf)>,
    errors: Vec<Entry>,
    retry_after: Option<u32>,
    accept: u8,
    language: u8,
}

const ACCEPTS: [&str; 6] = [
    "application/problem+json",
    "application/json",
    "application/problem+xml",
    "text/plain",
    "text/html",
    "*/*;q=0",
];
const LANGUAGES: [&str; 6] = ["en", "fr-CA", "de", "es", "ar", "xx, *;q=0"];

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| {
        Renderer::new(
            Registry::with_builtins("https://example.com/problems/").unwrap(),
            Messages::builder().build().unwrap(),
        )
    })
}

/// The characters that could make markup or a line, and their private-use twins.
const SWAPS: [(char, char); 12] = [
    ('<', '\u{E000}'),
    ('>', '\u{E001}'),
    ('&', '\u{E002}'),
    ('"', '\u{E003}'),
    ('\'', '\u{E004}'),
    ('\n', '\u{E005}'),
    ('\r', '\u{E006}'),
    ('\u{B}', '\u{E007}'),
    ('\u{C}', '\u{E008}'),
    ('\u{85}', '\u{E009}'),
    ('\u{2028}', '\u{E00A}'),
    ('\u{2029}', '\u{E00B}'),
];

fn swap(s: &str) -> String {
    s.chars()
        .map(|c| {
            SWAPS
                .iter()
                .find_map(|&(a, b)| {
                    if c == a {
                        Some(b)
                    } else if c == b {
                        Some(a)
                    } else {
                        None
                    }
                })
                .unwrap_or(c)
        })
        .collect()
}

fn same(s: &str) -> String {
    s.to_owned()
}

fn build(input: &Input, swap: fn(&str) -> String) -> Option<Problem> {
    let mut problem = match &input.kind {
        Kind::Known(i) => Problem::new(&builtin::ALL[usize::from(*i) % builtin::ALL.len()]),
        Kind::Status(s) => Problem::from_status(StatusCode::from_u16(*s).ok()?),
        Kind::Read(text) => serde_json::from_str(&swap(text)).ok()?,
    };
    if let Some(t) = &input.title {
        problem = problem.with_title(swap(t));
    }
    if let Some(d) = &input.detail {
        problem = problem.with_detail(swap(d));
    }
    if let Some(i) = &input.instance {
        problem = problem.with_instance(swap(i));
    }
    if let Some(r) = &input.request_id {
        problem = problem.with_request_id(swap(r));
    }
    for (name, value) in &input.args {
        problem = problem.with_arg(&swap(name), value.json(swap));
    }
    for (name, value) in &input.extensions {
        if let Ok(p) = problem
            .clone()
            .with_extension(&swap(name), value.json(swap))
        {
            problem = p;
        }
    }
    for entry in &input.errors {
        let code = &field::ALL[usize::from(entry.code) % field::ALL.len()];
        let mut error = match &entry.place {
            Place::Pointer(tokens) => FieldError::pointer(
                tokens
                    .iter()
                    .fold(JsonPointer::root(), |p, t| p.push(&swap(t))),
                code,
            ),
            Place::Parameter(name) => FieldError::parameter(swap(name), code),
            Place::Header(name) => FieldError::header(swap(name), code),
        };
        if let Some(d) = &entry.detail {
            error = error.with_detail(swap(d));
        }
        for (name, value) in &entry.args {
            error = error.with_arg(&swap(name), value.json(swap));
        }
        problem = problem.with_field_error(error);
    }
    if let Some(seconds) = input.retry_after {
        problem = problem.with_retry_after(RetryAfter::seconds(u64::from(seconds)));
    }
    Some(problem)
}

fn count(text: &str, chars: &[char]) -> usize {
    text.chars().filter(|c| chars.contains(c)).count()
}

const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}',
];

fuzz_target!(|input: Input| {
    let (Some(problem), Some(twin)) = (build(&input, same), build(&input, swap)) else {
        return;
    };
    let mut request = HeaderMap::new();
    let accept = ACCEPTS[usize::from(input.accept) % ACCEPTS.len()];
    let language = LANGUAGES[usize::from(input.language) % LANGUAGES.len()];
    request.insert(header::ACCEPT, HeaderValue::from_static(accept));
    request.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(language));
    let response = renderer().render(&problem, &request);
    let twin_response = renderer().render(&twin, &request);
    assert_eq!(response.status(), twin_response.status());
    assert_eq!(response.status(), problem.response_status());
    let content_type = response.to_headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    let body = std::str::from_utf8(response.body()).expect("UTF-8 body");
    let twin_body = std::str::from_utf8(twin_response.body()).expect("UTF-8 body");
    assert!(
        !body.contains(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
        "a bidi control in {body:?}"
    );
    match content_type.as_str() {
        "application/problem+json" | "application/json" => {
            let Value::Object(doc) = serde_json::from_str::<Value>(body).expect("JSON parses")
            else {
                panic!("not an object: {body}");
            };
            let Value::Object(twin_doc) = serde_json::from_str::<Value>(twin_body).unwrap() else {
                panic!("twin not an object");
            };
            assert_eq!(doc.len(), twin_doc.len(), "{body}\n{twin_body}");
            assert_eq!(doc["status"], response.status().as_u16());
        }
        "application/problem+xml" => {
            let doc = roxmltree::Document::parse(body).expect("XML parses");
            let twin_doc = roxmltree::Document::parse(twin_body).expect("twin XML parses");
            let elements =
                |d: &roxmltree::Document| d.descendants().filter(|n| n.is_element()).count();
            assert_eq!(elements(&doc), elements(&twin_doc), "{body}\n{twin_body}");
        }
        "text/html; charset=utf-8" => {
            for c in ['<', '>', '"', '\''] {
                assert_eq!(
                    count(body, &[c]),
                    count(twin_body, &[c]),
                    "{c}: {body}\n{twin_body}"
                );
            }
            for (at, _) in body.match_indices('&') {
                let rest = &body[at..];
                assert!(
                    ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;", "&#x27;"]
                        .iter()
                        .any(|e| rest.starts_with(e)),
                    "a bare & at {at}: {body}"
                );
            }
            // A line break in HTML text is white space, not markup: not counted here.
        }
        "text/plain; charset=utf-8" => {
            assert_eq!(
                count(body, &LINE_BREAKS),
                count(twin_body, &LINE_BREAKS),
                "{body}\n{twin_body}"
            );
        }
        other => panic!("unexpected content type {other}"),
    }
});
