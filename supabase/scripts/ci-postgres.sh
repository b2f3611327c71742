#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 and lets `postgres` log in over TCP with a password,
# so the db suite can run on a real server:
#   eval "$(supabase/scripts/ci-postgres.sh)" && npm run test:db
# Prints the export line for DATABASE_URL on stdout. Run as root.
set -euo pipefail
password="${PGPASSWORD_FOR_TESTS:-postgres}"

if ! pg_ctlcluster 15 main status >/dev/null 2>&1; then
  pg_ctlcluster 15 main start >&2
fi
# Debian's pg_hba.conf already allows scram-sha-256 on 127.0.0.1; only the password is missing.
su postgres -c "psql -qX -c \"alter user postgres password '${password}'\"" >&2
echo "export DATABASE_URL=postgres://postgres:${password}@127.0.0.1:5432/postgres"
