#!/usr/bin/env bash
# Instructions per scenario under callgrind: (count(N2) - count(N1)) / (N2 - N1), so that
# start-up cancels out. Repeatable on a busy machine, unlike wall-clock time.
#
#   benches/peers/icount.sh          (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/pardon-peers-target}"
N1=${N1:-1000}
N2=${N2:-6000}
command -v valgrind >/dev/null || { echo "valgrind not found: apt-get install -y valgrind" >&2; exit 2; }
cargo build --release --quiet --example icount
bin="$CARGO_TARGET_DIR/release/examples/icount"
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 | awk '/Collected :/ {print $NF}'
}
printf '%-12s %-18s %12s %9s\n' group scenario "instr/iter" "vs static"
"$bin" list | while read -r group scenario; do
  a=$(count "$group" "$scenario" "$N1"); b=$(count "$group" "$scenario" "$N2")
  echo "$group $scenario $(( (b - a) / (N2 - N1) ))"
done | awk '
  { g[NR] = $1; s[NR] = $2; v[NR] = $3; if ($2 == "static") floor[$1] = $3 }
  END { for (i = 1; i <= NR; i++)
          printf "%-12s %-18s %12d %8.1fx\n", g[i], s[i], v[i], (floor[g[i]] ? v[i] / floor[g[i]] : 0) }'
