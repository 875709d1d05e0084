//! [`Registry`]: the problem types and field-error codes an application answers with.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use crate::word_hash;

use super::{
    Code, FieldCode, ProblemSet, ProblemType, TypeUri, builtin, type_uri::is_uri_reference,
};

/// The problem types and field-error codes of an application, filled once at start-up,
/// and the settings every problem response shares.
///
/// A type's `type` URI is the base URI plus its slug. The same code twice — as a type or
/// as a field-error code — is a start-up error naming the code.
///
/// # Examples
///
/// ```
/// use http::StatusCode;
/// use pardon::{Code, ProblemType, Registry};
///
/// const USER_NOT_FOUND: ProblemType =
///     ProblemType::new(Code::from_static("USER_NOT_FOUND"), 404);
///
/// let mut registry = Registry::with_builtins("https://api.example.com/problems/")?;
/// registry.register(USER_NOT_FOUND)?;
/// assert_eq!(
///     registry.type_uri(&USER_NOT_FOUND).as_str(),
///     "https://api.example.com/problems/user-not-found"
/// );
/// let again = registry.register(USER_NOT_FOUND).unwrap_err();
/// assert_eq!(again.to_string(), "problem code USER_NOT_FOUND is registered twice");
/// # Ok::<(), pardon::catalog::RegistryError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Registry {
    base_uri: String,
    realm: String,
    status_member: bool,
    types: Vec<ProblemType>,
    /// The `type` URI of each type, resolved once at registration.
    uris: Vec<TypeUri>,
    field_codes: Vec<FieldCode>,
    by_code: HashMap<Code, Entry, BuildHasherDefault<CodeHasher>>,
}

