#!/usr/bin/env bash
# Soak: the demo in release under mixed traffic at full speed for the given time, checked
# as it goes. Needs `wrk` (Debian: wrk) and python3.
#
#   scripts/soak.sh [seconds, default 60]
#
# wrk drives every case of scripts/soak/cases.tsv (successes, every kind of problem, all
# formats and languages, the rate-limited route, panics, upstream failures, hostile
# headers) round robin (scripts/soak/traffic.lua checks each answer against its case);
# meanwhile scripts/soak/check.py compares full answers with the idle server's and checks
# their form, language and request ids. The server's RSS is sampled every 2 s. Prints the
# requests, wrong answers, unintended 5xx and the RSS at start, after warm-up (a tenth of
# the time, at least 10 s) and at the end; fails unless both checks found nothing wrong and
# the RSS grew by at most 5% after warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 2; }

work=$(mktemp -d)
source scripts/lib/demo.sh
trap 'stop_demo; rm -rf "$work"' EXIT
start_demo release "$work/server.log"
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
rss_start=$(rss)

python3 scripts/soak/check.py "$port" scripts/soak/cases.tsv 0 "$work/reference.json"

warmup=$(( seconds / 10 > 10 ? seconds / 10 : 10 ))
( start=$SECONDS
  while kill -0 "$server" 2>/dev/null; do
    echo "$(( SECONDS - start )) $(rss)"
    sleep 2
  done ) >"$work/rss" 2>/dev/null &
sampler=$!

python3 scripts/soak/check.py "$port" scripts/soak/cases.tsv "$seconds" "$work/reference.json" \
  >"$work/check.out" 2>"$work/check.err" &
checker=$!
wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s scripts/soak/traffic.lua "http://127.0.0.1:$port" \
  -- scripts/soak/cases.tsv 2>"$work/wrk.err" | tail -n 1 | tee "$work/wrk.out"
checker_status=0
wait "$checker" || checker_status=$?
cat "$work/check.out"
head -n 10 "$work/check.err" "$work/wrk.err" 2>/dev/null | grep -v '^==> .* <==$' | grep -v '^$' || true
alive=yes
kill -0 "$server" 2>/dev/null || alive=no
rss_end=$(rss || echo 0)
kill "$sampler" 2>/dev/null || true
rss_warm=$(awk -v w="$warmup" '$1 >= w {print $2; exit}' "$work/rss")
rss_warm=${rss_warm:-$rss_end}
growth=$(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN {printf "%+.1f", (b - a) * 100 / a}')
wrong=$(sed -n 's/.* \([0-9]*\) wrong, .*/\1/p' "$work/wrk.out")
unintended=$(sed -n 's/.* \([0-9]*\) unintended 5xx.*/\1/p' "$work/wrk.out")
panics=$(grep -c 'handler panicked' "$work/server.log" || true)
echo "server alive at the end: $alive; panics caught and answered 500: $panics"
echo "RSS: start ${rss_start} kB, after ${warmup} s warm-up ${rss_warm} kB, end ${rss_end} kB (${growth}% after warm-up)"
ok=1
[[ $alive == yes && ${wrong:-1} == 0 && ${unintended:-1} == 0 && $checker_status == 0 ]] || ok=0
awk -v g="$growth" 'BEGIN {exit !(g <= 5)}' || ok=0
if [[ $ok == 1 ]]; then echo "soak: passed"; else echo "soak: FAILED"; exit 1; fi
