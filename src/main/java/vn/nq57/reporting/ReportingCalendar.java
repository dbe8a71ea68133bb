package vn.nq57.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.nq57.kernel.PeriodKind;

/**
 * Reporting periods and their due dates: plain Java, no framework, everything that depends on the calendar in
 * one place. A reporting regime (chế độ báo cáo) is data: a frequency plus a {@link Rule} in force from a day
 * ({@link Version}); this class turns it into {@link Period}s.
 *
 * <h2>How a period is defined</h2>
 * A period is a calendar month, quarter, half-year or year (the kernel's {@link vn.nq57.kernel.Period}), named
 * after that span ("Tháng 10/2026", "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026"). Relative to the period's <em>first month</em> (month 1):
 * <ul>
 * <li><b>due date</b>: day {@code dueDay} of month {@code dueMonth}. "Trước ngày 10" ({@code dueBefore}) means the
 * last on-time day is the 9th, as the deadline parser reads "trước ngày 01/6/2026" (31/5/2026). A day past the
 * month's end is its last day. The due date stored and shown is always the <em>last on-time day</em>;</li>
 * <li><b>data window</b> (số liệu tính đến): ends on day {@code windowEndDay} of month {@code windowEndMonth}
 * (31 = the month's last day) and starts the day after the previous period's window ended, so consecutive
 * windows neither overlap nor leave a gap;</li>
 * <li><b>lock date</b>: {@code graceDays} after the due date. Until then a late report is still accepted (and
 * counted late); afterwards only DoST can reopen the period for an agency.</li>
 * </ul>
 *
 * <h2>The 2026 plan (003, section IV) in these terms</h2>
 * "báo cáo tháng (trước ngày 10 hằng tháng), báo cáo quý (trước ngày 10 của tháng cuối quý) và báo cáo năm (trước
 * ngày 10 tháng 11 hằng năm)". We read it as follows, and the defaults of V40 say so:
 * <ul>
 * <li>monthly: the report on month M is due before the 10th of month M+1 (last on-time day: the 9th); its data
 * is month M. {@code dueMonth = 2, dueDay = 10, before; window ends month 1, day 31};</li>
 * <li>quarterly: due before the 10th of the quarter's last month; a report written in the quarter cannot cover the
 * whole quarter, so its data runs to the end of the quarter's second month (Quý I: 01/12–28/02).
 * {@code dueMonth = 3, dueDay = 10, before; window ends month 2, day 31};</li>
 * <li>annual: due before 10 November; data to 31 October (01/11 of the year before to 31/10).
 * {@code dueMonth = 11, dueDay = 10, before; window ends month 10, day 31}.</li>
 * </ul>
 * So the February and Q1 reports are both due on 09/03, May and Q2 on 09/06, August and Q3 on 09/09, October and
 * the year on 09/11, November and Q4 on 09/12: two periods due on one day, each expected and counted on its own.
 *
 * <h2>Changes to a regime</h2>
 * A regime keeps its versions; a period is governed by the version in force on the period's first day, so a
 * change never touches a period that has already begun. A version without a rule suspends the regime from its
 * day on.
 */
public final class ReportingCalendar {

	private ReportingCalendar() {
	}

	public enum Frequency {
		MONTHLY(PeriodKind.MONTH, "Báo cáo tháng"),
		QUARTERLY(PeriodKind.QUARTER, "Báo cáo quý"),
		HALF_YEARLY(PeriodKind.HALF_YEAR, "Báo cáo 6 tháng"),
		YEARLY(PeriodKind.YEAR, "Báo cáo năm");

		private final PeriodKind kind;
		private final String label;

		Frequency(PeriodKind kind, String label) {
			this.kind = kind;
			this.label = label;
		}

		public PeriodKind kind() {
			return kind;
		}

		public int months() {
			return kind.months();
		}

		public int periodsPerYear() {
			return 12 / months();
		}

		public String label() {
			return label;
		}
	}

