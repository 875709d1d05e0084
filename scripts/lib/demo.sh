# Sourced by the scripts that talk to the demo: builds it and starts it on a free port.
#
#   source scripts/lib/demo.sh
#   trap 'stop_demo; rm -rf "$work"' EXIT
#   start_demo debug "$work/server.log"     # or release; a third argument `axum` starts
#                                            # the axum demo instead of actix-web's
#   curl "$base/users/1"                     # $base is http://127.0.0.1:PORT, $port PORT
#
# Sets $server (the demo's pid), $base and $port. RUST_LOG defaults to warn.
#
# PARDON_DEMO_BINARIES, when set, is a folder where the demos are built already (the
# debug examples folder a whole `cargo test --all-features` fills): a debug demo is then
# run from there, not built again with other features.

server=""
base=""
port=""

start_demo() {
  local profile=$1 log=$2 example=${3:-server}
  local binary="${CARGO_TARGET_DIR:-target}/$profile/examples/$example"
  if [ -n "${PARDON_DEMO_BINARIES:-}" ] && [ "$profile" = debug ]; then
    binary="$PARDON_DEMO_BINARIES/$example"
    [ -x "$binary" ] || { echo "no demo at $binary (PARDON_DEMO_BINARIES)" >&2; return 1; }
  else
    local build=(cargo build --quiet --example "$example")
    [ "$profile" = release ] && build+=(--release)
    [ "$example" = axum ] && build+=(--features axum)
    "${build[@]}"
  fi
  PORT=0 RUST_LOG=${RUST_LOG:-warn} "$binary" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 100); do
    grep -q '^listening on ' "$log" && break
    sleep 0.1
  done
  base=$(sed -n 's/^listening on \(http:.*\)$/\1/p' "$log")
  if [ -z "$base" ]; then
    echo "the demo did not start:" >&2
    cat "$log" >&2
    return 1
  fi
  port=${base##*:}
}

stop_demo() {
  [ -n "$server" ] || return 0
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
