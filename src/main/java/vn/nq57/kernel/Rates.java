package vn.nq57.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rates official reports quote, as percentages with two decimals (99,30%). The last decimal follows the
 * province's rounding {@link Rule}: by default the Government Office's, which cuts off after two decimals (16.051 of
 * 16.274 tasks is 98,62%, not the 98,63% of rounding half up); the setting {@code rates.rounding} changes it for
 * every rate at once (overview, reports, documents, API). A rate is always
 * recomputed from its numerator and denominator, never averaged from other rates: a province of two agencies,
 * 1 of 1 and 0 of 99 completed, has completed 1%, not 50%. A rate with nothing to divide by is {@code null},
 * shown "–", never 0% or 100%.
 */
public final class Rates {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** How the second decimal of a rate is settled. */
	public enum Rule {
		/** The Government Office's published figures: the digits after the second decimal are dropped. */
		TRUNCATE(RoundingMode.DOWN),
		/** Schoolbook rounding: ,5 and above goes up. */
		HALF_UP(RoundingMode.HALF_UP);

		private final RoundingMode mode;

		Rule(RoundingMode mode) {
			this.mode = mode;
		}

		public RoundingMode mode() {
			return mode;
		}

		/** The rule named by a stored setting ("TRUNCATE", "half_up", "half-up"); unknown or empty gives the default. */
		public static Rule parse(String s) {
			if (s != null) {
				String k = s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
				for (Rule r : values()) {
					if (r.name().equals(k)) {
						return r;
					}
				}
			}
			return DEFAULT;
		}
	}

	/** The Government Office's rule. */
	public static final Rule DEFAULT = Rule.TRUNCATE;

	private static volatile Rule rule = DEFAULT;

	private Rates() {
	}

	/** The rule every rate uses now. */
	public static Rule rule() {
		return rule;
	}

	/** Sets the rule every rate uses (the settings apply it at start and when it is changed). */
	public static void use(Rule r) {
		rule = r == null ? DEFAULT : r;
	}

	/** A percentage computed elsewhere with more decimals, settled to two by the current rule. */
	public static BigDecimal settle(BigDecimal pct) {
		return pct == null ? null : pct.setScale(2, rule.mode());
	}

	/** {@code part} of {@code whole} in percent, two decimals, or {@code null} when {@code whole} is 0. */
	public static BigDecimal percent(long part, long whole) {
		return percent(part, whole, rule);
	}

	/** The same under a given rule (tests, and a comparison of the two rules). */
	public static BigDecimal percent(long part, long whole, Rule r) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, r.mode());
	}

	/** The same for amounts (indicator numerators and denominators); {@code null} or zero whole gives null. */
	public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 2, rule.mode());
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
