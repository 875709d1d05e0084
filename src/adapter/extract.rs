//! Reading a request the same way under every adapter: a JSON body (its faults as
//! problems: too large, wrong type, malformed, invalid fields) and URL parameters (each
//! fault in its parameter).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::catalog::{builtin, builtin::field};
use crate::decode;
#[cfg(feature = "axum")]
use crate::decode::Check;
use crate::{FieldError, FieldErrors, JsonPointer, Problem};

/// The problem for a body that is not JSON, or whose JSON is not of the expected type at
/// its root: `MALFORMED_JSON` with `line` and `column`, or an `INVALID_TYPE` field error.
pub(crate) fn json_problem(error: &serde_json::Error) -> Problem {
    if error.is_data() {
        // serde_json does not say where in the document the type was wrong.
        return Problem::new(&builtin::VALIDATION_ERROR).with_field_error(FieldError::pointer(
            JsonPointer::root(),
            &field::INVALID_TYPE,
        ));
    }
    let problem = Problem::new(&builtin::MALFORMED_JSON);
    problem
        .clone()
        .with_extension("line", error.line())
        .and_then(|p| p.with_extension("column", error.column()))
        .unwrap_or(problem)
}

/// `PAYLOAD_TOO_LARGE`, with the limit in bytes.
pub(crate) fn too_large(limit: usize) -> Problem {
    let problem = Problem::new(&builtin::PAYLOAD_TOO_LARGE);
    problem
        .clone()
        .with_extension("max_bytes", limit)
        .unwrap_or(problem)
}

/// `VALIDATION_ERROR` with these field errors.
pub(crate) fn invalid(errors: FieldErrors) -> Problem {
    Problem::new(&builtin::VALIDATION_ERROR).with_field_errors(errors)
}

#[cfg(feature = "axum")]
/// Whether a `Content-Type` is JSON: `application/json` or `application/*+json`.
pub(crate) fn is_json(content_type: Option<&[u8]>) -> bool {
    let Some(essence) = content_type
        .and_then(|v| std::str::from_utf8(v).ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
    else {
        return false;
    };
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|subtype| subtype.ends_with("+json"))
}

#[cfg(feature = "axum")]
/// A JSON body read into `T`, every fault of its shape at once.
pub(crate) fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let body: Value = serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
    decode::from_json(&body).map_err(invalid)
}

#[cfg(feature = "axum")]
/// A JSON body read into `T` and checked by its rules, every fault at once.
pub(crate) fn checked_json_body<T: DeserializeOwned + Check>(bytes: &[u8]) -> Result<T, Problem> {
    let body: Value = serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
    decode::from_json_checked(&body, T::check).map_err(invalid)
}

/// A route's named segments read into `T`: the shape of `T` decides the form — a struct by
/// name, a tuple in order, a value alone; a form of the wrong shape is tried no further.
pub(crate) fn path<T: DeserializeOwned>(segments: &[(&str, &str)]) -> Result<T, Problem> {
    if segments.is_empty() {
        // A path extractor on a route without parameters: the application's mistake.
        return Err(Problem::internal(NoParameters));
    }
    let names: Vec<&str> = segments.iter().map(|(name, _)| *name).collect();
    let by_name: Map<String, Value> = segments
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::from(*value)))
        .collect();
    let in_order: Vec<Value> = segments
        .iter()
        .map(|(_, value)| Value::from(*value))
        .collect();
    let mut forms = vec![Value::Object(by_name), Value::Array(in_order)];
    if let [(_, value)] = segments[..] {
        forms.push(Value::from(value));
    }
    let mut outcome = Err(FieldErrors::new());
    for form in &forms {
        outcome = decode::from_parameters(form, &names);
        let wrong_shape = outcome.as_ref().err().is_some_and(|errors| {
            errors
                .iter()
                .any(|e| e.code() == Some(field::INVALID_TYPE.code()))
        });
        if !wrong_shape {
            break;
        }
    }
    outcome.map_err(invalid)
}

/// A path extractor on a route that has no parameters.
#[derive(Debug)]
struct NoParameters;

impl std::fmt::Display for NoParameters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a path extractor on a route without parameters")
    }
}

impl std::error::Error for NoParameters {}

/// Query parameters (decoded name–value pairs) read into `T`.
pub(crate) fn query<T: DeserializeOwned>(pairs: Vec<(String, String)>) -> Result<T, Problem> {
    let parameters: Map<String, Value> = pairs
        .into_iter()
        .map(|(name, value)| (name, Value::from(value)))
        .collect();
    decode::from_parameters(&Value::Object(parameters), &[]).map_err(invalid)
}

#[cfg(all(test, feature = "axum"))]
mod tests {
    use super::*;

    #[test]
    fn json_is_json_or_a_json_suffix() {
        assert!(is_json(Some(b"application/json")));
        assert!(is_json(Some(b"Application/JSON; charset=utf-8")));
        assert!(is_json(Some(b"application/merge-patch+json")));
        assert!(!is_json(Some(b"text/json")));
        assert!(!is_json(Some(b"application/jsonx")));
        assert!(!is_json(None));
    }

    #[test]
    fn a_malformed_body_says_where() {
        let problem = json_body::<Value>(b"{\"a\":").unwrap_err();
        assert_eq!(problem.code().map(|c| c.as_str()), Some("MALFORMED_JSON"));
        assert_eq!(problem.extension("line"), Some(&Value::from(1)));
    }
}
