#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: a primary and a streaming replica of it, listening on free
# ports of 127.0.0.1, their data in one temporary folder.
#
#   bash .ci/postgres.sh start   installs PostgreSQL if it is missing, starts both, and prints (alone
#                                on stdout) the exports to eval: TEST_DATABASE_URL, TEST_REPLICA_URL
#                                and PG_CI_ROOT, the folder that `stop` needs
#                                PG_DURABLE=1 keeps PostgreSQL's durable defaults (fsync, synchronous
#                                commit, full page writes), as the benchmarks want them
#   bash .ci/postgres.sh stop    stops both by data directory (pg_ctl -D, never by process name)
#                                and removes the folder named by PG_CI_ROOT
#
# Everything else goes to stderr. The servers trust loopback connections: they hold test data only,
# and fsync is off (unless PG_DURABLE=1) because a crash only loses what the next run recreates anyway.
set -euo pipefail

PG_VERSION=${PG_VERSION:-15}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_VERSION/bin}
MARKER=.structured-news-throwaway-postgres
ROLE=news
DATABASE=news

log () { echo "postgres.sh: $*" >&2; }

# initdb and the servers refuse to run as root: as root, run them as the postgres user
as_postgres () {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing () {
  if [ -x "$PG_BIN/initdb" ] && [ -f "$("$PG_BIN/pg_config" --sharedir)/extension/unaccent.control" ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL $PG_VERSION is not installed in $PG_BIN (with unaccent); install postgresql and postgresql-contrib, or run as root"
    exit 1
  fi
  log "installing PostgreSQL (apt-get install -y postgresql postgresql-contrib)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql postgresql-contrib >&2
}

# A port nothing listens on now; the servers bind it a moment later (start fails loudly if taken).
free_port () {
  node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })"
}

psql_at () { # port, then psql arguments
  local port=$1; shift
  as_postgres "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -At "$@"
}

stop_servers () {
  local root=$1
  for dir in "$root/replica" "$root/primary"; do
    if [ -f "$dir/postmaster.pid" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$dir" stop -m fast -w >&2 || true; fi
  done
}

start () {
  install_if_missing
  local root primary_port replica_port locale=C
  root=$(mktemp -d -t structured-news-pg.XXXXXX)
  touch "$root/$MARKER"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$root"; fi
  chmod 700 "$root"
  # a failed start leaves nothing running behind it
  trap 'log "start failed; server logs follow"; tail -n 20 "$root"/*.log >&2 2>/dev/null || true; stop_servers "$root"; rm -rf "$root"' ERR

  # C.UTF-8 where the C library has it: a UTF-8 character type, byte order for text
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale=C.UTF-8; fi
  primary_port=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$root/primary" -U postgres --auth=trust --encoding=UTF8 --locale="$locale" >"$root/initdb.log"
  cat >>"$root/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$root'
wal_level = replica
max_wal_senders = 4
hot_standby = on
# SSD pricing, as docs/operations.md advises: common-word searches walk the newest-first index
random_page_cost = 1.1
EOF
  if [ "${PG_DURABLE:-0}" != 1 ]; then
    printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$root/primary/postgresql.conf"
  fi
  cat >"$root/primary/pg_hba.conf" <<EOF
local all         all              trust
host  all         all 127.0.0.1/32 trust
host  replication all 127.0.0.1/32 trust
EOF
  as_postgres "$PG_BIN/pg_ctl" -D "$root/primary" -l "$root/primary.log" -w -t 60 start >&2
  # a role that is not a superuser, as in production: it creates its own databases (the tests make
  # one each) and, owning them, may create the trusted extensions the migrations need
  psql_at "$primary_port" -c "CREATE ROLE $ROLE LOGIN CREATEDB" -c "CREATE DATABASE $DATABASE OWNER $ROLE"

  # -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica
  replica_port=$(free_port)
  as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$root/replica" -R -X stream -c fast
  echo "port = $replica_port" >>"$root/replica/postgresql.auto.conf"
  as_postgres "$PG_BIN/pg_ctl" -D "$root/replica" -l "$root/replica.log" -w -t 60 start >&2

  local waited=0
  until [ "$(psql_at "$replica_port" -c "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'")" = 1 ]; do
    if [ "$waited" -ge 300 ]; then log "the replica did not stream within 30 s"; false; fi
    sleep 0.1; waited=$((waited + 1))
  done
  [ "$(psql_at "$replica_port" -c 'SELECT pg_is_in_recovery()')" = t ]
  trap - ERR
  log "primary on 127.0.0.1:$primary_port, replica on 127.0.0.1:$replica_port, data in $root"
  echo "export TEST_DATABASE_URL='postgres://$ROLE@127.0.0.1:$primary_port/$DATABASE'"
  echo "export TEST_REPLICA_URL='postgres://$ROLE@127.0.0.1:$replica_port/$DATABASE'"
  echo "export PG_CI_ROOT='$root'"
}

stop () {
  local root=${PG_CI_ROOT:-}
  if [ -z "$root" ]; then log "PG_CI_ROOT is not set: nothing to stop"; return 0; fi
  # only ever a folder this script made
  if [ ! -f "$root/$MARKER" ]; then log "$root is not a folder made by postgres.sh start; left alone"; return 1; fi
  stop_servers "$root"
  rm -rf "$root"
  log "stopped, and removed $root"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: bash .ci/postgres.sh start|stop" >&2; exit 2 ;;
esac
