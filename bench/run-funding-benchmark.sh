#!/usr/bin/env bash
# The funding benchmark of issue 14 (see bench/RESULTS-funding.md for a run): national data generated in SQL —
# 5.000 agencies × 10 proposals × 5 budget years (250.000 proposals), 200.000 allocations, 1.000.000 disbursement
# rows — then DoST's review queue, Sở Tài chính's consolidation, the allocation/disbursement dashboard and the shares
# (target p95 < 300 ms each), the Excel export of 50.000 proposals (< 10 s) and a 2.000-row import preview (< 3 s).
# Runs vn.nq57.funding.FundingBenchmark on a fresh embedded PostgreSQL (port 54571; -Dnq57.bench.db-port=… to change).
# Figures: target/bench/funding.txt.
#
#   bench/run-funding-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "$(date -Iseconds) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg) · $(java -version 2>&1 | head -1)"
OFFLINE=""; [ -d "${HOME}/.m2/repository/org/apache/poi/poi-ooxml" ] && OFFLINE="-o"
./mvnw -q $OFFLINE test -Dtest=FundingBenchmark -Dnq57.bench=true -Dsurefire.failIfNoSpecifiedTests=false
echo
cat target/bench/funding.txt
