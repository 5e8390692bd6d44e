#!/usr/bin/env bash
# One measured clinic day, as docs/performance.md reports them: pgbench for 10 s (the machine's state), a warm-up
# (WARMUP: seconds@factor stages, "240@0.5" unless given), the cohort facts refreshed, a CHECKPOINT, then
# LOAD_SECONDS at LOAD_FACTOR. Prints Gatling's summary and assertions, and what the measured part cost: Follicle's
# CPU, of that what its JIT compiled (jstat: the compiler threads share the cores with the requests), how busy the
# machine was and Gatling's own share; target/timeline.log has the run ten seconds at a time (perf/timeline.sh).
#   perf/measured-run.sh FOLLICLE_PID   (DATABASE_URL, DATABASE_USERNAME, DATABASE_PASSWORD, FOLLICLE_URL as for
#   the simulation; the database must be the machine's, reachable as postgres through su for pgbench)
set -uo pipefail
cd "$(dirname "$0")/.."
pid=$1
url=${FOLLICLE_URL:-http://localhost:8080}
db=${DATABASE_URL##*/}
source perf/counts.sh
jit() { jstat -compiler "$pid" | awk 'NR == 2 {print $1, $4}'; }
simulate() { FOLLICLE_URL=$url ./mvnw -q -Pload test-compile gatling:test; }

su postgres -c "PGOPTIONS=-cclient_min_messages=warning psql -q -d $db -f $PWD/perf/single-row-table.sql"
su postgres -c "pgbench -n -c 16 -j 2 -T 10 -f $PWD/perf/single-row-insert.sql $db" 2>/dev/null | grep -E '^tps'
su postgres -c "psql -q -d $db -c 'TRUNCATE bench_single_row'"

for stage in ${WARMUP:-240@0.5}; do
  read -r _ jit_before < <(jit)
  LOAD_SECONDS=${stage%@*} LOAD_FACTOR=${stage#*@} LOAD_CLOSE_DAY=false simulate > target/warmup.log 2>&1
  read -r _ jit_after < <(jit)
  echo "warm-up $stage: the JIT compiled for $(awk -v a="$jit_before" -v b="$jit_after" 'BEGIN {printf "%.1f", b - a}') s"
done
curl -s -o /dev/null -w 'facts refreshed: %{http_code}\n' -X POST -H 'Authorization: Bearer flc_load_load.director' \
  "$url/api/v1/analytics/cohorts/refresh"
su postgres -c "psql -q -d $db -c CHECKPOINT"

cpu0=$(ticks "$pid"); read -r compiled0 jit0 < <(jit); read -r busy0 idle0 stolen0 < <(machine); start=$(date +%s)
simulate > target/measured.log 2>&1 &
load=$!
# Ten seconds at a time, what was served and what else ran (perf/timeline.sh): a slow stretch shows its company.
FOLLICLE_URL=$url perf/timeline.sh "$pid" $((${LOAD_SECONDS:-300} + 60)) > target/timeline.log 2>&1 &
timeline=$!
# Gatling's own JVM (forked by the Maven plugin): its CPU is the load's, not Follicle's, on the same two cores.
gatling_ticks=0
while kill -0 $load 2>/dev/null; do
  gatling=$(pgrep -f 'io.gatling.app.Gatling' | head -1)
  [ -n "$gatling" ] && gatling_ticks=$(ticks "$gatling" || echo "$gatling_ticks")
  sleep 2
done
cpu1=$(ticks "$pid"); read -r compiled1 jit1 < <(jit); read -r busy1 idle1 stolen1 < <(machine); end=$(date +%s)
kill $timeline 2>/dev/null

sed -n '/---- Global Information/,/^> mean throughput/p' target/measured.log
grep -E ': (true|false) \(actual' target/measured.log
echo "Ten seconds at a time: target/timeline.log"
awk -v c=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v s=$((end - start)) -v n=$((compiled1 - compiled0)) \
  -v j0="$jit0" -v j1="$jit1" -v g="$gatling_ticks" -v b=$((busy1 - busy0)) -v i=$((idle1 - idle0)) \
  -v t=$((stolen1 - stolen0)) -v cores="$(nproc)" 'BEGIN {
    all = (b + i + t) / cores / 100
    printf "Follicle: %.0f %% of a core over %d s; the JIT compiled %d methods in %.1f s\n", c / hz / s * 100, s, n, j1 - j0
    printf "Machine: %.0f %% busy of %d %% (Gatling %.0f %% of it from its start), %.0f %% stolen\n",
      b / all, cores * 100, g / hz / s * 100, t / all }'
