//! Response objects of problem types: each type's own (content in every offered format,
//! examples in every locale, the headers it carries), and the merge of several types that
//! share a status on one operation.

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::{Content, ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

use utoipa::openapi::example::{Example, ExampleBuilder};

use crate::Renderer;
use crate::catalog::{ProblemType, TypeHeader};
use crate::i18n::Locale;
use crate::negotiate::Format;

/// The extension member that marks a response as problem types named by code, to be
/// filled in by [`add_problems`](super::add_problems).
pub(super) const PLACEHOLDER: &str = "x-problem-codes";

/// The headers every problem response carries, with their component names.
const EVERY_RESPONSE: [(&str, &str); 3] = [
    (
        "Content-Language",
        "The language of `title` and `detail`, negotiated from `Accept-Language`.",
    ),
    (
        "Vary",
        "`Accept, Accept-Language`: the response depends on both.",
    ),
    (
        "X-Request-ID",
        "The request's id (the client's own when it is 1–64 characters of `A-Z a-z 0-9 . _ -`), as in the body's `request_id`.",
    ),
];

/// The name and description of a header a problem type may carry.
fn type_header(header: TypeHeader) -> (&'static str, &'static str) {
    match header {
        TypeHeader::RetryAfter => (
            "Retry-After",
            "When to try again, in seconds (also the body's `retry_after`) or as an HTTP date.",
        ),
        TypeHeader::WwwAuthenticate => (
            "WWW-Authenticate",
            "The challenge: how to authenticate ([RFC 9110 §11.6.1](https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1), [RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750#section-3)).",
        ),
        TypeHeader::Allow => ("Allow", "The methods the resource allows."),
    }
}

const TYPE_HEADERS: [TypeHeader; 3] = [
    TypeHeader::RetryAfter,
    TypeHeader::WwwAuthenticate,
    TypeHeader::Allow,
];

/// Every header component a problem response refers to.
pub(super) fn header_components() -> BTreeMap<String, RefOr<Header>> {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    EVERY_RESPONSE
        .into_iter()
        .chain(TYPE_HEADERS.map(type_header))
        .map(|(name, description)| {
            let header = HeaderBuilder::new()
                .schema(Some(string()))
                .description(Some(description))
                .build();
            (name.to_owned(), RefOr::T(header))
        })
        .collect()
}

/// The names of the headers a response of these types carries.
fn header_names<'a>(types: impl Iterator<Item = &'a ProblemType> + Clone) -> Vec<&'static str> {
    let own = TYPE_HEADERS
        .into_iter()
        .filter(|&h| types.clone().any(|t| t.carries(h)))
        .map(|h| type_header(h).0);
    EVERY_RESPONSE
        .map(|(name, _)| name)
        .into_iter()
        .chain(own)
        .collect()
}

/// The component name of the example of `code` in `locale`.
pub(super) fn example_name(code: &str, locale: &str) -> String {
    format!("{code}.{locale}")
}

/// A media-type key: the content type without its parameters.
fn media_type(format: Format) -> &'static str {
    let content_type = format.content_type();
    content_type.split(';').next().unwrap_or(content_type)
}

/// The content of a response that is one of `types`, in every format `renderer` offers.
fn content(renderer: &Renderer, types: &[&ProblemType]) -> Vec<(&'static str, Content)> {
    let schema: RefOr<Schema> = match types {
        [only] => Ref::from_schema_name(only.code().as_str()).into(),
        _ => types
            .iter()
            .fold(OneOfBuilder::new(), |one_of, t| {
                one_of.item(Ref::from_schema_name(t.code().as_str()))
            })
            .into(),
    };
    let examples: Vec<(String, RefOr<Example>)> = types
        .iter()
        .flat_map(|t| {
            renderer.messages().locales().map(|locale| {
                let name = example_name(t.code().as_str(), locale);
                let reference = Ref::new(format!("#/components/examples/{name}"));
                (name, RefOr::Ref(reference))
            })
        })
        .collect();
    renderer
        .offer()
        .formats()
        .iter()
        .map(|&format| {
            let content = match format {
                Format::ProblemJson | Format::Json => ContentBuilder::new()
                    .schema(Some(schema.clone()))
                    .examples_from_iter(examples.clone())
                    .build(),
                // The same document as XML (RFC 9457 Appendix B), text or a page.
                _ => ContentBuilder::new()
                    .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                    .build(),
            };
            (media_type(format), content)
        })
        .collect()
}

/// The response of one or more problem types that share a status.
pub(super) fn response(renderer: &Renderer, types: &[&ProblemType]) -> Response {
    let messages = renderer.messages();
    let default = messages
        .locale(messages.default_locale())
        .unwrap_or(Locale::DEFAULT);
    let title = |t: &ProblemType| {
        let code = t.code().as_str();
        let title = messages
            .localize(default, code, None, None)
            .map(|text| text.text.into_owned());
        match title {
            Some(title) => format!("{code}: {title}"),
            None => code.to_owned(),
        }
    };
    let description = types
        .iter()
        .map(|t| title(t))
        .collect::<Vec<_>>()
        .join("; or ");
    let mut builder = ResponseBuilder::new().description(description);
    for (media_type, content) in content(renderer, types) {
        builder = builder.content(media_type, content);
    }
    for name in header_names(types.iter().copied()) {
        builder = builder.header_ref(name, Ref::new(format!("#/components/headers/{name}")));
    }
    builder.build()
}

/// The example documents of `problem_type`, one per locale, by component name.
pub(super) fn examples(renderer: &Renderer, problem_type: &ProblemType) -> Vec<(String, Example)> {
    let messages = renderer.messages();
    let example = renderer.example_problem(problem_type);
    messages
        .locales()
        .filter_map(|tag| {
            let locale = messages.locale(tag)?;
            let document = renderer.render_example(&example, Format::ProblemJson, locale);
            let value: Value = serde_json::from_slice(&document).ok()?;
            let title = value["title"].as_str().unwrap_or_default().to_owned();
            let example = ExampleBuilder::new()
                .summary(format!("{tag}: {title}"))
                .value(Some(value))
                .build();
            Some((example_name(problem_type.code().as_str(), tag), example))
        })
        .collect()
}

/// A placeholder for the responses of `types` with one status: its description names
/// them, and [`add_problems`](super::add_problems) fills in the rest.
pub(super) fn placeholder<'a>(types: impl IntoIterator<Item = &'a ProblemType>) -> Response {
    let codes: Vec<String> = types
        .into_iter()
        .map(|t| t.code().as_str().to_owned())
        .collect();
    placeholder_for_codes(&codes)
}

/// A placeholder for the problem types with these codes.
pub(super) fn placeholder_for_codes(codes: &[String]) -> Response {
    ResponseBuilder::new()
        .description(codes.join(" or "))
        .extensions(Some(
            ExtensionsBuilder::new()
                .add(PLACEHOLDER, Value::from(codes.to_vec()))
                .build(),
        ))
        .build()
}

/// The codes a placeholder stands for; `None` for any other response.
pub(super) fn placeholder_codes(response: &Response) -> Option<Vec<String>> {
    let codes = response.extensions.as_ref()?.get(PLACEHOLDER)?.as_array()?;
    Some(
        codes
            .iter()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect(),
    )
}
