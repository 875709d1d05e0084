//! `validator`'s errors as field errors (feature `validator`).

use std::borrow::Cow;

use serde_json::Value;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::catalog::{Code, FieldCode, builtin::field};
use crate::{FieldError, FieldErrors, JsonPointer};

/// Every error of a `validator` report, each at its JSON Pointer (nested structs and list
/// indexes become its tokens; struct-level errors are at `#`).
///
/// validator's codes become pardon's field codes: `length` is `TOO_SHORT` or `TOO_LONG`
/// (by the value's length), `range` is `OUT_OF_RANGE`, `required` is `REQUIRED`, `email`,
/// `url`, `regex`, `contains`, `does_not_contain`, `must_match`, `credit_card` and
/// `non_control_character` are `INVALID_FORMAT`; a custom code that is UPPER_SNAKE_CASE
/// is kept (register it as a field code so the catalogue has its messages), any other is
/// `INVALID_FORMAT`. A place with several failed rules is reported once, for the first
/// (in the order the field declares them). Parameters become message arguments (`min`, `max`, …), all but
/// `value`: the client's own input is never repeated back. Field names are the struct's
/// Rust names, as validator reports them.
///
/// # Examples
///
/// ```
/// use pardon::FieldErrors;
/// use validator::{ValidationError, ValidationErrors};
///
/// let mut report = ValidationErrors::new();
/// let mut short = ValidationError::new("length");
/// short.add_param("min".into(), &8);
/// short.add_param("value".into(), &"secret");
/// report.add("password", short);
///
/// let errors = FieldErrors::from(report);
/// let error = errors.iter().next().unwrap();
/// assert_eq!(error.code().unwrap().as_str(), "TOO_SHORT");
/// assert_eq!(error.location().value(), "#/password");
/// assert_eq!(error.arg("min"), Some(&serde_json::json!(8)));
/// assert_eq!(error.arg("value"), None);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "validator")))]
impl From<ValidationErrors> for FieldErrors {
    fn from(report: ValidationErrors) -> FieldErrors {
        let mut found = Vec::new();
        collect(&report, &JsonPointer::root(), &mut found);
        // validator keeps fields in a hash map: a stable order for the same report.
        found.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        // One error per place, its first rule's: a blank password is `REQUIRED`, not
        // also too short.
        found.dedup_by(|later, first| later.0.as_str() == first.0.as_str());
        let mut errors = FieldErrors::new();
        errors.extend(found.into_iter().map(|(_, error)| error));
        errors
    }
}

fn collect(
    report: &ValidationErrors,
    at: &JsonPointer,
    found: &mut Vec<(JsonPointer, FieldError)>,
) {
    for (name, kind) in report.errors() {
        let here = if name == "__all__" {
            at.clone()
        } else {
            at.clone().push(name)
        };
        match kind {
            ValidationErrorsKind::Field(errors) => {
                for error in errors {
                    found.push((here.clone(), field_error(here.clone(), error)));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &here, found),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &here.clone().push_index(*index), found);
                }
            }
        }
    }
}

fn field_error(at: JsonPointer, error: &ValidationError) -> FieldError {
    let param = |name: &str| error.params.get(name);
    let length = || match param("value") {
        Some(Value::String(s)) => Some(s.chars().count() as u64),
        Some(Value::Array(a)) => Some(a.len() as u64),
        Some(Value::Object(o)) => Some(o.len() as u64),
        _ => None,
    };
    let below = |bound: Option<&Value>| {
        bound
            .and_then(Value::as_u64)
            .zip(length())
            .is_some_and(|(bound, length)| length < bound)
    };
    let custom;
    let code: &FieldCode = match error.code.as_ref() {
        "length" if param("min").is_some() && below(param("min")) => &field::TOO_SHORT,
        "length" if param("equal").is_some() && below(param("equal")) => {
            return with_args(
                FieldError::pointer(at, &field::TOO_SHORT),
                error,
                Some(("equal", "min")),
            );
        }
        "length" if param("equal").is_some() => {
            return with_args(
                FieldError::pointer(at, &field::TOO_LONG),
                error,
                Some(("equal", "max")),
            );
        }
        "length" => &field::TOO_LONG,
        "range" => &field::OUT_OF_RANGE,
        "required" => &field::REQUIRED,
        other => match Code::try_from(other.to_owned()) {
            Ok(code) if !is_known_format_rule(other) => {
                custom = FieldCode::new(code);
                &custom
            }
            _ => &field::INVALID_FORMAT,
        },
    };
    with_args(FieldError::pointer(at, code), error, None)
}

