package vn.nq57.deadline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.nq57.kernel.Period;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.kernel.VnText;

/**
 * Reads the "thời gian hoàn thành" column of a plan appendix or conclusion notice into a {@link DeadlineSpec}.
 * All the rules live in this one file so they can be checked against the documents line by line.
 *
 * <table>
 * <caption>Phrases understood (any case, extra or non-breaking spaces, NFC or NFD, trailing punctuation)</caption>
 * <tr><th>Phrase</th><th>Result</th></tr>
 * <tr><td>{@code 10/4/2026}, {@code 10-4-2026}, {@code 10.4.2026}, {@code ngày 10/4/2026},
 * {@code (hoàn thành) trong ngày 10/4/2026}, {@code ngày 10 tháng 4 năm 2026}</td>
 * <td>DATE that day, precision DAY</td></tr>
 * <tr><td>{@code trước (ngày) 01/6/2026}; likewise {@code trước tháng 6/2026}, {@code trước quý III/2026},
 * {@code trước năm 2027}</td>
 * <td>DATE the day before the period named (31/5/2026, 31/5/2026, 30/6/2026, 31/12/2026)</td></tr>
 * <tr><td>{@code 6/2026}, {@code Tháng 9/2026}, {@code tháng 09 năm 2026}, {@code Trong tháng 9/2026},
 * {@code tháng 6-9/2026}</td>
 * <td>DATE last day of the (last) month, precision MONTH</td></tr>
 * <tr><td>{@code Quý III/2026}, {@code Quý 3/2026}, {@code quý III năm 2026}, {@code Quý III và IV/2026}
 * (also the old spelling "Quí")</td>
 * <td>DATE last day of the (last) quarter, precision QUARTER</td></tr>
 * <tr><td>{@code 6 tháng đầu năm 2026}, {@code 6 tháng cuối năm 2026}, {@code nửa đầu năm 2026}</td>
 * <td>DATE 30/6 or 31/12, precision HALF_YEAR</td></tr>
 * <tr><td>{@code Năm 2026}, {@code Trong năm 2026}, {@code cuối năm 2026}, {@code 2026},
 * {@code 2026 - 2030}</td>
 * <td>DATE 31/12 of the (last) year, precision YEAR</td></tr>
 * <tr><td>{@code Thường xuyên}, {@code Thường xuyên, liên tục}, {@code Liên tục}, {@code Thực hiện thường
 * xuyên}</td>
 * <td>ONGOING</td></tr>
 * <tr><td>{@code Hằng năm}, {@code Hàng năm}, {@code Mỗi năm}, {@code 01 lần/năm}</td><td>RECURRING YEARLY</td></tr>
 * <tr><td>{@code Định kỳ 6 tháng}, {@code Hằng 6 tháng}, {@code 6 tháng/lần}, {@code 6 tháng một lần}</td>
 * <td>RECURRING HALF_YEARLY</td></tr>
 * <tr><td>{@code Hằng quý}, {@code Định kỳ hằng quý}, {@code 1 lần/quý}</td><td>RECURRING QUARTERLY</td></tr>
 * <tr><td>{@code Hằng tháng}, {@code Hàng tháng}</td><td>RECURRING MONTHLY</td></tr>
 * <tr><td>any recurring phrase above followed by {@code hoặc đột xuất} / {@code và khi có yêu cầu}</td>
 * <td>the same RECURRING</td></tr>
 * <tr><td>anything starting with {@code Sau khi}, {@code Ngay sau khi}, {@code Khi có}, {@code Theo lộ trình},
 * {@code Theo hướng dẫn}, {@code Theo yêu cầu}, {@code Theo chỉ đạo}, {@code Theo tiến độ}</td>
 * <td>CONDITIONAL</td></tr>
 * <tr><td>nothing, blanks, {@code -}</td><td>NONE</td></tr>
 * <tr><td>anything else, impossible dates ({@code 31/02/2026}, {@code Quý V/2026}, {@code 13/2026}), years
 * outside 2000–2100, two-digit years, dates without a year, recurring phrases with extra details</td>
 * <td>UNPARSED, with the reason in Vietnamese</td></tr>
 * </table>
 *
 * <p>
 * The checks run in that order of precedence: ongoing, conditional and recurring phrases are recognised by their
 * opening words before any date is looked for, so "Sau khi ... trước 30/6/2026" stays conditional. When a phrase
 * names several dates, the last one counts (it is normally the final deadline of a range or a staged task).
 */
