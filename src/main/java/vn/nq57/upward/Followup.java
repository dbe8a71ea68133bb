package vn.nq57.upward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.deadline.DeadlineKind;
import vn.nq57.system.AppClock;
import vn.nq57.system.NotFoundException;
import vn.nq57.task.StatusRules;
import vn.nq57.task.TaskStatus;

/**
 * How a directive (a conclusion notice or a plan) was carried out: each of its items (the tasks it created, directly
 * or through its plan) with its status computed for today from its assignments, its lead agencies, its deadline, its
 * latest progress and the obstacles reported. Read through the task module's published views.
 */
@Component
public class Followup {

	public record DirectiveRow(long id, String kind, String number, LocalDate issuedOn, String issuer, String title,
			long tasks) {
	}

	public record Item(long taskId, String stt, String title, String leads, String deadline, LocalDate dueDate,
			TaskStatus status, Integer percent, LocalDate lastReportedOn, String results, String obstacles,
			String proposals, int assignments, int completed) {
	}

	public record Report(DirectiveRow directive, LocalDate asOf, List<Item> items, Map<TaskStatus, Integer> counts) {
		public int total() {
			return items.size();
		}

		public long completed() {
			return items.stream().filter(i -> i.status().isCompleted()).count();
		}

		public long overdue() {
			return items.stream().filter(i -> i.status() == TaskStatus.OVERDUE).count();
		}

		public List<Item> withObstacles() {
			return items.stream().filter(i -> i.obstacles() != null && !i.obstacles().isBlank()).toList();
		}
	}

	private final JdbcTemplate jdbc;
	private final AppClock clock;

	Followup(JdbcTemplate jdbc, AppClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static final String TASKS_OF = """
			SELECT t.* FROM task_view t WHERE t.directive_id = :d
			   OR t.plan_id IN (SELECT p.id FROM plan_view p WHERE p.directive_id = :d)""";

	public List<DirectiveRow> directives() {
		return jdbc.query("""
				SELECT d.id, d.kind, d.number, d.issued_on, d.issuer, d.title,
				       (SELECT count(*) FROM task_view t WHERE t.directive_id = d.id
				          OR t.plan_id IN (SELECT p.id FROM plan_view p WHERE p.directive_id = d.id)) AS tasks
				FROM directive_view d WHERE d.kind IN ('CONCLUSION_NOTICE', 'PLAN')
				ORDER BY d.issued_on DESC NULLS LAST, d.id DESC LIMIT 300""", (rs, i) -> row(rs));
	}

	private static DirectiveRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new DirectiveRow(rs.getLong("id"), rs.getString("kind"), rs.getString("number"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), rs.getString("title"), rs.getLong("tasks"));
	}

	public DirectiveRow directive(long id) {
		return jdbc.query("""
				SELECT d.id, d.kind, d.number, d.issued_on, d.issuer, d.title, 0 AS tasks FROM directive_view d WHERE d.id = ?""",
				(rs, i) -> row(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Không có văn bản chỉ đạo số " + id));
	}

	public Report report(long directiveId) {
		DirectiveRow d = directive(directiveId);
		LocalDate today = clock.today();
		var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
		var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("d", directiveId);
		List<Map<String, Object>> tasks = named.queryForList("""
				SELECT x.id, x.stt, x.title, x.deadline_phrase, x.due_date, x.position,
				       (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM task_lead_view l JOIN agency_view a ON a.id = l.agency_id
				        WHERE l.task_id = x.id) AS leads
				FROM (""" + TASKS_OF + ") x ORDER BY x.plan_id NULLS FIRST, x.position, x.id", p);
		Map<Long, List<TaskStatus>> statuses = new HashMap<>();
		Map<Long, Integer> completed = new HashMap<>();
		named.query("""
				SELECT a.task_id, a.due_date, a.deadline_kind, a.completed_on FROM assignment_view a
				WHERE a.task_id IN (SELECT id FROM (""" + TASKS_OF + ") y)", p, rs -> {
			LocalDate due = rs.getObject(2, LocalDate.class);
			String kind = rs.getString(3);
			LocalDate done = rs.getObject(4, LocalDate.class);
			TaskStatus s = StatusRules.of(due, kind == null ? null : DeadlineKind.valueOf(kind), done, today);
			statuses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(s);
			if (done != null) {
				completed.merge(rs.getLong(1), 1, Integer::sum);
			}
		});
		Map<Long, Map<String, Object>> latest = new HashMap<>();
		named.query("""
				SELECT DISTINCT ON (a.task_id) a.task_id, u.reported_on, u.percent, u.results, u.obstacles, u.proposals
				FROM progress_update_view u JOIN assignment_view a ON a.id = u.assignment_id
				WHERE a.task_id IN (SELECT id FROM (""" + TASKS_OF + """
				) y)
				ORDER BY a.task_id, u.reported_on DESC, u.created_at DESC""", p, rs -> {
			Map<String, Object> m = new HashMap<>();
			m.put("on", rs.getObject(2, LocalDate.class));
			m.put("percent", (Integer) rs.getObject(3));
			m.put("results", rs.getString(4));
			m.put("obstacles", rs.getString(5));
			m.put("proposals", rs.getString(6));
			latest.put(rs.getLong(1), m);
		});
		List<Item> items = new ArrayList<>();
		Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
		for (Map<String, Object> t : tasks) {
			long id = ((Number) t.get("id")).longValue();
			List<TaskStatus> st = statuses.getOrDefault(id, List.of());
			LocalDate due = t.get("due_date") == null ? null : ((java.sql.Date) t.get("due_date")).toLocalDate();
			TaskStatus s = st.isEmpty() ? StatusRules.of(due, null, null, today) : StatusRules.rollUp(st);
			counts.merge(s, 1, Integer::sum);
			Map<String, Object> l = latest.getOrDefault(id, Map.of());
			items.add(new Item(id, (String) t.get("stt"), (String) t.get("title"), (String) t.get("leads"),
					(String) t.get("deadline_phrase"), due, s, (Integer) l.get("percent"), (LocalDate) l.get("on"),
					(String) l.get("results"), (String) l.get("obstacles"), (String) l.get("proposals"), st.size(),
					completed.getOrDefault(id, 0)));
		}
		return new Report(d, today, items, new LinkedHashMap<>(counts));
	}

	Instant now() {
		return clock.now();
	}
}
