//! Typed request bodies whose every fault is a field error at its JSON Pointer.
//!
//! serde stops at the first value it cannot take, and says where only in prose. A client
//! deserves every fault of its body at once, each where it is, with a code to key on:
//! [`from_json`] reads a `serde_json::Value` into any `Deserialize` type and reports each
//! missing field as `REQUIRED`, each value of the wrong JSON type as `INVALID_TYPE`, each
//! integer its type cannot hold as `OUT_OF_RANGE` (with `min` and `max`), each enum
//! value no variant has as `UNKNOWN_VALUE`, and a key a `deny_unknown_fields` type refuses
//! as `UNKNOWN_VALUE` too. [`from_json_checked`] adds the type's own rules (a validation
//! library's, say), so that shape and rules are reported together.
//!
//! It goes past a bad value by handing the type a stand-in of the kind it wants, and
//! learns the fields a type requires from serde's own `missing_field` on a first pass.
//! A value that a hand-written `Deserialize` refuses (`INVALID_FORMAT`) ends the search:
//! the faults found up to there are reported.
//!
//! # Examples
//!
//! ```
//! use serde::Deserialize;
//! use serde_json::json;
//!
//! #[derive(Debug, Deserialize)]
//! struct Order { items: Vec<Item>, note: Option<String> }
//! #[derive(Debug, Deserialize)]
//! struct Item { product_id: u32, quantity: u16 }
//!
//! let body = json!({"items": [{"product_id": "7", "quantity": 70000}, {}]});
//! let errors = pardon::decode::from_json::<Order>(&body).unwrap_err();
//! let found: Vec<(String, &str)> = errors
//!     .iter()
//!     .map(|e| (e.location().value().to_owned(), e.code().unwrap().as_str()))
//!     .collect();
//! assert_eq!(found, [
//!     ("#/items/0/product_id".to_owned(), "INVALID_TYPE"),
//!     ("#/items/0/quantity".to_owned(), "OUT_OF_RANGE"),
//!     ("#/items/1/product_id".to_owned(), "REQUIRED"),
//!     ("#/items/1/quantity".to_owned(), "REQUIRED"),
//! ]);
//! ```

mod check;
#[cfg(feature = "garde")]
mod garde;
mod lenient;
#[cfg(feature = "validator")]
mod validator;

pub use check::Check;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::problem::Location;
use crate::{FieldError, FieldErrors, JsonPointer};
use lenient::{Code, Fault, Lenient, Pass, Path, Stop};

/// How many passes a body may take: one, plus one per required field it lacks or key its
/// type refuses (a body is at most as large as the extractor allows).
const MAX_PASSES: usize = 256;

/// Reads `body` into a `T`, or reports every fault of its shape at once.
///
/// See the [module documentation](self) for what each fault is reported as.
///
/// # Errors
///
/// The field errors, in the order of `T`'s fields (declaration order), which
/// `FieldErrors::into_result` or `?` turn into a `VALIDATION_ERROR` problem.
///
/// # Examples
///
/// ```
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize)]
/// struct NewUser { name: String, age: u8 }
///
/// let user: NewUser = pardon::decode::from_json(&serde_json::json!({"name": "Ada", "age": 36}))?;
/// assert_eq!(user.age, 36);
///
/// let errors = pardon::decode::from_json::<NewUser>(&serde_json::json!({"age": 300})).unwrap_err();
/// assert_eq!(errors.len(), 2); // name REQUIRED, age OUT_OF_RANGE (0 to 255)
/// # Ok::<(), pardon::FieldErrors>(())
/// ```
pub fn from_json<T: DeserializeOwned>(body: &Value) -> Result<T, FieldErrors> {
    from_json_checked(body, |_| FieldErrors::new())
}

/// Reads `body` into a `T` and checks it with `check`, reporting the faults of both at
/// once.
///
/// `check` runs even when the shape has faults, on a `T` whose faulty values are
/// stand-ins; what it reports at or under a faulty value is dropped, so each place is
/// reported once, for its first fault.
///
/// # Errors
///
/// The field errors of the shape and of `check`, in the order of `T`'s fields.
///
/// # Examples
///
/// ```
/// use pardon::{FieldError, FieldErrors, JsonPointer, builtin::field};
/// use serde::Deserialize;
/// use serde_json::json;
///
/// #[derive(Debug, Deserialize)]
/// struct NewUser { name: String, age: u8 }
///
/// let adults_only = |user: &NewUser| {
///     let mut errors = FieldErrors::new();
///     if user.age < 18 {
///         let at = JsonPointer::root().push("age");
///         errors.push(FieldError::pointer(at, &field::OUT_OF_RANGE).with_arg("min", 18).with_arg("max", 255));
///     }
///     errors
/// };
/// // The wrong type of `name` and the rule on `age`, together.
/// let body = json!({"name": 5, "age": 12});
/// let errors = pardon::decode::from_json_checked(&body, adults_only).unwrap_err();
/// let codes: Vec<&str> = errors.iter().map(|e| e.code().unwrap().as_str()).collect();
/// assert_eq!(codes, ["INVALID_TYPE", "OUT_OF_RANGE"]);
/// ```
pub fn from_json_checked<T: DeserializeOwned>(
    body: &Value,
    check: impl FnOnce(&T) -> FieldErrors,
) -> Result<T, FieldErrors> {
    read(body, check, None)
}