public final class DeadlineParser {

	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	// Word processors and PDF exports leave these behind; they are invisible to the person who typed the phrase.
	private static final String INVISIBLE_CHARS = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";

	private static final Pattern INVISIBLE = Pattern.compile("[" + INVISIBLE_CHARS + "]");

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");

	// "Quí" is the pre-1980s spelling, still used by some agencies.
	private static final Pattern OLD_QUARTER_SPELLING = Pattern.compile("(?<!\\p{L})quí(?!\\p{L})");

	private static final Pattern EDGE_NOISE = Pattern
		.compile("^[\\s\"'“”‘’«»*•+]+|[\\s\"'“”‘’«»*.,;:!?…]+$");

	private static final Pattern NOTHING = Pattern.compile("[-\\s]*");

	private static final Pattern BULLET = Pattern.compile("^-+\\s+");

	private static final Pattern ONGOING = Pattern.compile("^(?:thực hiện\\s*)?(?:thường xuyên|liên tục)(?!\\p{L})");

	private static final Pattern CONDITIONAL = Pattern.compile(
			"^(?:(?:ngay\\s*)?sau khi|khi có|theo\\s*(?:lộ trình|hướng dẫn|yêu cầu|chỉ đạo|tiến độ))(?!\\p{L})");

	private static final String EVERY = "(?:hằng|hàng|mỗi)\\s*";

	private static final String ONCE_PER = "(?:01|1|một)\\s*lần\\s*(?:/|mỗi|một|trong)\\s*";

	private static final String SIX_MONTHS = "(?:(?:0?6|sáu)\\s*tháng|nửa\\s*năm)";

	// A bare "6 tháng" is a duration ("within 6 months"), so half-yearly needs "định kỳ", "hằng" or "lần".
	private static final Map<Recurrence, Pattern> RECURRING = Map.of(
			Recurrence.YEARLY, periodic(EVERY + "năm|" + ONCE_PER + "năm"),
			Recurrence.HALF_YEARLY, periodic(EVERY + SIX_MONTHS + "|" + ONCE_PER + SIX_MONTHS + "|định kỳ\\s*"
					+ SIX_MONTHS + "|" + SIX_MONTHS + "\\s*(?:/|một|1|01)\\s*lần"),
			Recurrence.QUARTERLY, periodic(EVERY + "quý|" + ONCE_PER + "quý"),
			Recurrence.MONTHLY, periodic(EVERY + "tháng|" + ONCE_PER + "tháng"));

	// Recurring wording mixed with anything else ("Trước ngày 15/12 hằng năm") names a day inside each period,
	// which a RECURRING spec cannot hold; reading it as a fixed date or as period-end would both be wrong.
	private static final Pattern RECURRING_HINT = Pattern.compile("(?<!\\p{L})(?:" + EVERY + "(?:năm|quý|tháng|"
			+ SIX_MONTHS + ")|định kỳ|lần\\s*/\\s*(?:năm|quý|tháng))(?!\\p{L})");

