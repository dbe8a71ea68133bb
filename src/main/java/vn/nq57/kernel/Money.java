package vn.nq57.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money in whole đồng, as {@code long} (never floating point): what people type and what Excel cells
 * hold, read into đồng, and the two ways people read an amount — {@code 1.250.000.000 đ} in lists and documents,
 * {@code 1,25 tỷ đồng} in leaders' views.
 *
 * <p>Read: {@code 1.250.000.000}, {@code 1.250.000.000 đồng}, {@code 1.250.000.000đ}, {@code 1,25 tỷ},
 * {@code 850 triệu}, {@code 2 tỷ 300 triệu}, {@code 1 tỷ 250 triệu 500 nghìn}, {@code 1250000000}, {@code 15 nghìn}
 * (also without diacritics: {@code 1,25 ty}, {@code 850 trieu}). A dot groups thousands and a comma is the decimal
 * mark, as Vietnamese writes them; a plain number must be whole đồng. Anything else is {@link Unreadable} with a
 * Vietnamese message; zero and negative amounts are read (a caller decides whether it accepts them).
 */
public final class Money {

	/** The upper bound of an amount: 10^15 đồng (a million tỷ), far beyond any budget, within NUMERIC(18,0). */
	public static final long MAX = 1_000_000_000_000_000L;

	private static final BigDecimal TY = BigDecimal.valueOf(1_000_000_000L);
	private static final BigDecimal TRIEU = BigDecimal.valueOf(1_000_000L);
	private static final BigDecimal NGHIN = BigDecimal.valueOf(1_000L);

	/** One number and its unit: "1,25 tỷ", "300 triệu", "500 nghìn", "12.000". */
	private static final Pattern PART = Pattern.compile("(\\d[\\d.]*(?:,\\d+)?)\\s*(ty|trieu|nghin|ngan)?");

	private Money() {
	}

	/** An amount that could not be read; its message says why, in Vietnamese. */
	public static final class Unreadable extends IllegalArgumentException {
		private static final long serialVersionUID = 1L;

		public Unreadable(String message) {
			super(message);
		}
	}

	/** The amount in đồng of what a person typed or a text cell holds. */
	public static long parse(String typed) {
		if (typed == null || typed.isBlank()) {
			throw new Unreadable("Chưa nhập số tiền");
		}
		String original = typed.strip();
		String s = VnText.fold(original).toLowerCase(Locale.ROOT).replace('\u00a0', ' ').strip();
		boolean negative = s.startsWith("-");
		if (negative) {
			s = s.substring(1).strip();
		}
		// the currency word at the end: "đồng", "đ", "vnd", "vnđ"
		s = s.replaceFirst("\\s*(dong|vnd|d)\\s*$", "").strip();
		if (s.isEmpty()) {
			throw new Unreadable("Số tiền “" + original + "” không có con số");
		}
		Matcher m = PART.matcher(s);
		BigDecimal total = BigDecimal.ZERO;
		int at = 0;
		int parts = 0;
		BigDecimal lastUnit = null;
		while (at < s.length()) {
			while (at < s.length() && s.charAt(at) == ' ') {
				at++;
			}
			if (at >= s.length()) {
				break;
			}
			if (!m.find(at) || m.start() != at) {
				throw new Unreadable("Số tiền “" + original + "” không đọc được: chỉ ghi số và đơn vị (tỷ, triệu, nghìn, đồng), "
						+ "ví dụ 1.250.000.000 hoặc 1,25 tỷ");
			}
			BigDecimal unit = unit(m.group(2));
			if (lastUnit != null && unit.compareTo(lastUnit) >= 0) {
				throw new Unreadable("Số tiền “" + original + "” không đọc được: các đơn vị phải theo thứ tự tỷ, triệu, nghìn");
			}
			total = total.add(number(m.group(1), unit, original).multiply(unit));
			lastUnit = unit;
			parts++;
			at = m.end();
		}
		if (parts == 0) {
			throw new Unreadable("Số tiền “" + original + "” không có con số");
		}
		if (total.stripTrailingZeros().scale() > 0) {
			throw new Unreadable("Số tiền “" + original + "” lẻ dưới 1 đồng; ghi số tiền tròn đồng");
		}
		if (total.compareTo(BigDecimal.valueOf(MAX)) > 0) {
			throw new Unreadable("Số tiền “" + original + "” quá lớn (vượt " + format(MAX) + ")");
		}
		long dong = total.longValueExact();
		return negative ? -dong : dong;
	}

