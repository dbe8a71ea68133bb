package vn.nq57.reporting;

import java.math.BigDecimal;

/**
 * An indicator value an agency reports for a period (see {@link IndicatorValueSource}). A ratio keeps its
 * numerator and denominator so that a total over agencies is recomputed from them, never averaged.
 *
 * @param code the indicator's code
 * @param name its name ("Tỷ lệ dân số được phủ sóng 5G")
 * @param unit "%", "TB", "hệ thống"…
 * @param value the value, {@code null} when not entered yet
 * @param numerator for a ratio, else {@code null}
 * @param denominator for a ratio, else {@code null}
 * @param target the year's target, if any
 */
public record IndicatorValue(String code, String name, String unit, BigDecimal value, BigDecimal numerator,
		BigDecimal denominator, BigDecimal target) {
}
