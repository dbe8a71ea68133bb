package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.system.DomainException;

class FormulaTest {

	/** A=4, B=5, C=1, D=2, Z=0; anything else has no value. */
	static BigDecimal input(String code) {
		return switch (code) {
			case "A" -> new BigDecimal("4");
			case "B" -> new BigDecimal("5");
			case "C" -> new BigDecimal("1");
			case "D" -> new BigDecimal("2");
			case "Z" -> BigDecimal.ZERO;
			default -> null;
		};
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			[A] / [B] * 100                 | 80.000000
			([A] + [C]) / ([B] + [D]) * 100 | 71.428571
			[A] + [B] * [D]                 | 14.000000
			([A] + [B]) * [D]               | 18.000000
			-[A] + 10                       | 6.000000
			[A] - -[C]                      | 5.000000
			[a] / [b]                       | 0.800000
			[C] / 3                         | 0.333333
			2 / 3                           | 0.666667
			[A] * 0,5                       | 2.000000
			[A] × [D] : [B]                 | 1.600000
			""")
	@DisplayName("formulas evaluate with exact decimals, rounded to 6 places")
	void evaluates(String text, BigDecimal expected) {
		Formula.Result r = Formula.parse(text).evaluate(FormulaTest::input);
		assertThat(r.ok()).isTrue();
		assertThat(r.value()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} gives no value: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			[A] / [Z]           | DIVISION_BY_ZERO
			[A] / ([C] - [C])   | DIVISION_BY_ZERO
			[A] / [MISSING]     | MISSING_INPUT
			[MISSING] * 0       | MISSING_INPUT
			""")
	@DisplayName("a zero divisor or a missing input gives no value, never 0 or infinity")
	void noValue(String text, Formula.Problem problem) {
		Formula.Result r = Formula.parse(text).evaluate(FormulaTest::input);
		assertThat(r.ok()).isFalse();
		assertThat(r.value()).isNull();
		assertThat(r.problem()).isEqualTo(problem);
		assertThat(r.explain()).startsWith("Không tính được");
	}

	@ParameterizedTest(name = "“{0}” is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			[A] / 0            | chia cho 0
			[A] / (2 - 2)      | chia cho 0
			([A] + [B]         | thiếu dấu ngoặc đóng
			[A] + [B])         | thừa dấu ngoặc đóng
			[A] +              | thiếu toán hạng sau “+”
			[A] / [B] * 100 #  | ký tự không hợp lệ “#”
			A / B              | phải đặt trong ngoặc vuông, ví dụ [A]
			[] + 1             | ngoặc vuông trống
			[A + 1             | thiếu dấu “]”
			[A] + 1.2.3        | số “1.2.3” không hợp lệ
			""")
	@DisplayName("a malformed formula is refused with the place and the reason")
	void malformed(String text, String message) {
		assertThatThrownBy(() -> Formula.parse(text)).isInstanceOf(DomainException.class).hasMessageContaining(message);
	}

	@Test
	void emptyFormulaIsRefused() {
		assertThatThrownBy(() -> Formula.parse("  ")).isInstanceOf(DomainException.class).hasMessageContaining("Công thức trống");
	}

	@Test
	@DisplayName("references are the codes used, upper case, in order")
	void references() {
		assertThat(Formula.parse("([x-1] + [Y.2]) / [x-1]").references()).containsExactly("X-1", "Y.2");
		assertThat(Formula.ratio("TU", "MAU", true).text()).isEqualTo("[TU] / [MAU] * 100");
	}

	@Test
	@DisplayName("the SQL form divides by NULLIF(…, 0) and rounds like the Java form")
	void sql() {
		String sql = Formula.parse("([A] + 1) / [B] * 100").toSql(code -> "c_" + code.toLowerCase());
		assertThat(sql).isEqualTo("round(((((c_a + 1::numeric) / NULLIF(c_b, 0)) * 100::numeric))::numeric, 6)");
	}

	@Test
	@DisplayName("a formula that refers to itself, directly or through others, is a cycle")
	void cycles() {
		assertThat(Formula.findCycle(Map.of("A", Set.of("A")))).containsExactly("A", "A");
		Map<String, Set<String>> g = new LinkedHashMap<>();
		g.put("A", Set.of("B"));
		g.put("B", Set.of("C"));
		g.put("C", Set.of("A"));
		assertThat(Formula.describeCycle(Formula.findCycle(g))).isEqualTo("A → B → C → A");
		assertThat(Formula.findCycle(Map.of("A", Set.of("B", "C"), "B", Set.of("C"), "C", Set.of()))).isEmpty();
	}

	@Test
	@DisplayName("inputs are computed before the indicators that use them")
	void order() {
		List<String> order = Formula.evaluationOrder(Map.of("R", Set.of("S", "T"), "S", Set.of("U"), "T", Set.of(), "U", Set.of()));
		assertThat(order.indexOf("U")).isLessThan(order.indexOf("S"));
		assertThat(order.indexOf("S")).isLessThan(order.indexOf("R"));
		assertThat(order.indexOf("T")).isLessThan(order.indexOf("R"));
	}
}
