package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;

/**
 * The figures of bench/RESULTS-map.md: 20,000 lots and 2,000 infrastructure lines (written with SQL, the fixture),
 * viewport layer requests at every zoom from 10 to 18 (cold: cache dropped before each request; warm: random
 * viewports with the cache on), the land-fund summary, and the preview of a 5,000-lot GeoJSON import in VN-2000.
 * Runs only when asked: {@code ./mvnw -o test -Dtest=MapBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MapBenchmark {

	static final int LOTS = Integer.getInteger("bench.lots", 20_000);
	static final int LINES = Integer.getInteger("bench.lines", 2_000);
	static final int RUNS = Integer.getInteger("bench.runs", 20);

	@Autowired MapLayers layers;
	@Autowired MapQueries queries;
	@Autowired MapImport imports;
	@Autowired MapFixtures fx;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;
	@Autowired MapPostgis postgis;

	/** Where the figures go. */
	String output() {
		return "target/bench/map.md";
	}

	/** The bench region: 0,4° × 0,2° of lots (200 × 100), south-west of Dung Quất, inside the province. */
	static final double X0 = 108.30, Y0 = 14.60;

	@Test
	void figures() throws Exception {
		long t0 = System.nanoTime();
		long zone = jdbc.queryForObject("""
				INSERT INTO map_zone (code, name, kind, geom, min_x, min_y, max_x, max_y, area_m2, source_crs)
				VALUES ('BENCH', 'Khu đo hiệu năng', 'INDUSTRIAL_PARK', jsonb_build_object('type', 'Polygon', 'coordinates',
				  jsonb_build_array(jsonb_build_array(jsonb_build_array(?::float8, ?::float8), jsonb_build_array(?::float8 + 0.41, ?::float8),
				    jsonb_build_array(?::float8 + 0.41, ?::float8 + 0.21), jsonb_build_array(?::float8, ?::float8 + 0.21),
				    jsonb_build_array(?::float8, ?::float8)))), ?, ?, ? + 0.41, ? + 0.21, 1, 'EPSG:4326') RETURNING id""",
				Long.class, X0, Y0, X0, Y0, X0, Y0, X0, Y0, X0, Y0, X0, Y0, X0, Y0);
		// lots: 200 columns × 100 rows, each a hexagon-ish polygon of 7 points inside a 0,002° cell
		jdbc.update("""
				INSERT INTO map_lot (code, code_key, zone_id, land_use, status, area_m2, geom, min_x, min_y, max_x, max_y, cx, cy, source_crs)
				SELECT 'B-' || i, 'b-' || i, ?, CASE WHEN i % 7 = 0 THEN 'Đất kho bãi' ELSE 'Đất công nghiệp' END,
				       (ARRAY['LEASED','LEASED','LEASED','AVAILABLE','RESERVED','CLEARANCE'])[1 + i % 6], 40000,
				       jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
				         jsonb_build_array(x + 0.0001, y + 0.0001), jsonb_build_array(x + 0.0010, y + 0.00005),
				         jsonb_build_array(x + 0.0019, y + 0.0001), jsonb_build_array(x + 0.0019, y + 0.0019),
				         jsonb_build_array(x + 0.0010, y + 0.00195), jsonb_build_array(x + 0.0001, y + 0.0019),
				         jsonb_build_array(x + 0.0001, y + 0.0001)))),
				       x + 0.0001, y + 0.00005, x + 0.0019, y + 0.00195, x + 0.001, y + 0.001, 'VN2000:108'
				FROM (SELECT i, ? + (i % 200) * 0.002 AS x, ? + (i / 200) * 0.002 AS y FROM generate_series(0, ? - 1) i) g""",
				zone, X0, Y0, LOTS);
		// lines: random walks of 60 vertices
		jdbc.update("""
				INSERT INTO map_infra (kind, name, geom, min_x, min_y, max_x, max_y, source_crs)
				SELECT CASE WHEN l % 2 = 0 THEN 'ROAD' ELSE 'POWER_LINE' END, 'Tuyến ' || l,
				       jsonb_build_object('type', 'LineString', 'coordinates', jsonb_agg(jsonb_build_array(x, y) ORDER BY k)),
				       min(x), min(y), max(x), max(y), 'VN2000:108'
				FROM (SELECT l, k, ? + (l % 50) * 0.008 + k * 0.0004 AS x,
				             ? + (l / 50) * 0.005 + 0.001 * sin(k / 5.0 + l) AS y
				      FROM generate_series(0, ? - 1) l, generate_series(0, 59) k) w GROUP BY l""", X0, Y0, LINES);
		runAs.user("cb.bql", () -> fx.data.refreshLowZoomGeometries());
		jdbc.execute("ANALYZE map_lot");
		jdbc.execute("ANALYZE map_infra");
		double fixture = (System.nanoTime() - t0) / 1e9;

		StringBuilder md = new StringBuilder();
		md.append("Database: ").append(jdbc.queryForObject("SELECT split_part(version(), ' on ', 1)", String.class))
			.append(postgis.active() ? ", PostGIS " + postgis.version() + " (generated geometry columns, ST_Intersects, GiST)"
					: ", no PostGIS (bounding-box columns, box GiST)")
			.append(".\n\n");
		md.append(String.format(Locale.ROOT, "Data: %d lots (7-point polygons), %d lines (60 vertices each); fixture written in %.1f s (SQL, then the low-zoom outlines of the lines in Java).%n%n",
				LOTS, LINES, fixture));
		md.append("| request | zoom | features | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|\n");
		Random random = new Random(57);
		double worstP95 = 0;
		for (int zoom = 10; zoom <= 18; zoom++) {
			for (MapLayers.Layer layer : List.of(MapLayers.Layer.lots, MapLayers.Layer.infra)) {
				for (boolean cold : new boolean[] { true, false }) {
					int z = zoom;
					int[] features = { 0 };
					Supplier<String> req = () -> {
						// a 1366 × 800 pixel viewport somewhere over the data
						double w = 1366 * Geo.degreesPerPixel(z);
						double h = 800 * Geo.degreesPerPixel(z);
						double cx = X0 + random.nextDouble() * 0.4;
						double cy = Y0 + random.nextDouble() * 0.2;
						if (cold) {
							layers.invalidate();
						}
						String fc = layers.layer(layer, new MapLayers.Viewport(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, z),
								MapLayers.Filter.NONE, MapAccess.Audience.STAFF);
						features[0] = Math.max(features[0], count(fc));
						return fc;
					};
					double[] ms = time(req, cold ? RUNS : RUNS * 3);
					md.append(String.format(Locale.ROOT, "| %s %s | %d | ≤ %d | %.1f | %.1f | %.1f |%n", layer,
							cold ? "cold" : "warm (random viewports, cache on)", zoom, features[0], pct(ms, 50),
							pct(ms, 95), ms[ms.length - 1]));
					if (!cold) {
						worstP95 = Math.max(worstP95, pct(ms, 95));
					}
				}
			}
		}
		double[] fund = time(() -> queries.landFund(null), RUNS * 2);
		double[] fundZone = time(() -> queries.landFund(zone), RUNS * 2);
		md.append(String.format(Locale.ROOT, "| land-fund summary (all zones, by zone and land use) | – | – | %.1f | %.1f | %.1f |%n",
				pct(fund, 50), pct(fund, 95), fund[fund.length - 1]));
		md.append(String.format(Locale.ROOT, "| land-fund summary (one zone) | – | – | %.1f | %.1f | %.1f |%n",
				pct(fundZone, 50), pct(fundZone, 95), fundZone[fundZone.length - 1]));

		// a 5,000-lot GeoJSON in VN-2000 (50 × 100 lots of 100 m), previewed in a park of its own
		MapFixtures.Zone z = fx.zone();
		long big = runAs.user("cb.bql", () -> fx.data.saveZone(new MapData.ZoneInput("BENCH-IMPORT", "Khu nhập thử",
				ZoneKind.INDUSTRIAL_PARK, null, null, MapDemoData.box(108.70, 14.90, 108.76, 15.011), "EPSG:4326", false)));
		List<String> features = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			double x = 108.70 + (i % 50) * 0.001;
			double y = 14.90 + (i / 50) * 0.001;
			features.add(fx.rect(new double[] { x + 0.0001, y + 0.0001, x + 0.0009, y + 0.0009 }, true,
					"\"ma_lo\":\"BI-" + i + "\",\"khu\":\"BENCH-IMPORT\",\"muc_dich\":\"Đất công nghiệp\",\"trang_thai\":\"Còn trống\""));
		}
		byte[] file = MapFixtures.collection("VN-2000 108", features);
		double[] preview = new double[3];
		int errors = -1;
		for (int r = 0; r < preview.length; r++) {
			long s = System.nanoTime();
			MapImport.Preview p = runAs.user("cb.bql", () -> imports.preview("LOTS", "5000.geojson", file, ""));
			preview[r] = (System.nanoTime() - s) / 1e6;
			errors = p.errors();
			assertThat(p.features()).isEqualTo(5000);
		}
		Arrays.sort(preview);
		md.append(String.format(Locale.ROOT, "| import preview, 5.000 lots, GeoJSON VN-2000 (%.1f MB), %d errors found | – | – | %.0f | – | %.0f |%n",
				file.length / 1048576.0, errors, preview[1], preview[2]));
		md.append(String.format(Locale.ROOT, "%nMachine: %d cores, load average %.2f at the end; JDK %s.%n",
				Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				System.getProperty("java.version")));
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of(output()), md.toString(), StandardCharsets.UTF_8);
		System.out.println(md);
		assertThat(z.id()).isPositive();
		assertThat(big).isPositive();
		assertThat(worstP95).as("viewport p95 with the cache on").isLessThan(200);
		assertThat(pct(fund, 95)).isLessThan(200);
		assertThat(preview[2]).isLessThan(10_000);
	}

	static int count(String fc) {
		int n = 0;
		for (int i = fc.indexOf("\"type\":\"Feature\""); i >= 0; i = fc.indexOf("\"type\":\"Feature\"", i + 1)) {
			n++;
		}
		return n;
	}

	static double[] time(Supplier<?> work, int runs) {
		work.get(); // warm-up
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long s = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - s) / 1e6;
		}
		Arrays.sort(ms);
		return ms;
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}
}
