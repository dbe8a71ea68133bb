package vn.nq57.steering;

import java.math.BigDecimal;

import vn.nq57.kernel.Rates;

/**
 * Assignments (a task's share for one agency) by the government's categories on one day: completed on time / late,
 * not completed in time / overdue, and the rest (ongoing, awaiting a trigger, no deadline).
 */
public record Counts(long total, long onTime, long late, long inTime, long overdue) {

	public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

	public Counts plus(Counts o) {
		return new Counts(total + o.total, onTime + o.onTime, late + o.late, inTime + o.inTime, overdue + o.overdue);
	}

	public long completed() {
		return onTime + late;
	}

	public long other() {
		return total - onTime - late - inTime - overdue;
	}

	/** Completed ÷ (completed + overdue): the rate over work already due. */
	public BigDecimal rateOverDue() {
		return Rates.completionOverDue(completed(), overdue);
	}

	/** Completed ÷ all. */
	public BigDecimal rateOverAll() {
		return Rates.completionOverAll(completed(), total);
	}

	/** Completed on time ÷ (completed + overdue): the ranking's first criterion. */
	public BigDecimal onTimeRate() {
		return Rates.percent(onTime, completed() + overdue);
	}
}
