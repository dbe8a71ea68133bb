package vn.nq57.map;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every layer, audience and environment test of {@link MapEnvironmentAndAccessTest} again (viewport layers for the
 * staff and the public, points, simplification by zoom), on PostgreSQL with PostGIS ({@link PostgisServer}).
 */
@EnabledIf(value = "vn.nq57.map.PostgisServer#available", disabledReason = PostgisServer.SKIPPED)
@ContextConfiguration(initializers = PostgisServer.Initializer.class)
class MapLayersOnPostgisTest extends MapEnvironmentAndAccessTest {
}
