package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import com.lowagie.text.pdf.PdfReader;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.Role;
import vn.nq57.security.Fixtures;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * A leader's board: composed from eight widgets, saved, shared with agency heads; a head sees only their agency's
 * figures and not the indicator widget; figures compared with the previous period; PDF (A4 landscape) and Excel
 * reopened; a stale edit 409. The ranking: the weighted rule printed, on-time completion ranks agencies, history kept.
 */
@IntegrationTest
@AutoConfigureMockMvc
class BoardAndRankingTest {

	@Autowired BoardService boards;
	@Autowired RankingService ranking;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired MockMvc mvc;
	@Autowired ApplicationContext ctx;
	@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

	static final List<String> EIGHT = List.of("RATES", "OVERDUE_BY_AGENCY", "GROUPS", "DUE_SOON", "RANKING", "INDICATORS",
			"REPORTS", "FOLLOW_UP");

	@Test
	void aBoardSharedWithARoleShowsEachViewerOnlyWhatTheyMaySee() throws Exception {
		Task late = world.task("Nhiệm vụ quá hạn của bảng " + World.seq()).lead("STC").due("15/10/2026").create();
		world.task("Nhiệm vụ quá hạn khác của bảng " + World.seq()).lead("SNV").due("15/10/2026").create();
		long id = runAs.user("lanhdao", () -> boards.save(null, new BoardService.BoardInput("Bảng của lãnh đạo " + World.seq(),
				EIGHT, null, null, null, BoardService.PeriodKind.QUARTER, Role.AGENCY_HEAD), null));

		BoardService.View mine = runAs.user("lanhdao", () -> boards.view(boards.open(id), null, null));
		assertThat(mine.widgets()).hasSize(8).noneMatch(BoardService.Shown::hidden);
		assertThat(mine.before()).isEqualTo(LocalDate.of(2026, 9, 30));
		Panel overdue = mine.widgets().get(1).panel();
		assertThat(overdue.grid().rows()).anySatisfy(r -> assertThat(r.link()).isEqualTo("/tasks?agency=" + world.agency("STC") + "&status=OVERDUE"));
		// the figure compares with the end of the previous quarter: on 30/9 neither task was overdue yet
		Panel.Figure now = overdue.figures().get(0);
		assertThat(Long.parseLong(now.value().replace(".", ""))).isGreaterThan(Long.parseLong(now.previous().replace(".", "")));

		BoardService.View head = runAs.user("gd.stc", () -> boards.view(boards.open(id), null, null));
		assertThat(head.filter().scopeAgencyId()).isEqualTo(world.agency("STC"));
		assertThat(head.widgets().stream().filter(BoardService.Shown::hidden).map(BoardService.Shown::code)).containsExactly("INDICATORS");
		assertThat(head.widgets().get(1).panel().grid().rows()).isNotEmpty()
			.allSatisfy(r -> assertThat(r.link()).contains("agency=" + world.agency("STC")));
		assertThat(head.widgets().get(4).panel().grid().rows()).allSatisfy(r -> assertThat(r.cells().get(1)).isEqualTo("Sở Tài chính"));
		// an officer's role is not the one shared with: refused (and audited)
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> boards.open(id))).isInstanceOf(AccessDeniedException.class);
		// an agency head may not compose or change a board
		assertThatThrownBy(() -> runAs.user("gd.stc", () -> boards.save(id, new BoardService.BoardInput("x", EIGHT, null,
				null, null, null, null), null))).isInstanceOf(AccessDeniedException.class);
		// a stale edit
		BoardService.Board b = boards.get(id);
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> boards.save(id, new BoardService.BoardInput(b.name(), EIGHT,
				"I", null, null, null, Role.AGENCY_HEAD), b.version() + 1))).isInstanceOf(ConcurrentEditException.class);
		// the same over HTTP: 409 with the current version named
		String conflict = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/boards/" + id)
			.param("version", String.valueOf(b.version() + 7)).param("name", b.name()).param("widgets", "RATES")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(user(new Fixtures(ctx).user("lanhdao")))).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentAsString();
		assertThat(conflict).contains("phiên bản hiện tại: " + b.version());
		assertThat(boards.get(id).widgets()).hasSize(8);
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> boards.save(null, new BoardService.BoardInput("Trống", List.of(),
				null, null, null, null, null), null))).isInstanceOf(DomainException.class).hasMessageContaining("ít nhất một mục");

		// PDF for the session room: A4 landscape; Excel reopened with POI, one sheet per widget
		var leader = new Fixtures(ctx).user("lanhdao");
		byte[] pdf = mvc.perform(get("/boards/" + id + ".pdf").with(user(leader))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		PdfReader reader = new PdfReader(pdf);
		assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(1);
		assertThat(reader.getPageSizeWithRotation(1).getWidth()).isGreaterThan(reader.getPageSizeWithRotation(1).getHeight());
		reader.close();
		byte[] xlsx = mvc.perform(get("/boards/" + id + ".xlsx").with(user(leader))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(8);
			Sheet rates = wb.getSheetAt(0);
			assertThat(rates.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tỷ lệ hoàn thành và phân loại nhiệm vụ");
		}
		String page = mvc.perform(get("/boards/" + id).with(user(new Fixtures(ctx).user("gd.stc")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("widget-RATES", "Mục này không hiển thị với vai trò của bạn.")
			.contains("href=\"/tasks?agency=" + world.agency("STC") + "&amp;status=OVERDUE\"");
		assertThat(late.getId()).isPositive();
		// the other pages of the boards and the ranking answer
		for (String url : List.of("/boards", "/boards/" + id + "/edit", "/boards/" + id + "?agencyKind=DEPARTMENT&period=YEAR",
				"/steering/ranking", "/steering/ranking?kind=COMMUNE", "/steering/ranking?period=2026-Q3")) {
			mvc.perform(get(url).with(user(leader))).andExpect(status().isOk());
		}
		mvc.perform(get("/steering/ranking").with(user(new Fixtures(ctx).user("gd.stc")))).andExpect(status().isForbidden());
		mvc.perform(get("/boards/" + id + "?agencyKind=NOPE").with(user(leader))).andExpect(status().is4xxClientError());
	}

	@Test
	void theRankingRestsOnAStatedWeightedRule() {
		String good = world.newAgency("XH", "Cơ quan xếp hạng tốt " + World.seq(), "ENTERPRISE");
		String bad = world.newAgency("XH", "Cơ quan xếp hạng chậm " + World.seq(), "ENTERPRISE");
		Task onTime = world.task("Nhiệm vụ hoàn thành đúng hạn " + World.seq()).lead(good).due("30/9/2026").create();
		world.task("Nhiệm vụ quá hạn " + World.seq()).lead(bad).due("30/9/2026").create();
		Task lateOne = world.task("Nhiệm vụ hoàn thành muộn " + World.seq()).lead(bad).due("30/9/2026").create();
		// these agencies of the test's own have no accounts: their completions are written as DoST's confirmation leaves them
		jdbc.update("UPDATE assignment SET completed_on = ?, state = 'COMPLETED', percent = 100 WHERE task_id = ?",
				LocalDate.of(2026, 9, 20), onTime.getId());
		jdbc.update("UPDATE assignment SET completed_on = ?, state = 'COMPLETED', percent = 100 WHERE task_id = ?",
				LocalDate.of(2026, 10, 20), lateOne.getId());
		RankingService.Ranking r = runAs.user("lanhdao",
				() -> ranking.live(LocalDate.of(2026, 11, 22), new Filter(null, "ENTERPRISE", null, null)));
		RankingService.Line g = r.lines().stream().filter(l -> l.agencyId() == world.agency(good)).findFirst().orElseThrow();
		RankingService.Line w = r.lines().stream().filter(l -> l.agencyId() == world.agency(bad)).findFirst().orElseThrow();
		assertThat(g.rank()).isLessThan(w.rank());
		assertThat(g.part("ON_TIME")).isEqualTo("100,00% (1/1)");
		assertThat(w.part("ON_TIME")).isEqualTo("0,00% (0/2)");
		assertThat(r.formula()).startsWith("Điểm = (40 × Tỷ lệ hoàn thành nhiệm vụ đúng hạn + 25 × Tỷ lệ báo cáo định kỳ gửi đúng hạn + 20 × Tỷ lệ chỉ số")
			.contains("trọng số của nó được bỏ khỏi số chia");
		// the same agencies as of the end of the third quarter: the late completion was still overdue then
		RankingService.Ranking q3 = runAs.user("lanhdao",
				() -> ranking.closed(RankingService.quarterEnding(LocalDate.of(2026, 9, 30)), Filter.ALL));
		assertThat(q3.kept()).isTrue();
		assertThat(q3.formula()).contains("Kết quả đã chốt ngày 30/09/2026");
		assertThat(SteeringSettings.parse("ON_TIME=60; REPORTS=40")).containsEntry("ON_TIME", 60);
		// people write the criteria in words, with or without accents; the page shows them in words
		assertThat(SteeringSettings.parse("hoan thanh dung han=70; chỉ tiêu=30")).containsEntry("ON_TIME", 70)
			.containsEntry("INDICATORS", 30);
		assertThat(SteeringSettings.normalizeWeights("ON_TIME=60; REPORTS=40")).isEqualTo("hoàn thành đúng hạn=60; báo cáo đúng hạn=40");
		assertThatThrownBy(() -> SteeringSettings.parse("tốc độ=10")).isInstanceOf(DomainException.class)
			.hasMessageContaining("tiêu chí “tốc độ” không có");
		assertThatThrownBy(() -> SteeringSettings.parse("ON_TIME=abc")).isInstanceOf(DomainException.class)
			.hasMessageContaining("không phải số nguyên");
	}
}