/// validator's own rules about a value's form (lower case, so never a pardon code).
fn is_known_format_rule(code: &str) -> bool {
    matches!(
        code,
        "email"
            | "url"
            | "regex"
            | "contains"
            | "does_not_contain"
            | "must_match"
            | "credit_card"
            | "non_control_character"
    )
}

/// The error's parameters as arguments, but for `value`; `renamed` gives one a new name.
fn with_args(
    mut entry: FieldError,
    error: &ValidationError,
    renamed: Option<(&str, &'static str)>,
) -> FieldError {
    let mut names: Vec<&Cow<'static, str>> = error.params.keys().collect();
    names.sort();
    for name in names {
        if name == "value" {
            continue;
        }
        let arg = match renamed {
            Some((from, to)) if name == from => to,
            _ => name.as_ref(),
        };
        entry = entry.with_arg(arg, error.params[name].clone());
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(code: &'static str, params: &[(&'static str, Value)]) -> ValidationError {
        let mut error = ValidationError::new(code);
        for (name, value) in params {
            error.add_param(Cow::Borrowed(name), value);
        }
        error
    }

    #[test]
    fn codes_and_arguments_map_to_pardons() {
        for (error, code, args) in [
            (
                entry("length", &[("min", json!(8)), ("value", json!("short"))]),
                "TOO_SHORT",
                json!({"min": 8}),
            ),
            (
                entry("length", &[("max", json!(3)), ("value", json!("long"))]),
                "TOO_LONG",
                json!({"max": 3}),
            ),
            (
                entry("length", &[("equal", json!(5)), ("value", json!("abc"))]),
                "TOO_SHORT",
                json!({"min": 5}),
            ),
            (
                entry("length", &[("equal", json!(2)), ("value", json!("abc"))]),
                "TOO_LONG",
                json!({"max": 2}),
            ),
            (
                entry(
                    "range",
                    &[
                        ("min", json!(18)),
                        ("max", json!(150)),
                        ("value", json!(12)),
                    ],
                ),
                "OUT_OF_RANGE",
                json!({"min": 18, "max": 150}),
            ),
            (
                entry("email", &[("value", json!("nope"))]),
                "INVALID_FORMAT",
                json!({}),
            ),
            (entry("required", &[]), "REQUIRED", json!({})),
            (
                entry("NOT_A_WEEKDAY", &[("day", json!("sun"))]),
                "NOT_A_WEEKDAY",
                json!({"day": "sun"}),
            ),
            (entry("lowercase custom", &[]), "INVALID_FORMAT", json!({})),
        ] {
            let mut report = ValidationErrors::new();
            report.add("f", error);
            let errors = FieldErrors::from(report);
            let got = errors.iter().next().unwrap();
            assert_eq!(got.code().unwrap().as_str(), code);
            for (name, value) in args.as_object().unwrap() {
                assert_eq!(got.arg(name), Some(value), "{code} {name}");
            }
            assert_eq!(got.arg("value"), None);
        }
    }

    #[test]
    fn nested_structs_and_lists_become_pointer_tokens() {
        let mut item = ValidationErrors::new();
        item.add("quantity", entry("range", &[("min", json!(1))]));
        let mut items = std::collections::BTreeMap::new();
        items.insert(2, Box::new(item));
        let mut address = ValidationErrors::new();
        address.add("zip/code", entry("regex", &[]));
        let mut report = ValidationErrors::new();
        report
            .errors_mut()
            .insert("items".into(), ValidationErrorsKind::List(items));
        report.errors_mut().insert(
            "address".into(),
            ValidationErrorsKind::Struct(Box::new(address)),
        );
        report.add("__all__", entry("passwords_differ", &[]));
        let pointers: Vec<String> = FieldErrors::from(report)
            .iter()
            .map(|e| e.location().value().to_owned())
            .collect();
        assert_eq!(pointers, ["#", "#/address/zip~1code", "#/items/2/quantity"]);
    }
}
