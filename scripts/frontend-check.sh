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
source scripts/lib/demo.sh
trap 'stop_demo; rm -rf "$work"' EXIT
start_demo debug "$work/server.log"
node "$work/main.mjs" "$base"
