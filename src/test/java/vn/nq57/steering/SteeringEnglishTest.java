package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import vn.nq57.IntegrationTest;
import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.security.Fixtures;
import vn.nq57.testdata.World;

/**
 * The English UI of the boards, the brief and the ranking (issue 20): every label widgets and brief sections write —
 * also those of funding, recommendation and map — has its key; what is data (names, typed text) stays as typed.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SteeringEnglishTest {

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext ctx;
	@Autowired BoardService boards;
	@Autowired SessionService sessions;
	@Autowired PanelText text;
	@Autowired RunAs runAs;
	@Autowired World world;

	@Test
	void theBoardTheBriefAndTheRankingSpeakEnglish() throws Exception {
		Locale en = Locale.ENGLISH;
		assertThat(text.t("Đến hạn trong 7 ngày tới", en)).isEqualTo("Due within the next 7 days");
		assertThat(text.t("V. THỰC HIỆN CHẾ ĐỘ BÁO CÁO NĂM 2026", en)).isEqualTo("V. PERIODIC REPORTING IN 2026");
		assertThat(text.t("Quý IV/2026 (đến 22/11/2026)", en)).isEqualTo("Q4/2026 (to 22/11/2026)");
		assertThat(text.t("−2,50 điểm %", en)).isEqualTo("−2,50 points");
		assertThat(text.t("Sở Tài chính", en)).isEqualTo("Sở Tài chính");
		assertThat(text.t("Đến hạn trong 7 ngày tới", Locale.forLanguageTag("vi"))).isEqualTo("Đến hạn trong 7 ngày tới");

		world.task("Nhiệm vụ quá hạn bảng tiếng Anh " + World.seq()).lead("STC").due("15/10/2026").create();
		List<String> all = boards.available().stream().map(BoardWidget::code).toList();
		long id = runAs.user("lanhdao", () -> boards.save(null, new BoardService.BoardInput("Board " + World.seq(), all,
				null, null, null, BoardService.PeriodKind.QUARTER, Role.AGENCY_HEAD), null));
		long s = runAs.user("sokhcn", () -> sessions.saveSession(null, new SessionService.SessionInput(SessionKind.REGULAR,
				LocalDate.of(2026, 11, 21), "Phiên họp tiếng Anh " + World.seq(), "Phó Chủ tịch UBND tỉnh", "Trụ sở UBND tỉnh",
				null, "Báo cáo kết quả", List.of(world.agency("SKHCN"))), null));
		text.missing().clear();
		Cookie lang = new Cookie("lang", "en");
		String board = mvc.perform(get("/boards/" + id).cookie(lang).with(user(new Fixtures(ctx).user("lanhdao"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String monthly = mvc.perform(get("/boards/" + id + "?period=HALF").cookie(lang).with(user(new Fixtures(ctx).user("lanhdao"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String brief = mvc.perform(get("/steering/sessions/" + s + "/brief").cookie(lang).with(user(new Fixtures(ctx).user("sokhcn"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String ranking = mvc.perform(get("/steering/ranking").cookie(lang).with(user(new Fixtures(ctx).user("lanhdao"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(text.missing()).isEmpty();
		assertThat(board).contains("Completion rates and task categories", "Overdue tasks by agency", "Funds allocated and disbursed",
				"Recommendations and obstacles awaiting a decision", "Dung Quat Economic Zone: land fund and environment",
				"Completion rate over work due", "Q4/2026 (to 22/11/2026)")
			.doesNotContain("Tỷ lệ hoàn thành và phân loại nhiệm vụ", "Kinh phí phân bổ và giải ngân");
		assertThat(monthly).contains("Second half of 2026 (to 22/11/2026)");
		assertThat(brief).contains("I. PROGRESS OF THE TASKS", "Funds allocated and disbursed in 2026".toUpperCase())
			.doesNotContain("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
		assertThat(ranking).contains("Score = (", "Tasks completed on time", "Recommendations answered on time",
				"Agencies with the same score share a rank").doesNotContain("Điểm = (");
	}
}
