package vn.nq57.system;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as Vietnamese users type them: a dot groups thousands, a comma starts the decimals ({@code 1.526},
 * {@code 99,30}, a trailing {@code %} allowed). Text that is not such a number is refused with a Vietnamese
 * {@link DomainException} naming the field, never read as 0; an ambiguous {@code 1.5} is refused rather than guessed.
 */
public final class TypedNumbers {

	/** At most this many digits before the decimal comma. */
	public static final int MAX_INTEGER_DIGITS = 15;

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(,\\d+)?");
	private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");

	private TypedNumbers() {
	}

	/** The number in {@code text}, or {@code null} for an empty field, with at most {@code maxDecimals} decimals. */
	public static BigDecimal parse(String text, String field, int maxDecimals) {
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
			String s = text.strip();
			throw new DomainException(field + ": “" + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
					+ "” không phải là số (ví dụ đúng: 1.526 hoặc 99,30)");
		}
		return check(v, field, maxDecimals);
	}

	/** A number that came as a number (JSON, a spreadsheet cell): the same limits as typed ones. */
	public static BigDecimal check(BigDecimal v, String field, int maxDecimals) {
		if (v == null) {
			return null;
		}
		BigDecimal s = v.stripTrailingZeros();
		if (s.scale() > maxDecimals) {
			throw new DomainException(field + ": tối đa " + maxDecimals + " chữ số thập phân");
		}
		if (s.precision() - s.scale() > MAX_INTEGER_DIGITS) {
			throw new DomainException(field + ": số quá lớn (tối đa " + MAX_INTEGER_DIGITS + " chữ số phần nguyên)");
		}
		return s.scale() < 0 ? s.setScale(0) : s;
	}
}
