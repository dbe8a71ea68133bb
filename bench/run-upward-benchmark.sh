#!/usr/bin/env bash
# The benchmark of issue 19 (see bench/RESULTS-upward.md for a run):
#   1. a call of 30 questions to 5.000 agencies, all answered: the completeness grid and the consolidation p95 < 500 ms;
#   2. the consolidated .docx < 5 s;
#   3. a national system's file (Đề án 06 layout, a row per agency) for 5.000 agencies < 10 s.
# Runs vn.nq57.upward.UpwardBenchmark on a fresh embedded PostgreSQL (port 54561, -Dnq57.bench.db-port=… to change);
# the data is generated in SQL. Figures: target/bench/upward.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "$(date -Iseconds) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg) · $(java -version 2>&1 | head -1)"
OFFLINE=""; [ -d "${HOME}/.m2/repository/org/apache/poi/poi-ooxml" ] && OFFLINE="-o"
./mvnw -q $OFFLINE test -Dtest=UpwardBenchmark -Dnq57.bench=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo
cat target/bench/upward.txt
