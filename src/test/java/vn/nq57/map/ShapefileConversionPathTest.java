package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;

/**
 * The supported path for a Shapefile (no maintained GeoTools-free reader is used): GDAL's {@code ogr2ogr} turns it into
 * GeoJSON, which the import takes — either keeping VN-2000 (choose the central meridian in the form) or reprojected
 * to WGS84 with the ministry's parameters given as {@code -s_srs} (a .prj file in ESRI form carries no TOWGS84, so
 * GDAL alone would skip the datum shift). Both land the lots where the application's own transform puts them.
 * Needs {@code ogr2ogr} (Debian {@code gdal-bin}, installed by {@code .ci/run}); fails without it.
 */
@IntegrationTest
class ShapefileConversionPathTest {

	@Autowired MapImport imports;
	@Autowired MapFixtures fx;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;

	@TempDir Path dir;

	@Test
	@DisplayName("a VN-2000 Shapefile converted by ogr2ogr (kept in VN-2000, or reprojected with -s_srs) is imported at the right place")
	void shapefileThroughOgr2ogr() throws Exception {
		MapFixtures.Zone z = fx.zone();
		double[] a = z.lot(2, 2);
		double[] b = z.lot(6, 6);
		Path src = dir.resolve("nguon.geojson");
		Files.write(src, MapFixtures.collection(null, List.of(
				fx.rect(a, true, "\"ma_lo\":\"" + z.code() + "-S1\",\"muc_dich\":\"Đất công nghiệp\",\"trang_thai\":\"Còn trống\""),
				fx.rect(b, true, "\"ma_lo\":\"" + z.code() + "-S2\",\"muc_dich\":\"Đất công nghiệp\",\"trang_thai\":\"Còn trống\""))));
		String proj = fx.vn.proj4(108.0);
		Path shp = dir.resolve("lo-dat.shp");
		run("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", proj, "-lco", "ENCODING=UTF-8", shp.toString(), src.toString());
		assertThat(Files.exists(dir.resolve("lo-dat.dbf"))).isTrue();

		// path 1: keep VN-2000, choose the meridian in the import form
		Path kept = dir.resolve("giu-vn2000.geojson");
		run("ogr2ogr", "-f", "GeoJSON", kept.toString(), shp.toString());
		MapImport.Preview p1 = runAs.user("cb.bql", () -> imports.preview("LOTS", "giu-vn2000.geojson", read(kept), "VN2000:108"));
		assertThat(p1.errors()).as(p1.findings().toString()).isZero();
		assertThat(p1.sourceCrs()).isEqualTo("VN2000:108");

		// path 2: reprojected to WGS84 by GDAL with the ministry's parameters
		Path wgs = dir.resolve("wgs84.geojson");
		run("ogr2ogr", "-f", "GeoJSON", "-s_srs", proj, "-t_srs", "EPSG:4326", wgs.toString(), shp.toString());
		MapImport.Preview p2 = runAs.user("cb.bql", () -> imports.preview("LOTS", "wgs84.geojson", read(wgs), ""));
		assertThat(p2.errors()).as(p2.findings().toString()).isZero();
		assertThat(p2.sourceCrs()).isEqualTo("EPSG:4326");

		runAs.user("cb.bql", () -> imports.commit(p1.id()));
		var row = jdbc.queryForMap("SELECT min_x, min_y, max_x, max_y, area_m2 FROM map_lot WHERE code = ?", z.code() + "-S1");
		// within 1 cm of where the file's lot is (about 1e-7 degrees)
		assertThat((Double) row.get("min_x")).isCloseTo(a[0], org.assertj.core.data.Offset.offset(2e-7));
		assertThat((Double) row.get("min_y")).isCloseTo(a[1], org.assertj.core.data.Offset.offset(2e-7));
		assertThat((Double) row.get("max_x")).isCloseTo(a[2], org.assertj.core.data.Offset.offset(2e-7));
		assertThat((Double) row.get("area_m2")).isCloseTo(fx.area(a), org.assertj.core.data.Offset.offset(0.5));
		// GDAL's reprojection agrees with the application's (positions of path 2 are those stored from path 1)
		String items = jdbc.queryForObject("SELECT features::text FROM map_import WHERE id = ?", String.class, p2.id());
		assertThat(items).contains(z.code() + "-S1");
		var f = tools.jackson.databind.json.JsonMapper.builder().build().readTree(items).get(0);
		var g = GeoJson.read(tools.jackson.databind.json.JsonMapper.builder().build().readTree(f.get("geom").asString()),
				GeoJson.CoordinateMapper.WGS84);
		assertThat(g.getEnvelopeInternal().getMinX()).isCloseTo(a[0], org.assertj.core.data.Offset.offset(2e-7));
		assertThat(g.getEnvelopeInternal().getMinY()).isCloseTo(a[1], org.assertj.core.data.Offset.offset(2e-7));
	}

	static byte[] read(Path p) {
		try {
			return Files.readAllBytes(p);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static void run(String... cmd) throws Exception {
		List<String> c = new ArrayList<>(List.of(cmd));
		Process p;
		try {
			p = new ProcessBuilder(c).redirectErrorStream(true).start();
		}
		catch (IOException e) {
			fail("ogr2ogr (Debian package gdal-bin) is needed for this test: apt-get install gdal-bin (.ci/run does)");
			return;
		}
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
	}
}
