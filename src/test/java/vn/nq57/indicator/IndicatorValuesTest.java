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
	@DisplayName("values due in November 2026 for Sở Tài chính: October's monthly value (due 10/11), with what was entered")
	void dueInAMonth() {
		IndicatorForm monthly = fx.share(Fixtures.code("DUE-M"), "STC", "SNV");
		monthly.setFrequency("MONTHLY");
		Indicator m = fx.save(monthly);
		IndicatorForm quarterly = fx.share(Fixtures.code("DUE-Q"), "STC");
		quarterly.setFrequency("QUARTERLY");
		Indicator q = fx.save(quarterly);
		Indicator notMine = fx.save(fx.share(Fixtures.code("DUE-X"), "BQLKKT"));
		fx.enterShare("cb.stc", m.code(), "10/2026", 3, 4);

		List<IndicatorValues.DueValue> due = values.dueIn(fx.agency("STC"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
		List<IndicatorValues.DueValue> mine = due.stream()
			.filter(d -> d.indicatorCode().equals(m.code()) || d.indicatorCode().equals(q.code())
					|| d.indicatorCode().equals(notMine.code()))
			.toList();
		assertThat(mine).hasSize(1);
		IndicatorValues.DueValue oct = mine.get(0);
		assertThat(oct.indicatorCode()).isEqualTo(m.code());
		assertThat(oct.periodCode()).isEqualTo("2026-10");
		assertThat(oct.periodLabel()).isEqualTo("Tháng 10/2026");
		assertThat(oct.dueDate()).isEqualTo(LocalDate.of(2026, 11, 10));
		assertThat(oct.value()).isEqualByComparingTo("75");
		assertThat(oct.numerator()).isEqualByComparingTo("3");
		assertThat(oct.state()).isEqualTo("DRAFT");
		assertThat(oct.overdue()).isTrue();

		// the quarter ending 30/09 was due 10/10
		List<IndicatorValues.DueValue> october = values.dueIn(fx.agency("STC"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
		assertThat(october).filteredOn(d -> d.indicatorCode().equals(q.code())).singleElement()
			.satisfies(d -> {
				assertThat(d.periodCode()).isEqualTo("2026-Q3");
				assertThat(d.state()).isEqualTo("MISSING");
				assertThat(d.value()).isNull();
			});
		assertThat(october).filteredOn(d -> d.indicatorCode().equals(m.code())).singleElement()
			.satisfies(d -> assertThat(d.periodCode()).isEqualTo("2026-09"));
		assertThat(values.dueIn(fx.agency("STC"), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1))).isEmpty();
	}
}
