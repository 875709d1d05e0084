//! # pardon
//!
//! Every error of an HTTP API as an [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)
//! problem details document, in the format the client asked for with `Accept` and the
//! language it asked for with `Accept-Language`.
//!
//! Data flows one way: request headers → [`negotiate`] → problem + locale → [`render`]
//! → response.
//!
//! - [`problem`]: the document, [`Problem`](struct@Problem), its builder, field errors and headers.
//! - [`catalog`]: problem types ([`ProblemType`], the [`builtin`] ones) and the [`Registry`].
//! - [`negotiate`]: `Accept` and `Accept-Language`, pure functions of the headers.
//! - [`i18n`]: the Fluent messages of every locale, and the catalogue check.
//! - [`render`]: the [`Renderer`], request headers in, a complete response out.
//! - `actix` (feature `actix`): the actix-web adapter; `#[derive(Problem)]` (feature
//!   `derive`); `openapi` (feature `utoipa`): every problem type in an OpenAPI document.
//!
//! ```
//! use http::{header, HeaderMap, HeaderValue};
//! use pardon::{builtin, i18n::Messages, Problem, Registry, Renderer, RetryAfter};
//!
//! let renderer = Renderer::new(
//!     Registry::with_builtins("https://api.example.com/problems/")?,
//!     Messages::builder().build()?,
//! );
//! let problem = Problem::new(&builtin::RATE_LIMITED).with_retry_after(RetryAfter::seconds(30));
//! let mut request = HeaderMap::new();
//! request.insert(header::ACCEPT, HeaderValue::from_static("text/plain"));
//! request.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("de"));
//! let response = renderer.render(&problem, &request).into_response();
//!
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(response.headers()["content-language"], "de");
//! assert!(std::str::from_utf8(response.body())?.starts_with("429 "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]
// Nothing from the network may panic the library: no unwrap outside tests.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

#[cfg(feature = "actix")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub mod actix;
#[cfg(any(feature = "actix", feature = "tower"))]
mod adapter;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
pub mod catalog;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;
pub mod decode;
pub mod i18n;
pub mod negotiate;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi;
pub mod problem;
pub mod render;
mod request_id;
#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower;
#[cfg(feature = "typescript")]
#[cfg_attr(docsrs, doc(cfg(feature = "typescript")))]
pub mod typescript;
mod word_hash;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// Lets the derive's `::pardon` paths resolve inside this crate's own tests.
extern crate self as pardon;

pub use catalog::{Code, ProblemSet, ProblemType, Registry, builtin};
/// The `http` crate pardon speaks (`StatusCode`, `HeaderMap`, …), so that an application
/// needs no second copy of it; actix-web 4 has its own, older `http`.
///
/// # Examples
///
/// ```
/// use pardon::http::StatusCode;
///
/// assert_eq!(pardon::builtin::CONFLICT.status(), StatusCode::CONFLICT);
/// ```
pub use http;
/// `#[derive(Problem)]`: an application's problem types as an enum or struct (feature
/// `derive`, on by default). See [`ProblemSet`].
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use pardon_derive::Problem;
pub use problem::{Challenge, FieldError, FieldErrors, JsonPointer, Problem, RetryAfter};
pub use render::{RenderedProblem, Renderer};
pub use request_id::RequestId;

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
