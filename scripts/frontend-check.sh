#!/usr/bin/env bash
# Runs examples/frontend against the demo: @fluent/bundle (npm, installed into a temporary
# folder) words each problem client-side from the served .ftl, in all five locales, and
# every title and detail must be the server's own.
#
#   scripts/frontend-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 2; }
work=$(mktemp -d)
cp examples/frontend/package.json examples/frontend/main.mjs "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
cargo build --quiet --example server
PORT=0 RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/debug/examples/server" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/server.log" && break
  sleep 0.1
done
base=$(sed -n 's/^listening on \(http:.*\)$/\1/p' "$work/server.log")
[ -n "$base" ] || { echo "the demo did not start" >&2; exit 1; }
node "$work/main.mjs" "$base"
