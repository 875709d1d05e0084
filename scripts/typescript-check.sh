#!/usr/bin/env bash
# Type-checks real problem documents of the demo against the TypeScript declarations it
# serves (GET /problems/problems.d.ts), with the TypeScript compiler from npm, installed
# into a temporary folder. Also checks that a document of the wrong shape is refused, so
# that the check is not vacuous.
#
#   scripts/typescript-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }
work=$(mktemp -d)
npm install --prefix "$work" --no-audit --no-fund --silent typescript@5 >/dev/null
source scripts/lib/demo.sh
trap 'stop_demo; rm -rf "$work"' EXIT
start_demo debug "$work/server.log"

curl -sf "$base/problems/problems.d.ts" >"$work/problems.d.ts"
json='Content-Type: application/json'
documents=(
  "$(curl -s "$base/users/42")"
  "$(curl -s "$base/users/abc")"
  "$(curl -s -X POST "$base/users" -H "$json" -d '{"name":"","email":"x","password":"short","age":12}')"
  "$(curl -s -X POST "$base/users" -H "$json" -d '{"name":"A","email":"alice@example.com","password":"long enough","age":30}')"
  "$(curl -s -X DELETE "$base/users/2" -H 'Authorization: Bearer user-token')"
  "$(curl -s -X POST "$base/orders" -H "$json" -H 'Authorization: Bearer user-token' -d '{"items":[{"product_id":1,"quantity":500}]}')"
  "$(curl -s "$base/weather")"
  "$(curl -s "$base/exports")"
  "$(curl -s "$base/debug/panic")"
  "$(curl -s "$base/nowhere")"
  "$(curl -s -X PUT "$base/users/1")"
)
{
  echo 'import type { Problem } from "./problems";'
  echo 'export const documents: Problem[] = ['
  for document in "${documents[@]}"; do echo "  $document,"; done
  echo '];'
  # Narrowing by code reaches each type's own members, with their types.
  cat <<'TS'
export function subject(p: Problem): string {
  switch (p.code) {
    case "USER_NOT_FOUND": return p.id ?? "";
    case "INSUFFICIENT_INVENTORY": return `${p.product_id}: ${(p.available ?? 0) + 1} left`;
    case "SERVICE_UNAVAILABLE": return `retry in ${(p.retry_after ?? 0) + 1} s`;
    default: return p.title ?? p.code;
  }
}
// Field errors narrow by their code too.
export function bounds(p: Problem): number[] {
  return (p.errors ?? []).flatMap((e) => (e.code === "OUT_OF_RANGE" ? [Number(e.min), Number(e.max)] : []));
}
TS
} >"$work/check.ts"
cat >"$work/wrong.ts" <<'TS'
import type { Problem } from "./problems";
// A status that USER_NOT_FOUND never has: must be refused.
export const wrong: Problem = { type: "x", code: "USER_NOT_FOUND", status: 500, id: "1" };
TS
tsc="$work/node_modules/.bin/tsc"
flags=(--strict --noEmit --target es2020 --module es2020 --moduleResolution node)
if ! "$tsc" "${flags[@]}" "$work/check.ts"; then
  echo "typescript-check: the demo's documents do not match its declarations" >&2
  exit 1
fi
if "$tsc" "${flags[@]}" "$work/wrong.ts" >/dev/null; then
  echo "typescript-check: a wrong document was accepted: the declarations check nothing" >&2
  exit 1
fi
echo "typescript-check: ${#documents[@]} documents match problems.d.ts; a wrong one is refused"
