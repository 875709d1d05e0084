//! Field errors for the `errors` member, and the collector that gathers them.

use serde::ser::SerializeMap;
use serde_json::Value;

use super::{JsonPointer, Problem};
use crate::catalog::{Code, FieldCode, builtin};

/// Where a field error is: exactly one of a body location, a parameter or a header.
///
/// # Examples
///
/// ```
/// use pardon::{problem::Location, JsonPointer};
///
/// let at = Location::Pointer(JsonPointer::root().push("email"));
/// assert_eq!(at.member(), "pointer");
/// assert_eq!(at.value(), "#/email");
/// assert_eq!(Location::Parameter("id".into()).member(), "parameter");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// A place in the JSON body.
    Pointer(JsonPointer),
    /// A path or query parameter, by name.
    Parameter(String),
    /// A request header, by name.
    Header(String),
}

impl Location {
    /// The name of the member that carries it: `pointer`, `parameter` or `header`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::problem::Location::Header("If-Match".into()).member(), "header");
    /// ```
    #[must_use]
    pub fn member(&self) -> &'static str {
        match self {
            Location::Pointer(_) => "pointer",
            Location::Parameter(_) => "parameter",
            Location::Header(_) => "header",
        }
    }

    /// The member's value.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::problem::Location::Parameter("page".into()).value(), "page");
    /// ```
    #[must_use]
    pub fn value(&self) -> &str {
        match self {
            Location::Pointer(p) => p.as_str(),
            Location::Parameter(s) | Location::Header(s) => s,
        }
    }
}

/// One entry of a problem's `errors` member: a stable field-error `code`, a `detail`, and
/// where the fault is.
///
/// The detail is localized from the code's Fluent message when the problem is rendered;
/// the arguments feed that message and are not sent.
///
/// # Examples
///
/// ```
/// use pardon::{builtin::field, FieldError, JsonPointer};
///
/// let e = FieldError::pointer(JsonPointer::root().push("password"), &field::TOO_SHORT)
///     .with_arg("min", 8);
/// assert_eq!(e.code().map(|c| c.as_str()), Some("TOO_SHORT"));
/// assert_eq!(e.location().value(), "#/password");
/// assert_eq!(e.arg("min"), Some(&serde_json::json!(8)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    code: Option<Code>,
    detail: Option<String>,
    location: Location,
    args: Vec<(String, Value)>,
}

impl FieldError {
    fn new(location: Location, code: &FieldCode) -> FieldError {
        FieldError {
            code: Some(code.code().clone()),
            detail: None,
            location,
            args: Vec::new(),
        }
    }

    /// A field error at a place in the JSON body.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError, JsonPointer};
    ///
    /// let at = JsonPointer::root().push("items").push_index(0).push("quantity");
    /// let e = FieldError::pointer(at, &field::OUT_OF_RANGE);
    /// assert_eq!(e.location().value(), "#/items/0/quantity");
    /// ```
    #[must_use]
    pub fn pointer(pointer: JsonPointer, code: &FieldCode) -> FieldError {
        FieldError::new(Location::Pointer(pointer), code)
    }

    /// A field error in a path or query parameter.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// let e = FieldError::parameter("id", &field::INVALID_TYPE);
    /// assert_eq!(e.location().member(), "parameter");
    /// ```
    #[must_use]
    pub fn parameter(name: impl Into<String>, code: &FieldCode) -> FieldError {
        FieldError::new(Location::Parameter(name.into()), code)
    }

    /// A field error in a request header.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// let e = FieldError::header("If-Match", &field::REQUIRED);
    /// assert_eq!(e.location().value(), "If-Match");
    /// ```
    #[must_use]
    pub fn header(name: impl Into<String>, code: &FieldCode) -> FieldError {
        FieldError::new(Location::Header(name.into()), code)
    }

