package vn.nq57.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.RegimeService.AgencyRule;
import vn.nq57.reporting.RegimeService.Regime;
import vn.nq57.reporting.RegimeService.RegimeVersion;
import vn.nq57.reporting.RegimeService.Span;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.system.NotFoundException;

/** Reads the reporting regimes with their versions, the periods computed from them, agency rules and spans. */
@Component
class RegimeQueries {

	private final NamedParameterJdbcTemplate jdbc;

	RegimeQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Regime> regimes() {
		Map<Long, List<RegimeVersion>> versions = new LinkedHashMap<>();
		jdbc.query("SELECT * FROM reporting_regime_version ORDER BY regime_id, valid_from", rs -> {
			versions.computeIfAbsent(rs.getLong("regime_id"), k -> new ArrayList<>()).add(version(rs));
		});
		return jdbc.query("SELECT * FROM reporting_regime ORDER BY position, id", (rs, i) -> new Regime(rs.getLong("id"),
				rs.getString("code"), rs.getString("name"), Frequency.valueOf(rs.getString("frequency")),
				(Long) rs.getObject("plan_id"), rs.getString("source_note"), day(rs, "expected_from"), rs.getLong("version"),
				List.copyOf(versions.getOrDefault(rs.getLong("id"), List.of()))));
	}

	Regime regime(long id) {
		return regimes().stream().filter(r -> r.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("Không tìm thấy chế độ báo cáo #" + id));
	}

	static final String PERIOD_SQL = """
			SELECT p.id, p.regime_id, r.name AS regime_name, r.frequency, p.period_key, p.year, p.idx, p.label,
			       p.starts_on, p.ends_on, p.window_start, p.window_end, p.due_date, p.lock_date, p.active
			FROM reporting_period p JOIN reporting_regime r ON r.id = p.regime_id""";

	static ReportingPeriod period(ResultSet rs) throws SQLException {
		return new ReportingPeriod(rs.getLong("id"), rs.getLong("regime_id"), rs.getString("regime_name"),
				Frequency.valueOf(rs.getString("frequency")), rs.getString("period_key"), rs.getInt("year"),
				rs.getInt("idx"), rs.getString("label"), day(rs, "starts_on"), day(rs, "ends_on"),
				day(rs, "window_start"), day(rs, "window_end"), day(rs, "due_date"), day(rs, "lock_date"),
				rs.getBoolean("active"));
	}

	ReportingPeriod period(long id) {
		return jdbc.query(PERIOD_SQL + " WHERE p.id = :id", new MapSqlParameterSource("id", id), (rs, i) -> period(rs))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy kỳ báo cáo #" + id));
	}

	ReportingPeriod period(long regimeId, String key) {
		return jdbc.query(PERIOD_SQL + " WHERE p.regime_id = :r AND p.period_key = :k",
				new MapSqlParameterSource("r", regimeId).addValue("k", key), (rs, i) -> period(rs))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy kỳ báo cáo " + key));
	}

	/** The active periods of a regime whose first day falls in {@code year}, in order. */
	List<ReportingPeriod> periods(long regimeId, int year) {
		return jdbc.query(PERIOD_SQL + " WHERE p.regime_id = :r AND p.year = :y AND p.active ORDER BY p.starts_on",
				new MapSqlParameterSource("r", regimeId).addValue("y", year), (rs, i) -> period(rs));
	}

	/** The years that have periods, newest first (for the year selector). */
	List<Integer> years() {
		return jdbc.queryForList("SELECT DISTINCT year FROM reporting_period WHERE active ORDER BY year DESC",
				new MapSqlParameterSource(), Integer.class);
	}

	List<AgencyRule> agencyRules(long regimeId) {
		return jdbc.query("""
				SELECT o.id, o.regime_id, o.agency_id, a.name, o.mode, o.valid_from, o.valid_to, o.note
				FROM reporting_regime_agency o JOIN agency_view a ON a.id = o.agency_id
				WHERE o.regime_id = :r ORDER BY a.name, o.id""", new MapSqlParameterSource("r", regimeId),
				(rs, i) -> new AgencyRule(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						day(rs, "valid_from"), day(rs, "valid_to"), rs.getString(8)));
	}

	/** Spans that say something: a start, an end, or an inactive agency. */
	List<Span> notableSpans() {
		return jdbc.query("""
				SELECT s.agency_id, a.name, a.active, s.reports_from, s.reports_until, s.until_auto, s.successor_agency_id,
				       su.name AS successor, s.note
				FROM reporting_agency_span s JOIN agency_view a ON a.id = s.agency_id
				LEFT JOIN agency_view su ON su.id = s.successor_agency_id
				WHERE s.reports_from IS NOT NULL OR s.reports_until IS NOT NULL OR NOT a.active
				ORDER BY coalesce(s.reports_until, s.reports_from) DESC NULLS LAST, a.name""", new MapSqlParameterSource(),
				(rs, i) -> new Span(rs.getLong(1), rs.getString(2), rs.getBoolean(3), day(rs, "reports_from"),
						day(rs, "reports_until"), rs.getBoolean(6), (Long) rs.getObject(7), rs.getString(8),
						rs.getString(9)));
	}

	Span span(long agencyId) {
		return jdbc.query("""
				SELECT a.id, a.name, a.active, s.reports_from, s.reports_until, coalesce(s.until_auto, false),
				       s.successor_agency_id, su.name, s.note
				FROM agency_view a LEFT JOIN reporting_agency_span s ON s.agency_id = a.id
				LEFT JOIN agency_view su ON su.id = s.successor_agency_id WHERE a.id = :a""",
				new MapSqlParameterSource("a", agencyId),
				(rs, i) -> new Span(rs.getLong(1), rs.getString(2), rs.getBoolean(3), day(rs, "reports_from"),
						day(rs, "reports_until"), rs.getBoolean(6), (Long) rs.getObject(7), rs.getString(8),
						rs.getString(9)))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy cơ quan, đơn vị #" + agencyId));
	}

	AgencyRule agencyRule(long ruleId) {
		return jdbc.query("""
				SELECT o.id, o.regime_id, o.agency_id, a.name, o.mode, o.valid_from, o.valid_to, o.note
				FROM reporting_regime_agency o JOIN agency_view a ON a.id = o.agency_id WHERE o.id = :id""",
				new MapSqlParameterSource("id", ruleId),
				(rs, i) -> new AgencyRule(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						day(rs, "valid_from"), day(rs, "valid_to"), rs.getString(8)))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy quy định #" + ruleId));
	}

	static RegimeVersion version(ResultSet rs) throws SQLException {
		Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
		for (String k : rs.getString("agency_kinds").split(",")) {
			if (!k.isBlank()) {
				kinds.add(AgencyKind.valueOf(k.trim()));
			}
		}
		Rule rule = new Rule(rs.getInt("due_month"), rs.getInt("due_day"), rs.getBoolean("due_before"),
				rs.getInt("window_end_month"), rs.getInt("window_end_day"), rs.getInt("grace_days"));
		return new RegimeVersion(rs.getLong("id"), day(rs, "valid_from"), rs.getBoolean("suspended"), rule, kinds,
				rs.getString("note"), rs.getString("created_by"));
	}

	static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
