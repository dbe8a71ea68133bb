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

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a == null || b.isBefore(a) ? b : a;
	}
}
