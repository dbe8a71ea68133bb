package vn.nq57.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period, after DHIS2's period types: a day, a month, a quarter, a half-year or a year, identified by
 * its kind and its first day. The one place for quarter arithmetic, Roman numerals and the Vietnamese names
 * deadlines, reporting periods and indicators are written with.
 *
 * <table>
 * <caption>Names</caption>
 * <tr><th>kind</th><th>{@link #label()} (stored in reports and values: keep it byte for byte)</th>
 * <th>{@link #shortLabel()}</th><th>{@link #code()}</th></tr>
 * <tr><td>DAY</td><td>22/11/2026</td><td>22/11/2026</td><td>2026-11-22</td></tr>
 * <tr><td>MONTH</td><td>Tháng 10/2026</td><td>10/2026</td><td>2026-10</td></tr>
 * <tr><td>QUARTER</td><td>Quý III/2026</td><td>III/2026</td><td>2026-Q3</td></tr>
 * <tr><td>HALF_YEAR</td><td>6 tháng đầu năm 2026</td><td>H1/2026</td><td>2026-H1</td></tr>
 * <tr><td>YEAR</td><td>Năm 2026</td><td>2026</td><td>2026</td></tr>
 * </table>
 *
 * {@link #parse(String)} reads all of these and the ways people type them: any case, with or without accents,
 * Roman or Arabic quarters ("Quý 3/2026", "quí III năm 2026", "Q3/2026"), "6 tháng cuối năm 2026", "nửa đầu năm
 * 2026", "T10/2026", "tháng 10 năm 2026", "ngày 22/11/2026".
 */
public record Period(PeriodKind kind, LocalDate start) implements Comparable<Period> {

	/** Years a period may fall in; anything else is a typo (2062 for 2026 is not caught, 20266 is). */
	public static final int MIN_YEAR = 2000;
	public static final int MAX_YEAR = 2100;

	private static final String[] ROMAN = { "I", "II", "III", "IV" };

	private static final String SEP = "\\s*(?:[/.-]|,?\\s*nam)\\s*";
	private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
	private static final Pattern DAY = Pattern.compile("(?:ngay\\s*)?(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})");
	private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
	private static final Pattern MONTH = Pattern.compile("(?:thang|t)?\\s*(\\d{1,2})" + SEP + "(\\d{4})");
	private static final Pattern MONTH_NO_YEAR = Pattern.compile("thang\\s*(\\d{1,2})");
	private static final Pattern ISO_QUARTER = Pattern.compile("(\\d{4})-q(\\d{1,2})");
	private static final Pattern QUARTER = Pattern.compile("(?:quy|qui|q)\\s*([ivx]+|\\d{1,2})(?:" + SEP + "|\\s*)(\\d{4})?");
	private static final Pattern ISO_HALF = Pattern.compile("(\\d{4})-h(\\d{1,2})");
	private static final Pattern HALF = Pattern
		.compile("(?:(?:0?6|sau)\\s*thang|nua)\\s*(dau|cuoi)(?:\\s*nam)?\\s*[/.-]?\\s*(\\d{4})?");
	private static final Pattern H_HALF = Pattern.compile("h\\s*(\\d{1,2})\\s*[/.-]?\\s*(\\d{4})");
	private static final Pattern YEAR = Pattern.compile("(?:nam\\s*)?(\\d{4})");
	private static final Pattern EDGE_NOISE = Pattern.compile("^[\\s\"'“”‘’(]+|[\\s\"'“”‘’).,;:!?…]+$");

	public Period {
		if (kind == null || start == null) {
			throw new IllegalArgumentException("kind and start are required");
		}
		if (kind != PeriodKind.DAY && (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % kind.months() != 0)) {
			throw new IllegalArgumentException(start + " does not start a " + kind + " period");
		}
	}

	/** Period {@code index} (1-based: month 10, quarter 3, half 2, day of the year) of {@code year}. */
	public static Period of(PeriodKind kind, int year, int index) {
		if (index < 1 || index > kind.periodsIn(year)) {
			throw new IllegalArgumentException("Kỳ " + index + " không có trong năm (" + kind.label() + ")");
		}
		if (kind == PeriodKind.DAY) {
			return new Period(kind, LocalDate.ofYearDay(year, index));
		}
		return new Period(kind, LocalDate.of(year, (index - 1) * kind.months() + 1, 1));
	}

	/** The period of this kind that contains the day. */
	public static Period containing(PeriodKind kind, LocalDate day) {
		if (kind == PeriodKind.DAY) {
			return new Period(kind, day);
		}
		int m = day.getMonthValue() - 1;
		return new Period(kind, LocalDate.of(day.getYear(), m - m % kind.months() + 1, 1));
	}

	/** The last day. */
	public LocalDate end() {
		return kind == PeriodKind.DAY ? start : start.plusMonths(kind.months()).minusDays(1);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(start) && !day.isAfter(end());
	}

	public int year() {
		return start.getYear();
	}

	/** 1-based place in the year: the month, the quarter, the half, 1 for a year, the day of the year. */
	public int index() {
		return kind == PeriodKind.DAY ? start.getDayOfYear() : (start.getMonthValue() - 1) / kind.months() + 1;
	}

	public Period next() {
		return plus(1);
	}

	public Period previous() {
		return plus(-1);
	}

	/** The period {@code n} periods later (earlier when negative). */
	public Period plus(long n) {
		return new Period(kind, kind == PeriodKind.DAY ? start.plusDays(n) : start.plusMonths(n * kind.months()));
	}

	/** "Tháng 10/2026", "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "22/11/2026". */
	public String label() {
		int y = year();
		return switch (kind) {
			case DAY -> start.format(VnFormat.DATE);
			case MONTH -> "Tháng " + index() + "/" + y;
			case QUARTER -> "Quý " + roman(index()) + "/" + y;
			case HALF_YEAR -> (index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
			case YEAR -> "Năm " + y;
		};
	}

	/**
	 * {@link #label()} in the language of a page: the Vietnamese label for Vietnamese (or no locale), and for
	 * English "October 2026", "Q3/2026", "H1 2026", "Year 2026"; a day stays 22/11/2026 in both, as every date.
	 * For display only: what is stored stays {@link #label()}.
	 */
	public String label(java.util.Locale locale) {
		if (locale == null || !"en".equals(locale.getLanguage())) {
			return label();
		}
		int y = year();
		return switch (kind) {
			case DAY -> start.format(VnFormat.DATE);
			case MONTH -> start.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + y;
			case QUARTER -> "Q" + index() + "/" + y;
			case HALF_YEAR -> "H" + index() + " " + y;
			case YEAR -> "Year " + y;
		};
	}

	/**
	 * A label as {@link #label()} stored it (an assignment's or a report's period), in the language of a page; text
	 * that names no period is returned as it is.
	 */
	public static String relabel(String stored, java.util.Locale locale) {
		if (stored == null || stored.isBlank() || locale == null || !"en".equals(locale.getLanguage())) {
			return stored;
		}
		try {
			return parse(stored).label(locale);
		}
		catch (IllegalArgumentException e) {
			return stored;
		}
	}

	/** For chart axes: "10/2026", "III/2026", "H1/2026", "2026", "22/11/2026". */
	public String shortLabel() {
		int y = year();
		return switch (kind) {
			case DAY -> start.format(VnFormat.DATE);
			case MONTH -> String.format("%02d/%d", index(), y);
			case QUARTER -> roman(index()) + "/" + y;
			case HALF_YEAR -> "H" + index() + "/" + y;
			case YEAR -> String.valueOf(y);
		};
	}

	/** Sortable within a kind, stable, safe in a URL: "2026-10", "2026-Q3", "2026-H1", "2026", "2026-11-22". */
	public String code() {
		int y = year();
		return switch (kind) {
			case DAY -> start.toString();
			case MONTH -> String.format("%d-%02d", y, index());
			case QUARTER -> y + "-Q" + index();
			case HALF_YEAR -> y + "-H" + index();
			case YEAR -> String.valueOf(y);
		};
	}

	@Override
	public int compareTo(Period o) {
		int c = start.compareTo(o.start);
		return c != 0 ? c : Integer.compare(kind.ordinal(), o.kind.ordinal());
	}

	@Override
	public String toString() {
		return code();
	}

	/** "I", "II", "III", "IV" for quarters 1 to 4. */
	public static String roman(int quarter) {
		return ROMAN[quarter - 1];
	}

	/** 1 to 4 for "i"…"iv" or "1"…"4" in any case; 0 for anything else. */
	public static int quarterNumber(String text) {
		return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "i", "1" -> 1;
			case "ii", "2" -> 2;
			case "iii", "3" -> 3;
			case "iv", "4" -> 4;
			default -> 0;
		};
	}

	/** The period a code of {@link #code()} names, strictly (as in URLs and stored keys); null if it names none. */
	public static Period ofCode(PeriodKind kind, String code) {
		if (code == null) {
			return null;
		}
		try {
			Period p = parse(code);
			return p.kind == kind && p.code().equals(code.strip()) ? p : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * The period the text names.
	 *
	 * @throws Unreadable when the text names no period
	 * @throws IllegalArgumentException when it names one that does not exist ("Quý V/2026", "13/2026", a year
	 * outside {@value #MIN_YEAR}–{@value #MAX_YEAR}), with the reason in Vietnamese
	 */
	public static Period parse(String text) {
		return parse(text, 0);
	}

	/**
	 * {@link #parse(String)}, where a period written without its year ("6 tháng đầu năm", "Quý III", "tháng 10")
	 * falls in {@code yearIfMissing}; 0 to require the year.
	 */
	public static Period parse(String text, int yearIfMissing) {
		String shown = text == null ? "" : text.strip();
		String t = EDGE_NOISE.matcher(VnText.fold(shown)).replaceAll("");
		Matcher m;
		if ((m = ISO_DAY.matcher(t)).matches()) {
			return day(shown, num(m.group(1)), num(m.group(2)), num(m.group(3)));
		}
		if ((m = DAY.matcher(t)).matches()) {
			return day(shown, num(m.group(4)), num(m.group(3)), num(m.group(1)));
		}
		if ((m = ISO_MONTH.matcher(t)).matches()) {
			return month(shown, num(m.group(1)), num(m.group(2)));
		}
		if ((m = MONTH.matcher(t)).matches()) {
			return month(shown, num(m.group(2)), num(m.group(1)));
		}
		if (yearIfMissing != 0 && (m = MONTH_NO_YEAR.matcher(t)).matches()) {
			return month(shown, yearIfMissing, num(m.group(1)));
		}
		if ((m = ISO_QUARTER.matcher(t)).matches()) {
			return quarter(shown, num(m.group(1)), m.group(2));
		}
		if ((m = QUARTER.matcher(t)).matches() && (m.group(2) != null || yearIfMissing != 0)) {
			return quarter(shown, m.group(2) != null ? num(m.group(2)) : yearIfMissing, m.group(1));
		}
		if ((m = ISO_HALF.matcher(t)).matches() || (m = H_HALF.matcher(t)).matches()) {
			int year = num(m.group(m.pattern() == ISO_HALF ? 1 : 2));
			return half(shown, year, num(m.group(m.pattern() == ISO_HALF ? 2 : 1)));
		}
		if ((m = HALF.matcher(t)).matches() && (m.group(2) != null || yearIfMissing != 0)) {
			return half(shown, m.group(2) != null ? num(m.group(2)) : yearIfMissing, "dau".equals(m.group(1)) ? 1 : 2);
		}
		if ((m = YEAR.matcher(t)).matches()) {
			return new Period(PeriodKind.YEAR, LocalDate.of(year(shown, num(m.group(1))), 1, 1));
		}
		throw new Unreadable("Không hiểu kỳ “" + shown
				+ "” (ví dụ đúng: Tháng 10/2026, Quý III/2026, 6 tháng đầu năm 2026, Năm 2026)");
	}

	/** The text names no period at all (as against one that cannot exist). */
	public static final class Unreadable extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		Unreadable(String message) {
			super(message);
		}
	}

	private static Period day(String shown, int year, int month, int day) {
		year(shown, year);
		try {
			return new Period(PeriodKind.DAY, LocalDate.of(year, month, day));
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("Kỳ “" + shown + "” không tồn tại: không có ngày "
					+ String.format("%02d/%02d/%d", day, month, year));
		}
	}

	private static Period month(String shown, int year, int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("Kỳ “" + shown + "” không tồn tại: tháng phải từ 1 đến 12");
		}
		return of(PeriodKind.MONTH, year(shown, year), month);
	}

	private static Period quarter(String shown, int year, String quarter) {
		int q = quarterNumber(quarter);
		if (q == 0) {
			throw new IllegalArgumentException("Kỳ “" + shown + "” không tồn tại: một năm chỉ có Quý I đến Quý IV");
		}
		return of(PeriodKind.QUARTER, year(shown, year), q);
	}

	private static Period half(String shown, int year, int half) {
		if (half < 1 || half > 2) {
			throw new IllegalArgumentException(
					"Kỳ “" + shown + "” không tồn tại: chỉ có 6 tháng đầu năm và 6 tháng cuối năm");
		}
		return of(PeriodKind.HALF_YEAR, year(shown, year), half);
	}

	private static int year(String shown, int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new IllegalArgumentException(
					"Kỳ “" + shown + "” không tồn tại: năm phải từ " + MIN_YEAR + " đến " + MAX_YEAR);
		}
		return year;
	}

	private static int num(String digits) {
		return Integer.parseInt(digits);
	}
}
