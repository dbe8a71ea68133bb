package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;

/**
 * The province's figures as they stood at the end of a past day, for the scoreboard "as of" a date. The kept
 * figures ({@code indicator_rollup}) are today's, so these are rebuilt from the values' history: an agency's
 * value counts with what its last approval up to that day said (the head's approval, or the head's own entry),
 * and not at all if DoST had returned it by then. Without an approval in the history by then (values loaded in bulk) a
 * value counts from its approval time, with today's approved figure. Entered indicators are aggregated by the same rule as the kept figures
 * ({@link Aggregation#sql()}); computed ones evaluated over their inputs' figures of that day, in formula order.
 */
@Component
class IndicatorAsOf {

	private final NamedParameterJdbcTemplate jdbc;

	IndicatorAsOf(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every indicator's figures of the periods started by {@code asOf}, oldest first, as known at the end of that day. */
	Map<Long, List<IndicatorQueries.Point>> figures(Map<String, Indicator> all, LocalDate asOf) {
		Timestamp until = Timestamp.from(asOf.plusDays(1).atStartOfDay(AppClock.ZONE_ID).toInstant());
		Map<Long, TreeMap<LocalDate, IndicatorQueries.Point>> byId = new HashMap<>();
		Map<Long, Indicator> indicators = new HashMap<>();
		all.values().forEach(i -> indicators.put(i.id(), i));
		Map<String, List<Indicator>> byRule = all.values().stream().filter(i -> !i.computed())
			.collect(Collectors.groupingBy(i -> i.aggregation() + "/" + i.percent(), LinkedHashMap::new, Collectors.toList()));
		for (List<Indicator> same : byRule.values()) {
			Indicator first = same.get(0);
			MapSqlParameterSource p = new MapSqlParameterSource("ids", same.stream().map(Indicator::id).toList())
				.addValue("scale", first.scale()).addValue("asof", Date.valueOf(asOf)).addValue("until", until);
			jdbc.query("""
					WITH v AS (
					  SELECT id, indicator_id, period_start, approved_value, approved_numerator, approved_denominator,
					         approved_at
					  FROM indicator_value
					  WHERE indicator_id IN (:ids) AND period_start <= :asof AND state <> 'COMPUTED'),
					h AS (
					  SELECT DISTINCT ON (h.value_id) h.value_id, h.action, h.value, h.numerator, h.denominator
					  FROM indicator_value_history h JOIN v ON v.id = h.value_id
					  WHERE h.occurred_at < :until
					    AND (h.action IN ('APPROVED', 'RETURNED') OR (h.action = 'ENTERED' AND h.state = 'APPROVED'))
					  ORDER BY h.value_id, h.occurred_at DESC, h.id DESC),
					x AS (
					  SELECT v.indicator_id, v.period_start,
					         CASE WHEN h.value_id IS NOT NULL THEN CASE WHEN h.action <> 'RETURNED' THEN h.value END
					              WHEN v.approved_at < :until THEN v.approved_value END AS approved_value,
					         CASE WHEN h.value_id IS NOT NULL THEN CASE WHEN h.action <> 'RETURNED' THEN h.numerator END
					              WHEN v.approved_at < :until THEN v.approved_numerator END AS approved_numerator,
					         CASE WHEN h.value_id IS NOT NULL THEN CASE WHEN h.action <> 'RETURNED' THEN h.denominator END
					              WHEN v.approved_at < :until THEN v.approved_denominator END AS approved_denominator
					  FROM v LEFT JOIN h ON h.value_id = v.id)
					SELECT indicator_id, period_start, %s AS value, %s AS num, %s AS den, count(*) AS n
					FROM x WHERE approved_value IS NOT NULL
					GROUP BY indicator_id, period_start""".formatted(first.aggregation().sql(),
					Aggregation.sqlPart("approved_numerator"), Aggregation.sqlPart("approved_denominator")), p, rs -> {
				Indicator ind = indicators.get(rs.getLong(1));
				Period period = new Period(ind.frequency(), rs.getObject(2, LocalDate.class));
				BigDecimal value = rs.getBigDecimal(3);
				byId.computeIfAbsent(ind.id(), k -> new TreeMap<>()).put(period.start(), new IndicatorQueries.Point(period,
						value, rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6),
						value == null ? IndicatorCalculator.RATIO_PARTS_MISSING : null));
			});
		}
		for (String code : Formula.evaluationOrder(IndicatorCatalog.graph(all.values()))) {
			Indicator d = all.get(code);
			if (d == null || !d.computed() || !d.active()) {
				continue;
			}
			Map<LocalDate, Map<String, BigDecimal>> inputs = new TreeMap<>();
			for (String ref : d.formula().references()) {
				Indicator in = all.get(ref);
				byId.getOrDefault(in.id(), new TreeMap<>()).forEach((start, pt) -> {
					Map<String, BigDecimal> m = inputs.computeIfAbsent(start, k -> new HashMap<>());
					if (pt.value() != null) {
						m.put(ref, pt.value());
					}
				});
			}
			TreeMap<LocalDate, IndicatorQueries.Point> mine = new TreeMap<>();
			inputs.forEach((start, in) -> {
				if (in.isEmpty()) {
					return;
				}
				Formula.Result r = d.formula().evaluate(in::get);
				boolean ratio = d.formulaKind() == FormulaKind.RATIO;
				mine.put(start, new IndicatorQueries.Point(new Period(d.frequency(), start), r.value(),
						ratio ? in.get(d.numeratorCode()) : null, ratio ? in.get(d.denominatorCode()) : null, r.ok() ? 1 : 0,
						r.explain()));
			});
			byId.put(d.id(), mine);
		}
		Map<Long, List<IndicatorQueries.Point>> out = new HashMap<>();
		byId.forEach((id, m) -> out.put(id, new ArrayList<>(m.values())));
		return out;
	}
}
