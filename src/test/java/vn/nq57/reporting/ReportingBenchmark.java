package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyKind;
import vn.nq57.task.Plan;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.system.AppClock;

/**
 * The benchmark of the issue, run on demand (bench/run-reporting-benchmark.sh, or
 * {@code ./mvnw -o test -Dtest=ReportingBenchmark -Dnq57.bench=true}):
 * <ol>
 * <li>the consolidated report for 120 agencies × 70 tasks (one plan, every task led by all 120: 8.400 assignments,
 * progress posted, 120 reports submitted through the workflow), generated and written as .docx and .xlsx in
 * under 3 s;</li>
 * <li>the completeness grid for 5.000 agencies × 12 monthly periods (60.000 expected reports in every state),
 * rendered as a page (over HTTP, signed in as DoST) in under 500 ms.</li>
 * </ol>
 * The figures are written to target/bench/reporting.txt; bench/RESULTS-reporting.md keeps a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"server.port=${nq57.bench.port:18251}", "nq57.db.port=${nq57.bench.db-port:54551}" })
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "nq57.bench", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingBenchmark {

	static final LocalDate TODAY = ReportingFixtures.TODAY;
	/** Requests per grid variant: after the warm-up, the measured ones (p50 and p95 are over these). */
	static final int WARM_UP_PAGES = 20;
	static final int MEASURED_PAGES = 100;
	static final int WARM_UP_CONSOLIDATED = 2;
	static final int MEASURED_CONSOLIDATED = 20;

	@Autowired JdbcTemplate jdbc;
	@Autowired RunAs runAs;
	@Autowired TaskService tasks;
	@Autowired RegimeService regimes;
	@Autowired PeriodicReportService reports;
	@Autowired ConsolidatedReportService consolidated;
	@Autowired CompletenessQueries completeness;
	@Autowired ReportingFixtures fx;
	@Autowired AppClock clock;
	@LocalServerPort int port;

	final List<String> lines = new ArrayList<>();

	@AfterAll
	void write() throws Exception {
		Path out = Path.of("target", "bench", "reporting.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
	}

	void log(String format, Object... args) {
		lines.add(String.format(Locale.ROOT, format, args));
	}

	@Test
	@Order(1)
	void consolidatedReportFor120AgenciesAnd70Tasks() throws Exception {
		long t0 = System.nanoTime();
		// 120 departments with an officer and a head each (the password of the demo), and a collective naming them
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				SELECT 'BENCH-' || lpad(n::text, 3, '0'), 'Đơn vị thử tải ' || lpad(n::text, 3, '0'), NULL, 'DEPARTMENT', true
				FROM generate_series(1, 120) n""");
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				VALUES ('BENCH-NHOM', 'Các đơn vị thử tải', 'Nhóm thử tải', 'COLLECTIVE', true)""");
		jdbc.update("""
				INSERT INTO agency_member(collective_id, member_id)
				SELECT c.id, a.id FROM agency c, agency a WHERE c.code = 'BENCH-NHOM' AND a.code LIKE 'BENCH-___'""");
		jdbc.update("""
				INSERT INTO app_user(username, password_hash, full_name, role, agency_id, password_changed_at)
				SELECT lower(a.code) || x.suffix, u.password_hash, x.title || ' ' || a.name, x.role, a.id, now()
				FROM agency a CROSS JOIN (VALUES ('', 'Cán bộ đầu mối', 'AGENCY_OFFICER'), ('.gd', 'Thủ trưởng', 'AGENCY_HEAD')) x(suffix, title, role)
				JOIN app_user u ON u.username = 'cb.stc'
				WHERE a.code LIKE 'BENCH-___'""");
		// they exist all year (an agency first seen today would owe only the reports due from today)
		jdbc.update("INSERT INTO reporting_agency_span(agency_id) SELECT id FROM agency WHERE code LIKE 'BENCH-___'");
		long collective = jdbc.queryForObject("SELECT id FROM agency WHERE code = 'BENCH-NHOM'", Long.class);

		// one plan, 7 groups, 70 tasks led by the collective: 8.400 assignments
		List<String[]> groups = new ArrayList<>();
		String[] roman = { "I", "II", "III", "IV", "V", "VI", "VII" };
		for (String r : roman) {
			groups.add(new String[] { r, "Nhóm nhiệm vụ thử tải " + r });
		}
		Plan plan = runAs.user("sokhcn", () -> tasks.savePlan(null, null, "Kế hoạch thử tải báo cáo tổng hợp", 2026, groups, null));
		String[] deadlines = { "Quý III/2026", "Tháng 12/2026", "Thường xuyên", "Năm 2026", "Tháng 10/2026" };
		for (int i = 0; i < 70; i++) {
			int n = i;
			TaskForm f = new TaskForm();
			f.setPlanId(plan.getId());
			f.setGroupId(plan.getGroups().get(i / 10).getId());
			f.setStt(String.valueOf(i % 10 + 1));
			f.setTitle("Nhiệm vụ thử tải số " + (i + 1) + ": triển khai chuyển đổi số trong lĩnh vực được giao");
			f.setLeadAgencyIds(new LinkedHashSet<>(List.of(collective)));
			f.setDeadlinePhrase(deadlines[n % deadlines.length]);
			f.setExpectedOutput("Báo cáo kết quả");
			runAs.user("sokhcn", () -> tasks.save(null, f));
		}
		// progress in October on most assignments, with obstacles and proposals; a third completed
		jdbc.update("""
				INSERT INTO progress_update(assignment_id, reported_on, percent, results, obstacles, proposals, author_id, created_at)
				SELECT a.id, DATE '2026-10-15', 20 + (a.id % 7) * 10,
				       'Đã triển khai các nội dung theo kế hoạch, hoàn thành ' || (20 + (a.id % 7) * 10) || '% khối lượng.',
				       CASE WHEN a.id % 5 = 0 THEN 'Thiếu kinh phí thực hiện nhiệm vụ.' WHEN a.id % 5 = 1 THEN 'Chưa có hướng dẫn của Trung ương.' END,
				       CASE WHEN a.id % 6 = 0 THEN 'Đề nghị bổ sung kinh phí năm 2027.' END,
				       u.id, TIMESTAMPTZ '2026-10-15 10:00+07'
				FROM assignment a JOIN task t ON t.id = a.task_id AND t.plan_id = ?
				JOIN agency ag ON ag.id = a.agency_id JOIN app_user u ON u.username = lower(ag.code)
				WHERE a.id % 10 < 8""", plan.getId());
		jdbc.update("""
				UPDATE assignment a SET state = 'COMPLETED', percent = 100,
				       completed_on = a.due_date + CASE WHEN a.id % 2 = 0 THEN -5 ELSE 3 END
				FROM task t WHERE t.id = a.task_id AND t.plan_id = ? AND a.id % 3 = 0 AND a.due_date <= DATE '2026-11-01'""",
				plan.getId());

		// the regime of the plan, the 120 reports of October sent through the workflow
		long regime = runAs.user("sokhcn", () -> regimes.createRegime("BENCH-THANG", "Báo cáo tháng thử tải", Frequency.MONTHLY,
				plan.getId(), null, LocalDate.of(2026, 10, 1), ReportingFixtures.MONTHLY, EnumSet.noneOf(AgencyKind.class)));
		jdbc.update("""
				INSERT INTO reporting_regime_agency(regime_id, agency_id, mode) SELECT ?, id, 'INCLUDE' FROM agency WHERE code LIKE 'BENCH-___'""",
				regime);
		regimes.sync();
		long setup = System.nanoTime();
		List<String> codes = jdbc.queryForList("SELECT code FROM agency WHERE code LIKE 'BENCH-___' ORDER BY code", String.class);
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			fx.send(regime, "2026-10", code, code.toLowerCase(Locale.ROOT), code.toLowerCase(Locale.ROOT) + ".gd",
					i % 4 == 0 ? LocalDate.of(2026, 11, 12) : LocalDate.of(2026, 11, 6), "Đánh giá chung của " + code, true);
		}
		long periodId = regimes.period(regime, "2026-10").id();
		jdbc.execute("VACUUM ANALYZE periodic_report");
		jdbc.execute("VACUUM ANALYZE assignment");
		log("Consolidated report, 120 agencies x 70 tasks: %d assignments, %d received reports; set-up %d s (of which 120 reports through the workflow %d s)",
				jdbc.queryForObject("SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id WHERE t.plan_id = ?", Long.class, plan.getId()),
				jdbc.queryForObject("SELECT count(*) FROM periodic_report WHERE period_id = ? AND state = 'SUBMITTED'", Long.class, periodId),
				(System.nanoTime() - t0) / 1_000_000_000L, (System.nanoTime() - setup) / 1_000_000_000L);

		List<Long> gen = new ArrayList<>();
		List<Long> word = new ArrayList<>();
		List<Long> excel = new ArrayList<>();
		List<Long> total = new ArrayList<>();
		int[] sizes = new int[2];
		log("  load average before: %s", load());
		for (int run = 0; run < WARM_UP_CONSOLIDATED + MEASURED_CONSOLIDATED; run++) {
			long a = System.nanoTime();
			long id = runAs.user("sokhcn", () -> consolidated.generate(periodId));
			long b = System.nanoTime();
			byte[] docx = runAs.user("sokhcn", () -> consolidated.docx(id));
			long c = System.nanoTime();
			byte[] xlsx = runAs.user("sokhcn", () -> consolidated.xlsx(id));
			long d = System.nanoTime();
			sizes[0] = docx.length;
			sizes[1] = xlsx.length;
			if (run < WARM_UP_CONSOLIDATED) {
				continue;
			}
			gen.add((b - a) / 1_000_000);
			word.add((c - b) / 1_000_000);
			excel.add((d - c) / 1_000_000);
			total.add((d - a) / 1_000_000);
		}
		ConsolidatedReportService.Consolidated last = runAs.user("sokhcn",
				() -> consolidated.get(consolidated.forPeriod(periodId).get(0).id()));
		log("  generate (collect figures, merge 120 reports, write the draft): %s", stats(gen));
		log("  .docx (Decree 30 layout, landscape appendix of %d tasks, %d KB): %s", last.data().appendix().size(),
				sizes[0] / 1024, stats(word));
		log("  .xlsx (6 sheets, %d KB): %s", sizes[1] / 1024, stats(excel));
		log("  one click, all three: %s", stats(total));
		log("  load average after: %s", load());
		assertThat(last.data().reporting().received()).isEqualTo(120);
		assertThat(last.data().statusCounts().total()).isEqualTo(70);
		assertThat(percentile(total, 0.95)).as("the consolidated report in under 3 s (p95)").isLessThan(3000);
	}

	@Test
	@Order(2)
	void completenessGridFor5000AgenciesAnd12Periods() throws Exception {
		long t0 = System.nanoTime();
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				SELECT 'BG-' || lpad(n::text, 5, '0'), 'Xã thử tải ' || lpad(n::text, 5, '0'), NULL, 'COMMUNE', true
				FROM generate_series(1, 5000) n""");
		jdbc.update("INSERT INTO reporting_agency_span(agency_id) SELECT id FROM agency WHERE code LIKE 'BG-%'");
		long regime = runAs.user("sokhcn", () -> regimes.createRegime("BENCH-LUOI", "Báo cáo tháng thử tải lưới", Frequency.MONTHLY,
				null, null, LocalDate.of(2026, 1, 1), ReportingFixtures.MONTHLY, EnumSet.noneOf(AgencyKind.class)));
		jdbc.update("""
				INSERT INTO reporting_regime_agency(regime_id, agency_id, mode) SELECT ?, id, 'INCLUDE' FROM agency WHERE code LIKE 'BG-%'""",
				regime);
		regimes.sync();
		// every state: of the reports due so far, 70% received (4 in 5 on time), 5% returned, the rest missing
		jdbc.update("""
				UPDATE periodic_report r SET
				  state = CASE WHEN x.k < 35 THEN 'ACCEPTED' WHEN x.k < 70 THEN 'SUBMITTED' WHEN x.k < 75 THEN 'RETURNED' ELSE 'NOT_STARTED' END,
				  revision = CASE WHEN x.k < 75 THEN 1 ELSE 0 END,
				  first_submitted_on = CASE WHEN x.k < 75 THEN p.due_date + CASE WHEN x.k % 5 = 0 THEN 4 ELSE -3 END END,
				  submitted_on = CASE WHEN x.k < 75 THEN p.due_date + CASE WHEN x.k % 5 = 0 THEN 4 ELSE -3 END END
				FROM reporting_period p,
				     (SELECT r2.id, (hashint8(r2.id) & 1023) % 100 AS k FROM periodic_report r2) x
				WHERE x.id = r.id AND p.id = r.period_id AND p.regime_id = ? AND p.due_date < ?""", regime,
				java.sql.Date.valueOf(TODAY));
		jdbc.execute("VACUUM ANALYZE periodic_report");
		jdbc.execute("VACUUM ANALYZE agency");
		long expected = jdbc.queryForObject("""
				SELECT count(*) FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE p.regime_id = ? AND r.expected""", Long.class, regime);
		log("Completeness grid, 5.000 agencies x 12 monthly periods: %d expected reports; set-up %d s", expected,
				(System.nanoTime() - t0) / 1_000_000_000L);
		assertThat(expected).isEqualTo(60_000);

		Map<String, String> urls = new LinkedHashMap<>();
		String grid = "/reporting/completeness?regime=" + regime + "&year=2026";
		urls.put("grid, all 5.000 rows", grid + "&size=all");
		urls.put("grid, by name, page 1 (200)", grid);
		urls.put("grid, worst first (200)", grid + "&sort=worst");
		urls.put("grid, only to urge, page 8 (200)", grid + "&only=urge&page=8");
		urls.put("grid, search 'xa thu tai 04' (200)", grid + "&q=xa%20thu%20tai%2004");
		urls.put("grid, by name, page 40 (50)", grid + "&size=50&page=40");
		urls.put("agencies to urge, page 1", "/reporting/urge?regime=" + regime + "&year=2026");
		HttpClient http = signedIn("sokhcn");
		Map<String, Long> p95 = new LinkedHashMap<>();
		log("  load average before: %s", load());
		for (Map.Entry<String, String> e : urls.entrySet()) {
			int bytes = 0;
			for (int i = 0; i < WARM_UP_PAGES; i++) {
				bytes = page(http, e.getValue());
			}
			List<Long> ms = new ArrayList<>();
			for (int i = 0; i < MEASURED_PAGES; i++) {
				long a = System.nanoTime();
				page(http, e.getValue());
				ms.add((System.nanoTime() - a) / 1_000_000);
			}
			log("  %-36s %s · %d KB · load %s", e.getKey(), stats(ms), bytes / 1024, load());
			if (e.getKey().startsWith("grid")) {
				p95.put(e.getKey(), percentile(ms, 0.95));
			}
		}
		String body = pageBody(http, grid + "&size=all");
		assertThat(body.split("class=\"rcell rc-", -1).length - 1).as("every expected report of the year is a cell").isEqualTo(60_000);
		Supplier<Long> sqlOnly = () -> {
			long a = System.nanoTime();
			completeness.grid(new CompletenessQueries.Filter(regime, 2026, null, null, null, null), TODAY, 0, 200);
			return (System.nanoTime() - a) / 1_000_000;
		};
		List<Long> q = new ArrayList<>();
		for (int i = 0; i < MEASURED_PAGES; i++) {
			q.add(sqlOnly.get());
		}
		log("  %-36s %s", "the grid's queries alone (200 rows)", stats(q));
		List<Long> r = new ArrayList<>();
		for (int i = 0; i < MEASURED_PAGES; i++) {
			long a = System.nanoTime();
			completeness.byRegime(2026, TODAY);
			r.add((System.nanoTime() - a) / 1_000_000);
		}
		log("  %-36s %s", "figures per regime alone", stats(r));
		// where the full grid's time goes: its queries (and cells in Java), then its rows written as HTML
		CompletenessQueries.Filter all = new CompletenessQueries.Filter(regime, 2026, null, null, null, null);
		List<Long> fq = new ArrayList<>();
		List<Long> fh = new ArrayList<>();
		int[] chars = { 0 };
		for (int i = 0; i < 30; i++) {
			long a = System.nanoTime();
			CompletenessQueries.Grid g = completeness.grid(all, TODAY, 0, CompletenessController.GRID_ALL);
			long b = System.nanoTime();
			chars[0] = 0;
			g.agencies().rows().forEach(row -> chars[0] += row.cellsHtml(g.periods(), "/reporting/reports/").length());
			long c = System.nanoTime();
			if (i >= 5) {
				fq.add((b - a) / 1_000_000);
				fh.add((c - b) / 1_000_000);
			}
		}
		log("  %-36s %s", "full grid: queries and cells alone", stats(fq));
		log("  %-36s %s (%d KB of cells)", "full grid: rows as HTML alone", stats(fh), chars[0] / 1024);
		log("  load average after: %s", load());
		assertThat(p95).as("every variant of the grid rendered in under 500 ms (p95 of %d requests)", MEASURED_PAGES)
			.allSatisfy((k, v) -> assertThat(v).as(k).isLessThan(500L));
	}

	/** A session of {@code username}, signed in through the login form (with its CSRF token), as a browser does. */
	HttpClient signedIn(String username) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String form = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(m.find()).isTrue();
		String body = "username=" + username + "&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body)).build(),
				BodyHandlers.ofString());
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return http;
	}

	/** Requests the page and reads it whole; returns its size in bytes. */
	int page(HttpClient http, String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body().length;
	}

	String pageBody(HttpClient http, String path) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), BodyHandlers.ofString());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}

	static String load() {
		try {
			return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (Exception e) {
			return "?";
		}
	}

	static long percentile(List<Long> ms, double q) {
		List<Long> s = new ArrayList<>(ms);
		Collections.sort(s);
		return s.get((int) Math.ceil(s.size() * q) - 1);
	}

	String base() {
		return "http://localhost:" + port;
	}

	static String stats(List<Long> ms) {
		List<Long> s = new ArrayList<>(ms);
		Collections.sort(s);
		long p50 = s.get((int) Math.ceil(s.size() * 0.5) - 1);
		long p95 = s.get((int) Math.ceil(s.size() * 0.95) - 1);
		return String.format(Locale.ROOT, "n=%d p50=%d ms p95=%d ms max=%d ms", s.size(), p50, p95, s.get(s.size() - 1));
	}
}