/// A hash of a code's length and first and last eight bytes ([`crate::word_hash`]).
/// Codes are short, and the map is filled by the application alone (a client can look up
/// but never insert), so a keyed hash buys nothing on this path; two codes alike in those
/// bytes only share a bucket.
#[derive(Default)]
struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = word_hash::mix_ends(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[derive(Debug, Clone, Copy)]
enum Entry {
    Type(usize),
    Field(usize),
}

impl Registry {
    /// An empty registry whose type URIs start with `base_uri` (an absolute URI; a `/` is
    /// added when it ends otherwise).
    ///
    /// # Errors
    ///
    /// [`RegistryError`] when `base_uri` is not an absolute URI.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::Registry;
    ///
    /// let registry = Registry::new("https://example.com/problems")?;
    /// assert_eq!(registry.base_uri(), "https://example.com/problems/");
    /// assert!(Registry::new("/problems/").is_err());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn new(base_uri: &str) -> Result<Registry, RegistryError> {
        let absolute = base_uri
            .parse::<TypeUri>()
            .is_ok_and(|uri| uri.is_absolute())
            && !base_uri.contains(['?', '#']);
        if !absolute {
            return Err(RegistryError::InvalidBaseUri(base_uri.to_owned()));
        }
        let mut base = base_uri.to_owned();
        if !base.ends_with('/') && !base.ends_with(':') {
            base.push('/');
        }
        Ok(Registry {
            base_uri: base,
            realm: "api".to_owned(),
            status_member: true,
            types: Vec::new(),
            uris: Vec::new(),
            field_codes: Vec::new(),
            by_code: HashMap::default(),
        })
    }

    /// A registry holding every built-in problem type and field-error code
    /// ([`builtin`](crate::builtin)).
    ///
    /// # Errors
    ///
    /// [`RegistryError`] when `base_uri` is not an absolute URI.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::with_builtins("https://example.com/problems/")?;
    /// assert!(registry.get("RATE_LIMITED").is_some());
    /// assert!(registry.field_code("REQUIRED").is_some());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn with_builtins(base_uri: &str) -> Result<Registry, RegistryError> {
        let mut registry = Registry::new(base_uri)?;
        for t in builtin::ALL {
            registry.register(t)?;
        }
        for c in builtin::field::ALL {
            registry.register_field_code(c)?;
        }
        Ok(registry)
    }

    /// Sets the `realm` of the Bearer challenge that every 401 carries (default `api`).
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::new("https://example.com/p/")?.with_realm("shop");
    /// assert_eq!(registry.realm(), "shop");
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn with_realm(mut self, realm: impl Into<String>) -> Registry {
        self.realm = realm.into();
        self
    }

    /// Whether problem bodies repeat the HTTP status in a `status` member (default `true`).
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::new("https://example.com/p/")?.with_status_member(false);
    /// assert!(!registry.status_member());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn with_status_member(mut self, include: bool) -> Registry {
        self.status_member = include;
        self
    }

    /// Adds a problem type.
    ///
    /// # Errors
    ///
    /// [`RegistryError`] naming the code when it is already registered, as a problem type
    /// or as a field-error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use http::StatusCode;
    /// use pardon::{Code, ProblemType, Registry};
    ///
    /// let mut registry = Registry::with_builtins("https://example.com/p/")?;
    /// let clash = ProblemType::new(Code::from_static("RATE_LIMITED"), 403);
    /// assert!(registry.register(clash).is_err());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn register(&mut self, problem_type: ProblemType) -> Result<(), RegistryError> {
        self.claim(problem_type.code(), Entry::Type(self.types.len()))?;
        self.uris.push(self.uri_of(&problem_type));
        self.types.push(problem_type);
        Ok(())
    }

    /// Adds a field-error code. Its arguments are sent as members of each entry with that
    /// code, so none may be named like the entry's own members (`code`, `detail`,
    /// `pointer`, `parameter`, `header`).
    ///
    /// # Errors
    ///
    /// [`RegistryError`] naming the code when it is already registered, or an argument
    /// that would clash with an entry's own member.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{catalog::FieldCode, Code, Registry};
    ///
    /// let mut registry = Registry::with_builtins("https://example.com/p/")?;
    /// registry.register_field_code(FieldCode::new(Code::from_static("NOT_A_COLOUR")))?;
    /// assert!(registry.register_field_code(pardon::builtin::field::REQUIRED).is_err());
    /// let clash = FieldCode::new(Code::from_static("BAD_ARGS")).with_args(&["detail"]);
    /// assert!(registry.register_field_code(clash).is_err());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn register_field_code(&mut self, field_code: FieldCode) -> Result<(), RegistryError> {
        const ENTRY_MEMBERS: [&str; 5] = ["code", "detail", "pointer", "parameter", "header"];
        if let Some(clash) = field_code.args().iter().find(|a| ENTRY_MEMBERS.contains(a)) {
            return Err(RegistryError::ArgumentClash(
                field_code.code().clone(),
                (*clash).to_owned(),
            ));
        }
        self.claim(field_code.code(), Entry::Field(self.field_codes.len()))?;
        self.field_codes.push(field_code);
        Ok(())
    }

    /// Registers every problem type of a [`ProblemSet`] (such as a `#[derive(Problem)]`
    /// enum). A member that stands for a built-in type is not a duplicate: the built-in
    /// is registered if it is not already.
    ///
    /// # Errors
    ///
    /// [`RegistryError`] naming the code when one is already registered, or when a member
    /// redefines a built-in code with another status.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{Problem, Registry};
    ///
    /// #[derive(Debug, Problem)]
    /// enum Failure {
    ///     #[problem(status = 500, code = "INTERNAL_ERROR")]
    ///     Database(#[source] std::io::Error),
    ///     #[problem(status = 410, code = "ORDER_ARCHIVED")]
    ///     Archived,
    /// }
    ///
    /// let mut registry = Registry::with_builtins("https://example.com/problems/")?;
    /// registry.register_set::<Failure>()?;
    /// assert!(registry.get("ORDER_ARCHIVED").is_some());
    /// assert!(registry.register_set::<Failure>().is_err());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn register_set<T: ProblemSet>(&mut self) -> Result<(), RegistryError> {
        for problem_type in T::problem_types() {
            let code = problem_type.code();
            match builtin::ALL.iter().find(|b| b.code() == code) {
                Some(b) if b.status() != problem_type.status() => {
                    return Err(RegistryError::RedefinedBuiltin(code.clone()));
                }
                Some(b) => {
                    if self.get(code.as_str()).is_none() {
                        self.register(b.clone())?;
                    }
                }
                None => self.register(problem_type.clone())?,
            }
        }
        Ok(())
    }

    fn claim(&mut self, code: &Code, entry: Entry) -> Result<(), RegistryError> {
        if self.by_code.contains_key(code) {
            return Err(RegistryError::Duplicate(code.clone()));
        }
        self.by_code.insert(code.clone(), entry);
        Ok(())
    }

    /// The problem type registered under `code`.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::with_builtins("https://example.com/p/")?;
    /// assert_eq!(registry.get("INTERNAL_ERROR").map(|t| t.status().as_u16()), Some(500));
    /// assert!(registry.get("NO_SUCH_CODE").is_none());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&ProblemType> {
        match self.lookup(code)? {
            Entry::Type(i) => self.types.get(i),
            Entry::Field(_) => None,
        }
    }

    /// The field-error code registered as `code`.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::with_builtins("https://example.com/p/")?;
    /// assert_eq!(registry.field_code("TOO_SHORT").map(|c| c.args()), Some(&["min"][..]));
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn field_code(&self, code: &str) -> Option<&FieldCode> {
        match self.lookup(code)? {
            Entry::Field(i) => self.field_codes.get(i),
            Entry::Type(_) => None,
        }
    }

    fn lookup(&self, code: &str) -> Option<Entry> {
        self.by_code.get(code).copied()
    }

    /// The problem type whose URI ends in `slug`, for serving its documentation.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::with_builtins("https://example.com/p/")?;
    /// assert_eq!(
    ///     registry.by_slug("rate-limited").map(|t| t.code().as_str()),
    ///     Some("RATE_LIMITED")
    /// );
    /// assert!(registry.by_slug("RATE_LIMITED").is_none());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn by_slug(&self, slug: &str) -> Option<&ProblemType> {
        if slug.bytes().any(|b| b.is_ascii_uppercase() || b == b'_') {
            return None;
        }
        self.get(&slug.to_ascii_uppercase().replace('-', "_"))
    }

    /// Every registered problem type, in registration order.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::with_builtins("https://example.com/p/")?;
    /// assert_eq!(registry.types().count(), pardon::builtin::ALL.len());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn types(&self) -> impl Iterator<Item = &ProblemType> {
        self.types.iter()
    }

    /// Every registered field-error code, in registration order.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::with_builtins("https://example.com/p/")?;
    /// assert_eq!(registry.field_codes().count(), pardon::builtin::field::ALL.len());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    pub fn field_codes(&self) -> impl Iterator<Item = &FieldCode> {
        self.field_codes.iter()
    }

    /// The `type` URI of `problem_type`: the base URI plus its slug.
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::new("urn:example:problem:")?;
    /// let uri = registry.type_uri(&pardon::builtin::CONFLICT);
    /// assert_eq!(uri.as_str(), "urn:example:problem:conflict");
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn type_uri(&self, problem_type: &ProblemType) -> TypeUri {
        self.registered(problem_type)
            .map(|(_, uri)| uri.clone())
            .unwrap_or_else(|| self.uri_of(problem_type))
    }

    /// The type registered under `problem_type`'s code: its index in registration order
    /// (as [`Registry::types`] lists them) and the URI resolved when it was registered.
    pub(crate) fn registered(&self, problem_type: &ProblemType) -> Option<(usize, &TypeUri)> {
        match self.lookup(problem_type.code().as_str())? {
            Entry::Type(i) => Some((i, self.uris.get(i)?)),
            Entry::Field(_) => None,
        }
    }

    /// Every registered type with its URI, in registration order.
    pub(crate) fn types_with_uris(&self) -> impl Iterator<Item = (&ProblemType, &TypeUri)> {
        self.types.iter().zip(&self.uris)
    }

    fn uri_of(&self, problem_type: &ProblemType) -> TypeUri {
        let uri = format!("{}{}", self.base_uri, problem_type.slug());
        debug_assert!(is_uri_reference(&uri));
        TypeUri::try_from(uri).unwrap_or(TypeUri::ABOUT_BLANK)
    }

    /// The base of every type URI, ending in `/` (or `:` for a URN base).
    ///
    /// # Examples
    ///
    /// ```
    /// let registry = pardon::Registry::new("https://example.com/p/")?;
    /// assert_eq!(registry.base_uri(), "https://example.com/p/");
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn base_uri(&self) -> &str {
        &self.base_uri
    }

    /// The path part of an `http(s)` base URI, where the type documentation is served;
    /// `/problems/` for any other scheme.
    #[cfg(any(feature = "actix", feature = "axum", feature = "utoipa"))]
    pub(crate) fn base_path(&self) -> &str {
        self.base_uri()
            .split_once("://")
            .filter(|(scheme, _)| {
                scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
            })
            .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
            .unwrap_or("/problems/")
    }

    /// The realm of the Bearer challenge on every 401.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(pardon::Registry::new("https://example.com/p/")?.realm(), "api");
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn realm(&self) -> &str {
        &self.realm
    }

    /// Whether problem bodies carry the `status` member.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(pardon::Registry::new("https://example.com/p/")?.status_member());
    /// # Ok::<(), pardon::catalog::RegistryError>(())
    /// ```
    #[must_use]
    pub fn status_member(&self) -> bool {
        self.status_member
    }
}