	/**
	 * Every way a calendar period is written. Leftmost match wins, so a longer form ("Tháng 9/2026") is taken before
	 * the shorter form hidden inside it ("9/2026", "2026").
	 */
	private static final Pattern PERIOD = Pattern.compile("""
			# 10/4/2026, 10-4-2026, 10.4.2026, 10/4 năm 2026; the separator must repeat, so "6-9/2026" is not a day
			(?<!\\d) (?<day>\\d{1,2}) \\s* (?<sep>[/.-]) \\s* (?<dayMonth>\\d{1,2}) \\s* (?: \\k<sep> | ,?\\s*năm )
			    \\s* (?<dayYear>\\d{4}) (?![\\d/])
			# ngày 10 tháng 4 năm 2026
			| (?<!\\d) (?<wordDay>\\d{1,2}) \\s* tháng \\s* (?<wordMonth>\\d{1,2}) \\s* (?: ,?\\s*năm | / )
			    \\s* (?<wordYear>\\d{4}) (?!\\d)
			# 6 tháng đầu năm 2026, nửa cuối năm 2026
			| (?: (?<![\\d\\p{L}]) (?:0?6|sáu) \\s* tháng | (?<!\\p{L}) nửa ) \\s* (?<half>đầu|cuối) \\s* (?:năm)?
			    \\s* [/-]? \\s* (?<halfYear>\\d{4}) (?!\\d)
			# Quý III/2026, quý 3 năm 2026, Quý III và IV/2026 (the last quarter named counts)
			| (?<!\\p{L}) quý \\s* (?<quarter>[ivx]+|\\d{1,2})
			    (?: \\s* (?:,|và|-|đến) \\s* (?:quý\\s*)? (?<lastQuarter>[ivx]+|\\d{1,2}) )*
			    \\s* (?: [/-] | ,?\\s*năm ) \\s* (?<quarterYear>\\d{4}) (?![\\d/])
			# Tháng 9/2026, tháng 09 năm 2026, tháng 6-9/2026 (the last month named counts)
			| (?<!\\p{L}) tháng \\s* (?: \\d{1,2} \\s* (?:,|và|-|đến) \\s* (?:tháng\\s*)? )*
			    (?<month>\\d{1,2}) \\s* (?: [/.-] | ,?\\s*năm ) \\s* (?<monthYear>\\d{4}) (?![\\d/])
			# 6/2026 alone; not the "12/2026" inside a document number such as 12/2026/NQ-HĐND
			| (?<![\\d/.]) (?<bareMonth>\\d{1,2}) \\s* [/-] \\s* (?<bareMonthYear>\\d{4}) (?![\\d/])
			# Năm 2026, cuối năm 2026
			| (?<!\\p{L}) năm \\s* (?<year>\\d{4}) (?![\\d/])
			# 2026 alone, or both ends of "2026 - 2030"; not 2026/QĐ-UBND
			| (?<![\\p{L}\\d/.]) (?<bareYear>\\d{4}) (?![\\d/.])
			""", Pattern.COMMENTS);

	private static final Pattern BEFORE = Pattern.compile("(?<!\\p{L})trước\\s*(?:ngày\\s*)?$");

	private static final Pattern SHORT_YEAR = Pattern.compile("(?:(?<!\\d)\\d{1,2}\\s*[/.-]\\s*\\d{1,2}"
			+ "|quý\\s*(?:[ivx]+|\\d)|tháng\\s*\\d{1,2})\\s*(?:[/.-]|năm)\\s*\\d{2,3}(?![\\d/])");

	private static final Pattern LONE_NUMBER = Pattern.compile("\\d{4}");

	private static final Pattern MISSING_YEAR = Pattern.compile("(?<!\\d)\\d{1,2}\\s*[/.-]\\s*\\d{1,2}(?![\\d/.-])"
			+ "|(?<!\\p{L})(?:quý|tháng)\\s*(?:[ivx]+|\\d{1,2})(?![\\p{L}\\d])"
			+ "|(?:0?6|sáu)\\s*tháng\\s*(?:đầu|cuối)(?:\\s*năm)?$");

	private DeadlineParser() {
	}

