package vn.nq57.indicator;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;

/** Writes indicator definitions to the {@code indicator*} tables and records each change in the audit trail. */
@Component
class IndicatorStore {

	private final NamedParameterJdbcTemplate jdbc;
	private final AuditLog audit;
	private final AppClock clock;

	IndicatorStore(NamedParameterJdbcTemplate jdbc, AuditLog audit, AppClock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Inserts or updates (on the version read) the definition with its targets and reporters; its id. */
	long write(Indicator before, Indicator d) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("code", d.code()).addValue("name", d.name()).addValue("category", d.category())
			.addValue("unit", d.unit()).addValue("kind", d.kind().name())
			.addValue("aggregation", d.aggregation() == null ? null : d.aggregation().name())
			.addValue("formulaKind", d.formulaKind() == null ? null : d.formulaKind().name())
			.addValue("num", d.numeratorCode()).addValue("den", d.denominatorCode()).addValue("expr", d.expression())
			.addValue("direction", d.direction().name()).addValue("frequency", d.frequency().name())
			.addValue("resp", d.responsibleAgencyId()).addValue("source", d.dataSource())
			.addValue("breakdown", d.breakdown().name()).addValue("bv", d.baselineValue()).addValue("by", d.baselineYear())
			.addValue("green", d.greenPct()).addValue("amber", d.amberPct()).addValue("min", d.minValue())
			.addValue("max", d.maxValue()).addValue("decimals", d.decimals()).addValue("dueDays", d.dueDays())
			.addValue("board", d.onScoreboard()).addValue("position", d.position()).addValue("active", d.active())
			.addValue("now", Timestamp.from(clock.now()));
		long id;
		if (before == null) {
			id = jdbc.queryForObject("""
					INSERT INTO indicator(code, name, category, unit, kind, aggregation, formula_kind, numerator_code,
					  denominator_code, expression, direction, frequency, responsible_agency_id, data_source, breakdown,
					  baseline_value, baseline_year, green_pct, amber_pct, min_value, max_value, decimals, due_days,
					  on_scoreboard, position, active, created_at, updated_at)
					VALUES (:code, :name, :category, :unit, :kind, :aggregation, :formulaKind, :num, :den, :expr, :direction,
					  :frequency, :resp, :source, :breakdown, :bv, :by, :green, :amber, :min, :max, :decimals, :dueDays,
					  :board, :position, :active, :now, :now)
					RETURNING id""", p, Long.class);
		}
		else {
			id = before.id();
			int n = jdbc.update("""
					UPDATE indicator SET code = :code, name = :name, category = :category, unit = :unit, kind = :kind,
					  aggregation = :aggregation, formula_kind = :formulaKind, numerator_code = :num, denominator_code = :den,
					  expression = :expr, direction = :direction, frequency = :frequency, responsible_agency_id = :resp,
					  data_source = :source, breakdown = :breakdown, baseline_value = :bv, baseline_year = :by,
					  green_pct = :green, amber_pct = :amber, min_value = :min, max_value = :max, decimals = :decimals,
					  due_days = :dueDays, on_scoreboard = :board, position = :position, active = :active,
					  version = version + 1, updated_at = :now
					WHERE id = :id AND version = :version""", p.addValue("id", id).addValue("version", before.version()));
			if (n == 0) {
				throw new ConcurrentEditException("chỉ số");
			}
			jdbc.update("DELETE FROM indicator_target WHERE indicator_id = :id", p);
			jdbc.update("DELETE FROM indicator_reporter WHERE indicator_id = :id", p);
		}
		for (Indicator.Target t : d.targets()) {
			jdbc.update("INSERT INTO indicator_target(indicator_id, year, value, note) VALUES (:id, :year, :value, :note)",
					new MapSqlParameterSource("id", id).addValue("year", t.year()).addValue("value", t.value())
						.addValue("note", t.note()));
		}
		for (Long agencyId : d.reporterIds()) {
			jdbc.update("INSERT INTO indicator_reporter(indicator_id, agency_id) VALUES (:id, :agency)",
					new MapSqlParameterSource("id", id).addValue("agency", agencyId));
		}
		return id;
	}

	/** The change in the audit trail, with the definition before and after; {@code how}: "Cập nhật", "Nhập từ Excel". */
	void audited(Indicator before, Indicator saved, String how) {
		audit.change(before == null ? "INDICATOR_CREATED" : "INDICATOR_UPDATED", "INDICATOR", saved.id(), null,
				(before == null ? "Thêm chỉ số " : how + " chỉ số ") + saved.code() + " – " + saved.name(),
				before == null ? null : snapshot(before), snapshot(saved));
	}

	/** The next free place at the end of the set. */
	int nextPosition() {
		Integer max = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM indicator", new MapSqlParameterSource(),
				Integer.class);
		return (max == null ? 0 : max) + 10;
	}

	static Map<String, Object> snapshot(Indicator i) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", i.code());
		m.put("name", i.name());
		m.put("category", i.category());
		m.put("unit", i.unit());
		m.put("kind", i.kind().name());
		m.put("aggregation", i.aggregation() == null ? null : i.aggregation().name());
		m.put("formula", i.computed() ? i.formulaText() : null);
		m.put("direction", i.direction().name());
		m.put("frequency", i.frequency().name());
		m.put("responsibleAgencyId", i.responsibleAgencyId());
		m.put("dataSource", i.dataSource());
		m.put("breakdown", i.breakdown().name());
		m.put("baseline", i.baselineValue() == null ? null : i.baselineValue().toPlainString() + " (" + i.baselineYear() + ")");
		Map<String, String> targets = new LinkedHashMap<>();
		i.targets().forEach(t -> targets.put(String.valueOf(t.year()), t.value().toPlainString()));
		m.put("targets", targets);
		m.put("thresholds", i.greenPct().toPlainString() + "/" + i.amberPct().toPlainString());
		m.put("min", i.minValue() == null ? null : i.minValue().toPlainString());
		m.put("max", i.maxValue() == null ? null : i.maxValue().toPlainString());
		m.put("decimals", i.decimals());
		m.put("dueDays", i.dueDays());
		m.put("onScoreboard", i.onScoreboard());
		m.put("active", i.active());
		m.put("reporters", i.reporterIds());
		return m;
	}
}
