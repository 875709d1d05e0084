//! Every problem type in an OpenAPI 3.1 document, from the registry (feature `utoipa`).
//!
//! pardon knows each type's status, members, headers and messages in every locale, so it
//! writes that part of an API's description:
//!
//! - handlers name the problems they answer in `#[utoipa::path(responses(...))]`:
//!   [`problem_responses!`](crate::problem_responses) names a route's problems by code
//!   and composes lists, and a `#[derive(Problem)]` type with `#[problem(openapi)]` is
//!   `IntoResponses` (every variant);
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
//! assert_eq!(schema["properties"]["product_id"]["type"], serde_json::json!(["integer", "null"]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod complete;
mod docs;
mod error;
mod named;
mod response;
mod schema;

/// The `utoipa` pardon builds on, so that an application names the same version.
///
/// # Examples
///
/// ```
/// let document = pardon::openapi::utoipa::openapi::OpenApiBuilder::new().build();
/// assert!(document.components.is_none());
/// ```
pub use utoipa;

pub use complete::{add_problems, add_to_every_operation};
pub use docs::add_type_docs;
pub use error::OpenApiError;
pub use named::{ProblemList, responses_of};
