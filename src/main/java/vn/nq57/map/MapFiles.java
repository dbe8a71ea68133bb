package vn.nq57.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.nq57.kernel.VnText;
import vn.nq57.system.DomainException;

/**
 * Reads the files a map import accepts into raw features (coordinates as they are in the file, not yet
 * transformed): GeoJSON, KML, Excel (.xlsx) with one row per vertex. The type is judged by the content (Tika and the
 * structure), not by the name; a zipped Shapefile is recognised and refused with the conversion path (no maintained
 * GeoTools-free Shapefile reader is used; see README, "Bản đồ số"). Every refusal is a Vietnamese sentence.
 */
final class MapFiles {

	enum Format {
		GEOJSON("GeoJSON"), KML("KML"), XLSX("Excel (.xlsx)"), SHAPEFILE("Shapefile (.zip)");

		final String label;

		Format(String label) {
			this.label = label;
		}
	}

	/**
	 * A feature as read: properties by their name in the file, the geometry with the file's numbers, and the
	 * coordinate system the file or the row names (null: not said). {@code problem}: why the geometry could not be
	 * read (then {@code raw} is null).
	 */
	record RawFeature(int index, Map<String, String> props, Geometry raw, String declaredCrs, String problem) {
	}

	record Read(Format format, String declaredCrs, List<RawFeature> features) {
	}

	/** Vertices of a whole file at most. */
	static final int MAX_FILE_VERTICES = 2_000_000;

	static final String OGR2OGR = "ogr2ogr -f GeoJSON -t_srs EPSG:4326 lo-dat.geojson lo-dat.shp";

	private static final Tika TIKA = new Tika();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MapFiles() {
	}

	static Read read(String fileName, byte[] data) {
		String name = fileName == null || fileName.isBlank() ? "tải lên" : fileName;
		if (data == null || data.length == 0) {
			throw new DomainException("Tệp “" + name + "” rỗng, không có nội dung; không có gì được lưu");
		}
		String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		String detected = TIKA.detect(data);
		Format format = switch (ext) {
			case "geojson", "json" -> Format.GEOJSON;
			case "kml" -> Format.KML;
			case "xlsx" -> Format.XLSX;
			case "zip" -> Format.SHAPEFILE;
			default -> throw new DomainException("Tệp “" + name + "”: chỉ nhận GeoJSON (.geojson), KML (.kml), Excel "
					+ "(.xlsx) có tọa độ hoặc Shapefile nén (.zip); không có gì được lưu");
		};
		boolean fits = switch (format) {
			case GEOJSON -> detected.startsWith("text/") || detected.equals("application/json");
			case KML -> detected.contains("xml") || detected.contains("kml");
			case XLSX -> detected.contains("ooxml") || detected.contains("zip") || detected.contains("spreadsheetml");
			case SHAPEFILE -> detected.contains("zip");
		};
		if (!fits) {
			throw new DomainException("Tệp “" + name + "” có đuôi ." + ext + " nhưng nội dung không phải " + format.label
					+ " (nhận ra: " + detected + "); không có gì được lưu");
		}
		return switch (format) {
			case GEOJSON -> geojson(name, data);
			case KML -> kml(name, data);
			case XLSX -> excel(name, data);
			case SHAPEFILE -> throw shapefile(name, data);
		};
	}

	// ---- GeoJSON

