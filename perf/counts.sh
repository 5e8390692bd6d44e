# What the perf scripts count (sourced). CPU in clock ticks: a process's own; PostgreSQL's split into its connections'
# (the backends serving the requests) and the rest: the server's own, its background processes' (checkpointer, WAL
# writer, autovacuum) and those of the children it has reaped (a connection that closed moves here); the whole
# machine's. And the requests Follicle has served, by its own count.

# A process's ticks; nothing, and a failure, once it has gone.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; }

# The whole machine's ticks: busy (user, nice, system, irq, softirq), idle (idle, iowait), stolen by the host.
machine() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $5 + $6, $9}' /proc/stat; }

# PostgreSQL's server process, found once by the scripts that count PostgreSQL (psql as postgres, through su).
find_postmaster() { postmaster=$(head -1 "$(su postgres -c "psql -Atc 'SHOW data_directory'")/postmaster.pid"); }

postgres_ticks() {
  local connections=0 rest child
  rest=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    if grep -q '127.0.0.1\|\[local\]' "/proc/$child/cmdline" 2>/dev/null; then
      connections=$((connections + $(ticks "$child" || echo 0)))
    else
      rest=$((rest + $(ticks "$child" || echo 0)))
    fi
  done
  echo "$connections $rest"
}

# Requests Follicle at $url has answered, and the seconds they took in all (its metrics; its own scrapes left out).
served() {
  curl -s -H 'Authorization: Bearer flc_load_load.director' "$url/actuator/prometheus" | awk '
    /^http_server_requests_seconds_count/ && !/uri="\/actuator/ {n += $NF}
    /^http_server_requests_seconds_sum/ && !/uri="\/actuator/ {s += $NF}
    END {printf "%d %.3f\n", n, s}'
}
