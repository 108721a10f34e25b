#!/bin/sh
# Compares the schedule optimiser with an exact MILP (HiGHS via scipy) on generated instances
# (400 participants, 60 sessions, 8 rooms, 8 slots). Needs a release build:
#   swift build -c release --product aufwind && sh Benchmarks/schedule/compare.sh [seeds] [seconds]
set -e
cd "$(dirname "$0")/../.."
bin=.build/release/aufwind
seeds="${1:-1 2 3}"
budget="${2:-60}"
printf "seed | ours (default) | time | ours (%ss budget) | MILP score | MILP bound | MILP time | status\n" "$budget"
for seed in $seeds; do
  file=$(mktemp /tmp/aufwind-instance-XXXX.json)
  $bin schedule --generate --seed "$seed" 2>/dev/null > "$file"
  start=$(date +%s.%N)
  ours=$($bin schedule --input "$file" --seed 1 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["score"])')
  took=$(echo "$(date +%s.%N) - $start" | bc)
  # the same search with a budget of about `budget` seconds: iterations scaled from the default run
  iterations=$(python3 -c "print(int(400000 * $budget / max(0.05, $took)))")
  long=$($bin schedule --input "$file" --seed 2 --iterations "$iterations" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["score"])')
  milp=$(python3 Benchmarks/schedule/milp.py "$file" --time "$budget")
  echo "$seed | $ours | ${took}s | $long | $(echo "$milp" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["score"], "|", d["bound"], "|", d["seconds"], "s |", d["status"])')"
  rm -f "$file"
done
