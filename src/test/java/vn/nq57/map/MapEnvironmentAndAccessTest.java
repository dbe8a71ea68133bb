package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.testdata.World;

/**
 * An exceedance opens (then updates) a follow-up task for the responsible agency; the share of points within
 * limits and the land fund are indicators; the Board edits, DoST and leaders view, and the anonymous investor sees
 * available lots, land use, area and infrastructure, never a tenant, contract or lease.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MapEnvironmentAndAccessTest {

	@Autowired MapEnvironment environment;
	@Autowired MapData data;
	@Autowired MapImport imports;
	@Autowired MapLayers layers;
	@Autowired MapAccess access;
	@Autowired MapFixtures fx;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;
	@Autowired AppClock clock;
	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired vn.nq57.system.SettingsService settingsService;

	long point(MapFixtures.Zone z, String medium) {
		return runAs.user("cb.bql", () -> data.savePoint(new MapData.PointInput(z.code() + "-P-" + medium, "Điểm kiểm thử",
				medium, z.id(), null, access.boardAgencyId(), z.lon() + 0.005, z.lat() + 0.005, "EPSG:4326", false)));
	}

	@Test
	@DisplayName("a COD of 212 mg/l against 150 opens a task for the Board due in 7 days; the next exceedance updates it; a reading within limits opens none; the share within limits is an indicator")
	void exceedanceOpensThenUpdatesATask() {
		MapFixtures.Zone z = fx.zone();
		long p = point(z, "WASTEWATER");
		LocalDate day = clock.today().minusDays(1);
		MapEnvironment.Outcome ok = runAs.user("cb.bql", () -> environment.record(p, "BOD5", day, new BigDecimal("30")));
		assertThat(ok.exceeds()).isFalse();
		assertThat(ok.taskId()).isNull();
		MapEnvironment.Outcome bad = runAs.user("cb.bql", () -> environment.record(p, "COD", day, new BigDecimal("212")));
		assertThat(bad.exceeds()).isTrue();
		assertThat(bad.opened()).isTrue();
		var task = jdbc.queryForMap("SELECT title, due_date, open_count FROM task_view WHERE id = ?", bad.taskId());
		assertThat((String) task.get("title")).contains(z.code() + "-P-WASTEWATER").contains("COD = 212 mg/l")
			.contains("giới hạn ≤ 150 mg/l, QCVN 40:2011/BTNMT, cột B");
		assertThat(((java.sql.Date) task.get("due_date")).toLocalDate()).isEqualTo(clock.today().plusDays(7));
		assertThat(jdbc.queryForObject("SELECT agency_id FROM assignment_view WHERE task_id = ?", Long.class, bad.taskId()))
			.as("the Board is accountable, so its reminders apply").isEqualTo(access.boardAgencyId());
		MapEnvironment.Outcome again = runAs.user("cb.bql", () -> environment.record(p, "TSS", day, new BigDecimal("140")));
		assertThat(again.opened()).isFalse();
		assertThat(again.taskId()).isEqualTo(bad.taskId());
		assertThat(jdbc.queryForObject("SELECT expected_output FROM task_view WHERE id = ?", String.class, bad.taskId()))
			.contains("vượt ngưỡng 2 lần").contains("TSS = 140 mg/l");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_env_followup WHERE point_id = ?", Integer.class, p)).isEqualTo(1);
		String points = layers.layer(MapLayers.Layer.points, MapLayers.Viewport.parse(
				(z.lon()) + "," + (z.lat()) + "," + (z.lon() + 0.011) + "," + (z.lat() + 0.011), 15), MapLayers.Filter.NONE,
				MapAccess.Audience.VIEWER);
		assertThat(points).contains("\"exceeds\":true").contains("\"taskId\":" + bad.taskId());

		// the indicator: points with readings this month, those with none above its limit
		var counts = jdbc.queryForMap("""
				SELECT count(*) AS measured, count(*) FILTER (WHERE NOT bad) AS within FROM (SELECT point_id, bool_or(exceeds) AS bad
				FROM map_env_reading WHERE date_trunc('month', measured_on) = date_trunc('month', ?::date) GROUP BY point_id) x""",
				java.sql.Date.valueOf(day));
		BigDecimal expected = new BigDecimal(counts.get("within").toString()).multiply(BigDecimal.valueOf(100))
			.divide(new BigDecimal(counts.get("measured").toString()), 4, java.math.RoundingMode.HALF_UP);
		BigDecimal published = jdbc.queryForObject("""
				SELECT r.value FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id
				WHERE i.code = 'KKT-QUAN-TRAC-DAT' AND r.period_start = date_trunc('month', ?::date)::date""", BigDecimal.class,
				java.sql.Date.valueOf(day));
		assertThat(published).isCloseTo(expected, org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
		assertThatThrownBy(() -> runAs.user("cb.bql", () -> environment.record(p, "Chì", day, BigDecimal.ONE)))
			.isInstanceOf(DomainException.class).hasMessageContaining("Chưa cấu hình giới hạn cho thông số “Chì”");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> environment.record(p, "COD", day, BigDecimal.ONE)))
			.as("DoST views, the Board records").isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@DisplayName("the limits are configured by the Board on /map/limits: added, changed with a version (stale: 409), bad values refused with nothing changed, and readings judged against them")
	void limitsAreConfigured() throws Exception {
		String param = "PHENOL" + World.seq();
		mvc.perform(post("/map/limits").with(csrf()).with(user(users.loadUserByUsername("sokhcn"))).param("medium", "WASTEWATER")
			.param("parameter", param).param("unit", "mg/l").param("max", "0,5").param("regulation", "QCVN 40:2011/BTNMT"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/map/limits").with(csrf()).with(user(users.loadUserByUsername("cb.bql"))).param("medium", "WASTEWATER")
			.param("parameter", param).param("unit", "mg/l").param("max", "0,5").param("regulation", "QCVN 40:2011/BTNMT, cột B"))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.queryForObject("SELECT id FROM map_env_limit WHERE parameter = ?", Long.class, param);
		assertThat(jdbc.queryForObject("SELECT max_value FROM map_env_limit WHERE id = ?", BigDecimal.class, id)).isEqualByComparingTo("0.5");
		// the page, for a viewer (no form) and for the Board (a form per row)
		assertThat(mvc.perform(get("/map/limits").with(user(users.loadUserByUsername("lanhdao")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains(param).contains("QCVN 40:2011/BTNMT, cột B").doesNotContain("limit-form-");
		assertThat(mvc.perform(get("/map/limits").with(user(users.loadUserByUsername("cb.bql")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("limit-form-" + id);
		mvc.perform(post("/map/limits").with(csrf()).with(user(users.loadUserByUsername("cb.bql"))).param("id", "" + id)
			.param("medium", "WASTEWATER").param("parameter", param).param("unit", "mg/l").param("max", "0,3")
			.param("regulation", "QCVN 40:2011/BTNMT, cột A").param("version", "0")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/map/limits").with(csrf()).with(user(users.loadUserByUsername("cb.bql"))).param("id", "" + id)
			.param("medium", "WASTEWATER").param("parameter", param).param("unit", "mg/l").param("max", "9")
			.param("regulation", "QCVN 40:2011/BTNMT, cột B").param("version", "0")).andExpect(status().isConflict());
		for (String[] bad : new String[][] { { "1", "0,5", "lớn hơn giá trị tối đa" }, { "", "", "cần giá trị tối thiểu hoặc tối đa" },
				{ "", "abc", "không phải là số" }, { "", "0.5", "không rõ nghĩa" } }) {
			var refused = mvc.perform(post("/map/limits").with(csrf()).with(user(users.loadUserByUsername("cb.bql"))).param("id", "" + id)
				.param("medium", "WASTEWATER").param("parameter", param).param("unit", "mg/l").param("min", bad[0])
				.param("max", bad[1]).param("regulation", "QCVN").param("version", "1"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse();
			// the limits page again, in the session the refusal answered with: the message in the row refused
			String page = mvc.perform(get(refused.getRedirectedUrl()).with(user(users.loadUserByUsername("cb.bql")))
				.cookie(refused.getCookie("SESSION"))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			org.jsoup.nodes.Element row = org.jsoup.Jsoup.parse(page).getElementById("limit-" + id);
			assertThat(row.select(".field-error").text()).as(bad[2]).contains(bad[2]);
			assertThat(row.selectFirst("input[name=max]").val()).isEqualTo(bad[1]);
		}
		assertThatThrownBy(() -> runAs.user("cb.bql", () -> environment.saveLimit(null, "WASTEWATER", param.toLowerCase(), "mg/l",
				null, BigDecimal.ONE, "QCVN", 0))).isInstanceOf(DomainException.class).hasMessageContaining("Đã có giới hạn");
		var row = jdbc.queryForMap("SELECT min_value, max_value, regulation, version FROM map_env_limit WHERE id = ?", id);
		assertThat((BigDecimal) row.get("max_value")).as("the bad edits changed nothing").isEqualByComparingTo("0.3");
		assertThat(row.get("min_value")).isNull();
		assertThat(row.get("regulation")).isEqualTo("QCVN 40:2011/BTNMT, cột A");
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'MAP_LIMIT' AND entity_id = ?",
				Integer.class, id)).isEqualTo(2);

		MapFixtures.Zone z = fx.zone();
		long p = point(z, "WASTEWATER");
		MapEnvironment.Outcome o = runAs.user("cb.bql", () -> environment.record(p, param, clock.today(), new BigDecimal("0.4")));
		assertThat(o.exceeds()).as("0,4 against the new maximum 0,3").isTrue();
		assertThat(o.opened()).isTrue();
	}

	@Test
	@DisplayName("basemap: none by default; the tile server URL and attribution are settings that reach the map page; a malformed URL is refused")
	void basemapIsASetting() throws Exception {
		assertThat(mvc.perform(get("/public/map")).andReturn().getResponse().getContentAsString())
			.doesNotContain("data-tile-url").doesNotContain("{z}/{x}/{y}");
		assertThatThrownBy(() -> runAs.user("admin", () -> settingsService.save(java.util.Map.of(MapSettings.TILE_URL,
				"ftp://bando.example.vn/tiles")))).isInstanceOf(DomainException.class).hasMessageContaining("không hợp lệ");
		try {
			runAs.user("admin", () -> settingsService.save(java.util.Map.of(MapSettings.TILE_URL,
					"https://bando.example.vn/{z}/{x}/{y}.png", MapSettings.TILE_ATTRIBUTION, "Bản đồ nền Việt Nam")));
			for (String page : new String[] { "/public/map", "/map" }) {
				var req = get(page);
				if (page.equals("/map")) {
					req = req.with(user(users.loadUserByUsername("lanhdao")));
				}
				assertThat(mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
					.contains("data-tile-url=\"https://bando.example.vn/{z}/{x}/{y}.png\"")
					.contains("data-tile-attribution=\"Bản đồ nền Việt Nam\"");
			}
		}
		finally {
			runAs.user("admin", () -> settingsService.save(java.util.Map.of(MapSettings.TILE_URL, "",
					MapSettings.TILE_ATTRIBUTION, "")));
		}
	}

	@Test
	@DisplayName("the land fund (leased and available ha, occupancy) is published as indicators after lots change")
	void landFundIndicators() {
		MapFixtures.Zone z = fx.zone();
		runAs.user("cb.bql", () -> data.saveLots(List.of(
				new MapData.LotInput(z.code() + "-LF1", z.id(), "Đất công nghiệp", LotStatus.LEASED, null, null, null, null, null,
						null, null, null, box(z.lot(0, 0)), "EPSG:4326", false),
				new MapData.LotInput(z.code() + "-LF2", z.id(), "Đất công nghiệp", LotStatus.AVAILABLE, null, null, null, null,
						null, null, null, null, box(z.lot(1, 0)), "EPSG:4326", false))));
		var fund = jdbc.queryForMap("""
				SELECT sum(area_m2) AS total, sum(area_m2) FILTER (WHERE status = 'LEASED') AS leased,
				       sum(area_m2) FILTER (WHERE status = 'AVAILABLE') AS available FROM map_lot""");
		double total = ((Number) fund.get("total")).doubleValue();
		double leased = ((Number) fund.get("leased")).doubleValue();
		double available = ((Number) fund.get("available")).doubleValue();
		assertThat(indicator("KKT-LAP-DAY").doubleValue()).isCloseTo(leased * 100 / total, org.assertj.core.data.Offset.offset(0.01));
		assertThat(indicator("KKT-DAT-DA-THUE").doubleValue()).isCloseTo(leased / 10_000, org.assertj.core.data.Offset.offset(0.01));
		assertThat(indicator("KKT-DAT-CON-TRONG").doubleValue()).isCloseTo(available / 10_000, org.assertj.core.data.Offset.offset(0.01));
	}

	BigDecimal indicator(String code) {
		return jdbc.queryForObject("""
				SELECT r.value FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id
				WHERE i.code = ? AND r.period_start = date_trunc('month', ?::date)::date""", BigDecimal.class, code,
				java.sql.Date.valueOf(clock.today()));
	}

	static org.locationtech.jts.geom.Geometry box(double[] b) {
		return MapDemoData.box(b[0], b[1], b[2], b[3]);
	}

	@Test
	@DisplayName("the anonymous investor sees available lots with code, zone, land use and area only; staff pages need a login; other agencies get the investor view; DoST views but may not edit")
	void audiences() throws Exception {
		MapFixtures.Zone z = fx.zone();
		long ent = runAs.user("cb.bql", () -> data.saveEnterprise(new MapData.EnterpriseInput("Công ty Kiểm Thử Bí Mật " + z.code(),
				null, "Việt Nam", "Cơ khí", null, null, false)));
		runAs.user("cb.bql", () -> data.saveLots(List.of(
				new MapData.LotInput(z.code() + "-PUB", z.id(), "Đất công nghiệp", LotStatus.AVAILABLE, null, null, null, null,
						null, null, null, null, box(z.lot(0, 0)), "EPSG:4326", false),
				new MapData.LotInput(z.code() + "-SECRET", z.id(), "Đất công nghiệp", LotStatus.LEASED, null, ent, null,
						"HĐ-BÍ-MẬT-01", LocalDate.of(2020, 1, 1), LocalDate.of(2070, 1, 1), 2, 10.0, box(z.lot(1, 0)),
						"EPSG:4326", false))));
		String bbox = z.lon() + "," + z.lat() + "," + (z.lon() + 0.011) + "," + (z.lat() + 0.011);
		for (int zoom : new int[] { 12, 16 }) {
			String body = mvc.perform(get("/public/map/api/layers/lots").param("bbox", bbox).param("zoom", "" + zoom)
				.param("status", "LEASED")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(body).contains(z.code() + "-PUB").doesNotContain(z.code() + "-SECRET").doesNotContain("Bí Mật")
				.doesNotContain("contractNo").doesNotContain("enterprise").doesNotContain("leaseFrom").doesNotContain("HĐ-BÍ-MẬT");
		}
		assertThat(mvc.perform(get("/public/map/api/search").param("q", z.code().toLowerCase())).andReturn().getResponse()
			.getContentAsString()).contains("-PUB").doesNotContain("-SECRET");
		assertThat(mvc.perform(get("/public/map/api/layers/points").param("bbox", bbox)).andReturn().getResponse()
			.getContentAsString()).isEqualTo(MapLayers.empty());
		byte[] xlsx = mvc.perform(get("/public/map/export.xlsx").param("bbox", bbox)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getLastCellNum()).as("no tenant, contract or lease column").isEqualTo((short) 10);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(z.code() + "-PUB");
			for (var row : sheet) {
				row.forEach(c -> assertThat(c.toString()).doesNotContain("SECRET").doesNotContain("Bí Mật"));
			}
		}
		assertThat(mvc.perform(get("/public/map")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("id=\"map\"").contains("/public/map/api");

		mvc.perform(get("/map/api/layers/lots").param("bbox", bbox)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/map/enterprises/" + ent)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/map").with(user(users.loadUserByUsername("cb.stc")))).andExpect(status().is3xxRedirection());
		String viewer = mvc.perform(get("/map/api/layers/lots").param("bbox", bbox).param("zoom", "16")
			.with(user(users.loadUserByUsername("lanhdao")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(viewer).contains("HĐ-BÍ-MẬT-01").contains("Công ty Kiểm Thử Bí Mật");
		mvc.perform(get("/map/enterprises/" + ent).with(user(users.loadUserByUsername("sokhcn")))).andExpect(status().isOk());
		long lot = jdbc.queryForObject("SELECT id FROM map_lot WHERE code = ?", Long.class, z.code() + "-PUB");
		mvc.perform(post("/map/lots/" + lot).with(csrf()).with(user(users.loadUserByUsername("sokhcn")))
			.param("landUse", "Đất dịch vụ").param("status", "RESERVED").param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/map/lots/" + lot).with(csrf()).with(user(users.loadUserByUsername("gd.bql")))
			.param("landUse", "Đất dịch vụ").param("status", "RESERVED").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/map/lots/" + lot).with(csrf()).with(user(users.loadUserByUsername("cb.bql")))
			.param("landUse", "Đất kho bãi").param("status", "AVAILABLE").param("version", "0"))
			.andExpect(status().isConflict());
		mvc.perform(get("/map").with(user(users.loadUserByUsername("cb.bql")))).andExpect(status().isOk());
		byte[] staff = mvc.perform(get("/map/export.xlsx").param("bbox", bbox).with(user(users.loadUserByUsername("cb.bql"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(staff))) {
			assertThat(wb.getSheetAt(0).getRow(0).getLastCellNum()).isEqualTo((short) 15);
		}
		String geojson = mvc.perform(get("/map/export.geojson").param("bbox", bbox).with(user(users.loadUserByUsername("cb.bql"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(geojson).contains(z.code() + "-SECRET").contains("\"type\":\"FeatureCollection\"");
	}

	@Test
	@DisplayName("the Board adds an enterprise and its project (capital typed as “1,25 tỷ”); DoST may not")
	void enterpriseAndProjectForms() throws Exception {
		String name = "Công ty Cổ phần Kiểm Thử Biển Đông " + World.seq();
		mvc.perform(post("/map/enterprises").with(csrf()).with(user(users.loadUserByUsername("sokhcn"))).param("name", name))
			.andExpect(status().isForbidden());
		String location = mvc.perform(post("/map/enterprises").with(csrf()).with(user(users.loadUserByUsername("cb.bql")))
			.param("name", name).param("sector", "Cơ khí").param("wastewaterM3Day", "12,5"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(post("/map/enterprises/" + id + "/projects").with(csrf()).with(user(users.loadUserByUsername("cb.bql")))
			.param("name", "Nhà máy kiểm thử").param("investor", name).param("capital", "1,25 tỷ")
			.param("certificateNo", "KT-01").param("certificateDate", "15/3/2026").param("status", "BUILDING").param("jobs", "120"))
			.andExpect(status().is3xxRedirection());
		var p = jdbc.queryForMap("SELECT capital_dong, certificate_date, jobs FROM map_project WHERE enterprise_id = ?", id);
		assertThat(((Number) p.get("capital_dong")).longValue()).isEqualTo(1_250_000_000L);
		assertThat(p.get("certificate_date").toString()).isEqualTo("2026-03-15");
		assertThat(jdbc.queryForObject("SELECT wastewater_m3_day FROM map_enterprise WHERE id = ?", BigDecimal.class, id))
			.isEqualByComparingTo("12.5");
		assertThat(mvc.perform(get("/map/enterprises/" + id).with(user(users.loadUserByUsername("lanhdao"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("1.250.000.000");
	}

	@Test
	@DisplayName("the lot filters (status, land use, zone) narrow the layer; answers are cached until the map's data changes")
	void filtersAndCache() {
		MapFixtures.Zone z = fx.zone();
		MapFixtures.Zone other = fx.zone();
		runAs.user("cb.bql", () -> data.saveLots(List.of(
				new MapData.LotInput(z.code() + "-FA", z.id(), "Đất công nghiệp", LotStatus.AVAILABLE, null, null, null, null,
						null, null, null, null, box(z.lot(0, 0)), "EPSG:4326", false),
				new MapData.LotInput(z.code() + "-FB", z.id(), "Đất kho bãi", LotStatus.RESERVED, null, null, null, null,
						null, null, null, null, box(z.lot(1, 0)), "EPSG:4326", false))));
		String bbox = Math.min(z.lon(), other.lon()) + "," + Math.min(z.lat(), other.lat()) + ","
				+ (Math.max(z.lon(), other.lon()) + 0.011) + "," + (Math.max(z.lat(), other.lat()) + 0.011);
		MapLayers.Viewport v = MapLayers.Viewport.parse(bbox, 16);
		java.util.function.Function<MapLayers.Filter, String> lots = f -> layers.layer(MapLayers.Layer.lots, v, f,
				MapAccess.Audience.STAFF);
		assertThat(lots.apply(MapLayers.Filter.NONE)).contains(z.code() + "-FA").contains(z.code() + "-FB");
		assertThat(lots.apply(new MapLayers.Filter("RESERVED", null, null, null))).contains(z.code() + "-FB")
			.doesNotContain(z.code() + "-FA");
		assertThat(lots.apply(new MapLayers.Filter(null, "Đất công nghiệp", null, null))).contains(z.code() + "-FA")
			.doesNotContain(z.code() + "-FB");
		assertThat(lots.apply(new MapLayers.Filter(null, null, other.id(), null))).doesNotContain(z.code() + "-F");
		assertThat(lots.apply(new MapLayers.Filter(null, null, z.id(), null))).contains(z.code() + "-FA");

		String first = lots.apply(MapLayers.Filter.NONE);
		assertThat(lots.apply(MapLayers.Filter.NONE)).as("the same answer from the cache").isSameAs(first);
		runAs.user("cb.bql", () -> data.saveLots(List.of(new MapData.LotInput(z.code() + "-FC", z.id(), "Đất công nghiệp",
				LotStatus.AVAILABLE, null, null, null, null, null, null, null, null, box(z.lot(2, 0)), "EPSG:4326", false))));
		assertThat(lots.apply(MapLayers.Filter.NONE)).as("a change drops the cache").contains(z.code() + "-FC");
	}

	@Test
	@DisplayName("layers are simplified by zoom: a lot is its bounding rectangle below zoom 15 and its own outline above")
	void simplifiedByZoom() {
		MapFixtures.Zone z = fx.zone();
		double[] b = z.lot(3, 3);
		double mx = (b[0] + b[2]) / 2;
		org.locationtech.jts.geom.Geometry notch = GeoJson.FACTORY.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
				new org.locationtech.jts.geom.Coordinate(b[0], b[1]), new org.locationtech.jts.geom.Coordinate(b[2], b[1]),
				new org.locationtech.jts.geom.Coordinate(b[2], b[3]), new org.locationtech.jts.geom.Coordinate(mx, (b[1] + b[3]) / 2),
				new org.locationtech.jts.geom.Coordinate(b[0], b[3]), new org.locationtech.jts.geom.Coordinate(b[0], b[1]) });
		runAs.user("cb.bql", () -> data.saveLots(List.of(new MapData.LotInput(z.code() + "-Z", z.id(), "Đất công nghiệp",
				LotStatus.AVAILABLE, null, null, null, null, null, null, null, null, notch, "EPSG:4326", false))));
		String bbox = b[0] + "," + b[1] + "," + b[2] + "," + b[3];
		String low = layers.layer(MapLayers.Layer.lots, MapLayers.Viewport.parse(bbox, 12), MapLayers.Filter.NONE, MapAccess.Audience.STAFF);
		String high = layers.layer(MapLayers.Layer.lots, MapLayers.Viewport.parse(bbox, 18), MapLayers.Filter.NONE, MapAccess.Audience.STAFF);
		String lowLot = low.substring(Math.max(0, low.indexOf(z.code() + "-Z") - 300));
		assertThat(count(feature(low, z.code() + "-Z"), "],[")).as("a rectangle: 5 points").isEqualTo(4);
		assertThat(count(feature(high, z.code() + "-Z"), "],[")).as("the notch kept").isEqualTo(5);
		assertThat(lowLot).isNotEmpty();
	}

	static String feature(String fc, String code) {
		int at = fc.indexOf("\"code\":\"" + code + "\"");
		int start = fc.lastIndexOf("{\"type\":\"Feature\"", at);
		return fc.substring(start, at);
	}

	static int count(String s, String part) {
		return (s.length() - s.replace(part, "").length()) / part.length();
	}
}
