//! Content negotiation for problems: a pure function of the request's headers and the
//! server's offer, for any HTTP framework.
//!
//! [`Offer::negotiate`] reads `Accept` and picks a [`Format`];
//! [`negotiate_language`] reads `Accept-Language` and picks a locale. Quality values are
//! integer thousandths ([`QValue`]), never floats.
//!
//! # Examples
//!
//! ```
//! use http::{header, HeaderMap, HeaderValue};
//! use pardon::negotiate::{negotiate_language, Format, Offer};
//!
//! let mut headers = HeaderMap::new();
//! headers.insert(header::ACCEPT, HeaderValue::from_static("text/plain"));
//! headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("de-AT"));
//! assert_eq!(Offer::default().negotiate(&headers), Ok(Format::Text));
//! assert_eq!(negotiate_language(&headers, &["en", "de"]), 1);
//! ```

mod accept;
pub(crate) mod language;
mod qvalue;

pub use accept::{Format, NotAcceptable, Offer};
pub use language::negotiate_language;
pub use qvalue::{QValue, QValueError};
