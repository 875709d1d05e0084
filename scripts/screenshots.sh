#!/usr/bin/env bash
# Screenshots of the demo's HTML pages, as a browser shows them: a problem page and a
# problem type's documentation page, in English and in Arabic (right to left), taken with
# headless Chromium (Debian's `chromium`, installed when missing). Loopback only.
#
#   scripts/screenshots.sh [output folder, default docs/screenshots]
#
# Writes problem-en.png, problem-ar.png, type-en.png and type-ar.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
mkdir -p "$out"

if ! command -v chromium >/dev/null; then
  echo "installing chromium (Debian package)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi

cargo build --quiet --example server
log=$(mktemp)
profile=$(mktemp -d)
PUBLIC_URL=http://localhost:8080 PORT=0 RUST_LOG=warn ./target/debug/examples/server >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$log" "$profile"' EXIT
for _ in $(seq 100); do
  grep -q '^listening on ' "$log" && break
  sleep 0.1
done
port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$log")
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$log" >&2; exit 1; }

shoot() {  # language, path, file
  # --accept-lang sets the Accept-Language the page is requested with.
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=900,640 \
    --lang="$1" --accept-lang="$1" \
    --screenshot="$3" "http://127.0.0.1:$port$2" >/dev/null 2>&1
  [ -s "$3" ] || { echo "no screenshot for $2 in $1" >&2; exit 1; }
  echo "$3"
}
for language in en ar; do
  shoot "$language" /users/42 "$out/problem-$language.png"
  shoot "$language" /problems/rate-limited "$out/type-$language.png"
done
