//! The operations of the type documentation the adapters serve under the registry's base
//! path: the catalogue, each type's page or entry, each locale's Fluent source and the
//! TypeScript declarations.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{
    ContentBuilder, OpenApi, Ref, RefOr, Required, ResponseBuilder, ResponsesBuilder,
};

use super::responses_of;
use crate::Renderer;
use crate::builtin;

/// The component names of the catalogue's schemas.
const CATALOGUE: &str = "ProblemCatalogue";
const CATALOGUE_ENTRY: &str = "ProblemCatalogueEntry";

/// Adds the operations of the type documentation (served by `pardon::actix::type_docs`
/// under the path of the registry's base URI) to `openapi`, with the schemas of the
/// catalogue: `GET {base}` (the catalogue, JSON or an HTML index), `GET {base}{slug}` (a
/// type's page, or its catalogue entry as JSON), `GET {base}messages/{locale}.ftl` (a
/// locale's Fluent source) and, with the feature `typescript`, `GET {base}problems.d.ts`.
/// With the base at the root of its origin, only the type pages. Call it before
/// [`add_problems`](super::add_problems), which completes their problem responses.
///
/// # Examples
///
/// ```
/// use pardon::{i18n::Messages, Registry, Renderer};
/// use utoipa::openapi::OpenApiBuilder;
///
/// let renderer = Renderer::new(Registry::with_builtins("https://api.example/problems/")?, Messages::builder().build()?);
/// let mut document = OpenApiBuilder::new().build();
/// pardon::openapi::add_type_docs(&mut document, &renderer);
/// pardon::openapi::add_problems(&mut document, &renderer)?;
/// let json = serde_json::to_value(&document)?;
/// let page = &json["paths"]["/problems/{slug}"]["get"];
/// assert!(page["responses"]["200"]["content"]["text/html"].is_object());
/// assert_eq!(page["responses"]["404"]["$ref"], "#/components/responses/ROUTE_NOT_FOUND");
/// assert!(json["paths"]["/problems/messages/{locale}.ftl"]["get"].is_object());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_type_docs(openapi: &mut OpenApi, renderer: &Renderer) {
    let base = renderer.registry().base_path().to_owned();
    let not_found = || responses_of([&builtin::ROUTE_NOT_FOUND]);
    let slugs: Vec<String> = renderer.registry().types().map(|t| t.slug()).collect();
    let slug = ParameterBuilder::new()
        .name("slug")
        .parameter_in(ParameterIn::Path)
        .required(Required::True)
        .description(Some("The last segment of a problem type's `type` URI."))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$"))
                .examples(slugs.first().cloned()),
        ));
    let page = OperationBuilder::new()
        .operation_id(Some("problemTypePage"))
        .tag("problem types")
        .summary(Some("A problem type's documentation"))
        .description(Some(
            "The page of a problem type, in the language of `Accept-Language`; its \
             catalogue entry for a client that prefers `application/json`.",
        ))
        .parameter(slug)
        .responses(
            ResponsesBuilder::new()
                .response(
                    "200",
                    page_or_json("The type's page or catalogue entry", CATALOGUE_ENTRY),
                )
                .responses_from_iter(not_found()),
        );
    add_catalogue_schemas(openapi);
    if base == "/" {
        openapi
            .paths
            .add_path_operation("/{slug}", vec![HttpMethod::Get], page);
        return;
    }
    let index = OperationBuilder::new()
        .operation_id(Some("problemCatalogue"))
        .tag("problem types")
        .summary(Some("Every problem type and field code"))
        .description(Some(
            "The catalogue, localized: JSON for a client that prefers `application/json`, \
             else an HTML index of the type pages.",
        ))
        .responses(
            ResponsesBuilder::new().response("200", page_or_json("The catalogue", CATALOGUE)),
        );
    let locale = ParameterBuilder::new()
        .name("locale")
        .parameter_in(ParameterIn::Path)
        .required(Required::True)
        .description(Some("A locale the server has."))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(renderer.messages().locales())),
        ));
    let if_none_match = ParameterBuilder::new()
        .name("If-None-Match")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some("The entity tag of a copy the client has."))
        .schema(Some(string()));
    let etag = || {
        HeaderBuilder::new()
            .schema(Some(string()))
            .description(Some("A strong entity tag of the source."))
            .build()
    };
    let messages = OperationBuilder::new()
        .operation_id(Some("problemMessages"))
        .tag("problem types")
        .summary(Some("A locale's Fluent messages"))
        .description(Some(
            "The Fluent source of a locale as the server uses it, for a frontend's own bundle.",
        ))
        .parameter(locale)
        .parameter(if_none_match)
        .responses(
            ResponsesBuilder::new()
                .response(
                    "200",
                    ResponseBuilder::new()
                        .description("The Fluent source")
                        .content(
                            "text/plain",
                            ContentBuilder::new().schema(Some(string())).build(),
                        )
                        .header("ETag", etag()),
                )
                .response(
                    "304",
                    ResponseBuilder::new()
                        .description("The client's copy is current")
                        .header("ETag", etag()),
                )
                .responses_from_iter(not_found()),
        );
    let paths = &mut openapi.paths;
    paths.add_path_operation(base.trim_end_matches('/'), vec![HttpMethod::Get], index);
    paths.add_path_operation(
        format!("{base}messages/{{locale}}.ftl"),
        vec![HttpMethod::Get],
        messages,
    );
    #[cfg(feature = "typescript")]
    paths.add_path_operation(
        format!("{base}problems.d.ts"),
        vec![HttpMethod::Get],
        OperationBuilder::new()
            .operation_id(Some("problemDeclarations"))
            .tag("problem types")
            .summary(Some("TypeScript declarations of every problem type"))
            .responses(
                ResponsesBuilder::new().response(
                    "200",
                    ResponseBuilder::new()
                        .description("A `.d.ts` module; its `Problem` is discriminated by `code`")
                        .content(
                            "application/typescript",
                            ContentBuilder::new().schema(Some(string())).build(),
                        ),
                ),
            ),
    );
    paths.add_path_operation(format!("{base}{{slug}}"), vec![HttpMethod::Get], page);
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// A 200 in the negotiated language: an HTML page, or for a client that prefers JSON the
/// document of schema `json_schema`.
fn page_or_json(description: &str, json_schema: &str) -> ResponseBuilder {
    let header = |name: &str| Ref::new(format!("#/components/headers/{name}"));
    ResponseBuilder::new()
        .description(description)
        .header_ref("Content-Language", header("Content-Language"))
        .header_ref("Vary", header("Vary"))
        .content(
            "text/html",
            ContentBuilder::new().schema(Some(string())).build(),
        )
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(json_schema)))
                .build(),
        )
}

