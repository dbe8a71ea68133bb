package vn.nq57.kernel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in (funding branch) for the lead's kernel.Money until it lands on main; on merge main's version
 * wins. Amounts in whole đồng as long.
 */
public final class Money {

	public static class Unreadable extends RuntimeException {
		public Unreadable(String message) {
			super(message);
		}
	}

	private static final Pattern PART = Pattern.compile("(\\d+(?:[.,]\\d+)*)\\s*(tỷ|ty|triệu|trieu|nghìn|ngàn|nghin|ngan)?");

	private Money() {
	}

	public static long parse(String typed) {
		if (typed == null || typed.isBlank()) {
			throw new Unreadable("Chưa nhập số tiền");
		}
		String s = java.text.Normalizer.normalize(typed.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFC)
			.replaceAll("\\s*(đồng|dong|vnđ|vnd|đ)\\s*$", "").strip();
		if (s.matches("\\d{1,3}(\\.\\d{3})+|\\d+")) {
			return check(typed, new BigDecimal(s.replace(".", "")));
		}
		Matcher m = PART.matcher(s);
		BigDecimal total = BigDecimal.ZERO;
		int end = 0;
		boolean any = false;
		while (m.find()) {
			if (!s.substring(end, m.start()).isBlank()) {
				throw unreadable(typed);
			}
			String unit = m.group(2);
			if (unit == null && any) {
				throw unreadable(typed);
			}
			String num = m.group(1);
			BigDecimal v;
			try {
				v = new BigDecimal(num.replace(".", "").replace(',', '.'));
			}
			catch (NumberFormatException e) {
				throw unreadable(typed);
			}
			long mult = unit == null ? 1 : switch (unit) {
				case "tỷ", "ty" -> 1_000_000_000L;
				case "triệu", "trieu" -> 1_000_000L;
				default -> 1_000L;
			};
			total = total.add(v.multiply(BigDecimal.valueOf(mult)));
			end = m.end();
			any = true;
		}
		if (!any || !s.substring(end).isBlank()) {
			throw unreadable(typed);
		}
		return check(typed, total);
	}

	private static long check(String typed, BigDecimal v) {
		if (v.stripTrailingZeros().scale() > 0) {
			throw new Unreadable("Số tiền “" + typed + "” không phải số đồng nguyên");
		}
		try {
			return v.longValueExact();
		}
		catch (ArithmeticException e) {
			throw unreadable(typed);
		}
	}

	private static Unreadable unreadable(String typed) {
		return new Unreadable("Không đọc được số tiền “" + typed + "”; hãy viết như 1.250.000.000, 1,25 tỷ, 850 triệu");
	}

	public static String format(long dong) {
		return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"))).format(dong) + " đ";
	}

	public static String short_(long dong) {
		DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
		if (Math.abs(dong) >= 1_000_000_000L) {
			return f.format(BigDecimal.valueOf(dong).movePointLeft(9)) + " tỷ đồng";
		}
		if (Math.abs(dong) >= 1_000_000L) {
			return f.format(BigDecimal.valueOf(dong).movePointLeft(6)) + " triệu đồng";
		}
		return f.format(dong) + " đồng";
	}
}
