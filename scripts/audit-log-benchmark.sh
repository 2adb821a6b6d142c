#!/usr/bin/env bash
# The audit log's reads and writes before and after ADR 0010 (keyed seals, checkpoints): a throw-away PostgreSQL 17
# (the embedded server's binaries, as Lots runs it) with two databases, "before" with V5 only and "after" with V5, V52
# and V53, each filled with the same ROWS entries through the insert trigger (ROWS/10 persons, 1 % of them with
# protected identity), spread over a year; then EXPLAIN (ANALYZE, BUFFERS) of the auditor's page's and start panel's
# statements (as audit.internal.AuditEntries writes them), the write of a worklist page's 50 search hits, and the
# verify walk. Usage: scripts/audit-log-benchmark.sh [ROWS]   (docs/benchmarks.md, "Audit log")
set -euo pipefail
ROWS=${1:-300000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIGRATIONS=$ROOT/src/main/resources/db/migration
BIN=$(dirname "$(ls -d /tmp/embedded-pg/PG-*/bin/postgres | head -1)")
DIR=$(mktemp -d /tmp/audit-bench.XXXXXX)
PORT=${PORT:-55437}
# PostgreSQL will not run as root: as root, run the server as the user postgres
AS=()
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); chown postgres "$DIR"; fi
trap '"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DIR"' EXIT
"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c shared_buffers=${SHARED_BUFFERS:-256MB} -c fsync=off" -l "$DIR/log" -w start >/dev/null
PSQL="psql -h $DIR -p $PORT -U postgres -v ON_ERROR_STOP=1 -X -q"

for side in before after; do
    $PSQL -d postgres -c "CREATE DATABASE $side"
    $PSQL -d $side -f "$MIGRATIONS/V5__audit_append_only_hash_chained_log.sql"
    if [ $side = after ]; then
        $PSQL -d $side -f "$MIGRATIONS/V52__audit_forgettable_persons_keyed_seal.sql"
        $PSQL -d $side -f "$MIGRATIONS/V53__audit_signed_checkpoints_and_retention.sql"
    fi
    $PSQL -d $side <<SQL
-- the registry's published view, as far as the start panel reads it
CREATE TABLE registry_person (id uuid PRIMARY KEY, protected_identity boolean NOT NULL);
INSERT INTO registry_person
SELECT md5('person' || n)::uuid, n % 100 = 0 FROM generate_series(1, $ROWS / 10) n;
SELECT setseed(0.23);
\timing on
\echo $side: $ROWS entries through the trigger
INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail, prev_hash, hash)
SELECT 'user' || (n % 200), 1 + n % 20, 'CASE_WORKER', md5('person' || (1 + (n::bigint * 7919) % ($ROWS / 10)))::uuid,
       CASE WHEN n % 1000 = 0 THEN 'BREAK_GLASS' WHEN n % 100 = 1 THEN 'EXPORT' WHEN n % 20 = 2 THEN 'UPDATE'
            WHEN n % 3 = 0 THEN 'SEARCH' ELSE 'READ' END,
       CASE WHEN n % 1000 = 0 THEN 'NODATKOMST: ringde' ELSE 'EGEN_ORGANISATION' END, NULL, 'sökträff', '', ''
  FROM generate_series(1, $ROWS) n ORDER BY n;
\timing off
-- a year of entries, the newest now (the hashes no longer fit: these timings are of reading, not verifying)
ALTER TABLE audit_entry DISABLE TRIGGER USER;
UPDATE audit_entry SET at = now() - (($ROWS - id) * (interval '1 year' / $ROWS));
ALTER TABLE audit_entry ENABLE TRIGGER USER;
VACUUM ANALYZE;
SQL
done

# V52 on a log that already has entries (a database from before it): it rehashes the chain with seals; then the
# chain must verify, and a person can be forgotten with the chain still whole. On a changed log V52 must refuse.
WHOLE="SELECT count(*) FILTER (WHERE NOT ok) FROM (
  SELECT a.hash = audit_entry_hash(a) AND a.prev_hash = coalesce(lag(a.hash) OVER (ORDER BY a.id), repeat('0', 64))
         AND (a.seal IS NULL OR (a.person_id IS NULL AND k.key IS NULL) OR a.seal = audit_entry_seal(a, k.key)) AS ok
    FROM audit_entry a LEFT JOIN audit_person_key k ON k.person_id = a.person_id) w"
FILL="INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail, prev_hash, hash)
SELECT 'user' || (n % 20), 1, 'CASE_WORKER', CASE WHEN n % 10 = 0 THEN NULL ELSE md5('person' || (n % 500))::uuid END,
       'READ', 'EGEN_ORGANISATION', NULL, 'detalj ' || n, '', '' FROM generate_series(1, 20000) n ORDER BY n"
for db in migrated tampered; do
    $PSQL -d postgres -c "CREATE DATABASE $db"
    $PSQL -d $db -f "$MIGRATIONS/V5__audit_append_only_hash_chained_log.sql"
    $PSQL -d $db -c "$FILL"
done
$PSQL -d tampered -c "ALTER TABLE audit_entry DISABLE TRIGGER USER; UPDATE audit_entry SET detail = 'ändrad' WHERE id = 777"
start=$(date +%s.%N)
$PSQL -d migrated -f "$MIGRATIONS/V52__audit_forgettable_persons_keyed_seal.sql"
$PSQL -d migrated -f "$MIGRATIONS/V53__audit_signed_checkpoints_and_retention.sql"
echo "V52 on 20 000 entries: $(echo "$(date +%s.%N) - $start" | bc) s; entries not fitting the chain after it: $($PSQL -d migrated -At -c "$WHOLE")"
echo "forgot $($PSQL -d migrated -At -c "SELECT audit_forget_person(md5('person' || 42)::uuid)") entries; entries not fitting after: $($PSQL -d migrated -At -c "$WHOLE"); entries still naming the person: $($PSQL -d migrated -At -c "SELECT count(*) FROM audit_entry a WHERE a::text LIKE '%' || md5('person' || 42)::uuid || '%'")"
if $PSQL -d tampered -f "$MIGRATIONS/V52__audit_forgettable_persons_keyed_seal.sql" 2>/dev/null; then
    echo "V52 on a changed log: NOT refused"
