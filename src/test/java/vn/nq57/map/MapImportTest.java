package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;

/**
 * Imports of lots: VN-2000 GeoJSON, Excel with X/Y and KML go through a preview whose findings name every problem,
 * and a commit that saves all or nothing; bad files are refused with a Vietnamese sentence and change nothing.
 */
@IntegrationTest
class MapImportTest {

	@Autowired MapImport imports;
	@Autowired MapData data;
	@Autowired MapFixtures fx;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;

	MapImport.Preview preview(String file, byte[] bytes, String crs) {
		return runAs.user("cb.bql", () -> imports.preview("LOTS", file, bytes, crs));
	}

	int lots(String prefix) {
		return jdbc.queryForObject("SELECT count(*) FROM map_lot WHERE code LIKE ?", Integer.class, prefix + "%");
	}

	static List<String> messages(MapImport.Preview p) {
		return p.findings().stream().map(f -> f.code() + ": " + f.message()).toList();
	}

	@Test
	@DisplayName("lots in VN-2000 (meridian 108°) are previewed without error, committed all at once, stored in WGS84 with their source system and area")
	void vn2000GeoJsonPreviewedThenCommitted() {
		MapFixtures.Zone z = fx.zone();
		String p = z.code() + "-L";
		double[] a = z.lot(0, 0);
		double[] b = z.lot(1, 0);
		byte[] file = MapFixtures.collection("VN-2000 / TM-3 108-00", List.of(
				fx.rect(a, true, "\"ma_lo\":\"" + p + "1\",\"muc_dich\":\"Đất công nghiệp\",\"trang_thai\":\"Còn trống\",\"dien_tich\":\""
						+ Math.round(fx.area(a)) + "\""),
				fx.rect(b, true, "\"ma_lo\":\"" + p + "2\",\"muc_dich\":\"Đất kho bãi\",\"trang_thai\":\"đặt chỗ\"")));
		MapImport.Preview pv = preview("lo.geojson", file, "");
		assertThat(pv.errors()).as(messages(pv).toString()).isZero();
		assertThat(pv.sourceCrs()).isEqualTo("VN2000:108");
		assertThat(lots(p)).as("nothing before the commit").isZero();
		assertThat(runAs.user("cb.bql", () -> imports.commit(pv.id()))).isEqualTo(2);
		assertThat(lots(p)).isEqualTo(2);
		var row = jdbc.queryForMap("SELECT zone_id, status, area_m2, source_crs, min_x, min_y FROM map_lot WHERE code = ?", p + "1");
		assertThat(row.get("zone_id")).as("the zone found by containment").isEqualTo(z.id());
		assertThat(row.get("source_crs")).isEqualTo("VN2000:108");
		assertThat((Double) row.get("min_x")).isCloseTo(a[0], org.assertj.core.data.Offset.offset(1e-6));
		assertThat((Double) row.get("area_m2")).isCloseTo(fx.area(a), org.assertj.core.data.Offset.offset(0.5));
		assertThat(jdbc.queryForObject("SELECT status FROM map_lot WHERE code = ?", String.class, p + "2")).isEqualTo("RESERVED");
		assertThatThrownBy(() -> runAs.user("cb.bql", () -> imports.commit(pv.id()))).isInstanceOf(DomainException.class)
			.hasMessageContaining("đã được xử lý");
	}