fn add_catalogue_schemas(openapi: &mut OpenApi) {
    let text_or_null = || {
        ObjectBuilder::new()
            .schema_type(SchemaType::Array(vec![Type::String, Type::Null]))
            .description(Some("In the negotiated language; null without a message."))
    };
    let names = || ArrayBuilder::new().items(string());
    let entry = ObjectBuilder::new()
        .schema_type(Type::Object)
        .title(Some("ProblemCatalogueEntry"))
        .property("code", string())
        .property(
            "type",
            string().format(Some(utoipa::openapi::schema::SchemaFormat::Custom(
                "uri".to_owned(),
            ))),
        )
        .property("status", ObjectBuilder::new().schema_type(Type::Integer))
        .property("title", text_or_null())
        .property("description", text_or_null())
        .property("args", names())
        .property("headers", names())
        .required("code")
        .required("type")
        .required("status")
        .required("args")
        .required("headers");
    let field_code = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("code", string())
        .property("title", text_or_null())
        .property("args", names())
        .required("code")
        .required("args");
    let catalogue = ObjectBuilder::new()
        .schema_type(Type::Object)
        .title(Some("ProblemCatalogue"))
        .property(
            "problems",
            ArrayBuilder::new().items(Ref::from_schema_name(CATALOGUE_ENTRY)),
        )
        .property("field_codes", ArrayBuilder::new().items(field_code))
        .required("problems")
        .required("field_codes");
    let components = openapi
        .components
        .get_or_insert_with(utoipa::openapi::Components::new);
    components
        .schemas
        .insert(CATALOGUE_ENTRY.to_owned(), RefOr::T(entry.build().into()));
    components
        .schemas
        .insert(CATALOGUE.to_owned(), RefOr::T(catalogue.build().into()));
}