    /// Adds an argument for the code's message (`min`, `max`…). Pass identifiers as strings:
    /// Fluent numbers are `f64`.
    ///
    /// The arguments its code declares are sent as members of the entry
    /// (`{"code": "OUT_OF_RANGE", "pointer": "#/age", "min": 18, "max": 150}`), so that a
    /// frontend wording the entry itself has them; a problem's own arguments are its
    /// extension members already.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// let e = FieldError::parameter("age", &field::OUT_OF_RANGE).with_arg("min", 18).with_arg("max", 150);
    /// assert_eq!(e.arg("max"), Some(&serde_json::json!(150)));
    /// ```
    #[must_use]
    pub fn with_arg(mut self, name: &str, value: impl Into<Value>) -> FieldError {
        let value = value.into();
        match self.args.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.args.push((name.to_owned(), value)),
        }
        self
    }

    /// Sets the detail text, instead of the code's localized message.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// let e = FieldError::parameter("sort", &field::UNKNOWN_VALUE).with_detail("sort by name or date");
    /// assert_eq!(e.detail(), Some("sort by name or date"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> FieldError {
        self.detail = Some(detail.into());
        self
    }

    /// The field-error code (absent only in documents read from elsewhere).
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// let e = FieldError::header("X-Tenant", &field::REQUIRED);
    /// assert_eq!(e.code().unwrap().as_str(), "REQUIRED");
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&Code> {
        self.code.as_ref()
    }

    /// The detail, when set or once localized.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// assert_eq!(FieldError::header("X", &field::REQUIRED).detail(), None);
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// Where the fault is.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// assert_eq!(FieldError::parameter("q", &field::REQUIRED).location().value(), "q");
    /// ```
    #[must_use]
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The argument `name` of the code's message.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError};
    ///
    /// let e = FieldError::parameter("q", &field::TOO_LONG).with_arg("max", 100);
    /// assert_eq!(e.arg("max"), Some(&serde_json::json!(100)));
    /// assert_eq!(e.arg("min"), None);
    /// ```
    #[must_use]
    pub fn arg(&self, name: &str) -> Option<&Value> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub(crate) fn args(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.args.iter().map(|(n, v)| (n.as_str(), v))
    }

    /// Reads an entry written by any RFC 9457 producer; `None` when it is not exactly a
    /// field error (so that the caller can keep the member as it was).
    pub(crate) fn from_json(value: &Value) -> Option<FieldError> {
        let object = value.as_object()?;
        let mut code = None;
        let mut detail = None;
        let mut location = None;
        let mut args = Vec::new();
        for (key, value) in object {
            if !ENTRY_MEMBERS.contains(&key.as_str()) {
                // Any other member is a message argument, as the renderer sends them.
                args.push((key.clone(), value.clone()));
                continue;
            }
            let text = value.as_str()?;
            match key.as_str() {
                "code" => code = Some(Code::try_from(text).ok()?),
                "detail" => detail = Some(text.to_owned()),
                _ if location.is_none() => {
                    location = Some(match key.as_str() {
                        "pointer" => Location::Pointer(text.parse().ok()?),
                        "parameter" => Location::Parameter(text.to_owned()),
                        _ => Location::Header(text.to_owned()),
                    });
                }
                _ => return None,
            }
        }
        let location = location?;
        // A plain-form pointer would be rewritten; keep such a member untouched instead.
        if let (Location::Pointer(p), Some(Value::String(raw))) = (&location, object.get("pointer"))
            && p.as_str() != raw
        {
            return None;
        }
        Some(FieldError {
            code,
            detail,
            location,
            args,
        })
    }
}

/// The members every entry has of its own; its arguments take the other names.
const ENTRY_MEMBERS: [&str; 5] = ["code", "detail", "pointer", "parameter", "header"];

