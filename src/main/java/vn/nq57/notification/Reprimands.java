package vn.nq57.notification;

import java.sql.Date;
import java.time.LocalDate;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.reporting.ReportObligations;
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
	private final ReportObligations obligations;

	static final int LIMIT = 500;

	Reprimands(NamedParameterJdbcTemplate jdbc, NotificationSettings settings, AppClock clock, AccessPolicy access,
			ReportObligations obligations) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.access = access;
		this.obligations = obligations;
	}

	/**
	 * Agencies with assignments overdue more than {@code notify.reprimand.overdue-days}, or with at least
	 * {@code notify.reprimand.late-reports} reports of this year late or missing (from the reporting module's
	 * {@link ReportObligations#lateOrMissing}), most first; at most 500.
	 */
	public List<Candidate> candidates() {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT) || me.is(Role.LEADER), "REPRIMAND", null, "xem danh sách đề xuất phê bình");
		return candidates(clock.today());
	}

	List<Candidate> candidates(LocalDate today) {
		int late = settings.reprimandLateReports();
		Map<Long, Long> reports = new HashMap<>();
		obligations.lateOrMissing(today.getYear(), today).forEach((agency, n) -> {
			if (n >= late) {
				reports.put(agency, n);
			}
		});
		MapSqlParameterSource p = new MapSqlParameterSource("cutoff",
				Date.valueOf(today.minusDays(settings.reprimandOverdueDays())))
			.addValue("reported", reports.keySet().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
		List<Candidate> out = new ArrayList<>(jdbc.query("""
				WITH overdue AS (
				  SELECT agency_id, count(*) AS n, min(due_date) AS oldest FROM assignment_view
				  WHERE task_overdue(due_date, completed_on, CAST(:cutoff AS date)) GROUP BY agency_id)
				SELECT ag.id, ag.name, coalesce(o.n, 0), o.oldest
				FROM agency_view ag LEFT JOIN overdue o ON o.agency_id = ag.id
				WHERE o.n > 0 OR ag.id = ANY (CAST(:reported AS bigint[]))""", p,
				(rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
						reports.getOrDefault(rs.getLong(1), 0L))));
		Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
		out.sort(Comparator.comparingLong((Candidate c) -> -(c.longOverdue() + c.lateReports()))
			.thenComparing(Candidate::agencyName, vi));
		return out.size() > LIMIT ? List.copyOf(out.subList(0, LIMIT)) : out;
	}
}
