package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;

/**
 * The province's figures as they stood at the end of a past day, for the scoreboard "as of" a date.
 *
 * <p>An agency's value counts with what its last approval up to that day said (the head's approval, or the
 * head's own entry) and not at all if DoST had returned it by then or it was still a draft; a value loaded
 * without any history (a bulk load) counts as loaded. Every step of a value is in its history with its time,
 * so a figure can only differ from today's kept figure ({@code indicator_rollup}) where a value of that
 * indicator and period has a step after the day: only those cells are rebuilt from the values (by the same
 * aggregation rule as the kept figures, {@link Aggregation#sql()}), the rest is read from the kept figures;
 * computed indicators are evaluated again, in formula order, wherever one of their inputs' figures was rebuilt.
 * The cost is the scoreboard's plus the cells changed since that day.
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
		MapSqlParameterSource p = new MapSqlParameterSource("asof", Date.valueOf(asOf)).addValue("until", until);
		Map<Long, Indicator> indicators = new HashMap<>();
		all.values().forEach(i -> indicators.put(i.id(), i));
		Map<Long, TreeMap<LocalDate, IndicatorQueries.Point>> byId = new HashMap<>();
		jdbc.query("""
				SELECT indicator_id, period_start, value, numerator, denominator, reported, problem
				FROM indicator_rollup WHERE period_start <= :asof""", p, rs -> {
			Indicator ind = indicators.get(rs.getLong(1));
			if (ind != null) {
				Period period = new Period(ind.frequency(), rs.getObject(2, LocalDate.class));
				byId.computeIfAbsent(ind.id(), k -> new TreeMap<>()).put(period.start(), new IndicatorQueries.Point(period,
						rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), rs.getString(7)));
			}
		});
		// the cells with a step after the day: their figure then is rebuilt from the values
		Map<Long, Set<LocalDate>> changed = new HashMap<>();
		jdbc.query("""
				SELECT DISTINCT v.indicator_id, v.period_start
				FROM indicator_value_history h JOIN indicator_value v ON v.id = h.value_id
				WHERE h.occurred_at >= :until AND v.period_start <= :asof""", p, rs -> {
			changed.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getObject(2, LocalDate.class));
		});
		Map<String, List<Indicator>> byRule = all.values().stream()
			.filter(i -> !i.computed() && changed.containsKey(i.id()))
			.collect(Collectors.groupingBy(i -> i.aggregation() + "/" + i.percent(), LinkedHashMap::new, Collectors.toList()));
		for (List<Indicator> same : byRule.values()) {
			rebuild(same, changed, p, indicators, byId);
		}
		for (String code : Formula.evaluationOrder(FormulaGraph.graph(all.values()))) {
			Indicator d = all.get(code);
			if (d == null || !d.computed() || !d.active()) {
				continue;
			}
			Set<LocalDate> periods = new HashSet<>();
			for (String ref : d.formula().references()) {
				periods.addAll(changed.getOrDefault(all.get(ref).id(), Set.of()));
			}
			if (periods.isEmpty()) {
				continue;
			}
			changed.computeIfAbsent(d.id(), k -> new HashSet<>()).addAll(periods);
			TreeMap<LocalDate, IndicatorQueries.Point> mine = byId.computeIfAbsent(d.id(), k -> new TreeMap<>());
			for (LocalDate start : periods) {
				Map<String, BigDecimal> in = new HashMap<>();
				for (String ref : d.formula().references()) {
					IndicatorQueries.Point pt = byId.getOrDefault(all.get(ref).id(), new TreeMap<>()).get(start);
					if (pt != null && pt.value() != null) {
						in.put(ref, pt.value());
					}
				}
				if (in.isEmpty()) {
					mine.remove(start);
					continue;
				}
				Formula.Result r = d.formula().evaluate(in::get);
				boolean ratio = d.formulaKind() == FormulaKind.RATIO;
				mine.put(start, new IndicatorQueries.Point(new Period(d.frequency(), start), r.value(),
						ratio ? in.get(d.numeratorCode()) : null, ratio ? in.get(d.denominatorCode()) : null, r.ok() ? 1 : 0,
						r.explain()));
			}
		}
		Map<Long, List<IndicatorQueries.Point>> out = new HashMap<>();
		byId.forEach((id, m) -> out.put(id, new ArrayList<>(m.values())));
		return out;
	}

	/** The changed cells of entered indicators sharing one aggregation rule, from the values' state at the day. */
	private void rebuild(List<Indicator> same, Map<Long, Set<LocalDate>> changed, MapSqlParameterSource base,
			Map<Long, Indicator> indicators, Map<Long, TreeMap<LocalDate, IndicatorQueries.Point>> byId) {
		Indicator first = same.get(0);
		// the cells as two parallel array literals ({1,2}, {2026-01-01,2026-04-01}): one query, whatever their number
		List<String> ids = new ArrayList<>();
		List<String> starts = new ArrayList<>();
		for (Indicator i : same) {
			for (LocalDate d : changed.get(i.id())) {
				ids.add(String.valueOf(i.id()));
				starts.add(d.toString());
				byId.getOrDefault(i.id(), new TreeMap<>()).remove(d);
			}
		}
		MapSqlParameterSource p = new MapSqlParameterSource(base.getValues()).addValue("scale", first.scale())
			.addValue("ids", "{" + String.join(",", ids) + "}").addValue("starts", "{" + String.join(",", starts) + "}");
		jdbc.query("""
				WITH cell AS (SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:starts AS date[])) AS c(indicator_id, period_start)),
				v AS (
				  SELECT v.id, v.indicator_id, v.period_start, v.approved_value, v.approved_numerator, v.approved_denominator
				  FROM cell JOIN indicator_value v ON v.indicator_id = cell.indicator_id AND v.period_start = cell.period_start),
				h AS (
				  SELECT DISTINCT ON (h.value_id) h.value_id, h.action, h.value, h.numerator, h.denominator
				  FROM indicator_value_history h JOIN v ON v.id = h.value_id
				  WHERE h.occurred_at < :until
				    AND (h.action IN ('APPROVED', 'RETURNED') OR (h.action = 'ENTERED' AND h.state = 'APPROVED'))
				  ORDER BY h.value_id, h.occurred_at DESC, h.id DESC),
				x AS (
				  SELECT v.indicator_id, v.period_start,
				         CASE WHEN h.value_id IS NOT NULL THEN CASE WHEN h.action <> 'RETURNED' THEN h.value END
				              WHEN NOT EXISTS (SELECT 1 FROM indicator_value_history k WHERE k.value_id = v.id) THEN v.approved_value
				         END AS approved_value,
				         CASE WHEN h.value_id IS NOT NULL THEN CASE WHEN h.action <> 'RETURNED' THEN h.numerator END
				              WHEN NOT EXISTS (SELECT 1 FROM indicator_value_history k WHERE k.value_id = v.id) THEN v.approved_numerator
				         END AS approved_numerator,
				         CASE WHEN h.value_id IS NOT NULL THEN CASE WHEN h.action <> 'RETURNED' THEN h.denominator END
				              WHEN NOT EXISTS (SELECT 1 FROM indicator_value_history k WHERE k.value_id = v.id) THEN v.approved_denominator
				         END AS approved_denominator
				  FROM v LEFT JOIN h ON h.value_id = v.id)
				SELECT indicator_id, period_start, %s AS value, %s AS num, %s AS den, count(*) AS n
				FROM x WHERE approved_value IS NOT NULL
				GROUP BY indicator_id, period_start""".formatted(first.aggregation().sql(),
				Aggregation.sqlPart("approved_numerator"), Aggregation.sqlPart("approved_denominator")), p, rs -> {
			Indicator ind = indicators.get(rs.getLong(1));
			Period period = new Period(ind.frequency(), rs.getObject(2, LocalDate.class));
			BigDecimal value = rs.getBigDecimal(3);
			byId.computeIfAbsent(ind.id(), k -> new TreeMap<>()).put(period.start(), new IndicatorQueries.Point(period, value,
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6),
					value == null ? IndicatorCalculator.RATIO_PARTS_MISSING : null));
		});
	}
}
