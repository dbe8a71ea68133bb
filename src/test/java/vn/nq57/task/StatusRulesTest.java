package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.deadline.DeadlineKind;

class StatusRulesTest {

	@ParameterizedTest(name = "due {0}, kind {1}, completed {2}, asked on {3} → {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			2026-09-30 | DATE        | 2026-09-25 | 2026-11-22 | COMPLETED_ON_TIME
			2026-09-30 | DATE        | 2026-09-30 | 2026-11-22 | COMPLETED_ON_TIME
			2026-09-30 | DATE        | 2026-10-02 | 2026-11-22 | COMPLETED_LATE
			2026-09-30 | DATE        | 2026-10-02 | 2026-09-01 | COMPLETED_LATE
			2026-09-30 | DATE        | -          | 2026-09-30 | IN_PROGRESS
			2026-09-30 | DATE        | -          | 2026-10-01 | OVERDUE
			2026-09-30 | DATE        | -          | 2026-01-01 | IN_PROGRESS
			2026-12-31 | RECURRING   | -          | 2026-11-22 | IN_PROGRESS
			2025-12-31 | RECURRING   | -          | 2026-11-22 | OVERDUE
			-          | CONDITIONAL | -          | 2026-11-22 | AWAITING_TRIGGER
			2026-12-15 | CONDITIONAL | -          | 2026-12-16 | OVERDUE
			-          | ONGOING     | -          | 2026-11-22 | ONGOING
			-          | NONE        | -          | 2026-11-22 | NO_DEADLINE
			-          | UNPARSED    | -          | 2026-11-22 | NO_DEADLINE
			-          | CONDITIONAL | 2026-05-01 | 2026-11-22 | COMPLETED_ON_TIME
			-          | NONE        | 2026-05-01 | 2026-11-22 | COMPLETED_ON_TIME
			""")
	@DisplayName("an assignment's status on a given day")
	void statusOnADay(LocalDate due, DeadlineKind kind, LocalDate completed, LocalDate day, TaskStatus expected) {
		assertThat(StatusRules.of(due, kind, completed, day)).isEqualTo(expected);
	}

	@Test
	@DisplayName("a task due 30/9/2026 completed on 2/10/2026 is completed late")
	void completedTwoDaysLate() {
		assertThat(StatusRules.of(LocalDate.of(2026, 9, 30), DeadlineKind.DATE, LocalDate.of(2026, 10, 2),
				LocalDate.of(2026, 11, 22))).isEqualTo(TaskStatus.COMPLETED_LATE);
	}

	@ParameterizedTest(name = "due {0}, asked on {1}, window {2} days → due soon: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-11-29 | 2026-11-22 | 7 | true
			2026-11-30 | 2026-11-22 | 7 | false
			2026-11-22 | 2026-11-22 | 7 | true
			2026-11-21 | 2026-11-22 | 7 | false
			2026-11-25 | 2026-11-22 | 3 | true
			2026-11-26 | 2026-11-22 | 3 | false
			""")
	@DisplayName("sắp đến hạn: due within the window, not yet past")
	void dueSoon(LocalDate due, LocalDate day, int window, boolean expected) {
		assertThat(StatusRules.isDueSoon(due, null, day, window)).isEqualTo(expected);
	}

	@Test
	@DisplayName("a completed assignment is never due soon")
	void completedIsNotDueSoon() {
		assertThat(StatusRules.isDueSoon(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 20),
				LocalDate.of(2026, 11, 22), 7)).isFalse();
	}

	@Test
	@DisplayName("a task is completed only when every lead agency has completed; one overdue agency makes it overdue")
	void rollUp() {
		assertThat(StatusRules.rollUp(List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_ON_TIME)))
			.isEqualTo(TaskStatus.COMPLETED_ON_TIME);
		assertThat(StatusRules.rollUp(List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE)))
			.isEqualTo(TaskStatus.COMPLETED_LATE);
		assertThat(StatusRules.rollUp(List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.IN_PROGRESS)))
			.isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(StatusRules.rollUp(List.of(TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE, TaskStatus.COMPLETED_LATE)))
			.isEqualTo(TaskStatus.OVERDUE);
		assertThat(StatusRules.rollUp(List.of(TaskStatus.AWAITING_TRIGGER, TaskStatus.COMPLETED_ON_TIME)))
			.isEqualTo(TaskStatus.AWAITING_TRIGGER);
	}
}
