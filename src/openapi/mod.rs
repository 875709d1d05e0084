//! Every problem type in an OpenAPI 3.1 document, from the registry (feature `utoipa`).
//!
//! pardon knows each type's status, members, headers and messages in every locale, so it
//! writes that part of an API's description:
//!
//! - handlers name the problems they answer in `#[utoipa::path(responses(...))]`: a
//!   `#[derive(Problem)]` type is `IntoResponses` (every variant), and
//!   [`problem_responses!`](crate::problem_responses) names a route's problems one by one;
//! - [`add_problems`] puts every registered type in the document's components — a schema
//!   that narrows [`Problem`](struct@crate::Problem) to it, a response with each offered
//!   media type, examples in every locale, its headers — and completes the responses the
//!   handlers named;
//! - [`add_to_every_operation`] adds problems that any route may answer (a middleware's),
//!   and [`add_type_docs`] the type documentation pages the adapters serve.
//!
//! # Examples
//!
//! ```
//! use pardon::{builtin, i18n::Messages, Problem, Registry, Renderer};
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, Problem)]
//! enum ShopProblem {
//!     #[problem(status = 404, code = "PRODUCT_NOT_FOUND")]
//!     ProductNotFound { product_id: u64 },
//! }
//!
//! pardon::problem_responses! {
//!     /// What `GET /products/{id}` can answer besides its product.
//!     ProductProblems = [ShopProblem::PRODUCT_NOT_FOUND, builtin::VALIDATION_ERROR]
//! }
//!
//! #[utoipa::path(get, path = "/products/{id}", responses((status = 200, description = "The product"), ProductProblems))]
//! async fn product() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(product))]
//! struct Api;
//!
//! let mut registry = Registry::with_builtins("https://shop.example/problems/")?;
//! registry.register_set::<ShopProblem>()?;
//! let renderer = Renderer::new(registry, Messages::builder().build()?);
//! let mut document = Api::openapi();
//! pardon::openapi::add_problems(&mut document, &renderer)?;
//!
//! let json = serde_json::to_value(&document)?;
//! let responses = &json["paths"]["/products/{id}"]["get"]["responses"];
//! assert_eq!(responses["404"]["$ref"], "#/components/responses/PRODUCT_NOT_FOUND");
//! assert_eq!(responses["400"]["$ref"], "#/components/responses/VALIDATION_ERROR");
//! let schema = &json["components"]["schemas"]["PRODUCT_NOT_FOUND"]["allOf"][1];
//! assert_eq!(schema["properties"]["code"]["enum"][0], "PRODUCT_NOT_FOUND");
//! assert_eq!(schema["properties"]["product_id"]["type"], "integer");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod docs;
mod response;
mod schema;

use std::collections::BTreeMap;

/// The `utoipa` pardon builds on, so that an application names the same version.
///
/// # Examples
///
/// ```
/// let document = pardon::openapi::utoipa::openapi::OpenApiBuilder::new().build();
/// assert!(document.components.is_none());
/// ```
pub use utoipa;
use utoipa::openapi::{Components, OpenApi, Ref, RefOr, Response};

pub use docs::add_type_docs;

use crate::Renderer;
use crate::catalog::ProblemType;

/// The responses of `types`, by status, for [`utoipa::IntoResponses`]: each stands for its
/// types until [`add_problems`] completes it (a reference to the type's response, or for
/// several types with one status, a response that is one of them).
///
/// [`problem_responses!`](crate::problem_responses) and `#[derive(Problem)]` call it.
///
/// # Examples
///
/// ```
/// use pardon::builtin;
///
/// let responses = pardon::openapi::responses_of([&builtin::AUTH_REQUIRED, &builtin::INVALID_TOKEN, &builtin::CONFLICT]);
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["401", "409"]);
/// ```
pub fn responses_of<'a>(
    types: impl IntoIterator<Item = &'a ProblemType>,
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&ProblemType>> = BTreeMap::new();
    for problem_type in types {
        let same = by_status.entry(problem_type.status().as_u16()).or_default();
        if !same.iter().any(|t| t.code() == problem_type.code()) {
            same.push(problem_type);
        }
    }
    by_status
        .into_iter()
        .map(|(status, types)| {
            (
                status.to_string(),
                RefOr::T(response::placeholder(types.iter().copied())),
            )
        })
        .collect()
}

/// A type that names problem types for `#[utoipa::path(responses(...))]`: it implements
/// [`utoipa::IntoResponses`] with [`responses_of`] the types listed, by their constants
/// (the built-in ones in [`builtin`](crate::builtin), and those `#[derive(Problem)]`
/// declares on its type, named by code).
///
/// # Examples
///
/// ```
/// use pardon::builtin;
/// use utoipa::IntoResponses;
///
/// pardon::problem_responses! {
///     /// The problems of `DELETE /users/{id}`.
///     pub DeleteUserProblems = [builtin::AUTH_REQUIRED, builtin::INVALID_TOKEN, builtin::INSUFFICIENT_PERMISSIONS]
/// }
///
/// assert_eq!(DeleteUserProblems::responses().keys().collect::<Vec<_>>(), ["401", "403"]);
/// ```
#[macro_export]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
macro_rules! problem_responses {
    ($(#[$attr:meta])* $vis:vis $name:ident = [$($problem_type:expr),* $(,)?]) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name;

        impl $crate::openapi::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::openapi::utoipa::openapi::RefOr<$crate::openapi::utoipa::openapi::response::Response>,
            > {
                $crate::openapi::responses_of([$(&$problem_type),*])
            }
        }
    };
}

