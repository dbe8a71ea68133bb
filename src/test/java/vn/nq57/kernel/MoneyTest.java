package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"1.250.000.000              | 1250000000",
			"1.250.000.000 đồng         | 1250000000",
			"1.250.000.000đ             | 1250000000",
			"1.250.000.000 VNĐ          | 1250000000",
			"1,25 tỷ                    | 1250000000",
			"1,25 tỷ đồng               | 1250000000",
			"1,25 ty                    | 1250000000",
			"850 triệu                  | 850000000",
			"850 Triệu đồng             | 850000000",
			"2 tỷ 300 triệu             | 2300000000",
			"1 tỷ 250 triệu 500 nghìn   | 1250500000",
			"15 ngàn                    | 15000",
			"1250000000                 | 1250000000",
			"0                          | 0",
			"-5 triệu                   | -5000000",
			"12.500                     | 12500",
			"0,5 tỷ                     | 500000000" })
	void readsWhatPeopleType(String typed, long dong) {
		assertThat(Money.parse(typed)).isEqualTo(dong);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "12abc", "1.25 tỷ", "1.2345", "300 triệu 2 tỷ", "100,5", "đồng", "1,2345 nghìn",
			"2 tỷ tỷ", "10000000 tỷ" })
	void refusesAnythingElseInVietnamese(String typed) {
		assertThatThrownBy(() -> Money.parse(typed)).isInstanceOf(Money.Unreadable.class)
			.hasMessageContaining("Số tiền");
	}

	@Test
	void emptyIsNamedAndCellIsNamed() {
		assertThatThrownBy(() -> Money.parse("  ")).hasMessage("Chưa nhập số tiền");
		assertThatThrownBy(() -> Money.parse("x", "ô E5")).hasMessageStartingWith("ô E5: Số tiền “x”");
	}

	@Test
	void numberCellsAreWholeDong() {
		assertThat(Money.ofNumber(1.25e9, "ô E5")).isEqualTo(1_250_000_000L);
		assertThatThrownBy(() -> Money.ofNumber(12.5, "ô E6")).hasMessageStartingWith("ô E6:").hasMessageContaining("12,5");
		assertThatThrownBy(() -> Money.ofNumber(Double.NaN, "ô E7")).hasMessageStartingWith("ô E7:");
	}

	@Test
	void formatsForListsAndForLeaders() {
		assertThat(Money.format(1_250_000_000L)).isEqualTo("1.250.000.000 đ");
		assertThat(Money.format(0)).isEqualTo("0 đ");
		assertThat(Money.short_(1_250_000_000L)).isEqualTo("1,25 tỷ đồng");
		assertThat(Money.short_(1_234_567_890L)).isEqualTo("1,23 tỷ đồng");
		assertThat(Money.short_(2_000_000_000L)).isEqualTo("2 tỷ đồng");
		assertThat(Money.short_(850_000_000L)).isEqualTo("850 triệu đồng");
		assertThat(Money.short_(15_000L)).isEqualTo("15 nghìn đồng");
		assertThat(Money.short_(500L)).isEqualTo("500 đồng");
		assertThat(Money.short_(1_500_000_000_000L)).isEqualTo("1.500 tỷ đồng");
	}
}
