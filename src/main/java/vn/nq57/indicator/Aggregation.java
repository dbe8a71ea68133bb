package vn.nq57.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import vn.nq57.kernel.VnText;

/**
 * How the values of several agencies make the province's figure. Counts and money add up; a ratio is
 * recomputed from the summed numerators and denominators — industrial zones with 5G 4/5 and 1/2 make
 * 5/7 = 71,43%, never the mean of 80% and 50%. A ratio that cannot be recomputed (a value entered without
 * its numerator and denominator, next to others) gives no figure rather than a wrong one.
 *
 * <p>The rollup kept in the database ({@code indicator_rollup}) is computed by {@link #sql} with the same
 * rules and the same rounding; a test checks that both agree.
 */
enum Aggregation {
	SUM("Cộng dồn (số lượng, kinh phí)"),
	RATIO("Tỷ lệ: tính lại từ tổng tử số và tổng mẫu số"),
	AVERAGE("Bình quân các đơn vị"),
	MIN("Giá trị nhỏ nhất"),
	MAX("Giá trị lớn nhất");

	private static final MathContext MC = MathContext.DECIMAL128;

	private final String label;

	Aggregation(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** One agency's value for a period; numerator and denominator only for ratios entered with them. */
	record Observation(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

		static Observation of(String value) {
			return new Observation(new BigDecimal(value), null, null);
		}

		static Observation ratio(long numerator, long denominator, BigDecimal scale) {
			BigDecimal n = BigDecimal.valueOf(numerator);
			BigDecimal d = BigDecimal.valueOf(denominator);
			return new Observation(n.multiply(scale).divide(d, MC).setScale(Formula.SCALE, RoundingMode.HALF_UP), n, d);
		}
	}

	/** The province's figure: its value (or none), summed numerator and denominator when known, how many agencies. */
	record Aggregate(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int count) {
	}

	/**
	 * Combines the observations; {@code scale} is 100 for a percentage, 1 otherwise. With one observation the
	 * figure is that observation, whatever the rule.
	 */
	Aggregate combine(List<Observation> observations, BigDecimal scale) {
		int n = observations.size();
		if (n == 0) {
			return new Aggregate(null, null, null, 0);
		}
		boolean allParts = observations.stream().allMatch(o -> o.numerator() != null && o.denominator() != null);
		BigDecimal num = allParts ? observations.stream().map(Observation::numerator).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
		BigDecimal den = allParts ? observations.stream().map(Observation::denominator).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
		if (n == 1) {
			return new Aggregate(round(observations.get(0).value()), num, den, 1);
		}
		BigDecimal value = switch (this) {
			case SUM -> observations.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
			case RATIO -> !allParts || den.signum() == 0 ? null : num.multiply(scale).divide(den, MC);
			case AVERAGE -> observations.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(n), MC);
			case MIN -> observations.stream().map(Observation::value).min(BigDecimal::compareTo).orElseThrow();
			case MAX -> observations.stream().map(Observation::value).max(BigDecimal::compareTo).orElseThrow();
		};
		return new Aggregate(round(value), num, den, n);
	}

	/**
	 * The same rule as an SQL expression over approved values ({@code approved_value},
	 * {@code approved_numerator}, {@code approved_denominator}) of one group; {@code :scale} is bound by the
	 * caller.
	 */
	String sql() {
		String value = switch (this) {
			case SUM -> "sum(approved_value)";
			case RATIO -> "CASE WHEN bool_or(approved_numerator IS NULL OR approved_denominator IS NULL) THEN NULL "
					+ "ELSE sum(approved_numerator) * :scale / NULLIF(sum(approved_denominator), 0) END";
			case AVERAGE -> "avg(approved_value)";
			case MIN -> "min(approved_value)";
			case MAX -> "max(approved_value)";
		};
		return "round(CASE WHEN count(*) = 1 THEN max(approved_value) ELSE " + value + " END, " + Formula.SCALE + ")";
	}

	/** Summed numerator (or denominator) when every observation has one, as {@link #combine} does. */
	static String sqlPart(String column) {
		return "CASE WHEN bool_or(approved_numerator IS NULL OR approved_denominator IS NULL) THEN NULL ELSE sum(" + column + ") END";
	}

	private static BigDecimal round(BigDecimal v) {
		return v == null ? null : v.setScale(Formula.SCALE, RoundingMode.HALF_UP);
	}

	/**
	 * Whether an indicator measured in percent may be rolled up this way. A percentage never adds up, across
	 * agencies or periods, and the mean of shares is not the share of the whole: 80% and 50% are neither 130% nor
	 * 65% but the summed parts recomputed ({@link #RATIO}; a province-wide value entered alone stays one value per
	 * period, shown as is). The lowest or highest unit's share is a figure of its own and allowed.
	 */
	boolean fitsPercent() {
		return this != SUM && this != AVERAGE;
	}

	/** The reason a percent indicator cannot use this rule, or {@code null} when it can. */
	String refusalForPercent() {
		return fitsPercent() ? null
				: "Chỉ số đo bằng % không được “" + label + "”: tỷ lệ không cộng dồn, không lấy bình quân giữa các đơn vị hay các kỳ; "
						+ "chọn “" + RATIO.label + "”";
	}

	static Aggregation parse(String text) {
		String k = VnText.fold(text);
		for (Aggregation a : values()) {
			if (k.equals(VnText.fold(a.name())) || k.equals(VnText.fold(a.label))) {
				return a;
			}
		}
		return switch (k) {
			case "cong", "cong don", "tong" -> SUM;
			case "ty le", "ti le" -> RATIO;
			case "binh quan", "trung binh" -> AVERAGE;
			case "nho nhat" -> MIN;
			case "lon nhat" -> MAX;
			default -> null;
		};
	}
}
