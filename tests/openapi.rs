//! The demo's OpenAPI document against its contract: every outcome of the contract's
//! table is what the demo answers, and the document lists exactly those outcomes — each
//! route's successes and the problems it can answer, nothing it cannot.
#![cfg(all(
    feature = "actix",
    feature = "derive",
    feature = "validator",
    feature = "utoipa"
))]

mod contract;

// The example is included as a module: its `main` is unused here, its `pub` items local.
#[allow(dead_code, unreachable_pub)]
#[path = "../examples/server.rs"]
mod server;

use std::collections::BTreeSet;
use std::sync::Arc;

use actix_web::http::Method;
use actix_web::test::{self, TestRequest};
use actix_web::web;
use serde_json::Value;

const ORIGIN: &str = "http://localhost:8080";

/// A route, a method, a status and the problem's code (`None` for a success).
type Outcome = (String, String, u16, Option<String>);

#[actix_web::test]
async fn every_case_of_the_contract_answers_as_its_table_says() {
    let renderer = Arc::new(server::renderer(ORIGIN).expect("demo renderer"));
    for case in contract::cases() {
        // A fresh demo for each case: no case sees another's users, orders or windows.
        let app = test::init_service(server::app(
            web::Data::new(server::Store::default()),
            Arc::clone(&renderer),
        ))
        .await;
        let mut answer = None;
        for _ in 0..case.times {
            let method = Method::from_bytes(case.method.as_bytes()).expect("method");
            let mut request = TestRequest::default().method(method).uri(case.path);
            for &header in case.headers {
                request = request.insert_header(header);
            }
            if let Some(body) = case.body_bytes() {
                request = request.set_payload(body);
            }
            // A panic's answer comes back as the service's error, rendered.
            answer = Some(
                match test::try_call_service(&app, request.to_request()).await {
                    Ok(response) => (response.status().as_u16(), test::read_body(response).await),
                    Err(error) => {
                        let response = error.error_response();
                        let status = response.status().as_u16();
                        let body = actix_web::body::to_bytes(response.into_body()).await;
                        (status, body.unwrap_or_default())
                    }
                },
            );
        }
        let (status, body) = answer.expect("sent at least once");
        let what = format!("{} {} {:?}", case.method, case.path, case.headers);
        assert_eq!(
            status,
            case.status,
            "{what}: {}",
            String::from_utf8_lossy(&body)
        );
        let code = serde_json::from_slice::<Value>(&body)
            .ok()
            .filter(|_| status >= 400)
            .and_then(|json| json["code"].as_str().map(str::to_owned));
        assert_eq!(code.as_deref(), case.code, "{what}");
    }
}

#[test]
fn the_document_lists_every_outcome_of_the_contract_and_nothing_else() {
    let renderer = server::renderer(ORIGIN).expect("demo renderer");
    let document = server::openapi::document(&renderer).expect("every problem is registered");
    let document = serde_json::to_value(&document).expect("JSON");
    let documented = outcomes(&document);
    let table: BTreeSet<Outcome> = contract::cases()
        .iter()
        .map(|c| {
            (
                c.route.to_owned(),
                c.method.to_owned(),
                c.status,
                c.code.map(str::to_owned),
            )
        })
        .collect();
    let missing: Vec<&Outcome> = table.difference(&documented).collect();
    let extra: Vec<&Outcome> = documented.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "answered but not documented: {missing:#?}"
    );
    assert!(
        extra.is_empty(),
        "documented but never answered: {extra:#?}"
    );
}

/// Every outcome the document lists: a response that is a problem type's names its code,
/// one that is one of several names each, any other is a success.
fn outcomes(document: &Value) -> BTreeSet<Outcome> {
    let code_of = |reference: &Value| {
        reference
            .as_str()
            .and_then(|r| r.rsplit('/').next())
            .map(str::to_owned)
    };
    let mut outcomes = BTreeSet::new();
    for (route, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            let responses = operation["responses"].as_object().expect("responses");
            for (status, response) in responses {
                let status: u16 = status.parse().expect("a status");
                let schema = &response["content"]["application/problem+json"]["schema"];
                let codes: Vec<Option<String>> = if let Some(code) = code_of(&response["$ref"]) {
                    vec![Some(code)]
                } else if let Some(one_of) = schema["oneOf"].as_array() {
                    one_of.iter().map(|s| code_of(&s["$ref"])).collect()
                } else {
                    vec![None]
                };
                for code in codes {
                    outcomes.insert((route.clone(), method.to_uppercase(), status, code));
                }
            }
        }
    }
    outcomes
}

