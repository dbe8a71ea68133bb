package vn.nq57.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.reporting.RegimeService.Regime;
import vn.nq57.reporting.RegimeService.SyncResult;
import vn.nq57.reporting.ReportingCalendar.Period;
import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

/** Materialises the reporting periods of every regime and the reports each agency owes for them. */
@Component
class ReportingSync {

	private static final Logger log = LoggerFactory.getLogger(ReportingSync.class);

	static final String INITIALISED = "reporting.initialised-on";

	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;
	private final Settings settings;
	private final RegimeQueries queries;

	ReportingSync(NamedParameterJdbcTemplate jdbc, AppClock clock, Settings settings, RegimeQueries queries) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.queries = queries;
	}

	/**
	 * Brings periods and expected reports in line with the regimes, the registry and the spans; idempotent, run
	 * at start-up, nightly and after every change here.
	 * <ol>
	 * <li>Spans: an agency seen for the first time owes reports from today (from always, on the very first run);
	 * one found inactive stops owing them from today; DoST's own dates are left alone.</li>
	 * <li>Periods: every period from a regime's first version to the end of the current year.</li>
	 * <li>Expected reports: a row for each (period, agency) of {@code reporting_expectation}; rows no longer
	 * owed are removed when nothing was written in them, else kept as not expected.</li>
	 * </ol>
	 */
	@Transactional
	SyncResult sync() {
		LocalDate today = clock.today();
		boolean initial = settings.get(INITIALISED, "").isBlank();
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today)).addValue("initial", initial);
		jdbc.update("""
				INSERT INTO reporting_agency_span(agency_id, reports_from)
				SELECT a.id, CASE WHEN :initial THEN NULL ELSE :today::date END FROM agency_view a
				WHERE a.active AND a.kind <> 'COLLECTIVE'
				  AND NOT EXISTS (SELECT 1 FROM reporting_agency_span s WHERE s.agency_id = a.id)""", p);
		jdbc.update("""
				UPDATE reporting_agency_span s SET reports_until = :today::date - 1, until_auto = true, updated_at = now()
				FROM agency_view a WHERE a.id = s.agency_id AND NOT a.active AND s.reports_until IS NULL""", p);
		jdbc.update("""
				UPDATE reporting_agency_span s SET reports_until = NULL, until_auto = false, updated_at = now()
				FROM agency_view a WHERE a.id = s.agency_id AND a.active AND s.until_auto""", p);
		if (initial) {
			settings.put(INITIALISED, today.toString());
		}

		int periods = 0;
		LocalDate horizon = LocalDate.of(today.getYear(), 12, 31);
		for (Regime r : queries.regimes()) {
			periods += syncPeriods(r, horizon);
		}

		jdbc.getJdbcTemplate().execute("""
				CREATE TEMP TABLE reporting_desired ON COMMIT DROP AS SELECT period_id, agency_id FROM reporting_expectation""");
		jdbc.getJdbcTemplate().execute("CREATE UNIQUE INDEX ON reporting_desired(period_id, agency_id)");
		jdbc.getJdbcTemplate().execute("ANALYZE reporting_desired");
		int added = jdbc.update("""
				INSERT INTO periodic_report(period_id, agency_id, expected, state)
				SELECT period_id, agency_id, true, 'NOT_STARTED' FROM reporting_desired
				ON CONFLICT (period_id, agency_id) DO UPDATE SET expected = true WHERE NOT periodic_report.expected""", p);
		int removed = jdbc.update("""
				DELETE FROM periodic_report r WHERE r.state = 'NOT_STARTED'
				  AND NOT EXISTS (SELECT 1 FROM reporting_desired d WHERE d.period_id = r.period_id AND d.agency_id = r.agency_id)""", p);
		int unexpected = jdbc.update("""
				UPDATE periodic_report r SET expected = false WHERE r.expected AND r.state <> 'NOT_STARTED'
				  AND NOT EXISTS (SELECT 1 FROM reporting_desired d WHERE d.period_id = r.period_id AND d.agency_id = r.agency_id)""", p);
		Long expected = jdbc.queryForObject("SELECT count(*) FROM reporting_desired", p, Long.class);
		jdbc.getJdbcTemplate().execute("DROP TABLE reporting_desired");
		SyncResult result = new SyncResult(periods, expected == null ? 0 : expected, added, removed, unexpected);
		log.debug("Reporting sync on {}: {}", today, result);
		return result;
	}

	private int syncPeriods(Regime r, LocalDate horizon) {
		if (r.versions().isEmpty()) {
			return 0;
		}
		LocalDate first = r.versions().get(0).validFrom();
		List<Period> computed = ReportingCalendar.periods(r.frequency(), r.calendarVersions(), first, horizon);
		Map<LocalDate, Long> versionIds = new LinkedHashMap<>();
		r.versions().forEach(v -> versionIds.put(v.validFrom(), v.id()));
		List<String> keys = new ArrayList<>();
		for (Period p : computed) {
			keys.add(p.key());
			jdbc.update("""
					INSERT INTO reporting_period(regime_id, version_id, period_key, year, idx, label, starts_on, ends_on,
					                             window_start, window_end, due_date, lock_date, active)
					VALUES (:r, :v, :key, :year, :idx, :label, :start, :end, :ws, :we, :due, :lock, true)
					ON CONFLICT (regime_id, period_key) DO UPDATE SET version_id = excluded.version_id,
					  label = excluded.label, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
					  window_start = excluded.window_start, window_end = excluded.window_end, due_date = excluded.due_date,
					  lock_date = excluded.lock_date, active = true
					WHERE (reporting_period.version_id, reporting_period.window_start, reporting_period.window_end,
					       reporting_period.due_date, reporting_period.lock_date, reporting_period.active)
					      IS DISTINCT FROM (excluded.version_id, excluded.window_start, excluded.window_end,
					       excluded.due_date, excluded.lock_date, true)""",
					new MapSqlParameterSource("r", r.id()).addValue("v", versionIds.get(p.version().validFrom()))
						.addValue("key", p.key()).addValue("year", p.year()).addValue("idx", p.index())
						.addValue("label", p.label()).addValue("start", Date.valueOf(p.start()))
						.addValue("end", Date.valueOf(p.end())).addValue("ws", Date.valueOf(p.windowStart()))
						.addValue("we", Date.valueOf(p.windowEnd())).addValue("due", Date.valueOf(p.dueDate()))
						.addValue("lock", Date.valueOf(p.lockDate())));
		}
		// periods the regime no longer has (suspended, or before a later first version) stop being reported
		MapSqlParameterSource q = new MapSqlParameterSource("r", r.id()).addValue("keys", keys.isEmpty() ? List.of("") : keys);
		jdbc.update("UPDATE reporting_period SET active = false WHERE regime_id = :r AND active AND period_key NOT IN (:keys)", q);
		return computed.size();
	}
}
