//! [`Check`]: a type's own rules, beyond its shape.

use crate::FieldErrors;

/// A type's own rules, beyond the shape serde checks: what
/// [`from_json_checked`](super::from_json_checked) and the actix `ValidJson` extractor run
/// after reading a body.
///
/// With the `validator` feature (on by default), every type that derives
/// `validator::Validate` is `Check` already. Otherwise, implement it: by hand, or with
/// `garde`, through [`FieldErrors::from`] its `Report`.
///
/// # Examples
///
/// ```
/// use pardon::decode::Check;
/// use pardon::{FieldError, FieldErrors, JsonPointer, builtin::field};
///
/// struct Range { low: u32, high: u32 }
///
/// impl Check for Range {
///     fn check(&self) -> FieldErrors {
///         let mut errors = FieldErrors::new();
///         if self.low > self.high {
///             errors.push(FieldError::pointer(JsonPointer::root().push("low"), &field::OUT_OF_RANGE)
///                 .with_arg("min", 0)
///                 .with_arg("max", self.high));
///         }
///         errors
///     }
/// }
///
/// assert_eq!(Range { low: 5, high: 1 }.check().len(), 1);
/// assert!(Range { low: 1, high: 5 }.check().is_empty());
/// ```
pub trait Check {
    /// Every rule this value breaks, as field errors (none when it keeps them all).
    fn check(&self) -> FieldErrors;
}

#[cfg(feature = "validator")]
#[cfg_attr(docsrs, doc(cfg(feature = "validator")))]
impl<T: validator::Validate> Check for T {
    fn check(&self) -> FieldErrors {
        self.validate()
            .map_or_else(FieldErrors::from, |()| FieldErrors::new())
    }
}
