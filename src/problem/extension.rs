//! Extension members: names checked against RFC 9457 §3.2, values kept as JSON.

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

/// Member names an extension can never take: the standard members, and the two this
/// crate types itself.
pub(crate) const RESERVED: [&str; 7] = [
    "type", "title", "status", "detail", "instance", "code", "errors",
];

/// Whether `name` may name an extension member: a letter, then letters, digits or `_`
/// ([RFC 9457 §3.2](https://www.rfc-editor.org/rfc/rfc9457#section-3.2)), so that XML can
/// carry it. The RFC's three-character minimum is only a SHOULD, so `id` is allowed.
pub(crate) fn is_extension_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The name of an extension member, checked when it is made — at compile time in a
/// `const` — so that adding the member cannot fail: see
/// [`Problem::with_member`](crate::Problem::with_member).
///
/// A name is a letter, then letters, digits or `_`
/// ([RFC 9457 §3.2](https://www.rfc-editor.org/rfc/rfc9457#section-3.2)), and not a
/// standard member, `code` or `errors`. For names known only at run time,
/// [`Problem::with_extension`](crate::Problem::with_extension) checks and may fail.
///
/// # Examples
///
/// ```
/// use pardon::{builtin, problem::MemberName, Problem};
///
/// const REQUIRED_ROLE: MemberName = MemberName::new("required_role");
///
/// let p = Problem::new(&builtin::INSUFFICIENT_PERMISSIONS).with_member(REQUIRED_ROLE, "admin");
/// assert_eq!(p.extension("required_role"), Some(&serde_json::json!("admin")));
/// assert!(std::panic::catch_unwind(|| MemberName::new("status")).is_err());
/// assert!(std::panic::catch_unwind(|| MemberName::new("not-a-name")).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemberName(&'static str);

impl MemberName {
    /// The name, checked.
    ///
    /// # Panics
    ///
    /// When `name` is not a letter followed by letters, digits or `_`, or is a standard
    /// member, `code` or `errors`; in a `const`, that is a compile error.
    ///
    /// # Examples
    ///
    /// ```
    /// const ID: pardon::problem::MemberName = pardon::problem::MemberName::new("id");
    /// assert_eq!(ID.as_str(), "id");
    /// ```
    #[must_use]
    pub const fn new(name: &'static str) -> MemberName {
        let bytes = name.as_bytes();
        assert!(
            !bytes.is_empty() && bytes[0].is_ascii_alphabetic(),
            "an extension member's name starts with a letter"
        );
        let mut i = 1;
        while i < bytes.len() {
            assert!(
                bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_',
                "an extension member's name is letters, digits and _"
            );
            i += 1;
        }
        let mut r = 0;
        while r < RESERVED.len() {
            assert!(
                !const_eq(RESERVED[r].as_bytes(), bytes),
                "a standard member, code or errors cannot be an extension member"
            );
            r += 1;
        }
        MemberName(name)
    }

    /// The name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::problem::MemberName::new("balance").as_str(), "balance");
    /// ```
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        self.0
    }
}

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Extension members in insertion order, each name at most once. Names of this crate's
/// own members (`request_id`, `retry_after`) are static: no allocation.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Extensions(Vec<(Cow<'static, str>, Value)>);

impl Extensions {
    /// Sets `name` to `value`, replacing an earlier value in place.
    pub(crate) fn set(&mut self, name: &str, value: Value) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.0.push((Cow::Owned(name.to_owned()), value)),
        }
    }

    /// [`Extensions::set`] for a name known at compile time.
    pub(crate) fn set_static(&mut self, name: &'static str, value: Value) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.0.push((Cow::Borrowed(name), value)),
        }
    }

    pub(crate) fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub(crate) fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.0.iter().position(|(n, _)| n == name)?;
        Some(self.0.remove(i).1)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(n, v)| (n.as_ref(), v))
    }
}

/// The error for an extension member that cannot be added.
///
/// # Examples
///
/// ```
/// use pardon::{builtin, Problem};
///
/// let err = Problem::new(&builtin::CONFLICT).with_extension("title", "x").unwrap_err();
/// assert_eq!(err.to_string(), "extension member `title` would overwrite a standard member");
/// let err = Problem::new(&builtin::CONFLICT).with_extension("2fa", true).unwrap_err();
/// assert!(err.to_string().contains("letter"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionError {
    name: String,
    kind: ExtensionErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExtensionErrorKind {
    InvalidName,
    Reserved,
    NotSerializable,
    NotAnObject,
}

impl ExtensionError {
    pub(crate) fn check_name(name: &str) -> Result<(), ExtensionError> {
        let kind = if !is_extension_name(name) {
            ExtensionErrorKind::InvalidName
        } else if RESERVED.contains(&name) {
            ExtensionErrorKind::Reserved
        } else {
            return Ok(());
        };
        Err(ExtensionError {
            name: name.chars().take(64).collect(),
            kind,
        })
    }

    pub(crate) fn not_serializable(name: &str) -> ExtensionError {
        ExtensionError {
            name: name.to_owned(),
            kind: ExtensionErrorKind::NotSerializable,
        }
    }

    pub(crate) fn not_an_object() -> ExtensionError {
        ExtensionError {
            name: String::new(),
            kind: ExtensionErrorKind::NotAnObject,
        }
    }

    /// The member name that was refused (empty when a whole value was refused).
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, Problem};
    ///
    /// let err = Problem::new(&builtin::CONFLICT).with_extension("a-b", 1).unwrap_err();
    /// assert_eq!(err.name(), "a-b");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for ExtensionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.name;
        match self.kind {
            ExtensionErrorKind::InvalidName => write!(
                f,
                "extension member name `{name}` must be a letter followed by letters, digits or `_`"
            ),
            ExtensionErrorKind::Reserved => write!(
                f,
                "extension member `{name}` would overwrite a standard member"
            ),
            ExtensionErrorKind::NotSerializable => {
                write!(
                    f,
                    "the value of extension member `{name}` cannot be serialized"
                )
            }
            ExtensionErrorKind::NotAnObject => {
                f.write_str("extension members must serialize to a JSON object")
            }
        }
    }
}

impl std::error::Error for ExtensionError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_rfc_9457_section_3_2() {
        for ok in ["id", "a", "balance", "retry_after", "x1", "Accounts"] {
            assert!(ExtensionError::check_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "1a", "_a", "a-b", "a b", "a.b", "café", "$a"] {
            assert!(ExtensionError::check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn standard_members_are_reserved() {
        for name in RESERVED {
            let err = ExtensionError::check_name(name).unwrap_err();
            assert_eq!(err.kind, ExtensionErrorKind::Reserved);
        }
    }

    #[test]
    fn set_replaces_in_place() {
        let mut e = Extensions::default();
        e.set("a", Value::from(1));
        e.set("b", Value::from(2));
        e.set("a", Value::from(3));
        let all: Vec<_> = e.iter().map(|(n, v)| (n.to_owned(), v.clone())).collect();
        assert_eq!(
            all,
            [("a".into(), Value::from(3)), ("b".into(), Value::from(2))]
        );
        assert_eq!(e.remove("a"), Some(Value::from(3)));
        assert!(e.get("a").is_none());
    }
}
