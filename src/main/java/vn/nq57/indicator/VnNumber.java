package vn.nq57.indicator;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import vn.nq57.kernel.VnFormat;
import vn.nq57.system.DomainException;

/**
 * Numbers as Vietnamese users type and read them: a dot groups thousands, a comma starts the decimals
 * ({@code 1.526}, {@code 99,30}). Text that is not such a number is refused with a message, never read as 0.
 */
final class VnNumber {

	/** At most this many digits before the decimal comma, and {@value Formula#SCALE} after it. */
	static final int MAX_INTEGER_DIGITS = 15;

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(,\\d+)?");
	private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");

	private VnNumber() {
	}

	/** The number in {@code text}, or {@code null} for an empty field; {@code field} names it in messages. */
	static BigDecimal parse(String text, String field) {
		if (text == null) {
			return null;
		}
		String t = text.replaceAll("[\\s\\u00a0\\u202f]", "");
		if (t.endsWith("%")) {
			t = t.substring(0, t.length() - 1);
		}
		if (t.isEmpty()) {
			return null;
		}
		BigDecimal v;
		if (GROUPED.matcher(t).matches() || PLAIN.matcher(t).matches()) {
			v = new BigDecimal(t.replace(".", "").replace(',', '.'));
		}
		else if (DOT_DECIMAL.matcher(t).matches()) {
			throw new DomainException(field + ": số “" + text.strip() + "” không rõ nghĩa — dùng dấu phẩy cho phần thập phân "
					+ "(ví dụ 99,30) và dấu chấm để ngăn cách hàng nghìn (ví dụ 1.526)");
		}
		else {
			throw new DomainException(field + ": “" + abbreviate(text.strip()) + "” không phải là số (ví dụ đúng: 1.526 hoặc 99,30)");
		}
		return check(v, field);
	}

	/** A number that came as a number (JSON, a spreadsheet cell): the same limits as typed ones. */
	static BigDecimal check(BigDecimal v, String field) {
		if (v == null) {
			return null;
		}
		BigDecimal s = v.stripTrailingZeros();
		if (s.scale() > Formula.SCALE) {
			throw new DomainException(field + ": tối đa " + Formula.SCALE + " chữ số thập phân");
		}
		if (s.precision() - s.scale() > MAX_INTEGER_DIGITS) {
			throw new DomainException(field + ": số quá lớn (tối đa " + MAX_INTEGER_DIGITS + " chữ số phần nguyên)");
		}
		return s.scale() < 0 ? s.setScale(0) : s;
	}

	/** {@code 1.526}, {@code 99,30}: grouped thousands and exactly {@code decimals} decimals. */
	static String format(BigDecimal v, int decimals) {
		return VnFormat.decimal(v, decimals);
	}

	/** As few decimals as needed, at most {@code max}: {@code 80}, {@code 71,43}, {@code 1.526}. */
	static String compact(BigDecimal v, int max) {
		return VnFormat.compact(v, max);
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
