package vn.nq57.intake;

import java.sql.Array;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A plan's tasks as they stand, read in one query through the task module's published views, for comparing a
 * revised appendix with them. Read-only; every change goes through the task module's services.
 */
@Component
class PlanSnapshot {

	record ExistingTask(long id, String groupCode, String stt, String title, String head, Set<Long> leads,
			Set<Long> coordinators, String coordinatorsNote, String output, String deadline, boolean hasProgress) {
	}

	private final JdbcTemplate jdbc;

	PlanSnapshot(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<ExistingTask> tasksOf(long planId) {
		return jdbc.query("""
				SELECT t.id, g.code, t.stt, t.title, t.accountable_head, t.coordinators_note, t.expected_output,
				       t.deadline_phrase,
				       ARRAY(SELECT l.agency_id FROM task_lead_view l WHERE l.task_id = t.id ORDER BY l.agency_id) AS leads,
				       ARRAY(SELECT c.agency_id FROM task_coordinator_view c WHERE c.task_id = t.id ORDER BY c.agency_id) AS coords,
				       EXISTS (SELECT 1 FROM assignment_view a WHERE a.task_id = t.id AND (a.last_progress_at IS NOT NULL
				               OR a.state <> 'OPEN' OR a.completed_on IS NOT NULL))
				       OR EXISTS (SELECT 1 FROM direction_view dr WHERE dr.task_id = t.id) AS has_progress
				FROM task_view t LEFT JOIN task_group_view g ON g.id = t.group_id
				WHERE t.plan_id = ? ORDER BY g.position NULLS FIRST, t.position, t.id""",
				(rs, i) -> new ExistingTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), ids(rs.getArray(9)), ids(rs.getArray(10)), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getBoolean(11)),
				planId);
	}

	String planTitle(long planId) {
		return jdbc.query("SELECT title FROM plan_view WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null, planId);
	}

	private static Set<Long> ids(Array a) throws SQLException {
		Set<Long> out = new LinkedHashSet<>();
		if (a != null) {
			for (Object o : (Object[]) a.getArray()) {
				out.add(((Number) o).longValue());
			}
		}
		return out;
	}
}
