package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reporting duties of agencies, for other modules (the reminders and the reprimand list of
 * {@code vn.nq57.notification}), so that they do not read this module's tables. Counted by the rules of
 * {@link Completeness}: only expected reports of active periods; a report is <em>received</em> when submitted or
 * accepted.
 */
@Component
public class ReportObligations {

	/** A report an agency still owes: expected, of an active period, not received (not sent yet, or returned). */
	public record Owed(long reportId, long agencyId, String periodLabel, String regimeName, LocalDate dueDate) {
	}

	private final JdbcClient jdbc;

	ReportObligations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The reports still owed whose due date (last on-time day) is between {@code from} and {@code to}, inclusive. */
	public List<Owed> owedDueBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT r.id, r.agency_id, p.label, g.name, p.due_date
				FROM periodic_report r
				JOIN reporting_period p ON p.id = r.period_id
				JOIN reporting_regime g ON g.id = p.regime_id
				WHERE r.expected AND p.active AND NOT (%s)
				  AND p.due_date BETWEEN :from AND :to
				ORDER BY p.due_date, r.agency_id, g.position, r.id""".formatted(CompletenessQueries.RECEIVED))
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new Owed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate()))
			.list();
	}

	/**
	 * Per agency, how many of its reports of {@code year} whose due date is before {@code today} were late or are
	 * missing: first submitted after the due date (the {@link Completeness.Cell#LATE} cells, and returned reports
	 * that had first arrived late), or never submitted ({@link Completeness.Cell#MISSING}). Agencies with none are
	 * left out.
	 */
	public Map<Long, Long> lateOrMissing(int year, LocalDate today) {
		Map<Long, Long> out = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT r.agency_id, count(*)
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE r.expected AND p.active AND p.year = :year AND p.due_date < :today
				  AND (r.first_submitted_on IS NULL OR r.first_submitted_on > p.due_date)
				GROUP BY r.agency_id
				ORDER BY r.agency_id""")
			.param("year", year)
			.param("today", today)
			.query(rs -> {
				out.put(rs.getLong(1), rs.getLong(2));
			});
		return out;
	}
}
