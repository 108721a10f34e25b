#!/bin/sh
# Compares the 1:1 meeting scheduler with an exact MILP (HiGHS via scipy) on the benchmark
# instances (400 participants, 2,000 requests, 18 slots, 40 tables). Needs a build of aufwind;
# its time is only meaningful in release (the plan is the same in debug: the search is
# deterministic):
#   swift build -c release --product aufwind && sh Benchmarks/meetings/compare.sh [seeds] [seconds]
# AUFWIND_BIN overrides the binary. The release timing of the scheduler alone is also in the
# package benchmark (Benchmarks: swift package benchmark --target MeetingBenchmarks).
set -e
cd "$(dirname "$0")/../.."
bin="${AUFWIND_BIN:-.build/release/aufwind}"
seeds="${1:-1 2 3}"
budget="${2:-120}"
printf "seed | ours | time | MILP score | MILP bound | ours/MILP score | ours/bound | MILP time | status | check\n"
for seed in $seeds; do
  instance=$(mktemp /tmp/aufwind-meetings-XXXX.json)
  plan=$(mktemp /tmp/aufwind-meetings-plan-XXXX.json)
  $bin schedule-meetings --generate --seed "$seed" 2>/dev/null > "$instance"
  start=$(date +%s.%N)
  $bin schedule-meetings --input "$instance" --seed 1 2>/dev/null > "$plan"
  took=$(echo "$(date +%s.%N) - $start" | bc)
  python3 Benchmarks/meetings/milp.py "$instance" --time "$budget" --ours "$plan" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sys.argv[1], "|", d["ours"], "|", sys.argv[2] + "s", "|", d["score"], "|", d["bound"], "|", d.get("ours_vs_score"), "|",
      d.get("ours_vs_bound"), "|", str(d["seconds"]) + "s", "|", d["status"], "|", d["ours_check"])' "$seed" "$took"
  rm -f "$instance" "$plan"
done
