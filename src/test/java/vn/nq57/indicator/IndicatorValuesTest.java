package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;

/** The query the periodic report uses: an agency's indicator values due in its reporting period. */
@IntegrationTest
class IndicatorValuesTest {

	@Autowired Fixtures fx;
	@Autowired IndicatorValues values;

	@Test
	@DisplayName("the October report of Sở Tài chính carries October's monthly value, with what was entered; the quarterly report of July–September the months and the third quarter")
	void valuesOfAReportingPeriod() {
		IndicatorForm monthly = fx.share(Fixtures.code("DUE-M"), "STC", "SNV");
		monthly.setFrequency("MONTHLY");
		monthly.setTargets("2026: 80\n2030: 90");
		Indicator m = fx.save(monthly);
		IndicatorForm quarterly = fx.share(Fixtures.code("DUE-Q"), "STC");
		quarterly.setFrequency("QUARTERLY");
		Indicator q = fx.save(quarterly);
		Indicator notMine = fx.save(fx.share(Fixtures.code("DUE-X"), "BQLKKT"));
		fx.enterShare("cb.stc", m.code(), "10/2026", 3, 4);

		List<IndicatorValues.DueValue> october = mine(values.dueIn(fx.agency("STC"), LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31)), m, q, notMine);
		assertThat(october).singleElement().satisfies(oct -> {
			assertThat(oct.indicatorCode()).isEqualTo(m.code());
			assertThat(oct.periodCode()).isEqualTo("2026-10");
			assertThat(oct.periodLabel()).isEqualTo("Tháng 10/2026");
			assertThat(oct.dueDate()).isEqualTo(LocalDate.of(2026, 11, 10));
			assertThat(oct.value()).isEqualByComparingTo("75");
			assertThat(oct.numerator()).isEqualByComparingTo("3");
			assertThat(oct.denominator()).isEqualByComparingTo("4");
			assertThat(oct.state()).isEqualTo("DRAFT");
			assertThat(oct.overdue()).isTrue();
			assertThat(oct.targetYear()).isEqualTo(2026);
			assertThat(oct.target()).isEqualByComparingTo("80");
		});

		List<IndicatorValues.DueValue> third = mine(values.dueIn(fx.agency("STC"), LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 9, 30)), m, q, notMine);
		assertThat(third).extracting(IndicatorValues.DueValue::periodCode)
			.containsExactly("2026-07", "2026-08", "2026-09", "2026-Q3");
		assertThat(third.get(3).state()).isEqualTo("MISSING");
		assertThat(third.get(3).value()).isNull();
		assertThat(third.get(3).dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(values.dueIn(fx.agency("STC"), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1))).isEmpty();
		assertThat(mine(values.dueIn(fx.agency("BQLKKT"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), m, q, notMine))
			.extracting(IndicatorValues.DueValue::indicatorCode).containsExactly(notMine.code());
	}

	private static List<IndicatorValues.DueValue> mine(List<IndicatorValues.DueValue> due, Indicator... ours) {
		List<String> codes = java.util.Arrays.stream(ours).map(Indicator::code).toList();
		return due.stream().filter(d -> codes.contains(d.indicatorCode())).toList();
	}
}
