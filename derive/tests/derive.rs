//! What `#[derive(Problem)]` generates, used as an application would.
#![deny(warnings)]

use std::error::Error as _;

use pardon::{Problem, ProblemSet, Registry, i18n::Messages};
use serde_json::json;

/// The enum of the issue, verbatim; `#![deny(warnings)]` above proves its expansion clean.
#[derive(Debug, Problem)]
enum OrderProblem {
    #[problem(status = 404, code = "USER_NOT_FOUND")]
    UserNotFound { id: u64 },
    #[problem(status = 409, code = "DUPLICATE_EMAIL")]
    DuplicateEmail { email: String },
    #[problem(status = 422, code = "INSUFFICIENT_INVENTORY")]
    InsufficientInventory {
        product_id: u64,
        requested: u32,
        available: u32,
    },
    #[problem(status = 500, code = "INTERNAL_ERROR")]
    Database(#[source] std::io::Error),
}

#[derive(Debug, Problem)]
enum Attributes {
    #[problem(status = 429, code = "SLOW_DOWN")]
    SlowDown {
        #[problem(retry_after)]
        wait: u64,
        #[problem(rename = "bucket_name")]
        bucket: String,
        #[problem(skip)]
        internal_note: String,
    },
    #[problem(status = 410, code = "GONE_FOR_GOOD")]
    Gone,
    #[problem(status = 400, code = "BAD_TUPLE")]
    Tuple(#[problem(rename = "value")] i32, #[problem(skip)] String),
    #[problem(status = 502, code = "UPSTREAM_ERROR")]
    Upstream {
        #[source]
        cause: std::io::Error,
        r#service: String,
    },
}

/// Structs derive too.
#[derive(Debug, Problem)]
#[problem(status = 403, code = "ACCOUNT_LOCKED")]
struct AccountLocked {
    account: String,
}

#[test]
fn fields_become_extension_members() {
    let problem: Problem = OrderProblem::InsufficientInventory {
        product_id: 7,
        requested: 5,
        available: 3,
    }
    .into();
    assert_eq!(problem.code().unwrap().as_str(), "INSUFFICIENT_INVENTORY");
    assert_eq!(problem.status().unwrap().as_u16(), 422);
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["product_id"], 7);
    assert_eq!(json["requested"], 5);
    assert_eq!(json["available"], 3);
    let problem: Problem = OrderProblem::DuplicateEmail {
        email: "a@example.com".into(),
    }
    .into();
    assert_eq!(problem.extension("email"), Some(&json!("a@example.com")));
}

#[test]
fn fields_are_the_declared_fluent_arguments() {
    let types = OrderProblem::problem_types();
    assert_eq!(types.len(), 4);
    assert_eq!(types[0].args(), ["id"]);
    assert_eq!(types[2].args(), ["product_id", "requested", "available"]);
    assert!(types[3].args().is_empty(), "a #[source] is not an argument");
    assert_eq!(
        Attributes::problem_types()[0].args(),
        ["retry_after", "bucket_name"]
    );
    assert_eq!(Attributes::problem_types()[3].args(), ["service"]);
}

#[test]
fn skip_rename_and_retry_after() {
    let problem: Problem = Attributes::SlowDown {
        wait: 30,
        bucket: "b1".into(),
        internal_note: "secret".into(),
    }
    .into();
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["bucket_name"], "b1");
    assert_eq!(json["retry_after"], 30);
    assert!(json.get("internal_note").is_none());
    assert!(!json.to_string().contains("secret"));
    assert_eq!(problem.headers()["retry-after"], "30");
    assert!(Attributes::problem_types()[0].carries(pardon::catalog::TypeHeader::RetryAfter));

    let problem: Problem = Attributes::Tuple(5, "hidden".into()).into();
    assert_eq!(serde_json::to_value(&problem).unwrap()["value"], 5);
    let problem: Problem = Attributes::Gone.into();
    assert_eq!(problem.status().unwrap().as_u16(), 410);
}

#[test]
fn a_source_is_kept_for_the_log_and_never_serialized() {
    let error = OrderProblem::Database(std::io::Error::other("postgres://admin:hunter2@db"));
    assert_eq!(
        error.source().unwrap().to_string(),
        "postgres://admin:hunter2@db"
    );
    let problem: Problem = error.into();
    assert_eq!(
        problem.internal_cause().unwrap().to_string(),
        "postgres://admin:hunter2@db"
    );
    assert!(!serde_json::to_string(&problem).unwrap().contains("hunter2"));

    let upstream = Attributes::Upstream {
        cause: std::io::Error::other("refused"),
        service: "weather".into(),
    };
    assert_eq!(
        std::error::Error::source(&upstream).unwrap().to_string(),
        "refused"
    );
    assert!(OrderProblem::UserNotFound { id: 1 }.source().is_none());
}

#[test]
fn display_is_the_code_and_status_whatever_renderers_exist() {
    let before = OrderProblem::Database(std::io::Error::other("secret")).to_string();
    assert_eq!(before, "INTERNAL_ERROR (500)");
    let _renderer = pardon::Renderer::new(
        Registry::with_builtins("https://example.com/problems/").unwrap(),
        pardon::i18n::Messages::builder().build().unwrap(),
    );
    let after = OrderProblem::Database(std::io::Error::other("secret")).to_string();
    assert_eq!(after, before);
    assert_eq!(
        AccountLocked {
            account: "a".into()
        }
        .to_string(),
        "ACCOUNT_LOCKED (403)"
    );
}

