//! The RFC's own example documents, read and written back without loss.

use pardon::{Problem, builtin};
use serde_json::{Value, json};

fn round_trip(doc: &Value) -> Value {
    let problem: Problem = serde_json::from_value(doc.clone()).expect("a problem document");
    serde_json::to_value(&problem).expect("serializable")
}

#[test]
fn out_of_credit_example_round_trips() {
    // RFC 9457 §3, the first example.
    let doc = json!({
        "type": "https://example.com/probs/out-of-credit",
        "title": "You do not have enough credit.",
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["/account/12345", "/account/67890"]
    });
    assert_eq!(round_trip(&doc), doc);
    let problem: Problem = serde_json::from_value(doc).unwrap();
    assert_eq!(
        problem.type_uri().as_str(),
        "https://example.com/probs/out-of-credit"
    );
    assert_eq!(problem.extension("balance"), Some(&json!(30)));
    assert_eq!(problem.status(), None);
}

#[test]
fn validation_example_with_errors_round_trips() {
    // RFC 9457 §3, the example with an `errors` extension.
    let doc = json!({
        "type": "https://example.net/validation-error",
        "title": "Your request is not valid.",
        "errors": [
            {"detail": "must be a positive integer", "pointer": "#/age"},
            {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
        ]
    });
    assert_eq!(round_trip(&doc), doc);
    let problem: Problem = serde_json::from_value(doc).unwrap();
    let errors = problem.field_errors();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[1].location().value(), "#/profile/color");
    assert_eq!(errors[0].detail(), Some("must be a positive integer"));
}

#[test]
fn status_as_a_string_is_ignored() {
    let problem: Problem = serde_json::from_value(json!({
        "type": "https://example.com/probs/x",
        "status": "404",
        "title": "Not here"
    }))
    .unwrap();
    assert_eq!(problem.status(), None);
    assert_eq!(problem.title(), Some("Not here"));
    assert_eq!(
        serde_json::to_value(&problem).unwrap(),
        json!({"type": "https://example.com/probs/x", "title": "Not here"})
    );
}

#[test]
fn every_wrong_typed_standard_member_is_ignored_and_extensions_survive() {
    let problem: Problem = serde_json::from_value(json!({
        "type": ["https://example.com"],
        "title": 42,
        "status": true,
        "detail": {"text": "x"},
        "instance": 7,
        "trace": {"nested": [1, 2, {"deep": null}]}
    }))
    .unwrap();
    assert!(problem.type_uri().is_about_blank());
    assert_eq!(problem.title(), None);
    assert_eq!(problem.status(), None);
    assert_eq!(problem.detail(), None);
    assert_eq!(problem.instance(), None);
    assert_eq!(
        serde_json::to_value(&problem).unwrap(),
        json!({"trace": {"nested": [1, 2, {"deep": null}]}})
    );
}

#[test]
fn any_uri_reference_is_a_type() {
    for uri in [
        "https://example.com/probs/out-of-credit",
        "tag:example.com,2024:out-of-credit",
        "urn:example:problem:out-of-credit",
        "/probs/out-of-credit",
        "out-of-credit",
        "about:blank",
    ] {
        let doc = json!({ "type": uri });
        assert_eq!(round_trip(&doc), doc, "{uri}");
    }
    // Not a URI reference: ignored like a wrong type, so the type is about:blank.
    let problem: Problem = serde_json::from_value(json!({"type": "two words"})).unwrap();
    assert!(problem.type_uri().is_about_blank());
}

#[test]
fn a_built_problem_carries_code_status_extensions_and_errors_once_each() {
    let problem = Problem::new(&builtin::VALIDATION_ERROR)
        .with_instance("/users")
        .with_extension("id", "7")
        .unwrap()
        .with_field_error(pardon::FieldError::pointer(
            pardon::JsonPointer::root().push("address").push("zip_code"),
            &builtin::field::INVALID_FORMAT,
        ));
    let text = serde_json::to_string(&problem).unwrap();
    for key in [
        "\"status\":400",
        "\"code\":\"VALIDATION_ERROR\"",
        "\"instance\"",
        "\"id\"",
        "\"errors\"",
    ] {
        assert_eq!(text.matches(key).count(), 1, "{key} in {text}");
    }
    let back: Problem = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
    assert_eq!(back.code(), problem.code());
}

#[test]
fn a_source_error_is_never_serialized() {
    let problem = Problem::internal(std::io::Error::other(
        "postgres://admin:hunter2@db.internal:5432/app",
    ));
    let text = serde_json::to_string(&problem).unwrap();
    assert!(!text.contains("hunter2"), "{text}");
    assert!(!text.contains("postgres"), "{text}");
}