	public static DeadlineSpec parse(String phrase) {
		String original = (phrase != null) ? trim(VnText.nfc(phrase)) : "";
		String key = keyOf(original);
		if (NOTHING.matcher(key).matches()) {
			return DeadlineSpec.none(original);
		}
		key = BULLET.matcher(key).replaceFirst("");
		if (ONGOING.matcher(key).find()) {
			return DeadlineSpec.ongoing(original);
		}
		if (CONDITIONAL.matcher(key).find()) {
			return DeadlineSpec.conditional(original);
		}
		for (Recurrence recurrence : Recurrence.values()) {
			if (RECURRING.get(recurrence).matcher(key).matches()) {
				return DeadlineSpec.recurring(original, recurrence);
			}
		}
		if (RECURRING_HINT.matcher(key).find()) {
			return DeadlineSpec.unparsed(original, "Không hiểu thời hạn định kỳ “" + original
					+ "”: chỉ đọc được “Hằng tháng”, “Hằng quý”, “Định kỳ 6 tháng”, “Hằng năm”");
		}
		return parseDate(original, key);
	}

	private static DeadlineSpec parseDate(String original, String key) {
		List<Found> found = new ArrayList<>();
		Matcher matcher = PERIOD.matcher(key);
		while (matcher.find()) {
			Found period = periodOf(matcher);
			if (period != null) {
				found.add(period);
			}
		}
		if (found.isEmpty()) {
			return DeadlineSpec.unparsed(original, whyUnreadable(original, key));
		}
		// One impossible date makes the whole phrase suspect, even if a later date is fine: ask a person.
		for (Found period : found) {
			if (period.problem() != null) {
				return DeadlineSpec.unparsed(original, period.problem());
			}
		}
		Found last = found.get(found.size() - 1);
		// "Trước 01/6/2026" means it must be done by 31/5/2026: the named day itself is already late.
		boolean before = BEFORE.matcher(key.substring(0, last.start())).find();
		LocalDate due = before ? last.first().minusDays(1) : last.last();
		return DeadlineSpec.date(original, due, last.precision());
	}

	/** The period a match names, or {@code null} when it is a number that merely looks like a year. */
	private static Found periodOf(Matcher m) {
		int at = m.start();
		if (m.group("day") != null) {
			return day(at, m.group("day"), m.group("dayMonth"), m.group("dayYear"));
		}
		if (m.group("wordDay") != null) {
			return day(at, m.group("wordDay"), m.group("wordMonth"), m.group("wordYear"));
		}
		if (m.group("half") != null) {
			return half(at, m.group("half").equals("đầu"), m.group("halfYear"));
		}
		if (m.group("quarter") != null) {
			String quarter = (m.group("lastQuarter") != null) ? m.group("lastQuarter") : m.group("quarter");
			return quarter(at, quarter, m.group("quarterYear"));
		}
		if (m.group("month") != null) {
			return month(at, m.group("month"), m.group("monthYear"));
		}
		if (m.group("bareMonth") != null) {
			return month(at, m.group("bareMonth"), m.group("bareMonthYear"));
		}
		if (m.group("year") != null) {
			return year(at, m.group("year"));
		}
		// A lone four-digit number outside the plan years is more likely a document number than a typo.
		int bareYear = Integer.parseInt(m.group("bareYear"));
		return isPlausibleYear(bareYear) ? year(at, m.group("bareYear")) : null;
	}

	private static Found day(int at, String day, String month, String year) {
		int y = Integer.parseInt(year);
		if (!isPlausibleYear(y)) {
			return Found.broken(at, yearProblem(y));
		}
		int d = Integer.parseInt(day);
		int mo = Integer.parseInt(month);
		try {
			LocalDate date = LocalDate.of(y, mo, d);
			return new Found(at, date, date, DeadlinePrecision.DAY, null);
		}
		catch (DateTimeException ex) {
			return Found.broken(at, "Ngày %02d/%02d/%d không tồn tại".formatted(d, mo, y));
		}
	}

	private static Found month(int at, String month, String year) {
		int y = Integer.parseInt(year);
		int mo = Integer.parseInt(month);
		if (!isPlausibleYear(y)) {
			return Found.broken(at, yearProblem(y));
		}
		if (mo < 1 || mo > 12) {
			return Found.broken(at, "Tháng %d/%d không tồn tại (chỉ có tháng 1 đến 12)".formatted(mo, y));
		}
		return Found.of(at, Period.of(PeriodKind.MONTH, y, mo), DeadlinePrecision.MONTH);
	}

