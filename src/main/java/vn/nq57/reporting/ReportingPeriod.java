package vn.nq57.reporting;

import java.time.LocalDate;

import vn.nq57.reporting.ReportingCalendar.Frequency;

/** A reporting period as stored: the dates ReportingCalendar computed for one regime. */
public record ReportingPeriod(long id, long regimeId, String regimeName, Frequency frequency, String key, int year,
		int index, String label, LocalDate start, LocalDate end, LocalDate windowStart, LocalDate windowEnd,
		LocalDate dueDate, LocalDate lockDate, boolean active) {

	/** "Báo cáo tháng – Tháng 10/2026". */
	public String title() {
		return regimeName + " – " + label;
	}

	public boolean isPastDue(LocalDate today) {
		return today.isAfter(dueDate);
	}

	public boolean isLocked(LocalDate today) {
		return today.isAfter(lockDate);
	}

	public boolean hasStarted(LocalDate today) {
		return !today.isBefore(windowStart);
	}

	public boolean isOnTime(LocalDate submittedOn) {
		return submittedOn != null && !submittedOn.isAfter(dueDate);
	}

	/** The day up to which the report's figures are read: the window's end, or today while it runs. */
	public LocalDate dataAsOf(LocalDate today) {
		return today.isBefore(windowEnd) ? today : windowEnd;
	}
}
