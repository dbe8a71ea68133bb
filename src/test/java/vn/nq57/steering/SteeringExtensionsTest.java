package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The widgets, brief sections and ranking criterion other modules bring through steering's extension points (issue
 * 20): money allocated and disbursed (funding), recommendations and obstacles waiting for a decision and answers on
 * time (recommendation), the land fund and readings above limits (map). Each is found as a bean of steering's
 * interface; the figures are those of agencies the test makes itself, on the fixed clock (22/11/2026).
 */
@IntegrationTest
class SteeringExtensionsTest {

	@Autowired ApplicationContext ctx;
	@Autowired BoardService boards;
	@Autowired BriefService briefs;
	@Autowired SessionService sessions;
	@Autowired RankingService ranking;
	@Autowired StatusFigures figures;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
	static final LocalDate BEFORE = LocalDate.of(2026, 9, 30);

	BoardWidget widget(String code) {
		return ctx.getBeansOfType(BoardWidget.class).values().stream().filter(w -> w.code().equals(code)).findFirst().orElseThrow();
	}

	Panel render(String code, String as, Long agencyId) {
		Filter f = new Filter(null, null, null, agencyId);
		return runAs.user(as, () -> widget(code).render(new BoardWidget.Context(f, TODAY, BEFORE, "Quý IV/2026",
				"ngày 30/09/2026", figures.byAgency(f, TODAY, BEFORE), vn.nq57.account.AccessPolicy.current())));
	}

	long allocation(long agencyId, long taskId, long amount) {
		return jdbc.queryForObject("""
				INSERT INTO funding_allocation(task_id, agency_id, year, source, category, amount, decision_number, decision_date)
				VALUES (?, ?, 2026, 'STATE_BUDGET', 'SCIENCE_RESEARCH', ?, '12/QĐ-UBND', DATE '2026-03-01') RETURNING id""", Long.class,
				taskId, agencyId, amount);
	}

