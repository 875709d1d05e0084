//! The same two problem documents built and serialized by each problem-details crate:
//!
//! - `not_found`: a 404 `https://example.com/probs/user-not-found` "User not found" with a
//!   detail, an instance and a `request_id` known at run time;
//! - `validation`: a 400 with three field errors.
//!
//! pardon also adds its `code`; its variants format the detail with Fluent, negotiate
//! French, or render text — with headers the thread saw before (`pardon-fr`,
//! `pardon-text`: a client repeats its own) or, in the `-new` variants, headers it has not
//! seen lately. Every scenario returns the body's bytes.

use serde::Serialize;

/// The 404's run-time inputs.
#[derive(Debug, Clone, Copy)]
pub struct NotFound<'a> {
    pub detail: &'a str,
    pub instance: &'a str,
    pub request_id: &'a str,
}

pub const NOT_FOUND: NotFound<'static> = NotFound {
    detail: "User with ID 99999 was not found",
    instance: "/users/99999",
    request_id: "req_3nM7kP2q",
};

pub const TYPE_404: &str = "https://example.com/probs/user-not-found";
pub const TITLE_404: &str = "User not found";
pub const TYPE_400: &str = "https://example.com/probs/validation-error";
pub const TITLE_400: &str = "Your request parameters didn't validate";
pub const DETAIL_400: &str = "3 fields failed validation";
pub const INSTANCE_400: &str = "/users";

/// One failing field, as a validator hands it over.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub field: String,
    pub code: String,
    pub message: String,
}

pub fn fields() -> Vec<Field> {
    [
        ("email", "invalid_format", "must be a valid email address"),
        ("age", "out_of_range", "must be between 18 and 130"),
        ("username", "too_short", "must be at least 3 characters"),
    ]
    .into_iter()
    .map(|(field, code, message)| Field {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    })
    .collect()
}

pub type NotFoundFn = fn(&NotFound<'_>) -> Vec<u8>;
pub type ValidationFn = fn(&[Field]) -> Vec<u8>;

/// Every 404 scenario, by name.
pub const NOT_FOUND_SCENARIOS: &[(&str, NotFoundFn)] = &[
    ("http-api-problem", hap::not_found),
    ("problem-details", pd::not_found),
    ("serde-derive", by_hand::not_found),
    ("static", floor::not_found),
    ("pardon", ours::not_found),
    ("pardon-fluent", ours::not_found_fluent),
    ("pardon-fr", ours::not_found_fr),
    ("pardon-text", ours::not_found_text),
    ("pardon-fr-new", ours::not_found_fr_new),
    ("pardon-text-new", ours::not_found_text_new),
];

/// Every 400 scenario, by name.
pub const VALIDATION_SCENARIOS: &[(&str, ValidationFn)] = &[
    ("http-api-problem", hap::validation),
    ("problem-details", pd::validation),
    ("serde-derive", by_hand::validation),
    ("static", floor::validation),
    ("pardon", ours::validation),
];

/// http-api-problem: a builder, extensions through a map of JSON values.
pub mod hap {
    use super::*;
    use http_api_problem::{HttpApiProblem, StatusCode};

    pub fn not_found(input: &NotFound<'_>) -> Vec<u8> {
        HttpApiProblem::new(StatusCode::NOT_FOUND)
            .type_url(TYPE_404)
            .title(TITLE_404)
            .detail(input.detail)
            .instance(input.instance)
            .value("request_id", &input.request_id)
            .json_bytes()
    }

    pub fn validation(fields: &[Field]) -> Vec<u8> {
        HttpApiProblem::new(StatusCode::BAD_REQUEST)
            .type_url(TYPE_400)
            .title(TITLE_400)
            .detail(DETAIL_400)
            .instance(INSTANCE_400)
            .value("request_id", &super::NOT_FOUND.request_id)
            .value("errors", &fields)
            .json_bytes()
    }
}

/// problem_details: typed extensions; `type` and `instance` are parsed URIs.
pub mod pd {
    use super::*;
    use http::{StatusCode, Uri};
    use problem_details::ProblemDetails;

    /// Typed extensions, owned as an application's would be.
    #[derive(Serialize)]
    struct Id {
        request_id: String,
    }

    #[derive(Serialize)]
    struct IdAndErrors {
        request_id: String,
        errors: Vec<Field>,
    }

    pub fn not_found(input: &NotFound<'_>) -> Vec<u8> {
        let mut problem = ProblemDetails::new()
            .with_type(Uri::from_static(TYPE_404))
            .with_status(StatusCode::NOT_FOUND)
            .with_title(TITLE_404)
            .with_detail(input.detail);
        if let Ok(instance) = Uri::try_from(input.instance) {
            problem = problem.with_instance(instance);
        }
        let problem = problem.with_extensions(Id {
            request_id: input.request_id.to_owned(),
        });
        serde_json::to_vec(&problem).unwrap_or_default()
    }

    pub fn validation(fields: &[Field]) -> Vec<u8> {
        let mut problem = ProblemDetails::new()
            .with_type(Uri::from_static(TYPE_400))
            .with_status(StatusCode::BAD_REQUEST)
            .with_title(TITLE_400)
            .with_detail(DETAIL_400);
        if let Ok(instance) = Uri::try_from(INSTANCE_400) {
            problem = problem.with_instance(instance);
        }
        let problem = problem.with_extensions(IdAndErrors {
            request_id: super::NOT_FOUND.request_id.to_owned(),
            errors: fields.to_vec(),
        });
        serde_json::to_vec(&problem).unwrap_or_default()
    }
}

/// A `#[derive(Serialize)]` struct written for the two documents: no crate at all.
pub mod by_hand {
    use super::*;

    #[derive(Serialize)]
    struct Document<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        status: u16,
        title: &'a str,
        detail: &'a str,
        instance: &'a str,
        request_id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        errors: Option<&'a [Field]>,
    }

    pub fn not_found(input: &NotFound<'_>) -> Vec<u8> {
        serde_json::to_vec(&Document {
            kind: TYPE_404,
            status: 404,
            title: TITLE_404,
            detail: input.detail,
            instance: input.instance,
            request_id: input.request_id,
            errors: None,
        })
        .unwrap_or_default()
    }

    pub fn validation(fields: &[Field]) -> Vec<u8> {
        serde_json::to_vec(&Document {
            kind: TYPE_400,
            status: 400,
            title: TITLE_400,
            detail: DETAIL_400,
            instance: INSTANCE_400,
            request_id: super::NOT_FOUND.request_id,
            errors: Some(fields),
        })
        .unwrap_or_default()
    }
}

