#!/usr/bin/env bash
# Failover drill (issue 18; not a CI gate). Starts PostgreSQL (installed with apt if missing),
# two release instances on one schema behind HAProxy (health check: /readyz), runs a mixed
# read/write load with an API token through the balancer (wrk, drill.lua), kills one instance with
# SIGKILL mid-run and starts it again. Reports requests/s, p50/p99, failed requests, acknowledged
# writes lost (checked in the database afterwards; must be 0) and the time until the restarted
# instance is ready and consistent (/readyz: database reachable, copies loaded, change log current).
# Usage: Benchmarks/cluster/run.sh [seconds]   (as root on a Debian machine, like CI)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
balancer=18090; first=18091; second=18092
export DEBIAN_FRONTEND=noninteractive

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk; need haproxy haproxy; need psql postgresql-client

if [ -z "${DATABASE_URL:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; fi
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start 2>/dev/null || true
  until pg_isready -q -h 127.0.0.1 -p 5432; do sleep 1; done
  password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD '$password';\"" >/dev/null
  export DATABASE_URL="postgres://postgres:$password@127.0.0.1:5432/postgres?sslmode=disable"
fi
psql_url="${DATABASE_URL%%\?*}"

swift build -c release --product aufwind >/dev/null
aufwind=.build/release/aufwind
work=$(mktemp -d)
export AUFWIND_POSTGRES_SCHEMA="drill_$(date +%s)" LOG_LEVEL=warning
psql "$psql_url" -q -c "CREATE SCHEMA $AUFWIND_POSTGRES_SCHEMA"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$psql_url" -q -c "DROP SCHEMA IF EXISTS $AUFWIND_POSTGRES_SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Vorbereitung: Register, Demo-Einträge, Konto (Schema $AUFWIND_POSTGRES_SCHEMA)"
$aufwind import-register >/dev/null
$aufwind generate-demo --items 2000 >/dev/null
admin_password="drill-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
AUFWIND_ADMIN_PASSWORD="$admin_password" $aufwind create-admin --email uebung@aufwind.test --name Übung >/dev/null

start_instance() {
  local port=$1
  $aufwind serve --port "$port" >>"$work/instance-$port.log" 2>&1 &
  echo $!
}
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/readyz"; }
instance_one=$(start_instance $first); pids+=("$instance_one")
instance_two=$(start_instance $second); pids+=("$instance_two")
until ready $first && ready $second; do sleep 0.2; done

cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 512
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    retries 2
    option redispatch
frontend aufwind
    bind 127.0.0.1:$balancer
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /readyz
    default-server inter 500ms fall 2 rise 2
    server eins 127.0.0.1:$first check
    server zwei 127.0.0.1:$second check
CFG
haproxy -f "$work/haproxy.cfg" -q & pids+=("$!")
base="http://127.0.0.1:$balancer"
until curl -sf -o /dev/null "$base/readyz"; do sleep 0.2; done

# An API token through the web forms, as a person would create it (through the balancer).
jar="$work/cookies"
csrf() { { grep -o 'name="_csrf" value="[^"]*"' || true; } | head -1 | sed 's/.*value="//; s/"//'; }
login=$(curl -s -c "$jar" "$base/anmelden" | csrf)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$login" --data-urlencode "email=uebung@aufwind.test" \
  --data-urlencode "password=$admin_password" "$base/anmelden"
consent=$(curl -s -b "$jar" -c "$jar" "$base/nutzungsbedingungen/zustimmen")
version=$(echo "$consent" | { grep -o 'name="fassung" value="[^"]*"' || true; } | head -1 | sed 's/.*value="//; s/"//')
if [ -n "$version" ]; then
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$(echo "$consent" | csrf)" --data-urlencode "fassung=$version" \
    "$base/nutzungsbedingungen/zustimmen"
fi
token_form=$(curl -s -b "$jar" -c "$jar" "$base/konto/tokens" | csrf)
TOKEN=$(curl -s -b "$jar" -c "$jar" --data-urlencode "_csrf=$token_form" --data-urlencode "name=Übung" --data-urlencode "rechte=schreiben" "$base/konto/tokens" \
  | grep -o 'aw_[A-Za-z0-9_-]*' | head -1)
[ -n "$TOKEN" ] || { echo "Kein API-Token erhalten"; exit 1; }
probe_write=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  --data '{"beschreibung":"Probe","version":0}' "$base/api/v1/kommunen/03358016/profil")
[ "$probe_write" = 200 ] || { echo "Schreiben über die API geht nicht (HTTP $probe_write)"; exit 1; }
export TOKEN ACKS="$work/acks"
: >"$ACKS"

echo "Last: wrk -t2 -c32 -d${seconds}s über HAProxy; nach $((seconds / 3)) s wird Instanz zwei mit SIGKILL beendet und neu gestartet"
wrk -t2 -c32 -d"${seconds}s" --latency -s Benchmarks/cluster/drill.lua "$base" >"$work/wrk.txt" &
load=$!
sleep $((seconds / 3))
kill -9 "$instance_two"
killed_at=$(date +%s.%N)
sleep 1
instance_two=$(start_instance $second); pids+=("$instance_two")
restarted_at=$(date +%s.%N)
until ready $second; do sleep 0.05; done
ready_at=$(date +%s.%N)
wait $load
cat "$work/wrk.txt" | grep -E "requests|latency|failed"

# Consistent: the restarted instance answers what the other one answers (a town profile written
# during the run, read from each instance directly).
probe=$(tail -n 1 "$ACKS" | cut -d' ' -f1)
one=$(curl -s "http://127.0.0.1:$first/api/v1/kommunen/$probe/profil" | grep -o '"version":[0-9]*' || true)
two=$(curl -s "http://127.0.0.1:$second/api/v1/kommunen/$probe/profil" | grep -o '"version":[0-9]*' || true)

# Every acknowledged write is in the database: no town's stored version is below one acknowledged
# (or read) during the run.
lost=0; acknowledged=$(wc -l <"$ACKS")
while read -r town highest; do
  stored=$(psql "$psql_url" -tAc "SELECT COALESCE(MAX(version), 0) FROM $AUFWIND_POSTGRES_SCHEMA.town_profiles WHERE org_key = '$town'")
  below=$(awk -v t="$town" -v s="$stored" '$1 == t && $2 > s' "$ACKS" | wc -l)
  lost=$((lost + below))
done < <(sort -k1,1 -k2,2n "$ACKS" | awk '{h[$1] = $2} END {for (t in h) print t, h[t]}')

echo "Bestätigte Profilstände (Schreib-Antworten und Lesevorgänge nach Konflikten): $acknowledged, davon in der Datenbank verloren: $lost"
awk -v k="$killed_at" -v r="$restarted_at" -v d="$ready_at" \
  'BEGIN {printf "Instanz zwei: SIGKILL, Neustart nach %.1f s, bereit und aktuell (/readyz) %.2f s nach dem Neustart\n", r - k, d - r}'
echo "Profil $probe: Instanz eins $one, Instanz zwei $two"
[ "$lost" -eq 0 ] || { echo "FEHLER: bestätigte Schreibvorgänge verloren"; exit 1; }
