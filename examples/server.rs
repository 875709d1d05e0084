//! Placeholder until the actix demo lands: prints one problem as JSON.

use pardon::{builtin, Problem, RetryAfter};

fn main() {
    let problem = Problem::new(&builtin::RATE_LIMITED)
        .with_retry_after(RetryAfter::seconds(30))
        .with_instance("/reports");
    match serde_json::to_string_pretty(&problem) {
        Ok(json) => println!("{json}"),
        Err(err) => eprintln!("cannot serialize: {err}"),
    }
}
