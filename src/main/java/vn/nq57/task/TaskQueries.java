package vn.nq57.task;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyNames;
import vn.nq57.kernel.Page;

/**
 * The task list and "Việc của tôi" as SQL over indexed columns: the status for the day asked about is
 * derived in the query from each task's roll-up ({@code task_status_rank}), so filtering and sorting by
 * status stay in the database whatever the number of tasks.
 */
@Component
public class TaskQueries {

	/**
	 * Filter of the task list; {@code null} fields do not filter. {@code groupId} {@link #NO_GROUP} lists the tasks
	 * outside any task group ("Không thuộc nhóm"); {@code groupCode} the tasks of every group of that code (I, II, …)
	 * across plans, as the overview adds them up.
	 */
	public record Filter(Long planId, Long groupId, Long agencyId, TaskStatus status, boolean dueSoonOnly,
			LocalDate dueFrom, LocalDate dueTo, String text, String sort, String groupCode) {

		/** {@code group=0}: the tasks outside any task group. */
		public static final long NO_GROUP = 0L;

		public Filter(Long planId, Long groupId, Long agencyId, TaskStatus status, boolean dueSoonOnly,
				LocalDate dueFrom, LocalDate dueTo, String text, String sort) {
			this(planId, groupId, agencyId, status, dueSoonOnly, dueFrom, dueTo, text, sort, null);
		}

		public static Filter none() {
			return new Filter(null, null, null, null, false, null, null, null, null);
		}

		public Filter withAgency(Long agency) {
			return new Filter(planId, groupId, agency, status, dueSoonOnly, dueFrom, dueTo, text, sort, groupCode);
		}

		public Filter withSort(String order) {
			return new Filter(planId, groupId, agencyId, status, dueSoonOnly, dueFrom, dueTo, text, order, groupCode);
		}

		public Filter withGroupCode(String code) {
			return new Filter(planId, groupId, agencyId, status, dueSoonOnly, dueFrom, dueTo, text, sort,
					code == null || code.isBlank() ? null : code.strip());
		}

		public boolean noGroup() {
			return groupId != null && groupId == NO_GROUP;
		}

		/**
		 * The filter as {@code user} may apply it: DoST and leaders see every agency's tasks; an agency's users
		 * see the tasks their agency leads or coordinates, whatever agency the request asks for (the one rule
		 * shared by the task list, its API and its export).
		 */
		public Filter visibleTo(vn.nq57.account.CurrentUser user) {
			return user.seesEveryAgency() ? this : withAgency(user.agencyId());
		}
	}

	public record TaskRow(long id, String stt, String title, String groupCode, String groupTitle, String leads,
			String deadlinePhrase, LocalDate dueDate, TaskStatus status, boolean dueSoon, int assignmentCount,
			int openCount) {
	}


	public record AssignmentRow(long assignmentId, long taskId, String stt, String title, String periodLabel,
			String deadlinePhrase, LocalDate dueDate, TaskStatus status, boolean dueSoon, int percent,
			AssignmentState state, LocalDate completedOn, java.time.Instant lastProgressAt, String viaAgency) {
	}

	/** A plan and its task groups, for the filters of the task list. */
	public record PlanOption(long id, String title, List<GroupOption> groups) {
	}

	public record GroupOption(long id, String code, String title) {
	}

	private static final String TASK_RANK = "task_status_rank(t.open_count, t.open_min_due, t.open_conditional, t.open_ongoing, t.late_count, :today)";

	private final NamedParameterJdbcTemplate jdbc;

	TaskQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Page<TaskRow> search(Filter f, LocalDate today, int dueSoonDays, int page, int size) {
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today))
			.addValue("soonDays", dueSoonDays);
		List<String> where = new ArrayList<>();
		if (f.planId() != null) {
			where.add("t.plan_id = :plan");
			p.addValue("plan", f.planId());
		}
		if (f.noGroup()) {
			where.add("t.group_id IS NULL");
		}
		else if (f.groupId() != null) {
			where.add("t.group_id = :group");
			p.addValue("group", f.groupId());
		}
		if (f.groupCode() != null) {
			where.add("t.group_id IN (SELECT id FROM task_group WHERE upper(code) = upper(:groupCode))");
			p.addValue("groupCode", f.groupCode());
		}
		if (f.agencyId() != null) {
			where.add("(EXISTS (SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.agency_id = :agency)"
					+ " OR EXISTS (SELECT 1 FROM task_coordinator c WHERE c.task_id = t.id AND c.agency_id = :agency))");
			p.addValue("agency", f.agencyId());
		}
		if (f.status() != null) {
			where.add(statusPredicate(f.status()));
		}
		if (f.dueSoonOnly()) {
			where.add("t.open_count > 0 AND task_due_soon(t.open_min_due, NULL, :today, :soonDays)");
		}
		if (f.dueFrom() != null) {
			where.add("coalesce(t.open_min_due, t.due_date) >= :dueFrom");
			p.addValue("dueFrom", Date.valueOf(f.dueFrom()));
		}
		if (f.dueTo() != null) {
			where.add("coalesce(t.open_min_due, t.due_date) <= :dueTo");
			p.addValue("dueTo", Date.valueOf(f.dueTo()));
		}
		if (f.text() != null && !f.text().isBlank()) {
			// accent-insensitive: "chuyen doi so" finds "chuyển đổi số" (search_key strips accents in both);
			// every word must occur, in any order
			String[] words = AgencyNames.nfc(f.text()).replace("%", " ").replace("_", " ").replace("\\", " ").trim().split("\\s+");
			for (int i = 0; i < Math.min(words.length, 8); i++) {
				where.add("t.search LIKE '%' || search_key(:w" + i + ") || '%'");
				p.addValue("w" + i, words[i]);
			}
		}
		String whereSql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		String order = "plan".equals(f.sort()) ? "t.plan_id, g.position NULLS LAST, t.position, t.id"
				: "rank DESC, t.open_min_due NULLS LAST, t.id";
		p.addValue("limit", size).addValue("offset", (long) page * size);
		long[] total = { 0 };
		List<TaskRow> rows = jdbc.query("""
				SELECT t.id, t.stt, t.title, g.code AS group_code, g.title AS group_title,
				       (SELECT string_agg(coalesce(ag.short_name, ag.name), '; ' ORDER BY ag.name)
				          FROM task_lead l JOIN agency_view ag ON ag.id = l.agency_id WHERE l.task_id = t.id) AS leads,
				       t.deadline_phrase, coalesce(t.open_min_due, t.due_date) AS due, %s AS rank,
				       (t.open_count > 0 AND task_due_soon(t.open_min_due, NULL, :today, :soonDays)) AS due_soon,
				       t.assignment_count, t.open_count, count(*) OVER () AS total
				FROM task t LEFT JOIN task_group g ON g.id = t.group_id
				%s ORDER BY %s LIMIT :limit OFFSET :offset""".formatted(TASK_RANK, whereSql, order), p,
				(rs, i) -> {
					total[0] = rs.getLong("total");
					return new TaskRow(rs.getLong("id"), rs.getString("stt"), rs.getString("title"),
						rs.getString("group_code"), rs.getString("group_title"), rs.getString("leads"),
						rs.getString("deadline_phrase"), toLocal(rs.getDate("due")),
						TaskStatus.ofRank(rs.getInt("rank")), rs.getBoolean("due_soon"), rs.getInt("assignment_count"),
						rs.getInt("open_count"));
				});
		// the window count comes with the rows; only a page past the end needs its own count
		if (rows.isEmpty() && page > 0) {
			Long count = jdbc.queryForObject("SELECT count(*) FROM task t" + whereSql, p, Long.class);
			total[0] = count == null ? 0 : count;
		}
		return new Page<>(rows, page, size, total[0]);
	}

	/** Every plan (newest first) with its task groups in order, in one light query. */
	public List<PlanOption> planOptions() {
		java.util.Map<Long, PlanOption> plans = new java.util.LinkedHashMap<>();
		jdbc.getJdbcTemplate().query("""
				SELECT p.id, p.title, g.id, g.code, g.title FROM plan p LEFT JOIN task_group g ON g.plan_id = p.id
				ORDER BY p.id DESC, g.position, g.id""", rs -> {
			PlanOption plan = plans.get(rs.getLong(1));
			if (plan == null) {
				plan = new PlanOption(rs.getLong(1), rs.getString(2), new ArrayList<>());
				plans.put(plan.id(), plan);
			}
			long groupId = rs.getLong(3);
			if (!rs.wasNull()) {
				plan.groups().add(new GroupOption(groupId, rs.getString(4), rs.getString(5)));
			}
		});
		return List.copyOf(plans.values());
	}

	/** "Việc của tôi": an agency's assignments, overdue first, then by due date. */
	public Page<AssignmentRow> assignmentsOf(long agencyId, boolean includeCompleted, LocalDate today,
			int dueSoonDays, int page, int size) {
		MapSqlParameterSource p = new MapSqlParameterSource("agency", agencyId)
			.addValue("today", Date.valueOf(today))
			.addValue("soonDays", dueSoonDays)
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		String filter = includeCompleted ? "" : " AND a.completed_on IS NULL";
		List<AssignmentRow> rows = jdbc.query("""
				SELECT a.id, a.task_id, t.stt, t.title, a.period_label, t.deadline_phrase, a.due_date,
				       assignment_status_rank(a.due_date, a.deadline_kind, a.completed_on, :today) AS rank,
				       task_due_soon(a.due_date, a.completed_on, :today, :soonDays) AS due_soon,
				       a.percent, a.state, a.completed_on, a.last_progress_at,
				       (SELECT coalesce(v.short_name, v.name) FROM agency_view v WHERE v.id = a.via_agency_id) AS via
				FROM assignment a JOIN task t ON t.id = a.task_id
				WHERE a.agency_id = :agency%s
				ORDER BY rank DESC, a.due_date NULLS LAST, a.id
				LIMIT :limit OFFSET :offset""".formatted(filter), p,
				(rs, i) -> new AssignmentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), toLocal(rs.getDate(7)), TaskStatus.ofRank(rs.getInt(8)),
						rs.getBoolean(9), rs.getInt(10), AssignmentState.valueOf(rs.getString(11)),
						toLocal(rs.getDate(12)),
						rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14)));
		Long total = jdbc.queryForObject("SELECT count(*) FROM assignment a WHERE a.agency_id = :agency" + filter, p,
				Long.class);
		return new Page<>(rows, page, size, total == null ? 0 : total);
	}

	/** An agency's assignment with its task's group, for a periodic report (see vn.nq57.reporting). */
	public record ReportAssignment(long assignmentId, long taskId, Long planId, Long groupId, String groupCode,
			String groupTitle, String stt, String title, String periodLabel, String deadlinePhrase, LocalDate dueDate,
			vn.nq57.deadline.DeadlineKind deadlineKind, int percent, LocalDate completedOn) {
	}

	/**
	 * The agency's assignments still open on {@code openSince} or completed since (optionally of one plan), in
	 * the order of the plan: by plan, task group and position; tasks outside any group last.
	 */
	public List<ReportAssignment> assignmentsForReport(long agencyId, Long planId, LocalDate openSince) {
		MapSqlParameterSource p = new MapSqlParameterSource("agency", agencyId).addValue("since", Date.valueOf(openSince))
			.addValue("plan", planId);
		return jdbc.query("""
				SELECT a.id, a.task_id, t.plan_id, t.group_id, g.code, g.title AS group_title, t.stt, t.title, a.period_label,
				       t.deadline_phrase, a.due_date, a.deadline_kind, a.percent, a.completed_on
				FROM assignment a JOIN task t ON t.id = a.task_id
				LEFT JOIN task_group g ON g.id = t.group_id
				LEFT JOIN plan pl ON pl.id = t.plan_id
				WHERE a.agency_id = :agency AND (CAST(:plan AS bigint) IS NULL OR t.plan_id = :plan)
				  AND (a.completed_on IS NULL OR a.completed_on >= :since)
				ORDER BY (t.group_id IS NULL), pl.year DESC NULLS LAST, pl.id, g.position, t.position, t.id, a.id""", p,
				(rs, i) -> new ReportAssignment(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
						(Long) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getString(9), rs.getString(10), toLocal(rs.getDate(11)),
						vn.nq57.deadline.DeadlineKind.valueOf(rs.getString(12)), rs.getInt(13), toLocal(rs.getDate(14))));
	}

	/**
	 * The assignment a completion claim is about, with its task's title: what the list of claims shows beside
	 * each claim. A class with getters rather than a record, for the template's property syntax.
	 */
	public static final class ClaimSubject {
		private final long assignmentId;
		private final long taskId;
		private final long agencyId;
		private final String title;

		ClaimSubject(long assignmentId, long taskId, long agencyId, String title) {
			this.assignmentId = assignmentId;
			this.taskId = taskId;
			this.agencyId = agencyId;
			this.title = title;
		}

		public long getAssignmentId() {
			return assignmentId;
		}

		public long getTaskId() {
			return taskId;
		}

		public long getAgencyId() {
			return agencyId;
		}

		public String getTitle() {
			return title;
		}
	}

	/** The assignments (with their tasks' titles) of many claims, in one query, by assignment id. */
	public java.util.Map<Long, ClaimSubject> claimSubjects(java.util.Collection<Long> assignmentIds) {
		java.util.Map<Long, ClaimSubject> out = new java.util.LinkedHashMap<>();
		if (assignmentIds.isEmpty()) {
			return out;
		}
		jdbc.query("""
				SELECT a.id, a.task_id, a.agency_id, t.title FROM assignment a JOIN task t ON t.id = a.task_id
				WHERE a.id IN (:ids)""", new MapSqlParameterSource("ids", assignmentIds), rs -> {
			out.put(rs.getLong(1), new ClaimSubject(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
		});
		return out;
	}

	/** The task's status on a day, rolled up from its assignments. */
	public TaskStatus taskStatus(long taskId, LocalDate today) {
		Integer rank = jdbc.queryForObject("SELECT " + TASK_RANK + " FROM task t WHERE t.id = :id",
				new MapSqlParameterSource("id", taskId).addValue("today", Date.valueOf(today)), Integer.class);
		return TaskStatus.ofRank(rank);
	}

	static String statusPredicate(TaskStatus s) {
		return switch (s) {
			case COMPLETED_ON_TIME -> "(t.open_count = 0 AND t.late_count = 0)";
			case COMPLETED_LATE -> "(t.open_count = 0 AND t.late_count > 0)";
			case OVERDUE -> "(t.open_count > 0 AND t.open_min_due < :today)";
			case IN_PROGRESS -> "(t.open_count > 0 AND t.open_min_due >= :today)";
			case AWAITING_TRIGGER -> "(t.open_count > 0 AND t.open_min_due IS NULL AND t.open_conditional > 0)";
			case ONGOING -> "(t.open_count > 0 AND t.open_min_due IS NULL AND t.open_conditional = 0 AND t.open_ongoing > 0)";
			case NO_DEADLINE -> "(t.open_count > 0 AND t.open_min_due IS NULL AND t.open_conditional = 0 AND t.open_ongoing = 0)";
		};
	}

	private static LocalDate toLocal(Date d) {
		return d == null ? null : d.toLocalDate();
	}
}
