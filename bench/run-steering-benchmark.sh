#!/usr/bin/env bash
# The leaders' board, the ranking and the session brief at national scale (issue 20; results in
# bench/RESULTS-steering.md). Targets: a saved board of eight widgets p95 < 300 ms, the ranking p95 < 300 ms,
# the session brief .docx < 5 s.
#
# Builds the jar if the sources are newer, starts it on a fresh embedded PostgreSQL with the synthetic
# national data set (vn.nq57.demo.ScaleData: 5.000 agencies, 40.000 tasks, ≈1.000.000 assignments) and the demo
# data (its leader's board of eight widgets, its sessions: vn.nq57.steering.SteeringDemoData), the clock fixed at
# 22/11/2026, signs in as lanhdao (form login with CSRF), then times each URL N times after W warm-up requests
# and prints p50 / p95 / max in milliseconds. The first request of each URL is printed apart ("cold").
# Needs only bash, curl, awk, sort and a JDK.
#
#   bench/run-steering-benchmark.sh                  # national scale, N=50, fresh data in /tmp/nq57-bench-steering
#   bench/run-steering-benchmark.sh -n 30 -w 3 --reuse                      # the data of the last run
#   bench/run-steering-benchmark.sh --reuse --app-args "--nq57.steering.cache-seconds=0"   # nothing kept
#
# The options are those of bench/run-benchmark.sh, which does the work (this file names the user and the URLs).
set -euo pipefail
BENCH_DIR=/tmp/nq57-bench-steering
BENCH_PORT=18130
BENCH_DB_PORT=29430
BENCH_USER=lanhdao
BENCH_COLD=1

# the demo's board and sessions (the next regular session follows up the issued one; the working session is scoped)
bench_urls() {
  BOARD=$(curl -s -b "$JAR_COOKIES" "$BASE/boards" | grep -o 'href="/boards/[0-9]*"' | head -1 | grep -o '[0-9]*' || true)
  SESSIONS=$(curl -s -b "$JAR_COOKIES" "$BASE/steering/sessions" | grep -o 'href="/steering/sessions/[0-9]*"' | grep -o '[0-9]*' || true)
  NEXT=$(echo "$SESSIONS" | sed -n 2p); FIRST=$(echo "$SESSIONS" | sed -n 1p)
  echo "Board $BOARD; sessions: $(echo $SESSIONS)"
  URLS=(
    "/boards/$BOARD"
    "/boards/$BOARD?period=MONTH"
    "/boards/$BOARD?agencyKind=COMMUNE"
    "/steering/ranking"
    "/steering/ranking?kind=DEPARTMENT"
    "/steering/sessions/$NEXT/brief"
    "/steering/sessions/$NEXT/brief.docx"
    "/steering/sessions/$FIRST/brief.docx"
    "/boards/$BOARD.pdf"
    "/boards/$BOARD.xlsx"
  )
}

# shellcheck source=run-benchmark.sh
source "$(dirname "$0")/run-benchmark.sh"
