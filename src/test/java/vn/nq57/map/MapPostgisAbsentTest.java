package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;

/**
 * The embedded default has no PostGIS: the map starts without it, makes no geometry column, and its viewport query
 * is the bounding-box one (every other map test runs on it); the setting takes only auto or off.
 */
@IntegrationTest
class MapPostgisAbsentTest {

	@Autowired MapPostgis postgis;
	@Autowired MapLayers layers;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("without PostGIS on the server the map uses the bounding-box columns and adds nothing")
	void withoutPostgis() {
		assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'", Integer.class))
			.as("the embedded PostgreSQL offers no PostGIS").isZero();
		assertThat(postgis.active()).isFalse();
		assertThat(postgis.version()).isNull();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE column_name = 'geom_pg'",
				Integer.class)).isZero();
		assertThat(layers.inView("l", true)).startsWith("box(point(l.min_x, l.min_y)");
	}

	@Test
	@DisplayName("nq57.map.postgis takes auto or off; off never asks the server")
	void setting() {
		assertThatThrownBy(() -> new MapPostgis(null, null, "yes")).hasMessageContaining("auto hoặc off");
		assertThat(new MapPostgis(null, null, "OFF").active()).isFalse();
	}
}
