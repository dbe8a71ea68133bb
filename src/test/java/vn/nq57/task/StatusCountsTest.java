package vn.nq57.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusCountsTest {

	@Test
	@DisplayName("rates as official reports define them: over tasks already due, over all tasks, and the overdue rate")
	void threeRates() {
		StatusCounts c = new StatusCounts()
			.add(TaskStatus.COMPLETED_ON_TIME, 5)
			.add(TaskStatus.COMPLETED_LATE, 1)
			.add(TaskStatus.OVERDUE, 2)
			.add(TaskStatus.IN_PROGRESS, 3)
			.add(TaskStatus.ONGOING, 1)
			.add(TaskStatus.AWAITING_TRIGGER, 1)
			.add(TaskStatus.NO_DEADLINE, 1);
		assertThat(c.total()).isEqualTo(14);
		assertThat(c.completed()).isEqualTo(6);
		// 6 ÷ (6 + 2)
		assertThat(c.completionRateOverDue()).isEqualByComparingTo(new BigDecimal("75.00"));
		// 6 ÷ 14
		assertThat(c.completionRateOverAll()).isEqualByComparingTo(new BigDecimal("42.85"));
		// 2 ÷ 14
		assertThat(c.overdueRate()).isEqualByComparingTo(new BigDecimal("14.28"));
	}

	@Test
	@DisplayName("with nothing due yet, the rate over due tasks is not a number (shown as –), not 0% or 100%")
	void noRateWithoutDenominator() {
		StatusCounts c = new StatusCounts().add(TaskStatus.IN_PROGRESS, 4);
		assertThat(c.completionRateOverDue()).isNull();
		assertThat(c.completionRateOverAll()).isEqualByComparingTo("0.00");
		assertThat(new StatusCounts().overdueRate()).isNull();
	}
}
