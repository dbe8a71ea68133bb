package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {

	@AfterEach
	void backToTheDefault() {
		Rates.use(Rates.DEFAULT);
	}

	@ParameterizedTest(name = "{0} of {1}: {2}% as the Government Office cuts it, {3}% rounded half up")
	@CsvSource(delimiter = '|', textBlock = """
			# part | whole | Government Office (default) | half up
			16051  | 16274 | 98.62  | 98.63
			993    | 1000  | 99.30  | 99.30
			6      | 8     | 75.00  | 75.00
			6      | 14    | 42.85  | 42.86
			2      | 14    | 14.28  | 14.29
			1      | 3     | 33.33  | 33.33
			2      | 3     | 66.66  | 66.67
			1      | 8     | 12.50  | 12.50
			199    | 200   | 99.50  | 99.50
			1999   | 2000  | 99.95  | 99.95
			19999  | 20000 | 99.99  | 100.00
			0      | 5     | 0.00   | 0.00
			5      | 5     | 100.00 | 100.00
			""")
	@DisplayName("a percentage has two decimals, cut off by default as the Government Office publishes, half up on request")
	void percent(long part, long whole, BigDecimal office, BigDecimal halfUp) {
		assertThat(Rates.rule()).isEqualTo(Rates.Rule.TRUNCATE);
		assertThat(Rates.percent(part, whole)).isEqualByComparingTo(office);
		assertThat(Rates.percent(part, whole).scale()).isEqualTo(2);
		assertThat(Rates.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole))).isEqualByComparingTo(office);
		assertThat(new Rates.Ratio(part, whole).percent()).isEqualByComparingTo(office);
		assertThat(Rates.percent(part, whole, Rates.Rule.HALF_UP)).isEqualByComparingTo(halfUp);

		Rates.use(Rates.Rule.HALF_UP);
		assertThat(Rates.percent(part, whole)).isEqualByComparingTo(halfUp);
		assertThat(Rates.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole))).isEqualByComparingTo(halfUp);
	}

	@Test
	@DisplayName("the Government Office's published figure: 16.051 of 16.274 tasks is printed 98,62%, not 98,63%")
	void governmentOfficeFigure() {
		assertThat(VnFormat.percent(Rates.completionOverAll(16051, 16274))).isEqualTo("98,62%");
		assertThat(new VnFormat().pct(16051, 16274)).isEqualTo("98,62%");
		// a rate computed elsewhere with more decimals is printed by the same rule
		assertThat(VnFormat.percent(new BigDecimal("98.6297"))).isEqualTo("98,62%");
		Rates.use(Rates.Rule.HALF_UP);
		assertThat(new VnFormat().pct(16051, 16274)).isEqualTo("98,63%");
	}

	@ParameterizedTest(name = "stored “{0}” is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			TRUNCATE | TRUNCATE
			half_up  | HALF_UP
			half-up  | HALF_UP
			''       | TRUNCATE
			rubbish  | TRUNCATE
			""")
	@DisplayName("a stored rule is read leniently; anything unreadable is the Government Office's rule")
	void storedRule(String stored, Rates.Rule rule) {
		assertThat(Rates.Rule.parse(stored)).isEqualTo(rule);
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
	@DisplayName("6 tasks completed, 2 overdue not done, 14 in all: 75,00% of those due, 42,85% of all, 14,28% overdue")
	void taskRates() {
		assertThat(Rates.completionOverDue(6, 2)).isEqualByComparingTo("75.00");
		assertThat(Rates.completionOverAll(6, 14)).isEqualByComparingTo("42.85");
		assertThat(Rates.overdue(2, 14)).isEqualByComparingTo("14.28");
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
