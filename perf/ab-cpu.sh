#!/usr/bin/env bash
# Compares two running Follicles by the CPU each spends on the same requests: the clinic-day simulation
# (LOAD_FACTOR, LOAD_SECONDS) against each in turn, ROUNDS times, counting the JVM's CPU (/proc/PID/stat), all of
# PostgreSQL's (only one side has load at a time; its connections' alone would lose those the pool closes and opens
# again during a turn) and Gatling's requests. Taking turns matters on this virtual machine, whose speed drifts for
# minutes at a time (docs/performance.md); the same requests compared over the same minutes are what a change is
# judged by. Each turn includes the practitioners' sign-ins (the same on both sides), and the first rounds are the
# JIT's: compare the later.
#   perf/ab-cpu.sh URL_A PID_A URL_B PID_B   (DATABASE_* as for the simulation; psql as postgres through su)
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-6}
export LOAD_FACTOR=${LOAD_FACTOR:-0.5} LOAD_SECONDS=${LOAD_SECONDS:-60}
source perf/counts.sh
find_postmaster
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    if [ $side = A ]; then url=$1 pid=$2; else url=$3 pid=$4; fi
    before=$(ticks "$pid"); pg_before=$(postgres_ticks | awk '{print $1 + $2}')
    out=$(FOLLICLE_URL=$url ./mvnw -q -Pload test-compile gatling:test 2>&1)
    after=$(ticks "$pid"); pg_after=$(postgres_ticks | awk '{print $1 + $2}')
    # Gatling's summary: "> request count ... |     5,310 |     5,310 |         -"
    requests=$(awk -F'|' '/^> request count/ {gsub(/[ ,]/, "", $2); print $2; exit}' <<<"$out")
    p95=$(awk -F'|' '/^> response time 95th percentile/ {gsub(/[ ,]/, "", $2); print $2; exit}' <<<"$out")
    awk -v r="$round" -v s="$side" -v n="$requests" -v c=$((after - before)) -v pg=$((pg_after - pg_before)) \
      -v hz="$hz" -v p="$p95" 'BEGIN {
        printf "round %s %s: %d requests, %.0f s CPU, %.3f ms CPU a request, PostgreSQL %.3f ms, p95 %s ms\n",
          r, s, n, c / hz, c * 1000 / hz / n, pg * 1000 / hz / n, p }'
  done
done
