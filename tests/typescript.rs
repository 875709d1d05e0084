//! The demo's documents against the TypeScript declarations it serves, checked by the
//! TypeScript compiler: `scripts/typescript-check.sh` (it installs `typescript` from npm
//! into a temporary folder), with the demo this test build built. Skipped, saying so, where
//! npm is not installed (unless `PARDON_REQUIRE_NPM=1`).
#![cfg(all(feature = "actix", feature = "typescript"))]

mod examples;

#[test]
fn the_demos_documents_type_check_against_its_declarations() {
    if !examples::tools_present(&["npm", "node"], "the TypeScript compiler cannot run") {
        return;
    }
    let output = examples::run_script(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/typescript-check.sh"
    ));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("documents match problems.d.ts"), "{stdout}");
}
