package vn.nq57.deadline;

import java.time.LocalDate;
import java.time.YearMonth;

/** How often a {@link DeadlineKind#RECURRING} task repeats. Every period is aligned to the calendar year. */
public enum Recurrence {

	MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

	private static final String[] ROMAN_QUARTERS = { "I", "II", "III", "IV" };

	private final int months;

	Recurrence(int months) {
		this.months = months;
	}

	/** Length of one period in months. */
	public int months() {
		return this.months;
	}

	/** Last day of the period that contains {@code day}: when that period's instance falls due. */
	public LocalDate periodEndContaining(LocalDate day) {
		return YearMonth.of(day.getYear(), lastMonthOfPeriod(day)).atEndOfMonth();
	}

	/** First day of the period that contains {@code day}. */
	public LocalDate periodStartContaining(LocalDate day) {
		return LocalDate.of(day.getYear(), lastMonthOfPeriod(day) - this.months + 1, 1);
	}

	/** The name officials use for the period containing {@code day}, e.g. "Quý III/2026". */
	public String periodLabel(LocalDate day) {
		int year = day.getYear();
		int index = (day.getMonthValue() - 1) / this.months;
		return switch (this) {
			case MONTHLY -> "Tháng " + day.getMonthValue() + "/" + year;
			case QUARTERLY -> "Quý " + ROMAN_QUARTERS[index] + "/" + year;
			case HALF_YEARLY -> (index == 0 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
			case YEARLY -> String.valueOf(year);
		};
	}

	private int lastMonthOfPeriod(LocalDate day) {
		return ((day.getMonthValue() - 1) / this.months + 1) * this.months;
	}

}
