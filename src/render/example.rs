//! The example document of a problem type, as its documentation (the type page, the
//! OpenAPI examples) shows it.

use super::Renderer;
#[cfg(feature = "utoipa")]
use super::renderer::Negotiated;
use crate::catalog::{ProblemType, builtin};
#[cfg(feature = "utoipa")]
use crate::i18n::Locale;
#[cfg(feature = "utoipa")]
use crate::negotiate::Format;
use crate::{FieldError, JsonPointer, Problem};

impl Renderer {
    /// A problem of `problem_type` at `/example`, its arguments set to the type's example
    /// values (as members where they can be), and for `VALIDATION_ERROR` one field error.
    pub(crate) fn example_problem(&self, problem_type: &ProblemType) -> Problem {
        let mut example = Problem::new(problem_type).with_instance("/example");
        for arg in problem_type.args() {
            let Some(value) = problem_type.example(arg) else {
                continue;
            };
            example = match example.clone().with_extension(arg, value.to_json()) {
                Ok(with_member) => with_member,
                Err(_) => example.with_arg(arg, value.to_json()),
            };
        }
        if problem_type.code() == builtin::VALIDATION_ERROR.code() {
            example = example.with_field_error(FieldError::pointer(
                JsonPointer::root().push("email"),
                &builtin::field::INVALID_FORMAT,
            ));
        }
        example
    }

    /// The body of `problem` in `format` and `locale`.
    #[cfg(feature = "utoipa")]
    pub(crate) fn render_example(
        &self,
        problem: &Problem,
        format: Format,
        locale: Locale,
    ) -> Vec<u8> {
        self.render_negotiated(problem, Negotiated::new(Some(format), locale))
            .into_body()
    }
}