	@Test
	@DisplayName("the preview names every problem (invalid geometry, overlap, outside the zone, duplicate code, unknown enterprise, area) and a commit with errors saves nothing")
	void findingsBlockTheCommit() {
		MapFixtures.Zone z = fx.zone();
		String p = z.code() + "-F";
		runAs.user("cb.bql", () -> imports.commit(preview("ok.geojson", MapFixtures.collection(null, List.of(
				fx.rect(z.lot(5, 5), false, "\"code\":\"" + p + "0\",\"land_use\":\"Đất công nghiệp\",\"status\":\"available\""))), "")
			.id()));
		double[] c = z.lot(2, 2);
		double[][] bowtie = { { c[0], c[1] }, { c[2], c[3] }, { c[2], c[1] }, { c[0], c[3] }, { c[0], c[1] } };
		double[] big = z.lot(0, 0);
		double[] overlapping = { big[0] + 0.0005, big[1], big[2] + 0.0005, big[3] };
		double[] stored = z.lot(5, 5);
		double[] outside = { z.lon() + 0.0105, z.lat() + 0.003, z.lon() + 0.0125, z.lat() + 0.004 };
		byte[] file = MapFixtures.collection(null, List.of(
				fx.feature(bowtie, false, "\"code\":\"" + p + "1\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(big, false, "\"code\":\"" + p + "2\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(overlapping, false, "\"code\":\"" + p + "3\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(z.lot(7, 7), false, "\"code\":\"" + p + "2\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(outside, false, "\"code\":\"" + p + "4\",\"zone\":\"" + z.code() + "\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(z.lot(8, 1), false, "\"code\":\"" + p + "5\",\"land_use\":\"CN\",\"status\":\"đã cho thuê\",\"doanh_nghiep\":\"Công ty Không Có Thật\""),
				fx.rect(z.lot(8, 3), false, "\"code\":\"" + p + "6\",\"land_use\":\"CN\",\"status\":\"available\",\"area\":\"99999\""),
				fx.rect(new double[] { stored[0] + 0.0003, stored[1], stored[2] + 0.0003, stored[3] }, false,
						"\"code\":\"" + p + "7\",\"land_use\":\"CN\",\"status\":\"available\""),
				fx.rect(z.lot(9, 9), false, "\"code\":\"" + p + "8\",\"land_use\":\"CN\",\"status\":\"bán rồi\"")));
		MapImport.Preview pv = preview("loi.geojson", file, "");
		List<String> m = messages(pv);
		assertThat(m).anyMatch(s -> s.startsWith(p + "1: hình học không hợp lệ: tự cắt nhau tại"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "2: chồng lấn với lô “" + p + "3” (đối tượng thứ 3)"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "2: mã lô trùng với đối tượng thứ 2"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "4: lô nằm ngoài khu “Khu kiểm thử"));
		assertThat(m).anyMatch(s -> s.equals(p + "5: doanh nghiệp “Công ty Không Có Thật” chưa có trong cơ sở dữ liệu doanh nghiệp"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "6: diện tích trong tệp 99.999 m² khác diện tích tính từ hình"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "7: chồng lấn với lô đã có “" + p + "0”"));
		assertThat(m).anyMatch(s -> s.startsWith(p + "8: trạng thái “bán rồi” không rõ"));
		assertThat(pv.errors()).isGreaterThanOrEqualTo(7);
		assertThatThrownBy(() -> runAs.user("cb.bql", () -> imports.commit(pv.id()))).isInstanceOf(DomainException.class)
			.hasMessageContaining("lỗi trong bản xem trước");
		assertThat(lots(p)).as("only the lot stored before").isEqualTo(1);
	}

	@Test
	@DisplayName("coordinates: metres without a system, swapped lat/lon, swapped X/Y, outside the province and mixed systems are findings")
	void coordinateFindings() {
		MapFixtures.Zone z = fx.zone();
		String p = z.code() + "-C";
		double[] a = z.lot(1, 1);
		String props = "\"code\":\"" + p + "1\",\"land_use\":\"CN\",\"status\":\"available\"";
		assertThat(messages(preview("m.geojson", MapFixtures.collection(null, List.of(fx.rect(a, true, props))), "")))
			.anyMatch(s -> s.contains("chưa rõ hệ tọa độ"));
		double[][] swapped = { { a[1], a[0] }, { a[1], a[2] }, { a[3], a[2] }, { a[3], a[0] }, { a[1], a[0] } };
		assertThat(messages(preview("s.geojson", MapFixtures.collection(null, List.of(fx.feature(swapped, false, props))), "")))
			.anyMatch(s -> s.contains("kinh độ và vĩ độ bị đảo chỗ"));
		String xy = fx.rect(a, true, props);
		// swap each [Y, X] pair into [X, Y]
		String xySwapped = xy.replaceAll("\\[(\\d+\\.\\d+),(\\d+\\.\\d+)\\]", "[$2,$1]");
		assertThat(messages(preview("xy.geojson", MapFixtures.collection("VN2000 108", List.of(xySwapped)), "")))
			.anyMatch(s -> s.contains("X và Y bị đảo chỗ"));
		double[] hanoi = { 105.80, 21.00, 105.801, 21.001 };
		assertThat(messages(preview("hn.geojson", MapFixtures.collection(null, List.of(fx.rect(hanoi, false, props))), "")))
			.anyMatch(s -> s.contains("nằm ngoài phạm vi tỉnh"));
		MapImport.Preview mixed = preview("mix.geojson", MapFixtures.collection(null, List.of(fx.rect(a, false, props),
				fx.rect(z.lot(3, 3), true, "\"code\":\"" + p + "2\",\"land_use\":\"CN\",\"status\":\"available\""))), "VN2000:108");
		assertThat(messages(mixed)).anyMatch(s -> s.contains("tệp trộn nhiều hệ tọa độ"));
		assertThat(mixed.errors()).isPositive();
		assertThat(lots(p)).isZero();
	}

