package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The board's figures read from the task module's roll-up (no pass over every assignment) are exactly those of one
 * pass with the {@code _as_of} rules, for every agency, on today and on past days, with and without filters — with
 * completions on time and late, before, between and after the days asked about, and work without a due date.
 */
@IntegrationTest
class StatusFiguresAgreementTest {

	@Autowired StatusFigures figures;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;

	@Test
	void theRollupAndTheScanAgree() {
		String seq = " " + World.seq();
		Task a = world.task("Đối chiếu 1" + seq).lead("STC", "SNV").due("30/6/2026").create();
		Task b = world.task("Đối chiếu 2" + seq).lead("STC").due("15/10/2026").create();
		Task c = world.task("Đối chiếu 3" + seq).lead("SNV", "BQLKKT").due("31/12/2026").create();
		world.task("Đối chiếu 4" + seq).lead("DK-LYSON").due("Thường xuyên").create();
		world.task("Đối chiếu 5" + seq).lead("SKHCN").due("31/8/2026").create();
		complete(a, "STC", "2026-06-20");
		complete(a, "SNV", "2026-07-20");
		complete(b, "STC", "2026-11-01");
		complete(c, "SNV", "2026-09-15");
		LocalDate[][] days = { { LocalDate.of(2026, 11, 22), LocalDate.of(2026, 9, 30) },
				{ LocalDate.of(2026, 10, 20), LocalDate.of(2026, 6, 30) }, { LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31) },
				{ LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 20) } };
		List<Filter> filters = List.of(Filter.ALL, new Filter(null, "DEPARTMENT", null, null),
				new Filter(null, null, world.agency("DK-LYSON"), null), new Filter(null, null, null, world.agency("STC")),
				new Filter(null, "COMMUNE", null, world.agency("SNV")));
		for (Filter f : filters) {
			for (LocalDate[] d : days) {
				assertThat(text(figures.fromRollup(f, d[0], d[1]).rows()))
					.as(f + " " + d[0] + " " + d[1]).isEqualTo(text(figures.scan(f, d[0], d[1]).rows()));
			}
		}
		assertThat(figures.fromRollup(new Filter(null, null, null, world.agency("STC")), LocalDate.of(2026, 11, 22),
				LocalDate.of(2026, 9, 30)).rows()).isNotEmpty();
	}

	private void complete(Task t, String agency, String day) {
		// the completion as DoST's confirmation leaves it, without going through the claim workflow again
		jdbc.update("UPDATE assignment SET completed_on = ?::date, state = 'COMPLETED', percent = 100 WHERE task_id = ? AND agency_id = ?",
				day, t.getId(), world.agency(agency));
	}

	private static Map<Long, String> text(Map<Long, Counts[]> rows) {
		Map<Long, String> out = new TreeMap<>();
		rows.forEach((k, v) -> out.put(k, Arrays.toString(v)));
		return out;
	}
}
