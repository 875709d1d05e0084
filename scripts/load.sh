#!/usr/bin/env bash
# Load benchmark of the demo server: a success route beside problem routes in several
# formats and languages, on loopback only, bounded in time. Needs `wrk` (Debian: wrk).
#
#   scripts/load.sh [seconds per route, default 10]
#
# Prints one line per route: requests/s, median and p99 latency, as wrk reports them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

cargo build --release --quiet --example server
log=$(mktemp)
lua=$(mktemp --suffix=.lua)
PORT=0 RUST_LOG=warn ./target/release/examples/server >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log" "$lua"' EXIT
for _ in $(seq 50); do
  grep -q '^listening on ' "$log" && break
  sleep 0.1
done
port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$log")
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }

cat >"$lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%10.0f req/s   p50 %7.1f us   p99 %7.1f us   errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

run() {
  local name=$1; shift
  printf '%-34s' "$name"
  wrk -t2 -c32 -d"${seconds}s" -s "$lua" "$@" | tail -n 1
}
base="http://127.0.0.1:$port"
run "200 GET /users/1 (json)"           "$base/users/1"
run "404 problem+json en"               "$base/users/42"
run "404 problem+json fr-CA"            -H 'Accept-Language: fr-CA,fr;q=0.9' "$base/users/42"
run "400 text/plain de (field error)"   -H 'Accept: text/plain' -H 'Accept-Language: de' "$base/users/abc"
run "404 problem+xml ar"                -H 'Accept: application/problem+xml' -H 'Accept-Language: ar' "$base/users/42"
run "404 text/html es"                  -H 'Accept: text/html' -H 'Accept-Language: es' "$base/nowhere"
