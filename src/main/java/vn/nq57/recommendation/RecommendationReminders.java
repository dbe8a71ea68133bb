package vn.nq57.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnFormat;
import vn.nq57.notification.ReminderSource;

/**
 * What the daily reminder job asks about recommendations: each routed, unanswered one is owed by its agency's
 * staff until answered; once it is more than {@code recommendation.escalate-days} days overdue it is escalated to
 * the agency's head and to DoST as well.
 */
@Component
class RecommendationReminders implements ReminderSource {

	private final NamedParameterJdbcTemplate jdbc;
	private final RecommendationSettings settings;

	RecommendationReminders(NamedParameterJdbcTemplate jdbc, RecommendationSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public String subjectType() {
		return "RECOMMENDATION";
	}

	@Override
	public List<Owed> owed(LocalDate today, int horizonDays) {
		int escalate = settings.escalateDays();
		List<Owed> out = new ArrayList<>();
		jdbc.query("""
				SELECT id, agency_id, due_date, title FROM recommendation
				WHERE state = 'ROUTED' AND answered_on IS NULL AND due_date <= :until ORDER BY due_date, id""",
				new MapSqlParameterSource("until", today.plusDays(horizonDays)), rs -> {
					long id = rs.getLong(1);
					long agency = rs.getLong(2);
					LocalDate due = rs.getObject(3, LocalDate.class);
					String title = rs.getString(4);
					String what = "trả lời kiến nghị “" + title + "”";
					String body = "Kiến nghị “" + title + "” được chuyển cho cơ quan xử lý, hạn trả lời " + VnFormat.DATE.format(due) + ".";
					String link = "/recommendations/" + id;
					out.add(new Owed(id, agency, Audience.AGENCY_STAFF, due, what, body, link));
					if (today.isAfter(due.plusDays(escalate))) {
						String esc = body + " Đã quá hạn hơn " + escalate + " ngày.";
						out.add(new Owed(id, agency, Audience.AGENCY_HEAD, due, what, esc, link));
						out.add(new Owed(id, agency, Audience.SECRETARIAT, due, what, esc, link));
					}
				});
		return out;
	}
}
