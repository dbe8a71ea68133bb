package vn.nq57.datacall;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnFormat;
import vn.nq57.notification.ReminderSource;

/** What agencies still owe on open ad hoc calls, for the daily reminder job: every agency asked that has not sent. */
@Component
class DataCallReminders implements ReminderSource {

	private final JdbcTemplate jdbc;

	DataCallReminders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String subjectType() {
		return "DATA_CALL";
	}

	@Override
	public List<Owed> owed(LocalDate today, int horizonDays) {
		return jdbc.query("""
				SELECT c.id, c.title, c.due_date, t.agency_id FROM data_call c
				JOIN data_call_target t ON t.call_id = c.id
				LEFT JOIN data_call_response r ON r.call_id = c.id AND r.agency_id = t.agency_id
				WHERE c.state = 'OPEN' AND c.due_date <= ? AND r.state IS DISTINCT FROM 'SUBMITTED'
				ORDER BY c.id, t.agency_id""", (rs, i) -> new Owed(rs.getLong(1), rs.getLong(4), Audience.AGENCY_STAFF,
				rs.getObject(3, LocalDate.class), "báo cáo đột xuất “" + rs.getString(2) + "”",
				"Cơ quan chưa gửi trả lời đợt báo cáo đột xuất “" + rs.getString(2) + "”, hạn gửi "
						+ VnFormat.DATE.format(rs.getObject(3, LocalDate.class)) + ".",
				"/datacalls/" + rs.getLong(1) + "/answer"), today.plusDays(horizonDays));
	}
}
