#!/usr/bin/env bash
# What each part of the clinic day costs the two cores: every scenario of the simulation alone (LOAD_ONLY) at its
# rate (LOAD_FACTOR, 1.0 unless given), and the whole day, with the CPU Follicle and PostgreSQL spent on each request.
# The counting starts SETTLE seconds after the first request (the practitioners' sign-ins are Argon2 hashes, not
# chart pages) and lasts MEASURE seconds; requests are Follicle's own count (/actuator/prometheus), PostgreSQL's CPU
# is its connections' (the backends serving the requests), and beside it what its background processes spent.
#   perf/cost-per-request.sh FOLLICLE_PID [scenario...]   (DATABASE_*, FOLLICLE_URL as for the simulation;
#   scenarios: reception booking signing assessing charts day, all unless given)
set -uo pipefail
cd "$(dirname "$0")/.."
pid=$1; shift
url=${FOLLICLE_URL:-http://localhost:8080}
settle=${SETTLE:-25} measure=${MEASURE:-60}
export LOAD_FACTOR=${LOAD_FACTOR:-1.0} LOAD_SECONDS=$((settle + measure + 5))
hz=$(getconf CLK_TCK)
source perf/counts.sh
find_postmaster
requests() { served | cut -d' ' -f1; }
parts=${*:-reception booking signing assessing charts day}
for part in $parts; do
  only=$part; [ "$part" = day ] && only=
  first=$(requests)
  LOAD_ONLY=$only FOLLICLE_URL=$url ./mvnw -q -Pload test-compile gatling:test > "target/cost-$part.log" 2>&1 &
  load=$!
  while [ "$(requests)" = "$first" ] && kill -0 $load 2>/dev/null; do sleep 1; done
  sleep "$settle"
  n0=$(requests); f0=$(ticks "$pid"); read -r p0 b0 < <(postgres_ticks)
  sleep "$measure"
  n1=$(requests); f1=$(ticks "$pid"); read -r p1 b1 < <(postgres_ticks)
  wait $load || echo "$part: the simulation failed (target/cost-$part.log)"
  awk -v s="$part" -v n=$((n1 - n0)) -v f=$((f1 - f0)) -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v hz="$hz" \
    -v t="$measure" 'BEGIN {
    printf "%-10s %6.1f requests/s  Follicle %5.2f ms a request (%3.0f %% of a core)  PostgreSQL %5.2f ms (%3.0f %%)", \
      s, n / t, f * 1000 / hz / n, f / hz / t * 100, p * 1000 / hz / n, p / hz / t * 100
    printf "  its background %3.0f %%\n", b / hz / t * 100 }'
done
