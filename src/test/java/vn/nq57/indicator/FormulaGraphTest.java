package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.nq57.system.DomainException;

/**
 * The share of digitised records (SO-HOA, %) is computed from digitised records (HS-SO) over all records (HS),
 * both entered quarterly by every department.
 */
class FormulaGraphTest {

	static Indicator entered(String code, Frequency f, boolean active) {
		return new Indicator(0, code, code, null, "hồ sơ", IndicatorKind.ENTERED, Aggregation.SUM, null, null, null, null,
				Direction.HIGHER, f, 1, null, Breakdown.AGENCY, null, null, BigDecimal.valueOf(100), BigDecimal.valueOf(80),
				null, null, 0, 10, true, 0, active, 0, List.of(), List.of());
	}

	static Indicator ratio(String code, String num, String den) {
		return new Indicator(0, code, code, null, "%", IndicatorKind.COMPUTED, null, FormulaKind.RATIO, num, den, null,
				Direction.HIGHER, Frequency.QUARTERLY, 1, null, Breakdown.AGENCY, null, null, BigDecimal.valueOf(100),
				BigDecimal.valueOf(80), null, null, 2, 10, true, 0, true, 0, List.of(), List.of());
	}

	static Map<String, Indicator> set(Indicator... all) {
		Map<String, Indicator> m = new LinkedHashMap<>();
		for (Indicator i : all) {
			m.put(i.code(), i);
		}
		return m;
	}

	@Test
	@DisplayName("a change to digitised records recomputes the share, then what is computed from the share")
	void dependentsInOrder() {
		Map<String, Indicator> all = set(entered("HS-SO", Frequency.QUARTERLY, true), entered("HS", Frequency.QUARTERLY, true),
				ratio("SO-HOA", "HS-SO", "HS"), ratio("SO-HOA-2", "SO-HOA", "HS"));
		assertThat(FormulaGraph.dependents(all.get("HS-SO"), all)).extracting(Indicator::code)
			.containsExactly("SO-HOA", "SO-HOA-2");
		assertThat(FormulaGraph.dependents(all.get("SO-HOA-2"), all)).isEmpty();
		assertThat(FormulaGraph.graph(all.values())).containsEntry("SO-HOA", java.util.Set.of("HS-SO", "HS"))
			.containsEntry("HS", java.util.Set.of());
	}

	@Test
	@DisplayName("a sound formula passes; a missing, stopped or monthly input, or a cycle, is refused with the reason")
	void check() {
		Indicator share = ratio("SO-HOA", "HS-SO", "HS");
		assertThatCode(() -> FormulaGraph.check(set(entered("HS-SO", Frequency.QUARTERLY, true),
				entered("HS", Frequency.QUARTERLY, true), share), List.of(share))).doesNotThrowAnyException();
		assertThatThrownBy(() -> FormulaGraph.check(set(entered("HS", Frequency.QUARTERLY, true), share), List.of(share)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không tồn tại: [HS-SO]");
		assertThatThrownBy(() -> FormulaGraph.check(set(entered("HS-SO", Frequency.QUARTERLY, false),
				entered("HS", Frequency.QUARTERLY, true), share), List.of(share))).hasMessageContaining("đã ngừng theo dõi");
		assertThatThrownBy(() -> FormulaGraph.check(set(entered("HS-SO", Frequency.MONTHLY, true),
				entered("HS", Frequency.QUARTERLY, true), share), List.of(share))).hasMessageContaining("tần suất hằng tháng");
		Indicator a = ratio("A", "B", "HS");
		Indicator b = ratio("B", "A", "HS");
		assertThatThrownBy(() -> FormulaGraph.check(set(entered("HS", Frequency.QUARTERLY, true), a, b), List.of(a, b)))
			.hasMessageContaining("vòng lặp");
	}
}