#[test]
fn every_problem_response_has_examples_in_every_locale_that_match_its_status() {
    let renderer = server::renderer(ORIGIN).expect("demo renderer");
    let document = server::openapi::document(&renderer).expect("every problem is registered");
    let document = serde_json::to_value(&document).expect("JSON");
    let components = &document["components"];
    let responses = components["responses"].as_object().expect("responses");
    assert_eq!(responses.len(), renderer.registry().types().count());
    for (code, response) in responses {
        let content = &response["content"]["application/problem+json"];
        let examples = content["examples"].as_object().expect("examples");
        let locales: Vec<&str> = examples.keys().map(|k| &k[code.len() + 1..]).collect();
        assert_eq!(locales, ["ar", "de", "en", "es", "fr"], "{code}");
        let status = renderer.registry().get(code).expect("registered").status();
        let titles: BTreeSet<String> = examples
            .values()
            .map(|example| {
                let name = example["$ref"].as_str().and_then(|r| r.rsplit('/').next());
                let value = &components["examples"][name.expect("a reference")]["value"];
                assert_eq!(value["code"], code.as_str());
                assert_eq!(value["status"], status.as_u16());
                value["title"].as_str().expect("a title").to_owned()
            })
            .collect();
        // Translated, not English copies: five locales, five titles.
        assert_eq!(titles.len(), 5, "{code}: {titles:?}");
        for format in [
            "application/json",
            "application/problem+xml",
            "text/plain",
            "text/html",
        ] {
            assert!(
                response["content"][format].is_object(),
                "{code} lacks {format}"
            );
        }
        for header in ["Content-Language", "Vary", "X-Request-ID"] {
            assert!(
                response["headers"][header].is_object(),
                "{code} lacks {header}"
            );
        }
    }
    let limited = &responses["RATE_LIMITED"]["headers"];
    assert!(limited["Retry-After"].is_object());
    let unauthorized = &responses["AUTH_REQUIRED"]["headers"];
    assert!(unauthorized["WWW-Authenticate"].is_object());
    let not_allowed = &responses["METHOD_NOT_ALLOWED"]["headers"];
    assert!(not_allowed["Allow"].is_object());
}

mod derived {
    use pardon::{Problem, Registry, Renderer, i18n::Messages};
    use serde_json::Value;
    use utoipa::OpenApi;

    /// Two types share a status: a route that answers either documents both under it.
    #[derive(Debug, Problem)]
    #[problem(openapi)]
    #[allow(dead_code)] // Only its types are used.
    enum ShopProblem {
        #[problem(status = 409, code = "SOLD_OUT")]
        SoldOut { product_id: u64 },
        #[problem(status = 409, code = "DISCONTINUED")]
        Discontinued,
        #[problem(status = 404, code = "NO_SUCH_SHOP")]
        NoSuchShop { shop: String, open: bool },
    }

    #[utoipa::path(get, path = "/shops/{shop}/buy", responses((status = 204, description = "Bought"), ShopProblem))]
    #[allow(dead_code)]
    fn buy() {}

    #[derive(OpenApi)]
    #[openapi(paths(buy))]
    struct ShopApi;

    fn renderer(register: bool) -> Renderer {
        let mut registry = Registry::with_builtins("https://shop.test/problems/").unwrap();
        if register {
            registry.register_set::<ShopProblem>().unwrap();
        }
        Renderer::new(registry, Messages::builder().build().unwrap())
    }

