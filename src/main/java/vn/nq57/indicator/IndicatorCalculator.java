package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AppClock;

/**
 * Keeps the figures consistent with the values: the province's figure of an entered indicator
 * ({@code indicator_rollup}, by its {@link Aggregation}), and computed indicators' values per agency (in SQL,
 * the formula written by {@link Formula#toSql}) and for the province (the formula over its inputs' province
 * figures, so a ratio is recomputed from summed parts). Runs in the transaction of the change that caused
 * it; advisory locks per indicator and period make concurrent approvals queue instead of overwriting each
 * other's sums.
 */
@Component
class IndicatorCalculator {

	static final String RATIO_PARTS_MISSING = "Không tính lại được tỷ lệ chung: có đơn vị chưa nhập tử số, mẫu số";

	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;

	IndicatorCalculator(NamedParameterJdbcTemplate jdbc, AppClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One agency's value of an entered indicator changed for a period: that period's figures, and what depends on them. */
	@Transactional(propagation = Propagation.MANDATORY)
	void afterValueChange(Indicator ind, long agencyId, LocalDate period, Map<String, Indicator> all) {
		List<Indicator> dependents = FormulaGraph.dependents(ind, all);
		List<Indicator> affected = new ArrayList<>(dependents);
		affected.add(ind);
		lock(affected, period);
		rollupEntered(List.of(ind), period);
		for (Indicator d : dependents) {
			if (d.breakdown() != Breakdown.PROVINCE) {
				computeAgencies(d, all, agencyId, period);
			}
			computeProvince(d, all, period);
		}
	}

	/** Every period of the indicator and of the indicators computed from it (a definition changed). */
	@Transactional(propagation = Propagation.MANDATORY)
	void recompute(Indicator ind, Map<String, Indicator> all) {
		List<Indicator> dependents = FormulaGraph.dependents(ind, all);
		List<Indicator> affected = new ArrayList<>(dependents);
		affected.add(ind);
		lock(affected, null);
		if (ind.computed()) {
			computeFully(ind, all);
		}
		else {
			rollupEntered(List.of(ind), null);
		}
		for (Indicator d : dependents) {
			computeFully(d, all);
		}
	}

	/** Everything, from the values up (after generating or loading values in bulk). */
	@Transactional(propagation = Propagation.MANDATORY)
	void recomputeAll(Map<String, Indicator> all) {
		lock(all.values(), null);
		Map<String, List<Indicator>> byRule = all.values().stream().filter(i -> !i.computed())
			.collect(Collectors.groupingBy(i -> i.aggregation() + "/" + i.percent(), LinkedHashMap::new, Collectors.toList()));
		for (List<Indicator> same : byRule.values()) {
			rollupEntered(same, null);
		}
		for (String code : Formula.evaluationOrder(FormulaGraph.graph(all.values()))) {
			Indicator i = all.get(code);
			if (i.computed() && i.active()) {
				computeFully(i, all);
			}
		}
	}

	private void computeFully(Indicator d, Map<String, Indicator> all) {
		if (!d.active()) {
			return;
		}
		if (d.breakdown() != Breakdown.PROVINCE) {
			computeAgencies(d, all, null, null);
		}
		else {
			jdbc.update("DELETE FROM indicator_value WHERE indicator_id = :id", new MapSqlParameterSource("id", d.id()));
		}
		computeProvince(d, all, null);
	}

	/**
	 * Serialises work on the same figures: a change of one period takes that period's lock (and a shared
	 * lock on the indicator), a recomputation of every period the indicator's exclusive lock. Always taken
	 * in the order of the indicator ids, so two transactions cannot wait for each other.
	 */
	private void lock(Collection<Indicator> indicators, LocalDate period) {
		List<Long> ids = indicators.stream().map(Indicator::id).distinct().sorted().toList();
		for (Long id : ids) {
			MapSqlParameterSource p = new MapSqlParameterSource("id", id.intValue());
			if (period == null) {
				jdbc.query("SELECT pg_advisory_xact_lock(:id, -1)", p, rs -> {
				});
			}
			else {
				p.addValue("period", period.getYear() * 12 + period.getMonthValue() - 1);
				jdbc.query("SELECT pg_advisory_xact_lock_shared(:id, -1), pg_advisory_xact_lock(:id, :period)", p, rs -> {
				});
			}
		}
	}

	/** The province figure of entered indicators sharing one rule, for one period or all. */
	private void rollupEntered(List<Indicator> same, LocalDate period) {
		Indicator first = same.get(0);
		MapSqlParameterSource p = new MapSqlParameterSource("ids", same.stream().map(Indicator::id).toList())
			.addValue("scale", first.scale()).addValue("problem", RATIO_PARTS_MISSING)
			.addValue("now", Timestamp.from(clock.now()));
		String periodFilter = "";
		if (period != null) {
			p.addValue("p", Date.valueOf(period));
			periodFilter = " AND period_start = :p";
		}
		jdbc.update("DELETE FROM indicator_rollup WHERE indicator_id IN (:ids)" + periodFilter, p);
		jdbc.update("""
				INSERT INTO indicator_rollup(indicator_id, period_start, value, numerator, denominator, reported, problem, updated_at)
				SELECT indicator_id, period_start, value, num, den, n, CASE WHEN value IS NULL THEN :problem END, :now
				FROM (SELECT indicator_id, period_start, %s AS value, %s AS num, %s AS den, count(*) AS n
				      FROM indicator_value
				      WHERE indicator_id IN (:ids) AND approved_value IS NOT NULL%s
				      GROUP BY indicator_id, period_start) v""".formatted(first.aggregation().sql(),
				Aggregation.sqlPart("approved_numerator"), Aggregation.sqlPart("approved_denominator"), periodFilter), p);
	}

	/** A computed indicator's value for each agency (or one agency and period) from the agencies' input values, in SQL. */
	private void computeAgencies(Indicator d, Map<String, Indicator> all, Long agencyId, LocalDate period) {
		Formula f = d.formula();
		List<String> refs = List.copyOf(f.references());
		Map<String, String> column = new HashMap<>();
		MapSqlParameterSource p = new MapSqlParameterSource("id", d.id()).addValue("now", Timestamp.from(clock.now()));
		List<String> pivots = new ArrayList<>();
		List<Long> inputIds = new ArrayList<>();
		for (int i = 0; i < refs.size(); i++) {
			Indicator input = all.get(refs.get(i));
			column.put(refs.get(i), "c" + i);
			p.addValue("in" + i, input.id());
			inputIds.add(input.id());
			pivots.add("max(approved_value) FILTER (WHERE indicator_id = :in" + i + ") AS c" + i);
		}
		p.addValue("inputs", inputIds);
		String numSql = "NULL::numeric";
		String denSql = "NULL::numeric";
		if (d.formulaKind() == FormulaKind.RATIO) {
			numSql = column.get(d.numeratorCode());
			denSql = column.get(d.denominatorCode());
		}
		String cell = "";
		String target = "";
		if (agencyId != null) {
			p.addValue("agency", agencyId).addValue("p", Date.valueOf(period));
			cell = " AND agency_id = :agency AND period_start = :p";
			target = " AND t.agency_id = :agency AND t.period_start = :p";
		}
		jdbc.update("""
				WITH src AS (
				  SELECT agency_id, period_start, %s
				  FROM indicator_value
				  WHERE indicator_id IN (:inputs) AND approved_value IS NOT NULL%s
				  GROUP BY agency_id, period_start),
				calc AS (
				  SELECT agency_id, period_start, %s AS v, %s AS num, %s AS den FROM src),
				ins AS (
				  INSERT INTO indicator_value(indicator_id, agency_id, period_start, state, value, numerator, denominator,
				                              approved_value, approved_numerator, approved_denominator, entered_at)
				  SELECT :id, agency_id, period_start, 'COMPUTED', v, num, den, v, num, den, :now FROM calc WHERE v IS NOT NULL
				  ON CONFLICT ON CONSTRAINT indicator_value_cell DO UPDATE
				    SET value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
				        approved_value = excluded.approved_value, approved_numerator = excluded.approved_numerator,
				        approved_denominator = excluded.approved_denominator, entered_at = excluded.entered_at
				    WHERE indicator_value.approved_value IS DISTINCT FROM excluded.approved_value
				       OR indicator_value.approved_numerator IS DISTINCT FROM excluded.approved_numerator
				       OR indicator_value.approved_denominator IS DISTINCT FROM excluded.approved_denominator
				  RETURNING 1)
				DELETE FROM indicator_value t
				WHERE t.indicator_id = :id%s
				  AND NOT EXISTS (SELECT 1 FROM calc c WHERE c.v IS NOT NULL AND c.agency_id = t.agency_id
				                                         AND c.period_start = t.period_start)"""
			.formatted(String.join(", ", pivots), cell, f.toSql(column::get), numSql, denSql, target), p);
	}

	/** A computed indicator's province figure per period: the formula over its inputs' province figures. */
	private void computeProvince(Indicator d, Map<String, Indicator> all, LocalDate period) {
		Formula f = d.formula();
		Map<Long, String> codeOf = new HashMap<>();
		for (String ref : f.references()) {
			codeOf.put(all.get(ref).id(), ref);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("ids", List.copyOf(codeOf.keySet())).addValue("id", d.id());
		String periodFilter = "";
		if (period != null) {
			p.addValue("p", Date.valueOf(period));
			periodFilter = " AND period_start = :p";
		}
		Map<LocalDate, Map<String, BigDecimal>> inputs = new TreeMap<>();
		jdbc.query("SELECT indicator_id, period_start, value FROM indicator_rollup WHERE indicator_id IN (:ids)" + periodFilter,
				p, rs -> {
					Map<String, BigDecimal> m = inputs.computeIfAbsent(rs.getDate(2).toLocalDate(), k -> new HashMap<>());
					if (rs.getBigDecimal(3) != null) {
						m.put(codeOf.get(rs.getLong(1)), rs.getBigDecimal(3));
					}
				});
		Map<LocalDate, Integer> reported = new HashMap<>();
		if (d.breakdown() != Breakdown.PROVINCE) {
			jdbc.query("SELECT period_start, count(*) FROM indicator_value WHERE indicator_id = :id" + periodFilter
					+ " GROUP BY period_start", p, rs -> {
						reported.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
					});
		}
		jdbc.update("DELETE FROM indicator_rollup WHERE indicator_id = :id" + periodFilter, p);
		List<MapSqlParameterSource> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(clock.now());
		for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : inputs.entrySet()) {
			Map<String, BigDecimal> in = e.getValue();
			if (in.isEmpty()) {
				continue;
			}
			Formula.Result r = f.evaluate(in::get);
			BigDecimal num = d.formulaKind() == FormulaKind.RATIO ? in.get(d.numeratorCode()) : null;
			BigDecimal den = d.formulaKind() == FormulaKind.RATIO ? in.get(d.denominatorCode()) : null;
			rows.add(new MapSqlParameterSource("id", d.id()).addValue("p", Date.valueOf(e.getKey()))
				.addValue("value", r.value()).addValue("num", num).addValue("den", den)
				.addValue("reported", d.breakdown() == Breakdown.PROVINCE ? (r.ok() ? 1 : 0) : reported.getOrDefault(e.getKey(), 0))
				.addValue("problem", r.explain()).addValue("now", now));
		}
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO indicator_rollup(indicator_id, period_start, value, numerator, denominator, reported, problem, updated_at)
					VALUES (:id, :p, :value, :num, :den, :reported, :problem, :now)""", rows.toArray(MapSqlParameterSource[]::new));
		}
	}
}