/// The error for a registry that cannot be built as asked.
///
/// # Examples
///
/// ```
/// let err = pardon::Registry::new("not absolute").unwrap_err();
/// assert_eq!(err.to_string(), "base URI `not absolute` is not an absolute URI");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegistryError {
    /// The code is already registered.
    Duplicate(Code),
    /// The base URI is not an absolute URI without query or fragment.
    InvalidBaseUri(String),
    /// A built-in code is given another status.
    RedefinedBuiltin(Code),
    /// A field code declares an argument named like a member of every entry.
    ArgumentClash(Code, String),
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryError::Duplicate(code) => {
                write!(f, "problem code {code} is registered twice")
            }
            RegistryError::InvalidBaseUri(uri) => {
                write!(f, "base URI `{uri}` is not an absolute URI")
            }
            RegistryError::ArgumentClash(code, argument) => write!(
                f,
                "field code {code} declares the argument `{argument}`, which every entry already has as a member"
            ),
            RegistryError::RedefinedBuiltin(code) => {
                write!(
                    f,
                    "built-in problem code {code} is redefined with another status"
                )
            }
        }
    }
}

impl std::error::Error for RegistryError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_either_a_type_or_a_field_code_once() {
        let mut r = Registry::with_builtins("https://x.test/p/").unwrap();
        let as_type = ProblemType::new(Code::from_static("REQUIRED"), 400);
        assert_eq!(
            r.register(as_type),
            Err(RegistryError::Duplicate(Code::from_static("REQUIRED")))
        );
        let as_field = FieldCode::new(Code::from_static("CONFLICT"));
        assert!(r.register_field_code(as_field).is_err());
        assert!(r.get("REQUIRED").is_none());
        assert!(r.field_code("CONFLICT").is_none());
    }

    #[test]
    fn base_uri_must_be_absolute_without_fragment() {
        assert!(Registry::new("https://x.test/p?x=1").is_err());
        assert!(Registry::new("https://x.test/p#x").is_err());
        assert!(Registry::new("relative/").is_err());
        assert!(Registry::new("tag:x.test,2024:").is_ok());
    }

    #[test]
    fn lookups_by_malformed_codes_find_nothing() {
        let r = Registry::with_builtins("https://x.test/p/").unwrap();
        assert!(r.get("rate_limited").is_none());
        assert!(r.by_slug("").is_none());
        assert!(r.by_slug("rate--limited").is_none());
    }

    #[test]
    #[cfg(any(feature = "actix", feature = "axum", feature = "utoipa"))]
    fn base_path_is_the_uri_path() {
        let path = |uri: &str| Registry::new(uri).map(|r| r.base_path().to_owned()).ok();
        assert_eq!(
            path("http://localhost:8080/problems/").as_deref(),
            Some("/problems/")
        );
        assert_eq!(
            path("https://api.example.com/v1/errors/").as_deref(),
            Some("/v1/errors/")
        );
        assert_eq!(path("urn:example:").as_deref(), Some("/problems/"));
    }
}
