# CPU counting shared by the perf scripts (sourced): a process's ticks, and PostgreSQL's split into its connections'
# (the backends serving the requests) and the rest: the server's own, its background processes' (checkpointer, WAL
# writer, autovacuum) and those of the children it has reaped (a connection that closed moves here).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postmaster=$(head -1 "$(su postgres -c "psql -Atc 'SHOW data_directory'")/postmaster.pid")
postgres_ticks() {
  local connections=0 rest child
  rest=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    if grep -q '127.0.0.1\|\[local\]' "/proc/$child/cmdline" 2>/dev/null; then
      connections=$((connections + $(ticks "$child")))
    else
      rest=$((rest + $(ticks "$child")))
    fi
  done
  echo "$connections $rest"
}
