package vn.nq57.map;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/** Every import test of {@link MapImportTest} again, on PostgreSQL with PostGIS ({@link PostgisServer}). */
@AutoConfigureMockMvc
@EnabledIf(value = "vn.nq57.map.PostgisServer#available", disabledReason = PostgisServer.SKIPPED)
@ContextConfiguration(initializers = PostgisServer.Initializer.class)
class MapImportOnPostgisTest extends MapImportTest {
}
