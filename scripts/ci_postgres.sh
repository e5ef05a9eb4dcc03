#!/usr/bin/env bash
# Run the storage, workflow and report tests against a throwaway PostgreSQL server.
#
# Installs Debian's `postgresql` package when no server binaries are found (apt-get; needs root),
# starts a cluster in a temporary folder owned by the `postgres` user, listening on 127.0.0.1
# port ${PGPORT:-5433} with trust authentication on loopback only, installs the `postgres` extra
# (psycopg[binary]), runs
#   pytest -m "not bundle and not sqlite_only" tests/store tests/services tests/reports
# with OPSLEDGER_TEST_PG pointing at it (tests/conftest.py then gives every test its own
# database on that server), and stops the cluster and removes the folder whatever the outcome.
# Extra arguments are passed to pytest; PG_TESTS="tests/store/x.py ..." runs other test paths.
# Exit status: pytest's.
set -euo pipefail

PORT="${PGPORT:-5433}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

find_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

if ! BINDIR="$(find_bindir)"; then
    echo "ci_postgres: installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends postgresql
    BINDIR="$(find_bindir)"
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres

if ! "$PYTHON" -c "import psycopg" 2>/dev/null; then
    "$PYTHON" -m pip install -q "psycopg[binary]>=3.1"
fi

WORK="$(mktemp -d /tmp/opsledger-pg.XXXXXX)"
chown postgres "$WORK"
as_pg() { (cd "$WORK" && runuser -u postgres -- "$@"); }

stop_cluster() {
    as_pg "$BINDIR/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap stop_cluster EXIT

as_pg "$BINDIR/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A throwaway server: durability off (fsync) buys speed; never do this with real data.
as_pg "$BINDIR/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null

export OPSLEDGER_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
cd "$ROOT"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export QT_QPA_PLATFORM=offscreen
set +e
# shellcheck disable=SC2086 - PG_TESTS is a list of paths
"$PYTHON" -m pytest -p no:cacheprovider -m "not bundle and not sqlite_only" \
    ${PG_TESTS:-tests/store tests/services tests/reports} "$@"
status=$?
set -e
exit $status
