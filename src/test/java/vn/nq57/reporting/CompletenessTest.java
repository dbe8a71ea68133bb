package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.reporting.Completeness.Cell;
import vn.nq57.reporting.Completeness.Counts;

/** The grid's cells and the two rates, as a table; the report due 09/11/2026, looked at on the day given. */
class CompletenessTest {

	static final LocalDate DUE = LocalDate.of(2026, 11, 9);

	@ParameterizedTest(name = "{0}, first sent {1}, seen {2} → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			NOT_STARTED | -          | 2026-11-09 | PENDING
			NOT_STARTED | -          | 2026-11-10 | MISSING
			DRAFT       | -          | 2026-11-05 | PENDING
			DRAFT       | -          | 2026-11-22 | MISSING
			APPROVED    | -          | 2026-11-22 | MISSING
			SUBMITTED   | 2026-11-09 | 2026-11-22 | ON_TIME
			SUBMITTED   | 2026-11-10 | 2026-11-22 | LATE
			ACCEPTED    | 2026-11-02 | 2026-11-22 | ON_TIME
			ACCEPTED    | 2026-11-12 | 2026-11-22 | LATE
			RETURNED    | 2026-11-02 | 2026-11-05 | RETURNED
			RETURNED    | 2026-11-02 | 2026-11-22 | RETURNED
			SUBMITTED   | 2026-11-01 | 2026-11-05 | ON_TIME
			""")
	void cells(ReportState state, LocalDate firstSent, LocalDate today, Cell expected) {
		assertThat(Completeness.cell(state, firstSent, DUE, today)).isEqualTo(expected);
	}

	@Test
	@DisplayName("a report returned after arriving on time, then sent again late, keeps counting on time")
	void resubmittedKeepsFirstArrival() {
		assertThat(Completeness.cell(ReportState.SUBMITTED, LocalDate.of(2026, 11, 8), DUE, LocalDate.of(2026, 11, 22)))
			.isEqualTo(Cell.ON_TIME);
	}

	@Test
	@DisplayName("5 expected, 3 received of which 2 on time: completeness 60,00%, timeliness 40,00%; pending not counted")
	void rates() {
		Counts c = Counts.NONE.plus(Cell.ON_TIME).plus(Cell.ON_TIME).plus(Cell.LATE).plus(Cell.MISSING)
			.plus(Cell.RETURNED).plus(Cell.PENDING);
		assertThat(c).isEqualTo(new Counts(5, 3, 2));
		assertThat(c.missing()).isEqualTo(2);
		assertThat(c.late()).isEqualTo(1);
		assertThat(c.completeness()).isEqualByComparingTo(new BigDecimal("60.00"));
		assertThat(c.timeliness()).isEqualByComparingTo(new BigDecimal("40.00"));
		assertThat(new Counts(3, 2, 1).completeness()).isEqualByComparingTo(new BigDecimal("66.66"));
		assertThat(new Counts(3, 2, 1).timeliness()).isEqualByComparingTo(new BigDecimal("33.33"));
		assertThat(c.plus(new Counts(5, 5, 5))).isEqualTo(new Counts(10, 8, 7));
		// a report received before its period is due is not counted yet
		assertThat(c.plus(Cell.ON_TIME, false)).isEqualTo(c);
		assertThat(c.plus(Cell.ON_TIME, true)).isEqualTo(new Counts(6, 4, 3));
	}

	@Test
	@DisplayName("nothing expected: the rates are '–', never 0% or 100%")
	void nothingExpected() {
		assertThat(Counts.NONE.plus(Cell.PENDING).completeness()).isNull();
		assertThat(Counts.NONE.timeliness()).isNull();
	}

	@Test
	void impossibleCountsAreRefused() {
		assertThatThrownBy(() -> new Counts(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Counts(2, 1, 2)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void urging() {
		assertThat(Cell.MISSING.needsUrging()).isTrue();
		assertThat(Cell.RETURNED.needsUrging()).isTrue();
		assertThat(Cell.LATE.needsUrging()).isFalse();
		assertThat(Cell.PENDING.needsUrging()).isFalse();
	}
}
