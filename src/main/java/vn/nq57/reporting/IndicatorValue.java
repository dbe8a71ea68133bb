package vn.nq57.reporting;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An indicator value an agency reports for a period (see {@link IndicatorValueSource}), as it stood when the
 * report was drafted or refreshed. A ratio keeps its numerator and denominator so that a total over agencies is
 * recomputed from them, never averaged.
 *
 * @param code the indicator's code
 * @param name its name ("Tỷ lệ dân số được phủ sóng 5G")
 * @param unit "%", "TB", "hệ thống"…
 * @param periodLabel the indicator's period ("Tháng 10/2026", "Quý III/2026")
 * @param dueDate when the value is due
 * @param value the value, {@code null} when not entered yet
 * @param numerator for a ratio, else {@code null}
 * @param denominator for a ratio, else {@code null}
 * @param targetYear the year of the target, if any
 * @param target the year's target, if any
 * @param state {@code MISSING}, {@code DRAFT} (waiting for the agency head), {@code APPROVED} or {@code RETURNED}
 */
public record IndicatorValue(String code, String name, String unit, String periodLabel, LocalDate dueDate,
		BigDecimal value, BigDecimal numerator, BigDecimal denominator, Integer targetYear, BigDecimal target,
		String state) {

	private static final DecimalFormatSymbols VI = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));

	static {
		VI.setGroupingSeparator('.');
		VI.setDecimalSeparator(',');
	}

	/** No value entered: the report shows it as missing. */
	public boolean missing() {
		return value == null;
	}

	/** Entered and approved by the agency head. */
	public boolean approved() {
		return "APPROVED".equals(state);
	}

	/** "75 %" or "3/4 = 75 %"; empty when missing. */
	public String valueText() {
		if (value == null) {
			return "";
		}
		String v = number(value) + unitSuffix();
		return numerator != null && denominator != null ? number(numerator) + "/" + number(denominator) + " = " + v : v;
	}

	/** "80%", "3.700 trạm": the target and its unit; empty without a target. */
	public String targetValueText() {
		return target == null ? "" : number(target) + unitSuffix();
	}

	/** "80 % (năm 2026)"; empty without a target. */
	public String targetText() {
		return target == null ? "" : number(target) + unitSuffix() + (targetYear == null ? "" : " (năm " + targetYear + ")");
	}

	/** What became of the value: "chưa có số liệu", "chờ thủ trưởng duyệt", "đã duyệt", "bị trả lại". */
	public String stateLabel() {
		if (state == null) {
			return value == null ? "chưa có số liệu" : "";
		}
		return switch (state) {
			case "APPROVED" -> "đã duyệt";
			case "DRAFT" -> "chờ thủ trưởng duyệt";
			case "RETURNED" -> "bị Sở KH&CN trả lại";
			default -> "chưa có số liệu";
		};
	}

	/** {@link #stateLabel()} as a bundle key ({@code reportIndState.*}), for a page; null where the label is empty. */
	public String stateKey() {
		if (state == null) {
			return value == null ? "reportIndState.NONE" : null;
		}
		return switch (state) {
			case "APPROVED", "DRAFT", "RETURNED" -> "reportIndState." + state;
			default -> "reportIndState.NONE";
		};
	}

	private String unitSuffix() {
		return unit == null || unit.isBlank() ? "" : "%".equals(unit) ? "%" : " " + unit;
	}

	/** 1.234,5 — the Vietnamese way, without trailing zeros. */
	static String number(BigDecimal v) {
		return v == null ? "" : new DecimalFormat("#,##0.##########", VI).format(v);
	}
}