impl serde::Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(code) = &self.code {
            map.serialize_entry("code", code.as_str())?;
        }
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        map.serialize_entry(self.location.member(), self.location.value())?;
        for (name, value) in &self.args {
            if !ENTRY_MEMBERS.contains(&name.as_str()) {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

/// A collector for field errors, so that a validator reports every failure at once.
///
/// # Examples
///
/// ```
/// use pardon::{builtin::field, FieldError, FieldErrors, JsonPointer};
///
/// let mut errors = FieldErrors::new();
/// let name = "";
/// let age = 12;
/// if name.trim().is_empty() {
///     errors.push(FieldError::pointer(JsonPointer::root().push("name"), &field::REQUIRED));
/// }
/// if !(18..=150).contains(&age) {
///     errors.push(
///         FieldError::pointer(JsonPointer::root().push("age"), &field::OUT_OF_RANGE)
///             .with_arg("min", 18)
///             .with_arg("max", 150),
///     );
/// }
/// let problem = errors.into_result().unwrap_err();
/// assert_eq!(problem.code().unwrap().as_str(), "VALIDATION_ERROR");
/// assert_eq!(problem.field_errors().len(), 2);
/// assert!(FieldErrors::new().into_result().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// An empty collector.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::FieldErrors::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> FieldErrors {
        FieldErrors(Vec::new())
    }

    /// Records one failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError, FieldErrors};
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.push(FieldError::parameter("id", &field::INVALID_TYPE));
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// How many failures were recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::FieldErrors::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing failed.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::FieldErrors::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The recorded failures, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError, FieldErrors};
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.push(FieldError::parameter("a", &field::REQUIRED));
    /// assert_eq!(errors.iter().next().unwrap().location().value(), "a");
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// `Ok` when nothing failed; otherwise a `VALIDATION_ERROR` problem with every failure.
    ///
    /// # Errors
    ///
    /// The `VALIDATION_ERROR` [`Problem`] when any failure was recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin::field, FieldError, FieldErrors};
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.push(FieldError::parameter("a", &field::REQUIRED));
    /// errors.push(FieldError::parameter("b", &field::REQUIRED));
    /// assert_eq!(errors.into_result().unwrap_err().field_errors().len(), 2);
    /// ```
    pub fn into_result(self) -> Result<(), Problem> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Problem::new(&builtin::VALIDATION_ERROR).with_field_errors(self))
        }
    }
}

impl Extend<FieldError> for FieldErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin::field;
    use serde_json::json;

    #[test]
    fn reads_rfc_style_entries() {
        let e = FieldError::from_json(&json!({"detail": "must be positive", "pointer": "#/age"}))
            .unwrap();
        assert_eq!(e.code(), None);
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"detail": "must be positive", "pointer": "#/age"})
        );
    }

    #[test]
    fn refuses_entries_that_are_not_exactly_field_errors() {
        for entry in [
            json!({"detail": "x"}),
            json!({"pointer": "#/a", "parameter": "a"}),
            json!({"pointer": "/a"}),
            json!({"pointer": "#/a", "code": "lower"}),
            json!({"pointer": 5}),
            json!("text"),
        ] {
            assert!(FieldError::from_json(&entry).is_none(), "{entry}");
        }
    }

    #[test]
    fn arguments_are_members_both_ways() {
        let e = FieldError::pointer(JsonPointer::root().push("age"), &field::OUT_OF_RANGE)
            .with_arg("min", 18)
            .with_arg("max", 150);
        let value = serde_json::to_value(&e).unwrap();
        assert_eq!(
            value,
            json!({"code": "OUT_OF_RANGE", "pointer": "#/age", "min": 18, "max": 150})
        );
        let back = FieldError::from_json(&value).unwrap();
        assert_eq!(back.arg("max"), Some(&json!(150)));
        assert_eq!(serde_json::to_value(&back).unwrap(), value);
    }

    #[test]
    fn serializes_code_detail_and_one_location() {
        let e = FieldError::header("If-Match", &field::REQUIRED).with_detail("needed");
        let text = serde_json::to_string(&e).unwrap();
        assert_eq!(
            text,
            r#"{"code":"REQUIRED","detail":"needed","header":"If-Match"}"#
        );
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            serde_json::to_value(&e).unwrap()
        );
    }
}
