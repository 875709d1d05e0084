//! [`Example`]: a typed example value of a problem type's argument, for its documentation.

use serde_json::Value;

/// An example value of one argument of a [`ProblemType`](super::ProblemType), shown in the
/// example document of the type's documentation page with its JSON type: `retry_after` is a
/// number there, not a string.
///
/// # Examples
///
/// ```
/// use http::StatusCode;
/// use pardon::{catalog::Example, Code, ProblemType};
///
/// const OUT_OF_STOCK: ProblemType =
///     ProblemType::new(Code::from_static("OUT_OF_STOCK"), 422)
///         .with_args(&["product_id", "available"])
///         .with_examples(&[("product_id", Example::Text("sku-42")), ("available", Example::Integer(3))]);
///
/// assert_eq!(OUT_OF_STOCK.example("available"), Some(Example::Integer(3)));
/// assert_eq!(Example::Integer(3).to_json(), serde_json::json!(3));
/// assert_eq!(OUT_OF_STOCK.example("missing"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Example {
    /// A JSON integer.
    Integer(i64),
    /// A JSON string.
    Text(&'static str),
    /// A JSON boolean.
    Bool(bool),
}

impl Example {
    /// The value as JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::catalog::Example;
    ///
    /// assert_eq!(Example::Text("a").to_json(), serde_json::json!("a"));
    /// assert_eq!(Example::Bool(true).to_json(), serde_json::json!(true));
    /// ```
    #[must_use]
    pub fn to_json(self) -> Value {
        match self {
            Example::Integer(n) => Value::from(n),
            Example::Text(text) => Value::from(text),
            Example::Bool(b) => Value::from(b),
        }
    }
}
