# Sourced by .ci/run: a throw-away PostgreSQL server for the store and REST API suites, which run
# against H2 always and against PostgreSQL when RAMPART_TEST_PG_URL is set (issue 9).
# Installs the Debian package when missing (as root), starts a private cluster in a temporary
# directory on a free port (never the system's cluster, so that it cannot clash with one already
# running), creates the user and database, exports the URL, and stops and removes it on exit.
# Quick when PostgreSQL is installed: initdb and start take a few seconds.

rampart_pg_start() {
  if [ -n "${RAMPART_TEST_PG_URL:-}" ]; then
    echo "ci: using the PostgreSQL of RAMPART_TEST_PG_URL"
    return
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "ci: PostgreSQL is not installed and this is not root: apt-get install postgresql" >&2
      return 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi

  # initdb refuses to run as root: the server runs as the postgres user then.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    as=(runuser -u postgres --)
  fi
  RAMPART_PG_DIR=$(mktemp -d /tmp/rampart-pg.XXXXXX)
  chmod 755 "$RAMPART_PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$RAMPART_PG_DIR"
  fi

  local port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done

  echo rampart > "$RAMPART_PG_DIR/pw"
  "${as[@]}" "$bin/initdb" -D "$RAMPART_PG_DIR/data" -U rampart --pwfile="$RAMPART_PG_DIR/pw" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$RAMPART_PG_DIR/data" -l "$RAMPART_PG_DIR/log" -w \
    -o "-p $port -k $RAMPART_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  RAMPART_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$RAMPART_PG_DIR/data" -m fast stop)
  trap rampart_pg_stop EXIT
  "${as[@]}" "$bin/createdb" -h "$RAMPART_PG_DIR" -p "$port" -U rampart rampart_test

  export RAMPART_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/rampart_test?user=rampart&password=rampart"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

rampart_pg_stop() {
  "${RAMPART_PG_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$RAMPART_PG_DIR"
}
