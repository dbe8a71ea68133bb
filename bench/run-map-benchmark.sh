#!/usr/bin/env bash
# The map's benchmark (bench/RESULTS-map.md): 20.000 lots, 2.000 lines, viewport requests at zooms 10–18, the
# land-fund summary, a 5.000-lot import preview. Writes target/bench/map.md (embedded PostgreSQL 17, no PostGIS) and,
# when Debian's PostgreSQL with PostGIS is installed (apt-get install postgresql-postgis), target/bench/map-postgis.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test -Dtest='MapBenchmark,MapBenchmarkOnPostgis' -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench/map.md
[ -f target/bench/map-postgis.md ] && cat target/bench/map-postgis.md || true
