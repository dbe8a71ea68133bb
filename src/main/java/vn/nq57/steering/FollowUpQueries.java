package vn.nq57.steering;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The follow-up of a session's conclusion items: each item's task and how its agencies stand on a day. */
@Component
class FollowUpQueries {

	record Line(long itemId, int position, String addressee, String instruction, String deadline, Long taskId,
			long total, long onTime, long late, long overdue) {

		public boolean done() {
			return total > 0 && onTime + late == total;
		}

		public String statusText() {
			if (taskId == null) {
				return "Chưa ban hành";
			}
			if (total == 0) {
				return "Không có cơ quan thực hiện";
			}
			long completed = onTime + late;
			if (completed == total) {
				return "Đã hoàn thành" + (late > 0 ? " (" + Fmt.num(late) + " cơ quan hoàn thành quá hạn)" : " đúng hạn");
			}
			if (overdue > 0) {
				return "Quá hạn: " + Fmt.num(overdue) + "/" + Fmt.num(total) + " cơ quan chưa hoàn thành";
			}
			return "Đang thực hiện: " + Fmt.num(completed) + "/" + Fmt.num(total) + " cơ quan đã hoàn thành";
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	FollowUpQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Line> lines(long sessionId, LocalDate day, Long agencyId) {
		MapSqlParameterSource p = new MapSqlParameterSource("s", sessionId).addValue("d", Date.valueOf(day));
		String scope = "";
		if (agencyId != null) {
			scope = " AND a.agency_id = :a";
			p.addValue("a", agencyId);
		}
		return jdbc.query("""
				SELECT c.id, c.position, c.addressee, c.instruction, c.deadline_phrase, c.task_id, count(a.id),
				       count(a.id) FILTER (WHERE task_completed_on_time_as_of(a.due_date, a.completed_on, :d)),
				       count(a.id) FILTER (WHERE task_completed_late_as_of(a.due_date, a.completed_on, :d)),
				       count(a.id) FILTER (WHERE task_overdue_as_of(a.due_date, a.completed_on, :d))
				FROM steering_conclusion c LEFT JOIN assignment_view a ON a.task_id = c.task_id%s
				WHERE c.session_id = :s GROUP BY c.id ORDER BY c.position, c.id""".formatted(scope), p,
				(rs, i) -> new Line(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, Long.class), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
	}
}
