#!/usr/bin/env bash
# Database pause (issue 18): while the application serves requests, its PostgreSQL is stopped for 20 s (SIGSTOP)
# and continued (SIGCONT), with wrk sending a background load (LOAD connections on /tasks, signed in) the whole time.
# Asserts: during the pause no request answers 500; each answers 503 with the Vietnamese page within 11 s (the pool's
# and the socket's timeouts are 10 s; once the gate has closed, at once); after SIGCONT the application answers 200
# again by itself, without a restart, within 30 s.
#
#   bench/run-benchmark.sh --keep --scale province   # or any running application on BASE
#   bench/trust/db-pause.sh                          # BASE=http://localhost:18080 DB_PORT=29480 PAUSE=20
set -uo pipefail
BASE=${BASE:-http://localhost:18080}
DB_PORT=${DB_PORT:-29480}
PAUSE=${PAUSE:-20}
LOAD=${LOAD:-20}
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
WRK_OUT=$(mktemp /tmp/nq57-pause-wrk.XXXX)
if command -v wrk >/dev/null && [ "$LOAD" -gt 0 ]; then
  cookie=$(awk '$6=="SESSION"{print $7}' "$JAR")
  wrk -t2 -c"$LOAD" -d"$((PAUSE + 50))s" --timeout 30s --latency -H "Cookie: SESSION=$cookie" "$BASE/tasks" > "$WRK_OUT" 2>&1 &
  WRK=$!
  sleep 10   # the load runs before, during and after the pause
fi
# the server and every backend process (stopping only the postmaster leaves open connections working)
PIDS="$PG $(pgrep -P "$PG" | tr '\n' ' ')"
kill -STOP $PIDS; echo "PostgreSQL $PG and its $(wc -w <<<"$PIDS") processes stopped for $PAUSE s"
start=$(date +%s)
n=0; slowest=0
while [ $(( $(date +%s) - start )) -lt "$PAUSE" ]; do
  read -r code t < <(probe)
  n=$((n + 1)); echo "  paused: $code in ${t}s"
  limit=11
  slowest=$(awk "BEGIN{print ($t > $slowest) ? $t : $slowest}")
  if [ "$code" = 500 ] || [ "$code" = 200 ] || awk "BEGIN{exit !($t > $limit)}"; then fail=1; echo "  FAIL: $code in ${t}s"; fi
  if [ "$code" = 503 ] && ! grep -q "chưa kết nối được cơ sở dữ liệu" /tmp/nq57-pause-body; then
    fail=1; echo "  FAIL: 503 without the Vietnamese message: $(head -c 300 /tmp/nq57-pause-body)"; fi
done
kill -CONT $PIDS; echo "PostgreSQL continued"
ok=0
for i in $(seq 1 30); do
  read -r code t < <(probe); echo "  after: $code in ${t}s"
  if [ "$code" = 200 ]; then ok=$((ok + 1)); [ $ok -ge 3 ] && break; else ok=0; fi
  sleep 1
done
[ $ok -ge 3 ] || { fail=1; echo "  FAIL: not answering 200 again"; }
recovered=$(( $(date +%s) - start - PAUSE ))
[ -n "${WRK:-}" ] && wait "$WRK"
cat "$WRK_OUT"
echo "recovered ${recovered}s after SIGCONT; result: $([ $fail = 0 ] && echo PASS || echo FAIL)"
{
  echo; echo "## Database pause ($(date -u +%Y-%m-%dT%H:%MZ))"; echo
  echo "\`bench/trust/db-pause.sh\` against $BASE, PostgreSQL pid $PG and its backends stopped $PAUSE s with $LOAD connections of"
  echo "background load: $([ $fail = 0 ] && echo PASS || echo FAIL); $n probes during the pause, slowest ${slowest} s; answering 200 again"
  echo "${recovered} s after SIGCONT; load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo; echo "Background load (wrk on /tasks, before, during and after the pause; the non-2xx are the 503s of the pause):"
  echo; echo '```'; cat "$WRK_OUT"; echo '```' 
} >> "$ROOT/bench/RESULTS-trust.md"
exit $fail
