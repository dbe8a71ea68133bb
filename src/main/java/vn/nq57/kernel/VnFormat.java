package vn.nq57.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;


/**
 * How users expect to read numbers and dates: 22/11/2026, 1.526, 99,30%, 1.250.000.000 đ, in
 * Asia/Ho_Chi_Minh. Templates call it as {@code @fmt}.
 */
@Component("fmt")
public class VnFormat {

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	/** A date as people type it: 5/3/2026 or 05/03/2026; 31/02/2026 is refused, not moved to 03/03. */
	public static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);
	/**
	 * A day as a form sends it: typed {@code d/M/yyyy} ({@link #TYPED_DATE}) or from a date field {@code yyyy-MM-dd};
	 * {@code null} when blank. A day that cannot be read throws {@link java.time.format.DateTimeParseException}: the
	 * caller names the field in its message.
	 */
	public static java.time.LocalDate typedDay(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		return t.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(t) : java.time.LocalDate.parse(t, TYPED_DATE);
	}

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
	/**
	 * The class of a bar's width, {@code w-0} … {@code w-100} (static/css/app.css): the Content-Security-Policy
	 * allows no inline style, so a percentage becomes one of 101 classes (rounded, held between 0 and 100).
	 */
	public String w(Number percent) {
		long v = percent == null ? 0 : Math.round(percent.doubleValue());
		return "w-" + Math.max(0, Math.min(100, v));
	}

	public String pct(BigDecimal p) {
		return percent(p);
	}

	/** {@link #pct(BigDecimal)} for code without the bean: the document writers, SQL-built grid cells. */
	public static String percent(BigDecimal p) {
		return p == null ? "–" : decimal(Rates.settle(p), 2) + "%";
	}

	/** 99,30% for {@code part} of {@code whole}, recomputed from the counts ({@link Rates#percent(long, long)}). */
	public String pct(long part, long whole) {
		return pct(Rates.percent(part, whole));
	}

	/** A period in the page's language ({@code @fmt.period(p, #locale)}): "Quý III/2026" or "Q3/2026". */
	public String period(Period p, Locale locale) {
		return p == null ? "" : p.label(locale);
	}

	/** Period {@code index} of {@code year} (as {@link Period#of}) in the page's language. */
	public String period(PeriodKind kind, int year, int index, Locale locale) {
		return Period.of(kind, year, index).label(locale);
	}

	/** A period label as stored ({@link Period#label()}) in the page's language; other text as it is. */
	public String periodLabel(String stored, Locale locale) {
		return Period.relabel(stored, locale);
	}

	public String money(Number n) {
		return n == null ? "" : new DecimalFormat("#,##0", VI).format(n) + " đ";
	}

	/** {@code 1.526}, {@code 99,30}: grouped thousands and exactly {@code decimals} decimals; a missing value "–". */
	public static String decimal(BigDecimal v, int decimals) {
		if (v == null) {
			return "–";
		}
		BigDecimal r = v.setScale(decimals, RoundingMode.HALF_UP);
		String plain = r.abs().toPlainString();
		int dot = plain.indexOf('.');
		String intPart = dot >= 0 ? plain.substring(0, dot) : plain;
		String frac = dot >= 0 ? plain.substring(dot + 1) : "";
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < intPart.length(); i++) {
			if (i > 0 && (intPart.length() - i) % 3 == 0) {
				grouped.append('.');
			}
			grouped.append(intPart.charAt(i));
		}
		return (r.signum() < 0 ? "-" : "") + grouped + (frac.isEmpty() ? "" : "," + frac);
	}

	/** As few decimals as needed, at most {@code max}: {@code 80}, {@code 71,43}, {@code 1.526}. */
	public static String compact(BigDecimal v, int max) {
		if (v == null) {
			return "–";
		}
		BigDecimal r = v.setScale(max, RoundingMode.HALF_UP).stripTrailingZeros();
		return decimal(r, Math.max(0, r.scale()));
	}
}
