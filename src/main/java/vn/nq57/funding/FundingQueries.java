package vn.nq57.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.Page;
import vn.nq57.system.AppClock;

/**
 * What the pages, the API and the documents read: the review queue with its filters (what a user may see, decided in
 * the query), Sở Tài chính's consolidation, the allocation and disbursement figures by agency, source and task group.
 * Every sum is taken in SQL.
 */
@Component
class FundingQueries {

	/** The queue's filters; null or blank means any. {@code group}: a task group's code (I…VII). */
	record Filter(Long callId, Long agencyId, Source source, ProposalState state, String group, String q) {

		static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}
	}

	record Row(long id, long callId, long taskId, String taskTitle, String groupCode, long agencyId, String agencyName,
			Source source, Category category, long amount, Long approvedAmount, ProposalState state, String reviewReason,
			Long duplicateOf, String duplicateNote, int daysLeft, long version, String justification) {

		public long reviewedAmount() {
			return approvedAmount == null ? amount : approvedAmount;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final FundingAccess access;
	private final AppClock clock;

	FundingQueries(NamedParameterJdbcTemplate jdbc, FundingAccess access, AppClock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
	}

	/** The condition on {@code p} (proposal) and {@code c} (call) of what this user may see. */
	private String visible(CurrentUser u, MapSqlParameterSource params) {
		if (u.is(Role.SECRETARIAT) || u.is(Role.ADMIN)) {
			return "TRUE";
		}
		if (u.is(Role.LEADER)) {
			return "p.state <> 'DRAFT'";
		}
		params.addValue("me", u.agencyId());
		if (access.isFinance(u)) {
			return "(p.agency_id = :me OR (c.state <> 'OPEN' AND p.state IN ('ACCEPTED', 'ADJUSTED', 'ALLOCATED')))";
		}
		return "p.agency_id = :me";
	}

	Page<Row> queue(CurrentUser u, Filter f, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(visible(u, params));
		if (f.callId() != null) {
			where.append(" AND p.call_id = :call");
			params.addValue("call", f.callId());
		}
		if (f.agencyId() != null) {
			where.append(" AND p.agency_id = :agency");
			params.addValue("agency", f.agencyId());
		}
		if (f.source() != null) {
			where.append(" AND p.source = :source");
			params.addValue("source", f.source().name());
		}
		if (f.state() != null) {
			where.append(" AND p.state = :state");
			params.addValue("state", f.state().name());
		}
		if (f.group() != null && !f.group().isBlank()) {
			where.append(" AND g.code = :group");
			params.addValue("group", f.group().strip());
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.append(" AND t.search LIKE '%' || search_key(:q) || '%'");
			params.addValue("q", f.q().strip());
		}
		params.addValue("today", Date.valueOf(clock.today()));
		params.addValue("limit", size);
		params.addValue("offset", Page.offset(page, size));
		String from = """
				FROM funding_proposal p JOIN funding_call c ON c.id = p.call_id
				JOIN task_view t ON t.id = p.task_id LEFT JOIN task_group_view g ON g.id = t.group_id
				JOIN agency_view a ON a.id = p.agency_id
				WHERE\s""" + where;
		Long total = jdbc.queryForObject("SELECT count(*) " + from, params, Long.class);
		List<Row> rows = jdbc.query("""
				SELECT p.id, p.call_id, p.task_id, t.title, g.code, p.agency_id, a.name, p.source, p.category, p.amount,
				       p.approved_amount, p.state, p.review_reason, p.duplicate_of, p.duplicate_note,
				       c.review_due - CAST(:today AS date), p.version, p.justification
				""" + from + " ORDER BY (p.state = 'SUBMITTED') DESC, c.review_due, a.name, p.id LIMIT :limit OFFSET :offset", params,
				(rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getLong(6), rs.getString(7), Source.valueOf(rs.getString(8)), Category.valueOf(rs.getString(9)),
						rs.getLong(10), FundingStore.nullableLong(rs, 11), ProposalState.valueOf(rs.getString(12)),
						rs.getString(13), FundingStore.nullableLong(rs, 14), rs.getString(15), rs.getInt(16), rs.getLong(17),
						rs.getString(18)));
		return new Page<>(rows, page, size, total == null ? 0 : total);
	}

	/** Counts per state of the proposals this user sees in a call (the queue's header). */
	List<Object[]> stateCounts(CurrentUser u, long callId) {
		MapSqlParameterSource params = new MapSqlParameterSource("call", callId);
		String where = visible(u, params);
		return jdbc.query("""
				SELECT p.state, count(*), sum(p.amount), sum(COALESCE(p.approved_amount, p.amount))
				FROM funding_proposal p JOIN funding_call c ON c.id = p.call_id
				WHERE p.call_id = :call AND\s""" + where + " GROUP BY p.state ORDER BY p.state", params,
				(rs, i) -> new Object[] { ProposalState.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4) });
	}

	/** A line of a consolidation or dashboard: a key (agency, source, group…) and its money. */
	record Line(String key, String label, long count, long asked, long reviewed, long allocated, long disbursed) {

		public BigDecimal rate() {
			return allocated == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf(disbursed).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(allocated), 2,
							RoundingMode.DOWN);
		}

		/** Width of a bar (0–100) relative to {@code max}. */
		public long width(long value, long max) {
			return max == 0 ? 0 : Math.round(value * 100.0 / max);
		}
	}

	/** Sở Tài chính's consolidated list: the reviewed proposals of a call, per agency and source. */
	List<Line> consolidation(long callId, String by) {
		String key = switch (by) {
			case "source" -> "p.source";
			case "category" -> "p.category";
			default -> "a.name";
		};
		return jdbc.query("SELECT " + key + ", count(*), sum(p.amount), sum(COALESCE(p.approved_amount, p.amount)) "
				+ "FROM funding_proposal p JOIN agency_view a ON a.id = p.agency_id "
				+ "WHERE p.call_id = :call AND p.state IN ('ACCEPTED', 'ADJUSTED', 'ALLOCATED') GROUP BY " + key + " ORDER BY 4 DESC, 1",
				new MapSqlParameterSource("call", callId),
				(rs, i) -> new Line(rs.getString(1), label(by, rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0, 0));
	}

	/** Allocation (current figure) against disbursement in a year, by agency, source, category or task group. */
	List<Line> dashboard(int year, String by, int limit) {
		String key = switch (by) {
			case "source" -> "v.source";
			case "category" -> "v.category";
			case "group" -> "COALESCE(g.code, '–')";
			default -> "a.name";
		};
		String join = switch (by) {
			case "group" -> "JOIN task_view t ON t.id = v.task_id LEFT JOIN task_group_view g ON g.id = t.group_id";
			case "agency" -> "JOIN agency_view a ON a.id = v.agency_id";
			default -> "";
		};
		return jdbc.query("SELECT " + key + ", count(*), sum(v.current_amount), sum(v.disbursed) FROM funding_allocation_view v "
				+ join + " WHERE v.year = :year GROUP BY " + key + " ORDER BY 3 DESC, 1 LIMIT :limit",
				new MapSqlParameterSource("year", year).addValue("limit", limit),
				(rs, i) -> new Line(rs.getString(1), label(by, rs.getString(1)), rs.getLong(2), 0, 0, rs.getLong(3), rs.getLong(4)));
	}

	record Totals(long allocations, long original, long current, long disbursed) {
	}

	Totals totals(int year) {
		return jdbc.queryForObject("""
				SELECT count(*), COALESCE(sum(original), 0), COALESCE(sum(current_amount), 0), COALESCE(sum(disbursed), 0)
				FROM funding_allocation_view WHERE year = :year""", new MapSqlParameterSource("year", year),
				(rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
	}

	/** An allocation as the lists show it, with its task and agency. */
	record AllocationRow(long id, long taskId, String taskTitle, long agencyId, String agencyName, int year, Source source,
			Category category, long original, long current, long disbursed, String decisionNumber, LocalDate decisionDate,
			boolean demo) {

		public long left() {
			return current - disbursed;
		}

		public BigDecimal rate() {
			return current == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf(disbursed).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(current), 2,
							RoundingMode.DOWN);
		}
	}

	/** Allocations of a year: the agency's own for its staff; all for DoST, leaders and Sở Tài chính. */
	List<AllocationRow> allocations(CurrentUser u, int year, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("limit", limit);
		String where = "v.year = :year";
		if (!FundingAccess.readsProvince(u) && !access.isFinance(u)) {
			where += " AND v.agency_id = :me";
			params.addValue("me", u.agencyId());
		}
		return jdbc.query("""
				SELECT v.id, v.task_id, t.title, v.agency_id, a.name, v.year, v.source, v.category, v.original, v.current_amount,
				       v.disbursed, v.decision_number, v.decision_date, v.demo
				FROM funding_allocation_view v JOIN task_view t ON t.id = v.task_id JOIN agency_view a ON a.id = v.agency_id
				WHERE\s""" + where + " ORDER BY a.name, v.id LIMIT :limit", params,
				(rs, i) -> new AllocationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
						rs.getInt(6), Source.valueOf(rs.getString(7)), Category.valueOf(rs.getString(8)), rs.getLong(9),
						rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getDate(13).toLocalDate(), rs.getBoolean(14)));
	}

	record Disbursement(long id, long allocationId, String periodKind, int year, int index, LocalDate periodEnd, long amount,
			String lagReason, long version) {
	}

	List<Disbursement> disbursements(long allocationId) {
		return jdbc.query("""
				SELECT id, allocation_id, period_kind, period_year, period_index, period_end, amount, lag_reason, version
				FROM funding_disbursement WHERE allocation_id = :a ORDER BY period_end, id""",
				new MapSqlParameterSource("a", allocationId),
				(rs, i) -> new Disbursement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getDate(6).toLocalDate(), rs.getLong(7), rs.getString(8), rs.getLong(9)));
	}

	record Reallocation(long id, long from, long to, long amount, String decisionNumber, LocalDate decisionDate, String reason) {
	}

	List<Reallocation> reallocations(int year) {
		return jdbc.query("""
				SELECT r.id, r.from_allocation, r.to_allocation, r.amount, r.decision_number, r.decision_date, r.reason
				FROM funding_reallocation r JOIN funding_allocation f ON f.id = r.from_allocation
				WHERE f.year = :year ORDER BY r.decision_date, r.id""", new MapSqlParameterSource("year", year),
				(rs, i) -> new Reallocation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
						rs.getDate(6).toLocalDate(), rs.getString(7)));
	}

	/**
	 * Allocations whose disbursement lags the share of the year elapsed by more than {@code points} (the rate at the
	 * last day of the latest month closed before today).
	 */
	/** The share of {@code year} elapsed at the end of the last month closed before today, in percent. */
	BigDecimal expectedShare(int year) {
		LocalDate monthEnd = clock.today().withDayOfMonth(1).minusDays(1);
		int elapsedMonths = monthEnd.getYear() < year ? 0 : monthEnd.getYear() > year ? 12 : monthEnd.getMonthValue();
		return BigDecimal.valueOf(elapsedMonths * 100L).divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
	}

	List<AllocationRow> lagging(int year, int points, int limit) {
		BigDecimal expected = expectedShare(year);
		return jdbc.query("""
				SELECT v.id, v.task_id, t.title, v.agency_id, a.name, v.year, v.source, v.category, v.original, v.current_amount,
				       v.disbursed, v.decision_number, v.decision_date, v.demo
				FROM funding_allocation_view v JOIN task_view t ON t.id = v.task_id JOIN agency_view a ON a.id = v.agency_id
				WHERE v.year = :year AND v.current_amount > 0
				  AND v.disbursed * 100.0 / v.current_amount + :points < :expected
				ORDER BY v.disbursed * 1.0 / v.current_amount, a.name LIMIT :limit""",
				new MapSqlParameterSource("year", year).addValue("points", points).addValue("expected", expected)
					.addValue("limit", limit),
				(rs, i) -> new AllocationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
						rs.getInt(6), Source.valueOf(rs.getString(7)), Category.valueOf(rs.getString(8)), rs.getLong(9),
						rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getDate(13).toLocalDate(), rs.getBoolean(14)));
	}

	/** Agencies' tasks (for the proposal form): tasks the agency leads or has an assignment of. */
	record TaskRef(long id, String title, String groupCode) {
	}

	List<TaskRef> tasksOf(long agencyId, int limit) {
		return jdbc.query("""
				SELECT t.id, t.title, g.code FROM task_view t LEFT JOIN task_group_view g ON g.id = t.group_id
				WHERE t.id IN (SELECT task_id FROM task_lead_view WHERE agency_id = :a
				               UNION SELECT task_id FROM assignment_view WHERE agency_id = :a)
				ORDER BY g.code NULLS LAST, t.id LIMIT :limit""", new MapSqlParameterSource("a", agencyId).addValue("limit", limit),
				(rs, i) -> new TaskRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	record AgencyRef(long id, String name) {
	}

	/** Agencies with proposals in a call (the queue's agency filter). */
	List<AgencyRef> agenciesOf(long callId) {
		return jdbc.query("""
				SELECT a.id, a.name FROM agency_view a WHERE a.id IN (SELECT agency_id FROM funding_proposal WHERE call_id = :c)
				ORDER BY a.name""", new MapSqlParameterSource("c", callId), (rs, i) -> new AgencyRef(rs.getLong(1), rs.getString(2)));
	}

	List<AgencyRef> activeAgencies() {
		return jdbc.query("SELECT id, name FROM agency_view WHERE active ORDER BY name", new MapSqlParameterSource(),
				(rs, i) -> new AgencyRef(rs.getLong(1), rs.getString(2)));
	}

	List<String> groupCodes() {
		return jdbc.queryForList("SELECT DISTINCT code FROM task_group_view ORDER BY code", new MapSqlParameterSource(),
				String.class);
	}

	private static String label(String by, String key) {
		if (key == null) {
			return "–";
		}
		return switch (by) {
			case "source" -> Source.valueOf(key).label();
			case "category" -> Category.valueOf(key).label();
			case "group" -> "Nhóm " + key;
			default -> key;
		};
	}

	List<Line> sortedCopy(List<Line> l) {
		return new ArrayList<>(l);
	}
}