else
    echo "V52 on a changed log: refused"
fi

# the median of RUNS runs (after one warm-up), so that both sides read from a warm cache and a busy machine's
# hiccups do not decide the figure
RUNS=${RUNS:-7}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] " ms" }'; }
explain() {
    local side=$1 title=$2 sql=$3
    $PSQL -d "$side" -c "EXPLAIN (ANALYZE) $sql" >/dev/null
    printf '| %s | %s | %s |\n' "$title" "$side" "$(for run in $(seq "$RUNS"); do
        $PSQL -d "$side" -At -c "EXPLAIN (ANALYZE) $sql" | grep 'Execution Time' | sed 's/.*: //; s/ ms//'
    done | median)"
    # PLANS=1: each statement's plan too, with its buffers (to /dev/stderr, after the table row)
    if [ -n "${PLANS:-}" ]; then $PSQL -d "$side" -c "EXPLAIN (ANALYZE, BUFFERS) $sql" >&2; fi
}

PERSON="md5('person' || 4711)::uuid"
PROTECTED="(SELECT y.id FROM registry_person y WHERE y.protected_identity)"
COLS="id, at, username, organisation_id, role, person_id, action, purpose, consent_id, detail"
echo
echo "| statement | side | execution time |"
echo "|---|---|---:|"
for side in before after; do
    explain $side "person's log, page 1 (200)" "SELECT $COLS FROM audit_entry WHERE true AND person_id = $PERSON ORDER BY id DESC LIMIT 200 OFFSET 0"
    explain $side "person's log, count" "SELECT count(*) FROM audit_entry WHERE true AND person_id = $PERSON"
    explain $side "user and a month, page 1" "SELECT $COLS FROM audit_entry WHERE true AND username = 'user17' AND at >= now() - interval '30 days' AND at < now() ORDER BY id DESC LIMIT 200 OFFSET 0"
    explain $side "emergency accesses, 30 days" "SELECT $COLS FROM audit_entry WHERE true AND at >= now() - interval '30 days' AND action = 'BREAK_GLASS' ORDER BY id DESC LIMIT 500 OFFSET 0"
    explain $side "start panel: protected reads, count" "SELECT count(*) FROM audit_entry a WHERE a.person_id IN $PROTECTED AND a.action IN ('READ', 'EXPORT') AND a.at >= now() - interval '7 days'"
    explain $side "start panel: protected reads, newest 5" "SELECT a.id FROM audit_entry a WHERE a.person_id IN $PROTECTED AND a.action IN ('READ', 'EXPORT') AND a.at >= now() - interval '7 days' ORDER BY a.id DESC LIMIT 5"
    explain $side "start panel: emergencies, count" "SELECT count(*) FROM audit_entry a WHERE a.action = 'BREAK_GLASS' AND a.at >= now() - interval '7 days'"
done
for side in before after; do
    # a worklist page: 50 search hits in one statement, through the trigger (rolled back: the log stays the same)
    printf '| %s | %s | %s |\n' "write 50 search hits (recordEach)" "$side" "$(for run in $(seq "$RUNS"); do
        $PSQL -d $side -At <<SQL | grep -E '^Time' | tail -1 | sed 's/Time: //; s/ ms.*//'
BEGIN;
\\timing on
INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail, prev_hash, hash)
SELECT 'user1', 1, 'CASE_WORKER', md5('person' || n)::uuid, 'SEARCH', 'EGEN_ORGANISATION', NULL, 'sökträff', '', ''
  FROM generate_series(1, 50) n;
\\timing off
ROLLBACK;
SQL
    done | median)"
done
printf '| %s | %s | %s |\n' "forget a person ($($PSQL -d after -At -c "SELECT count(*) FROM audit_entry WHERE person_id = $PERSON") entries)" after "$(for run in $(seq "$RUNS"); do
    $PSQL -d after -At <<SQL | grep -E '^Time' | tail -1 | sed 's/Time: //; s/ ms.*//'
BEGIN;
\\timing on
SELECT audit_forget_person($PERSON);
\\timing off
ROLLBACK;
SQL
    done | median)"
RUNS=3
explain before "verify walk (whole log)" "SELECT id, prev_hash, hash, audit_entry_hash(a) AS expected FROM audit_entry a ORDER BY id"
explain after "verify walk (whole log)" "SELECT a.id, a.prev_hash, a.hash, audit_entry_hash(a) AS expected, a.seal IS NULL OR (a.person_id IS NULL AND k.key IS NULL AND a.purpose IS NULL AND a.consent_id IS NULL AND a.detail IS NULL) OR a.seal = audit_entry_seal(a, k.key) AS sealed, a.seal IS NOT NULL AND a.person_id IS NULL AS forgotten FROM audit_entry a LEFT JOIN audit_person_key k ON k.person_id = a.person_id ORDER BY a.id"
for side in before after; do
    printf '| %s | %s | %s |\n' "table size (heap + indexes)" $side "$($PSQL -d $side -At -c "SELECT pg_size_pretty(pg_total_relation_size('audit_entry'))")"
done
