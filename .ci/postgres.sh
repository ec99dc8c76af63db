# Sourced by .ci/run: installs Debian's PostgreSQL if needed, starts a throwaway cluster on a
# private Unix socket and exports QUOTEGRAPH_TEST_PG_URL for the tests. The cluster is stopped
# and removed when the calling shell exits.

_qg_pg_bin() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
  else
    # Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<version>/bin
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
  fi
}

QG_PG_BIN="$(_qg_pg_bin)"
if [ -z "$QG_PG_BIN" ] || [ ! -x "$QG_PG_BIN/initdb" ]; then
  echo "postgres.sh: installing Debian's postgresql package" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  QG_PG_BIN="$(_qg_pg_bin)"
fi

# initdb refuses to run as root: run the server as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  _qg_as_pg() { runuser -u postgres -- "$@"; }
else
  _qg_as_pg() { "$@"; }
fi

QG_PG_DIR="$(mktemp -d /tmp/quotegraph-pg.XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$QG_PG_DIR"
fi
_qg_as_pg "$QG_PG_BIN/initdb" -D "$QG_PG_DIR/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
# No TCP at all: the server listens only on a socket in QG_PG_DIR. fsync off: throwaway data.
_qg_as_pg "$QG_PG_BIN/pg_ctl" -D "$QG_PG_DIR/data" -l "$QG_PG_DIR/server.log" -w -s \
  -o "-k $QG_PG_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start
_qg_as_pg "$QG_PG_BIN/createdb" -h "$QG_PG_DIR" -U postgres quotegraph_test

_qg_pg_stop() {
  _qg_as_pg "$QG_PG_BIN/pg_ctl" -D "$QG_PG_DIR/data" -m immediate -s stop || true
  rm -rf "$QG_PG_DIR"
}
trap _qg_pg_stop EXIT

export QUOTEGRAPH_TEST_PG_URL="postgresql+psycopg://postgres@/quotegraph_test?host=$QG_PG_DIR"
echo "postgres.sh: PostgreSQL $("$QG_PG_BIN/postgres" --version | awk '{print $3}') on $QG_PG_DIR" >&2