#[test]
fn registers_every_type_with_one_call() {
    let mut registry = Registry::with_builtins("https://example.com/problems/").unwrap();
    registry.register_set::<OrderProblem>().unwrap();
    registry.register_set::<AccountLocked>().unwrap();
    assert_eq!(registry.get("USER_NOT_FOUND").unwrap().args(), ["id"]);
    assert_eq!(
        registry.get("ACCOUNT_LOCKED").unwrap().status().as_u16(),
        403
    );
    // INTERNAL_ERROR stands for the built-in: not a duplicate.
    assert_eq!(
        registry.get("INTERNAL_ERROR"),
        Some(&pardon::builtin::INTERNAL_ERROR)
    );
    // The same set twice is.
    let again = registry.register_set::<OrderProblem>().unwrap_err();
    assert_eq!(
        again.to_string(),
        "problem code USER_NOT_FOUND is registered twice"
    );
}

#[test]
fn a_built_in_variant_registers_the_built_in_in_an_empty_registry() {
    let mut registry = Registry::new("https://example.com/problems/").unwrap();
    registry.register_set::<OrderProblem>().unwrap();
    assert!(registry.get("INTERNAL_ERROR").is_some());
}

#[test]
fn the_catalogue_check_covers_derived_codes_and_their_fields() {
    let mut registry = Registry::new("https://example.com/problems/").unwrap();
    registry.register_set::<AccountLocked>().unwrap();
    let messages = Messages::builder()
        .add_ftl(
            "en",
            "app.ftl",
            "ACCOUNT_LOCKED = Locked\n    .detail = Account { $account } is locked by { $admin }.\n",
        )
        .build()
        .unwrap();
    let report = pardon::i18n::check(&registry, &messages).unwrap_err();
    let faults = report.faults();
    assert!(
        faults
            .iter()
            .any(|f| f.starts_with("app.ftl:2: ACCOUNT_LOCKED: uses $admin")),
        "{report}"
    );
    assert!(!faults.iter().any(|f| f.contains("$account")), "{report}");
    assert!(
        faults.iter().any(|f| f.contains("no message in locale fr")),
        "{report}"
    );
}

#[test]
fn question_mark_works_in_a_function_returning_problem() {
    fn find(id: u64) -> Result<(), OrderProblem> {
        Err(OrderProblem::UserNotFound { id })
    }
    fn handler() -> Result<(), Problem> {
        find(3)?;
        Ok(())
    }
    let problem = handler().unwrap_err();
    assert_eq!(serde_json::to_value(&problem).unwrap()["id"], json!(3));
}

#[derive(Debug, Problem)]
enum Edges {
    #[problem(status = 500, code = "INTERNAL_ERROR")]
    Boxed(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[problem(status = 404, code = "ODD_KEYS")]
    OddKeys {
        by_pair: std::collections::HashMap<(u8, u8), u8>,
        name: String,
    },
    #[problem(status = 503, code = "SERVICE_UNAVAILABLE")]
    Later {
        #[problem(retry_after)]
        after: std::time::Duration,
    },
    #[problem(status = 429, code = "TOO_FAST")]
    TooFast {
        #[problem(retry_after)]
        seconds: u32,
    },
}

#[test]
fn a_boxed_source_is_a_source() {
    let error = Edges::Boxed("pool exhausted".into());
    assert_eq!(error.source().unwrap().to_string(), "pool exhausted");
    let problem: Problem = error.into();
    assert_eq!(
        problem.internal_cause().unwrap().to_string(),
        "pool exhausted"
    );
}

#[test]
fn a_member_that_does_not_serialize_is_left_out_and_the_type_kept() {
    let problem: Problem = Edges::OddKeys {
        by_pair: std::collections::HashMap::from([((1, 2), 3)]),
        name: "kept".into(),
    }
    .into();
    assert_eq!(problem.status().unwrap().as_u16(), 404);
    assert_eq!(problem.code().unwrap().as_str(), "ODD_KEYS");
    assert!(problem.extension("by_pair").is_none());
    assert_eq!(problem.extension("name"), Some(&json!("kept")));
}

#[test]
fn retry_after_takes_durations_and_small_integers() {
    let problem: Problem = Edges::Later {
        after: std::time::Duration::from_millis(2500),
    }
    .into();
    assert_eq!(problem.headers()["retry-after"], "3");
    let problem: Problem = Edges::TooFast { seconds: 9 }.into();
    assert_eq!(problem.extension("retry_after"), Some(&json!(9)));
}

/// The expansion's own names never clash with the caller's.
#[allow(non_upper_case_globals, dead_code)]
mod hygiene {
    const problem: u8 = 0;
    const value: u8 = 0;
    const index: u8 = 0;
    type Result = ();
    type Option = ();

    mod reexport {
        pub(super) use ::pardon;
    }

    #[derive(Debug, pardon::Problem)]
    #[problem(crate = "reexport::pardon")]
    enum Shadowed {
        #[problem(status = 409, code = "SHADOWED")]
        Clash { value: u8 },
    }

    #[test]
    fn compiles_and_converts() {
        let p: pardon::Problem = Shadowed::Clash { value: 1 }.into();
        assert_eq!(p.extension("value"), Some(&serde_json::json!(1)));
    }
}
