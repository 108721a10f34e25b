#!/bin/sh
# Fuzzes the API from its OpenAPI document with schemathesis: every check, ~150 cases per
# operation (over 1,000 in all). Usage: fuzz_api.sh BASE_URL API_TOKEN [MAX_EXAMPLES]
# Exit 77: schemathesis missing (skipped).
command -v schemathesis >/dev/null 2>&1 || { echo "schemathesis fehlt: pip install schemathesis"; exit 77; }
base="$1"; token="$2"; examples="${3:-150}"
exec schemathesis run "$base/api/v1/openapi.json" --url "$base" \
  --header "Authorization: Bearer $token" --checks all --max-examples "$examples" --seed 20261126 --no-color
