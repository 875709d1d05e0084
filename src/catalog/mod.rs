//! Problem types and their registry: what each kind of problem is, before any occurrence.
//!
//! A [`ProblemType`] has a stable [`Code`], an HTTP status, the arguments its messages use
//! and the headers it carries; a [`Registry`] holds an application's types, gives each its
//! `type` URI, and holds the settings every response shares.
//!
//! # Examples
//!
//! ```
//! use pardon::catalog::Registry;
//!
//! let registry = Registry::with_builtins("https://example.com/problems/")?;
//! let t = registry.get("USER_NOT_FOUND");
//! assert!(t.is_none());
//! # Ok::<(), pardon::catalog::RegistryError>(())
//! ```

pub mod builtin;
mod code;
mod example;
mod problem_set;
mod problem_type;
mod registry;
mod type_uri;

pub use code::{Code, CodeError};
pub use example::Example;
pub use problem_set::ProblemSet;
pub use problem_type::{FieldCode, ProblemType, StatusError, TypeHeader};
pub use registry::{Registry, RegistryError};
pub use type_uri::{TypeUri, TypeUriError};
