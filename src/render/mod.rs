//! Rendering a problem for one request: `application/problem+json`, `application/json`,
//! `application/problem+xml`, `text/plain` and `text/html`, localized, with the headers
//! every problem response needs.
//!
//! # Examples
//!
//! ```
//! use http::{header::ACCEPT, HeaderMap, HeaderValue};
//! use pardon::{builtin, i18n::Messages, Problem, Registry, Renderer};
//!
//! let renderer = Renderer::new(
//!     Registry::with_builtins("https://example.com/problems/")?,
//!     Messages::builder().build()?,
//! );
//! let mut request = HeaderMap::new();
//! request.insert(ACCEPT, HeaderValue::from_static("application/problem+xml"));
//! let response = renderer.render(&Problem::new(&builtin::CONFLICT), &request);
//! assert!(std::str::from_utf8(response.body())?.contains("<problem xmlns=\"urn:ietf:rfc:7807\">"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod catalogue;
mod example;
mod heading;
mod html;
mod json;
mod labels;
mod languages;
mod recent;
mod renderer;
mod resolve;
mod response;
mod text;
mod type_page;
mod view;
mod xml;

pub use catalogue::Catalogue;
#[cfg(any(feature = "actix", feature = "tower"))]
pub(crate) use renderer::RequestContext;
pub use renderer::{Negotiated, Renderer, add_vary};
pub use response::RenderedProblem;
#[cfg(feature = "actix")]
pub(crate) use response::{DEFAULT_VARY, RenderedParts};
pub use type_page::TypePage;
#[cfg(any(feature = "actix", feature = "tower"))]
pub(crate) use view::is_bidi_control;
