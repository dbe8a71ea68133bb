package vn.nq57.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Where an indicator stands against its target, the traffic light of the leaders' scoreboard.
 *
 * <ul>
 * <li>The target judged is the first one whose year is not before the value's (a value of 2027 is judged
 * against the 2030 target); past the last target, the last one.</li>
 * <li>{@link #ACHIEVED}: the value meets that target (at or above it, or at or below it when lower is better).</li>
 * <li>Otherwise the value is compared with the <em>trajectory</em>: the straight line from the previous
 * milestone — the baseline, or the previous target once its year is over — on its day (31/12 of its year) to
 * the target on 31/12 of the target year. On the value's day the line gives the level expected by then; the
 * share of the expected improvement actually made is the progress. Progress at or above the green threshold
 * (default 100%) is {@link #ON_TRACK}, at or above the amber threshold (default 80%) {@link #AT_RISK}, below
 * it {@link #OFF_TRACK}.</li>
 * <li>A target whose year is over and not met is {@link #OFF_TRACK}.</li>
 * <li>Without a starting point the value is compared with the target itself (value ÷ target against the
 * thresholds).</li>
 * <li>{@link #NO_DATA} without a value, {@link #NO_TARGET} without a target.</li>
 * </ul>
 */
enum TargetStatus {
	ACHIEVED("Đạt chỉ tiêu"),
	ON_TRACK("Đúng lộ trình"),
	AT_RISK("Có nguy cơ không đạt"),
	OFF_TRACK("Chậm so với lộ trình"),
	NO_TARGET("Chưa có chỉ tiêu"),
	NO_DATA("Chưa có số liệu");

	private static final MathContext MC = MathContext.DECIMAL64;
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final String label;

	TargetStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A value on a day: a baseline (31/12 of its year) or a measured value (its period's end, or today). */
	record Point(LocalDate date, BigDecimal value) {
	}

	/**
	 * The verdict, with what it was measured against: the target year and value, the level the trajectory
	 * expects on the value's day and the progress made (percent of the expected improvement), when known.
	 */
	record Assessment(TargetStatus status, Integer targetYear, BigDecimal target, BigDecimal expected,
			BigDecimal progressPct) {

		static Assessment of(TargetStatus s) {
			return new Assessment(s, null, null, null, null);
		}
	}

	/**
	 * @param targets target value by year
	 * @param baseline the starting point when no earlier target applies; may be {@code null}
	 * @param latest the value being judged; may be {@code null}
	 * @param greenPct progress (percent of the expected improvement) from which the indicator is on track
	 * @param amberPct progress from which it is at risk rather than off track
	 */
	static Assessment assess(Direction direction, NavigableMap<Integer, BigDecimal> targets, Point baseline, Point latest,
			BigDecimal greenPct, BigDecimal amberPct) {
		if (latest == null || latest.value() == null) {
			return Assessment.of(NO_DATA);
		}
		if (targets == null || targets.isEmpty()) {
			return Assessment.of(NO_TARGET);
		}
		int year = latest.date().getYear();
		Map.Entry<Integer, BigDecimal> target = targets.ceilingEntry(year);
		if (target == null) {
			target = targets.lastEntry();
		}
		BigDecimal t = target.getValue();
		LocalDate targetDay = LocalDate.of(target.getKey(), 12, 31);
		BigDecimal v = latest.value();
		if (better(direction, v, t) >= 0) {
			return new Assessment(ACHIEVED, target.getKey(), t, null, null);
		}
		if (!latest.date().isBefore(targetDay)) {
			return new Assessment(OFF_TRACK, target.getKey(), t, t, null);
		}
		Point start = baseline;
		Map.Entry<Integer, BigDecimal> previousTarget = targets.lowerEntry(target.getKey());
		if (previousTarget != null) {
			LocalDate previousDay = LocalDate.of(previousTarget.getKey(), 12, 31);
			if (!previousDay.isAfter(latest.date()) && (start == null || start.date().isBefore(previousDay))) {
				start = new Point(previousDay, previousTarget.getValue());
			}
		}
		if (start == null || start.value() == null || !start.date().isBefore(targetDay)) {
			// no trajectory: the value against the target itself
			BigDecimal ratio = ratio(direction, v, t);
			return new Assessment(grade(ratio, greenPct, amberPct), target.getKey(), t, null, ratio);
		}
		BigDecimal expected;
		if (!latest.date().isAfter(start.date())) {
			expected = start.value();
		}
		else {
			long total = ChronoUnit.DAYS.between(start.date(), targetDay);
			long elapsed = ChronoUnit.DAYS.between(start.date(), latest.date());
			expected = start.value().add(t.subtract(start.value()).multiply(BigDecimal.valueOf(elapsed))
				.divide(BigDecimal.valueOf(total), MC));
		}
		expected = expected.setScale(4, RoundingMode.HALF_UP);
		if (better(direction, v, expected) >= 0) {
			BigDecimal planned = gain(direction, start.value(), expected);
			BigDecimal progress = planned.signum() > 0
					? gain(direction, start.value(), v).multiply(HUNDRED).divide(planned, MC).setScale(1, RoundingMode.HALF_UP)
					: null;
			return new Assessment(ON_TRACK, target.getKey(), t, expected, progress);
		}
		BigDecimal planned = gain(direction, start.value(), expected);
		if (planned.signum() <= 0) {
			// the trajectory asks to hold a level the value has fallen from: judge against that level
			BigDecimal ratio = ratio(direction, v, expected);
			return new Assessment(grade(ratio, greenPct, amberPct), target.getKey(), t, expected, ratio);
		}
		BigDecimal progress = gain(direction, start.value(), v).multiply(HUNDRED).divide(planned, MC)
			.setScale(1, RoundingMode.HALF_UP);
		return new Assessment(grade(progress, greenPct, amberPct), target.getKey(), t, expected, progress);
	}

	private static TargetStatus grade(BigDecimal progressPct, BigDecimal greenPct, BigDecimal amberPct) {
		if (progressPct == null) {
			return OFF_TRACK;
		}
		if (progressPct.compareTo(greenPct) >= 0) {
			return ON_TRACK;
		}
		return progressPct.compareTo(amberPct) >= 0 ? AT_RISK : OFF_TRACK;
	}

	/** Positive when {@code a} is better than {@code b}. */
	private static int better(Direction d, BigDecimal a, BigDecimal b) {
		return d == Direction.HIGHER ? a.compareTo(b) : b.compareTo(a);
	}

	/** The improvement from {@code from} to {@code to}, in the good direction. */
	private static BigDecimal gain(Direction d, BigDecimal from, BigDecimal to) {
		return d == Direction.HIGHER ? to.subtract(from) : from.subtract(to);
	}

	/** Value against a level, as a percentage of it: v ÷ t, or t ÷ v when lower is better; null when undefined. */
	private static BigDecimal ratio(Direction d, BigDecimal v, BigDecimal t) {
		BigDecimal num = d == Direction.HIGHER ? v : t;
		BigDecimal den = d == Direction.HIGHER ? t : v;
		if (den.signum() <= 0 || num.signum() < 0) {
			return null;
		}
		return num.multiply(HUNDRED).divide(den, MC).setScale(1, RoundingMode.HALF_UP);
	}
}