/// The floor: the finished bytes, copied.
pub mod floor {
    use super::*;

    const NOT_FOUND_BYTES: &[u8] = br#"{"type":"https://example.com/probs/user-not-found","status":404,"title":"User not found","detail":"User with ID 99999 was not found","instance":"/users/99999","request_id":"req_3nM7kP2q"}"#;
    const VALIDATION_BYTES: &[u8] = br#"{"type":"https://example.com/probs/validation-error","status":400,"title":"Your request parameters didn't validate","detail":"3 fields failed validation","instance":"/users","request_id":"req_3nM7kP2q","errors":[{"field":"email","code":"invalid_format","message":"must be a valid email address"},{"field":"age","code":"out_of_range","message":"must be between 18 and 130"},{"field":"username","code":"too_short","message":"must be at least 3 characters"}]}"#;

    pub fn not_found(_: &NotFound<'_>) -> Vec<u8> {
        NOT_FOUND_BYTES.to_vec()
    }

    pub fn validation(_: &[Field]) -> Vec<u8> {
        VALIDATION_BYTES.to_vec()
    }
}

/// pardon: registered types, Fluent messages, a shared renderer.
pub mod ours {
    use std::sync::OnceLock;

    use super::*;
    use http::header::{ACCEPT, ACCEPT_LANGUAGE};
    use http::{HeaderMap, HeaderValue};
    use pardon::catalog::FieldCode;
    use pardon::i18n::Messages;
    use pardon::{Code, FieldError, JsonPointer, Problem, ProblemType, Registry, Renderer};

    pub const USER_NOT_FOUND: ProblemType =
        ProblemType::new(Code::from_static("USER_NOT_FOUND"), 404).with_args(&["id"]);
    const FIELD_CODES: [FieldCode; 3] = [
        FieldCode::new(Code::from_static("PEER_INVALID_FORMAT")),
        FieldCode::new(Code::from_static("PEER_OUT_OF_RANGE")),
        FieldCode::new(Code::from_static("PEER_TOO_SHORT")),
    ];
    const ENGLISH: &str = "\
USER_NOT_FOUND = User not found
    .detail = User with ID { $id } was not found
VALIDATION_ERROR = Your request parameters didn't validate
    .detail = 3 fields failed validation
";
    const FRENCH: &str = "\
USER_NOT_FOUND = Utilisateur introuvable
    .detail = Aucun utilisateur n'a l'identifiant { $id }
";

