package vn.nq57.notification;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.system.AppClock;

/**
 * Agencies to propose for reprimand (đề xuất phê bình): assignments overdue more than N days, or periodic reports
 * late or missing at least M times in the year. DoST decides; the system only lists.
 */
@Service
public class Reprimands {

	public record Candidate(long agencyId, String agencyName, long longOverdue, LocalDate oldestDue, long lateReports) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final NotificationSettings settings;
	private final AppClock clock;
	private final AccessPolicy access;

	Reprimands(NamedParameterJdbcTemplate jdbc, NotificationSettings settings, AppClock clock, AccessPolicy access) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.access = access;
	}

	/**
	 * HOOK: late and missing reports are read from the reporting module's tables ({@code periodic_report},
	 * {@code reporting_period}, V40): a report is late when first submitted after its due date, missing when not
	 * submitted and the due date has passed. Replace with the reporting module's query when it publishes one.
	 */
	public List<Candidate> candidates() {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT) || me.is(Role.LEADER), "REPRIMAND", null, "xem danh sách đề xuất phê bình");
		LocalDate today = clock.today();
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today))
			.addValue("cutoff", Date.valueOf(today.minusDays(settings.reprimandOverdueDays())))
			.addValue("late", settings.reprimandLateReports())
			.addValue("year", today.getYear());
		return jdbc.query("""
				WITH overdue AS (
				  SELECT agency_id, count(*) AS n, min(due_date) AS oldest FROM assignment
				  WHERE completed_on IS NULL AND due_date < CAST(:cutoff AS date) GROUP BY agency_id),
				reports AS (
				  SELECT r.agency_id, count(*) AS n FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				  WHERE r.expected AND p.active AND p.year = :year AND p.due_date < CAST(:today AS date)
				    AND (r.first_submitted_on IS NULL OR r.first_submitted_on > p.due_date)
				  GROUP BY r.agency_id)
				SELECT ag.id, ag.name, coalesce(o.n, 0), o.oldest, coalesce(r.n, 0)
				FROM agency ag LEFT JOIN overdue o ON o.agency_id = ag.id LEFT JOIN reports r ON r.agency_id = ag.id
				WHERE o.n > 0 OR r.n >= :late
				ORDER BY coalesce(o.n, 0) + coalesce(r.n, 0) DESC, ag.name LIMIT 500""", p,
				(rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getLong(5)));
	}
}
