#!/usr/bin/env bash
# Load benchmark (not a CI gate): a release server with the full register, an admin token,
# then wrk with the mixed read/write script. SQLite by default; PostgreSQL when DATABASE_URL is set.
# Usage: Benchmarks/load/run_load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"; connections="${2:-64}"; port=18080
command -v wrk >/dev/null || { echo "wrk fehlt: apt-get install wrk"; exit 1; }
swift build -c release --product aufwind >/dev/null
work=$(mktemp -d)
export AUFWIND_SQLITE_PATH="$work/load.sqlite" LOG_LEVEL=warning
if [ -n "${DATABASE_URL:-}" ]; then
  export AUFWIND_POSTGRES_SCHEMA="load_$(date +%s)"
  psql "${DATABASE_URL%%\?*}" -q -c "CREATE SCHEMA $AUFWIND_POSTGRES_SCHEMA" 
fi
password="load-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
AUFWIND_ADMIN_PASSWORD="$password" .build/release/aufwind create-admin --email last@aufwind.test --name Last >/dev/null
.build/release/aufwind serve --port "$port" & server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 1; done
# A token through the web forms, as a person would create it.
jar="$work/cookies"; base="http://127.0.0.1:$port"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//'; }
token_csrf=$(curl -s -c "$jar" "$base/anmelden" | csrf)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$token_csrf" --data-urlencode "email=last@aufwind.test" \
  --data-urlencode "password=$password" "$base/anmelden"
token_csrf=$(curl -s -b "$jar" -c "$jar" "$base/konto/tokens" | csrf)
TOKEN=$(curl -s -b "$jar" -c "$jar" --data-urlencode "_csrf=$token_csrf" --data-urlencode "name=Last" --data-urlencode "rechte=schreiben" "$base/konto/tokens" \
  | grep -o 'aw_[A-Za-z0-9_-]*' | head -1)
export TOKEN
database=SQLite; [ -n "${DATABASE_URL:-}" ] && database=PostgreSQL
echo "Datenbank: $database; $connections Verbindungen, $seconds s"
wrk -t4 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/load/mixed.lua "$base" | grep -E "Requests/sec|requests in|Non-2xx|Socket|requests |latency p50"
echo "Resident memory of the server: $(grep VmRSS /proc/$server/status | awk '{print $2 / 1024 " MB"}')"
