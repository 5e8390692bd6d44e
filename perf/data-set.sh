#!/usr/bin/env bash
# Keeps the generated data set and puts it back, so that runs that sign the booked visits (each signs thousands of
# the 30,000) start from the same data set without generating it again (5-6 minutes; a copy takes seconds):
#   perf/data-set.sh keep follicle_load      right after generating: a copy as the template follicle_load_kept
#   perf/data-set.sh restore follicle_load   the database as it was kept (Follicle stopped), read into the buffers
# Run as root (psql as postgres), like perf/measured-run.sh.
set -euo pipefail
action=$1
db=$2
kept=${db}_kept
as_postgres() { su postgres -c "PGOPTIONS=-cclient_min_messages=warning psql -v ON_ERROR_STOP=1 -q $*"; }
# The owner goes with the copy: Follicle's user creates its tables in the schema its database owner owns.
owner_of() { su postgres -c "psql -Atc \"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$1'\""; }
case $action in
  keep)
    owner=$(owner_of "$db")
    [ -n "$owner" ] || { echo "No database $db" >&2; exit 1; }
    as_postgres "-c CHECKPOINT -c 'DROP DATABASE IF EXISTS $kept' \
      -c 'CREATE DATABASE $kept OWNER $owner TEMPLATE $db'" ;;
  restore)
    owner=$(owner_of "$kept")
    [ -n "$owner" ] || { echo "No kept copy of $db: run '$0 keep $db' after generating" >&2; exit 1; }
    as_postgres "-c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db'\" \
      -c 'DROP DATABASE IF EXISTS $db' -c 'CREATE DATABASE $db OWNER $owner TEMPLATE $kept'" > /dev/null
    # The buffers (docs/performance.md, "The machine"): a fresh copy is on disk only.
    as_postgres "-d $db -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm'"
    as_postgres "-d $db -Atc \"SELECT 'read into the buffers: ' || sum(pg_prewarm(c.oid)) || ' pages'
      FROM pg_class c WHERE c.relkind IN ('r', 'i', 'm', 't')
      AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)\"" ;;
  *)
    echo "usage: $0 keep|restore <database>" >&2; exit 2 ;;
esac
