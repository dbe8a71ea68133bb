package vn.nq57.deadline;

/**
 * How coarsely a {@link DeadlineKind#DATE} deadline was written. The due date is always a single day (the last
 * day of the period), but reports should show "Quý III/2026" rather than a made-up exact day.
 */
public enum DeadlinePrecision {

	DAY, MONTH, QUARTER, HALF_YEAR, YEAR

}
