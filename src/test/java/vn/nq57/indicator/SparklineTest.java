package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SparklineTest {

	static IndicatorQueries.Point q(int year, int quarter, String v) {
		return new IndicatorQueries.Point(new Period(Frequency.QUARTERLY, LocalDate.of(year, quarter * 3 - 2, 1)),
				new BigDecimal(v), null, null, 1, null);
	}

	@Test
	@DisplayName("three quarters span the whole width, lowest value at the bottom, highest at the top")
	void shortSeries() {
		List<IndicatorQueries.Point> v = List.of(q(2026, 1, "35"), q(2026, 2, "43"), q(2026, 3, "52"));
		assertThat(IndicatorQueries.spark(v, v.get(2))).isEqualTo("2.0,26.0 60.0,14.7 118.0,2.0");
	}

	@Test
	@DisplayName("a missing quarter stays a gap; a flat series is drawn in the middle")
	void gapsAndFlat() {
		List<IndicatorQueries.Point> v = List.of(q(2026, 1, "170"), q(2026, 3, "170"), q(2026, 4, "170"));
		assertThat(IndicatorQueries.spark(v, v.get(2))).isEqualTo("2.0,14.0 79.3,14.0 118.0,14.0");
	}

	@Test
	@DisplayName("values older than twelve periods are left out; one value draws nothing")
	void window() {
		List<IndicatorQueries.Point> v = List.of(q(2020, 1, "1"), q(2026, 3, "2"), q(2026, 4, "4"));
		assertThat(IndicatorQueries.spark(v, v.get(2))).isEqualTo("2.0,26.0 118.0,2.0");
		assertThat(IndicatorQueries.spark(List.of(q(2026, 1, "1")), q(2026, 1, "1"))).isNull();
	}
}
