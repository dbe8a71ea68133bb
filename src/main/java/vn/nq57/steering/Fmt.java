package vn.nq57.steering;

import java.math.BigDecimal;
import java.time.LocalDate;

import vn.nq57.kernel.VnFormat;

/** The Vietnamese formats of the module's texts (through {@link VnFormat}). */
final class Fmt {

	private static final VnFormat F = new VnFormat();

	private Fmt() {
	}

	/** {@code 1.526} (without a DecimalFormat made per call: the ranking prints thousands of them). */
	static String num(long n) {
		return VnFormat.decimal(java.math.BigDecimal.valueOf(n), 0);
	}

	static String pct(BigDecimal p) {
		return p == null ? "–" : F.pct(p);
	}

	static String date(LocalDate d) {
		return d == null ? "–" : F.date(d);
	}

	/** "+3", "−2", "0". */
	static String delta(long now, long then) {
		long d = now - then;
		return d > 0 ? "+" + F.num(d) : d < 0 ? "−" + F.num(-d) : "0";
	}

	/** "+2,50 điểm %", in percentage points. */
	static String deltaPct(BigDecimal now, BigDecimal then) {
		if (now == null || then == null) {
			return "–";
		}
		BigDecimal d = now.subtract(then);
		String v = F.pct(d.abs()).replace("%", "");
		return (d.signum() > 0 ? "+" : d.signum() < 0 ? "−" : "") + v + " điểm %";
	}

	static String cut(String s, int max) {
		if (s == null) {
			return "";
		}
		String t = s.strip().replaceAll("\\s+", " ");
		return t.length() <= max ? t : t.substring(0, max - 1) + "…";
	}
}
