package vn.nq57.deadline;

import java.time.LocalDate;

import vn.nq57.kernel.Period;
import vn.nq57.kernel.PeriodKind;

/** How often a {@link DeadlineKind#RECURRING} task repeats. Every period is aligned to the calendar year. */
public enum Recurrence {

	MONTHLY(PeriodKind.MONTH), QUARTERLY(PeriodKind.QUARTER), HALF_YEARLY(PeriodKind.HALF_YEAR), YEARLY(PeriodKind.YEAR);

	private final PeriodKind kind;

	Recurrence(PeriodKind kind) {
		this.kind = kind;
	}

	/** Length of one period in months. */
	public int months() {
		return this.kind.months();
	}

	/** The calendar period that contains {@code day}. */
	public Period periodContaining(LocalDate day) {
		return Period.containing(this.kind, day);
	}

	/** Last day of the period that contains {@code day}: when that period's instance falls due. */
	public LocalDate periodEndContaining(LocalDate day) {
		return periodContaining(day).end();
	}

	/** First day of the period that contains {@code day}. */
	public LocalDate periodStartContaining(LocalDate day) {
		return periodContaining(day).start();
	}

	/**
	 * The name officials use for the period containing {@code day}, e.g. "Quý III/2026". A year is plain "2026",
	 * not the kernel's "Năm 2026": assignments already store it that way ({@code assignment.period_label}).
	 */
	public String periodLabel(LocalDate day) {
		Period p = periodContaining(day);
		return this == YEARLY ? String.valueOf(p.year()) : p.label();
	}

}
