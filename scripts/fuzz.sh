#!/usr/bin/env bash
# Runs every fuzz target for the given number of seconds (default 60) and prints one line
# per target: its executions and the result. Crashes are kept in fuzz/artifacts/TARGET/.
#
#   cargo install cargo-fuzz --locked     # once
#   scripts/fuzz.sh [seconds] [target...]
#
# cargo-fuzz needs nightly flags; on the stable toolchain RUSTC_BOOTSTRAP=1 allows them.
# Each run starts from the checked-in seeds (fuzz/seeds/TARGET) and grows a working corpus
# in fuzz/corpus/TARGET (ignored by git), so later runs start where earlier ones ended.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
command -v cargo-fuzz >/dev/null || {
  echo "cargo-fuzz not found: cargo install cargo-fuzz --locked" >&2
  exit 2
}
export RUSTC_BOOTSTRAP=1
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
cargo fuzz build -O --fuzz-dir fuzz >/dev/null 2>&1 || cargo fuzz build -O --fuzz-dir fuzz || exit 1
logs=$(mktemp -d)
failed=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  log="$logs/$target.log"
  cargo fuzz run -O --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -dict=fuzz/dict/headers.dict -print_final_stats=1 \
    -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1
  status=$?
  runs=$(awk '/stat::number_of_executed_units:/ {print $2}' "$log" | tail -1)
  if [[ $status -eq 0 ]]; then
    result=ok
  else
    failed=1
    artifact=$(grep -o 'fuzz/artifacts/[^ ]*' "$log" | tail -1)
    result="FAILED (exit $status${artifact:+, $artifact}; log $log)"
  fi
  printf '%-16s %6ss %12s executions  %s\n' "$target" "$seconds" "${runs:-?}" "$result"
done
exit $failed
