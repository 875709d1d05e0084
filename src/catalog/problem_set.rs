//! [`ProblemSet`]: a Rust type that stands for a set of problem types, as
//! `#[derive(Problem)]` makes.

use super::ProblemType;

/// A type whose values are problems: each value stands for one of a fixed set of problem
/// types. `#[derive(Problem)]` implements it (with `Display`, `std::error::Error` and the
/// conversion into a [`Problem`](struct@crate::Problem)); [`Registry::register_set`](super::Registry::register_set)
/// registers every type of the set at once.
///
/// # Examples
///
/// ```
/// use pardon::{Problem, ProblemSet, Registry};
///
/// #[derive(Debug, Problem)]
/// enum AccountProblem {
///     #[problem(status = 404, code = "ACCOUNT_NOT_FOUND")]
///     NotFound { account: String },
///     #[problem(status = 409, code = "ACCOUNT_FROZEN")]
///     Frozen,
/// }
///
/// let mut registry = Registry::with_builtins("https://example.com/problems/")?;
/// registry.register_set::<AccountProblem>()?;
/// assert_eq!(registry.get("ACCOUNT_FROZEN").unwrap().status().as_u16(), 409);
/// assert_eq!(AccountProblem::Frozen.problem_type().code().as_str(), "ACCOUNT_FROZEN");
/// assert_eq!(AccountProblem::problem_types()[0].args(), ["account"]);
/// # Ok::<(), pardon::catalog::RegistryError>(())
/// ```
pub trait ProblemSet {
    /// Every problem type of the set, in declaration order.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{Problem, ProblemSet};
    ///
    /// #[derive(Debug, Problem)]
    /// enum Stock {
    ///     #[problem(status = 409, code = "SOLD_OUT")]
    ///     SoldOut,
    ///     #[problem(status = 410, code = "DISCONTINUED")]
    ///     Discontinued,
    /// }
    ///
    /// let codes: Vec<&str> = Stock::problem_types().iter().map(|t| t.code().as_str()).collect();
    /// assert_eq!(codes, ["SOLD_OUT", "DISCONTINUED"]);
    /// ```
    fn problem_types() -> &'static [ProblemType];

    /// The problem type this value stands for.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{Problem, ProblemSet};
    ///
    /// #[derive(Debug, Problem)]
    /// #[problem(status = 423, code = "LOCKED_ORDER")]
    /// struct LockedOrder { order: String }
    ///
    /// let locked = LockedOrder { order: "o-1".into() };
    /// assert_eq!(locked.problem_type().status().as_u16(), 423);
    /// ```
    fn problem_type(&self) -> &'static ProblemType;
}