	void disbursed(long allocationId, int month, long amount) {
		LocalDate end = LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1);
		jdbc.update("""
				INSERT INTO funding_disbursement(allocation_id, period_kind, period_year, period_index, period_end, amount, reported_at)
				VALUES (?, 'MONTH', 2026, ?, ?, ?, now())""", allocationId, month, end, amount);
	}

	@Test
	void moneyAllocatedAndDisbursedComesFromTheFundingModule() {
		String code = world.newAgency("TC", "Cơ quan kinh phí " + World.seq(), "DEPARTMENT");
		long agency = world.agency(code);
		Task t = world.task("Nhiệm vụ có kinh phí " + World.seq()).lead(code).due("31/12/2026").create();
		long a = allocation(agency, t.getId(), 1_000_000_000L);
		disbursed(a, 9, 200_000_000L);
		disbursed(a, 10, 300_000_000L);

		Panel money = render("MONEY", "lanhdao", agency);
		assertThat(money.figures().get(0).value()).isEqualTo("1 tỷ đồng");
		// disbursed by today (both months) against by the end of the previous quarter (September only)
		assertThat(money.figures().get(1).value()).isEqualTo("500 triệu đồng");
		assertThat(money.figures().get(1).previous()).isEqualTo("200 triệu đồng");
		assertThat(money.figures().get(2).value()).isEqualTo("50,00%");
		assertThat(money.figures().get(2).previous()).isEqualTo("20,00%");
		assertThat(money.figures().get(0).link()).isEqualTo("/funding/dashboard?year=2026");
		// every agency: the agency appears among the rows with its own figures
		Panel all = render("MONEY", "lanhdao", null);
		assertThat(all.hasGrid()).isTrue();
		assertThat(widget("MONEY").visibleTo(runAs.user("gd.stc", () -> vn.nq57.account.AccessPolicy.current()))).isTrue();
	}

	@Test
	void recommendationsAndObstaclesWaitingForADecision() {
		String code = world.newAgency("KN", "Cơ quan kiến nghị " + World.seq(), "DEPARTMENT");
		long agency = world.agency(code);
		jdbc.update("""
				INSERT INTO obstacle_item(source_kind, source_id, source_seq, kind, agency_id, raised_on, text, level, state)
				VALUES ('PROGRESS', ?, 0, 'PROPOSAL', ?, DATE '2026-10-01', 'Đề nghị bố trí kinh phí số hóa hồ sơ', 'PROVINCE', 'ROUTED'),
				       ('PROGRESS', ?, 0, 'OBSTACLE', ?, DATE '2026-10-05', 'Thiếu nhân lực công nghệ thông tin', NULL, 'NEW'),
				       ('PROGRESS', ?, 0, 'OBSTACLE', ?, DATE '2026-10-06', 'Đã được trả lời', 'PROVINCE', 'ANSWERED')""",
				-agency * 10, agency, -agency * 10 - 1, agency, -agency * 10 - 2, agency);
		recommendation(agency, "ROUTED", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), null);
		recommendation(agency, "ROUTED", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 10), null);
		recommendation(agency, "RECEIVED", null, null, null);

		Panel p = render("RECOMMENDATIONS", "lanhdao", agency);
		assertThat(p.figures().get(0).value()).isEqualTo("2");
		assertThat(p.figures().get(1).value()).isEqualTo("1 / 0 / 1");
		assertThat(p.figures().get(2).value()).isEqualTo("1");
		assertThat(p.figures().get(3).value()).isEqualTo("2 (1)");
		assertThat(p.grid().rows()).hasSize(2);
		assertThat(p.grid().rows().get(0).cells().get(2)).isEqualTo("Đề nghị bố trí kinh phí số hóa hồ sơ");
		assertThat(p.grid().rows().get(0).cells().get(4)).isEqualTo("Tỉnh");
		assertThat(p.grid().rows().get(1).cells().get(4)).isEqualTo("Chưa chuyển");
		// the queue is the province's: an agency head does not see the widget
		assertThat(widget("RECOMMENDATIONS").visibleTo(runAs.user("gd.stc", () -> vn.nq57.account.AccessPolicy.current()))).isFalse();
		assertThat(widget("RECOMMENDATIONS").visibleTo(runAs.user("lanhdao", () -> vn.nq57.account.AccessPolicy.current()))).isTrue();
	}

	void recommendation(long agency, String state, LocalDate routed, LocalDate due, LocalDate answered) {
		jdbc.update("""
				INSERT INTO recommendation(channel, sender_kind, sender_name, title, content, state, agency_id, received_on,
				                           routed_on, due_date, answer, answered_on)
				VALUES ('STAFF', 'FIRM', 'Công ty kiểm thử', 'Kiến nghị kiểm thử', 'Nội dung kiến nghị', ?, ?, ?, ?, ?, ?, ?)""",
				state, agency, routed == null ? LocalDate.of(2026, 11, 1) : routed.minusDays(2), routed, due,
				answered == null ? null : "Đã trả lời", answered);
	}

	@Test
	void recommendationsAnsweredOnTimeRankAgencies() {
		String good = world.newAgency("TL", "Cơ quan trả lời đúng hạn " + World.seq(), "ENTERPRISE");
		String slow = world.newAgency("TL", "Cơ quan trả lời chậm " + World.seq(), "ENTERPRISE");
		long g = world.agency(good);
		long s = world.agency(slow);
		recommendation(g, "ANSWERED", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 20));
		recommendation(g, "ANSWERED", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 30));
		// answered late; overdue and unanswered; answered on time but after the day ranked (not counted then);
		// not yet due (not counted)
		recommendation(s, "ANSWERED", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10));
		recommendation(s, "ROUTED", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null);
		recommendation(s, "ANSWERED", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 25));
		recommendation(s, "ROUTED", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20), null);

		RankingCriterion answers = ctx.getBeansOfType(RankingCriterion.class).values().stream()
			.filter(c -> c.code().equals("ANSWERS")).findFirst().orElseThrow();
		assertThat(answers.byAgency(TODAY, Filter.ALL).get(g)).isEqualTo(new vn.nq57.kernel.Rates.Ratio(2, 2));
		assertThat(answers.byAgency(TODAY, Filter.ALL).get(s)).isEqualTo(new vn.nq57.kernel.Rates.Ratio(1, 3));
		// as of 30/09: the slow agency's late answer was still unanswered past nothing yet (due that day)
		assertThat(answers.byAgency(LocalDate.of(2026, 9, 30), Filter.ALL).get(s)).isEqualTo(new vn.nq57.kernel.Rates.Ratio(1, 1));

		RankingService.Ranking r = runAs.user("lanhdao", () -> ranking.live(TODAY, new Filter(null, "ENTERPRISE", null, null)));
		RankingService.Line gl = r.lines().stream().filter(l -> l.agencyId() == g).findFirst().orElseThrow();
		RankingService.Line sl = r.lines().stream().filter(l -> l.agencyId() == s).findFirst().orElseThrow();
		assertThat(gl.part("ANSWERS")).isEqualTo("100,00% (2/2)");
		assertThat(sl.part("ANSWERS")).isEqualTo("33,33% (1/3)");
		assertThat(gl.rank()).isLessThan(sl.rank());
		assertThat(r.formula()).contains("15 × Tỷ lệ trả lời kiến nghị đúng hạn")
			.contains("Tỷ lệ trả lời kiến nghị đúng hạn = số phản ánh, kiến nghị được trả lời đúng hạn");
		assertThat(SteeringSettings.parse("trả lời kiến nghị=30; hoàn thành đúng hạn=70")).containsEntry("ANSWERS", 30);
	}

	@Test
	void theBriefCarriesTheOtherModulesSectionsNumberedInOrder() throws Exception {
		long s = runAs.user("sokhcn", () -> sessions.saveSession(null, new SessionService.SessionInput(SessionKind.REGULAR,
				// after 20/11, the day SteeringBrowserTest's next session looks back from (the suite shares one database)
				LocalDate.of(2026, 11, 21), "Phiên họp có các phần mở rộng " + World.seq(), "Phó Chủ tịch UBND tỉnh",
				"Trụ sở UBND tỉnh", null, "Báo cáo kết quả", List.of(world.agency("SKHCN"))), null));
		BriefService.Brief b = runAs.user("sokhcn", () -> briefs.brief(s));
		List<String> keys = b.sections().stream().map(Panel::key).toList();
		assertThat(keys).containsSubsequence("summary", "behind", "proposals", "recommendations", "indicators", "reports",
				"money", "map", "followup");
		for (int i = 0; i < b.sections().size(); i++) {
			String roman = new String[] { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" }[i];
			assertThat(b.sections().get(i).title()).startsWith(roman + ". ");
		}
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(runAs.user("sokhcn", () -> briefs.docx(b))))) {
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("KINH PHÍ PHÂN BỔ VÀ GIẢI NGÂN NĂM 2026", "KIẾN NGHỊ, VƯỚNG MẮC CHỜ QUYẾT ĐỊNH",
				"KHU KINH TẾ DUNG QUẤT: QUỸ ĐẤT VÀ MÔI TRƯỜNG", "Kinh phí phân bổ năm 2026");
			assertThat(doc.getTables()).extracting(XWPFTable::getText).anySatisfy(t -> assertThat(t).contains("Tỷ lệ giải ngân"));
		}
		// a working session with another agency than the economic zone's Board leaves the map out
		long w = runAs.user("sokhcn", () -> sessions.saveSession(null, new SessionService.SessionInput(SessionKind.WORKING,
				LocalDate.of(2026, 11, 20), "Làm việc với Sở Tài chính " + World.seq(), "Phó Chủ tịch UBND tỉnh",
				"Trụ sở UBND tỉnh", world.agency("STC"), "Báo cáo kết quả", List.of(world.agency("STC"))), null));
		assertThat(runAs.user("sokhcn", () -> briefs.brief(w)).sections()).extracting(Panel::key).doesNotContain("map")
			.contains("money", "recommendations");
		// and a board may hold the three widgets
		long id = runAs.user("lanhdao", () -> boards.save(null, new BoardService.BoardInput("Bảng mở rộng " + World.seq(),
				List.of("RATES", "MONEY", "RECOMMENDATIONS", "MAP"), null, null, null, BoardService.PeriodKind.QUARTER,
				Role.AGENCY_HEAD), null));
		BoardService.View mine = runAs.user("lanhdao", () -> boards.view(boards.open(id), null, null));
		assertThat(mine.widgets()).extracting(BoardService.Shown::code).containsExactly("RATES", "MONEY", "RECOMMENDATIONS", "MAP");
		assertThat(mine.widgets()).noneMatch(BoardService.Shown::hidden);
		BoardService.View head = runAs.user("gd.stc", () -> boards.view(boards.open(id), null, null));
		assertThat(head.widgets().stream().filter(BoardService.Shown::hidden).map(BoardService.Shown::code))
			.containsExactlyInAnyOrder("RECOMMENDATIONS", "MAP");
	}
}
