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
			int openCount, String key) {
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

	private final long countCacheSeconds;

	TaskQueries(NamedParameterJdbcTemplate jdbc,
			@org.springframework.beans.factory.annotation.Value("${nq57.tasks.count-cache-seconds:60}") long countCacheSeconds) {
		this.jdbc = jdbc;
		this.countCacheSeconds = countCacheSeconds;
	}

	public Page<TaskRow> search(Filter f, LocalDate today, int dueSoonDays, int page, int size) {
		return search(f, today, dueSoonDays, page, size, null).page();
	}

	/** The orders of the list: most urgent first (default), by deadline alone, in the plan's order. */
	public enum Order {
		URGENT, DEADLINE, PLAN;

		public static Order of(String sort) {
			return "plan".equals(sort) ? PLAN : "due".equals(sort) ? DEADLINE : URGENT;
		}

		/** Keyset pagination needs an order an index holds; the plan's order joins the group's position. */
		public boolean keyset() {
			return this != PLAN;
		}
	}

	/**
	 * Where a page starts: after the row of {@code key} (the next page) or before it (the previous page). The key is
	 * {@link TaskRow#key()} of the last (first) row shown, as the links carry it.
	 */
	public record Cursor(String key, boolean before) {

		public static Cursor after(String key) {
			return key == null || key.isBlank() ? null : new Cursor(key, false);
		}

		public static Cursor before(String key) {
			return key == null || key.isBlank() ? null : new Cursor(key, true);
		}
	}

	/**
	 * A page of the list with how its total was counted: {@code countedAt} is null when counted for this request,
	 * else when the count kept in memory was taken (the page says so).
	 */
	public record ListPage(Page<TaskRow> page, java.time.Instant countedAt) {

		public String firstKey() {
			return page.rows().isEmpty() ? null : page.rows().get(0).key();
		}

		public String lastKey() {
			return page.rows().isEmpty() ? null : page.rows().get(page.rows().size() - 1).key();
		}
	}

	/**
	 * One page of the task list. In the default order and by deadline the page is read from an index in the order
	 * shown, starting after (or before) the cursor's row when there is one (keyset pagination: no row skipped or shown
	 * twice across pages, whatever the ties on the deadline), else at {@code page × size}. The rows' agencies are
	 * looked up for the page's rows only. The total comes from a count of the same filter, kept in memory for
	 * {@code nq57.tasks.count-cache-seconds}.
	 */
	public ListPage search(Filter f, LocalDate today, int dueSoonDays, int page, int size, Cursor cursor) {
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
			// the tasks the agency is assigned or coordinates: a few hundred ids from two indexes
			where.add("t.id IN (SELECT a.task_id FROM assignment a WHERE a.agency_id = :agency"
					+ " UNION SELECT c.task_id FROM task_coordinator c WHERE c.agency_id = :agency)");
			p.addValue("agency", f.agencyId());
		}
		if (f.status() != null) {
			where.add(segmentPredicate(f.status()));
		}
		if (f.dueSoonOnly()) {
			where.add("t.list_seg = 0 AND t.list_due >= :today AND t.list_due <= CAST(:today AS date) + :soonDays");
		}
		if (f.dueFrom() != null) {
			where.add("t.list_deadline >= :dueFrom AND t.list_deadline < 'infinity'::date");
			p.addValue("dueFrom", Date.valueOf(f.dueFrom()));
		}
		if (f.dueTo() != null) {
			where.add("t.list_deadline <= :dueTo");
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
		String filterSql = String.join(" AND ", where);
		Order order = Order.of(f.sort());
		Key key = cursor == null || !order.keyset() ? null : Key.parse(cursor.key(), order);
		List<String> pageWhere = new ArrayList<>(where);
		boolean backwards = key != null && cursor.before();
		if (key != null) {
			pageWhere.add(key.predicate(order, backwards ? "<" : ">"));
			key.bind(p);
		}
		String orderSql = switch (order) {
			case PLAN -> "t.plan_id, g.position NULLS LAST, t.position, t.id";
			case DEADLINE -> backwards ? "t.list_deadline DESC, t.id DESC" : "t.list_deadline, t.id";
			case URGENT -> backwards ? "t.list_seg DESC, t.list_due DESC, t.id DESC" : "t.list_seg, t.list_due, t.id";
		};
		p.addValue("limit", size).addValue("offset", key != null ? 0L : (long) page * size);
		String pageWhereSql = pageWhere.isEmpty() ? "" : " WHERE " + String.join(" AND ", pageWhere);
		// the page's rows first (from the index, LIMIT), then their groups and lead agencies: 25 lookups, not 40.000
		List<TaskRow> rows = new ArrayList<>(jdbc.query("""
				SELECT t.id, t.stt, t.title, g.code AS group_code, g.title AS group_title,
				       (SELECT string_agg(coalesce(ag.short_name, ag.name), '; ' ORDER BY ag.name)
				          FROM task_lead l JOIN agency_view ag ON ag.id = l.agency_id WHERE l.task_id = t.id) AS leads,
				       t.deadline_phrase, coalesce(t.open_min_due, t.due_date) AS due, %s AS rank,
				       (t.open_count > 0 AND task_due_soon(t.open_min_due, NULL, :today, :soonDays)) AS due_soon,
				       t.assignment_count, t.open_count, t.list_seg, t.list_due, t.list_deadline
				FROM (SELECT t.* FROM task t%s%s ORDER BY %s LIMIT :limit OFFSET :offset) t
				LEFT JOIN task_group g ON g.id = t.group_id
				ORDER BY %s""".formatted(TASK_RANK, order == Order.PLAN ? " LEFT JOIN task_group g ON g.id = t.group_id" : "",
				pageWhereSql, orderSql, orderSql), p,
				(rs, i) -> new TaskRow(rs.getLong("id"), rs.getString("stt"), rs.getString("title"),
						rs.getString("group_code"), rs.getString("group_title"), rs.getString("leads"),
						rs.getString("deadline_phrase"), toLocal(rs.getDate("due")),
						TaskStatus.ofRank(rs.getInt("rank")), rs.getBoolean("due_soon"), rs.getInt("assignment_count"),
						rs.getInt("open_count"), Key.of(order, rs.getInt("list_seg"), rs.getObject("list_due", LocalDate.class),
								rs.getObject("list_deadline", LocalDate.class), rs.getLong("id")))));
		if (backwards) {
			java.util.Collections.reverse(rows);
		}
		Counted counted = count(filterSql, p, today);
		// a count kept from a minute ago never says fewer rows than this page shows
		long total = rows.isEmpty() ? counted.total() : Math.max(counted.total(), (long) page * size + rows.size());
		return new ListPage(new Page<>(rows, page, size, total), counted.at());
	}

	private record Counted(long total, java.time.Instant at) {
	}

	private record CachedCount(long total, java.time.Instant at, long expires) {
	}

	private final java.util.concurrent.ConcurrentHashMap<String, CachedCount> counts = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * How many tasks match: counted at most once per {@code countCacheSeconds} for each filter and day (the same
	 * filter asked again within that time reads the kept figure, and the page says when it was counted).
	 */
	private Counted count(String filterSql, MapSqlParameterSource p, LocalDate today) {
		StringBuilder cacheKey = new StringBuilder(filterSql).append('|').append(today);
		for (String name : p.getParameterNames()) {
			if (!name.startsWith("k") && !name.equals("limit") && !name.equals("offset")) {
				cacheKey.append('|').append(name).append('=').append(p.getValue(name));
			}
		}
		long now = System.nanoTime();
		if (countCacheSeconds > 0) {
			CachedCount kept = counts.get(cacheKey.toString());
			if (kept != null && kept.expires() - now > 0) {
				return new Counted(kept.total(), kept.at());
			}
		}
		Long n = jdbc.queryForObject("SELECT count(*) FROM task t" + (filterSql.isEmpty() ? "" : " WHERE " + filterSql), p,
				Long.class);
		long total = n == null ? 0 : n;
		if (countCacheSeconds > 0) {
			if (counts.size() > 10_000) {
				counts.clear();
			}
			counts.put(cacheKey.toString(), new CachedCount(total, java.time.Instant.now(),
					now + java.util.concurrent.TimeUnit.SECONDS.toNanos(countCacheSeconds)));
		}
		return new Counted(total, null);
	}

	/** Forgets the kept counts (after a change that adds, removes or moves tasks between statuses, when it matters). */
	public void forgetCounts() {
		counts.clear();
	}

	/** A row's place in a keyset order, written into the links as "segment.deadline.id" or "deadline.id". */
	record Key(int seg, LocalDate due, long id) {

		static String of(Order order, int seg, LocalDate listDue, LocalDate listDeadline, long id) {
			return switch (order) {
				case URGENT -> seg + "." + day(listDue) + "." + id;
				case DEADLINE -> day(listDeadline) + "." + id;
				case PLAN -> null;
			};
		}

		private static String day(LocalDate d) {
			return d == null || d.getYear() > 9999 || d.equals(LocalDate.MAX) ? "x" : Long.toString(d.toEpochDay());
		}

		/** The key of a link; null (start at the page number) when it does not read. */
		static Key parse(String text, Order order) {
			try {
				String[] parts = text.split("\\.");
				int i = 0;
				int seg = order == Order.URGENT ? Integer.parseInt(parts[i++]) : 0;
				String d = parts[i++];
				LocalDate due = "x".equals(d) ? null : LocalDate.ofEpochDay(Long.parseLong(d));
				long id = Long.parseLong(parts[i++]);
				if (i != parts.length || seg < 0 || seg > 5) {
					return null;
				}
				return new Key(seg, due, id);
			}
			catch (RuntimeException e) {
				return null;
			}
		}

		String predicate(Order order, String op) {
			String due = due() == null ? "'infinity'::date" : ":kDue";
			return order == Order.URGENT ? "(t.list_seg, t.list_due, t.id) " + op + " (:kSeg, " + due + ", :kId)"
					: "(t.list_deadline, t.id) " + op + " (" + due + ", :kId)";
		}

		void bind(MapSqlParameterSource p) {
			p.addValue("kSeg", seg).addValue("kId", id);
			if (due != null) {
				p.addValue("kDue", Date.valueOf(due));
			}
		}
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

	/** The status on {@code :today} as a range of the list's segments (V24): what the list's indexes hold. */
	static String segmentPredicate(TaskStatus s) {
		return switch (s) {
			case OVERDUE -> "(t.list_seg = 0 AND t.list_due < :today)";
			case IN_PROGRESS -> "(t.list_seg = 0 AND t.list_due >= :today)";
			case AWAITING_TRIGGER -> "t.list_seg = 1";
			case ONGOING -> "t.list_seg = 2";
			case NO_DEADLINE -> "t.list_seg = 3";
			case COMPLETED_LATE -> "t.list_seg = 4";
			case COMPLETED_ON_TIME -> "t.list_seg = 5";
		};
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
