//! [`OpenApiError`]: what keeps a document from being completed.

/// The error of [`add_problems`](super::add_problems): operations name problem types the
/// registry does not have (register them, or name others), or the document's components
/// already hold other definitions under the names pardon gives its own (`Problem`,
/// `FieldError`, a code…; rename the application's). Everything else is added all the same.
///
/// # Examples
///
/// ```
/// use pardon::{i18n::Messages, Code, ProblemType, Registry, Renderer};
/// use utoipa::openapi::{path::{HttpMethod, OperationBuilder, PathItem}, OpenApiBuilder, PathsBuilder, ResponsesBuilder};
///
/// const GONE: ProblemType = ProblemType::new(Code::from_static("GONE_FOR_GOOD"), 410);
/// let responses = ResponsesBuilder::new().responses_from_iter(pardon::openapi::responses_of([&GONE]));
/// let operation = OperationBuilder::new().responses(responses);
/// let paths = PathsBuilder::new().path("/a", PathItem::new(HttpMethod::Get, operation));
/// let mut document = OpenApiBuilder::new().paths(paths).build();
/// let renderer = Renderer::new(Registry::with_builtins("https://x.test/p/")?, Messages::builder().build()?);
/// let error = pardon::openapi::add_problems(&mut document, &renderer).unwrap_err();
/// assert_eq!(error.unregistered(), ["GONE_FOR_GOOD"]);
/// assert_eq!(error.to_string(), "the OpenAPI document names unregistered problem types: GONE_FOR_GOOD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenApiError {
    pub(super) unregistered: Vec<String>,
    pub(super) taken: Vec<String>,
}

impl OpenApiError {
    /// The codes operations name but the registry does not have, sorted.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{builtin, i18n::Messages, Registry, Renderer};
    /// use utoipa::openapi::{path::{HttpMethod, OperationBuilder, PathItem}, OpenApiBuilder, PathsBuilder};
    ///
    /// let paths = PathsBuilder::new().path("/a", PathItem::new(HttpMethod::Get, OperationBuilder::new()));
    /// let mut document = OpenApiBuilder::new().paths(paths).build();
    /// pardon::openapi::add_to_every_operation(&mut document, &[&builtin::RATE_LIMITED]);
    /// // A registry without the built-in types.
    /// let renderer = Renderer::new(Registry::new("https://x.test/p/")?, Messages::builder().build()?);
    /// let error = pardon::openapi::add_problems(&mut document, &renderer).unwrap_err();
    /// assert_eq!(error.unregistered(), ["RATE_LIMITED"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unregistered(&self) -> &[String] {
        &self.unregistered
    }

    /// The component names the application already used for something else, sorted (as
    /// `schemas/Problem`); the application's definitions were kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use pardon::{i18n::Messages, Registry, Renderer};
    /// use utoipa::openapi::{schema::{ObjectBuilder, Type}, ComponentsBuilder, OpenApiBuilder};
    ///
    /// let mine = ComponentsBuilder::new().schema("Problem", ObjectBuilder::new().schema_type(Type::String)).build();
    /// let mut document = OpenApiBuilder::new().components(Some(mine)).build();
    /// let renderer = Renderer::new(Registry::with_builtins("https://x.test/p/")?, Messages::builder().build()?);
    /// let error = pardon::openapi::add_problems(&mut document, &renderer).unwrap_err();
    /// assert_eq!(error.taken(), ["schemas/Problem"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn taken(&self) -> &[String] {
        &self.taken
    }
}

impl std::fmt::Display for OpenApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if !self.unregistered.is_empty() {
            parts.push(format!(
                "the OpenAPI document names unregistered problem types: {}",
                self.unregistered.join(", ")
            ));
        }
        if !self.taken.is_empty() {
            parts.push(format!(
                "its components already hold other definitions of: {}",
                self.taken.join(", ")
            ));
        }
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for OpenApiError {}
