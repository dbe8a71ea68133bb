package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.security.Fixtures;
import vn.nq57.account.RunAs;
import vn.nq57.kernel.Rates;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The figures made cheaper for the national scale (issue 20, speed) are exactly those the earlier code gave: the task
 * groups counted per group then per code against the earlier one-step query, and the ranking's lines printed when
 * asked against the texts the earlier code made for every line. (The categories read from the roll-up are held to
 * the scan by {@link StatusFiguresAgreementTest}; the reports by agency and by regime in one query by
 * {@code CompletenessQueriesTest}.)
 */
@IntegrationTest
@AutoConfigureMockMvc
class SteeringSameFiguresTest {

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext ctx;

	@Autowired BoardWidgets.Groups groups;
	@Autowired RankingService ranking;
	@Autowired NamedParameterJdbcTemplate jdbc;
	@Autowired World world;
	@Autowired RunAs runAs;

	@Test
	void theTaskGroupsAreCountedAsBefore() {
		String seq = " " + World.seq();
		// two plans with the same group codes (I–III) under different titles: counted per code across plans
		vn.nq57.task.Plan p1 = world.plan("Kế hoạch nhóm đối chiếu 1" + seq).groups("I", "II", "III").create();
		vn.nq57.task.Plan p2 = world.plan("Kế hoạch nhóm đối chiếu 2" + seq).group("I", "Nhóm một khác" + seq).group("III", "Nhóm ba khác")
			.create();
		Task a = world.task("Nhóm đối chiếu 1" + seq).in(p1, "I").lead("STC", "SNV").due("30/6/2026").create();
		world.task("Nhóm đối chiếu 2" + seq).in(p1, "III").lead("STC").due("15/12/2026").create();
		world.task("Nhóm đối chiếu 3" + seq).in(p2, "I").lead("DK-LYSON").due("Thường xuyên").create();
		world.task("Nhóm đối chiếu 4" + seq).in(p2, "III").lead("SNV").due("31/8/2026").create();
		world.task("Nhóm đối chiếu 5" + seq).in(p1, null).lead("SNV").due("31/8/2026").create();
		jdbc.update("UPDATE assignment SET completed_on = DATE '2026-06-20', state = 'COMPLETED', percent = 100 WHERE task_id = :t",
				new MapSqlParameterSource("t", a.getId()));
		for (LocalDate day : new LocalDate[] { LocalDate.of(2026, 11, 22), LocalDate.of(2026, 6, 30), LocalDate.of(2027, 1, 1) }) {
			for (String group : new String[] { null, "I", "III", "nothing" }) {
				List<List<String>> now = groups.tasks(new Filter(group, null, null, null), day).stream().map(Panel.Row::cells).toList();
				assertThat(now).as(group + " " + day).isEqualTo(before(group, day));
			}
		}
		assertThat(groups.tasks(Filter.ALL, LocalDate.of(2026, 11, 22))).extracting(r -> r.cells().get(0))
			.anyMatch(c -> c.startsWith("I. ")).anyMatch(c -> c.startsWith("III. "));
	}

