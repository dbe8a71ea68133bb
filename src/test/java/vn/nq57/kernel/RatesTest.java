package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {

	@ParameterizedTest(name = "{0} of {1} is {2}%")
	@CsvSource(delimiter = '|', textBlock = """
			993 | 1000 | 99.30
			6   | 8    | 75.00
			6   | 14   | 42.86
			2   | 14   | 14.29
			1   | 3    | 33.33
			2   | 3    | 66.67
			1   | 8    | 12.50
			0   | 5    | 0.00
			5   | 5    | 100.00
			""")
	@DisplayName("a percentage has two decimals, rounded half up")
	void percent(long part, long whole, BigDecimal pct) {
		assertThat(Rates.percent(part, whole)).isEqualByComparingTo(pct);
		assertThat(Rates.percent(part, whole).scale()).isEqualTo(2);
		assertThat(Rates.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole))).isEqualByComparingTo(pct);
	}

	@Test
	@DisplayName("with nothing to divide by there is no rate (shown –), not 0% or 100%")
	void nothingToDivideBy() {
		assertThat(Rates.percent(0, 0)).isNull();
		assertThat(Rates.completionOverDue(0, 0)).isNull();
		assertThat(Rates.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
		assertThat(Rates.percent(null, BigDecimal.TEN)).isNull();
	}

	@Test
	@DisplayName("6 tasks completed, 2 overdue not done, 14 in all: 75,00% of those due, 42,86% of all, 14,29% overdue")
	void taskRates() {
		assertThat(Rates.completionOverDue(6, 2)).isEqualByComparingTo("75.00");
		assertThat(Rates.completionOverAll(6, 14)).isEqualByComparingTo("42.86");
		assertThat(Rates.overdue(2, 14)).isEqualByComparingTo("14.29");
	}

	@Test
	@DisplayName("a province's rate adds the agencies' counts: 1 of 1 and 0 of 99 is 1%, not the 50% of averaging")
	void totalsAddCountsNotRates() {
		Rates.Ratio total = new Rates.Ratio(1, 1).plus(new Rates.Ratio(0, 99));
		assertThat(total).isEqualTo(new Rates.Ratio(1, 100));
		assertThat(total.percent()).isEqualByComparingTo("1.00");
		assertThat(Rates.Ratio.NONE.percent()).isNull();
	}
}