	@Test
	@DisplayName("bad files are refused with the reason and change nothing: wrong content for the extension, an empty layer, 200 MB, a million vertices")
	void badFiles() {
		assertThatThrownBy(() -> preview("lo.geojson", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1), ""))
			.isInstanceOf(DomainException.class).hasMessageContaining("có đuôi .geojson nhưng nội dung không phải GeoJSON")
			.hasMessageContaining("application/pdf");
		assertThatThrownBy(() -> preview("rong.geojson", MapFixtures.collection(null, List.of()), ""))
			.isInstanceOf(DomainException.class).hasMessage("Tệp “rong.geojson” không có đối tượng nào (lớp rỗng); không có gì được lưu");
		byte[] huge = new byte[200 * 1024 * 1024];
		assertThatThrownBy(() -> preview("lon.geojson", huge, "")).isInstanceOf(DomainException.class)
			.hasMessageContaining("200,0 MB, vượt giới hạn 10 MB của một lần nhập bản đồ");
		StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"X\"},"
				+ "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
		for (int i = 0; i < 1_000_000; i++) {
			sb.append(i > 0 ? "," : "").append("[108.5,15.1]");
		}
		sb.append("]}}]}");
		MapFiles.Read read = MapFiles.read("dinh.geojson", sb.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(read.features().get(0).problem()).isEqualTo("hình học có 1.000.000 đỉnh, vượt giới hạn 100.000 đỉnh cho một đối tượng");
		assertThatThrownBy(() -> preview("lo.zip", shapefileZip(), "")).isInstanceOf(DomainException.class)
			.hasMessageContaining("ogr2ogr -f GeoJSON -t_srs EPSG:4326");
	}

