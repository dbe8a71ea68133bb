package vn.nq57.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.system.AppClock;

/**
 * The map's demo: an <b>illustrative</b> data set ("Số liệu minh họa": every row is flagged and the pages say so) —
 * the economic zone's outline, three parks, 360 lots, twelve enterprises with their projects, roads, a 110 kV line,
 * a substation, a wastewater plant, a port, and four monitoring points whose readings include one exceedance, which
 * has opened a follow-up task for the Board. Shapes, names and figures are invented: they are not the zone's
 * planning. Loaded through the services as the Board's officer (cb.bql) would, once (returns if the map has data).
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class MapDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MapDemoData.class);

	static final String SOURCE = "VN2000:108";

	private final MapData data;

	private final MapEnvironment environment;

	private final MapAccess access;

	private final RunAs runAs;

	private final JdbcTemplate jdbc;

	private final AppClock clock;

	MapDemoData(MapData data, MapEnvironment environment, MapAccess access, RunAs runAs, JdbcTemplate jdbc,
			AppClock clock) {
		this.data = data;
		this.environment = environment;
		this.access = access;
		this.runAs = runAs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer zones = jdbc.queryForObject("SELECT count(*) FROM map_zone", Integer.class);
		if (zones != null && zones > 0 || access.boardAgencyId() == null) {
			return;
		}
		runAs.user("cb.bql", this::load);
		log.info("Map demo (illustrative data) loaded");
	}

	static Geometry box(double minX, double minY, double maxX, double maxY) {
		return MapLayers.rectangle(minX, minY, maxX, maxY);
	}

	static Geometry line(double... xy) {
		Coordinate[] cs = new Coordinate[xy.length / 2];
		for (int i = 0; i < cs.length; i++) {
			cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
		}
		return GeoJson.FACTORY.createLineString(cs);
	}

	static Geometry point(double x, double y) {
		return GeoJson.FACTORY.createPoint(new Coordinate(x, y));
	}

	private void load() {
		Geometry outline = GeoJson.FACTORY.createPolygon(new Coordinate[] { new Coordinate(108.64, 15.36),
				new Coordinate(108.66, 15.26), new Coordinate(108.90, 15.27), new Coordinate(108.91, 15.44),
				new Coordinate(108.70, 15.45), new Coordinate(108.64, 15.36) });
		data.saveZone(new MapData.ZoneInput("KKT-DQ", "Khu Kinh tế Dung Quất (ranh giới minh họa)",
				ZoneKind.ECONOMIC_ZONE, null, null, outline, SOURCE, true));
		record Park(String code, String name, double x0, double y0, double x1, double y1) {
		}
		List<Park> parks = List.of(
				new Park("KCN-DONG", "KCN phía Đông Dung Quất (minh họa)", 108.80, 15.36, 108.87, 15.41),
				new Park("KCN-TAY", "KCN phía Tây Dung Quất (minh họa)", 108.70, 15.30, 108.77, 15.35),
				new Park("KCN-VT", "Khu công nghiệp – đô thị Vạn Tường (minh họa)", 108.80, 15.29, 108.86, 15.33));
		List<Long> parkIds = new ArrayList<>();
		for (Park p : parks) {
			parkIds.add(data.saveZone(new MapData.ZoneInput(p.code(), p.name(), ZoneKind.INDUSTRIAL_PARK, "KKT-DQ",
					"Đất khu công nghiệp", box(p.x0(), p.y0(), p.x1(), p.y1()), SOURCE, true)));
		}
		String[] sectors = { "Cơ khí chế tạo", "Lọc hóa dầu", "Thép", "Năng lượng", "Chế biến gỗ", "Logistics" };
		List<Long> enterprises = new ArrayList<>();
		List<Long> projects = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			String name = String.format("Công ty TNHH Minh họa %s %02d", sectors[i % sectors.length], i);
			long e = data.saveEnterprise(new MapData.EnterpriseInput(name, String.format("MH%08d", i),
					i % 3 == 0 ? "Hàn Quốc" : "Việt Nam", sectors[i % sectors.length], BigDecimal.valueOf(120L * i),
					BigDecimal.valueOf(35L * i), true));
			enterprises.add(e);
			projects.add(data.saveProject(new MapData.ProjectInput(e, "Nhà máy " + sectors[i % sectors.length].toLowerCase()
					+ " minh họa " + i, name, 150_000_000_000L * i, String.format("MH-%02d/GCNĐT", i),
					LocalDate.of(2015 + i % 10, 1 + i % 12, 10), i % 4 == 0 ? "BUILDING" : "OPERATING", 80 * i)));
		}
		List<MapData.LotInput> lots = new ArrayList<>();
		int n = 0;
		for (int k = 0; k < parks.size(); k++) {
			Park p = parks.get(k);
			double dx = (p.x1() - p.x0()) / 12;
			double dy = (p.y1() - p.y0()) / 10;
			for (int i = 0; i < 12; i++) {
				for (int j = 0; j < 10; j++) {
					n++;
					int r = (i * 7 + j * 3 + k) % 10;
					LotStatus status = r <= 5 ? LotStatus.LEASED : r <= 7 ? LotStatus.AVAILABLE
							: r == 8 ? LotStatus.RESERVED : LotStatus.CLEARANCE;
					String use = j == 9 ? "Đất kho bãi, logistics" : i == 0 ? "Đất dịch vụ" : "Đất công nghiệp";
					int ent = (n * 5) % enterprises.size();
					Geometry g = box(p.x0() + i * dx + dx * 0.06, p.y0() + j * dy + dy * 0.08,
							p.x0() + (i + 1) * dx - dx * 0.06, p.y0() + (j + 1) * dy - dy * 0.08);
					boolean leased = status == LotStatus.LEASED;
					lots.add(new MapData.LotInput(String.format("DQ-%s-%03d", p.code().substring(4), i * 10 + j + 1),
							parkIds.get(k), use, status, null, leased ? enterprises.get(ent) : null,
							leased ? projects.get(ent) : null, leased ? String.format("HĐ-MH-%04d", n) : null,
							leased ? LocalDate.of(2016 + n % 9, 1 + n % 12, 1) : null,
							leased ? LocalDate.of(2066 + n % 9, 1 + n % 12, 1) : null, leased ? 1 + n % 3 : null,
							leased ? 8.0 + n % 12 : null, g, SOURCE, true));
				}
			}
		}
		data.saveLots(lots);
		Map<String, String> none = Map.of();
		data.saveInfra(new MapData.InfraInput(InfraKind.ROAD, "Đường trục chính (minh họa)", null, Map.of("lanes", "4"),
				line(108.68, 15.27, 108.72, 15.33, 108.78, 15.36, 108.83, 15.42), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.ROAD, "Đường nối KCN phía Đông – Vạn Tường (minh họa)", null, none,
				line(108.835, 15.36, 108.835, 15.33), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.ROAD, "Đường ven KCN phía Tây (minh họa)", null, none,
				line(108.70, 15.355, 108.77, 15.355, 108.775, 15.30), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.POWER_LINE, "Đường dây 110 kV (minh họa)", null,
				Map.of("voltage", "110 kV"), line(108.66, 15.30, 108.74, 15.345, 108.81, 15.37, 108.86, 15.40), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.POWER_LINE, "Đường dây 22 kV (minh họa)", null,
				Map.of("voltage", "22 kV"), line(108.81, 15.37, 108.82, 15.31), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.SUBSTATION, "Trạm biến áp 110 kV (minh họa)", null, none,
				point(108.81, 15.37), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.WASTEWATER_PLANT, "Nhà máy xử lý nước thải tập trung (minh họa)",
				null, Map.of("capacity", "5.000 m³/ngày"), point(108.865, 15.362), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.PORT, "Cảng tổng hợp (minh họa)", null, none,
				point(108.83, 15.425), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.TELECOM, "Trạm 5G (minh họa)", null, none,
				point(108.84, 15.385), SOURCE, true));
		data.saveInfra(new MapData.InfraInput(InfraKind.WATER, "Tuyến ống cấp nước (minh họa)", null, none,
				line(108.70, 15.33, 108.80, 15.35, 108.86, 15.38), SOURCE, true));
		long board = access.boardAgencyId();
		long air = data.savePoint(new MapData.PointInput("QT-KK-01", "Không khí KCN phía Đông (minh họa)", "AIR",
				parkIds.get(0), null, board, 108.835, 15.395, SOURCE, true));
		long outlet = data.savePoint(new MapData.PointInput("QT-NT-01", "Cửa xả nước thải nhà máy (minh họa)",
				"WASTEWATER", parkIds.get(0), enterprises.get(0), board, 108.842, 15.372, SOURCE, true));
		long plant = data.savePoint(new MapData.PointInput("QT-NT-02", "Sau xử lý, nhà máy nước thải tập trung (minh họa)",
				"WASTEWATER", parkIds.get(0), null, board, 108.866, 15.361, SOURCE, true));
		long sea = data.savePoint(new MapData.PointInput("QT-NB-01", "Nước biển ven bờ cảng (minh họa)", "SEAWATER",
				null, null, board, 108.832, 15.43, SOURCE, true));
		LocalDate d = clock.today().minusDays(5);
		environment.record(air, "PM10", d, new BigDecimal("62"));
		environment.record(air, "SO2", d, new BigDecimal("110"));
		environment.record(plant, "COD", d, new BigDecimal("68"));
		environment.record(plant, "TSS", d, new BigDecimal("41"));
		environment.record(sea, "TSS", d, new BigDecimal("22"));
		environment.record(outlet, "BOD5", d.plusDays(2), new BigDecimal("38"));
		environment.record(outlet, "COD", d.plusDays(2), new BigDecimal("212"));
	}
}
