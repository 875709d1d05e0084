//! # pardon
//!
//! Every error of an HTTP API as an [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)
//! problem details document, in the format the client asked for with `Accept` and the
//! language it asked for with `Accept-Language`.
//!
//! ```
//! use pardon::{builtin, Problem};
//!
//! let problem = Problem::new(&builtin::RATE_LIMITED)
//!     .with_retry_after(pardon::RetryAfter::seconds(30))
//!     .with_instance("/reports");
//! let json = serde_json::to_value(&problem).unwrap();
//! assert_eq!(json["code"], "RATE_LIMITED");
//! assert_eq!(json["retry_after"], 30);
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]
// Nothing from the network may panic the library: no unwrap outside tests.
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

#[cfg(feature = "actix")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub mod actix;
pub mod catalog;
pub mod i18n;
pub mod negotiate;
pub mod problem;
pub mod render;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// Lets the derive's `::pardon` paths resolve inside this crate's own tests.
extern crate self as pardon;

pub use catalog::{builtin, Code, ProblemSet, ProblemType, Registry};
/// `#[derive(Problem)]`: an application's problem types as an enum or struct (feature
/// `derive`, on by default). See [`ProblemSet`].
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use pardon_derive::Problem;
pub use problem::{Challenge, FieldError, FieldErrors, JsonPointer, Problem, RetryAfter};
pub use render::Renderer;

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
