#!/usr/bin/env bash
# Checks the demo's OpenAPI document (GET /openapi.json) with tools that are not ours,
# installed from PyPI into a temporary virtualenv, against both demos (actix-web's and
# axum's, which serve the same document):
#
# - openapi-spec-validator: the document is valid OpenAPI 3.1;
# - schemathesis: requests generated from the document (valid and invalid ones) against the
#   live demo; every answer must be documented — status, content type, headers, and a body
#   that matches its schema. scripts/openapi/schemathesis.toml says what is excluded, and
#   why. Bounded: at most EXAMPLES cases per operation (default 30) and SECONDS seconds
#   (default 600).
#
#   scripts/openapi-check.sh [EXAMPLES] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-30}
seconds=${2:-600}
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }
work=$(mktemp -d)
source scripts/lib/demo.sh
trap 'stop_demo; rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check \
  'openapi-spec-validator==0.9.*' 'schemathesis==4.*'
for demo in server axum; do
  start_demo debug "$work/$demo.log" "$demo"
  curl -sf "$base/openapi.json" >"$work/openapi.json"
  "$work/venv/bin/openapi-spec-validator" "$work/openapi.json"

  # The admin token reaches every route (the document's `bearer` scheme); schemathesis also
  # sends requests without it and with a wrong one, which must be the documented 401s.
  # It runs in the temporary folder, where it keeps its example database.
  config="$PWD/scripts/openapi/schemathesis.toml"
  status=0
  (cd "$work" && timeout "$seconds" "$work/venv/bin/schemathesis" --no-color \
    --config-file "$config" run "$base/openapi.json" \
    --max-examples "$examples" --seed 7 --request-timeout 10 \
    --header 'Authorization: Bearer admin-token') \
    >"$work/schemathesis.log" 2>&1 || status=$?
  stop_demo
  if [ "$status" -ne 0 ]; then
    cat "$work/schemathesis.log"
    [ "$status" -eq 124 ] && echo "openapi-check: schemathesis ran out of its $seconds s" >&2
    echo "openapi-check ($demo): schemathesis found responses the document does not describe" >&2
    exit 1
  fi
  sed -n '/^=* SUMMARY/,$p' "$work/schemathesis.log"
  operations=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(len([m for m in p if m in ("get","put","post","delete","patch","head","options","trace")]) for p in d["paths"].values()))' "$work/openapi.json")
  echo "openapi-check ($demo): the document is valid OpenAPI 3.1; schemathesis found every answer of its $operations operations documented"
done
