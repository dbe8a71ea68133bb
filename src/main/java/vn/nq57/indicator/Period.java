package vn.nq57.indicator;

import java.time.LocalDate;
import java.util.Locale;

import vn.nq57.system.DomainException;

/**
 * One measuring period of an indicator: the kernel's calendar {@link vn.nq57.kernel.Period} of the indicator's
 * frequency, identified by its first day (what {@code indicator_value.period_start} stores). Written as users
 * write it ("Tháng 10/2026", "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026") and as the API writes it
 * ("2026-10", "2026-Q3", "2026-H1", "2026").
 *
 * <p>A value is due {@code dueDays} days after the period ends (the 2026 plan: monthly reports before the
 * 10th of the next month).
 */
record Period(Frequency frequency, LocalDate start) implements Comparable<Period> {

	static final int MIN_YEAR = vn.nq57.kernel.Period.MIN_YEAR;
	static final int MAX_YEAR = vn.nq57.kernel.Period.MAX_YEAR;

	Period {
		if (frequency == null || start == null) {
			throw new IllegalArgumentException("frequency and start are required");
		}
		new vn.nq57.kernel.Period(frequency.kind(), start);
	}

	private Period(Frequency frequency, vn.nq57.kernel.Period calendar) {
		this(frequency, calendar.start());
	}

	/** The period of this frequency that contains the day. */
	static Period containing(Frequency frequency, LocalDate day) {
		return new Period(frequency, vn.nq57.kernel.Period.containing(frequency.kind(), day));
	}

	/** The calendar period. */
	vn.nq57.kernel.Period calendar() {
		return new vn.nq57.kernel.Period(frequency.kind(), start);
	}

	public LocalDate end() {
		return calendar().end();
	}

	public LocalDate dueDate(int dueDays) {
		return end().plusDays(dueDays);
	}

	public Period previous() {
		return new Period(frequency, calendar().previous());
	}

	public Period next() {
		return new Period(frequency, calendar().next());
	}

	public int year() {
		return start.getYear();
	}

	public String label() {
		return calendar().label();
	}

	/** {@link #label()} in the language of a page ("Q3/2026" in English); see {@link vn.nq57.kernel.Period#label(Locale)}. */
	public String label(Locale locale) {
		return calendar().label(locale);
	}

	/** Short label for charts: "10/2026", "III/2026", "H1/2026", "2026". */
	public String shortLabel() {
		return calendar().shortLabel();
	}

	public String code() {
		return calendar().code();
	}

	@Override
	public int compareTo(Period o) {
		return start.compareTo(o.start);
	}

	/**
	 * The period the text names, for an indicator of this frequency. A period that does not exist (month 13,
	 * "Quý V", a quarter typed for a monthly indicator, a year outside 2000–2100) is refused with a message
	 * that says what to type instead.
	 */
	static Period parse(Frequency frequency, String text) {
		if (text == null || text.isBlank()) {
			throw new DomainException("Chưa chọn kỳ số liệu (ví dụ " + frequency.example() + ")");
		}
		String shown = text.strip();
		vn.nq57.kernel.Period p;
		try {
			p = vn.nq57.kernel.Period.parse(shown);
		}
		catch (vn.nq57.kernel.Period.Unreadable e) {
			p = null;
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(e.getMessage());
		}
		if (p == null || p.kind() != frequency.kind()) {
			throw new DomainException("Kỳ “" + shown + "” không tồn tại đối với chỉ số " + frequency.label().toLowerCase(Locale.ROOT)
					+ " (nhập dạng " + frequency.example() + ")");
		}
		return new Period(frequency, p);
	}
}
