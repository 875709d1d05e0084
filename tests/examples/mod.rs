//! Building one of the crate's examples for a test that runs it as a process, the way
//! `cargo test` builds them: under a whole `cargo test` the examples are built already,
//! with this test build's features, and the build is a no-op.
//!
//! The build is `cargo test --no-run` with the default targets, not `cargo build
//! --example`: cargo resolves features over the targets it builds (the derive crate's
//! tests add dev-dependencies of their own), so a build of the example alone is a second
//! compile of actix-web and everything above it. `cargo test --example` would not do
//! either: it builds the example as a test harness.

use std::path::PathBuf;
use std::process::Command;

/// The example `name`, built with this test build's features; its binary's path.
pub(crate) fn built(name: &str) -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test's own path");
    let deps = test_binary.parent().expect("the deps folder");
    let profile_folder = deps.parent().expect("the profile folder");
    // The examples are built with this test build's profile, so that the binary at the
    // path below is the one just built, never an older one of another profile.
    let profile = profile_folder.file_name().and_then(|n| n.to_str());
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.args(["test", "--no-run", "--quiet", "--no-default-features"]);
    command.args(["--features", &features()]);
    match profile {
        Some("debug") => {}
        Some("release") => {
            command.arg("--release");
        }
        other => {
            panic!("tests that run examples run in the debug or release profile, not {other:?}")
        }
    }
    let status = command.status().expect("cargo runs");
    assert!(status.success(), "the tests and examples build");
    let binary = profile_folder.join("examples").join(name);
    assert!(binary.exists(), "example {name} at {}", binary.display());
    binary
}

/// The features of this test build.
fn features() -> String {
    let enabled = [
        ("default", cfg!(feature = "default")),
        ("actix", cfg!(feature = "actix")),
        ("tower", cfg!(feature = "tower")),
        ("axum", cfg!(feature = "axum")),
        ("derive", cfg!(feature = "derive")),
        ("icu", cfg!(feature = "icu")),
        ("validator", cfg!(feature = "validator")),
        ("garde", cfg!(feature = "garde")),
        ("typescript", cfg!(feature = "typescript")),
        ("client", cfg!(feature = "client")),
        ("testing", cfg!(feature = "testing")),
        ("utoipa", cfg!(feature = "utoipa")),
    ];
    let names: Vec<&str> = enabled
        .iter()
        .filter(|(_, on)| *on)
        .map(|(name, _)| *name)
        .collect();
    names.join(",")
}

/// The folder of built examples the demo scripts run (`PARDON_DEMO_BINARIES`, see
/// `scripts/lib/demo.sh`), when this test build has the demo's features; `None` leaves the
/// scripts to build the demo themselves.
#[allow(dead_code)] // not every test binary that includes this module runs a script
pub(crate) fn demo_binaries() -> Option<PathBuf> {
    let demo_features = cfg!(all(
        feature = "actix",
        feature = "derive",
        feature = "validator",
        feature = "utoipa"
    ));
    demo_features.then(|| {
        let server = built("server");
        server.parent().expect("the examples folder").to_path_buf()
    })
}

/// Whether the tools a test runs (`npm`, `node`) are installed. Where they are not, the
/// test says it is skipped, unless `PARDON_REQUIRE_NPM=1` (CI sets it, so that a missing
/// install fails instead of passing quietly).
#[allow(dead_code)] // not every test binary that includes this module runs a script
pub(crate) fn tools_present(tools: &[&str], why: &str) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|tool| {
            !Command::new(tool)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var("PARDON_REQUIRE_NPM").as_deref() != Ok("1"),
        "PARDON_REQUIRE_NPM=1 but {missing:?} is not installed: {why}"
    );
    eprintln!("SKIPPED: {missing:?} is not installed: {why}");
    false
}

/// `bash script`, with the demo taken from this test build where it can be; its output.
#[allow(dead_code)] // not every test binary that includes this module runs a script
pub(crate) fn run_script(script: &str) -> std::process::Output {
    let mut command = Command::new("bash");
    command.arg(script);
    if let Some(folder) = demo_binaries() {
        command.env("PARDON_DEMO_BINARIES", folder);
    }
    command.output().expect("bash runs")
}
