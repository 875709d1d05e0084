//! Completing a document: every registered problem type in its components, and the
//! responses that name problem types made references to them.

use utoipa::openapi::{Components, OpenApi, Ref, RefOr};

use super::error::OpenApiError;
use super::{response, responses_of, schema};
use crate::Renderer;
use crate::catalog::{ProblemType, builtin};

/// Adds `types` to the responses of every operation of `openapi`: the problems any route
/// may answer, such as a middleware's. A status that already names problems this way gets
/// these too; one the application documented itself is left alone, with a warning in the
/// log. Call it before [`add_problems`](super::add_problems).
///
/// # Examples
///
/// ```
/// use pardon::builtin;
/// use utoipa::openapi::{path::{HttpMethod, OperationBuilder, PathItem}, OpenApiBuilder, PathsBuilder};
///
/// let paths = PathsBuilder::new().path("/a", PathItem::new(HttpMethod::Get, OperationBuilder::new()));
/// let mut document = OpenApiBuilder::new().paths(paths).build();
/// pardon::openapi::add_to_every_operation(&mut document, &[&builtin::INVALID_TOKEN]);
/// let json = serde_json::to_value(&document)?;
/// assert_eq!(json["paths"]["/a"]["get"]["responses"]["401"]["x-problem-codes"][0], "INVALID_TOKEN");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn add_to_every_operation(openapi: &mut OpenApi, types: &[&ProblemType]) {
    for (path, operation) in operations(openapi) {
        let responses = &mut operation.responses.responses;
        for (status, added) in responses_of(types.iter().copied()) {
            let Some(existing) = responses.get_mut(&status) else {
                responses.insert(status, added);
                continue;
            };
            let existing_codes = match &*existing {
                RefOr::T(documented) => response::placeholder_codes(documented),
                RefOr::Ref(_) => None,
            };
            let (Some(mut codes), RefOr::T(added)) = (existing_codes, added) else {
                tracing::warn!(
                    path,
                    status,
                    "the application documents this response itself: pardon adds no problem to it"
                );
                continue;
            };
            for code in response::placeholder_codes(&added).unwrap_or_default() {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            *existing = RefOr::T(response::placeholder_for_codes(&codes));
        }
    }
}

/// Puts every problem type `renderer` knows in the components of `openapi` — schemas
/// (`Problem`, `FieldError`, and one per type, named by its code), a response per type
/// (named by its code) with each offered media type and the headers it carries, examples
/// in every locale (`CODE.locale`, rendered as a client gets them) and the headers — and
/// completes the responses that name problem types ([`responses_of`]) into references to
/// those responses.
///
/// # Errors
///
/// [`OpenApiError`] when an operation names a problem type the registry does not have, or
/// when a component name pardon uses already holds the application's own definition; the
/// document then holds everything else. With a [strict](crate::negotiate::Offer::strict)
/// offer, every operation also gets `NOT_ACCEPTABLE` 406.
///
/// # Examples
///
/// ```
/// use pardon::{i18n::Messages, Registry, Renderer};
/// use utoipa::openapi::OpenApiBuilder;
///
/// let renderer = Renderer::new(Registry::with_builtins("https://api.example/problems/")?, Messages::builder().build()?);
/// let mut document = OpenApiBuilder::new().build();
/// pardon::openapi::add_problems(&mut document, &renderer)?;
/// let json = serde_json::to_value(&document)?;
/// let example = &json["components"]["examples"]["RATE_LIMITED.de"]["value"];
/// assert_eq!(example["retry_after"], 30);
/// assert_eq!(example["type"], "https://api.example/problems/rate-limited");
/// let limited = &json["components"]["responses"]["RATE_LIMITED"];
/// assert_eq!(limited["headers"]["Retry-After"]["$ref"], "#/components/headers/Retry-After");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_problems(openapi: &mut OpenApi, renderer: &Renderer) -> Result<(), OpenApiError> {
    let registry = renderer.registry();
    if renderer.offer().is_strict() {
        // A strict offer answers 406 to a request that accepts none of its formats.
        add_to_every_operation(openapi, &[&builtin::NOT_ACCEPTABLE]);
    }
    let mut taken = Vec::new();
    let components = openapi.components.get_or_insert_with(Components::new);
    let mut schemas = vec![
        (
            schema::PROBLEM.to_owned(),
            <crate::Problem as utoipa::PartialSchema>::schema(),
        ),
        (
            schema::FIELD_ERROR.to_owned(),
            <crate::FieldError as utoipa::PartialSchema>::schema(),
        ),
    ];
    let mut examples = Vec::new();
    let mut responses = Vec::new();
    for problem_type in registry.types() {
        let code = problem_type.code().as_str().to_owned();
        schemas.push((
            code.clone(),
            RefOr::T(schema::type_schema(registry, problem_type)),
        ));
        for (name, example) in response::examples(renderer, problem_type) {
            examples.push((name, RefOr::T(example)));
        }
        responses.push((
            code,
            RefOr::T(response::response(renderer, &[problem_type])),
        ));
    }
    add_all(&mut components.schemas, schemas, "schemas", &mut taken);
    add_all(&mut components.examples, examples, "examples", &mut taken);
    add_all(
        &mut components.responses,
        responses,
        "responses",
        &mut taken,
    );
    let headers = response::header_components().into_iter().collect();
    add_all(&mut components.headers, headers, "headers", &mut taken);
    let mut unregistered = Vec::new();
    for (_, operation) in operations(openapi) {
        for named in operation.responses.responses.values_mut() {
            let RefOr::T(placeholder) = named else {
                continue;
            };
            let Some(codes) = response::placeholder_codes(placeholder) else {
                continue;
            };
            let mut types = Vec::new();
            for code in codes {
                match registry.get(&code) {
                    Some(problem_type) => types.push(problem_type),
                    None => unregistered.push(code),
                }
            }
            *named = match types.as_slice() {
                [] => continue,
                [only] => RefOr::Ref(Ref::from_response_name(only.code().as_str())),
                several => RefOr::T(response::response(renderer, several)),
            };
        }
    }
    unregistered.sort();
    unregistered.dedup();
    taken.sort();
    if unregistered.is_empty() && taken.is_empty() {
        Ok(())
    } else {
        Err(OpenApiError {
            unregistered,
            taken,
        })
    }
}

/// Adds each named component where the name is free or holds the same definition; a name
/// the application used for something else keeps the application's, and is reported.
fn add_all<T: PartialEq>(
    components: &mut std::collections::BTreeMap<String, T>,
    added: Vec<(String, T)>,
    kind: &str,
    taken: &mut Vec<String>,
) {
    for (name, component) in added {
        match components.get(&name) {
            Some(existing) if *existing != component => taken.push(format!("{kind}/{name}")),
            Some(_) => {}
            None => {
                components.insert(name, component);
            }
        }
    }
}

/// Every operation of every path of `openapi`, with its path.
fn operations(
    openapi: &mut OpenApi,
) -> impl Iterator<Item = (&str, &mut utoipa::openapi::path::Operation)> {
    openapi.paths.paths.iter_mut().flat_map(|(path, item)| {
        [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
            &mut item.query,
        ]
        .into_iter()
        .filter_map(Option::as_mut)
        .chain(item.additional_operations.values_mut())
        .map(move |operation| (path.as_str(), operation))
    })
}
