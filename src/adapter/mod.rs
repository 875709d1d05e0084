//! What every framework adapter shares: request ids, panics caught, the problem a bare
//! error status stands for, the headers a rendered body replaces, the log lines and the
//! type documentation's answers.

pub(crate) mod catch_panic;
pub(crate) mod docs;
pub(crate) mod extract;
pub(crate) mod log;
pub(crate) mod mapping;
pub(crate) mod plain;
pub(crate) mod time_limit;
