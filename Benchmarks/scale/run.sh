#!/usr/bin/env bash
# National scale (issue 18, item 5; not a CI gate): a release server on SQLite with the register
# and N generated items (default 500,000, all Gemeinden), started from its database as in
# production. Reports the time from the start until /readyz answers 200, the resident memory
# after the start, and single requests one after the other (no concurrency): the partners of an
# item (`/api/v1/eintraege/{id}/partner`: items and towns with explanations) and the item search
# (`/api/v1/eintraege?q=…`), p50 and p99 over 200 requests each. The in-process p99s of the
# engine and the index are `swift package benchmark --target ScaleBenchmarks` (Benchmarks/).
# Usage: Benchmarks/scale/run.sh [items] [database file to reuse]
set -euo pipefail
cd "$(dirname "$0")/../.."
items="${1:-500000}"; reuse="${2:-}"; port=18091
swift build -c release --product aufwind >/dev/null
work=$(mktemp -d)
trap 'kill ${server:-0} 2>/dev/null; wait ${server:-0} 2>/dev/null; rm -rf "$work"' EXIT
export LOG_LEVEL=warning
if [ -n "$reuse" ]; then
  export AUFWIND_SQLITE_PATH="$reuse"
else
  export AUFWIND_SQLITE_PATH="$work/scale.sqlite"
  .build/release/aufwind import-register >/dev/null
  echo "Erzeuge $items Einträge …"
  .build/release/aufwind generate-demo --items "$items" >/dev/null
fi
base="http://127.0.0.1:$port"
started=$(date +%s.%N)
.build/release/aufwind serve --port "$port" & server=$!
until curl -sf "$base/readyz" >/dev/null 2>&1; do sleep 0.1; done
ready=$(date +%s.%N)
echo "Einträge: $(sqlite3 "$AUFWIND_SQLITE_PATH" 'SELECT COUNT(*) FROM cooperation_items WHERE published')"
echo "Start bis /readyz: $(echo "$ready - $started" | bc | xargs printf '%.1f') s"
echo "Resident nach dem Start: $(grep VmRSS /proc/$server/status | awk '{printf "%d MB", $2 / 1024}')"
# Every 2,500th published item (a spread over towns and kinds), as the ids the API uses.
sqlite3 "$AUFWIND_SQLITE_PATH" "SELECT lower(id) FROM cooperation_items WHERE published AND rowid % 2500 = 0 LIMIT 200" > "$work/ids"
percentiles() { sort -n | awk '{ v[NR] = $1 } END { printf "p50 %.1f ms, p99 %.1f ms (%d Anfragen)\n", v[int(NR * 0.5) + 1] * 1000, v[int(NR * 0.99) + 1] * 1000, NR }'; }
echo -n "Partner eines Eintrags: "
while read -r id; do curl -s -o /dev/null -w '%{time_total}\n' "$base/api/v1/eintraege/$id/partner"; done < "$work/ids" | percentiles
queries=("Schulverwaltung" "digitale%20Schule" "B%C3%BCrgerbus%20Ehrenamt" "W%C3%A4rmeplanung" "Konzept" "Glasfaserausbau%20Nahversorgung"
  "Informationssystem" "Planung" "Ratsinformationssytem" "Radweg%20Schule")
echo -n "Eintragssuche: "
for round in $(seq 1 20); do
  for query in "${queries[@]}"; do curl -s -o /dev/null -w '%{time_total}\n' "$base/api/v1/eintraege?q=$query"; done
done | percentiles
echo "Resident danach: $(grep VmRSS /proc/$server/status | awk '{printf "%d MB", $2 / 1024}')"
