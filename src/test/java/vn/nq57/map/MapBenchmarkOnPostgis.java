package vn.nq57.map;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.ContextConfiguration;

/**
 * The same benchmark on PostgreSQL with PostGIS ({@link PostgisServer}): viewports through {@code ST_Intersects} on
 * the generated geometry, the import's overlap and containment checks in SQL. Writes target/bench/map-postgis.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@EnabledIf(value = "vn.nq57.map.PostgisServer#available", disabledReason = PostgisServer.SKIPPED)
@ContextConfiguration(initializers = PostgisServer.Initializer.class)
class MapBenchmarkOnPostgis extends MapBenchmark {

	@Override
	String output() {
		return "target/bench/map-postgis.md";
	}
}
