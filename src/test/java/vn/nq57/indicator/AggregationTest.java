package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.indicator.Aggregation.Aggregate;
import vn.nq57.indicator.Aggregation.Observation;

class AggregationTest {

	static final BigDecimal PERCENT = BigDecimal.valueOf(100);

	@Test
	@DisplayName("5G in industrial zones: 4/5 and 1/2 make 5/7 = 71,43%, not the mean of 80% and 50%")
	void ratiosAreRecomputedFromSums() {
		Aggregate a = Aggregation.RATIO.combine(
				List.of(Observation.ratio(4, 5, PERCENT), Observation.ratio(1, 2, PERCENT)), PERCENT);
		assertThat(a.numerator()).isEqualByComparingTo("5");
		assertThat(a.denominator()).isEqualByComparingTo("7");
		assertThat(a.value()).isEqualByComparingTo("71.428571");
		assertThat(a.value()).isNotEqualByComparingTo("65");
		assertThat(a.count()).isEqualTo(2);
	}

	/** Observations written "v" or "n/d" (a percentage), separated by spaces. */
	@ParameterizedTest(name = "{0} of [{1}] = {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			SUM     | 1526 217 60          | 1803.000000
			SUM     | 2,5 0,25              | 2.750000
			RATIO   | 4/5 1/2              | 71.428571
			RATIO   | 4/5 1/2 2/15 9/10    | 50.000000
			RATIO   | 0/3 0/4              | 0.000000
			RATIO   | 4/5 70,35            | -
			RATIO   | 99,3                 | 99.300000
			AVERAGE | 80 50                 | 65.000000
			AVERAGE | 1 2 2                | 1.666667
			MIN     | 3 1 2                | 1.000000
			MAX     | 3 1 2                | 3.000000
			SUM     | 170                  | 170.000000
			""")
	@DisplayName("each rule on a table of agencies")
	void rules(Aggregation rule, String observations, BigDecimal expected) {
		Aggregate a = rule.combine(parse(observations), PERCENT);
		if (expected == null) {
			assertThat(a.value()).isNull();
		}
		else {
			assertThat(a.value()).isEqualTo(expected);
		}
	}

	@Test
	@DisplayName("no agency, no figure")
	void empty() {
		assertThat(Aggregation.SUM.combine(List.of(), PERCENT).value()).isNull();
	}

	static List<Observation> parse(String s) {
		return java.util.Arrays.stream(s.trim().split("\\s+")).map(t -> {
			if (t.contains("/")) {
				String[] p = t.split("/");
				return Observation.ratio(Long.parseLong(p[0]), Long.parseLong(p[1]), PERCENT);
			}
			return Observation.of(t.replace(',', '.'));
		}).toList();
	}
}
