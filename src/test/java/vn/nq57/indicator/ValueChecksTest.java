package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.indicator.ValueChecks.Candidate;
import vn.nq57.indicator.ValueChecks.Outcome;
import vn.nq57.indicator.ValueChecks.Spec;

class ValueChecksTest {

	static BigDecimal d(String s) {
		return s == null ? null : new BigDecimal(s);
	}

	/**
	 * kind: COUNT (no range), PCT (a percentage value), SHARE (a percentage from numerator and denominator,
	 * several agencies), PROVINCE_SHARE (the same, value alone allowed), RANGED (a count between 0 and 1000).
	 */
	static Spec spec(String kind) {
		return switch (kind) {
			case "COUNT" -> new Spec("hệ thống", false, false, BigDecimal.ZERO, null);
			case "PCT" -> new Spec("%", false, false, BigDecimal.ZERO, null);
			case "SHARE" -> new Spec("%", true, false, BigDecimal.ZERO, null);
			case "PROVINCE_SHARE" -> new Spec("%", true, true, BigDecimal.ZERO, null);
			case "RANGED" -> new Spec("TB", false, false, BigDecimal.ZERO, BigDecimal.valueOf(1000));
			case "GROWTH" -> new Spec("%", false, false, BigDecimal.valueOf(-100), BigDecimal.valueOf(500));
			default -> throw new IllegalArgumentException(kind);
		};
	}

	@ParameterizedTest(name = "{0}: value {1}, {2}/{3} → refused: {5}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			PCT            | 120   | -  | -  | -      | vượt quá 100%
			PCT            | -5    | -  | -  | -      | không được âm
			SHARE          | -     | 8  | 5  | -      | lớn hơn mẫu số
			SHARE          | -     | 4  | 0  | -      | Mẫu số bằng 0
			SHARE          | -     | 4  | -  | -      | cả tử số và mẫu số
			SHARE          | 80    | -  | -  | -      | cần nhập tử số và mẫu số
			SHARE          | 70    | 4  | 5  | -      | không khớp
			COUNT          | -     | -  | -  | -      | Chưa nhập giá trị
			COUNT          | 5     | 1  | 2  | -      | không nhập tử số, mẫu số
			COUNT          | -1    | -  | -  | -      | thấp hơn mức tối thiểu 0
			RANGED         | 1001  | -  | -  | -      | vượt mức tối đa 1.000
			""")
	@DisplayName("values that are refused, with the reason")
	void refused(String kind, BigDecimal value, BigDecimal num, BigDecimal den, String unused, String message) {
		Outcome o = ValueChecks.check(spec(kind), new Candidate(value, num, den), List.of(), 2);
		assertThat(o.refused()).isTrue();
		assertThat(String.join("; ", o.errors())).contains(message);
		assertThat(o.value()).isNull();
	}

	@ParameterizedTest(name = "{0}: value {1}, {2}/{3} → stored as {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			SHARE          | -     | 4  | 5  | 80.000000
			SHARE          | 80    | 4  | 5  | 80.000000
			SHARE          | -     | 0  | 7  | 0.000000
			PROVINCE_SHARE | 99.3  | -  | -  | 99.3
			PCT            | 100   | -  | -  | 100
			GROWTH         | 150   | -  | -  | 150
			GROWTH         | -20   | -  | -  | -20
			COUNT          | 1526  | -  | -  | 1526
			RANGED         | 170   | -  | -  | 170
			""")
	@DisplayName("values that are accepted, and the value stored")
	void accepted(String kind, BigDecimal value, BigDecimal num, BigDecimal den, BigDecimal stored) {
		Outcome o = ValueChecks.check(spec(kind), new Candidate(value, num, den), List.of(), 2);
		assertThat(o.errors()).isEmpty();
		assertThat(o.value()).isEqualByComparingTo(stored);
		assertThat(o.flag()).isNull();
	}

	@ParameterizedTest(name = "{0} after [{1}] → flagged: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			45   | 15 14 16 15 15 16 | true
			16   | 15 14 16 15 15 16 | false
			18   | 15 14 16 15 15 16 | false
			19   | 15 14 16 15 15 16 | true
			95   | 72.1 71.2 70.9 70.6 | true
			80   | 72.1 71.2 70.9 70.6 | false
			7    | 15 14 16 15 15 16 | true
			45   | 15 14             | false
			170  | 170 170 170       | false
			200  | 170 170 170       | false
			260  | 170 170 170       | true
			30   | 10 50 10 50 10 50 | false
			""")
	@DisplayName("a value far outside the agency's own series is stored but flagged")
	void jump(BigDecimal value, String series, boolean flagged) {
		List<BigDecimal> previous = Arrays.stream(series.split(" ")).map(BigDecimal::new).toList();
		Outcome o = ValueChecks.check(spec("COUNT"), new Candidate(value, null, null), previous, 0);
		assertThat(o.refused()).isFalse();
		assertThat(o.flag() != null).isEqualTo(flagged);
		if (flagged) {
			assertThat(o.flag()).contains("khác xa các kỳ trước");
		}
	}

	@ParameterizedTest(name = "{0}, {1} days after its end, asked on {2}, value {3} → missing past due: {4}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-10 | 10 | 2026-11-10 | false | false
			2026-10 | 10 | 2026-11-11 | false | true
			2026-10 | 10 | 2026-11-22 | true  | false
			2026-11 | 10 | 2026-11-22 | false | false
			""")
	@DisplayName("a value still missing after its due date is flagged")
	void missingPastDue(String period, int dueDays, LocalDate today, boolean hasValue, boolean expected) {
		Period p = Period.parse(Frequency.MONTHLY, period);
		assertThat(ValueChecks.missingPastDue(p, dueDays, today, hasValue)).isEqualTo(expected);
	}
}
