package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;

/**
 * The map on a real PostgreSQL with PostGIS (Debian's packages, {@link PostgisServer}): the extension is found and
 * set up at start-up, each geometry table gets a generated {@code geom_pg} with a GiST index, the viewport query goes
 * through that index with {@code ST_Intersects} (exact, not the bounding box), and an import's overlap with stored
 * lots and zone containment are answered by PostGIS. {@link MapImportOnPostgisTest} and
 * {@link MapLayersOnPostgisTest} run the whole import and layer tests on the same server.
 */
@IntegrationTest
@AutoConfigureMockMvc
@EnabledIf(value = "vn.nq57.map.PostgisServer#available", disabledReason = PostgisServer.SKIPPED)
@ContextConfiguration(initializers = PostgisServer.Initializer.class)
class MapPostgisTest {

	@Autowired MapPostgis postgis;
	@Autowired MapLayers layers;
	@Autowired MapData data;
	@Autowired MapImport imports;
	@Autowired MapFixtures fx;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("PostGIS found at start-up: geometry columns generated from the GeoJSON, with GiST indexes, filled for new rows")
	void setUpAtStartUp() {
		assertThat(postgis.active()).isTrue();
		assertThat(postgis.version()).startsWith("3.");
		for (String table : List.of("map_zone", "map_lot", "map_infra", "map_monitoring_point")) {
			assertThat(jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
					+ "WHERE attrelid = ?::regclass AND attname = 'geom_pg'", String.class, table))
				.as(table).startsWith("geometry(");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE tablename = ? AND indexdef LIKE '%gist (geom_pg)%'",
					Integer.class, table)).as(table + " GiST index").isEqualTo(1);
		}
		MapFixtures.Zone z = fx.zone();
		double[] b = z.lot(1, 1);
		saveLot(z, z.code() + "-G", MapDemoData.box(b[0], b[1], b[2], b[3]));
		var row = jdbc.queryForMap("SELECT ST_SRID(geom_pg) AS srid, ST_IsValid(geom_pg) AS valid, "
				+ "ST_Area(geom_pg::geography) AS m2, area_m2 FROM map_lot WHERE code = ?", z.code() + "-G");
		assertThat(row.get("srid")).isEqualTo(4326);
		assertThat(row.get("valid")).isEqualTo(true);
		// PostGIS's geodesic area and the application's VN-2000 area of the same lot agree within 0,1 %
		assertThat((Double) row.get("m2")).isCloseTo((Double) row.get("area_m2"),
				org.assertj.core.data.Percentage.withPercentage(0.1));
	}

	@Test
	@DisplayName("the viewport query uses ST_Intersects through the GiST index, and is exact: a lot whose box meets the viewport but not its outline is left out")
	void viewportThroughTheIndexAndExact() {
		MapFixtures.Zone z = fx.zone();
		double[] b = z.lot(4, 4);
		// a triangle: the lower-left half of the cell, nothing in its upper-right corner
		Geometry triangle = GeoJson.FACTORY.createPolygon(new Coordinate[] { new Coordinate(b[0], b[1]),
				new Coordinate(b[2], b[1]), new Coordinate(b[0], b[3]), new Coordinate(b[0], b[1]) });
		saveLot(z, z.code() + "-T", triangle);
		double w = (b[2] - b[0]) / 5;
		MapLayers.Viewport corner = new MapLayers.Viewport(b[2] - w, b[3] - w, b[2] - w / 2, b[3] - w / 2, 18);
		MapLayers.Viewport middle = new MapLayers.Viewport(b[0], b[1], b[0] + w, b[1] + w, 18);
		assertThat(layers.lots(corner, MapLayers.Filter.NONE, MapAccess.Audience.STAFF, true))
			.as("the box of the triangle meets the corner, its outline does not").doesNotContain(z.code() + "-T");
		assertThat(layers.lots(middle, MapLayers.Filter.NONE, MapAccess.Audience.STAFF, true)).contains(z.code() + "-T");
		assertThat(layers.layer(MapLayers.Layer.zones, middle, MapLayers.Filter.NONE, MapAccess.Audience.STAFF))
			.contains(z.code());

		List<String> plan = jdbc.execute((ConnectionCallback<List<String>>) c -> {
			List<String> lines = new ArrayList<>();
			try (Statement s = c.createStatement()) {
				s.execute("SET enable_seqscan = off");
				try (ResultSet rs = s.executeQuery("EXPLAIN SELECT l.id FROM map_lot l WHERE "
						+ layers.inView("l", true).replace("?, ?, ?, ?", b[0] + ", " + b[1] + ", " + b[2] + ", " + b[3]))) {
					while (rs.next()) {
						lines.add(rs.getString(1));
					}
				}
				s.execute("RESET enable_seqscan");
			}
			return lines;
		});
		assertThat(String.join("\n", plan)).contains("map_lot_geom_pg").contains("st_intersects");
	}

	@Test
	@DisplayName("an import's overlap with stored lots and its zone containment come from PostGIS (ST_Relate, ST_Covers, ST_Difference)")
	void overlapAndContainmentInSql() {
		MapFixtures.Zone z = fx.zone();
		String p = z.code() + "-O";
		double[] stored = z.lot(2, 2);
		saveLot(z, p + "0", MapDemoData.box(stored[0], stored[1], stored[2], stored[3]));
		double[] shifted = { stored[0] + 0.0004, stored[1], stored[2] + 0.0004, stored[3] };
		double[] touching = { stored[2], stored[1], stored[2] + 0.0003, stored[3] };
		double[] astride = { z.lon() + 0.0105, z.lat() + 0.003, z.lon() + 0.0125, z.lat() + 0.004 };
		double[] inside = z.lot(6, 6);
		double[] nowhere = { z.lon() - 0.05, z.lat() - 0.05, z.lon() - 0.049, z.lat() - 0.049 };
		MapImport.Preview pv = runAs.user("cb.bql", () -> imports.preview("LOTS", "pg.geojson", MapFixtures.collection(null, List.of(
				fx.rect(shifted, false, "\"code\":\"" + p + "1\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(astride, false, "\"code\":\"" + p + "2\",\"zone\":\"" + z.code() + "\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(inside, false, "\"code\":\"" + p + "3\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(nowhere, false, "\"code\":\"" + p + "4\",\"land_use\":\"CN\",\"status\":\"available\""))), ""));
		List<String> m = MapImportTest.messages(pv);
		assertThat(m).anyMatch(s -> s.startsWith(p + "1: chồng lấn với lô đã có “" + p + "0”"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "2: lô nằm ngoài khu “Khu kiểm thử"));
		assertThat(m).anyMatch(s -> s.equals(p + "4: lô không nằm trong khu nào trên bản đồ và tệp không ghi khu"));
		assertThat(m).noneMatch(s -> s.startsWith(p + "3:"));
		// the overlap's area: 0,0004° of the 0,0008° cell, measured as the application measures areas
		String overlap = m.stream().filter(s -> s.startsWith(p + "1: chồng lấn")).findFirst().orElseThrow();
		long m2 = Long.parseLong(overlap.replaceAll(".*: ([0-9.]+) m²$", "$1").replace(".", ""));
		double expected = fx.area(new double[] { shifted[0], stored[1], stored[2], stored[3] });
		assertThat((double) m2).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));

		// a lot that only touches a stored one is no overlap
		MapImport.Preview touch = runAs.user("cb.bql", () -> imports.preview("LOTS", "touch.geojson",
				MapFixtures.collection(null, List.of(fx.rect(touching, false,
						"\"code\":\"" + p + "5\",\"land_use\":\"CN\",\"status\":\"available\""))), ""));
		assertThat(touch.errors()).as(MapImportTest.messages(touch).toString()).isZero();
		assertThat(runAs.user("cb.bql", () -> imports.commit(touch.id()))).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT zone_id FROM map_lot WHERE code = ?", Long.class, p + "5"))
			.as("the zone PostGIS found").isEqualTo(z.id());
	}

	private void saveLot(MapFixtures.Zone z, String code, Geometry g) {
		runAs.user("cb.bql", () -> data.saveLots(List.of(new MapData.LotInput(code, z.id(), "Đất công nghiệp",
				LotStatus.AVAILABLE, null, null, null, null, null, null, null, null, g, "EPSG:4326", false))));
	}
}
