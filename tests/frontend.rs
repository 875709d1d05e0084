//! `examples/frontend` against the demo: @fluent/bundle words every problem client-side
//! from the served `.ftl`, in all five locales, exactly as the server does. Runs
//! `scripts/frontend-check.sh` (it installs @fluent/bundle from npm into a temporary
//! folder), with the demo this test build built; skipped, saying so, where npm or node is
//! not installed (unless `PARDON_REQUIRE_NPM=1`).
#![cfg(feature = "actix")]

mod examples;

#[test]
fn a_frontend_words_each_problem_as_the_server_does() {
    if !examples::tools_present(&["npm", "node"], "the JavaScript frontend cannot run") {
        return;
    }
    let output = examples::run_script(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/frontend-check.sh"
    ));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("is the server's"), "{stdout}");
    assert!(!stdout.contains("DIFFERENT"), "{stdout}");
    // Ten texts per locale (three titles, three details, four field errors), five locales.
    assert_eq!(stdout.matches("same ").count(), 50, "{stdout}");
}