    #[test]
    fn a_derived_set_names_every_type_and_merges_those_that_share_a_status() {
        let mut document = ShopApi::openapi();
        pardon::openapi::add_problems(&mut document, &renderer(true)).unwrap();
        let json = serde_json::to_value(&document).unwrap();
        let responses = &json["paths"]["/shops/{shop}/buy"]["get"]["responses"];
        assert_eq!(responses["204"]["description"], "Bought");
        assert_eq!(
            responses["404"]["$ref"],
            "#/components/responses/NO_SUCH_SHOP"
        );
        let conflict = &responses["409"]["content"]["application/problem+json"];
        let refs: Vec<&str> = conflict["schema"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["$ref"].as_str())
            .collect();
        assert_eq!(
            refs,
            [
                "#/components/schemas/SOLD_OUT",
                "#/components/schemas/DISCONTINUED"
            ]
        );
        assert!(conflict["examples"]["SOLD_OUT.en"]["$ref"].is_string());
        assert!(conflict["examples"]["DISCONTINUED.en"]["$ref"].is_string());
        // Members keep the types of their fields; `type`, `code` and `status` are fixed.
        let narrowed = &json["components"]["schemas"]["NO_SUCH_SHOP"]["allOf"][1];
        let types = |member: &str| narrowed["properties"][member]["type"].clone();
        assert_eq!(types("shop"), serde_json::json!(["string", "null"]));
        assert_eq!(types("open"), serde_json::json!(["boolean", "null"]));
        assert_eq!(narrowed["properties"]["status"]["enum"][0], 404);
        assert_eq!(
            narrowed["properties"]["type"]["enum"][0],
            "https://shop.test/problems/no-such-shop"
        );
        // The example documents are the renderer's own.
        let example = &json["components"]["examples"]["SOLD_OUT.en"]["value"];
        assert_eq!(example["product_id"], 42);
        assert_eq!(example["instance"], "/example");
        assert_eq!(ShopProblem::SOLD_OUT.code().as_str(), "SOLD_OUT");
    }

    #[test]
    fn a_type_that_is_not_registered_is_an_error_that_names_it() {
        let mut document = ShopApi::openapi();
        let error = pardon::openapi::add_problems(&mut document, &renderer(false)).unwrap_err();
        assert_eq!(
            error.unregistered(),
            ["DISCONTINUED", "NO_SUCH_SHOP", "SOLD_OUT"]
        );
        assert!(error.taken().is_empty());
        // What was registered is complete all the same.
        let json: Value = serde_json::to_value(&document).unwrap();
        assert!(json["components"]["responses"]["ROUTE_NOT_FOUND"].is_object());
    }

    /// A variant named like its code keeps the name: no constant is declared for it.
    #[derive(Debug, Problem)]
    #[allow(dead_code, non_camel_case_types)]
    enum Legacy {
        #[problem(status = 410, code = "GONE_AWAY")]
        GONE_AWAY,
        #[problem(status = 409, code = "IN_USE")]
        InUse,
    }

    pardon::problem_responses! {
        /// Lists compose: a derived set, a constant and another list, in one.
        Composed = [..Legacy, pardon::builtin::CONFLICT, ..ShopProblem]
    }

    #[test]
    fn lists_compose_and_a_status_they_share_holds_every_type() {
        use utoipa::IntoResponses;
        let responses = Composed::responses();
        let codes = |status: &str| match &responses[status] {
            utoipa::openapi::RefOr::T(response) => response.description.clone(),
            utoipa::openapi::RefOr::Ref(_) => String::new(),
        };
        assert_eq!(
            codes("409"),
            "IN_USE or CONFLICT or SOLD_OUT or DISCONTINUED"
        );
        assert_eq!(codes("410"), "GONE_AWAY");
        assert_eq!(Legacy::IN_USE.status().as_u16(), 409);
        assert!(matches!(Legacy::GONE_AWAY, Legacy::GONE_AWAY));
    }

    #[test]
    fn type_docs_at_the_root_make_a_complete_document() {
        let renderer = Renderer::new(
            Registry::with_builtins("https://x.test/").unwrap(),
            Messages::builder().build().unwrap(),
        );
        let mut document = utoipa::openapi::OpenApiBuilder::new().build();
        pardon::openapi::add_type_docs(&mut document, &renderer);
        pardon::openapi::add_problems(&mut document, &renderer).unwrap();
        let json = serde_json::to_value(&document).unwrap();
        let schema = &json["paths"]["/{slug}"]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"]["$ref"];
        let name = schema.as_str().unwrap().rsplit('/').next().unwrap();
        assert!(json["components"]["schemas"][name].is_object(), "{name}");
    }
}
