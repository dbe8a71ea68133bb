package vn.nq57.datacall;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import vn.nq57.system.DomainException;

/** Numbers as Vietnamese users type them: {@code 1.526}, {@code 99,30}; anything else refused with a message. */
final class Numbers {

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(,\\d+)?");
	private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");

	private Numbers() {
	}

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
			String s = text.strip();
			throw new DomainException(field + ": “" + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
					+ "” không phải là số (ví dụ đúng: 1.526 hoặc 99,30)");
		}
		return check(v, field);
	}

	static BigDecimal check(BigDecimal v, String field) {
		if (v == null) {
			return null;
		}
		BigDecimal s = v.stripTrailingZeros();
		if (s.scale() > 4) {
			throw new DomainException(field + ": tối đa 4 chữ số thập phân");
		}
		if (s.precision() - s.scale() > 15) {
			throw new DomainException(field + ": số quá lớn (tối đa 15 chữ số phần nguyên)");
		}
		return s.scale() < 0 ? s.setScale(0) : s;
	}
}