	/**
	 * The due date, data window and lock of each period, counted from the period's first month (month 1).
	 *
	 * @param dueMonth month of the due day, 1 = the period's first month (a monthly report due in the following month:
	 * 2)
	 * @param dueDay day of that month (beyond its length: the last day)
	 * @param dueBefore "trước ngày …": the last on-time day is the day before
	 * @param windowEndMonth month in which the data window ends, counted the same way
	 * @param windowEndDay day on which it ends (31: the month's last day)
	 * @param graceDays days after the due date before the period locks
	 */
	public record Rule(int dueMonth, int dueDay, boolean dueBefore, int windowEndMonth, int windowEndDay,
			int graceDays) {

		public Rule {
			check(dueMonth >= 1 && dueMonth <= 24, "Tháng của hạn gửi phải từ 1 đến 24 (tính từ tháng đầu kỳ)");
			check(dueDay >= 1 && dueDay <= 31, "Ngày của hạn gửi phải từ 1 đến 31");
			check(windowEndMonth >= 1 && windowEndMonth <= 24,
					"Tháng chốt số liệu phải từ 1 đến 24 (tính từ tháng đầu kỳ)");
			check(windowEndDay >= 1 && windowEndDay <= 31, "Ngày chốt số liệu phải từ 1 đến 31");
			check(graceDays >= 0 && graceDays <= 366, "Số ngày gia hạn trước khi khóa sổ phải từ 0 đến 366");
			LocalDate sample = LocalDate.of(2026, 1, 1);
			check(!windowEnd(sample, windowEndMonth, windowEndDay).isAfter(due(sample, dueMonth, dueDay, dueBefore)),
					"Ngày chốt số liệu phải trước hoặc trùng hạn gửi báo cáo");
		}

		public LocalDate dueDate(LocalDate periodStart) {
			return due(periodStart, dueMonth, dueDay, dueBefore);
		}

		public LocalDate windowEnd(LocalDate periodStart) {
			return windowEnd(periodStart, windowEndMonth, windowEndDay);
		}

		private static LocalDate due(LocalDate start, int month, int day, boolean before) {
			LocalDate d = dayIn(YearMonth.from(start).plusMonths(month - 1L), day);
			return before ? d.minusDays(1) : d;
		}

		private static LocalDate windowEnd(LocalDate start, int month, int day) {
			return dayIn(YearMonth.from(start).plusMonths(month - 1L), day);
		}

		private static void check(boolean ok, String message) {
			if (!ok) {
				throw new IllegalArgumentException(message);
			}
		}
	}

	/** A rule in force from {@code validFrom}; a {@code null} rule suspends the regime from that day. */
	public record Version(LocalDate validFrom, Rule rule) {
	}

	/** One reporting period of a regime, with the dates that decide expected, on time and locked. */
	public record Period(Frequency frequency, int year, int index, LocalDate start, LocalDate end,
			LocalDate windowStart, LocalDate windowEnd, LocalDate dueDate, LocalDate lockDate, Version version) {

		public String key() {
			return ReportingCalendar.key(frequency, year, index);
		}

		public String label() {
			return ReportingCalendar.label(frequency, year, index);
		}

		/** The last on-time day has passed: a report not received by now is late or missing. */
		public boolean isPastDue(LocalDate today) {
			return today.isAfter(dueDate);
		}

		/** Past the grace days: agencies can no longer report unless DoST reopens. */
		public boolean isLocked(LocalDate today) {
			return today.isAfter(lockDate);
		}

		/** An agency may start its report once the data window has begun. */
		public boolean hasStarted(LocalDate today) {
			return !today.isBefore(windowStart);
		}

		/** A report sent that day is on time. */
		public boolean isOnTime(LocalDate submittedOn) {
			return submittedOn != null && !submittedOn.isAfter(dueDate);
		}
	}

	/** The first day of period {@code index} (1-based) of {@code year}. */
	public static LocalDate start(Frequency f, int year, int index) {
		if (index < 1 || index > f.periodsPerYear()) {
			throw new IllegalArgumentException("Kỳ " + index + " không có trong " + f.label().toLowerCase());
		}
		return calendar(f, year, index).start();
	}

	/** The calendar span of period {@code index} (1-based) of {@code year}. */
	public static vn.nq57.kernel.Period calendar(Frequency f, int year, int index) {
		return vn.nq57.kernel.Period.of(f.kind(), year, index);
	}

	/** The period (year, index) whose calendar span contains {@code day}. */
	public static int[] indexOf(Frequency f, LocalDate day) {
		vn.nq57.kernel.Period p = vn.nq57.kernel.Period.containing(f.kind(), day);
		return new int[] { p.year(), p.index() };
	}

	/** Period {@code index} of {@code year} under {@code rule}; its window starts after the previous period's. */
	public static Period period(Frequency f, int year, int index, Rule rule) {
		return period(f, year, index, new Version(LocalDate.MIN, rule), rule);
	}