	private static Found quarter(int at, String quarter, String year) {
		int y = Integer.parseInt(year);
		if (!isPlausibleYear(y)) {
			return Found.broken(at, yearProblem(y));
		}
		int q = Period.quarterNumber(quarter);
		if (q == 0) {
			return Found.broken(at, "Quý %s/%d không tồn tại (chỉ có quý I đến IV)"
				.formatted(quarter.toUpperCase(Locale.ROOT), y));
		}
		return Found.of(at, Period.of(PeriodKind.QUARTER, y, q), DeadlinePrecision.QUARTER);
	}

	private static Found half(int at, boolean firstHalf, String year) {
		int y = Integer.parseInt(year);
		if (!isPlausibleYear(y)) {
			return Found.broken(at, yearProblem(y));
		}
		return Found.of(at, Period.of(PeriodKind.HALF_YEAR, y, firstHalf ? 1 : 2), DeadlinePrecision.HALF_YEAR);
	}

	private static Found year(int at, String year) {
		int y = Integer.parseInt(year);
		if (!isPlausibleYear(y)) {
			return Found.broken(at, yearProblem(y));
		}
		return Found.of(at, Period.of(PeriodKind.YEAR, y, 1), DeadlinePrecision.YEAR);
	}

	private static String whyUnreadable(String original, String key) {
		if (SHORT_YEAR.matcher(key).find()) {
			return "Năm trong thời hạn “" + original + "” phải ghi đủ 4 chữ số";
		}
		if (LONE_NUMBER.matcher(key).matches()) {
			return yearProblem(Integer.parseInt(key));
		}
		if (MISSING_YEAR.matcher(key).find()) {
			return "Thời hạn “" + original + "” không ghi năm";
		}
		return "Không hiểu thời hạn “" + original + "”";
	}

	private static boolean isPlausibleYear(int year) {
		return year >= MIN_YEAR && year <= MAX_YEAR;
	}

	private static String yearProblem(int year) {
		return "Năm %d nằm ngoài khoảng %d–%d".formatted(year, MIN_YEAR, MAX_YEAR);
	}

	private static Pattern periodic(String alternatives) {
		return Pattern.compile("(?:định kỳ\\s*,?\\s*)?(?:" + alternatives + ")"
				+ "(?:\\s*,?\\s*(?:hoặc|và)\\s*(?:đột xuất|khi có yêu cầu))?");
	}

	/** The comparable form: one space, one kind of dash, lower case, no decoration around it. */
	private static String keyOf(String phrase) {
		String key = INVISIBLE.matcher(phrase).replaceAll("");
		key = SPACES.matcher(key).replaceAll(" ");
		key = DASHES.matcher(key).replaceAll("-");
		key = VnText.tones(key.toLowerCase(Locale.ROOT));
		key = OLD_QUARTER_SPELLING.matcher(key).replaceAll("quý");
		return EDGE_NOISE.matcher(key).replaceAll("");
	}

	private static String trim(String text) {
		int begin = 0;
		int end = text.length();
		while (begin < end && isBlank(text.charAt(begin))) {
			begin++;
		}
		while (end > begin && isBlank(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(begin, end);
	}

	// String.strip() keeps non-breaking spaces, which Word tables are full of.
	private static boolean isBlank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || INVISIBLE_CHARS.indexOf(c) >= 0;
	}

	/** A calendar period found in the phrase, or the reason it cannot exist. */
	private record Found(int start, LocalDate first, LocalDate last, DeadlinePrecision precision, String problem) {

		static Found of(int start, Period period, DeadlinePrecision precision) {
			return new Found(start, period.start(), period.end(), precision, null);
		}

		static Found broken(int start, String problem) {
			return new Found(start, null, null, null, problem);
		}

	}

}
