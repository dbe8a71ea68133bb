package vn.nq57.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rates official reports quote, as percentages with two decimals rounded half up (99,30%). A rate is always
 * recomputed from its numerator and denominator, never averaged from other rates: a province of two agencies,
 * 1 of 1 and 0 of 99 completed, has completed 1%, not 50%. A rate with nothing to divide by is {@code null},
 * shown "–", never 0% or 100%.
 */
public final class Rates {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Rates() {
	}

	/** {@code part} of {@code whole} in percent, two decimals, or {@code null} when {@code whole} is 0. */
	public static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

	/** The same for amounts (indicator numerators and denominators); {@code null} or zero whole gives null. */
	public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
	}

	/** Completion rate over tasks already due: completed ÷ (completed + overdue not done). */
	public static BigDecimal completionOverDue(long completed, long overdue) {
		return percent(completed, completed + overdue);
	}

	/** Completion rate over all tasks: completed ÷ all. */
	public static BigDecimal completionOverAll(long completed, long total) {
		return percent(completed, total);
	}

	/** Overdue rate: overdue not done ÷ all. */
	public static BigDecimal overdue(long overdue, long total) {
		return percent(overdue, total);
	}

	/**
	 * A numerator and a denominator kept together, so that totals add counts and the percentage is computed last.
	 */
	public record Ratio(long part, long whole) {

		public static final Ratio NONE = new Ratio(0, 0);

		public Ratio {
			if (part < 0 || whole < 0) {
				throw new IllegalArgumentException("a ratio of counts is not negative: " + part + "/" + whole);
			}
		}

		public Ratio plus(Ratio o) {
			return new Ratio(part + o.part, whole + o.whole);
		}

		public BigDecimal percent() {
			return Rates.percent(part, whole);
		}
	}
}
