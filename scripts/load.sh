#!/usr/bin/env bash
# Load benchmark of the demo server on loopback, bounded in time. Needs `wrk` (Debian: wrk).
#
#   scripts/load.sh [seconds per run, default 5] [rounds, default 5]
#
# Prints, for each round, the throughput of a success route (GET /users/1, 200 JSON) and of
# a localized problem route (GET /users/42 for `Accept-Language: fr-CA`, 404 problem+json)
# run one after the other, then the median ratio problem/success over the rounds, then one
# line per other problem format, then the server's RSS after start-up and after every
# problem response sent.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
rounds="${2:-5}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

log=$(mktemp)
lua=$(mktemp --suffix=.lua)
source scripts/lib/demo.sh
trap 'stop_demo; rm -f "$log" "$lua"' EXIT
start_demo release "$log"
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
rss_start=$(rss)

# wrk's last line: requests/s, latency percentiles, errors, and the request count.
cat >"$lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%10.0f req/s   p50 %7.1f us   p99 %7.1f us   errors %d   requests %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA

run() {  # name, wrk arguments…  → the summary line
  local name=$1; shift
  wrk -t2 -c32 -d"${seconds}s" -s "$lua" "$@" | tail -n 1
}
base="http://127.0.0.1:$port"
problems=0
ratios=()
for round in $(seq "$rounds"); do
  ok=$(run success "$base/users/1")
  problem=$(run problem -H 'Accept-Language: fr-CA, en;q=0.5' "$base/users/42")
  printf 'round %d  200 %s\n         404 %s\n' "$round" "$ok" "$problem"
  ratios+=("$(awk -v a="$(awk '{print $1}' <<<"$problem")" -v b="$(awk '{print $1}' <<<"$ok")" 'BEGIN {printf "%.3f", a / b}')")
  problems=$(( problems + $(awk '{print $NF}' <<<"$problem") ))
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "problem/success throughput, median of $rounds rounds: $median (${ratios[*]})"

printf '%-34s' "400 text/plain de (field error)"
run text -H 'Accept: text/plain' -H 'Accept-Language: de' "$base/users/abc"
printf '%-34s' "404 problem+xml ar"
run xml -H 'Accept: application/problem+xml' -H 'Accept-Language: ar' "$base/users/42"
printf '%-34s' "404 text/html es"
run html -H 'Accept: text/html' -H 'Accept-Language: es' "$base/nowhere"
echo "RSS after start-up: $rss_start; after the rounds' $problems problem responses and the runs above: $(rss)"
