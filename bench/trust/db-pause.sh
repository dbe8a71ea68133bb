#!/usr/bin/env bash
# Database pause (issue 18): while the application serves requests, its PostgreSQL is stopped for 20 s (SIGSTOP)
# and continued (SIGCONT). Asserts: during the pause every request answers within 5 s, with 503 and the Vietnamese
# page, never 500; after SIGCONT the application
# answers 200 again by itself, without a restart, within 30 s.
#
#   bench/run-benchmark.sh --keep --scale province   # or any running application on BASE
#   bench/trust/db-pause.sh                          # BASE=http://localhost:18080 DB_PORT=29480 PAUSE=20
set -uo pipefail
BASE=${BASE:-http://localhost:18080}
DB_PORT=${DB_PORT:-29480}
PAUSE=${PAUSE:-20}
csrf_in() { grep -o -E 'name="_csrf" (content|value)="[^"]*"' | head -1 | sed -E 's/.*(content|value)="//; s/"$//' || true; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$(mktemp /tmp/nq57-pause.XXXX)
PG=$(ss -ltnpH "sport = :$DB_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$PG" ] || { echo "no PostgreSQL listening on port $DB_PORT" >&2; exit 2; }
page=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login")
token=$(csrf_in <<<"$page")
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=sokhcn" --data-urlencode "password=Demo@2026" \
  --data-urlencode "_csrf=$token" "$BASE/login"
probe() { curl -s -o /tmp/nq57-pause-body -w "%{http_code} %{time_total}" -b "$JAR" "$BASE/tasks"; }
echo "before: $(probe)"
fail=0
# the server and every backend process (stopping only the postmaster leaves open connections working)
PIDS="$PG $(pgrep -P "$PG" | tr '\n' ' ')"
kill -STOP $PIDS; echo "PostgreSQL $PG and its $(wc -w <<<"$PIDS") processes stopped for $PAUSE s"
start=$(date +%s)
while [ $(( $(date +%s) - start )) -lt "$PAUSE" ]; do
  read -r code t < <(probe)
  echo "  paused: $code in ${t}s"
  if [ "$code" = 500 ] || awk "BEGIN{exit !($t > 5.5)}"; then fail=1; fi
  if [ "$code" = 503 ] && ! grep -q "chưa kết nối được cơ sở dữ liệu" /tmp/nq57-pause-body; then fail=1; fi
done
kill -CONT $PIDS; echo "PostgreSQL continued"
ok=0
for i in $(seq 1 30); do
  read -r code t < <(probe); echo "  after: $code in ${t}s"
  if [ "$code" = 200 ]; then ok=$((ok + 1)); [ $ok -ge 3 ] && break; else ok=0; fi
  sleep 1
done
[ $ok -ge 3 ] || fail=1
recovered=$(( $(date +%s) - start - PAUSE ))
echo "recovered ${recovered}s after SIGCONT; result: $([ $fail = 0 ] && echo PASS || echo FAIL)"
{
  echo; echo "## Database pause ($(date -u +%Y-%m-%dT%H:%MZ))"; echo
  echo "\`bench/trust/db-pause.sh\` against $BASE, PostgreSQL pid $PG stopped $PAUSE s: $([ $fail = 0 ] && echo PASS || echo FAIL), answering again ${recovered} s after SIGCONT."
} >> "$ROOT/bench/RESULTS-trust.md"
exit $fail
