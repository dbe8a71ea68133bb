package vn.nq57.overview;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.Page;
import vn.nq57.kernel.Rates;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;

/**
 * The figures of the leaders' overview, all counted in the database (GROUP BY / FILTER), never by loading
 * rows into Java.
 *
 * <p>Status depends on the day asked about. For today or a later day the task roll-up columns kept by the
 * triggers of V4__plan.sql are exact (no completion is dated in the future), so the task-level counts read
 * them directly. For an earlier day, a completion dated after that day did not exist yet: the roll-up is
 * recomputed from the assignments as they stood on that day, with the same rules as
 * {@code refresh_task_rollup}, and fed to the same {@code task_status_rank}.
 *
 * <p>An optional plan id restricts every figure to that plan's tasks.
 */
@Component
public class OverviewQueries {

	/**
	 * One row of the status × task group table. {@code code == null} is "Không thuộc nhóm". Across several
	 * plans the groups of the same code (the resolution's seven groups, I–VII) are added up into one row:
	 * then {@code groupId} and {@code planId} are {@code null} and {@code plans} tells how many were merged.
	 */
	public record GroupRow(Long groupId, Long planId, String code, String title, String planTitle, int plans,
			Map<TaskStatus, Long> counts, long dueSoon) {

		public boolean merged() {
			return plans > 1;
		}

		public long count(TaskStatus status) {
			return counts.getOrDefault(status, 0L);
		}

		public long total() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

		/**
		 * The task list's query for this row: its group, every group of its code across plans (a merged row), or
		 * the tasks outside any group ("Không thuộc nhóm", of the chosen plan if any).
		 */
		public String listQuery() {
			if (groupId != null) {
				return "group=" + groupId;
			}
			if (code == null) {
				return "group=0" + (planId == null ? "" : "&plan=" + planId);
			}
			return "groupCode=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** Task-level figures: the table by group and the totals that give the three rates. */
	public record Summary(List<GroupRow> groups, StatusCounts totals, long dueSoon) {
	}

	/** An agency's assignments as lead agency, by status on the day. */
	public record AgencyRow(long agencyId, String name, long total, long completedOnTime, long completedLate,
			long inProgress, long overdue, long dueSoon, long other) {

		/** Overdue ÷ all the agency's assignments, as reports print it; {@code null} when it has none. */
		public BigDecimal overdueRate() {
			return Rates.overdue(overdue, total);
		}
	}

	/** An assignment not completed past its due date. */
	public record OverdueRow(long assignmentId, long taskId, String stt, String title, String periodLabel,
			long agencyId, String agencyName, LocalDate dueDate, long daysLate, int percent) {
	}


	public record PlanOption(long id, String title, Integer year) {
	}

	private static final String TASK_RANK = "task_status_rank(r.open_n, r.min_due, r.cond_n, r.ongoing_n, r.late_n, :day)";

	private final NamedParameterJdbcTemplate jdbc;

	OverviewQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<PlanOption> plans() {
		return jdbc.query("SELECT id, title, year FROM plan_view ORDER BY year DESC NULLS LAST, id DESC",
				(rs, i) -> new PlanOption(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3)));
	}

	public Optional<String> planTitle(long planId) {
		return jdbc.query("SELECT title FROM plan_view WHERE id = :id", new MapSqlParameterSource("id", planId),
				rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty());
	}

	/**
	 * Task counts by task group and status on {@code day}. {@code today} is the application's day: it decides
	 * whether the stored roll-up can be read as it is.
	 */
	public Summary summary(Long planId, LocalDate day, LocalDate today, int dueSoonDays) {
		MapSqlParameterSource p = params(planId, day, dueSoonDays);
		String planWhere = planId == null ? "" : " WHERE t.plan_id = :plan";
		String source;
		if (!day.isBefore(today)) {
			source = """
					SELECT t.group_id, t.open_count AS open_n, t.open_min_due AS min_due, t.open_conditional AS cond_n,
					       t.open_ongoing AS ongoing_n, t.late_count AS late_n
					FROM task_view t""" + planWhere;
		}
		else {
			// the roll-up of refresh_task_rollup(), with completions dated after the day still open
			source = """
					WITH d AS (
					  SELECT a.task_id, a.due_date, a.deadline_kind, a.completed_on,
					         task_open_as_of(a.completed_on, :day) AS open
					  FROM assignment_view a%s),
					ra AS (
					  SELECT d.task_id,
					         (count(*) FILTER (WHERE d.open))::int AS open_n,
					         min(d.due_date) FILTER (WHERE d.open) AS min_due,
					         (count(*) FILTER (WHERE d.open AND d.due_date IS NULL AND d.deadline_kind = 'CONDITIONAL'))::int AS cond_n,
					         (count(*) FILTER (WHERE d.open AND d.due_date IS NULL AND d.deadline_kind = 'ONGOING'))::int AS ongoing_n,
					         (count(*) FILTER (WHERE task_completed_late_as_of(d.due_date, d.completed_on, :day)))::int AS late_n
					  FROM d GROUP BY d.task_id)
					SELECT t.group_id,
					       CASE WHEN ra.task_id IS NULL THEN t.open_count ELSE ra.open_n END AS open_n,
					       CASE WHEN ra.task_id IS NULL THEN t.open_min_due ELSE ra.min_due END AS min_due,
					       CASE WHEN ra.task_id IS NULL THEN t.open_conditional ELSE ra.cond_n END AS cond_n,
					       CASE WHEN ra.task_id IS NULL THEN t.open_ongoing ELSE ra.ongoing_n END AS ongoing_n,
					       CASE WHEN ra.task_id IS NULL THEN t.late_count ELSE ra.late_n END AS late_n
					FROM task_view t LEFT JOIN ra ON ra.task_id = t.id""".formatted(planId == null ? ""
					: " JOIN task_view pt ON pt.id = a.task_id AND pt.plan_id = :plan") + planWhere;
		}
		Map<Long, Map<TaskStatus, Long>> counts = new HashMap<>();
		Map<Long, Long> soon = new HashMap<>();
		StatusCounts totals = new StatusCounts();
		long[] dueSoon = { 0 };
		jdbc.query("""
				SELECT r.group_id, %s AS rank, count(*) AS n,
				       count(*) FILTER (WHERE r.open_n > 0 AND task_due_soon(r.min_due, NULL, :day, :soonDays)) AS soon
				FROM (%s) r
				GROUP BY 1, 2""".formatted(TASK_RANK, source), p, rs -> {
			Long group = (Long) rs.getObject("group_id");
			TaskStatus status = TaskStatus.ofRank(rs.getInt("rank"));
			long n = rs.getLong("n");
			counts.computeIfAbsent(group, g -> new EnumMap<>(TaskStatus.class)).merge(status, n, Long::sum);
			soon.merge(group, rs.getLong("soon"), Long::sum);
			totals.add(status, n);
			dueSoon[0] += rs.getLong("soon");
		});
		List<GroupRow> perGroup = new ArrayList<>();
		jdbc.query("""
				SELECT g.id, g.plan_id, g.code, g.title, pl.title AS plan_title
				FROM task_group_view g JOIN plan_view pl ON pl.id = g.plan_id
				%s ORDER BY pl.year DESC NULLS LAST, pl.id DESC, g.position, g.id""".formatted(
				planId == null ? "" : "WHERE g.plan_id = :plan"), p, rs -> {
			long id = rs.getLong("id");
			Map<TaskStatus, Long> c = counts.remove(id);
			if (c != null || planId != null) {
				perGroup.add(new GroupRow(id, rs.getLong("plan_id"), rs.getString("code"), rs.getString("title"),
						rs.getString("plan_title"), 1, filled(c), soon.getOrDefault(id, 0L)));
			}
		});
		List<GroupRow> rows = perGroup.stream().map(GroupRow::planId).distinct().count() > 1 ? mergeByCode(perGroup)
				: perGroup;
		Map<TaskStatus, Long> ungrouped = counts.remove(null);
		if (ungrouped != null) {
			rows.add(new GroupRow(null, planId, null, "Không thuộc nhóm", null, 1, filled(ungrouped),
					soon.getOrDefault(null, 0L)));
		}
		return new Summary(List.copyOf(rows), totals, dueSoon[0]);
	}

	/**
	 * Lead agencies, worst first: most overdue assignments, then most due soon, then by name. Counted per
	 * assignment (an agency's share of a task), by the rules of {@code assignment_status_rank}.
	 */
	public Page<AgencyRow> agencies(Long planId, LocalDate day, LocalDate today, int dueSoonDays, int page, int size) {
		return agencyPage(planId, day, today, dueSoonDays, page, size).page();
	}

	/**
	 * A page of agencies, and the number of overdue assignments over all of them (the length of the overdue
	 * list, counted in the same pass; {@code null} past the last page, where no row carries it).
	 */
	public record AgencyPage(Page<AgencyRow> page, Long overdueAssignments) {
	}

	public AgencyPage agencyPage(Long planId, LocalDate day, LocalDate today, int dueSoonDays, int page, int size) {
		MapSqlParameterSource p = params(planId, day, dueSoonDays).addValue("limit", size)
			.addValue("offset", (long) page * size);
		boolean current = !day.isBefore(today);
		long[] total = { 0 };
		Long[] overdueTotal = { null };
		RowMapper<AgencyRow> mapper = (rs, i) -> {
			total[0] = rs.getLong("agencies");
			overdueTotal[0] = rs.getLong("overdue_total");
			long all = rs.getLong("total");
			long onTime = rs.getLong("on_time");
			long late = rs.getLong("late");
			long inProgress = rs.getLong("in_progress");
			long overdue = rs.getLong("overdue");
			return new AgencyRow(rs.getLong("agency_id"), rs.getString("name"), all, onTime, late, inProgress, overdue,
					rs.getLong("due_soon"), all - onTime - late - inProgress - overdue);
		};
		String countSql;
		List<AgencyRow> rows;
		if (planId == null && current) {
			// every agency, today or later: the day-independent counts from the roll-up kept by the triggers of
			// V20__overview_indexes.sql, overdue and due soon from the open assignments' due dates
			rows = jdbc.query("""
					WITH od AS (
					  SELECT a.agency_id, count(*) FILTER (WHERE task_overdue(a.due_date, a.completed_on, :day)) AS overdue,
					         count(*) FILTER (WHERE task_due_soon(a.due_date, a.completed_on, :day, :soonDays)) AS due_soon
					  FROM assignment_view a
					  WHERE task_overdue_or_due_soon(a.due_date, a.completed_on, :day, :soonDays)
					  GROUP BY a.agency_id)
					SELECT r.agency_id, r.total, r.on_time, r.late, r.open_dated - coalesce(od.overdue, 0) AS in_progress,
					       coalesce(od.overdue, 0) AS overdue, coalesce(od.due_soon, 0) AS due_soon, ag.name,
					       count(*) OVER () AS agencies, sum(coalesce(od.overdue, 0)) OVER () AS overdue_total
					FROM agency_status_rollup_view r
					JOIN agency_view ag ON ag.id = r.agency_id
					LEFT JOIN od ON od.agency_id = r.agency_id
					WHERE r.total > 0
					ORDER BY overdue DESC, due_soon DESC, ag.name COLLATE "vi-x-icu", ag.id
					LIMIT :limit OFFSET :offset""", p, mapper);
			countSql = "SELECT count(*) FROM agency_status_rollup_view WHERE total > 0";
		}
		else {
			// one plan, or an earlier day: counted from the assignments with the time rules of V23 (today's, or as of
			// the earlier day, when a completion dated after it still counts as open)
			String asOf = current ? "" : "_as_of";
			String dayArg = current ? "" : ", :day";
			String planJoin = planId == null ? "" : " JOIN task_view t ON t.id = a.task_id AND t.plan_id = :plan";
			rows = jdbc.query("""
					SELECT x.*, ag.name, count(*) OVER () AS agencies, sum(x.overdue) OVER () AS overdue_total
					FROM (SELECT a.agency_id, count(*) AS total,
					             count(*) FILTER (WHERE task_completed_on_time{asOf}(a.due_date, a.completed_on{dayArg})) AS on_time,
					             count(*) FILTER (WHERE task_completed_late{asOf}(a.due_date, a.completed_on{dayArg})) AS late,
					             count(*) FILTER (WHERE task_in_time{asOf}(a.due_date, a.completed_on, :day)) AS in_progress,
					             count(*) FILTER (WHERE task_overdue{asOf}(a.due_date, a.completed_on, :day)) AS overdue,
					             count(*) FILTER (WHERE task_due_soon{asOf}(a.due_date, a.completed_on, :day, :soonDays)) AS due_soon
					      FROM assignment_view a{planJoin}
					      GROUP BY a.agency_id) x
					JOIN agency_view ag ON ag.id = x.agency_id
					ORDER BY x.overdue DESC, x.due_soon DESC, ag.name COLLATE "vi-x-icu", ag.id
					LIMIT :limit OFFSET :offset""".replace("{asOf}", asOf).replace("{dayArg}", dayArg)
				.replace("{planJoin}", planJoin), p, mapper);
			countSql = "SELECT count(DISTINCT a.agency_id) FROM assignment_view a" + planJoin;
		}
		if (rows.isEmpty() && page > 0) {
			// past the last page: the window count came back with no row, count on its own
			Long n = jdbc.queryForObject(countSql, p, Long.class);
			total[0] = n == null ? 0 : n;
		}
		return new AgencyPage(new Page<>(rows, page, size, total[0]), overdueTotal[0]);
	}

	/** Assignments not completed by {@code day} past their due date, most days late first. */
	public Page<OverdueRow> overdue(Long planId, LocalDate day, LocalDate today, int page, int size) {
		return overdue(planId, day, today, page, size, null);
	}

	/**
	 * As above; {@code knownTotal}, when given, is the length of the list already counted (by
	 * {@link #agencyPage}, with the same conditions) and saves counting it again.
	 */
	public Page<OverdueRow> overdue(Long planId, LocalDate day, LocalDate today, int page, int size, Long knownTotal) {
		MapSqlParameterSource p = params(planId, day, 0).addValue("limit", size).addValue("offset", (long) page * size);
		String overdue = !day.isBefore(today) ? "task_overdue" : "task_overdue_as_of";
		String where = " WHERE " + overdue + "(a.due_date, a.completed_on, :day)" + (planId == null ? "" : " AND t.plan_id = :plan");
		List<OverdueRow> rows = jdbc.query("""
				SELECT a.id, a.task_id, t.stt, t.title, a.period_label, a.agency_id, ag.name AS agency,
				       a.due_date, :day - a.due_date AS days_late, a.percent
				FROM assignment_view a JOIN task_view t ON t.id = a.task_id JOIN agency_view ag ON ag.id = a.agency_id
				%s
				ORDER BY a.due_date, a.id
				LIMIT :limit OFFSET :offset""".formatted(where), p,
				(rs, i) -> new OverdueRow(rs.getLong("id"), rs.getLong("task_id"), rs.getString("stt"),
						rs.getString("title"), rs.getString("period_label"), rs.getLong("agency_id"),
						rs.getString("agency"), rs.getDate("due_date").toLocalDate(), rs.getLong("days_late"),
						rs.getInt("percent")));
		Long total = knownTotal != null ? knownTotal : jdbc.queryForObject("SELECT count(*) FROM assignment_view a"
				+ (planId == null ? "" : " JOIN task_view t ON t.id = a.task_id") + where, p, Long.class);
		return new Page<>(rows, page, size, total == null ? 0 : total);
	}

	/**
	 * Why an agency is behind, in its own words: the latest progress note (on or before the day asked about) on
	 * one of its work items — the result, the obstacles (khó khăn, vướng mắc) and the proposals — and how many
	 * days have passed since it last reported anything. {@code lastUpdate == null}: it never reported.
	 */
	public record Reason(String results, String obstacles, String proposals, LocalDate lastUpdate, Long daysSince) {

		public boolean never() {
			return lastUpdate == null;
		}

		/** The note to show, obstacles first (what a leader must act on), then proposals, then the result. */
		public String text() {
			StringBuilder b = new StringBuilder();
			append(b, "Khó khăn, vướng mắc: ", obstacles);
			append(b, "Đề xuất: ", proposals);
			if (b.isEmpty()) {
				append(b, "", results);
			}
			return b.toString();
		}

		private static void append(StringBuilder b, String label, String text) {
			if (text != null && !text.isBlank()) {
				if (!b.isEmpty()) {
					b.append(" · ");
				}
				b.append(label).append(text.strip());
			}
		}
	}

	/** One lead agency's overdue work item of a task, with its reason. */
	public record OverdueAgency(long assignmentId, long agencyId, String agencyName, LocalDate dueDate, long daysLate,
			int percent, Reason reason) {
	}

	/**
	 * A task (and period, for a recurring one) with overdue work: how many of its lead agencies are overdue out of
	 * how many it was given to, the oldest due date, and the overdue agencies worst first (at most
	 * {@link #AGENCIES_SHOWN}; the task page has the rest).
	 */
	public record OverdueTask(long taskId, String stt, String title, String periodLabel, int overdueAgencies,
			int assignedAgencies, LocalDate oldestDue, long maxDaysLate, List<OverdueAgency> agencies) {

		/** One agency, one work item: shown as one line, nothing to expand. */
		public boolean single() {
			return assignedAgencies == 1;
		}

		public int hidden() {
			return Math.max(0, overdueAgencies - agencies.size());
		}
	}

	/** How many overdue agencies of one task the overview lists under it. */
	public static final int AGENCIES_SHOWN = 10;

	/**
	 * Tasks with work not completed by {@code day} past its due date, one row per task and period — a task given to
	 * a collective lead of 17 agencies is one row "14/17", not 17 — longest overdue first, with the overdue agencies
	 * under it and the reason each gave.
	 */
	public Page<OverdueTask> overdueTasks(Long planId, LocalDate day, LocalDate today, int page, int size) {
		MapSqlParameterSource p = params(planId, day, 0).addValue("limit", size).addValue("offset", (long) page * size);
		String overdue = !day.isBefore(today) ? "task_overdue" : "task_overdue_as_of";
		String planJoin = planId == null ? "" : " JOIN task_view pt ON pt.id = a.task_id AND pt.plan_id = :plan";
		long[] total = { 0 };
		record Key(long taskId, String period, int overdue, LocalDate oldest) {
		}
		List<Key> keys = jdbc.query("""
				SELECT a.task_id, a.period_label, count(*) AS overdue_n, min(a.due_date) AS oldest,
				       count(*) OVER () AS groups
				FROM assignment_view a%s
				WHERE %s(a.due_date, a.completed_on, :day)
				GROUP BY a.task_id, a.period_label
				ORDER BY oldest, overdue_n DESC, a.task_id, a.period_label
				LIMIT :limit OFFSET :offset""".formatted(planJoin, overdue), p, (rs, i) -> {
			total[0] = rs.getLong("groups");
			return new Key(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate());
		});
		if (keys.isEmpty()) {
			Long n = page == 0 ? Long.valueOf(0) : jdbc.queryForObject("""
					SELECT count(*) FROM (SELECT 1 FROM assignment_view a%s WHERE %s(a.due_date, a.completed_on, :day)
					GROUP BY a.task_id, a.period_label) x""".formatted(planJoin, overdue), p, Long.class);
			return new Page<>(List.of(), page, size, n == null ? 0 : n);
		}
		List<Long> taskIds = keys.stream().map(Key::taskId).distinct().toList();
		p.addValue("tasks", taskIds).addValue("shown", AGENCIES_SHOWN);
		Map<String, Integer> assigned = new HashMap<>();
		Map<Long, String[]> tasks = new HashMap<>();
		jdbc.query("""
				SELECT a.task_id, a.period_label, count(*) AS n, min(t.stt) AS stt, min(t.title) AS title
				FROM assignment_view a JOIN task_view t ON t.id = a.task_id
				WHERE a.task_id IN (:tasks)
				GROUP BY a.task_id, a.period_label""", p, rs -> {
			assigned.put(rs.getLong(1) + "|" + rs.getString(2), rs.getInt(3));
			tasks.put(rs.getLong(1), new String[] { rs.getString(4), rs.getString(5) });
		});
		Map<String, List<OverdueAgency>> byKey = new HashMap<>();
		jdbc.query("""
				SELECT x.*, ag.name AS agency, pu.results, pu.obstacles, pu.proposals, pu.reported_on,
				       (SELECT max(lu.reported_on) FROM progress_update_view lu
				        WHERE lu.assignment_id = x.id AND lu.reported_on <= :day) AS last_update
				FROM (SELECT a.id, a.task_id, a.period_label, a.agency_id, a.due_date, a.percent,
				             row_number() OVER (PARTITION BY a.task_id, a.period_label ORDER BY a.due_date, a.percent, a.id) AS rn
				      FROM assignment_view a
				      WHERE a.task_id IN (:tasks) AND %s(a.due_date, a.completed_on, :day)) x
				JOIN agency_view ag ON ag.id = x.agency_id
				LEFT JOIN LATERAL (SELECT u.results, u.obstacles, u.proposals, u.reported_on FROM progress_update_view u
				                   WHERE u.assignment_id = x.id AND u.reported_on <= :day
				                   ORDER BY u.created_at DESC, u.id DESC LIMIT 1) pu ON true
				WHERE x.rn <= :shown
				ORDER BY x.task_id, x.period_label, x.rn""".formatted(overdue), p, rs -> {
			LocalDate due = rs.getDate("due_date").toLocalDate();
			java.sql.Date last = rs.getDate("last_update");
			LocalDate lastDay = last == null ? null : last.toLocalDate();
			Reason reason = new Reason(rs.getString("results"), rs.getString("obstacles"), rs.getString("proposals"),
					lastDay, lastDay == null ? null : java.time.temporal.ChronoUnit.DAYS.between(lastDay, day));
			byKey.computeIfAbsent(rs.getLong("task_id") + "|" + rs.getString("period_label"), k -> new ArrayList<>())
				.add(new OverdueAgency(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("agency"), due,
						java.time.temporal.ChronoUnit.DAYS.between(due, day), rs.getInt("percent"), reason));
		});
		List<OverdueTask> rows = new ArrayList<>();
		for (Key k : keys) {
			String key = k.taskId() + "|" + k.period();
			String[] t = tasks.getOrDefault(k.taskId(), new String[] { null, "" });
			rows.add(new OverdueTask(k.taskId(), t[0], t[1], k.period(), k.overdue(), assigned.getOrDefault(key, k.overdue()),
					k.oldest(), java.time.temporal.ChronoUnit.DAYS.between(k.oldest(), day),
					byKey.getOrDefault(key, List.of())));
		}
		return new Page<>(rows, page, size, total[0]);
	}

	/**
	 * For each agency, the reason it gave on its open work (the latest progress note on or before {@code day} on a
	 * work item not completed) and the days since it last reported on any of its work.
	 */
	public Map<Long, Reason> reasons(java.util.Collection<Long> agencyIds, LocalDate day) {
		if (agencyIds.isEmpty()) {
			return Map.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("ids", agencyIds).addValue("day", Date.valueOf(day));
		Map<Long, LocalDate> last = new HashMap<>();
		jdbc.query("""
				SELECT a.agency_id, max(u.reported_on) FROM assignment_view a
				JOIN progress_update_view u ON u.assignment_id = a.id
				WHERE a.agency_id IN (:ids) AND u.reported_on <= :day
				GROUP BY a.agency_id""", p, rs -> {
			last.put(rs.getLong(1), rs.getDate(2).toLocalDate());
		});
		Map<Long, Reason> out = new HashMap<>();
		jdbc.query("""
				SELECT DISTINCT ON (a.agency_id) a.agency_id, u.results, u.obstacles, u.proposals
				FROM assignment_view a JOIN progress_update_view u ON u.assignment_id = a.id
				WHERE a.agency_id IN (:ids) AND u.reported_on <= :day AND (a.completed_on IS NULL OR a.completed_on > :day)
				ORDER BY a.agency_id, u.created_at DESC, u.id DESC""", p, rs -> {
			long id = rs.getLong(1);
			LocalDate l = last.get(id);
			out.put(id, new Reason(rs.getString(2), rs.getString(3), rs.getString(4), l,
					l == null ? null : java.time.temporal.ChronoUnit.DAYS.between(l, day)));
		});
		for (Long id : agencyIds) {
			LocalDate l = last.get(id);
			out.putIfAbsent(id, new Reason(null, null, null, l, l == null ? null : java.time.temporal.ChronoUnit.DAYS.between(l, day)));
		}
		return out;
	}

	/**
	 * Adds up the groups of the same code across plans (already counted per group in SQL: a handful of cells,
	 * not rows of data). The title is the most recent plan's; the order is the groups' own (I, II, …).
	 */
	private static List<GroupRow> mergeByCode(List<GroupRow> rows) {
		Map<String, GroupRow> byCode = new LinkedHashMap<>();
		for (GroupRow g : rows) {
			byCode.merge(g.code(), g, (a, b) -> {
				Map<TaskStatus, Long> sum = new EnumMap<>(a.counts());
				b.counts().forEach((k, v) -> sum.merge(k, v, Long::sum));
				return new GroupRow(null, null, a.code(), a.title(), null, a.plans() + b.plans(), sum,
						a.dueSoon() + b.dueSoon());
			});
		}
		List<GroupRow> merged = new ArrayList<>(byCode.values());
		merged.sort(Comparator.comparingInt(g -> romanOrder(g.code())));
		return merged;
	}

	/** I..XX in order, anything else after them. */
	private static int romanOrder(String code) {
		String[] roman = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
				"XV", "XVI", "XVII", "XVIII", "XIX", "XX" };
		for (int i = 0; i < roman.length; i++) {
			if (roman[i].equalsIgnoreCase(code == null ? "" : code.trim())) {
				return i;
			}
		}
		return roman.length;
	}

	private static MapSqlParameterSource params(Long planId, LocalDate day, int dueSoonDays) {
		MapSqlParameterSource p = new MapSqlParameterSource("day", Date.valueOf(day))
			.addValue("soonDays", dueSoonDays);
		if (planId != null) {
			p.addValue("plan", planId);
		}
		return p;
	}

	private static Map<TaskStatus, Long> filled(Map<TaskStatus, Long> counts) {
		EnumMap<TaskStatus, Long> out = new EnumMap<>(TaskStatus.class);
		for (TaskStatus s : TaskStatus.values()) {
			out.put(s, counts == null ? 0L : counts.getOrDefault(s, 0L));
		}
		return out;
	}
}
