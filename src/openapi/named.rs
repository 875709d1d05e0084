//! Naming a route's problems for `#[utoipa::path(responses(...))]`: [`responses_of`], the
//! [`problem_responses!`](crate::problem_responses) macro and [`ProblemList`].

use std::collections::BTreeMap;

use utoipa::openapi::{RefOr, Response};

use super::response;
use crate::catalog::{ProblemSet, ProblemType};

/// Problem types a route can answer, as a list: every [`ProblemSet`] (a
/// `#[derive(Problem)]` type) is one, and so is each type
/// [`problem_responses!`](crate::problem_responses) declares, so that sets compose.
///
/// # Examples
///
/// ```
/// use pardon::{openapi::ProblemList, Problem};
///
/// #[derive(Debug, Problem)]
/// enum Stock {
///     #[problem(status = 409, code = "SOLD_OUT")]
///     SoldOut,
/// }
///
/// assert_eq!(Stock::problem_list()[0].code().as_str(), "SOLD_OUT");
/// ```
pub trait ProblemList {
    /// The problem types, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, openapi::ProblemList};
    ///
    /// pardon::problem_responses! { Busy = [builtin::CONFLICT, builtin::RATE_LIMITED] }
    /// let codes: Vec<String> = Busy::problem_list().iter().map(|t| t.code().to_string()).collect();
    /// assert_eq!(codes, ["CONFLICT", "RATE_LIMITED"]);
    /// ```
    fn problem_list() -> Vec<ProblemType>;
}

impl<T: ProblemSet> ProblemList for T {
    fn problem_list() -> Vec<ProblemType> {
        T::problem_types().to_vec()
    }
}

/// The responses of `types`, by status, for [`utoipa::IntoResponses`]: each stands for its
/// types until [`add_problems`](super::add_problems) completes it (a reference to the type's response, or for
/// several types with one status, a response that is one of them).
///
/// [`problem_responses!`](crate::problem_responses) and `#[problem(openapi)]` call it.
/// utoipa merges a route's `responses(...)` by status, a later one replacing an earlier
/// one: name each route's problems in one list (which may hold other lists), not several.
///
/// # Examples
///
/// ```
/// use pardon::builtin;
///
/// let responses = pardon::openapi::responses_of([&builtin::AUTH_REQUIRED, &builtin::INVALID_TOKEN, &builtin::CONFLICT]);
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["401", "409"]);
/// ```
pub fn responses_of<'a>(
    types: impl IntoIterator<Item = &'a ProblemType>,
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&ProblemType>> = BTreeMap::new();
    for problem_type in types {
        let same = by_status.entry(problem_type.status().as_u16()).or_default();
        if !same.iter().any(|t| t.code() == problem_type.code()) {
            same.push(problem_type);
        }
    }
    by_status
        .into_iter()
        .map(|(status, types)| {
            (
                status.to_string(),
                RefOr::T(response::placeholder(types.iter().copied())),
            )
        })
        .collect()
}

/// A type that names the problem types a route can answer, for
/// `#[utoipa::path(responses(...))]`: it implements [`utoipa::IntoResponses`] with
/// [`responses_of`] the types listed, and [`ProblemList`], so that another list can hold
/// it. Items are the types' constants (the built-in ones in [`builtin`](crate::builtin),
/// those `#[derive(Problem)]` declares on its type, named by their code) and, after `..`,
/// whole lists: a `#[derive(Problem)]` type or another `problem_responses!` type.
///
/// Name every problem of a route in one list: utoipa keeps one response per status, and
/// a second list with the same status would replace the first.
///
/// # Examples
///
/// ```
/// use pardon::{builtin, Problem};
/// use utoipa::IntoResponses;
///
/// #[derive(Debug, Problem)]
/// enum UserProblem {
///     #[problem(status = 404, code = "USER_GONE")]
///     Gone,
/// }
///
/// pardon::problem_responses! {
///     /// What a route that needs a token can answer.
///     pub AuthProblems = [builtin::AUTH_REQUIRED, builtin::INVALID_TOKEN]
/// }
///
/// pardon::problem_responses! {
///     /// The problems of `DELETE /users/{id}`.
///     pub DeleteUserProblems = [..AuthProblems, builtin::INSUFFICIENT_PERMISSIONS, UserProblem::USER_GONE]
/// }
///
/// let responses = DeleteUserProblems::responses();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["401", "403", "404"]);
/// ```
#[macro_export]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
macro_rules! problem_responses {
    ($(#[$attr:meta])* $vis:vis $name:ident = [$($items:tt)*]) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $name;

        impl $crate::openapi::ProblemList for $name {
            fn problem_list() -> ::std::vec::Vec<$crate::ProblemType> {
                let mut __pardon_types = ::std::vec::Vec::new();
                $crate::__pardon_problem_list!(__pardon_types; $($items)*);
                __pardon_types
            }
        }

        impl $crate::openapi::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::openapi::utoipa::openapi::RefOr<$crate::openapi::utoipa::openapi::response::Response>,
            > {
                $crate::openapi::responses_of(
                    &<$name as $crate::openapi::ProblemList>::problem_list(),
                )
            }
        }
    };
}

/// The items of a [`problem_responses!`](crate::problem_responses) list, one by one.
#[doc(hidden)]
#[macro_export]
macro_rules! __pardon_problem_list {
    ($types:ident;) => {};
    ($types:ident; .. $list:path $(, $($rest:tt)*)?) => {
        $types.extend(<$list as $crate::openapi::ProblemList>::problem_list());
        $crate::__pardon_problem_list!($types; $($($rest)*)?);
    };
    ($types:ident; $problem_type:path $(, $($rest:tt)*)?) => {
        $types.push(::core::clone::Clone::clone(&$problem_type));
        $crate::__pardon_problem_list!($types; $($($rest)*)?);
    };
}
