package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.recommendation.ObstacleQueue;
import vn.nq57.recommendation.RecommendationService;

/**
 * The catalogues' benchmark, on demand ({@code bench/run-catalogue-benchmark.sh}, or
 * {@code ./mvnw -o test -Dtest=CatalogueBenchmark -Dnq57.bench=true}): 50.000 entries in each register (big problems,
 * systems, technology needs, offers, initiatives, recommendations, obstacles) generated in SQL, then, as DoST,
 * the first page of each list, a filter and an accent-insensitive search (p95 under 300 ms), the duplicate check
 * on entry (under 500 ms) and the computed inventory indicators (under 300 ms). Figures: target/bench/catalogue.txt.
 */
@SpringBootTest(properties = { "nq57.db.port=${nq57.bench.db-port:54561}" })
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "nq57.bench", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueBenchmark {

	static final int N = 50_000;
	static final int WARM_UP = 20;
	static final int MEASURED = 100;

	@Autowired JdbcTemplate jdbc;
	@Autowired RunAs runAs;
	@Autowired BigProblemService problems;
	@Autowired InventoryService inventory;
	@Autowired InventoryIndicators indicators;
	@Autowired TechService tech;
	@Autowired InitiativeService initiatives;
	@Autowired DuplicateCheck duplicates;
	@Autowired RecommendationService recommendations;
	@Autowired ObstacleQueue queue;

	final List<String> lines = new ArrayList<>();
	final List<String> misses = new ArrayList<>();

	/** Vietnamese words the generated titles are made of (so that trigrams and accents behave as in real titles). */
	static final String WORDS = "'{Xây dựng,Ứng dụng,Chuyển đổi số,Nền tảng,Cơ sở dữ liệu,Hệ thống,Trí tuệ nhân tạo,Nông nghiệp,"
			+ "Du lịch,Giáo dục,Y tế,Đổi mới sáng tạo,Quản lý,Giám sát,Điều hành,Thông minh,Kết nối,Chia sẻ,Dịch vụ công,Đô thị,"
			+ "Khu kinh tế,Thủy sản,Môi trường,Đất đai,Tài chính,Văn bản,Hành chính,Dân tộc thiểu số,Bản đồ số,An toàn thông tin}'::text[]";

	static String title(String prefix) {
		return "'" + prefix + " ' || (" + WORDS + ")[1 + (g * 7) % 30] || ' ' || lower((" + WORDS + ")[1 + (g * 13) % 30]) || ' '"
				+ " || lower((" + WORDS + ")[1 + (g * 17 + 3) % 30]) || ' số ' || g";
	}

	@BeforeAll
	void generate() {
		long t0 = System.nanoTime();
		String agencies = "(SELECT array_agg(id) FROM agency_view WHERE active AND kind <> 'COLLECTIVE')";
		jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS bench_agency AS SELECT " + agencies + " AS ids");
		String agency = "(SELECT ids[1 + g % array_length(ids, 1)] FROM bench_agency)";
		jdbc.update("INSERT INTO big_problem(title, statement, expected_product, timeline, cost_estimate, proposing_agency_id, state) "
				+ "SELECT " + title("Bài toán") + ", 'Vấn đề cần giải quyết ' || g, 'Sản phẩm', '2026–2027', (g % 500 + 1)::bigint * 100000000, "
				+ agency + ", (ARRAY['PROPOSED','UNDER_REVIEW','RETURNED','REFUSED','SELECTED','ORDERED','IN_PROGRESS','ACCEPTED','PUBLISHED'])[1 + g % 9] "
				+ "FROM generate_series(1, " + N + ") g");
		jdbc.update("INSERT INTO info_system(name, owner_agency_id, purpose, kind, hosting, lgsp_connected, status) "
				+ "SELECT " + title("Hệ thống") + ", " + agency + ", 'Mục đích ' || " + title("quản lý") + ", "
				+ "(ARRAY['SOFTWARE','DATABASE','PLATFORM'])[1 + g % 3], (ARRAY['DATA_CENTRE','CLOUD','AGENCY'])[1 + g % 3], g % 2 = 0, "
				+ "(ARRAY['OPERATING','OPERATING','BUILDING','PLANNED','RETIRED'])[1 + g % 5] FROM generate_series(1, " + N + ") g");
		jdbc.update("INSERT INTO tech_need(source_kind, agency_id, field, title, description) SELECT 'AGENCY', " + agency
				+ ", (" + WORDS + ")[1 + g % 30], " + title("Nhu cầu") + ", 'Mô tả nhu cầu ' || g FROM generate_series(1, " + N + ") g");
		jdbc.update("INSERT INTO tech_offer(provider_kind, provider, field, title, description) SELECT 'FIRM', 'Doanh nghiệp ' || g % 300, "
				+ "(" + WORDS + ")[1 + g % 30], " + title("Giải pháp") + ", 'Mô tả giải pháp ' || g FROM generate_series(1, " + N + ") g");
		jdbc.update("INSERT INTO initiative(year, title, author, agency_id, field, summary, state) SELECT 2020 + g % 7, " + title("Sáng kiến")
				+ ", 'Tác giả ' || g, " + agency + ", (" + WORDS + ")[1 + g % 30], 'Tóm tắt ' || g, "
				+ "(ARRAY['SUBMITTED','UNDER_EVALUATION','SELECTED','NOT_SELECTED','PUBLISHED'])[1 + g % 5] FROM generate_series(1, " + N + ") g");
		jdbc.update("INSERT INTO recommendation(channel, sender_kind, sender_name, title, content, state, agency_id, received_on, routed_on, due_date, answered_on) "
				+ "SELECT 'STAFF', 'CITIZEN', 'Người dân ' || g, " + title("Kiến nghị") + ", 'Nội dung ' || g, "
				+ "(ARRAY['ROUTED','ANSWERED','PUBLISHED','CLOSED'])[1 + g % 4], " + agency + ", DATE '2026-01-01' + g % 300, "
				+ "DATE '2026-01-01' + g % 300, DATE '2026-01-16' + g % 300, CASE WHEN g % 4 > 0 THEN DATE '2026-01-10' + g % 310 END "
				+ "FROM generate_series(1, " + N + ") g");
		jdbc.update("INSERT INTO obstacle_item(source_kind, source_id, kind, agency_id, raised_on, text, state) SELECT 'PROGRESS', -g, "
				+ "(ARRAY['OBSTACLE','PROPOSAL'])[1 + g % 2], " + agency + ", DATE '2026-01-01' + g % 300, " + title("Vướng mắc") + ", "
				+ "(ARRAY['NEW','ROUTED','ANSWERED'])[1 + g % 3] FROM generate_series(1, " + N + ") g");
		jdbc.execute("ANALYZE big_problem; ANALYZE info_system; ANALYZE tech_need; ANALYZE tech_offer; ANALYZE initiative; "
				+ "ANALYZE recommendation; ANALYZE obstacle_item");
		lines.add("Data: " + N + " entries in each of 7 registers, generated in SQL in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
	}

	private void time(String what, long targetMs, Supplier<?> work) {
		runAs.user("sokhcn", () -> {
			for (int i = 0; i < WARM_UP; i++) {
				work.get();
			}
			long[] ms = new long[MEASURED];
			for (int i = 0; i < MEASURED; i++) {
				long t = System.nanoTime();
				work.get();
				ms[i] = (System.nanoTime() - t) / 1_000;
			}
			Arrays.sort(ms);
			double p50 = ms[MEASURED / 2] / 1000.0;
			double p95 = ms[(int) Math.ceil(MEASURED * 0.95) - 1] / 1000.0;
			String line = String.format("| %s | %.1f | %.1f | < %d | %s |", what, p50, p95, targetMs, p95 < targetMs ? "ok" : "MISSED");
			lines.add(line);
			if (p95 >= targetMs) {
				misses.add(line);
			}
			return null;
		});
	}

	@Test
	void measure() {
		lines.add("");
		lines.add("| measure (as DoST, service call incl. SQL and mapping) | p50 ms | p95 ms | target | |");
		lines.add("|---|---|---|---|---|");
		time("big problems: first page", 300, () -> problems.search(new BigProblemService.Filter(null, null, null), 0, 20));
		time("big problems: filter by state", 300, () -> problems.search(new BigProblemService.Filter(null, BigProblemState.SELECTED, null), 0, 20));
		time("big problems: search \"tri tue nhan tao\" (no accents)", 300, () -> problems.search(new BigProblemService.Filter("tri tue nhan tao", null, null), 0, 20));
		time("big problems: search \"so 4242\"", 300, () -> problems.search(new BigProblemService.Filter("so 4242", null, null), 0, 20));
		time("systems: first page (with overlap flags)", 300, () -> inventory.search(new InventoryService.Filter(null, null, null, null, null), 0, 20));
		time("systems: filter data centre + LGSP", 300, () -> inventory.search(new InventoryService.Filter(null, InfoSystem.Status.OPERATING, InfoSystem.Hosting.DATA_CENTRE, true, null), 0, 20));
		time("systems: search \"ban do so\"", 300, () -> inventory.search(new InventoryService.Filter("ban do so", null, null, null, null), 0, 20));
		time("technology needs: first page", 300, () -> tech.needs(null, null, 0, 20));
		time("technology needs: filter by field", 300, () -> tech.needs(null, "Thủy sản", 0, 20));
		time("technology needs: search \"thuy san\"", 300, () -> tech.needs("thuy san", null, 0, 20));
		time("technology offers: search \"nong nghiep\"", 300, () -> tech.offers("nong nghiep", null, 0, 20));
		time("technology: offers matching a need", 300, () -> tech.offersFor(jdbc.queryForObject("SELECT max(id) FROM tech_need", Long.class)));
		time("initiatives: first page", 300, () -> initiatives.search(null, null, null, 0, 20));
		time("initiatives: filter year + state", 300, () -> initiatives.search(null, 2024, InitiativeService.State.SELECTED, 0, 20));
		time("initiatives: search \"doi moi sang tao\"", 300, () -> initiatives.search("doi moi sang tao", null, null, 0, 20));
		time("recommendations: first page", 300, () -> recommendations.search(new RecommendationService.Filter(null, null, null), 0, 20));
		time("recommendations: filter by state", 300, () -> recommendations.search(new RecommendationService.Filter(null, RecommendationService.State.ROUTED, null), 0, 20));
		time("recommendations: search \"dich vu cong\"", 300, () -> recommendations.search(new RecommendationService.Filter("dich vu cong", null, null), 0, 20));
		time("recommendations: timeliness per agency", 300, () -> recommendations.timeliness());
		time("obstacles: first page", 300, () -> queue.search(new ObstacleQueue.Filter(null, null, null, null, null), 0, 30));
		time("obstacles: search \"tai chinh\"", 300, () -> queue.search(new ObstacleQueue.Filter("tai chinh", null, null, null, null), 0, 30));
		time("duplicate check on entry (3 registers)", 500, () -> duplicates.nearest("Ứng dụng trí tuệ nhân tạo xây dựng cơ sở dữ liệu dân tộc thiểu số", null, null));
		time("duplicate check, title typed without accents", 500, () -> duplicates.nearest("xay dung nen tang chuyen doi so nong nghiep", null, null));
		time("inventory counts", 300, () -> inventory.counts());
		time("computed inventory indicators (count + declare + publish 3)", 300, () -> indicators.publish());
	}

	@AfterAll
	void write() throws Exception {
		Path out = Path.of("target/bench/catalogue.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
		lines.forEach(System.out::println);
		assertThat(misses).as("targets missed").isEmpty();
	}
}
