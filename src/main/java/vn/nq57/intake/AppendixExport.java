package vn.nq57.intake;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.Settings;
import vn.nq57.task.TaskQueries;
import vn.nq57.task.TaskStatus;

/**
 * The rows of an export: the task list's filter (the same {@link TaskQueries} search as /tasks, so an agency
 * gets only the tasks it leads or coordinates), in plan order, with every appendix column, the status for
 * today and the latest progress the user may read. Grouped by plan and task group, as the appendix was.
 */
@Component
class AppendixExport {

	/** Most rows one export writes; beyond that the user narrows the filter. */
	static final int MAX_ROWS = 20_000;

	record Line(long id, String stt, String title, String head, String leads, String coordinators, String output,
			String deadline, String status, String progress) {
	}

	/** A task group (or, outside plans, the directive the tasks cite) and its lines. */
	record Section(String code, String title, List<Line> lines) {
	}

	/** One plan (or "tasks outside plans") and its sections. */
	record Part(Long planId, String title, List<Section> sections) {

		int taskCount() {
			return sections.stream().mapToInt(s -> s.lines().size()).sum();
		}
	}

	private final TaskQueries queries;
	private final JdbcTemplate jdbc;
	private final AppClock clock;
	private final Settings settings;

	AppendixExport(TaskQueries queries, JdbcTemplate jdbc, AppClock clock, Settings settings) {
		this.queries = queries;
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	List<Part> parts(TaskQueries.Filter requested, CurrentUser me) {
		TaskQueries.Filter f = requested.visibleTo(me).withSort("plan");
		LocalDate today = clock.today();
		Page<TaskQueries.TaskRow> page = queries.search(f, today, settings.dueSoonDays(), 0, MAX_ROWS);
		if (page.total() > MAX_ROWS) {
			throw new DomainException("Bộ lọc cho " + new VnFormat().num(page.total()) + " nhiệm vụ, quá "
					+ new VnFormat().num(MAX_ROWS) + " dòng một lần xuất; hãy lọc theo kế hoạch, nhóm hoặc cơ quan");
		}
		List<TaskQueries.TaskRow> rows = page.rows();
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] ids = rows.stream().map(TaskQueries.TaskRow::id).toArray(Long[]::new);
		Map<Long, Object[]> details = details(ids);
		Map<Long, String> progress = progress(ids, me.seesEveryAgency() ? null : me.agencyId());
		Map<String, Part> parts = new LinkedHashMap<>();
		for (TaskQueries.TaskRow r : rows) {
			Object[] d = details.get(r.id());
			Long planId = (Long) d[0];
			String planTitle = planId == null ? "Nhiệm vụ theo văn bản chỉ đạo khác" : (String) d[1];
			Part part = parts.computeIfAbsent(String.valueOf(planId), k -> new Part(planId, planTitle, new ArrayList<>()));
			String code = planId == null ? null : r.groupCode();
			String sectionTitle = planId == null ? (d[6] == null ? "Không ghi văn bản" : "Theo văn bản " + d[6])
					: r.groupTitle();
			Section section = part.sections().isEmpty() ? null : part.sections().get(part.sections().size() - 1);
			if (section == null || !Objects.equals(section.code(), code) || !Objects.equals(section.title(), sectionTitle)) {
				section = new Section(code, sectionTitle, new ArrayList<>());
				part.sections().add(section);
			}
			String status = r.status().label() + (r.dueSoon() ? " · sắp đến hạn" : "")
					+ (r.assignmentCount() > 1 ? " (" + (r.assignmentCount() - r.openCount()) + "/" + r.assignmentCount()
							+ " cơ quan đã hoàn thành)" : "")
					+ (r.dueDate() != null && r.status() != TaskStatus.COMPLETED_ON_TIME
							&& r.status() != TaskStatus.COMPLETED_LATE ? "; hạn " + new VnFormat().date(r.dueDate()) : "");
			section.lines().add(new Line(r.id(), r.stt(), r.title(), (String) d[2], (String) d[3], (String) d[4],
					(String) d[5], r.deadlinePhrase(), status, progress.get(r.id())));
		}
		return new ArrayList<>(parts.values());
	}

	private Map<Long, Object[]> details(Long[] ids) {
		Map<Long, Object[]> out = new HashMap<>();
		jdbc.query("""
				SELECT t.id, t.plan_id, p.title, t.accountable_head,
				       (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM task_lead_view l JOIN agency_view a ON a.id = l.agency_id
				         WHERE l.task_id = t.id) AS leads,
				       concat_ws('; ', (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM task_coordinator_view c
				         JOIN agency_view a ON a.id = c.agency_id WHERE c.task_id = t.id), t.coordinators_note) AS coords,
				       t.expected_output, d.number
				FROM task_view t LEFT JOIN plan_view p ON p.id = t.plan_id LEFT JOIN directive_view d ON d.id = t.directive_id
				WHERE t.id = ANY (?)""", rs -> {
			out.put(rs.getLong(1), new Object[] { (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
					rs.getString(5), blankToNull(rs.getString(6)), rs.getString(7), rs.getString(8) });
		}, (Object) ids);
		return out;
	}

	/** The latest progress update of each task, only the user's own agency's unless they see every agency. */
	private Map<Long, String> progress(Long[] ids, Long agencyId) {
		Map<Long, String> out = new HashMap<>();
		VnFormat fmt = new VnFormat();
		// a progress update, or a completion DoST confirmed, whichever is the latest
		jdbc.query("""
				SELECT DISTINCT ON (task_id) task_id, agency, day, percent, results, obstacles, completed FROM (
				  SELECT s.task_id, coalesce(ag.short_name, ag.name) AS agency, pu.reported_on AS day, pu.percent,
				         pu.results, pu.obstacles, false AS completed, pu.created_at AS at
				  FROM progress_update_view pu JOIN assignment_view s ON s.id = pu.assignment_id JOIN agency_view ag ON ag.id = s.agency_id
				  WHERE s.task_id = ANY (?) AND (?::bigint IS NULL OR s.agency_id = ?)
				  UNION ALL
				  SELECT s.task_id, coalesce(ag.short_name, ag.name), c.completed_on, 100, c.evidence, NULL, true, c.reviewed_at
				  FROM completion_claim_view c JOIN assignment_view s ON s.id = c.assignment_id JOIN agency_view ag ON ag.id = s.agency_id
				  WHERE c.state = 'CONFIRMED' AND s.task_id = ANY (?) AND (?::bigint IS NULL OR s.agency_id = ?)) e
				ORDER BY task_id, day DESC, at DESC""", rs -> {
			Date day = rs.getDate(3);
			String results = rs.getString(5);
			String obstacles = rs.getString(6);
			String when = fmt.date(day == null ? null : day.toLocalDate());
			out.put(rs.getLong(1), rs.getBoolean(7)
					? rs.getString(2) + ": hoàn thành ngày " + when + (results == null ? "" : ". " + abbreviate(results, 600))
					: when + " – " + rs.getString(2) + ": " + rs.getInt(4) + "%"
							+ (results == null ? "" : ". " + abbreviate(results, 600))
							+ (obstacles == null ? "" : " Khó khăn: " + abbreviate(obstacles, 300)));
		}, ids, agencyId, agencyId, ids, agencyId, agencyId);
		return out;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private static String abbreviate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
