package vn.nq57.steering;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The assignments' categories per lead agency on two days at once (now and the day compared with), in one pass
 * over {@code assignment_view} with the task module's {@code _as_of} rules, so a completion dated after a day
 * counts as not yet done on it. Every widget and brief section that counts tasks reads these figures.
 */
@Component
public class StatusFigures {

	/** Per agency: [0] on {@code day}, [1] on {@code before}. */
	public record ByAgency(LocalDate day, LocalDate before, Map<Long, Counts[]> rows, java.time.Instant counted) {

		public Counts total(int which) {
			Counts c = Counts.ZERO;
			for (Counts[] r : rows.values()) {
				c = c.plus(r[which]);
			}
			return c;
		}

		public Counts now() {
			return total(0);
		}

		public Counts then() {
			return total(1);
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final FigureCache cache;

	private final SteeringExecutor parallel;

	static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
		try {
			return f.join();
		}
		catch (java.util.concurrent.CompletionException e) {
			if (e.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw e;
		}
	}

	StatusFigures(NamedParameterJdbcTemplate jdbc, FigureCache cache, SteeringExecutor parallel) {
		this.parallel = parallel;
		this.jdbc = jdbc;
		this.cache = cache;
	}

	public ByAgency byAgency(Filter f, LocalDate day, LocalDate before) {
		return cache.get("status|" + f + "|" + day + "|" + before, () -> count(f, day, before));
	}

	private ByAgency count(Filter f, LocalDate day, LocalDate before) {
		return f.groupCode() == null ? fromRollup(f, day, before) : scan(f, day, before);
	}

	/**
	 * The same figures without a pass over every assignment: the task module's per-agency roll-up (total, completed on
	 * time, late, open with a due date; kept by its triggers), the open assignments due before each day (an index-only
	 * range scan of {@code overview_open_due_agency_idx}), and the assignments completed after the earlier day (few),
	 * which were still open then. {@code StatusFiguresAgreementTest} holds it to {@link #scan}.
	 */
	ByAgency fromRollup(Filter f, LocalDate day, LocalDate before) {
		MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(day)).addValue("b", Date.valueOf(before));
		String kindJoin = "";
		StringBuilder on = new StringBuilder();
		if (f.agencyKind() != null) {
			kindJoin = " JOIN agency_view ag ON ag.id = %s.agency_id AND ag.kind = :kind";
			p.addValue("kind", f.agencyKind());
		}
		if (f.communeId() != null) {
			on.append(" AND %s.agency_id = :commune");
			p.addValue("commune", f.communeId());
		}
		if (f.scopeAgencyId() != null) {
			on.append(" AND %s.agency_id = :scope");
			p.addValue("scope", f.scopeAgencyId());
		}
		String rj = kindJoin.formatted("r");
		String rw = on.toString().replace("%s", "r");
		String aj = kindJoin.formatted("a");
		String aw = on.toString().replace("%s", "a");
		// three aggregate queries, side by side
		java.util.concurrent.CompletableFuture<Map<Long, long[]>> baseF = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
		Map<Long, long[]> base = new HashMap<>();
		jdbc.query("SELECT r.agency_id, r.total, r.on_time, r.late, r.open_dated FROM agency_status_rollup_view r" + rj
				+ " WHERE r.total <> 0" + rw, p, rs -> {
					base.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
				});
		return base;
		}, parallel);
		// open now and due before each day. OFFSET 0 keeps this query (and the one below) to one process: the planner
		// would otherwise add two parallel workers, which on a board's many queries side by side only add their own
		// start-up and partial counts (≈2 × the CPU for the same time)
		java.util.concurrent.CompletableFuture<Map<Long, long[]>> openF = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
		Map<Long, long[]> open = new HashMap<>();
		jdbc.query("""
				SELECT x.agency_id, count(*) FILTER (WHERE x.due_date < :d), count(*) FILTER (WHERE x.due_date < :b)
				FROM (SELECT a.agency_id, a.due_date FROM assignment_view a""" + aj
				+ " WHERE a.completed_on IS NULL AND a.due_date < greatest(CAST(:d AS date), CAST(:b AS date))" + aw
				+ " OFFSET 0) x GROUP BY x.agency_id", p, rs -> {
					open.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
				});
		return open;
		}, parallel);
		// completed after a day: still open on it (on this thread). An index-only range scan of the task module's
		// assignment_completed_day_idx; each row's five comparisons made once (OFFSET 0 keeps the planner from
		// copying them into each of the eight counts, which halves the time), then counted:
		// NOT x.late = completed on time (or without a due date), x.late = late; NOT x.due_d = due on or after d.
		Map<Long, long[]> later = new HashMap<>();
		jdbc.query("""
				SELECT x.agency_id,
				  count(*) FILTER (WHERE x.after_d AND NOT x.late), count(*) FILTER (WHERE x.after_d AND x.late),
				  count(*) FILTER (WHERE x.after_d AND x.due_d), count(*) FILTER (WHERE x.after_d AND NOT x.due_d),
				  count(*) FILTER (WHERE x.after_b AND NOT x.late), count(*) FILTER (WHERE x.after_b AND x.late),
				  count(*) FILTER (WHERE x.after_b AND x.due_b), count(*) FILTER (WHERE x.after_b AND NOT x.due_b)
				FROM (SELECT a.agency_id, a.completed_on > :d AS after_d, a.completed_on > :b AS after_b,
				        coalesce(a.completed_on > a.due_date, false) AS late, a.due_date < :d AS due_d, a.due_date < :b AS due_b
				      FROM assignment_view a""" + aj + " WHERE a.completed_on > least(CAST(:d AS date), CAST(:b AS date))" + aw
				+ " OFFSET 0) x GROUP BY x.agency_id", p, rs -> {
					long[] v = new long[8];
					for (int i = 0; i < 8; i++) {
						v[i] = rs.getLong(i + 2);
					}
					later.put(rs.getLong(1), v);
				});
		Map<Long, long[]> base = join(baseF);
		Map<Long, long[]> open = join(openF);
		Map<Long, Counts[]> rows = new HashMap<>();
		base.forEach((agency, r) -> {
			long[] o = open.getOrDefault(agency, new long[2]);
			long[] c = later.getOrDefault(agency, new long[8]);
			Counts[] both = new Counts[2];
			for (int k = 0; k < 2; k++) {
				long onTime = r[1] - c[4 * k];
				long late = r[2] - c[4 * k + 1];
				long overdue = o[k] + c[4 * k + 2];
				long inTime = r[3] - o[k] + c[4 * k + 3];
				both[k] = new Counts(r[0], onTime, late, inTime, overdue);
			}
			rows.put(agency, both);
		});
		return new ByAgency(day, before, rows, java.time.Instant.now());
	}

	/** One pass over the assignments with the {@code _as_of} rules (also the way with a task group chosen). */
	ByAgency scan(Filter f, LocalDate day, LocalDate before) {
		MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(day)).addValue("b", Date.valueOf(before));
		StringBuilder from = new StringBuilder("FROM assignment_view a");
		StringBuilder where = new StringBuilder(" WHERE true");
		where(f, from, where, p);
		String sql = """
				SELECT a.agency_id,
				  count(*),
				  count(*) FILTER (WHERE task_completed_on_time_as_of(a.due_date, a.completed_on, :d)),
				  count(*) FILTER (WHERE task_completed_late_as_of(a.due_date, a.completed_on, :d)),
				  count(*) FILTER (WHERE task_in_time_as_of(a.due_date, a.completed_on, :d)),
				  count(*) FILTER (WHERE task_overdue_as_of(a.due_date, a.completed_on, :d)),
				  count(*) FILTER (WHERE task_completed_on_time_as_of(a.due_date, a.completed_on, :b)),
				  count(*) FILTER (WHERE task_completed_late_as_of(a.due_date, a.completed_on, :b)),
				  count(*) FILTER (WHERE task_in_time_as_of(a.due_date, a.completed_on, :b)),
				  count(*) FILTER (WHERE task_overdue_as_of(a.due_date, a.completed_on, :b))
				""" + from + where + " GROUP BY a.agency_id";
		Map<Long, Counts[]> rows = new HashMap<>();
		jdbc.query(sql, p, rs -> {
			long total = rs.getLong(2);
			rows.put(rs.getLong(1), new Counts[] {
					new Counts(total, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
					new Counts(total, rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)) });
		});
		return new ByAgency(day, before, rows, java.time.Instant.now());
	}

	/** Adds the filter's joins and conditions to a query over {@code assignment_view a}. */
	static void where(Filter f, StringBuilder from, StringBuilder where, MapSqlParameterSource p) {
		if (f.groupCode() != null) {
			from.append(" JOIN task_view t ON t.id = a.task_id JOIN task_group_view g ON g.id = t.group_id");
			where.append(" AND g.code = :group");
			p.addValue("group", f.groupCode());
		}
		if (f.agencyKind() != null) {
			from.append(" JOIN agency_view ag ON ag.id = a.agency_id");
			where.append(" AND ag.kind = :kind");
			p.addValue("kind", f.agencyKind());
		}
		if (f.communeId() != null) {
			where.append(" AND a.agency_id = :commune");
			p.addValue("commune", f.communeId());
		}
		if (f.scopeAgencyId() != null) {
			where.append(" AND a.agency_id = :scope");
			p.addValue("scope", f.scopeAgencyId());
		}
	}
}
