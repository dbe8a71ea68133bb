package vn.nq57.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;

/**
 * The reminder stages as a table of cases, each checked in ReminderRules.java and in the SQL functions the
 * reminder computation uses (V51__reminder_stages.sql): both must name the same stage day, or none.
 */
@IntegrationTest
class ReminderStagesTest {

	@Autowired JdbcTemplate jdbc;

	@ParameterizedTest(name = "offsets {0}: due {1}, on {2} the stage is {3}")
	@DisplayName("before the due date: the latest stage reached, never a backlog")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			7,3,1,0 | 2026-09-30 | 2026-09-20 | none
			7,3,1,0 | 2026-09-30 | 2026-09-22 | none
			7,3,1,0 | 2026-09-30 | 2026-09-23 | 2026-09-23
			7,3,1,0 | 2026-09-30 | 2026-09-25 | 2026-09-23
			7,3,1,0 | 2026-09-30 | 2026-09-26 | 2026-09-23
			7,3,1,0 | 2026-09-30 | 2026-09-27 | 2026-09-27
			7,3,1,0 | 2026-09-30 | 2026-09-28 | 2026-09-27
			7,3,1,0 | 2026-09-30 | 2026-09-29 | 2026-09-29
			7,3,1,0 | 2026-09-30 | 2026-09-30 | 2026-09-30
			7,3,1,0 | 2026-09-30 | 2026-10-01 | none
			3       | 2026-12-31 | 2026-12-27 | none
			3       | 2026-12-31 | 2026-12-28 | 2026-12-28
			3       | 2026-12-31 | 2026-12-31 | 2026-12-28
			0       | 2026-12-31 | 2026-12-30 | none
			0       | 2026-12-31 | 2026-12-31 | 2026-12-31
			14,7    | 2027-01-10 | 2026-12-31 | 2026-12-27
			14,7    | 2027-01-10 | 2027-01-04 | 2027-01-03
			""")
	void beforeDue(String offsets, LocalDate due, LocalDate today, LocalDate stage) {
		Optional<LocalDate> java = ReminderRules.beforeDue(due, today, ReminderRules.offsets(offsets));
		assertThat(java).as("ReminderRules").isEqualTo(Optional.ofNullable(stage));
		Date sql = jdbc.queryForObject("SELECT reminder_stage_before_due(?, ?, string_to_array(?, ',')::int[])", Date.class,
				Date.valueOf(due), Date.valueOf(today), String.join(",", ReminderRules.offsets(offsets).stream()
					.map(String::valueOf).toList()));
		assertThat(sql == null ? null : sql.toLocalDate()).as("reminder_stage_before_due").isEqualTo(stage);
	}

	@ParameterizedTest(name = "every {0} days: due {1}, on {2} the stage is {3}")
	@DisplayName("while overdue: every N days after the due date, the latest repeat reached")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			7 | 2026-09-30 | 2026-09-30 | none
			7 | 2026-09-30 | 2026-10-01 | none
			7 | 2026-09-30 | 2026-10-06 | none
			7 | 2026-09-30 | 2026-10-07 | 2026-10-07
			7 | 2026-09-30 | 2026-10-10 | 2026-10-07
			7 | 2026-09-30 | 2026-10-14 | 2026-10-14
			7 | 2026-09-30 | 2027-01-01 | 2026-12-30
			1 | 2026-09-30 | 2026-10-01 | 2026-10-01
			0 | 2026-09-30 | 2026-12-01 | none
			-3 | 2026-09-30 | 2026-12-01 | none
			""")
	void overdue(int every, LocalDate due, LocalDate today, LocalDate stage) {
		assertThat(ReminderRules.overdue(due, today, every)).as("ReminderRules").isEqualTo(Optional.ofNullable(stage));
		Date sql = jdbc.queryForObject("SELECT reminder_stage_overdue(?, ?, ?)", Date.class, Date.valueOf(due),
				Date.valueOf(today), every);
		assertThat(sql == null ? null : sql.toLocalDate()).as("reminder_stage_overdue").isEqualTo(stage);
	}

	@ParameterizedTest(name = "\"{0}\" reads as {1}")
	@DisplayName("the offsets setting: whole days, largest first, duplicates dropped")
	@CsvSource(delimiter = '|', textBlock = """
			7,3,1,0   | 7,3,1,0
			0,1,3,7   | 7,3,1,0
			7; 3 3 1  | 7,3,1
			14        | 14
			""")
	void offsets(String typed, String read) {
		assertThat(ReminderRules.offsets(typed)).isEqualTo(List.of(read.split(",")).stream().map(Integer::valueOf).toList());
	}
}
