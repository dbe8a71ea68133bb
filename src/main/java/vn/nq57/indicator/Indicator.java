package vn.nq57.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One indicator of the set, as DoST defined it. */
record Indicator(long id, String code, String name, String category, String unit, IndicatorKind kind,
		Aggregation aggregation, FormulaKind formulaKind, String numeratorCode, String denominatorCode,
		String expression, Direction direction, Frequency frequency, long responsibleAgencyId, String dataSource,
		Breakdown breakdown, BigDecimal baselineValue, Integer baselineYear, BigDecimal greenPct, BigDecimal amberPct,
		BigDecimal minValue, BigDecimal maxValue, int decimals, int dueDays, boolean onScoreboard, int position,
		boolean active, long version, List<Target> targets, List<Long> reporterIds) {

	/** A target (chỉ tiêu) for a year. */
	record Target(int year, BigDecimal value, String note) {
	}

	public boolean computed() {
		return kind == IndicatorKind.COMPUTED;
	}

	public boolean percent() {
		return "%".equals(unit == null ? null : unit.strip());
	}

	BigDecimal scale() {
		return percent() ? BigDecimal.valueOf(100) : BigDecimal.ONE;
	}

	/** An entered share, reported as numerator and denominator. */
	public boolean ratio() {
		return kind == IndicatorKind.ENTERED && aggregation == Aggregation.RATIO;
	}

	/** The formula of a computed indicator, {@code null} for an entered one. */
	Formula formula() {
		if (!computed()) {
			return null;
		}
		return formulaKind == FormulaKind.RATIO ? Formula.ratio(numeratorCode, denominatorCode, percent())
				: Formula.parse(expression);
	}

	/** The codes the formula uses, in order (empty for an entered indicator). */
	public java.util.List<String> inputCodes() {
		Formula f = formula();
		return f == null ? java.util.List.of() : java.util.List.copyOf(f.references());
	}

	public String formulaText() {
		Formula f = formula();
		return f == null ? "" : f.text();
	}

	NavigableMap<Integer, BigDecimal> targetMap() {
		NavigableMap<Integer, BigDecimal> m = new TreeMap<>();
		targets.forEach(t -> m.put(t.year(), t.value()));
		return m;
	}

	/** The first target not before the year, else the last; {@code null} when there is none. */
	public Target targetFor(int year) {
		return targets.stream().filter(t -> t.year() >= year).findFirst()
			.orElse(targets.isEmpty() ? null : targets.get(targets.size() - 1));
	}

	ValueChecks.Spec spec() {
		return new ValueChecks.Spec(unit, ratio(), breakdown == Breakdown.PROVINCE, minValue, maxValue);
	}

	/** Whether a value is owed for the period: not for periods the baseline already stands for. */
	public boolean expects(Period p) {
		return baselineYear == null || p.end().isAfter(java.time.LocalDate.of(baselineYear, 12, 31));
	}

	/** The indicator's period that starts on this day. */
	public Period period(java.time.LocalDate start) {
		return new Period(frequency, start);
	}

	/** The number as shown: grouped thousands, the indicator's decimals. */
	public String fmt(BigDecimal v) {
		return v == null ? "–" : VnNumber.format(v, decimals);
	}

	/** A numerator or denominator: a count, as few decimals as it needs ({@code 5}, {@code 1.250,5}). */
	public String part(BigDecimal v) {
		return v == null ? "–" : VnNumber.compact(v, Formula.SCALE);
	}

	/** With the unit: {@code 71,43%}, {@code 170 TB}. */
	public String show(BigDecimal v) {
		if (v == null) {
			return "–";
		}
		return fmt(v) + (percent() ? "%" : " " + unit);
	}
}
