package vn.nq57.notification;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AppClock;

/**
 * The weekly digest: for each agency head, their agency; for each leader, the province. What turned overdue in the
 * past seven days, what falls due in the next fourteen, and (for leaders) which agencies are most late. One per
 * user and week (keyed on the week's Monday).
 */
@Component
class WeeklyDigest {

	private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final int NEXT_DAYS = 14;
	private static final int LIST = 10;

	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;

	WeeklyDigest(NamedParameterJdbcTemplate jdbc, AppClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Line(long taskId, String title, String agency, LocalDate due) {
	}

	@Transactional
	public int computeWeek() {
		LocalDate today = clock.today();
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today))
			.addValue("weekAgo", Date.valueOf(today.minusDays(7)))
			.addValue("nextDays", NEXT_DAYS)
			.addValue("monday", Date.valueOf(monday));
		int n = 0;
		// heads: one digest per agency, the same text for each head of it
		List<Long> agencies = jdbc.queryForList("""
				SELECT DISTINCT u.agency_id FROM app_user_view u
				WHERE u.enabled AND u.role = 'AGENCY_HEAD'
				  AND NOT EXISTS (SELECT 1 FROM notification x WHERE x.user_id = u.id AND x.kind = 'WEEKLY_DIGEST'
				                  AND x.subject_type = 'AGENCY' AND x.due_moment = :monday)""", p, Long.class);
		for (long agency : agencies) {
			MapSqlParameterSource q = new MapSqlParameterSource(p.getValues()).addValue("agency", agency);
			List<Line> turned = lines("a.agency_id = :agency AND task_overdue(a.due_date, a.completed_on, :today) AND a.due_date >= :weekAgo", q);
			List<Line> next = lines("a.agency_id = :agency AND task_due_soon(a.due_date, a.completed_on, :today, :nextDays)", q);
			Long overdue = jdbc.queryForObject("""
					SELECT count(*) FROM assignment_view a WHERE a.agency_id = :agency
					AND task_overdue(a.due_date, a.completed_on, :today)""", q, Long.class);
			String body = section("Nhiệm vụ chuyển sang quá hạn trong 7 ngày qua", turned, false)
					+ section("Nhiệm vụ đến hạn trong " + NEXT_DAYS + " ngày tới", next, false)
					+ "Tổng số nhiệm vụ của cơ quan đang quá hạn: " + overdue + ".";
			q.addValue("title", "Bản tin tuần " + D.format(monday) + ": " + overdue + " nhiệm vụ quá hạn, "
					+ next.size() + " sắp đến hạn").addValue("body", body);
			n += jdbc.update("""
					INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, agency_id, title, body,
					                         link, mail_state, mail_to)
					SELECT u.id, 'WEEKLY_DIGEST', 'AGENCY', :agency, :monday, :agency, :title, :body, '/my', %s
					FROM app_user_view u WHERE u.enabled AND u.role = 'AGENCY_HEAD' AND u.agency_id = :agency
					ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(
					ReminderEngine.mailColumns(NotificationKind.WEEKLY_DIGEST)), q);
		}
		// leaders: the province
		List<Line> turned = lines("task_overdue(a.due_date, a.completed_on, :today) AND a.due_date >= :weekAgo", p);
		List<Line> next = lines("task_due_soon(a.due_date, a.completed_on, :today, :nextDays)", p);
		List<String> late = jdbc.query("""
				SELECT ag.name, count(*) AS n, min(a.due_date) AS oldest
				FROM assignment_view a JOIN agency_view ag ON ag.id = a.agency_id
				WHERE task_overdue(a.due_date, a.completed_on, :today)
				GROUP BY ag.name ORDER BY n DESC, ag.name LIMIT %d""".formatted(LIST), p,
				(rs, i) -> "- " + rs.getString(1) + ": " + rs.getLong(2) + " nhiệm vụ quá hạn (lâu nhất từ "
						+ D.format(rs.getDate(3).toLocalDate()) + ")");
		Long turnedCount = count("task_overdue(a.due_date, a.completed_on, :today) AND a.due_date >= :weekAgo", p);
		Long nextCount = count("task_due_soon(a.due_date, a.completed_on, :today, :nextDays)", p);
		String body = section("Nhiệm vụ chuyển sang quá hạn trong 7 ngày qua (" + turnedCount + ")", turned, true)
				+ section("Nhiệm vụ đến hạn trong " + NEXT_DAYS + " ngày tới (" + nextCount + ")", next, true)
				+ "Cơ quan, đơn vị có nhiều nhiệm vụ quá hạn nhất:\n" + (late.isEmpty() ? "(không có)" : String.join("\n", late));
		p.addValue("title", "Bản tin tuần " + D.format(monday) + " toàn tỉnh: " + turnedCount + " nhiệm vụ mới quá hạn, "
				+ nextCount + " sắp đến hạn").addValue("body", body);
		n += jdbc.update("""
				INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, title, body, link,
				                         mail_state, mail_to)
				SELECT u.id, 'WEEKLY_DIGEST', 'PROVINCE', 0, :monday, :title, :body, '/overview', %s
				FROM app_user_view u WHERE u.enabled AND u.role = 'LEADER'
				ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(
				ReminderEngine.mailColumns(NotificationKind.WEEKLY_DIGEST)), p);
		return n;
	}

	private List<Line> lines(String where, MapSqlParameterSource p) {
		return jdbc.query("""
				SELECT t.id, t.title, ag.name, a.due_date
				FROM assignment_view a JOIN task_view t ON t.id = a.task_id JOIN agency_view ag ON ag.id = a.agency_id
				WHERE %s
				ORDER BY a.due_date, t.id LIMIT %d""".formatted(where, LIST), p,
				(rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()));
	}

	private Long count(String where, MapSqlParameterSource p) {
		return jdbc.queryForObject("SELECT count(*) FROM assignment_view a WHERE " + where, p,
				Long.class);
	}

	private static String section(String heading, List<Line> lines, boolean withAgency) {
		StringBuilder b = new StringBuilder(heading).append(":\n");
		if (lines.isEmpty()) {
			b.append("(không có)\n");
		}
		for (Line l : lines) {
			b.append("- ").append(abbreviate(l.title(), 160)).append(withAgency ? " – " + l.agency() : "")
				.append(" (hạn ").append(D.format(l.due())).append(")\n");
		}
		return b.append('\n').toString();
	}

	private static String abbreviate(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 1) + "…";
	}
}
