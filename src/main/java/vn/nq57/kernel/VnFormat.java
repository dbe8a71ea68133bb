package vn.nq57.kernel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;


/**
 * How users expect to read numbers and dates: 22/11/2026, 1.526, 99,30%, 1.250.000.000 đ, in
 * Asia/Ho_Chi_Minh. Templates call it as {@code @fmt}.
 */
@Component("fmt")
public class VnFormat {

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
	private static final DecimalFormatSymbols VI = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));

	static {
		VI.setGroupingSeparator('.');
		VI.setDecimalSeparator(',');
	}

	public String date(LocalDate d) {
		return d == null ? "" : d.format(DATE);
	}

	public String dateTime(Instant t) {
		return t == null ? "" : DATE_TIME.format(t);
	}

	public String num(Number n) {
		return n == null ? "" : new DecimalFormat("#,##0", VI).format(n);
	}

	/** 99,30% — a missing rate (nothing to divide by) is shown as a dash, not as 0%. */
	public String pct(BigDecimal p) {
		return p == null ? "–" : new DecimalFormat("#,##0.00", VI).format(p) + "%";
	}

	public String money(Number n) {
		return n == null ? "" : new DecimalFormat("#,##0", VI).format(n) + " đ";
	}
}
