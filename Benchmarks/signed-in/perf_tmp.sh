#!/usr/bin/env bash
# Signed-in pages under load (issue 18; not a CI gate): a release server with the register, a
# published 60-session event and 1,000 demo items; an ordinary account signed up, confirmed and
# signed in through the forms; then wrk with 32
# connections, side by side in one run: the programme page anonymous and with the session cookie, an
# item page anonymous and signed in. SQLite by default; PostgreSQL when DATABASE_URL is set.
# Usage: Benchmarks/signed-in/run_wrk.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"; port=18082
command -v wrk >/dev/null || { echo "wrk fehlt: apt-get install wrk"; exit 1; }
swift build -c release --product aufwind >/dev/null
work=$(mktemp -d)
export AUFWIND_SQLITE_PATH="$work/signed-in.sqlite" LOG_LEVEL=warning
if [ -n "${DATABASE_URL:-}" ]; then
  export AUFWIND_POSTGRES_SCHEMA="signedin_$(date +%s)"
  psql "${DATABASE_URL%%\?*}" -q -c "CREATE SCHEMA $AUFWIND_POSTGRES_SCHEMA"
fi
.build/release/aufwind import-register >/dev/null
programme=$(.build/release/aufwind generate-demo --event 60 | grep -o '/veranstaltungen/[^ ]*/programm')
.build/release/aufwind generate-demo --items 1000 >/dev/null
password="signed-in-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The outbox is readable at /dev/mails for this run only (the confirmation link of the account).
AUFWIND_DEV_MAILS=1 .build/release/aufwind serve --port "$port" & server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
until curl -sf "$base/readyz" >/dev/null; do sleep 1; done
jar="$work/cookies"
csrf() { { grep -o 'name="_csrf" value="[^"]*"' || true; } | head -1 | sed 's/.*value="//; s/"//'; }
# A person signs up through the form, confirms the address and signs in: an ordinary account
# (no admin, no event registration), as most visitors are.
register_csrf=$(curl -s -c "$jar" "$base/registrieren" | csrf)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$register_csrf" --data-urlencode "nutzungsbedingungen=ja" \
  --data-urlencode "name=Sitzung" --data-urlencode "email=sitzung@aufwind.test" --data-urlencode "password=$password" "$base/registrieren"
confirm=""
for _ in $(seq 1 20); do
  confirm=$(curl -s "$base/dev/mails" | grep -o '/bestaetigen?token=[A-Za-z0-9_-]*' | head -1 || true)
  [ -n "$confirm" ] && break
  sleep 0.5
done
[ -n "$confirm" ] || { echo "Keine Bestätigungs-Mail"; exit 1; }
curl -s -b "$jar" -c "$jar" -o /dev/null "$base$confirm"
# Confirming signs the person in; otherwise through the login form.
if ! awk '$6 == "aufwind-session" {found = 1} END {exit !found}' "$jar"; then
  login_csrf=$(curl -s -b "$jar" -c "$jar" "$base/anmelden" | csrf)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$login_csrf" --data-urlencode "email=sitzung@aufwind.test" \
    --data-urlencode "password=$password" "$base/anmelden"
fi
# The account agrees to the current terms of use, as a person would on their first visit.
consent=$(curl -s -b "$jar" -c "$jar" "$base/nutzungsbedingungen/zustimmen")
version=$(echo "$consent" | { grep -o 'name="fassung" value="[^"]*"' || true; } | head -1 | sed 's/.*value="//; s/"//')
if [ -n "$version" ]; then
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$(echo "$consent" | csrf)" --data-urlencode "fassung=$version" \
    "$base/nutzungsbedingungen/zustimmen"
fi
session=$(awk '$6 == "aufwind-session" {print $7}' "$jar")
[ -n "$session" ] || { echo "Anmeldung fehlgeschlagen"; exit 1; }
item=$(curl -s "$base/eintraege" | grep -o '/eintraege/[0-9a-f-]\{36\}' | head -1)
database=SQLite; [ -n "${DATABASE_URL:-}" ] && database=PostgreSQL
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: aufwind-session=$session" "$base$item")" = 200 ] || { echo "Eintrag angemeldet nicht 200"; exit 1; }
echo "Datenbank: $database; Programm $programme, Eintrag $item"
run() {
  local label="$1"; shift
  printf '%-45s ' "$label"
  wrk -t2 -c32 -d"${seconds}s" --latency "$@" | awk '/Requests\/sec/ {rps=$2} /50%/ {p50=$2} /99%/ {p99=$2} /Non-2xx/ {bad=$0} END {print rps " req/s, p50 " p50 ", p99 " p99 (bad ? ", " bad : "")}'
}
perf record -F 999 -g -p $server -o /tmp/perf-item.data -- sleep 8 >/dev/null 2>&1 & run "Eintrag angemeldet" -H "Cookie: aufwind-session=$session" "$base$item"; wait; perf record -F 999 -g -p $server -o /tmp/perf-prog.data -- sleep 8 >/dev/null 2>&1 & run "Programm angemeldet" -H "Cookie: aufwind-session=$session" "$base$programme"; wait; exit 0
run "Programm anonym" "$base$programme"
run "Programm angemeldet" -H "Cookie: aufwind-session=$session" "$base$programme"
run "Eintrag anonym" "$base$item"
run "Eintrag angemeldet" -H "Cookie: aufwind-session=$session" "$base$item"
echo "Resident memory of the server: $(grep VmRSS /proc/$server/status | awk '{print $2 / 1024 " MB"}')"
