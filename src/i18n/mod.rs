//! Localization with [Fluent](https://projectfluent.org): the messages of every problem
//! type and field-error code, in every supported locale.
//!
//! Messages are keyed by code: for a problem type the message value is the title and the
//! `.detail` attribute the detail; for a field-error code the value is the entry's detail.
//! A message missing in the negotiated locale falls back to the default locale's message,
//! for that one message. [`check`] proves in a test that the catalogue is complete.
//!
//! # Examples
//!
//! ```
//! use serde_json::json;
//!
//! let messages = pardon::i18n::Messages::builder().build()?;
//! let de = messages.locale("de").unwrap();
//! let title = messages.format(de, "ROUTE_NOT_FOUND", None, &[]).unwrap();
//! assert_ne!(title, "Route not found");
//! # Ok::<(), pardon::i18n::MessagesError>(())
//! ```

mod check;
mod locale;
mod lookup;
mod messages;
#[cfg(feature = "icu")]
mod number;

pub use check::{CheckReport, check};
pub use locale::Locale;
pub(crate) use lookup::{Localized, MessageArgs, SimplePattern, fluent_value};
pub use messages::{Messages, MessagesBuilder, MessagesError};
