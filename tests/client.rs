//! The client's side: problems read back from responses, into an application's own enum
//! (`TryFrom<&Problem>` from the derive), and the demo's client run against the demo.
#![cfg(all(
    feature = "client",
    feature = "actix",
    feature = "derive",
    feature = "validator",
    feature = "utoipa"
))]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use http::{HeaderMap, HeaderValue, header};
use pardon::problem::DecodeError;
use pardon::{Problem, Registry, Renderer, i18n::Messages};
use proptest::prelude::*;

mod examples;

#[derive(Debug, Clone, PartialEq, pardon::Problem)]
#[problem(decode)]
enum ShopProblem {
    #[problem(status = 422, code = "OUT_OF_STOCK")]
    OutOfStock {
        sku: String,
        available: u64,
        backorder: bool,
        note: Option<String>,
    },
    #[problem(status = 429, code = "SLOW_DOWN")]
    SlowDown {
        #[problem(retry_after)]
        seconds: u64,
        #[problem(skip)]
        bucket: String,
    },
    #[problem(status = 409, code = "PRICE_CHANGED")]
    PriceChanged(#[problem(rename = "cents")] i64),
}

fn renderer() -> Renderer {
    let mut registry = Registry::with_builtins("https://shop.test/problems/").unwrap();
    registry.register_set::<ShopProblem>().unwrap();
    Renderer::new(registry, Messages::builder().build().unwrap())
}

fn any_shop_problem() -> impl Strategy<Value = ShopProblem> {
    prop_oneof![
        (
            any::<String>(),
            any::<u64>(),
            any::<bool>(),
            any::<Option<String>>()
        )
            .prop_map(
                |(sku, available, backorder, note)| ShopProblem::OutOfStock {
                    sku,
                    available,
                    backorder,
                    note,
                }
            ),
        any::<u64>().prop_map(|seconds| ShopProblem::SlowDown {
            seconds,
            bucket: String::new(),
        }),
        any::<i64>().prop_map(ShopProblem::PriceChanged),
    ]
}

proptest! {
    /// Every field that is sent comes back: enum → rendered document → enum. (A skipped
    /// field is not sent; it comes back as its default.)
    #[test]
    fn the_round_trip_through_a_response_is_lossless(original in any_shop_problem()) {
        let renderer = renderer();
        let mut request = HeaderMap::new();
        request.insert(header::ACCEPT, HeaderValue::from_static("application/problem+json"));
        let response = renderer.render(&Problem::from(original.clone()), &request);
        let problem = Problem::from_response(response.into_response()).unwrap();
        let back = ShopProblem::try_from(&problem).unwrap();
        // Bidi controls are never sent, so a text holding one comes back without it.
        let sent = |s: &str| s.chars().filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')).collect::<String>();
        let expected = match original {
            ShopProblem::OutOfStock { sku, available, backorder, note } => ShopProblem::OutOfStock {
                sku: sent(&sku), available, backorder, note: note.as_deref().map(sent),
            },
            other => other,
        };
        prop_assert_eq!(back, expected);
    }
}

#[test]
fn a_document_that_is_not_one_of_ours_says_why() {
    let other = Problem::new(&pardon::builtin::CONFLICT);
    assert_eq!(
        ShopProblem::try_from(&other).unwrap_err().to_string(),
        "code CONFLICT is not one of ShopProblem's"
    );
    let text: Problem = serde_json::from_str(
        r#"{"code":"OUT_OF_STOCK","sku":"a","available":"many","backorder":false}"#,
    )
    .unwrap();
    let error = ShopProblem::try_from(&text).unwrap_err();
    assert_eq!(error.member(), Some("available"));
    let missing: Problem = serde_json::from_str(r#"{"code":"OUT_OF_STOCK","sku":"a"}"#).unwrap();
    assert_eq!(
        ShopProblem::try_from(&missing).unwrap_err(),
        DecodeError::missing("available")
    );
}

#[test]
fn the_demos_client_reads_the_demos_problems_into_its_enum() {
    let (server, client) = (examples::built("server"), examples::built("client"));
    let mut server = Command::new(server)
        .env("PORT", "0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the demo starts");
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let base = loop {
        let line = lines.next().expect("a ready line").unwrap();
        if let Some(base) = line.strip_prefix("listening on ") {
            break base.trim().to_owned();
        }
    };
    let output = Command::new(client).arg(&base).output();
    let _ = server.kill();
    let _ = server.wait();
    let output = output.expect("the client runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for expected in [
        "found: \"Alice\"",
        "USER_NOT_FOUND: id 42 (Aucun utilisateur n'a l'identifiant 42.)",
        "DUPLICATE_EMAIL: alice@example.com",
        "INSUFFICIENT_INVENTORY: product 1, 500 asked, 3 left",
        "not a DemoProblem: code VALIDATION_ERROR is not one of DemoProblem's",
        "  OUT_OF_RANGE at #/age",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
}

/// A type with a member of its own named `request_id`.
#[derive(Debug, Clone, PartialEq, pardon::Problem)]
#[problem(decode)]
enum Traced {
    #[problem(status = 409, code = "TRACED")]
    Traced { request_id: String },
}

#[test]
fn a_member_named_request_id_reads_back() {
    let mut registry = Registry::with_builtins("https://shop.test/problems/").unwrap();
    registry.register_set::<Traced>().unwrap();
    let renderer = Renderer::new(registry, Messages::builder().build().unwrap());
    let original = Traced::Traced {
        request_id: "abc-1".into(),
    };
    let response = renderer.render(&Problem::from(original.clone()), &HeaderMap::new());
    let problem = Problem::from_response(response.into_response()).unwrap();
    assert_eq!(problem.request_id(), Some("abc-1"));
    assert_eq!(Traced::try_from(&problem).unwrap(), original);
}
