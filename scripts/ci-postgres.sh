#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster (Debian's `postgresql` package) on 127.0.0.1
# for CI, create a database and a password-protected role, and print its URL:
#
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh)"      # start
#   bash scripts/ci-postgres.sh stop                          # stop and delete it
#
# Runs as root (CI) — initdb and the server run as the `postgres` user — or as an
# ordinary user who can run them directly. Nothing is installed and no system
# cluster is touched: everything lives in PG_CI_DIR (default /tmp/portal-ci-pg).
# Progress goes to stderr; stdout is only the URL.
set -euo pipefail

DIR="${PG_CI_DIR:-/tmp/portal-ci-pg}"
PORT="${PG_CI_PORT:-55432}"
DB="${PG_CI_DB:-portal_ci}"
ROLE="${PG_CI_ROLE:-portal}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "ci-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi

# Run a server binary as the cluster owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-start}" = stop ]; then
  if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true; fi
  rm -rf "$DIR"
  exit 0
fi

# A fresh cluster every time: CI must not depend on what a previous run left.
if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$DIR/data" -m immediate -w stop >&2 || true; fi
rm -rf "$DIR"
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
chmod 700 "$DIR"

password="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
pwfile="$DIR/pw"
printf '%s\n' "$password" > "$pwfile"
[ "$(id -u)" = 0 ] && chown postgres "$pwfile"
chmod 600 "$pwfile"

echo "ci-postgres: initdb in $DIR/data ($bindir)" >&2
as_owner "$bindir/initdb" -D "$DIR/data" -U postgres --pwfile="$pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null

# Loopback TCP only; the unix socket stays inside the private folder.
as_owner "$bindir/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2

psql_owner() { as_owner "$bindir/psql" -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_owner -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$password'" >&2
psql_owner -d postgres -c "CREATE DATABASE $DB OWNER $ROLE" >&2
rm -f "$pwfile"

echo "ci-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, database $DB" >&2
echo "postgres://$ROLE:$password@127.0.0.1:$PORT/$DB"
