//! A Rust client of the demo: it calls the running demo with reqwest, meets several of
//! its problems and reads each back into the demo's own enum, `DemoProblem`, shared with
//! the server (`examples/shared/problems.rs`).
//!
//! ```text
//! cargo run --example server                      # in one terminal
//! cargo run --example client --features client    # in another (or: -- http://host:port)
//! ```

use pardon::Problem;
use pardon::client::{ClientError, ProblemForStatus};
use serde_json::{Value, json};

#[path = "shared/problems.rs"]
mod problems;
use problems::DemoProblem;

type Failure = Box<dyn std::error::Error>;

#[actix_web::main]
async fn main() -> Result<(), Failure> {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
    let client = reqwest::Client::new();

    // A success is the response itself.
    let alice: Value = client
        .get(format!("{base}/users/1"))
        .send()
        .await?
        .problem_for_status()
        .await?
        .json()
        .await?;
    println!("found: {}", alice["name"]);

    // The demo's own problems, read back into its enum with their typed fields.
    let calls = [
        client
            .get(format!("{base}/users/42"))
            .header("Accept-Language", "fr"),
        client.post(format!("{base}/users")).json(&json!({
            "name": "Alice", "email": "alice@example.com", "password": "long enough", "age": 30
        })),
        client
            .post(format!("{base}/orders"))
            .bearer_auth("user-token")
            .json(&json!({"items": [{"product_id": 1, "quantity": 500}]})),
    ];
    for call in calls {
        let problem = problem_of(call).await?;
        match DemoProblem::try_from(&problem)? {
            DemoProblem::UserNotFound { id } => {
                println!(
                    "USER_NOT_FOUND: id {id} ({})",
                    problem.detail().unwrap_or("")
                );
            }
            DemoProblem::DuplicateEmail { email } => println!("DUPLICATE_EMAIL: {email}"),
            DemoProblem::InsufficientInventory {
                product_id,
                requested,
                available,
            } => println!(
                "INSUFFICIENT_INVENTORY: product {product_id}, {requested} asked, {available} left"
            ),
        }
    }

    // A built-in problem is not one of the demo's: its field errors are read as they are.
    let problem = problem_of(
        client
            .post(format!("{base}/users"))
            .json(&json!({"name": "", "age": 12})),
    )
    .await?;
    if let Err(not_ours) = DemoProblem::try_from(&problem) {
        println!("not a DemoProblem: {not_ours}");
    }
    for error in problem.field_errors() {
        let code = error.code().map_or("", |c| c.as_str());
        println!("  {} at {}", code, error.location().value());
    }
    Ok(())
}

/// The problem a call answers with (an error when it succeeds or sends something else).
async fn problem_of(call: reqwest::RequestBuilder) -> Result<Problem, Failure> {
    match call.send().await?.problem_for_status().await {
        Err(ClientError::Problem(problem)) => Ok(problem),
        Ok(response) => Err(format!("expected a problem, got {}", response.status()).into()),
        Err(other) => Err(other.into()),
    }
}