/// Adds `types` to the responses of every operation of `openapi`: the problems any route
/// may answer, such as a middleware's. A status that already names problems this way gets
/// these too; one the application documented itself is left alone. Call it before
/// [`add_problems`].
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
    for operation in operations(openapi) {
        let responses = &mut operation.responses.responses;
        for (status, added) in responses_of(types.iter().copied()) {
            let Some(existing) = responses.get_mut(&status) else {
                responses.insert(status, added);
                continue;
            };
            let (RefOr::T(existing), RefOr::T(added)) = (existing, added) else {
                continue;
            };
            let (Some(mut codes), Some(more)) = (
                response::placeholder_codes(existing),
                response::placeholder_codes(&added),
            ) else {
                continue;
            };
            for code in more {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            *existing = response::placeholder_for_codes(&codes);
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
/// [`UnregisteredProblem`] when an operation names a problem type the registry does not
/// have; the document then holds everything else.
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
pub fn add_problems(openapi: &mut OpenApi, renderer: &Renderer) -> Result<(), UnregisteredProblem> {
    let registry = renderer.registry();
    let components = openapi.components.get_or_insert_with(Components::new);
    components.schemas.insert(
        schema::PROBLEM.to_owned(),
        <crate::Problem as utoipa::PartialSchema>::schema(),
    );
    components.schemas.insert(
        schema::FIELD_ERROR.to_owned(),
        <crate::FieldError as utoipa::PartialSchema>::schema(),
    );
    components.headers.extend(response::header_components());
    for problem_type in registry.types() {
        let code = problem_type.code().as_str().to_owned();
        components.schemas.insert(
            code.clone(),
            RefOr::T(schema::type_schema(registry, problem_type)),
        );
        for (name, example) in response::examples(renderer, problem_type) {
            components.examples.insert(name, RefOr::T(example));
        }
        components.responses.insert(
            code,
            RefOr::T(response::response(renderer, &[problem_type])),
        );
    }
    let mut unregistered = Vec::new();
    for operation in operations(openapi) {
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
    if unregistered.is_empty() {
        Ok(())
    } else {
        Err(UnregisteredProblem {
            codes: unregistered,
        })
    }
}

/// Every operation of every path of `openapi`.
fn operations(
    openapi: &mut OpenApi,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    openapi.paths.paths.values_mut().flat_map(|item| {
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
    })
}

/// The error of [`add_problems`]: operations name problem types the registry does not
/// have (register them, or name others).
///
/// # Examples
///
/// ```
/// use pardon::{i18n::Messages, Code, ProblemType, Registry, Renderer};
/// use utoipa::openapi::{path::{HttpMethod, OperationBuilder, PathItem}, OpenApiBuilder, PathsBuilder, ResponsesBuilder};
///
/// const GONE: ProblemType = ProblemType::new(Code::from_static("GONE_FOR_GOOD"), 410);
/// let responses = ResponsesBuilder::new().responses_from_iter(pardon::openapi::responses_of([&GONE]));
/// let operation = OperationBuilder::new().responses(responses);
/// let paths = PathsBuilder::new().path("/a", PathItem::new(HttpMethod::Get, operation));
/// let mut document = OpenApiBuilder::new().paths(paths).build();
/// let renderer = Renderer::new(Registry::with_builtins("https://x.test/p/")?, Messages::builder().build()?);
/// let error = pardon::openapi::add_problems(&mut document, &renderer).unwrap_err();
/// assert_eq!(error.codes(), ["GONE_FOR_GOOD"]);
/// assert_eq!(error.to_string(), "the OpenAPI document names unregistered problem types: GONE_FOR_GOOD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnregisteredProblem {
    codes: Vec<String>,
}

impl UnregisteredProblem {
    /// The codes named but not registered, sorted.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, i18n::Messages, Registry, Renderer};
    /// use utoipa::openapi::{path::{HttpMethod, OperationBuilder, PathItem}, OpenApiBuilder, PathsBuilder};
    ///
    /// let operation = OperationBuilder::new();
    /// let paths = PathsBuilder::new().path("/a", PathItem::new(HttpMethod::Get, operation));
    /// let mut document = OpenApiBuilder::new().paths(paths).build();
    /// pardon::openapi::add_to_every_operation(&mut document, &[&builtin::RATE_LIMITED]);
    /// // A registry without the built-in types.
    /// let renderer = Renderer::new(Registry::new("https://x.test/p/")?, Messages::builder().build()?);
    /// let error = pardon::openapi::add_problems(&mut document, &renderer).unwrap_err();
    /// assert_eq!(error.codes(), ["RATE_LIMITED"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn codes(&self) -> &[String] {
        &self.codes
    }
}

impl std::fmt::Display for UnregisteredProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the OpenAPI document names unregistered problem types: {}",
            self.codes.join(", ")
        )
    }
}

impl std::error::Error for UnregisteredProblem {}
