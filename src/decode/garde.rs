//! `garde`'s report as field errors (feature `garde`).

use garde::Report;
use garde::error::Kind;
use serde_json::Value;

use crate::catalog::builtin::field;
use crate::{FieldError, FieldErrors, JsonPointer};

/// Every error of a `garde` report, each at its JSON Pointer (keys and list indexes of
/// garde's path become its tokens).
///
/// garde's errors carry only a message, so the field code is read from garde's default
/// English messages: `length is lower than N` is `TOO_SHORT` (`min`), `length is greater
/// than N` is `TOO_LONG` (`max`), `lower than N` and `greater than N` are `OUT_OF_RANGE`
/// (`min` or `max`), `not set` is `REQUIRED`, and every other message is
/// `INVALID_FORMAT`. (Under a custom `garde::i18n` handler, every error is
/// `INVALID_FORMAT`.) The message itself is not sent: the detail comes from pardon's
/// catalogue, in the client's language.
///
/// # Examples
///
/// ```
/// use garde::{Report, error::{Error, Path}};
/// use pardon::FieldErrors;
///
/// let mut report = Report::new();
/// report.append(Path::new("items").join(0usize).join("quantity"), Error::new("lower than 1"));
/// let errors = FieldErrors::from(report);
/// let error = errors.iter().next().unwrap();
/// assert_eq!(error.location().value(), "#/items/0/quantity");
/// assert_eq!(error.code().unwrap().as_str(), "OUT_OF_RANGE");
/// assert_eq!(error.arg("min"), Some(&serde_json::json!(1)));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "garde")))]
impl From<Report> for FieldErrors {
    fn from(report: Report) -> FieldErrors {
        let mut errors = FieldErrors::new();
        for (path, error) in report.iter() {
            let at = path
                .__iter()
                .rev()
                .fold(JsonPointer::root(), |at, (kind, component)| match kind {
                    Kind::None => at,
                    Kind::Key | Kind::Index => at.push(component.as_str()),
                });
            errors.push(field_error(at, error.message()));
        }
        errors
    }
}

fn field_error(at: JsonPointer, message: &str) -> FieldError {
    let number = |text: &str| -> Value {
        text.trim()
            .parse::<i64>()
            .map(Value::from)
            .or_else(|_| text.trim().parse::<f64>().map(Value::from))
            .unwrap_or_else(|_| Value::from(text.trim()))
    };
    if let Some(n) = message.strip_prefix("length is lower than ") {
        FieldError::pointer(at, &field::TOO_SHORT).with_arg("min", number(n))
    } else if let Some(n) = message.strip_prefix("length is greater than ") {
        FieldError::pointer(at, &field::TOO_LONG).with_arg("max", number(n))
    } else if let Some(n) = message.strip_prefix("lower than ") {
        FieldError::pointer(at, &field::OUT_OF_RANGE).with_arg("min", number(n))
    } else if let Some(n) = message.strip_prefix("greater than ") {
        FieldError::pointer(at, &field::OUT_OF_RANGE).with_arg("max", number(n))
    } else if message == "not set" {
        FieldError::pointer(at, &field::REQUIRED)
    } else {
        FieldError::pointer(at, &field::INVALID_FORMAT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use garde::error::{Error, Path};

    #[test]
    fn garde_messages_map_to_codes_and_arguments() {
        let mut report = Report::new();
        for message in [
            "length is lower than 8",
            "length is greater than 64",
            "greater than 150",
            "not set",
            "not a valid email: value is missing `@`",
        ] {
            report.append(Path::new("f"), Error::new(message));
        }
        let found: Vec<(String, Option<Value>)> = FieldErrors::from(report)
            .iter()
            .map(|e| {
                let arg = e.arg("min").or(e.arg("max")).cloned();
                (e.code().unwrap().as_str().to_owned(), arg)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("TOO_SHORT".to_owned(), Some(Value::from(8))),
                ("TOO_LONG".to_owned(), Some(Value::from(64))),
                ("OUT_OF_RANGE".to_owned(), Some(Value::from(150))),
                ("REQUIRED".to_owned(), None),
                ("INVALID_FORMAT".to_owned(), None),
            ]
        );
    }
}