	/** The query of the earlier code, as it was. */
	private List<List<String>> before(String group, LocalDate day) {
		MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(day));
		String where = "";
		if (group != null) {
			where = " WHERE gg.code = :gc";
			p.addValue("gc", group);
		}
		List<List<String>> rows = new ArrayList<>();
		jdbc.query("""
				SELECT gg.code, min(gg.title), count(*),
				  count(*) FILTER (WHERE t.open_count = 0 AND t.assignment_count > 0),
				  count(*) FILTER (WHERE t.open_min_due < :d)
				FROM task_view t JOIN task_group_view gg ON gg.id = t.group_id""" + where
				+ " GROUP BY gg.code ORDER BY min(gg.position), gg.code", p, rs -> {
					long done = rs.getLong(4);
					long overdue = rs.getLong(5);
					rows.add(new Panel.Row(List.of(rs.getString(1) + ". " + Fmt.cut(rs.getString(2), 90),
							Fmt.num(rs.getLong(3)), Fmt.num(done), Fmt.num(overdue),
							Fmt.pct(Rates.completionOverDue(done, overdue))), "/tasks?status=OVERDUE").cells());
				});
		return rows;
	}

	@Test
	void theRankingPrintsEachLineAsBefore() {
		String seq = " " + World.seq();
		Task a = world.task("Xếp hạng đối chiếu 1" + seq).lead("STC", "SNV").due("30/6/2026").create();
		world.task("Xếp hạng đối chiếu 2" + seq).lead("SNV").due("15/10/2026").create();
		jdbc.update("UPDATE assignment SET completed_on = DATE '2026-06-20', state = 'COMPLETED', percent = 100 WHERE task_id = :t",
				new MapSqlParameterSource("t", a.getId()));
		RankingService.Ranking r = runAs.user("lanhdao", () -> ranking.live(LocalDate.of(2026, 11, 22), Filter.ALL));
		assertThat(r.lines()).isNotEmpty();
		for (RankingService.Line l : r.lines()) {
			for (RankingService.Criterion c : r.criteria()) {
				BigDecimal rate = l.rates().get(c.code());
				Rates.Ratio ratio = l.ratios().get(c.code());
				// the earlier code's text: the percentage and its counts, or "–" without them
				String was = rate == null ? "–" : Fmt.pct(ratio.percent()) + " (" + Fmt.num(ratio.part()) + "/" + Fmt.num(ratio.whole()) + ")";
				assertThat(l.part(c.code())).as(l.name() + " " + c.code()).isEqualTo(was);
				if (rate != null) {
					assertThat(rate).isEqualTo(ratio.percent());
				}
			}
			assertThat(l.parts().keySet()).containsExactlyElementsOf(l.rates().keySet());
		}
		// ties share a rank; the order within a tie is by name in Vietnamese (collation keys kept per name)
		java.text.Collator vi = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
		for (int i = 1; i < r.lines().size(); i++) {
			RankingService.Line x = r.lines().get(i - 1);
			RankingService.Line y = r.lines().get(i);
			assertThat(x.score()).isGreaterThanOrEqualTo(y.score());
			if (x.score().compareTo(y.score()) == 0) {
				assertThat(vi.compare(x.name(), y.name())).as(x.name() + " / " + y.name()).isLessThanOrEqualTo(0);
				assertThat(y.rank()).isEqualTo(x.rank());
			}
			else {
				assertThat(y.rank()).isEqualTo(i + 1);
			}
		}
	}

	@Test
	void theRankingPageShowsEachLineAsTheTemplateDid() throws Exception {
		String name = "Cơ quan A&B <xếp hạng> " + World.seq();
		String code = world.newAgency("XS", name, "ENTERPRISE");
		try {
			rankingPageRows(code);
		}
		finally {
			// the registry refuses markup in a name (it was put here through the test's world): the suite shares one
			// database, and AgencyRegistryTest exports and imports every agency again
			jdbc.update("UPDATE agency SET name = :n, short_name = :n WHERE code = :c",
					new MapSqlParameterSource("n", name.replace("<", "").replace(">", "")).addValue("c", code));
		}
	}

	private void rankingPageRows(String code) throws Exception {
		Task t = world.task("Xếp hạng trang " + World.seq()).lead(code).due("30/9/2026").create();
		jdbc.update("UPDATE assignment SET completed_on = DATE '2026-09-20', state = 'COMPLETED', percent = 100 WHERE task_id = :t",
				new MapSqlParameterSource("t", t.getId()));
		String page = mvc.perform(get("/steering/ranking?kind=ENTERPRISE").with(user(new Fixtures(ctx).user("lanhdao"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		RankingService.Ranking r = runAs.user("lanhdao",
				() -> ranking.live(LocalDate.of(2026, 11, 22), new Filter(null, "ENTERPRISE", null, null)));
		assertThat(r.lines()).isNotEmpty();
		for (RankingService.Line l : r.lines()) {
			// what the template's expressions wrote: th:text escapes, @{/tasks(agency=…)}, the criteria with a weight
			StringBuilder row = new StringBuilder("<tr><td>" + l.rank() + "</td><td><a href=\"/tasks?agency=" + l.agencyId() + "\">"
					+ org.springframework.web.util.HtmlUtils.htmlEscape(l.name(), "UTF-8") + "</a></td>");
			for (RankingService.Criterion c : r.criteria()) {
				if (c.weight() > 0) {
					row.append("<td>").append(l.part(c.code())).append("</td>");
				}
			}
			row.append("<td class=\"score\">").append(vn.nq57.kernel.VnFormat.decimal(l.score(), 2)).append("</td><td>")
				.append(l.previousRank() == null ? "–" : l.previousRank()).append("</td></tr>");
			assertThat(page).as(l.name()).contains(row.toString());
		}
		assertThat(page).contains("Cơ quan A&amp;B &lt;xếp hạng&gt;").doesNotContain("<xếp hạng>");
	}
}
