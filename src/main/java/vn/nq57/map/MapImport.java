package vn.nq57.map;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.nq57.kernel.VnFormat;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * Imports lots, zones and infrastructure from GeoJSON, KML and Excel with coordinates: the file is read, its
 * coordinates brought to WGS84 from the system it declares or the user chose (VN-2000 TM-3 of either central
 * meridian, or WGS84), every feature checked, and the whole shown as a preview with its findings; nothing is saved
 * until the user commits, and a commit saves every feature or none (one transaction), only when the preview had no
 * error.
 * <p>
 * Findings: unreadable, invalid or self-intersecting geometry (JTS's reason and place); a geometry of the wrong kind;
 * more vertices than allowed; a missing or unknown coordinate system; coordinates swapped (lat/lon, X/Y) or outside
 * the province; several coordinate systems in one file; lots overlapping each other or a lot already stored; a lot
 * outside its zone; an area in the file that differs from the computed one by more than the tolerance; duplicate
 * codes; an unknown zone, status, kind or enterprise.
 */
@Service
public class MapImport {

	enum Layer {
		LOTS("Lô đất"), ZONES("Khu, phân khu quy hoạch"), INFRA("Hạ tầng kỹ thuật");

		final String label;

		Layer(String label) {
			this.label = label;
		}
	}

	public record Finding(String level, Integer feature, String code, String message) {

		boolean error() {
			return "ERROR".equals(level);
		}
	}

	public record Preview(long id, String layer, String fileName, String format, String sourceCrs, int features,
			int errors, List<Finding> findings, String status) {
	}

	/** Lon/lat bounds of the province (Quảng Ngãi with the former Kon Tum, Lý Sơn included). */
	private final double[] province;

	private final long maxBytes;

	private final JdbcTemplate jdbc;

	private final Vn2000 vn;

	private final MapAccess access;

	private final MapData data;

	private final MapSettings settings;

	private final MapPostgis postgis;

	private final AuditLog audit;

	private final AppClock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	MapImport(JdbcTemplate jdbc, Vn2000 vn, MapAccess access, MapData data, MapSettings settings, MapPostgis postgis,
			AuditLog audit, AppClock clock, @Value("${nq57.map.import.max-bytes:10485760}") long maxBytes,
			@Value("${nq57.map.province-bounds:107.2,13.8,109.4,15.7}") double[] province) {
		this.jdbc = jdbc;
		this.vn = vn;
		this.access = access;
		this.data = data;
		this.settings = settings;
		this.postgis = postgis;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.province = province;
	}

	long maxMegabytes() {
		return maxBytes / 1024 / 1024;
	}

	/** A feature checked and brought to WGS84, as kept between the preview and the commit. */
	record Item(int index, String code, Map<String, String> props, String geom, String crs, Long zoneId,
			Long enterpriseId, String status, String kind, Double declaredArea) {
	}

	// ------------------------------------------------------------------ preview

	@Transactional
	public Preview preview(String layerName, String fileName, byte[] bytes, String crsChoice) {
		access.requireEdit("MAP_IMPORT", null);
		Layer layer = layer(layerName);
		if (bytes != null && bytes.length > maxBytes) {
			throw new DomainException(String.format(Locale.ROOT,
					"Tệp “%s” có dung lượng %s MB, vượt giới hạn %d MB của một lần nhập bản đồ; hãy chia nhỏ tệp. "
							+ "Không có gì được lưu",
					fileName, VnFormat.decimal(java.math.BigDecimal.valueOf(bytes.length / 1048576.0), 1), maxMegabytes()));
		}
		MapFiles.Read read = MapFiles.read(fileName, bytes);
		if (read.features().isEmpty()) {
			throw new DomainException("Tệp “" + fileName + "” không có đối tượng nào (lớp rỗng); không có gì được lưu");
		}
		long vertices = read.features().stream().filter(f -> f.raw() != null).mapToLong(f -> f.raw().getNumPoints()).sum();
		if (vertices > MapFiles.MAX_FILE_VERTICES) {
			throw new DomainException("Tệp “" + fileName + "” có " + VnFormat.decimal(java.math.BigDecimal.valueOf(vertices), 0)
					+ " đỉnh, vượt giới hạn " + VnFormat.decimal(java.math.BigDecimal.valueOf(MapFiles.MAX_FILE_VERTICES), 0)
					+ " đỉnh của một lần nhập; không có gì được lưu");
		}
		List<Finding> findings = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		Map<Integer, Geometry> wgs = new LinkedHashMap<>();
		Set<String> systems = new LinkedHashSet<>();
		Set<String> magnitudes = new LinkedHashSet<>();
		for (MapFiles.RawFeature f : read.features()) {
			String code = code(layer, f.props());
			if (f.raw() == null) {
				findings.add(err(f.index(), code, "không đọc được hình học: " + f.problem()));
				continue;
			}
			Converted c = toWgs84(f, read.declaredCrs(), crsChoice);
			if (c.problem() != null) {
				findings.add(err(f.index(), code, c.problem()));
				if (c.magnitude() != null) {
					magnitudes.add(c.magnitude());
				}
				continue;
			}
			systems.add(c.crs());
			magnitudes.add(c.magnitude());
			wgs.put(f.index(), c.geom());
			items.add(new Item(f.index(), code, f.props(), GeoJson.write(c.geom()), c.crs(), null, null, null, null, null));
		}
		if (systems.size() > 1 || magnitudes.size() > 1) {
			findings.add(0, err(null, null, "tệp trộn nhiều hệ tọa độ (" + String.join(", ", systems.isEmpty() ? magnitudes : systems)
					+ "); một tệp chỉ được dùng một hệ tọa độ"));
		}
		items = switch (layer) {
			case LOTS -> checkLots(items, wgs, findings);
			case ZONES -> checkZones(items, wgs, findings);
			case INFRA -> checkInfra(items, wgs, findings);
		};
		findings.sort(java.util.Comparator.comparing((Finding x) -> x.feature() == null ? 0 : x.feature()));
		int errors = (int) findings.stream().filter(Finding::error).count();
		String crs = systems.size() == 1 ? systems.iterator().next() : String.join(" + ", systems);
		Long id = jdbc.queryForObject("""
				INSERT INTO map_import (layer, file_name, format, source_crs, features, findings, feature_count, error_count,
				                        status, created_by, created_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, 'PREVIEW', ?, ?) RETURNING id""", Long.class, layer.name(),
				fileName, read.format().name(), crs, json.writeValueAsString(items), json.writeValueAsString(findings),
				read.features().size(), errors, MapAccess.currentOrNull().id(), Timestamp.from(clock.now()));
		return new Preview(id, layer.name(), fileName, read.format().label, crs, read.features().size(), errors, findings,
				"PREVIEW");
	}

	private static Layer layer(String name) {
		try {
			return Layer.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException("Lớp nhập “" + name + "” không có; chọn Lô đất, Khu hoặc Hạ tầng");
		}
	}

	private static Finding err(Integer feature, String code, String message) {
		return new Finding("ERROR", feature, code, message);
	}

	private static Finding warn(Integer feature, String code, String message) {
		return new Finding("WARNING", feature, code, message);
	}

	// ------------------------------------------------------------------ coordinates

	record Converted(Geometry geom, String crs, String magnitude, String problem) {

		static Converted problem(String magnitude, String why) {
			return new Converted(null, null, magnitude, why);
		}
	}

	private static final Pattern VN2000 = Pattern.compile("(?i)vn[-_ ]?2000");

	private static final Pattern MERIDIAN = Pattern.compile("(10[4-9])(?:[°_:.,\\s-]*(\\d{1,2}))?");

	/** "EPSG:4326", "VN2000:108", "VN2000" (zone not said), or null for not said; throws for a name not known. */
	String normaliseCrs(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		String t = s.strip();
		if (t.contains("4326") || t.toUpperCase(Locale.ROOT).contains("CRS84") || t.toUpperCase(Locale.ROOT).contains("WGS")) {
			return "EPSG:4326";
		}
		if (VN2000.matcher(t).find()) {
			Matcher m = MERIDIAN.matcher(VN2000.matcher(t).replaceAll(" "));
			if (m.find()) {
				double deg = Integer.parseInt(m.group(1));
				if (m.group(2) != null) {
					int frac = Integer.parseInt(m.group(2));
					// "107.5" is a decimal, "107°30" minutes
					deg += t.contains(m.group(1) + "." + m.group(2)) ? frac / Math.pow(10, m.group(2).length()) : frac / 60.0;
				}
				return "VN2000:" + java.math.BigDecimal.valueOf(deg).stripTrailingZeros().toPlainString();
			}
			return "VN2000";
		}
		return "?" + t;
	}

	private Converted toWgs84(MapFiles.RawFeature f, String fileCrs, String choice) {
		Envelope e = f.raw().getEnvelopeInternal();
		// |latitude| ≤ 90, but a swapped pair puts the longitude second: both ≤ 180 still reads as degrees
		boolean degrees = Math.abs(e.getMinX()) <= 180 && Math.abs(e.getMaxX()) <= 180 && Math.abs(e.getMinY()) <= 180
				&& Math.abs(e.getMaxY()) <= 180;
		boolean metres = e.getMinX() > 1000 && e.getMinY() > 1000;
		String magnitude = degrees ? "độ (kinh độ, vĩ độ)" : metres ? "mét (VN-2000)" : null;
		if (magnitude == null) {
			return Converted.problem(null, "tọa độ không phải độ (WGS84) cũng không phải mét (VN-2000)");
		}
		String declared = f.declaredCrs() != null ? f.declaredCrs() : fileCrs;
		if (declared != null && declared.contains(" + ")) {
			return Converted.problem(magnitude, "đối tượng ghi nhiều hệ tọa độ khác nhau (" + declared + ")");
		}
		String crs = normaliseCrs(declared);
		if (crs == null || "VN2000".equals(crs) || crs.startsWith("?")) {
			// a file that does not say (or names a system not recognised, as GDAL writes a custom one): the user's choice
			String chosen = normaliseCrs(choice);
			if (chosen != null && (crs == null || crs.startsWith("?") || chosen.startsWith("VN2000"))) {
				crs = chosen;
			}
		}
		if (crs == null && degrees) {
			crs = "EPSG:4326";
		}
		if (crs == null || "VN2000".equals(crs)) {
			return Converted.problem(magnitude, crs == null
					? "chưa rõ hệ tọa độ: tọa độ dạng mét nhưng tệp không ghi hệ tọa độ; hãy chọn VN-2000 kinh tuyến trục 108°00′ hoặc 107°30′"
					: "tệp ghi VN-2000 nhưng không ghi kinh tuyến trục; hãy chọn 108°00′ hoặc 107°30′");
		}
		if (crs.startsWith("?")) {
			return Converted.problem(magnitude, "hệ tọa độ “" + crs.substring(1) + "” không được hỗ trợ (chỉ WGS84 và VN-2000)");
		}
		if (crs.equals("EPSG:4326")) {
			if (!degrees) {
				return Converted.problem(magnitude, "tọa độ dạng mét nhưng hệ tọa độ là WGS84 (độ); có thể là VN-2000");
			}
			if (!inProvince(e)) {
				Envelope swapped = new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
				return Converted.problem(magnitude, inProvince(swapped)
						? "kinh độ và vĩ độ bị đảo chỗ (tệp ghi vĩ độ trước); GeoJSON ghi kinh độ trước, vĩ độ sau"
						: String.format(Locale.ROOT, "tọa độ %.5f, %.5f nằm ngoài phạm vi tỉnh", e.getMinY(), e.getMinX()));
			}
			return new Converted(f.raw(), crs, magnitude, null);
		}
		double meridian = Double.parseDouble(crs.substring("VN2000:".length()));
		if (!vn.knows(meridian)) {
			return Converted.problem(magnitude, "kinh tuyến trục " + Vn2000.label(meridian) + " không được cấu hình cho tỉnh");
		}
		if (!metres) {
			return Converted.problem(magnitude, "hệ tọa độ là VN-2000 (mét) nhưng tọa độ dạng độ; có thể là WGS84");
		}
		// GeoJSON order: easting (Y) first, northing (X) second; a northing of more than 1 000 km first means swapped
		if (e.getMinX() > 1_000_000 && e.getMaxY() < 1_000_000) {
			return Converted.problem(magnitude, "tọa độ X và Y bị đảo chỗ (X là hướng bắc, khoảng 1.500.000–1.800.000 m "
					+ "ở tỉnh; Y là hướng đông, khoảng 500.000 m)");
		}
		Geometry g = f.raw().copy();
		g.apply((CoordinateFilter) c -> {
			double[] ll = vn.toWgs84(meridian, c.y, c.x);
			c.x = ll[0];
			c.y = ll[1];
		});
		g.geometryChanged();
		if (!inProvince(g.getEnvelopeInternal())) {
			return Converted.problem(magnitude, String.format(Locale.ROOT,
					"tọa độ nằm ngoài phạm vi tỉnh sau khi chuyển từ %s (%.5f, %.5f); kiểm tra kinh tuyến trục và thứ tự X, Y",
					Vn2000.label(meridian), g.getEnvelopeInternal().getMinY(), g.getEnvelopeInternal().getMinX()));
		}
		return new Converted(g, "VN2000:" + java.math.BigDecimal.valueOf(meridian).stripTrailingZeros().toPlainString(),
				magnitude, null);
	}

	private boolean inProvince(Envelope e) {
		return e.getMinX() >= province[0] && e.getMinY() >= province[1] && e.getMaxX() <= province[2]
				&& e.getMaxY() <= province[3];
	}

	// ------------------------------------------------------------------ properties

	private static String key(String k) {
		return VnText.fold(k == null ? "" : k).replaceAll("[^a-z0-9]", "");
	}

	static String prop(Map<String, String> props, String... names) {
		for (String n : names) {
			for (var e : props.entrySet()) {
				if (key(e.getKey()).equals(n) && e.getValue() != null && !e.getValue().isBlank()) {
					return VnText.nfc(e.getValue()).strip();
				}
			}
		}
		return null;
	}

	private static String code(Layer layer, Map<String, String> p) {
		return layer == Layer.INFRA ? prop(p, "name", "ten", "code", "ma")
				: prop(p, "code", "malo", "ma", "sohieulo", "kyhieulo", "makhu", "name", "ten");
	}

	static LotStatus status(String s) {
		if (s == null) {
			return null;
		}
		String k = key(s);
		return switch (k) {
			case "leased", "dachothue", "dathue", "chothue" -> LotStatus.LEASED;
			case "available", "controng", "trong", "sansang", "sansangchothue" -> LotStatus.AVAILABLE;
			case "reserved", "datcho", "giucho", "dadatcho" -> LotStatus.RESERVED;
			case "clearance", "gpmb", "danggpmb", "giaiphongmatbang", "danggiaiphongmatbang" -> LotStatus.CLEARANCE;
			default -> null;
		};
	}

	static InfraKind infraKind(String s) {
		if (s == null) {
			return null;
		}
		String k = key(s);
		for (InfraKind kind : InfraKind.values()) {
			if (key(kind.name()).equals(k)) {
				return kind;
			}
		}
		if (k.contains("xulynuocthai") || k.contains("wastewater")) {
			return InfraKind.WASTEWATER_PLANT;
		}
		if (k.contains("thoatnuoc") || k.contains("drainage")) {
			return InfraKind.DRAINAGE;
		}
		if (k.contains("capnuoc") || k.contains("water")) {
			return InfraKind.WATER;
		}
		if (k.contains("trambienap") || k.contains("substation")) {
			return InfraKind.SUBSTATION;
		}
		if (k.contains("duongday") || k.contains("dien") || k.contains("power")) {
			return InfraKind.POWER_LINE;
		}
		if (k.contains("vienthong") || k.contains("5g") || k.contains("telecom")) {
			return InfraKind.TELECOM;
		}
		if (k.contains("cang") || k.contains("port")) {
			return InfraKind.PORT;
		}
		if (k.contains("duong") || k.contains("road")) {
			return InfraKind.ROAD;
		}
		return null;
	}

	// ------------------------------------------------------------------ lots

	record ZoneRef(long id, String code, String name, String kind, Geometry geom) {
	}

	private List<ZoneRef> zones() {
		return jdbc.query("SELECT id, code, name, kind, geom::text FROM map_zone ORDER BY kind DESC, id",
				(rs, i) -> new ZoneRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						GeoJson.read(json.readTree(rs.getString(5)), GeoJson.CoordinateMapper.WGS84)));
	}

	private List<Item> checkLots(List<Item> items, Map<Integer, Geometry> wgs, List<Finding> findings) {
		List<ZoneRef> zones = zones();
		Map<String, Long> enterprisesByTax = new HashMap<>();
		Map<String, Long> enterprisesByName = new HashMap<>();
		jdbc.query("SELECT id, tax_code, name_key FROM map_enterprise", rs -> {
			if (rs.getString(2) != null) {
				enterprisesByTax.put(rs.getString(2).strip(), rs.getLong(1));
			}
			enterprisesByName.put(rs.getString(3), rs.getLong(1));
		});
		Set<String> existing = new HashSet<>(jdbc.queryForList("SELECT code FROM map_lot", String.class));
		int tolerance = settings.areaTolerancePercent();
		Map<String, Integer> seen = new HashMap<>();
		List<Item> out = new ArrayList<>();
		STRtree tree = new STRtree();
		Envelope all = new Envelope();
		// JTS validity first: PostGIS is asked only about valid polygons
		Map<Integer, String> invalidity = new HashMap<>();
		Map<Integer, Long> namedZone = new HashMap<>();
		for (Item it : items) {
			Geometry g = wgs.get(it.index());
			if (g instanceof Polygonal) {
				invalidity.put(it.index(), Geo.invalidity(g));
				String zoneName = prop(it.props(), "zone", "khu", "makhu", "kcn", "khucongnghiep");
				if (zoneName != null) {
					String k = VnText.fold(zoneName);
					zones.stream().filter(z -> z.code().equalsIgnoreCase(zoneName) || VnText.fold(z.name()).equals(k))
						.findFirst().ifPresent(z -> namedZone.put(it.index(), z.id()));
				}
			}
		}
		Map<Integer, Containment> inSql = postgis.active()
				? containmentInSql(items.stream().filter(it -> wgs.get(it.index()) instanceof Polygonal
						&& invalidity.get(it.index()) == null).toList(), namedZone)
				: null;
		for (Item it : items) {
			Geometry g = wgs.get(it.index());
			String code = it.code();
			int before = findings.size();
			if (code == null) {
				findings.add(err(it.index(), null, "thiếu mã lô"));
			}
			else if (seen.containsKey(code)) {
				findings.add(err(it.index(), code, "mã lô trùng với đối tượng thứ " + seen.get(code) + " trong tệp"));
			}
			else {
				seen.put(code, it.index());
				if (existing.contains(code)) {
					findings.add(warn(it.index(), code, "lô đã có trong cơ sở dữ liệu: sẽ được cập nhật theo tệp"));
				}
			}
			if (!(g instanceof Polygonal)) {
				findings.add(err(it.index(), code, "lô đất phải là vùng (Polygon), tệp ghi " + g.getGeometryType()));
				continue;
			}
			String invalid = invalidity.get(it.index());
			if (invalid != null) {
				findings.add(err(it.index(), code, "hình học không hợp lệ: " + invalid));
				continue;
			}
			double area = Geo.areaM2(g, vn);
			String zoneName = prop(it.props(), "zone", "khu", "makhu", "kcn", "khucongnghiep");
			Containment sql = inSql == null ? null : inSql.get(it.index());
			ZoneRef zone = null;
			if (zoneName != null) {
				Long named = namedZone.get(it.index());
				zone = named == null ? null : zones.stream().filter(z -> z.id() == named).findFirst().orElse(null);
				if (zone == null) {
					findings.add(err(it.index(), code, "khu “" + zoneName + "” chưa có trên bản đồ"));
				}
			}
			else if (sql != null) {
				zone = sql.zoneId() == null ? null
						: zones.stream().filter(z -> z.id() == sql.zoneId()).findFirst().orElse(null);
			}
			else {
				org.locationtech.jts.geom.Point inside = g.getInteriorPoint();
				zone = zones.stream().filter(z -> !z.kind().equals("PLANNING_AREA") && z.geom().covers(inside))
					.findFirst().orElse(null);
			}
			if (zoneName == null && zone == null) {
				findings.add(err(it.index(), code, "lô không nằm trong khu nào trên bản đồ và tệp không ghi khu"));
			}
			if (zone != null) {
				// with PostGIS the part outside comes from ST_Difference (none when ST_CoveredBy); measured the same way
				Geometry outside = sql != null ? sql.outside() : g.difference(zone.geom());
				double outsideM2 = outside == null ? 0 : Geo.areaM2(outside, vn);
				if (outsideM2 > Math.max(1.0, area * 0.005)) {
					findings.add(err(it.index(), code, "lô nằm ngoài khu “" + zone.name() + "”: "
							+ VnFormat.decimal(java.math.BigDecimal.valueOf(outsideM2), 0) + " m² ở ngoài ranh giới"));
				}
			}
			String statusText = prop(it.props(), "status", "trangthai", "tinhtrang");
			LotStatus status = status(statusText);
			if (statusText == null) {
				status = LotStatus.AVAILABLE;
				findings.add(warn(it.index(), code, "không ghi trạng thái: coi là còn trống"));
			}
			else if (status == null) {
				findings.add(err(it.index(), code, "trạng thái “" + statusText
						+ "” không rõ (đã cho thuê, còn trống, đã đặt chỗ, đang giải phóng mặt bằng)"));
			}
			String ent = prop(it.props(), "enterprise", "doanhnghiep", "doanhnghiepthue", "masothue", "taxcode");
			Long enterpriseId = null;
			if (ent != null) {
				enterpriseId = enterprisesByTax.getOrDefault(ent, enterprisesByName.get(VnText.fold(ent)));
				if (enterpriseId == null) {
					findings.add(err(it.index(), code, "doanh nghiệp “" + ent + "” chưa có trong cơ sở dữ liệu doanh nghiệp"));
				}
			}
			else if (status == LotStatus.LEASED) {
				findings.add(warn(it.index(), code, "lô đã cho thuê nhưng không ghi doanh nghiệp thuê"));
			}
			if (prop(it.props(), "landuse", "mucdich", "mucdichsudung", "loaidat", "chucnang") == null) {
				findings.add(err(it.index(), code, "thiếu mục đích sử dụng đất"));
			}
			String areaText = prop(it.props(), "area", "areaM2", "aream2", "dientich", "dientichm2");
			Double declared = null;
			if (areaText != null) {
				try {
					declared = Double.parseDouble(areaText.replace(" ", "").replace(".", "").replace(',', '.'));
					if (areaText.matches("\\d+\\.\\d{1,2}")) {
						declared = Double.parseDouble(areaText);
					}
					double diff = Math.abs(declared - area) / Math.max(area, 1) * 100;
					if (diff > tolerance) {
						findings.add(warn(it.index(), code, "diện tích trong tệp " + VnFormat.decimal(java.math.BigDecimal.valueOf(declared), 0)
								+ " m² khác diện tích tính từ hình " + VnFormat.decimal(java.math.BigDecimal.valueOf(area), 0)
								+ " m² (" + VnFormat.decimal(java.math.BigDecimal.valueOf(diff), 1) + "%, cho phép " + tolerance + "%)"));
					}
				}
				catch (NumberFormatException e) {
					findings.add(err(it.index(), code, "diện tích “" + areaText + "” không phải là số"));
				}
			}
			if (findings.size() == before || findings.subList(before, findings.size()).stream().noneMatch(Finding::error)) {
				tree.insert(g.getEnvelopeInternal(), new Object[] { it.index(), code, g });
				all.expandToInclude(g.getEnvelopeInternal());
			}
			out.add(new Item(it.index(), code, it.props(), it.geom(), it.crs(), zone == null ? null : zone.id(),
					enterpriseId, status == null ? null : status.name(), null, declared));
		}
		overlaps(tree, all, seen.keySet(), findings);
		return out;
	}

	/** PostGIS's answer for a lot of the file: the zone it lies in, and the part of it outside that zone (or null). */
	record Containment(Long zoneId, Geometry outside) {
	}

	/**
	 * The zone of each lot (the one named in the file, or the industrial park, else the economic zone, that covers a
	 * point on its surface) and the part outside it, in one SQL statement: {@code ST_Covers}, {@code ST_CoveredBy},
	 * {@code ST_Difference} on the zones' generated geometries.
	 */
	private Map<Integer, Containment> containmentInSql(List<Item> lots, Map<Integer, Long> namedZone) {
		Map<Integer, Containment> out = new HashMap<>();
		if (lots.isEmpty()) {
			return out;
		}
		Integer[] idx = lots.stream().map(Item::index).toArray(Integer[]::new);
		String[] geoms = lots.stream().map(Item::geom).toArray(String[]::new);
		Long[] zoneIds = lots.stream().map(it -> namedZone.get(it.index())).toArray(Long[]::new);
		jdbc.query("""
				WITH f AS (SELECT t.i, ST_SetSRID(ST_GeomFromGeoJSON(t.g), 4326) AS g, t.z
				           FROM unnest(?::int[], ?::text[], ?::bigint[]) AS t(i, g, z)),
				     c AS (SELECT f.i, f.g, coalesce(f.z, (SELECT z.id FROM map_zone z WHERE z.kind <> 'PLANNING_AREA'
				                  AND ST_Covers(z.geom_pg, ST_PointOnSurface(f.g)) ORDER BY z.kind DESC, z.id LIMIT 1)) AS zone_id
				           FROM f)
				SELECT c.i, c.zone_id, CASE WHEN z.id IS NULL OR ST_CoveredBy(c.g, z.geom_pg) THEN NULL
				                            ELSE ST_AsGeoJSON(ST_Difference(c.g, z.geom_pg)) END
				FROM c LEFT JOIN map_zone z ON z.id = c.zone_id""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("int4", idx));
			ps.setArray(2, ps.getConnection().createArrayOf("text", geoms));
			ps.setArray(3, ps.getConnection().createArrayOf("int8", zoneIds));
		}, rs -> {
			String outside = rs.getString(3);
			out.put(rs.getInt(1), new Containment((Long) rs.getObject(2), outside == null ? null
					: GeoJson.read(json.readTree(outside), GeoJson.CoordinateMapper.WGS84)));
		});
		return out;
	}

	/** Lots of the file overlapping each other, or overlapping a stored lot that the file does not replace. */
	private void overlaps(STRtree tree, Envelope all, Set<String> fileCodes, List<Finding> findings) {
		if (all.isNull()) {
			return;
		}
		List<Object[]> stored = new ArrayList<>();
		if (!postgis.active()) {
			jdbc.query("SELECT code, geom::text FROM map_lot WHERE box(point(min_x, min_y), point(max_x, max_y)) "
					+ "&& box(point(?, ?), point(?, ?))", rs -> {
						if (!fileCodes.contains(rs.getString(1))) {
							stored.add(new Object[] { null, rs.getString(1),
									GeoJson.read(json.readTree(rs.getString(2)), GeoJson.CoordinateMapper.WGS84) });
						}
					}, all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY());
		}
		tree.build();
		Set<String> reported = new HashSet<>();
		List<Object[]> mine = new ArrayList<>();
		for (Object o : tree.query(all)) {
			mine.add((Object[]) o);
		}
		if (postgis.active()) {
			overlapsWithStoredInSql(mine, fileCodes, findings, reported);
		}
		for (Object[] a : mine) {
			Geometry ga = (Geometry) a[2];
			for (Object o : tree.query(ga.getEnvelopeInternal())) {
				Object[] b = (Object[]) o;
				if ((int) b[0] <= (int) a[0]) {
					continue;
				}
				report(a, b, findings, reported);
			}
			for (Object[] s : stored) {
				if (((Geometry) s[2]).getEnvelopeInternal().intersects(ga.getEnvelopeInternal())) {
					report(a, s, findings, reported);
				}
			}
		}
	}

	/**
	 * With PostGIS: the stored lots (other than those the file replaces) whose interior meets a lot of the file
	 * ({@code &&} through the GiST index, then {@code ST_Relate} with {@code 2********}), and the shared part
	 * ({@code ST_Intersection}), in one statement; the shared area is measured as everywhere else (VN-2000 zone).
	 */
	private void overlapsWithStoredInSql(List<Object[]> mine, Set<String> fileCodes, List<Finding> findings,
			Set<String> reported) {
		if (mine.isEmpty()) {
			return;
		}
		Map<Integer, Object[]> byIndex = new HashMap<>();
		mine.forEach(a -> byIndex.put((int) a[0], a));
		Integer[] idx = byIndex.keySet().toArray(Integer[]::new);
		String[] geoms = java.util.Arrays.stream(idx).map(i -> GeoJson.write((Geometry) byIndex.get(i)[2]))
			.toArray(String[]::new);
		String[] codes = fileCodes.toArray(String[]::new);
		jdbc.query("""
				WITH f AS (SELECT t.i, ST_SetSRID(ST_GeomFromGeoJSON(t.g), 4326) AS g
				           FROM unnest(?::int[], ?::text[]) AS t(i, g))
				SELECT f.i, l.code, ST_AsGeoJSON(ST_Intersection(l.geom_pg, f.g))
				FROM f JOIN map_lot l ON l.geom_pg && f.g AND ST_Relate(l.geom_pg, f.g, '2********')
				WHERE l.code <> ALL (?::varchar[])
				ORDER BY f.i, l.code""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("int4", idx));
			ps.setArray(2, ps.getConnection().createArrayOf("text", geoms));
			ps.setArray(3, ps.getConnection().createArrayOf("varchar", codes));
		}, rs -> {
			Object[] a = byIndex.get(rs.getInt(1));
			Geometry shared = GeoJson.read(json.readTree(rs.getString(3)), GeoJson.CoordinateMapper.WGS84);
			reportShared(a, new Object[] { null, rs.getString(2) }, Geo.areaM2(shared, vn), findings, reported);
		});
	}

	private void report(Object[] a, Object[] b, List<Finding> findings, Set<String> reported) {
		Geometry ga = (Geometry) a[2];
		Geometry gb = (Geometry) b[2];
		if (!ga.intersects(gb)) {
			return;
		}
		reportShared(a, b, Geo.areaM2(ga.intersection(gb), vn), findings, reported);
	}

	private void reportShared(Object[] a, Object[] b, double m2, List<Finding> findings, Set<String> reported) {
		if (m2 <= 1.0 || !reported.add(a[1] + "|" + b[1])) {
			return;
		}
		String other = b[0] == null ? "lô đã có “" + b[1] + "”" : "lô “" + b[1] + "” (đối tượng thứ " + b[0] + ")";
		findings.add(err((int) a[0], (String) a[1], "chồng lấn với " + other + ": "
				+ VnFormat.decimal(java.math.BigDecimal.valueOf(m2), 0) + " m²"));
	}

	// ------------------------------------------------------------------ zones, infrastructure

	private List<Item> checkZones(List<Item> items, Map<Integer, Geometry> wgs, List<Finding> findings) {
		List<Item> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Item it : items) {
			Geometry g = wgs.get(it.index());
			if (it.code() == null) {
				findings.add(err(it.index(), null, "thiếu mã khu"));
			}
			else if (!seen.add(it.code())) {
				findings.add(err(it.index(), it.code(), "mã khu trùng trong tệp"));
			}
			if (!(g instanceof Polygonal)) {
				findings.add(err(it.index(), it.code(), "khu phải là vùng (Polygon), tệp ghi " + g.getGeometryType()));
				continue;
			}
			String invalid = Geo.invalidity(g);
			if (invalid != null) {
				findings.add(err(it.index(), it.code(), "hình học không hợp lệ: " + invalid));
			}
			String kindText = prop(it.props(), "kind", "loai");
			String kind = zoneKind(kindText);
			if (kind == null) {
				findings.add(err(it.index(), it.code(), "loại khu “" + kindText
						+ "” không rõ (khu kinh tế, khu công nghiệp, phân khu quy hoạch)"));
			}
			out.add(new Item(it.index(), it.code(), it.props(), it.geom(), it.crs(), null, null, null, kind, null));
		}
		return out;
	}

	static String zoneKind(String s) {
		String k = key(s == null ? "" : s);
		if (k.isEmpty() || k.contains("khucongnghiep") || k.equals("kcn") || k.contains("industrialpark")) {
			return ZoneKind.INDUSTRIAL_PARK.name();
		}
		if (k.contains("khukinhte") || k.equals("kkt") || k.contains("economiczone")) {
			return ZoneKind.ECONOMIC_ZONE.name();
		}
		if (k.contains("phankhu") || k.contains("quyhoach") || k.contains("planningarea")) {
			return ZoneKind.PLANNING_AREA.name();
		}
		return null;
	}

	private List<Item> checkInfra(List<Item> items, Map<Integer, Geometry> wgs, List<Finding> findings) {
		List<Item> out = new ArrayList<>();
		for (Item it : items) {
			Geometry g = wgs.get(it.index());
			String invalid = Geo.invalidity(g);
			if (invalid != null) {
				findings.add(err(it.index(), it.code(), "hình học không hợp lệ: " + invalid));
			}
			if (it.code() == null) {
				findings.add(err(it.index(), null, "thiếu tên công trình"));
			}
			String kindText = prop(it.props(), "kind", "loai");
			InfraKind kind = infraKind(kindText);
			if (kind == null) {
				findings.add(err(it.index(), it.code(), "loại hạ tầng “" + kindText + "” không rõ"));
			}
			if (!(g instanceof Lineal || g instanceof Puntal || g instanceof Polygonal)) {
				findings.add(err(it.index(), it.code(), "hình học " + g.getGeometryType() + " không dùng được"));
			}
			out.add(new Item(it.index(), it.code(), it.props(), it.geom(), it.crs(), null, null, null,
					kind == null ? null : kind.name(), null));
		}
		return out;
	}

	// ------------------------------------------------------------------ commit

	Preview find(long id) {
		List<Preview> p = jdbc.query("SELECT id, layer, file_name, format, source_crs, feature_count, error_count, "
				+ "findings::text, status FROM map_import WHERE id = ?", (rs, i) -> new Preview(rs.getLong(1),
						rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
						json.readValue(rs.getString(8), new TypeReference<List<Finding>>() {
						}), rs.getString(9)), id);
		if (p.isEmpty()) {
			throw new NotFoundException("Không tìm thấy lần nhập #" + id);
		}
		return p.get(0);
	}

	/** Saves every feature of a preview without errors, or nothing. */
	@Transactional
	public int commit(long id) {
		access.requireEdit("MAP_IMPORT", id);
		Map<String, Object> row = jdbc.queryForList("SELECT layer, status, error_count, features::text, file_name "
				+ "FROM map_import WHERE id = ? FOR UPDATE", id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Không tìm thấy lần nhập #" + id));
		if (!"PREVIEW".equals(row.get("status"))) {
			throw new DomainException("Lần nhập này đã được xử lý (" + row.get("status") + "); không có gì thay đổi");
		}
		if (((Number) row.get("error_count")).intValue() > 0) {
			throw new DomainException("Còn " + row.get("error_count")
					+ " lỗi trong bản xem trước: sửa tệp rồi nhập lại; không có gì được lưu");
		}
		List<Item> items = json.readValue((String) row.get("features"), new TypeReference<List<Item>>() {
		});
		Layer layer = Layer.valueOf((String) row.get("layer"));
		switch (layer) {
			case LOTS -> data.saveLots(items.stream().map(it -> new MapData.LotInput(it.code(), it.zoneId(),
					prop(it.props(), "landuse", "mucdich", "mucdichsudung", "loaidat", "chucnang"),
					LotStatus.valueOf(it.status()), it.declaredArea(), it.enterpriseId(), null, null, null, null, null,
					null, parse(it.geom()), it.crs(), false)).toList());
			case ZONES -> items.forEach(it -> data.saveZone(new MapData.ZoneInput(it.code(),
					java.util.Objects.requireNonNullElse(prop(it.props(), "name", "ten", "tenkhu"), it.code()),
					ZoneKind.valueOf(it.kind()), prop(it.props(), "parent", "khucha", "thuockhu"),
					prop(it.props(), "landuse", "mucdich", "chucnang"), parse(it.geom()), it.crs(), false)));
			case INFRA -> items.forEach(it -> data.saveInfra(new MapData.InfraInput(InfraKind.valueOf(it.kind()),
					it.code(), null, Map.of(), parse(it.geom()), it.crs(), false)));
		}
		jdbc.update("UPDATE map_import SET status = 'COMMITTED', committed_at = ? WHERE id = ?",
				Timestamp.from(clock.now()), id);
		audit.change("MAP_IMPORT_COMMITTED", "MAP_IMPORT", id, null,
				row.get("file_name") + ": " + items.size() + " đối tượng (" + layer.label + ")", null,
				Map.of("features", items.size(), "layer", layer.name()));
		return items.size();
	}

	@Transactional
	public void discard(long id) {
		access.requireEdit("MAP_IMPORT", id);
		jdbc.update("UPDATE map_import SET status = 'DISCARDED' WHERE id = ? AND status = 'PREVIEW'", id);
	}

	private Geometry parse(String geojson) {
		return GeoJson.read(json.readTree(geojson), GeoJson.CoordinateMapper.WGS84);
	}
}
