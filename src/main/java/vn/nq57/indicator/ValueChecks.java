package vn.nq57.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a value goes through before it is stored. Some refuse the value (nothing is stored, the
 * message says why): a missing value, a negative share, a percentage over 100, a value outside the
 * indicator's range, a zero denominator, a numerator above its denominator. One only flags it: a value far
 * outside the agency's own recent series is stored but marked, for the agency head and DoST to look at.
 * A value still missing after its due date is flagged where the period is shown ({@link #missingPastDue}).
 */
final class ValueChecks {

	/** How many earlier values of the same agency make "the series" at most, and how many are needed to judge. */
	static final int MAX_SERIES = 24;
	static final int MIN_SERIES = 3;

	private static final MathContext MC = MathContext.DECIMAL64;
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * When a value is "far outside the series": outside mean ± max({@code sigmas} standard deviations,
	 * {@code minPct}% of the mean) of the agency's last {@code series} values. Set by DoST in the {@code setting}
	 * table ({@link IndicatorSettings}); {@link #DEFAULT} is the migration's default.
	 */
	record JumpRule(BigDecimal sigmas, BigDecimal minPct, int series) {

		static final JumpRule DEFAULT = new JumpRule(BigDecimal.valueOf(3), BigDecimal.valueOf(20), 6);

		String describe() {
			return "ngoài khoảng bình quân ± max(" + VnNumber.compact(sigmas, 2) + " độ lệch chuẩn; "
					+ VnNumber.compact(minPct, 2) + "% bình quân) của " + series + " kỳ gần nhất";
		}
	}

	private ValueChecks() {
	}

	/**
	 * What the indicator allows. {@code ratio}: a share entered as numerator and denominator;
	 * {@code valueAlone}: a ratio may also be given as its value alone (a province-wide figure whose parts are
	 * not known, e.g. 99,30%).
	 */
	record Spec(String unit, boolean ratio, boolean valueAlone, BigDecimal min, BigDecimal max) {

		boolean percent() {
			return "%".equals(unit == null ? null : unit.strip());
		}

		BigDecimal scale() {
			return percent() ? HUNDRED : BigDecimal.ONE;
		}
	}

	record Candidate(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
	}

	/** The value to store (computed from numerator and denominator when given), or the reasons it is refused; and a flag. */
	record Outcome(BigDecimal value, BigDecimal numerator, BigDecimal denominator, List<String> errors, String flag) {

		boolean refused() {
			return !errors.isEmpty();
		}
	}

	/**
	 * @param previous the same agency's approved values of the periods before, most recent first
	 * @param decimals how many decimals the indicator shows (for messages)
	 */
	static Outcome check(Spec spec, Candidate c, List<BigDecimal> previous, int decimals) {
		return check(spec, c, previous, decimals, JumpRule.DEFAULT);
	}

	static Outcome check(Spec spec, Candidate c, List<BigDecimal> previous, int decimals, JumpRule rule) {
		List<String> errors = new ArrayList<>();
		BigDecimal value = c.value();
		BigDecimal num = c.numerator();
		BigDecimal den = c.denominator();
		if (spec.ratio() && (num != null || den != null)) {
			if (num == null || den == null) {
				errors.add("Cần nhập cả tử số và mẫu số");
			}
			else if (den.signum() == 0) {
				errors.add("Mẫu số bằng 0: không chia được; kiểm tra lại số liệu");
			}
			else if (den.signum() < 0 || num.signum() < 0) {
				errors.add("Tử số và mẫu số không được âm");
			}
			else if (num.compareTo(den) > 0) {
				errors.add("Tử số (" + VnNumber.compact(num, 6) + ") lớn hơn mẫu số (" + VnNumber.compact(den, 6)
						+ "): phần không thể lớn hơn tổng");
			}
			else {
				BigDecimal computed = num.multiply(spec.scale()).divide(den, MathContext.DECIMAL128)
					.setScale(Formula.SCALE, RoundingMode.HALF_UP);
				if (value != null && value.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0) {
					errors.add("Giá trị " + VnNumber.compact(value, 6) + " không khớp với tử số/mẫu số "
							+ VnNumber.compact(num, 6) + "/" + VnNumber.compact(den, 6) + " = " + VnNumber.compact(computed, 2));
				}
				value = computed;
			}
		}
		else if (spec.ratio() && !spec.valueAlone()) {
			errors.add("Chỉ số tỷ lệ tổng hợp từ nhiều đơn vị: cần nhập tử số và mẫu số để tính lại tỷ lệ chung");
		}
		else if (!spec.ratio() && (num != null || den != null)) {
			errors.add("Chỉ số này không nhập tử số, mẫu số; chỉ nhập giá trị");
		}
		if (value == null && errors.isEmpty()) {
			errors.add("Chưa nhập giá trị");
		}
		if (!errors.isEmpty()) {
			return new Outcome(null, null, null, List.copyOf(errors), null);
		}
		boolean maxAbove100 = spec.max() != null && spec.max().compareTo(HUNDRED) > 0;
		if (spec.percent() && value.compareTo(HUNDRED) > 0 && !maxAbove100) {
			errors.add("Tỷ lệ " + VnNumber.compact(value, decimals) + "% vượt quá 100%");
		}
		else if (spec.max() != null && value.compareTo(spec.max()) > 0) {
			errors.add("Giá trị " + VnNumber.compact(value, 6) + " vượt mức tối đa " + VnNumber.compact(spec.max(), 6)
					+ " của chỉ số");
		}
		boolean minBelow0 = spec.min() != null && spec.min().signum() < 0;
		if (spec.percent() && value.signum() < 0 && !minBelow0) {
			errors.add("Tỷ lệ không được âm");
		}
		else if (spec.min() != null && value.compareTo(spec.min()) < 0) {
			errors.add("Giá trị " + VnNumber.compact(value, 6) + " thấp hơn mức tối thiểu " + VnNumber.compact(spec.min(), 6)
					+ " của chỉ số");
		}
		if (!errors.isEmpty()) {
			return new Outcome(null, null, null, List.copyOf(errors), null);
		}
		return new Outcome(value, spec.ratio() ? num : null, spec.ratio() ? den : null, List.of(),
				jump(value, previous, decimals, rule));
	}

	static String jump(BigDecimal value, List<BigDecimal> previous, int decimals) {
		return jump(value, previous, decimals, JumpRule.DEFAULT);
	}

	/**
	 * A value is flagged when it lies outside mean ± max(k standard deviations, p% of the mean) of the
	 * agency's last n values (at least {@value #MIN_SERIES} needed); by default k = 3, p = 20, n = 6: three
	 * deviations catch a jump in a noisy series, the fifth of the mean one in a steady series (170, 170, 170 TB)
	 * where any change would be "many deviations".
	 */
	static String jump(BigDecimal value, List<BigDecimal> previous, int decimals, JumpRule rule) {
		List<BigDecimal> series = previous == null ? List.of()
				: previous.stream().filter(java.util.Objects::nonNull).limit(rule.series()).toList();
		if (series.size() < MIN_SERIES) {
			return null;
		}
		BigDecimal n = BigDecimal.valueOf(series.size());
		BigDecimal mean = series.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, MC);
		BigDecimal variance = series.stream().map(x -> x.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(n, MC);
		BigDecimal sd = variance.sqrt(MC);
		BigDecimal tolerance = sd.multiply(rule.sigmas()).max(mean.abs().multiply(rule.minPct()).divide(HUNDRED, MC));
		BigDecimal low = mean.subtract(tolerance);
		BigDecimal high = mean.add(tolerance);
		if (value.compareTo(low) >= 0 && value.compareTo(high) <= 0) {
			return null;
		}
		int d = Math.max(decimals, 0);
		return "Giá trị " + VnNumber.compact(value, Math.max(d, 2)) + " khác xa các kỳ trước: bình quân "
				+ series.size() + " kỳ gần nhất là " + VnNumber.compact(mean, Math.max(d, 2)) + ", khoảng thường gặp "
				+ VnNumber.compact(low, Math.max(d, 2)) + " – " + VnNumber.compact(high, Math.max(d, 2))
				+ ". Đề nghị kiểm tra lại số liệu.";
	}

	/** True when the period's value is still missing after its due date ({@code dueDays} after the period ends). */
	static boolean missingPastDue(Period period, int dueDays, LocalDate today, boolean hasValue) {
		return !hasValue && today.isAfter(period.dueDate(dueDays));
	}
}
