#!/usr/bin/env bash
# Public schedule page under load (not a CI gate): a release server on SQLite with the register
# and a generated, published 60-session event (8 rooms × 8 slots, 400 participants); then wrk with
# 32 connections on /healthz and on the programme page and its exports, side by side in one run.
# Usage: Benchmarks/programme/run_wrk.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"; port=18081
command -v wrk >/dev/null || { echo "wrk fehlt: apt-get install wrk"; exit 1; }
swift build -c release --product aufwind >/dev/null
work=$(mktemp -d)
export AUFWIND_SQLITE_PATH="$work/programme.sqlite" LOG_LEVEL=warning
.build/release/aufwind import-register >/dev/null
path=$(.build/release/aufwind generate-demo --event 60 | grep -o '/veranstaltungen/[^ ]*/programm')
.build/release/aufwind serve --port "$port" & server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 1; done
base="http://127.0.0.1:$port"
echo "Programm: $path ($(curl -s "$base$path" | grep -o 'class="session-title"' | wc -l) Sessions in der Liste)"
for target in /healthz "$path" "${path}.xml" "${path}.ics"; do
  printf '%-75s ' "$target"
  wrk -t2 -c32 -d"${seconds}s" --latency "$base$target" | awk '/Requests\/sec/ {rps=$2} /50%/ {p50=$2} /99%/ {p99=$2} /Non-2xx/ {bad=$0} END {print rps " req/s, p50 " p50 ", p99 " p99 (bad ? ", " bad : "")}'
done
# A session cookie costs a session look-up in the database (signed-in visitors then get the cached programme in their own layout).
printf '%-75s ' "$path (Sitzungs-Cookie: Sitzung wird nachgeschlagen)"
wrk -t2 -c32 -d"${seconds}s" --latency -H "Cookie: aufwind-session=abgelaufen" "$base$path" | awk '/Requests\/sec/ {rps=$2} /50%/ {p50=$2} /99%/ {p99=$2} END {print rps " req/s, p50 " p50 ", p99 " p99}'
echo "Resident memory of the server: $(grep VmRSS /proc/$server/status | awk '{print $2 / 1024 " MB"}')"
