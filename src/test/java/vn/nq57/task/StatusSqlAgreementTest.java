package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.deadline.DeadlineKind;

/** The aggregate SQL and StatusRules.java must say the same thing for every case. */
@IntegrationTest
class StatusSqlAgreementTest {

	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("assignment_status_rank() in PostgreSQL agrees with StatusRules for every combination")
	void sqlAgreesWithJava() {
		LocalDate day = LocalDate.of(2026, 11, 22);
		List<LocalDate> dues = Arrays.asList(null, day.minusDays(1), day, day.plusDays(1));
		List<LocalDate> completions = Arrays.asList(null, day.minusDays(2), day.minusDays(1), day);
		int checked = 0;
		for (LocalDate due : dues) {
			for (DeadlineKind kind : DeadlineKind.values()) {
				for (LocalDate done : completions) {
					Integer rank = jdbc.queryForObject("SELECT assignment_status_rank(?, ?, ?, ?)", Integer.class,
							due == null ? null : Date.valueOf(due), kind.name(), done == null ? null : Date.valueOf(done),
							Date.valueOf(day));
					assertThat(TaskStatus.ofRank(rank)).as("due %s, %s, completed %s", due, kind, done)
						.isEqualTo(StatusRules.of(due, kind, done, day));
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(4 * DeadlineKind.values().length * 4);
	}

	@Test
	@DisplayName("task_status_rank() over the task's roll-up agrees with rolling up its assignments in Java")
	void taskRollUpAgrees() {
		LocalDate day = LocalDate.of(2026, 11, 22);
		List<List<TaskStatus>> cases = new ArrayList<>();
		cases.add(List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE));
		cases.add(List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.IN_PROGRESS));
		cases.add(List.of(TaskStatus.OVERDUE, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED_ON_TIME));
		cases.add(List.of(TaskStatus.AWAITING_TRIGGER, TaskStatus.ONGOING));
		cases.add(List.of(TaskStatus.ONGOING, TaskStatus.NO_DEADLINE));
		cases.add(List.of(TaskStatus.NO_DEADLINE));
		for (List<TaskStatus> statuses : cases) {
			int open = 0;
			int late = 0;
			int conditional = 0;
			int ongoing = 0;
			LocalDate minDue = null;
			for (TaskStatus s : statuses) {
				switch (s) {
					case COMPLETED_LATE -> late++;
					case COMPLETED_ON_TIME -> { }
					case OVERDUE -> { open++; minDue = min(minDue, day.minusDays(3)); }
					case IN_PROGRESS -> { open++; minDue = min(minDue, day.plusDays(3)); }
					case AWAITING_TRIGGER -> { open++; conditional++; }
					case ONGOING -> { open++; ongoing++; }
					case NO_DEADLINE -> open++;
				}
			}
			Integer rank = jdbc.queryForObject("SELECT task_status_rank(?, ?, ?, ?, ?, ?)", Integer.class, open,
					minDue == null ? null : Date.valueOf(minDue), conditional, ongoing, late, Date.valueOf(day));
			assertThat(TaskStatus.ofRank(rank)).as(statuses.toString()).isEqualTo(StatusRules.rollUp(statuses));
		}
	}

	@Test
	@DisplayName("the time rules of V23 (overdue, in time, due soon, completed on time / late — today and as of a day) agree with StatusRules on one table of cases")
	void timeRulesAgreeWithJava() {
		LocalDate day = LocalDate.of(2026, 9, 30);
		int soon = 7;
		// boundary days around the day asked about and the end of the due-soon window; completions before, on and
		// after the due date, and after the day itself (a completion dated after the day is open as of that day)
		List<LocalDate> dues = Arrays.asList(null, day.minusDays(30), day.minusDays(1), day, day.plusDays(1),
				day.plusDays(soon), day.plusDays(soon + 1));
		List<LocalDate> completions = Arrays.asList(null, day.minusDays(31), day.minusDays(1), day, day.plusDays(1),
				day.plusDays(soon + 1));
		int checked = 0;
		for (LocalDate due : dues) {
			for (DeadlineKind kind : DeadlineKind.values()) {
				for (LocalDate done : completions) {
					Object[] row = jdbc.query("""
							SELECT task_overdue(d, c, x), task_in_time(d, c, x), task_due_soon(d, c, x, n),
							       task_overdue_or_due_soon(d, c, x, n), task_completed_on_time(d, c), task_completed_late(d, c),
							       task_open_as_of(c, x), task_overdue_as_of(d, c, x), task_in_time_as_of(d, c, x),
							       task_due_soon_as_of(d, c, x, n), task_completed_on_time_as_of(d, c, x),
							       task_completed_late_as_of(d, c, x), assignment_status_rank(d, k, c, x)
							FROM (SELECT CAST(? AS date) d, CAST(? AS date) c, CAST(? AS date) x, CAST(? AS int) n,
							             CAST(? AS varchar) k) p""", rs -> {
						rs.next();
						Object[] r = new Object[13];
						for (int i = 0; i < 13; i++) {
							r[i] = rs.getObject(i + 1);
						}
						return r;
					}, sql(due), sql(done), sql(day), soon, kind.name());
					String at = "due %s, %s, completed %s, on %s".formatted(due, kind, done, day);
					// today's rules: the completion as recorded
					TaskStatus now = StatusRules.of(due, kind, done, day);
					boolean dueSoon = StatusRules.isDueSoon(due, done, day, soon);
					assertThat(row[0]).as("task_overdue, " + at).isEqualTo(now == TaskStatus.OVERDUE);
					assertThat(row[1]).as("task_in_time, " + at).isEqualTo(now == TaskStatus.IN_PROGRESS);
					assertThat(row[2]).as("task_due_soon, " + at).isEqualTo(dueSoon);
					assertThat(row[3]).as("task_overdue_or_due_soon, " + at).isEqualTo(now == TaskStatus.OVERDUE || dueSoon);
					assertThat(row[4]).as("task_completed_on_time, " + at).isEqualTo(now == TaskStatus.COMPLETED_ON_TIME);
					assertThat(row[5]).as("task_completed_late, " + at).isEqualTo(now == TaskStatus.COMPLETED_LATE);
					assertThat(TaskStatus.ofRank(((Number) row[12]).intValue())).as("rank, " + at).isEqualTo(now);
					// as of the day: a completion after it has not happened yet
					LocalDate doneBy = done != null && done.isAfter(day) ? null : done;
					TaskStatus then = StatusRules.of(due, kind, doneBy, day);
					assertThat(row[6]).as("task_open_as_of, " + at).isEqualTo(doneBy == null);
					assertThat(row[7]).as("task_overdue_as_of, " + at).isEqualTo(then == TaskStatus.OVERDUE);
					assertThat(row[8]).as("task_in_time_as_of, " + at).isEqualTo(then == TaskStatus.IN_PROGRESS);
					assertThat(row[9]).as("task_due_soon_as_of, " + at).isEqualTo(StatusRules.isDueSoon(due, doneBy, day, soon));
					assertThat(row[10]).as("task_completed_on_time_as_of, " + at).isEqualTo(then == TaskStatus.COMPLETED_ON_TIME);
					assertThat(row[11]).as("task_completed_late_as_of, " + at).isEqualTo(then == TaskStatus.COMPLETED_LATE);
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(dues.size() * DeadlineKind.values().length * completions.size());
	}

	@Test
	@DisplayName("the task list's status filters over the roll-up pick exactly the tasks task_status_rank() puts in that status")
	void statusFiltersAgreeWithRank() {
		LocalDate day = LocalDate.of(2026, 11, 22);
		// open_count, open_min_due, open_conditional, open_ongoing, late_count
		Object[][] rollUps = {
			{ 0, null, 0, 0, 0 }, { 0, null, 0, 0, 2 }, { 3, day.minusDays(1), 1, 1, 1 }, { 1, day, 0, 0, 0 },
			{ 2, day.plusDays(9), 0, 1, 0 }, { 1, null, 1, 0, 0 }, { 2, null, 1, 1, 1 }, { 1, null, 0, 1, 0 },
			{ 1, null, 0, 0, 0 } };
		for (Object[] r : rollUps) {
			String from = " FROM (SELECT CAST(? AS int) open_count, CAST(? AS date) open_min_due, CAST(? AS int) open_conditional,"
					+ " CAST(? AS int) open_ongoing, CAST(? AS int) late_count) t";
			Object[] args = { r[0], sql((LocalDate) r[1]), r[2], r[3], r[4] };
			Integer rank = jdbc.queryForObject("SELECT task_status_rank(open_count, open_min_due, open_conditional,"
					+ " open_ongoing, late_count, CAST('" + day + "' AS date))" + from, Integer.class, args);
			for (TaskStatus s : TaskStatus.values()) {
				// as a WHERE clause: NULL picks nothing
				Boolean picked = jdbc.queryForObject("SELECT coalesce(" + TaskQueries.statusPredicate(s)
					.replace(":today", "CAST('" + day + "' AS date)") + ", false)" + from, Boolean.class, args);
				assertThat(picked).as("%s for roll-up %s", s, Arrays.toString(r)).isEqualTo(TaskStatus.ofRank(rank) == s);
			}
		}
	}

	private static Date sql(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a == null || b.isBefore(a) ? b : a;
	}
}
