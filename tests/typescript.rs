//! The demo's documents against the TypeScript declarations it serves, checked by the
//! TypeScript compiler: `scripts/typescript-check.sh` (it installs `typescript` from npm
//! into a temporary folder). Skipped, saying so, where npm is not installed.
#![cfg(all(feature = "actix", feature = "typescript"))]

use std::process::Command;

#[test]
fn the_demos_documents_type_check_against_its_declarations() {
    let npm = Command::new("npm").arg("--version").output();
    if !npm.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: npm is not installed, so the TypeScript compiler cannot run");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/typescript-check.sh");
    let output = Command::new("bash")
        .arg(script)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("documents match problems.d.ts"), "{stdout}");
}
