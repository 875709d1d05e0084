//! What every framework adapter shares: request ids, panics caught, the problem a bare
//! error status stands for, the headers a rendered body replaces, the log lines, the plain
//! rendering, and for the web frameworks the type documentation's answers, request
//! reading and `time_limit`.

pub(crate) mod catch_panic;
#[cfg(any(feature = "actix", feature = "axum"))]
pub(crate) mod docs;
pub(crate) mod exchange;
#[cfg(any(feature = "actix", feature = "axum"))]
pub(crate) mod extract;
pub(crate) mod log;
pub(crate) mod mapping;
pub(crate) mod plain;
#[cfg(any(feature = "actix", feature = "axum"))]
pub(crate) mod time_limit;
