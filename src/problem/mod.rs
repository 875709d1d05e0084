//! The problem document and its builder: [`Problem`], its extension members, its field
//! errors and the headers it carries ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457)).
//!
//! # Examples
//!
//! ```
//! use pardon::{builtin, Problem};
//!
//! let problem = Problem::new(&builtin::CONFLICT).with_instance("/seats/12A");
//! let json = serde_json::to_value(&problem).unwrap();
//! assert_eq!(json["code"], "CONFLICT");
//! assert_eq!(json["status"], 409);
//! ```

mod args;
mod document;
mod extension;
mod field_error;
mod headers;
mod json;
mod pointer;
mod read;
mod texts;

pub use document::Problem;
pub(crate) use extension::is_extension_name;
pub use extension::{ExtensionError, MemberName};
pub use field_error::{FieldError, FieldErrors, Location};
pub use headers::{Challenge, RetryAfter};
pub use pointer::{JsonPointer, PointerError};
pub use read::{DecodeError, NotAProblem};
