package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VnFormatTest {

	private final VnFormat fmt = new VnFormat();

	@Test
	@DisplayName("numbers, rates, money and dates as Vietnamese readers expect them")
	void formats() {
		assertThat(fmt.num(1526)).isEqualTo("1.526");
		assertThat(fmt.pct(new BigDecimal("99.3"))).isEqualTo("99,30%");
		assertThat(fmt.pct(993, 1000)).isEqualTo("99,30%");
		assertThat(fmt.pct(null)).isEqualTo("–");
		assertThat(fmt.pct(0, 0)).isEqualTo("–");
		assertThat(fmt.money(1_250_000_000L)).isEqualTo("1.250.000.000 đ");
		assertThat(fmt.date(LocalDate.of(2026, 11, 22))).isEqualTo("22/11/2026");
		assertThat(fmt.date(LocalDate.of(2026, 3, 5))).isEqualTo("05/03/2026");
		// 17:30 UTC is half past midnight the next day in Quảng Ngãi
		assertThat(fmt.dateTime(Instant.parse("2026-11-22T17:30:00Z"))).isEqualTo("23/11/2026 00:30");
		assertThat(fmt.num(null)).isEmpty();
		assertThat(LocalDate.parse("5/3/2026", VnFormat.TYPED_DATE)).isEqualTo(LocalDate.of(2026, 3, 5));
	}

	@ParameterizedTest(name = "{0} with {1} decimals: {2}; at most 2 decimals: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			1526         | 0 | 1.526         | 1.526
			99.3         | 2 | 99,30         | 99,3
			71.428571    | 2 | 71,43         | 71,43
			1250000000.5 | 0 | 1.250.000.001 | 1.250.000.000,5
			-1234.5      | 1 | -1.234,5      | -1.234,5
			80.00        | 2 | 80,00         | 80
			""")
	void decimals(BigDecimal v, int decimals, String fixed, String compact) {
		assertThat(VnFormat.decimal(v, decimals)).isEqualTo(fixed);
		assertThat(VnFormat.compact(v, 2)).isEqualTo(compact);
	}

	@Test
	void typedDays() {
		assertThat(VnFormat.typedDay("5/3/2026")).isEqualTo(java.time.LocalDate.of(2026, 3, 5));
		assertThat(VnFormat.typedDay(" 05/03/2026 ")).isEqualTo(java.time.LocalDate.of(2026, 3, 5));
		assertThat(VnFormat.typedDay("2026-03-05")).isEqualTo(java.time.LocalDate.of(2026, 3, 5));
		assertThat(VnFormat.typedDay("  ")).isNull();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> VnFormat.typedDay("31/02/2026"))
			.isInstanceOf(java.time.format.DateTimeParseException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> VnFormat.typedDay("2026-13-01"))
			.isInstanceOf(java.time.format.DateTimeParseException.class);
	}
}
