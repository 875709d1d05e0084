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
//! the faults found up to there are reported. So does a missing field of such a type
//! (a `Uuid`, a date, a `TryFrom<String>` newtype), whose stand-in it refuses: it is
//! reported `REQUIRED`, after every field the body has, but fields missing after it are
//! not. At most 100 faults are reported.
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
use std::collections::{HashMap, HashSet};

use lenient::{Code, Fault, Lenient, MAX_FAULTS, Pass, Path, Stop};

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
#[cfg(any(feature = "actix", feature = "axum"))]
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
    for pass_number in 1..=MAX_PASSES {
        let read = T::deserialize(Lenient {
            value: Some(body),
            path: Path::Root,
            pass: &pass,
            quiet: false,
            stand_ins: 0,
        });
        let faults = pass.faults.take();
        let visited = pass.visited.take();
        let structs = pass.structs.take();
        let stop = match read {
            Ok(value) => {
                let mut errors: Vec<FieldError> = faults.into_iter().map(field_error).collect();
                let sound = errors.is_empty();
                // On a value with stand-ins, a check may meet values no client sent: what
                // it says there, at the root, or by panicking, is not the client's fault.
                let checked = if sound {
                    check(&value)
                } else {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&value)))
                        .unwrap_or_default()
                };
                let faulty = Places::of(&errors);
                let kept: Vec<FieldError> = checked
                    .into_iter()
                    .filter(|error| {
                        let at_root =
                            matches!(error.location(), Location::Pointer(p) if p.as_str() == "#");
                        sound || !(at_root || faulty.cover(error.location()))
                    })
                    .collect();
                errors.extend(kept);
                if errors.is_empty() {
                    return Ok(value);
                }
                return Err(in_order(errors, &visited));
            }
            Err(stop) => stop,
        };
        let at = stop.pointer.unwrap_or_else(JsonPointer::root);
        // What a stop teaches is learned for the struct type read there, wherever it occurs.
        let learned = match (&stop.kind, structs.get(at.as_str())) {
            (Stop::MissingField(name), Some(&id)) => {
                let fields = pass.required.entry(id).or_default();
                let new = !fields.contains(name);
                fields.push(name);
                new
            }
            (Stop::UnknownField(key), Some(&id)) => {
                pass.refused.entry(id).or_default().insert(key.clone())
            }
            _ => false,
        };
        if learned && pass_number < MAX_PASSES {
            continue;
        }
        // Nothing more to learn (or no more passes): report what this pass found, and
        // where it stopped unless a fault there (or above) already covers it.
        let mut errors: Vec<FieldError> = faults.into_iter().map(field_error).collect();
        let (pointer, code) = match stop.kind {
            Stop::MissingField(name) => (at.push(name), Code::Required),
            Stop::UnknownField(key) => (at.push(&key), Code::UnknownValue),
            // The stand-in of a missing field, refused by its type: the field is missing.
            Stop::Rejected(_) if stood_in_for_missing(&pass, &structs, &at) => (at, Code::Required),
            Stop::Rejected(code) => (at, code),
        };
        let last = field_error(Fault {
            pointer,
            code,
            args: Vec::new(),
        });
        if !Places::of(&errors).cover(last.location()) {
            errors.push(last);
        }
        return Err(in_order(errors, &visited));
    }
    // `MAX_PASSES` is at least one: every pass returns above.
    Err(FieldErrors::new())
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

/// Whether the value at `at` was a stand-in for a field its struct requires and the body
/// lacks.
fn stood_in_for_missing(
    pass: &Pass,
    structs: &HashMap<String, lenient::StructId>,
    at: &JsonPointer,
) -> bool {
    let text = at.as_str();
    let Some(cut) = text.rfind('/') else {
        return false;
    };
    let Some(field) = at.tokens().pop() else {
        return false;
    };
    structs
        .get(&text[..cut])
        .and_then(|id| pass.required.get(id))
        .is_some_and(|fields| fields.contains(&field.as_str()))
}

/// The places of some field errors, to tell whether another error is at or under one.
struct Places<'e>(HashSet<&'e str>);

impl<'e> Places<'e> {
    fn of(errors: &'e [FieldError]) -> Places<'e> {
        Places(
            errors
                .iter()
                .filter_map(|e| match e.location() {
                    Location::Pointer(p) => Some(p.as_str()),
                    _ => None,
                })
                .collect(),
        )
    }

    /// Whether `location` is one of the places or under one (a pointer's every ancestor
    /// is a prefix of it ending before a `/`).
    fn cover(&self, location: &Location) -> bool {
        let Location::Pointer(pointer) = location else {
            return false;
        };
        let mut here = pointer.as_str();
        loop {
            if self.0.contains(here) {
                return true;
            }
            match here.rfind('/') {
                Some(cut) => here = &here[..cut],
                None => return false,
            }
        }
    }
}

/// Sorts errors by where their place is in the body as read: each place ranks by its
/// ancestors' first visits, root first (so a struct's fields in declaration order, each
/// with what is under it), keeping the order of those that tie.
fn in_order(mut errors: Vec<FieldError>, visited: &[String]) -> FieldErrors {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(visited.len());
    for (at, pointer) in visited.iter().enumerate() {
        first.entry(pointer.as_str()).or_insert(at);
    }
    let rank = |error: &FieldError| -> Vec<usize> {
        let Location::Pointer(pointer) = error.location() else {
            return vec![usize::MAX];
        };
        let text = pointer.as_str();
        let mut ranks: Vec<usize> = text
            .match_indices('/')
            .map(|(cut, _)| &text[..cut])
            .chain(std::iter::once(text))
            .filter_map(|prefix| first.get(prefix).copied())
            .collect();
        if ranks.is_empty() {
            ranks.push(usize::MAX);
        }
        ranks
    };
    errors.sort_by_cached_key(rank);
    errors.truncate(MAX_FAULTS);
    let mut sorted = FieldErrors::new();
    sorted.extend(errors);
    sorted
}

#[cfg(test)]
mod tests;
