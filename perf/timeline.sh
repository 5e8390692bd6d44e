#!/usr/bin/env bash
# A run second by second, ten at a time: what Follicle served (its own count and mean latency, from
# /actuator/prometheus), the CPU Follicle, PostgreSQL's connections and its background processes spent, how busy the
# machine was, how fast the cores ran a fixed loop then, when the cohort facts were last refreshed (the timer's
# refresh, every ten minutes, and the reports computed again after it) and what PostgreSQL was vacuuming. A slow
# stretch of a run shows here with what else was running then (the eighth round's slow minutes were not the JIT's;
# the ninth's first were the cohort facts' refresh; the fourteenth's and fifteenth's began with one).
#   perf/timeline.sh FOLLICLE_PID SECONDS   (FOLLICLE_URL; PostgreSQL the machine's, reachable as postgres through su)
set -uo pipefail
pid=$1 until=$(($(date +%s) + $2))
url=${FOLLICLE_URL:-http://localhost:8080}
every=${EVERY:-10}
source "$(dirname "$0")/counts.sh"
find_postmaster
db=$(su postgres -c "psql -Atc \"SELECT datname FROM pg_stat_activity WHERE client_addr IS NOT NULL LIMIT 1\"")
sample() {
  local connections rest busy requests seconds
  read -r connections rest < <(postgres_ticks)
  read -r busy _ < <(machine)
  read -r requests seconds < <(served)
  echo "$(date +%s.%N) $(ticks "$pid") $connections $rest $busy $requests $seconds"
}
# How fast the cores ran then: the CPU time of the same loop, 50-60 ms on a quiet machine. It rises when the
# cores are slowed, by the host's other tenants or by the caches the run's own work shares, and then every request
# costs more CPU too (docs/performance.md, fourteenth round).
loop_ms() { local TIMEFORMAT=%3U; { time awk 'BEGIN {for (i = 0; i < 1e6; i++) x = (x * 31 + i) % 4294967296}'; } 2>&1; }
hz=$(getconf CLK_TCK)
# When the facts the cohort reports read date from (UTC, as the times here), and the tables being vacuumed.
state="SELECT (SELECT coalesce(to_char(refreshed_at AT TIME ZONE 'UTC', 'HH24:MI:SS'), '-') FROM outcomes_refresh),
  (SELECT string_agg(relid::regclass || ' ' || phase, ', ') FROM pg_stat_progress_vacuum)"
echo "time      requests/s  mean ms | CPU % of a core: Follicle  PostgreSQL connections  background  machine |" \
  "loop ms | facts of | vacuuming"
read -r t0 f0 c0 r0 m0 n0 s0 < <(sample)
while [ "$(date +%s)" -lt "$until" ]; do
  sleep "$every"
  read -r t1 f1 c1 r1 m1 n1 s1 < <(sample)
  loop=$(loop_ms)
  read -r facts vacuum < <(su postgres -c "psql -d $db -AtF ' ' -c \"$state\"" 2>/dev/null)
  awk -v t0="$t0" -v t1="$t1" -v f=$((f1 - f0)) -v c=$((c1 - c0)) -v r=$((r1 - r0)) -v m=$((m1 - m0)) \
    -v n=$((n1 - n0)) -v s="$s0 $s1" -v hz="$hz" -v l="$loop" -v a="$facts" -v v="$vacuum" 'BEGIN {
      split(s, x, " "); d = t1 - t0; k = 100 / hz / d
      printf "%s %8.1f %8.1f | %25.0f %23.0f %11.0f %8.0f | %7.0f | %8s | %s\n", strftime("%H:%M:%S", t1, 1),
        n / d, n ? (x[2] - x[1]) / n * 1000 : 0, f * k, c * k, r * k, m * k, l * 1000, a, v }'
  t0=$t1 f0=$f1 c0=$c1 r0=$r1 m0=$m1 n0=$n1 s0=$s1
done
