//! The demo's own problem types, shared by the server (`examples/server.rs`) and its
//! client (`examples/client.rs`): one enum, the server's error type and what the client
//! reads a document back into.

use pardon::Problem;

/// The demo's problem types; their messages are in `examples/locales/`. Fields are
/// extension members and the arguments of the messages.
/// `#[problem(decode)]`: the client reads documents back into it with `try_from`.
#[derive(Debug, Clone, PartialEq, Eq, Problem)]
#[problem(decode)]
pub enum DemoProblem {
    /// Also for a private user the caller may not see: existence is concealed.
    /// `id` is the one asked for, as written (an identifier is text, never a grouped number).
    #[problem(status = 404, code = "USER_NOT_FOUND")]
    UserNotFound { id: String },
    #[problem(status = 409, code = "DUPLICATE_EMAIL")]
    DuplicateEmail { email: String },
    #[problem(status = 422, code = "INSUFFICIENT_INVENTORY")]
    InsufficientInventory {
        product_id: u64,
        requested: u64,
        available: u64,
    },
}
