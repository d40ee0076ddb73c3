#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server on loopback for the test suite.
#
#   scripts/postgres_server.sh start   # install (Debian packages) if missing, initdb, start
#   scripts/postgres_server.sh stop    # stop the server and delete its data folder
#   scripts/postgres_server.sh env     # print the GTM_PG_* exports for the running server
#
# The server listens on 127.0.0.1 only, at GTM_PG_PORT (default 55432), with its data in
# GTM_PG_DATA (default /tmp/gtm-postgres). initdb and the server refuse to run as root,
# so when this script runs as root they run as the `postgres` system user that the Debian
# package creates. The superuser `gtm` (password GTM_PG_PASSWORD, default `gtm`) owns the
# database `gtm`; the tests create further roles themselves.
set -euo pipefail

port="${GTM_PG_PORT:-55432}"
data_dir="${GTM_PG_DATA:-/tmp/gtm-postgres}"
password="${GTM_PG_PASSWORD:-gtm}"

find_bin_dir() {
    local pg_config_dir
    for pg_config_dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$pg_config_dir/initdb" ]]; then
            echo "$pg_config_dir"
            return 0
        fi
    done
    return 1
}

install_server() {
    if find_bin_dir >/dev/null; then
        return 0
    fi
    if [[ "$(id -u)" != 0 ]]; then
        echo "error: PostgreSQL is not installed and installing it needs root: run 'apt-get install postgresql'" >&2
        exit 1
    fi
    echo "Installing PostgreSQL from the Debian packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Run a command as the owner of the data folder: the postgres system user under root,
# the current user otherwise.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    install_server
    local bin_dir
    bin_dir="$(find_bin_dir)"

    if [[ -f "$data_dir/postmaster.pid" ]] && as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
        echo "PostgreSQL is already running on 127.0.0.1:$port ($data_dir)"
        return 0
    fi

    rm -rf "$data_dir"
    mkdir -p "$data_dir"
    local password_file="$data_dir.password"
    printf '%s\n' "$password" >"$password_file"
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres:postgres "$data_dir" "$password_file"
    fi
    chmod 700 "$data_dir"

    as_owner "$bin_dir/initdb" --pgdata="$data_dir" --username=gtm --pwfile="$password_file" \
        --auth-host=scram-sha-256 --auth-local=peer --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$password_file"

    # fsync off and a small shared_buffers suit a throwaway test server on a small machine.
    as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $data_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null
    PGPASSWORD="$password" "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U gtm -d postgres -q \
        -c "create database gtm" >/dev/null
    echo "PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') is running on 127.0.0.1:$port ($data_dir)"
}

stop() {
    local bin_dir
    bin_dir="$(find_bin_dir)" || return 0
    if [[ -d "$data_dir" ]]; then
        as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$data_dir"
    fi
}

print_env() {
    echo "export GTM_PG_HOST=127.0.0.1 GTM_PG_PORT=$port GTM_PG_USER=gtm GTM_PG_PASSWORD=$password GTM_PG_DATABASE=gtm"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) print_env ;;
    *)
        echo "usage: $0 start|stop|env" >&2
        exit 2
        ;;
esac