/// Reads URL parameters into a `T`: `values` is an object of parameter names to their
/// text (a query, or a route's named segments), an array of texts (a route's segments
/// in order, for a tuple), or one text (a route's only segment). Numbers and booleans
/// are read from their text; each fault is reported in its parameter, which `names`
/// gives for the positions of an array or the one text.
#[cfg(feature = "actix")]
pub(crate) fn from_parameters<T: DeserializeOwned>(
    values: &Value,
    names: &[&str],
) -> Result<T, FieldErrors> {
    read(values, |_| FieldErrors::new(), Some(names))
}

/// One reading, with `parameters` the names of positional parameters when `body` holds
/// URL parameters (faults are then reported in parameters, not at pointers).
fn read<T: DeserializeOwned>(
    body: &Value,
    check: impl FnOnce(&T) -> FieldErrors,
    parameters: Option<&[&str]>,
) -> Result<T, FieldErrors> {
    let mut pass = Pass {
        from_text: parameters.is_some(),
        ..Pass::default()
    };
    let field_error = |fault: Fault| match parameters {
        Some(names) => in_parameter(fault, names),
        None => field_error(fault),
    };
    for _ in 0..MAX_PASSES {
        let read = T::deserialize(Lenient {
            value: Some(body),
            path: Path::Root,
            pass: &pass,
            quiet: false,
        });
        let faults = pass.faults.take();
        let visited = pass.visited.take();
        let stop = match read {
            Ok(value) => {
                let checked: Vec<FieldError> = check(&value).into_iter().collect();
                let mut errors: Vec<FieldError> = faults.into_iter().map(field_error).collect();
                let shape = errors.len();
                for error in checked {
                    let covered = errors[..shape]
                        .iter()
                        .any(|fault| contains(fault.location(), error.location()));
                    if !covered {
                        errors.push(error);
                    }
                }
                if errors.is_empty() {
                    return Ok(value);
                }
                return Err(in_order(errors, &visited));
            }
            Err(stop) => stop,
        };
        let at = stop.pointer.unwrap_or_else(JsonPointer::root);
        let learned = match &stop.kind {
            Stop::MissingField(name) => {
                let fields = pass.required.entry(at.as_str().to_owned()).or_default();
                let new = !fields.contains(name);
                fields.push(name);
                new
            }
            Stop::UnknownField(key) => pass
                .refused
                .entry(at.as_str().to_owned())
                .or_default()
                .insert(key.clone()),
            Stop::Rejected(_) => false,
        };
        if learned {
            continue;
        }
        // Nothing more to learn: report what this pass found, and where it stopped
        // unless a fault there (or above) already covers it.
        let mut errors: Vec<FieldError> = faults.into_iter().map(field_error).collect();
        let (pointer, code) = match stop.kind {
            Stop::MissingField(name) => (at.push(name), Code::Required),
            Stop::UnknownField(key) => (at.push(&key), Code::UnknownValue),
            Stop::Rejected(code) => (at, code),
        };
        let last = field_error(Fault {
            pointer,
            code,
            args: Vec::new(),
        });
        if !errors
            .iter()
            .any(|fault| contains(fault.location(), last.location()))
        {
            errors.push(last);
        }
        return Err(in_order(errors, &visited));
    }
    let mut errors = FieldErrors::new();
    errors.push(Code::InvalidFormat.at(JsonPointer::root()));
    Err(errors)
}

/// A fault in a URL parameter: the first token of its pointer names it, or the position
/// of an unnamed one; a fault of the whole (no parameter at all) names them all.
fn in_parameter(fault: Fault, names: &[&str]) -> FieldError {
    let tokens = fault.pointer.tokens();
    let name = match tokens.first() {
        Some(token) => match token.parse::<usize>().ok().and_then(|i| names.get(i)) {
            Some(name) => (*name).to_owned(),
            None => token.clone(),
        },
        None => names.join(","),
    };
    fault
        .args
        .into_iter()
        .fold(fault.code.in_parameter(&name), |e, (arg, value)| {
            e.with_arg(arg, value)
        })
}

fn field_error(fault: Fault) -> FieldError {
    fault
        .args
        .into_iter()
        .fold(fault.code.at(fault.pointer), |e, (name, value)| {
            e.with_arg(name, value)
        })
}

/// Whether `inner` is at or under `outer`.
fn contains(outer: &Location, inner: &Location) -> bool {
    let (Location::Pointer(outer), Location::Pointer(inner)) = (outer, inner) else {
        return false;
    };
    let (outer, inner) = (outer.tokens(), inner.tokens());
    inner.starts_with(&outer)
}

/// Sorts errors by where the body's reading met their place (or the nearest place above
/// it), keeping the order of those that tie.
fn in_order(mut errors: Vec<FieldError>, visited: &[String]) -> FieldErrors {
    let rank = |error: &FieldError| -> usize {
        let Location::Pointer(pointer) = error.location() else {
            return usize::MAX;
        };
        let mut tokens = pointer.tokens();
        loop {
            let here = tokens.iter().fold(JsonPointer::root(), |p, t| p.push(t));
            if let Some(at) = visited.iter().position(|v| *v == here.as_str()) {
                return at;
            }
            if tokens.pop().is_none() {
                return usize::MAX;
            }
        }
    };
    errors.sort_by_cached_key(rank);
    let mut sorted = FieldErrors::new();
    sorted.extend(errors);
    sorted
}

#[cfg(test)]
mod tests;