	private static Period period(Frequency f, int year, int index, Version version, Rule previousRule) {
		Rule rule = version.rule();
		vn.nq57.kernel.Period span = calendar(f, year, index);
		LocalDate start = span.start();
		LocalDate end = span.end();
		LocalDate previousStart = span.previous().start();
		LocalDate windowStart = previousRule.windowEnd(previousStart).plusDays(1);
		LocalDate due = rule.dueDate(start);
		return new Period(f, year, index, start, end, windowStart, rule.windowEnd(start), due,
				due.plusDays(rule.graceDays()), version);
	}

	/**
	 * The periods whose first day lies in [{@code from}, {@code to}], each under the version in force on that
	 * day; periods falling under a suspension, or before the first version, are left out.
	 */
	public static List<Period> periods(Frequency f, List<Version> versions, LocalDate from, LocalDate to) {
		List<Version> sorted = versions.stream().sorted(Comparator.comparing(Version::validFrom)).toList();
		List<Period> out = new ArrayList<>();
		int[] at = indexOf(f, from);
		int year = at[0];
		int index = at[1];
		while (true) {
			LocalDate start = start(f, year, index);
			if (start.isAfter(to)) {
				break;
			}
			if (!start.isBefore(from)) {
				Version v = governing(sorted, start);
				if (v != null && v.rule() != null) {
					Version prev = governing(sorted, start.minusMonths(f.months()));
					Rule prevRule = prev != null && prev.rule() != null ? prev.rule() : v.rule();
					out.add(period(f, year, index, v, prevRule));
				}
			}
			index++;
			if (index > f.periodsPerYear()) {
				index = 1;
				year++;
			}
		}
		return out;
	}

	/** The version in force on {@code day}: the last one whose first day is not after it. */
	public static Version governing(List<Version> versions, LocalDate day) {
		Version found = null;
		for (Version v : versions) {
			if (!v.validFrom().isAfter(day) && (found == null || v.validFrom().isAfter(found.validFrom()))) {
				found = v;
			}
		}
		return found;
	}

	private static LocalDate dayIn(YearMonth month, int day) {
		return month.atDay(Math.min(day, month.lengthOfMonth()));
	}

	// ----- names: the kernel's, stored in reporting_period.period_key and .label -----

	/** "2026-03", "2026-Q1", "2026-H1", "2026": sortable, stable, safe in a URL. */
	public static String key(Frequency f, int year, int index) {
		return calendar(f, year, index).code();
	}

	/** (year, index) of a key of this frequency, or an exception with a message a user understands. */
	public static int[] parseKey(Frequency f, String key) {
		vn.nq57.kernel.Period p = vn.nq57.kernel.Period.ofCode(f.kind(), key);
		if (p == null) {
			throw new IllegalArgumentException("Kỳ báo cáo “" + key + "” không hợp lệ cho " + f.label().toLowerCase());
		}
		return new int[] { p.year(), p.index() };
	}

	/** "Tháng 3/2026", "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026". */
	public static String label(Frequency f, int year, int index) {
		return calendar(f, year, index).label();
	}

	/** The rule in the words of a plan: "trước ngày 10 của tháng sau; số liệu đến hết tháng báo cáo; …". */
	public static String describe(Frequency f, Rule r) {
		String due = (r.dueBefore() ? "trước ngày " : "ngày ") + r.dueDay() + " " + month(f, r.dueMonth());
		String window = "số liệu tính đến " + (r.windowEndDay() >= 28 ? "hết " : "ngày " + r.windowEndDay() + " ")
				+ month(f, r.windowEndMonth()).replaceFirst("^của ", "");
		return "Hạn gửi: " + due + "; " + window + "; khóa sổ " + r.graceDays() + " ngày sau hạn gửi";
	}

	private static String month(Frequency f, int m) {
		return switch (f) {
			case MONTHLY -> m == 1 ? "của tháng báo cáo" : m == 2 ? "của tháng sau" : "của tháng thứ " + m + " kể từ tháng báo cáo";
			case QUARTERLY -> m <= 3 ? (m == 3 ? "của tháng cuối quý" : "của tháng thứ " + m + " của quý")
					: m == 4 ? "của tháng đầu quý sau" : "của tháng thứ " + m + " kể từ đầu quý";
			case HALF_YEARLY -> m <= 6 ? "của tháng thứ " + m + " của kỳ" : "của tháng thứ " + (m - 6) + " sau kỳ";
			case YEARLY -> m <= 12 ? "tháng " + m : "tháng " + (m - 12) + " năm sau";
		};
	}
}