	static byte[] shapefileZip() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream();
				java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			for (String n : List.of("lo.shp", "lo.dbf", "lo.shx")) {
				zip.putNextEntry(new java.util.zip.ZipEntry(n));
				zip.write(new byte[] { 0, 0, 39, 10 });
				zip.closeEntry();
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	@DisplayName("Excel with VN-2000 X (northing) and Y (easting), one row per vertex, and KML in WGS84 are imported; two systems in one Excel object are refused")
	void excelAndKml() throws Exception {
		MapFixtures.Zone z = fx.zone();
		String p = z.code() + "-X";
		double[] a = z.lot(4, 4);
		byte[] xlsx = excel(p + "1", a, "VN-2000 108°00'", "VN-2000 108°00'");
		MapImport.Preview pv = preview("lo.xlsx", xlsx, "");
		assertThat(pv.errors()).as(messages(pv).toString()).isZero();
		runAs.user("cb.bql", () -> imports.commit(pv.id()));
		assertThat((Double) jdbc.queryForObject("SELECT area_m2 FROM map_lot WHERE code = ?", Double.class, p + "1"))
			.isCloseTo(fx.area(a), org.assertj.core.data.Offset.offset(0.5));
		MapImport.Preview mixed = preview("mix.xlsx", excel(p + "2", z.lot(6, 6), "VN-2000 108°00'", "WGS84"), "");
		assertThat(messages(mixed)).anyMatch(s -> s.contains("nhiều hệ tọa độ khác nhau"));

		double[] k = z.lot(2, 7);
		String kml = String.format(Locale.ROOT, """
				<?xml version="1.0" encoding="UTF-8"?>
				<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>%s</name>
				<ExtendedData><Data name="muc_dich"><value>Đất công nghiệp</value></Data><Data name="trang_thai"><value>còn trống</value></Data></ExtendedData>
				<Polygon><outerBoundaryIs><LinearRing><coordinates>%.6f,%.6f,0 %.6f,%.6f,0 %.6f,%.6f,0 %.6f,%.6f,0 %.6f,%.6f,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
				</Placemark></Document></kml>""", p + "3", k[0], k[1], k[2], k[1], k[2], k[3], k[0], k[3], k[0], k[1]);
		MapImport.Preview kp = preview("lo.kml", kml.getBytes(StandardCharsets.UTF_8), "");
		assertThat(kp.errors()).as(messages(kp).toString()).isZero();
		assertThat(kp.sourceCrs()).isEqualTo("EPSG:4326");
	}

	byte[] excel(String code, double[] b, String crsFirst, String crsRest) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet("Lô");
			Row h = s.createRow(0);
			String[] heads = { "Mã lô", "Mục đích sử dụng", "Trạng thái", "X", "Y", "Hệ tọa độ" };
			for (int i = 0; i < heads.length; i++) {
				h.createCell(i).setCellValue(heads[i]);
			}
			double[][] ring = { { b[0], b[1] }, { b[2], b[1] }, { b[2], b[3] }, { b[0], b[3] } };
			for (int i = 0; i < ring.length; i++) {
				double[] xy = fx.vn.fromWgs84(108.0, ring[i][0], ring[i][1]);
				Row r = s.createRow(i + 1);
				r.createCell(0).setCellValue(code);
				r.createCell(1).setCellValue("Đất công nghiệp");
				r.createCell(2).setCellValue("Còn trống");
				r.createCell(3).setCellValue(Math.round(xy[0] * 1000) / 1000.0);
				r.createCell(4).setCellValue(Math.round(xy[1] * 1000) / 1000.0);
				r.createCell(5).setCellValue(i == 0 ? crsFirst : crsRest);
			}
			wb.write(out);
			try (XSSFWorkbook reopened = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
				assertThat(reopened.getSheetAt(0).getLastRowNum()).isEqualTo(4);
			}
			return out.toByteArray();
		}
	}

	@Test
	@DisplayName("a lot edited on a stale page is refused with the current version and nothing changes")
	void staleEdit() {
		MapFixtures.Zone z = fx.zone();
		String code = z.code() + "-E1";
		runAs.user("cb.bql", () -> imports.commit(preview("e.geojson", MapFixtures.collection(null, List.of(
				fx.rect(z.lot(0, 0), false, "\"code\":\"" + code + "\",\"land_use\":\"CN\",\"status\":\"available\""))), "").id()));
		long id = jdbc.queryForObject("SELECT id FROM map_lot WHERE code = ?", Long.class, code);
		long v = jdbc.queryForObject("SELECT version FROM map_lot WHERE id = ?", Long.class, id);
		MapData.LotEdit edit = new MapData.LotEdit("Đất dịch vụ", LotStatus.RESERVED, null, null, null, null, 2, 9.5);
		runAs.user("cb.bql", () -> data.editLot(id, edit, v));
		assertThatThrownBy(() -> runAs.user("cb.bql", () -> data.editLot(id,
				new MapData.LotEdit("Đất kho bãi", LotStatus.AVAILABLE, null, null, null, null, null, null), v)))
			.isInstanceOf(ConcurrentEditException.class).hasMessageContaining("phiên bản hiện tại " + (v + 1));
		assertThat(jdbc.queryForObject("SELECT land_use FROM map_lot WHERE id = ?", String.class, id)).isEqualTo("Đất dịch vụ");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'MAP_LOT' AND entity_id = ? "
				+ "AND action = 'MAP_LOT_UPDATED'", Integer.class, id)).isEqualTo(1);
	}
}
