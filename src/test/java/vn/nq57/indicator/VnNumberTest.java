package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.system.DomainException;

class VnNumberTest {

	@ParameterizedTest(name = "“{0}” → {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			1.526         | 1526
			99,30         | 99.3
			99,30%        | 99.3
			1.250.000.000 | 1250000000
			1 526         | 1526
			-2,5          | -2.5
			0             | 0
			170           | 170
			'  '          | -
			""")
	@DisplayName("numbers typed the Vietnamese way")
	void parses(String text, BigDecimal expected) {
		BigDecimal v = VnNumber.parse(text, "Giá trị");
		if (expected == null) {
			assertThat(v).isNull();
		}
		else {
			assertThat(v).isEqualByComparingTo(expected);
		}
	}

	@ParameterizedTest(name = "“{0}” is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			abc         | không phải là số
			12a         | không phải là số
			1.5         | không rõ nghĩa
			1,2,3       | không phải là số
			0,1234567   | tối đa 6 chữ số thập phân
			9999999999999999 | số quá lớn
			""")
	@DisplayName("text in a number field is refused with a message, never read as 0")
	void refuses(String text, String message) {
		assertThatThrownBy(() -> VnNumber.parse(text, "Giá trị")).isInstanceOf(DomainException.class)
			.hasMessageContaining("Giá trị").hasMessageContaining(message);
	}

	@ParameterizedTest(name = "{0} with {1} decimals → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			1526       | 0 | 1.526
			99.3       | 2 | 99,30
			71.428571  | 2 | 71,43
			1250000000 | 0 | 1.250.000.000
			-2.5       | 1 | -2,5
			0.5        | 0 | 1
			""")
	void formats(BigDecimal v, int decimals, String expected) {
		assertThat(VnNumber.format(v, decimals)).isEqualTo(expected);
	}
}