    /// Built once, as an application builds it at start-up.
    pub fn renderer() -> &'static Renderer {
        static RENDERER: OnceLock<Renderer> = OnceLock::new();
        RENDERER.get_or_init(|| {
            let mut registry =
                Registry::with_builtins("https://example.com/probs/").expect("a valid base URI");
            registry.register(USER_NOT_FOUND).expect("a new code");
            for code in FIELD_CODES {
                registry.register_field_code(code).expect("a new code");
            }
            let messages = Messages::builder()
                .add_ftl("en", "peers.ftl", ENGLISH)
                .add_ftl("fr", "peers.ftl", FRENCH)
                .build()
                .expect("valid messages");
            Renderer::new(registry, messages)
        })
    }

    fn headers(accept: Option<&'static str>, language: Option<&'static str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(accept) = accept {
            headers.insert(ACCEPT, HeaderValue::from_static(accept));
        }
        if let Some(language) = language {
            headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static(language));
        }
        headers
    }

    fn fluent(input: &NotFound<'_>) -> Problem {
        let id = input.instance.rsplit('/').next().unwrap_or(input.instance);
        Problem::new(&USER_NOT_FOUND)
            .with_arg("id", id)
            .with_instance(input.instance)
            .with_request_id(input.request_id)
    }

    pub fn not_found(input: &NotFound<'_>) -> Vec<u8> {
        let problem = Problem::new(&USER_NOT_FOUND)
            .with_detail(input.detail)
            .with_instance(input.instance)
            .with_request_id(input.request_id);
        renderer().render(&problem, &HeaderMap::new()).into_body()
    }

    pub fn not_found_fluent(input: &NotFound<'_>) -> Vec<u8> {
        renderer()
            .render(&fluent(input), &HeaderMap::new())
            .into_body()
    }

    pub fn not_found_fr(input: &NotFound<'_>) -> Vec<u8> {
        let request = headers(None, Some("fr-CA, en;q=0.5"));
        renderer().render(&fluent(input), &request).into_body()
    }

    pub fn not_found_text(input: &NotFound<'_>) -> Vec<u8> {
        let request = headers(Some("text/plain"), None);
        renderer().render(&fluent(input), &request).into_body()
    }

    /// `pardon-fr`, each time with an `Accept-Language` the thread has not seen lately
    /// (`fr-CA, en;q=0.001` to `q=0.512`, round and round): what negotiation costs the
    /// first time, before the thread keeps its outcome.
    pub fn not_found_fr_new(input: &NotFound<'_>) -> Vec<u8> {
        let request = headers(None, Some(unseen(0)));
        renderer().render(&fluent(input), &request).into_body()
    }

    /// `pardon-text`, each time with an `Accept` the thread has not seen lately
    /// (`text/plain;q=0.001` to `q=0.512`).
    pub fn not_found_text_new(input: &NotFound<'_>) -> Vec<u8> {
        let request = headers(Some(unseen(1)), None);
        renderer().render(&fluent(input), &request).into_body()
    }

    /// The next header value of list `list`, made once: 512 values each, far more than the
    /// 32 negotiations a thread keeps.
    fn unseen(list: usize) -> &'static str {
        static VALUES: OnceLock<[Vec<&'static str>; 2]> = OnceLock::new();
        thread_local! {
            static NEXT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        let values = VALUES.get_or_init(|| {
            let list = |make: fn(usize) -> String| (1..=512).map(|n| &*make(n).leak()).collect();
            [
                list(|n| format!("fr-CA, en;q=0.{n:03}")),
                list(|n| format!("text/plain;q=0.{n:03}")),
            ]
        });
        let n = NEXT.with(|next| {
            let n = next.get();
            next.set(n.wrapping_add(1));
            n
        });
        values[list][n % 512]
    }

    pub fn validation(fields: &[Field]) -> Vec<u8> {
        let errors = fields.iter().map(|field| {
            let code = match field.code.as_str() {
                "invalid_format" => &FIELD_CODES[0],
                "out_of_range" => &FIELD_CODES[1],
                _ => &FIELD_CODES[2],
            };
            FieldError::pointer(JsonPointer::root().push(&field.field), code)
                .with_detail(field.message.clone())
        });
        let problem = Problem::new(&pardon::builtin::VALIDATION_ERROR)
            .with_detail(DETAIL_400)
            .with_instance(INSTANCE_400)
            .with_request_id(super::NOT_FOUND.request_id)
            .with_field_errors(errors);
        renderer().render(&problem, &HeaderMap::new()).into_body()
    }
}
