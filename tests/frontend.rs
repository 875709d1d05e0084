//! `examples/frontend` against the demo: @fluent/bundle words every problem client-side
//! from the served `.ftl`, in all five locales, exactly as the server does. Runs
//! `scripts/frontend-check.sh` (it installs @fluent/bundle from npm into a temporary
//! folder); skipped, saying so, where npm or node is not installed.
#![cfg(feature = "actix")]

use std::process::Command;

#[test]
fn a_frontend_words_each_problem_as_the_server_does() {
    let present = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !present("npm") || !present("node") {
        eprintln!("SKIPPED: npm or node is not installed, so the JavaScript frontend cannot run");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/frontend-check.sh");
    let output = Command::new("bash")
        .arg(script)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("is the server's"), "{stdout}");
    assert!(!stdout.contains("DIFFERENT"), "{stdout}");
    // Ten texts per locale (three titles, three details, four field errors), five locales.
    assert_eq!(stdout.matches("same ").count(), 50, "{stdout}");
}
