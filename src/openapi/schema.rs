//! JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of problem documents: the document
//! every problem is, its field-error entries, and one problem type's narrowing of it.

use std::borrow::Cow;

use serde_json::Value;
use utoipa::openapi::schema::{
    AllOfBuilder, ArrayBuilder, KnownFormat, Object, ObjectBuilder, OneOfBuilder, Schema,
    SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::catalog::{Example, ProblemType};
use crate::{FieldError, Problem, Registry};

/// The component name of the schema of [`Problem`](struct@Problem).
pub(super) const PROBLEM: &str = "Problem";
/// The component name of the schema of [`FieldError`].
pub(super) const FIELD_ERROR: &str = "FieldError";

/// A code as [`Code`](crate::Code) accepts it: UPPER_SNAKE_CASE, at most 64 characters.
const CODE_PATTERN: &str = "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$";

fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn uri_reference(description: &str) -> ObjectBuilder {
    string(description).format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
}

fn code(description: &str) -> ObjectBuilder {
    string(description)
        .pattern(Some(CODE_PATTERN))
        .max_length(Some(64))
}

/// The problem details document of RFC 9457: the standard members as its
/// [Appendix A](https://www.rfc-editor.org/rfc/rfc9457#appendix-A) describes them, pardon's `code`, `request_id` and `errors`, and any extension member.
///
/// # Examples
///
/// ```
/// use utoipa::PartialSchema;
///
/// let schema = serde_json::to_value(pardon::Problem::schema())?;
/// assert_eq!(schema["properties"]["status"]["maximum"], 599);
/// assert_eq!(schema["properties"]["errors"]["items"]["$ref"], "#/components/schemas/FieldError");
/// # Ok::<(), serde_json::Error>(())
/// ```
impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .title(Some("Problem"))
            .description(Some(
                "A problem details document (RFC 9457): what went wrong, for programs (`type`, \
                 `code`, `status`) and for people (`title`, `detail`, in the negotiated \
                 language). Members beyond these are the problem type's own.",
            ))
            .property(
                "type",
                uri_reference(
                    "The problem type, a URI whose page documents it; `about:blank` when absent.",
                )
                .default(Some(Value::from("about:blank"))),
            )
            .property(
                "title",
                string("A short summary of the problem type, in the response's language."),
            )
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                    .minimum(Some(100))
                    .maximum(Some(599))
                    .description(Some("The HTTP status code of the response.")),
            )
            .property(
                "detail",
                string("What happened this time, in the response's language."),
            )
            .property(
                "instance",
                uri_reference("The occurrence: the path of the request that failed."),
            )
            .property(
                "code",
                code("The problem type's stable code, the key of its messages."),
            )
            .property(
                "request_id",
                string("The request's id, as in the `X-Request-ID` header."),
            )
            .property(
                "errors",
                ArrayBuilder::new()
                    .items(Ref::from_schema_name(FIELD_ERROR))
                    .description(Some("Every field that failed, with where and why.")),
            )
            .into()
    }
}

/// Named `Problem` in a document's components.
///
/// # Examples
///
/// ```
/// use utoipa::ToSchema;
///
/// assert_eq!(pardon::Problem::name(), "Problem");
/// ```
impl ToSchema for Problem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(PROBLEM)
    }
}

/// An entry of `errors`: a `code`, a localized `detail`, the arguments of its message, and
/// where: exactly one of `pointer` (a JSON Pointer into the body, as a URI fragment),
/// `parameter` or `header`.
///
/// # Examples
///
/// ```
/// use utoipa::PartialSchema;
///
/// let schema = serde_json::to_value(pardon::FieldError::schema())?;
/// assert_eq!(schema["allOf"][0]["required"], serde_json::json!(["code"]));
/// assert_eq!(schema["allOf"][1]["oneOf"].as_array().map(Vec::len), Some(3));
/// # Ok::<(), serde_json::Error>(())
/// ```
impl PartialSchema for FieldError {
    fn schema() -> RefOr<Schema> {
        let only = |member: &str| ObjectBuilder::new().required(member);
        let members = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("code", code("The field error's stable code."))
            .property(
                "detail",
                string("What is wrong with the field, in the response's language."),
            )
            .property(
                "pointer",
                string("A JSON Pointer into the request body, as a URI fragment: `#/age`."),
            )
            .property(
                "parameter",
                string("The name of a path or query parameter."),
            )
            .property("header", string("The name of a request header."))
            .required("code");
        AllOfBuilder::new()
            .title(Some("FieldError"))
            .description(Some(
                "One field that failed: where (exactly one of `pointer`, `parameter`, \
                 `header`) and why (`code`, and `detail` in the response's language). \
                 Other members are the arguments of its message, such as `min`.",
            ))
            .item(members)
            .item(
                OneOfBuilder::new()
                    .item(only("pointer"))
                    .item(only("parameter"))
                    .item(only("header")),
            )
            .into()
    }
}

/// Named `FieldError` in a document's components.
///
/// # Examples
///
/// ```
/// use utoipa::ToSchema;
///
/// assert_eq!(pardon::FieldError::name(), "FieldError");
/// ```
impl ToSchema for FieldError {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(FIELD_ERROR)
    }
}

/// The schema of one problem type's documents: [`Problem`](struct@Problem) with `type`,
/// `code` and `status` fixed to the type's, and its arguments as members with their JSON
/// types (from the type's examples; any JSON value without one), or null. Arguments are
/// not required: a type declared by hand may leave one out.
pub(super) fn type_schema(registry: &Registry, problem_type: &ProblemType) -> Schema {
    let code = problem_type.code().as_str();
    let uri = registry.type_uri(problem_type);
    let mut narrowed = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property(
            "type",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([uri.as_str()])),
        )
        .property(
            "code",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([code])),
        )
        .required("type")
        .required("code");
    if registry.status_member() {
        narrowed = narrowed
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .enum_values(Some([problem_type.status().as_u16()])),
            )
            .required("status");
    }
    for arg in problem_type.args() {
        // Or null: a derived type's `Option` field that is `None` is sent as null.
        let typed = |t: Type| Object::with_type(SchemaType::Array(vec![t, Type::Null]));
        let schema = match problem_type.example(arg) {
            Some(Example::Integer(_)) => typed(Type::Integer),
            Some(Example::Text(_)) => typed(Type::String),
            Some(Example::Bool(_)) => typed(Type::Boolean),
            // Any JSON value: a schema without a type.
            _ => Object::with_type(SchemaType::AnyValue),
        };
        narrowed = narrowed.property(*arg, schema);
    }
    AllOfBuilder::new()
        .title(Some(code))
        .item(Ref::from_schema_name(PROBLEM))
        .item(narrowed)
        .build()
        .into()
}