	private static Read geojson(String name, byte[] data) {
		JsonNode root;
		try {
			root = JSON.readTree(data);
		}
		catch (RuntimeException e) {
			throw new DomainException("Tệp “" + name + "” không phải GeoJSON hợp lệ (lỗi cú pháp JSON); không có gì được lưu");
		}
		if (root == null || !root.isObject() || !root.has("type")) {
			throw new DomainException("Tệp “" + name + "” không phải GeoJSON (thiếu “type”); không có gì được lưu");
		}
		String crs = null;
		JsonNode crsNode = root.path("crs").path("properties").path("name");
		if (!crsNode.isMissingNode() && !crsNode.isNull()) {
			crs = crsNode.asString();
		}
		List<JsonNode> nodes = new ArrayList<>();
		switch (root.get("type").asString()) {
			case "FeatureCollection" -> root.path("features").forEach(nodes::add);
			case "Feature" -> nodes.add(root);
			default -> throw new DomainException("Tệp “" + name
					+ "”: cần một FeatureCollection hoặc Feature GeoJSON; không có gì được lưu");
		}
		List<RawFeature> out = new ArrayList<>();
		int i = 0;
		for (JsonNode f : nodes) {
			i++;
			Map<String, String> props = new LinkedHashMap<>();
			f.path("properties").properties().forEach(e -> props.put(e.getKey(),
					e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
			try {
				out.add(new RawFeature(i, props, GeoJson.read(f.get("geometry"), GeoJson.CoordinateMapper.WGS84), null,
						null));
			}
			catch (GeoJson.Unreadable | IllegalArgumentException e) {
				out.add(new RawFeature(i, props, null, null, e.getMessage()));
			}
		}
		return new Read(Format.GEOJSON, crs, out);
	}

	// ---- KML (always WGS84 longitude, latitude[, altitude])

	private static Read kml(String name, byte[] data) {
		Document doc;
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(false);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setExpandEntityReferences(false);
			DocumentBuilder b = f.newDocumentBuilder();
			b.setErrorHandler(null);
			doc = b.parse(new ByteArrayInputStream(data));
		}
		catch (Exception e) {
			throw new DomainException("Tệp “" + name + "” không phải KML hợp lệ (XML lỗi hoặc có DOCTYPE); không có gì được lưu");
		}
		if (!"kml".equalsIgnoreCase(local(doc.getDocumentElement().getTagName()))) {
			throw new DomainException("Tệp “" + name + "” là XML nhưng không phải KML; không có gì được lưu");
		}
		List<RawFeature> out = new ArrayList<>();
		NodeList marks = doc.getElementsByTagName("Placemark");
		for (int i = 0; i < marks.getLength(); i++) {
			Element pm = (Element) marks.item(i);
			Map<String, String> props = new LinkedHashMap<>();
			String nm = childText(pm, "name");
			if (nm != null) {
				props.put("name", nm);
			}
			NodeList datas = pm.getElementsByTagName("Data");
			for (int j = 0; j < datas.getLength(); j++) {
				Element d = (Element) datas.item(j);
				props.put(d.getAttribute("name"), childText(d, "value"));
			}
			NodeList simple = pm.getElementsByTagName("SimpleData");
			for (int j = 0; j < simple.getLength(); j++) {
				Element d = (Element) simple.item(j);
				props.put(d.getAttribute("name"), d.getTextContent().strip());
			}
			try {
				out.add(new RawFeature(i + 1, props, kmlGeometry(pm), "EPSG:4326", null));
			}
			catch (GeoJson.Unreadable | IllegalArgumentException e) {
				out.add(new RawFeature(i + 1, props, null, "EPSG:4326", e.getMessage()));
			}
		}
		return new Read(Format.KML, "EPSG:4326", out);
	}

	private static Geometry kmlGeometry(Element pm) {
		List<Geometry> parts = new ArrayList<>();
		NodeList polys = pm.getElementsByTagName("Polygon");
		for (int i = 0; i < polys.getLength(); i++) {
			Element p = (Element) polys.item(i);
			LinearRing shell = null;
			List<LinearRing> holes = new ArrayList<>();
			NodeList outer = p.getElementsByTagName("outerBoundaryIs");
			if (outer.getLength() > 0) {
				shell = GeoJson.FACTORY.createLinearRing(kmlCoords((Element) outer.item(0)));
			}
			NodeList inner = p.getElementsByTagName("innerBoundaryIs");
			for (int j = 0; j < inner.getLength(); j++) {
				holes.add(GeoJson.FACTORY.createLinearRing(kmlCoords((Element) inner.item(j))));
			}
			if (shell == null) {
				throw new GeoJson.Unreadable("vùng (Polygon) thiếu đường biên ngoài");
			}
			parts.add(GeoJson.FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
		}
		NodeList lines = pm.getElementsByTagName("LineString");
		for (int i = 0; i < lines.getLength(); i++) {
			parts.add(GeoJson.FACTORY.createLineString(kmlCoords((Element) lines.item(i))));
		}
		NodeList points = pm.getElementsByTagName("Point");
		for (int i = 0; i < points.getLength(); i++) {
			parts.add(GeoJson.FACTORY.createPoint(kmlCoords((Element) points.item(i))[0]));
		}
		if (parts.isEmpty()) {
			throw new GeoJson.Unreadable("không có hình học (Polygon, LineString, Point)");
		}
		return parts.size() == 1 ? parts.get(0) : GeoJson.FACTORY.buildGeometry(parts);
	}

	private static Coordinate[] kmlCoords(Element e) {
		NodeList cs = e.getElementsByTagName("coordinates");
		if (cs.getLength() == 0) {
			throw new GeoJson.Unreadable("thiếu thẻ coordinates");
		}
		String[] tuples = cs.item(0).getTextContent().strip().split("\\s+");
		if (tuples.length > GeoJson.MAX_VERTICES) {
			throw new GeoJson.Unreadable("hình học có " + GeoJson.grouped(tuples.length) + " đỉnh, vượt giới hạn "
					+ GeoJson.grouped(GeoJson.MAX_VERTICES) + " đỉnh cho một đối tượng");
		}
		Coordinate[] out = new Coordinate[tuples.length];
		for (int i = 0; i < tuples.length; i++) {
			String[] p = tuples[i].split(",");
			try {
				out[i] = new Coordinate(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
			}
			catch (RuntimeException ex) {
				throw new GeoJson.Unreadable("tọa độ “" + tuples[i] + "” không phải là số");
			}
		}
		return out;
	}

	private static String childText(Element e, String tag) {
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element c && local(c.getTagName()).equals(tag)) {
				return c.getTextContent().strip();
			}
		}
		return null;
	}

	private static String local(String tag) {
		int i = tag.indexOf(':');
		return i < 0 ? tag : tag.substring(i + 1);
	}

	// ---- Excel: one row per vertex, rows of one object share its code

	private static Read excel(String name, byte[] data) {
		ZipSecureFile.setMinInflateRatio(0.01);
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(data))) {
			if (wb instanceof XSSFWorkbook x && x.isMacroEnabled()) {
				throw new DomainException("Tệp “" + name + "” có macro; hãy lưu lại dạng .xlsx không macro. Không có gì được lưu");
			}
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter(Locale.ROOT);
			Row header = null;
			int headerRow = -1;
			for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 20); r++) {
				Row row = sheet.getRow(r);
				if (row != null && column(row, fmt, "code") >= 0) {
					header = row;
					headerRow = r;
					break;
				}
			}
			if (header == null) {
				throw new DomainException("Tệp “" + name + "”: không thấy dòng tiêu đề có cột “Mã lô” (hoặc “Mã”); "
						+ "không có gì được lưu");
			}
			Map<String, Integer> cols = new LinkedHashMap<>();
			for (String k : List.of("code", "zone", "landUse", "status", "area", "enterprise", "name", "kind", "x", "y",
					"lon", "lat", "crs")) {
				cols.put(k, column(header, fmt, k));
			}
			boolean vn = cols.get("x") >= 0 && cols.get("y") >= 0;
			boolean ll = cols.get("lon") >= 0 && cols.get("lat") >= 0;
			if (!vn && !ll) {
				throw new DomainException("Tệp “" + name + "”: cần cột tọa độ X, Y (VN-2000) hoặc Kinh độ, Vĩ độ (WGS84); "
						+ "không có gì được lưu");
			}
			Map<String, List<double[]>> vertices = new LinkedHashMap<>();
			Map<String, Map<String, String>> props = new LinkedHashMap<>();
			Map<String, java.util.Set<String>> crsOf = new LinkedHashMap<>();
			Map<String, String> problems = new LinkedHashMap<>();
			for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				String code = text(row, cols.get("code"), fmt);
				if (code.isEmpty()) {
					continue;
				}
				Map<String, String> p = props.computeIfAbsent(code, c -> new LinkedHashMap<>());
				for (String k : List.of("code", "zone", "landUse", "status", "area", "enterprise", "name", "kind")) {
					String v = text(row, cols.get(k), fmt);
					if (!v.isEmpty()) {
						p.putIfAbsent(k, v);
					}
				}
				String a = text(row, cols.get(vn ? "y" : "lon"), fmt); // GeoJSON order: easting / longitude first
				String b = text(row, cols.get(vn ? "x" : "lat"), fmt);
				try {
					vertices.computeIfAbsent(code, c -> new ArrayList<>())
						.add(new double[] { number(a), number(b) });
				}
				catch (NumberFormatException e) {
					problems.putIfAbsent(code, "dòng " + (r + 1) + ": tọa độ “" + a + "”, “" + b + "” không phải là số");
				}
				String rowCrs = text(row, cols.get("crs"), fmt);
				crsOf.computeIfAbsent(code, c -> new java.util.LinkedHashSet<>())
					.add(rowCrs.isEmpty() ? (vn ? "VN2000" : "EPSG:4326") : rowCrs);
			}
			List<RawFeature> out = new ArrayList<>();
			int i = 0;
			for (var e : props.entrySet()) {
				i++;
				String code = e.getKey();
				java.util.Set<String> crs = crsOf.getOrDefault(code, java.util.Set.of());
				String declared = crs.size() == 1 ? crs.iterator().next() : String.join(" + ", crs);
				if (problems.containsKey(code)) {
					out.add(new RawFeature(i, e.getValue(), null, declared, problems.get(code)));
					continue;
				}
				List<double[]> vs = vertices.getOrDefault(code, List.of());
				try {
					out.add(new RawFeature(i, e.getValue(), shape(vs), declared, null));
				}
				catch (GeoJson.Unreadable | IllegalArgumentException ex) {
					out.add(new RawFeature(i, e.getValue(), null, declared, ex.getMessage()));
				}
			}
			return new Read(Format.XLSX, null, out);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof DomainException d) {
				throw d;
			}
			throw new DomainException("Tệp “" + name + "” không mở được như Excel .xlsx (hỏng, mã hóa hoặc nén bất thường); "
					+ "không có gì được lưu");
		}
	}

	/** One vertex: a point; two or more not closed: a line; closed (or 3+ of a lot): a polygon. */
	private static Geometry shape(List<double[]> vs) {
		if (vs.isEmpty()) {
			throw new GeoJson.Unreadable("không có tọa độ");
		}
		if (vs.size() > GeoJson.MAX_VERTICES) {
			throw new GeoJson.Unreadable("hình học có " + GeoJson.grouped(vs.size()) + " đỉnh, vượt giới hạn "
					+ GeoJson.grouped(GeoJson.MAX_VERTICES) + " đỉnh cho một đối tượng");
		}
		List<Coordinate> cs = new ArrayList<>();
		vs.forEach(v -> cs.add(new Coordinate(v[0], v[1])));
		if (cs.size() == 1) {
			return GeoJson.FACTORY.createPoint(cs.get(0));
		}
		if (cs.size() >= 3) {
			if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
				cs.add(new Coordinate(cs.get(0)));
			}
			if (cs.size() >= 4) {
				return GeoJson.FACTORY.createPolygon(cs.toArray(Coordinate[]::new));
			}
		}
		return GeoJson.FACTORY.createLineString(cs.toArray(Coordinate[]::new));
	}

	private static double number(String s) {
		return Double.parseDouble(s.strip().replace(" ", ""));
	}

	private static String text(Row row, int col, DataFormatter fmt) {
		if (col < 0) {
			return "";
		}
		Cell c = row.getCell(col);
		if (c == null) {
			return "";
		}
		if (c.getCellType() == CellType.NUMERIC) {
			return java.math.BigDecimal.valueOf(c.getNumericCellValue()).toPlainString();
		}
		return fmt.formatCellValue(c).strip();
	}

	/** The column whose heading names the field (accent-insensitive, several ways of writing it). */
	private static int column(Row header, DataFormatter fmt, String field) {
		List<String> names = switch (field) {
			case "code" -> List.of("ma lo", "ma", "code", "so hieu lo", "ky hieu lo");
			case "zone" -> List.of("khu", "ma khu", "zone", "kcn", "khu cong nghiep");
			case "landUse" -> List.of("muc dich su dung", "muc dich", "loai dat", "land use", "chuc nang");
			case "status" -> List.of("trang thai", "status", "tinh trang");
			case "area" -> List.of("dien tich", "dien tich (m2)", "dien tich m2", "area", "dien tich (m²)");
			case "enterprise" -> List.of("doanh nghiep", "doanh nghiep thue", "enterprise", "ma so thue");
			case "name" -> List.of("ten", "name");
			case "kind" -> List.of("loai", "kind");
			case "x" -> List.of("x", "x (m)", "toa do x");
			case "y" -> List.of("y", "y (m)", "toa do y");
			case "lon" -> List.of("kinh do", "lon", "longitude", "kinh do (do)");
			case "lat" -> List.of("vi do", "lat", "latitude", "vi do (do)");
			case "crs" -> List.of("he toa do", "crs", "he quy chieu");
			default -> List.of();
		};
		for (Cell c : header) {
			String t = VnText.fold(fmt.formatCellValue(c)).strip();
			if (names.contains(t)) {
				return c.getColumnIndex();
			}
		}
		return -1;
	}

	// ---- Shapefile: recognised, refused with the conversion path

	private static DomainException shapefile(String name, byte[] data) {
		int entries = 0;
		boolean shp = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				if (++entries > 100) {
					return new DomainException("Tệp nén “" + name + "” có quá 100 tệp bên trong; không có gì được lưu");
				}
				shp |= e.getName().toLowerCase(Locale.ROOT).endsWith(".shp");
			}
		}
		catch (IOException | IllegalArgumentException e) {
			return new DomainException("Tệp nén “" + name + "” hỏng, không đọc được; không có gì được lưu");
		}
		if (!shp) {
			return new DomainException("Tệp nén “" + name + "” không chứa Shapefile (.shp); không có gì được lưu");
		}
		return new DomainException("Shapefile chưa được đọc trực tiếp. Hãy chuyển sang GeoJSON bằng GDAL rồi nhập tệp "
				+ "GeoJSON: " + OGR2OGR + " (tệp .prj đi kèm cho biết hệ tọa độ; nếu thiếu, thêm -s_srs với tham số "
				+ "VN-2000 ghi trong hướng dẫn). Không có gì được lưu");
	}
}
