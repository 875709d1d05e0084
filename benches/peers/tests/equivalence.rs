//! Every scenario builds the same document (pardon adds its `code`), so that the counts
//! compare like with like.
use pardon_peers::{NOT_FOUND, NOT_FOUND_SCENARIOS, VALIDATION_SCENARIOS, fields};
use serde_json::Value;

fn document(bytes: &[u8]) -> Value {
    let mut value: Value = serde_json::from_slice(bytes).expect("JSON");
    if let Some(object) = value.as_object_mut() {
        object.remove("code");
        for entry in object
            .get_mut("errors")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            // pardon's entries are `code`/`detail`/`pointer`: compare the details alone.
            let detail = entry
                .get("detail")
                .or_else(|| entry.get("message"))
                .cloned();
            *entry = detail.unwrap_or(Value::Null);
        }
    }
    value
}

#[test]
fn every_not_found_is_the_same_document() {
    let floor = document(&(NOT_FOUND_SCENARIOS[3].1)(&NOT_FOUND));
    for (name, run) in NOT_FOUND_SCENARIOS {
        if name.starts_with("pardon-fr") || name.starts_with("pardon-text") {
            continue; // French, and text: the same problem in another form.
        }
        assert_eq!(document(&run(&NOT_FOUND)), floor, "{name}");
    }
}

#[test]
fn every_validation_is_the_same_document() {
    let fields = fields();
    let floor = document(&(VALIDATION_SCENARIOS[3].1)(&fields));
    for (name, run) in VALIDATION_SCENARIOS {
        assert_eq!(document(&run(&fields)), floor, "{name}");
    }
}

#[test]
fn headers_seen_before_or_not_give_the_same_document() {
    let run = |name: &str| {
        let (_, run) = NOT_FOUND_SCENARIOS
            .iter()
            .find(|(n, _)| *n == name)
            .expect("a scenario");
        String::from_utf8(run(&NOT_FOUND)).expect("UTF-8")
    };
    for _ in 0..3 {
        assert_eq!(run("pardon-fr-new"), run("pardon-fr"));
        assert_eq!(run("pardon-text-new"), run("pardon-text"));
    }
    assert!(run("pardon-fr").contains("Utilisateur introuvable"));
    assert!(run("pardon-text").starts_with("404 User not found\n"));
}