	/**
	 * The amount in đồng of a number cell (Excel keeps numbers as doubles): whole đồng only, within {@link #MAX}.
	 * {@code where} names the cell in the message, e.g. "ô E5".
	 */
	public static long ofNumber(double cell, String where) {
		if (Double.isNaN(cell) || Double.isInfinite(cell)) {
			throw new Unreadable(where + ": số tiền không phải là số");
		}
		BigDecimal v = BigDecimal.valueOf(cell);
		if (v.abs().compareTo(BigDecimal.valueOf(MAX)) > 0) {
			throw new Unreadable(where + ": số tiền quá lớn (vượt " + format(MAX) + ")");
		}
		if (v.stripTrailingZeros().scale() > 0) {
			throw new Unreadable(where + ": số tiền " + VnFormat.compact(v, 4) + " lẻ dưới 1 đồng; ghi số tiền tròn đồng");
		}
		return v.longValueExact();
	}

	/** {@link #parse(String)} with the cell named in the message: "ô E5: Số tiền “abc” không đọc được…". */
	public static long parse(String typed, String where) {
		try {
			return parse(typed);
		}
		catch (Unreadable e) {
			throw new Unreadable(where + ": " + e.getMessage());
		}
	}

	/** {@code 1.250.000.000 đ}. */
	public static String format(long dong) {
		return VnFormat.decimal(BigDecimal.valueOf(dong), 0) + " đ";
	}

	/**
	 * For leaders: {@code 1,25 tỷ đồng}, {@code 850 triệu đồng}, {@code 15 nghìn đồng}, {@code 500 đồng}; at most two
	 * decimals, rounded half up (so {@code 1.234.567.890} reads {@code 1,23 tỷ đồng}).
	 */
	public static String short_(long dong) {
		long abs = Math.abs(dong);
		BigDecimal v = BigDecimal.valueOf(dong);
		if (abs >= TY.longValue()) {
			return VnFormat.compact(v.divide(TY, 2, RoundingMode.HALF_UP), 2) + " tỷ đồng";
		}
		if (abs >= TRIEU.longValue()) {
			return VnFormat.compact(v.divide(TRIEU, 2, RoundingMode.HALF_UP), 2) + " triệu đồng";
		}
		if (abs >= NGHIN.longValue()) {
			return VnFormat.compact(v.divide(NGHIN, 2, RoundingMode.HALF_UP), 2) + " nghìn đồng";
		}
		return dong + " đồng";
	}

	private static BigDecimal unit(String word) {
		if (word == null) {
			return BigDecimal.ONE;
		}
		return switch (word) {
			case "ty" -> TY;
			case "trieu" -> TRIEU;
			default -> NGHIN;
		};
	}

	/**
	 * "1.250.000.000" (dots group thousands), "1,25" (comma is the decimal mark), "1250000000". A dot that does not
	 * group thousands ("1.25 tỷ") is refused rather than guessed.
	 */
	private static BigDecimal number(String text, BigDecimal unit, String original) {
		String intPart = text;
		String frac = "";
		int comma = text.indexOf(',');
		if (comma >= 0) {
			intPart = text.substring(0, comma);
			frac = text.substring(comma + 1);
		}
		if (intPart.contains(".")) {
			if (!intPart.matches("\\d{1,3}(\\.\\d{3})+")) {
				throw new Unreadable("Số tiền “" + original + "” không đọc được: dấu chấm dùng để phân cách hàng nghìn "
						+ "(1.250.000.000), dấu phẩy là dấu thập phân (1,25 tỷ)");
			}
			intPart = intPart.replace(".", "");
		}
		if (!frac.isEmpty() && unit.equals(BigDecimal.ONE)) {
			throw new Unreadable("Số tiền “" + original + "” lẻ dưới 1 đồng; ghi số tiền tròn đồng");
		}
		return new BigDecimal(frac.isEmpty() ? intPart : intPart + "." + frac);
	}
}
