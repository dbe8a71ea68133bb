package vn.nq57.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.Money;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;

/**
 * Money after the decision: reallocations between allocations (never overwriting the original; the current figure is
 * derived), disbursement reports of the agencies against their allocation, and the budget totals Sở Tài chính enters
 * for the 3% / 15% shares.
 */
@Service
class FundingMoney {

	/** An allocation with its derived figures. */
	record Allocation(long id, Long callId, Long proposalId, long taskId, long agencyId, int year, Source source,
			Category category, long original, long current, long disbursed, String decisionNumber, LocalDate decisionDate,
			boolean demo) {

		public long left() {
			return current - disbursed;
		}
	}

	static final String ALLOCATION_COLUMNS = "id, call_id, proposal_id, task_id, agency_id, year, source, category, original, "
			+ "current_amount, disbursed, decision_number, decision_date, demo";

	private final JdbcTemplate jdbc;
	private final FundingAccess access;
	private final FundingSettings settings;
	private final AuditLog audit;
	private final AppClock clock;
	private final FundingShares shares;

	FundingMoney(JdbcTemplate jdbc, FundingAccess access, FundingSettings settings, AuditLog audit, AppClock clock,
			FundingShares shares) {
		this.jdbc = jdbc;
		this.access = access;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.shares = shares;
	}

	Allocation allocation(long id) {
		return jdbc.query("SELECT " + ALLOCATION_COLUMNS + " FROM funding_allocation_view WHERE id = ?",
				(rs, i) -> new Allocation(rs.getLong(1), FundingStore.nullableLong(rs, 2), FundingStore.nullableLong(rs, 3),
						rs.getLong(4), rs.getLong(5), rs.getInt(6), Source.valueOf(rs.getString(7)),
						Category.valueOf(rs.getString(8)), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12),
						rs.getDate(13).toLocalDate(), rs.getBoolean(14)), id)
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không có phân bổ kinh phí số " + id));
	}

	/** Sở Tài chính moves {@code amount} from one allocation to another by decision. */
	@Transactional
	long reallocate(long fromId, long toId, long amount, String decisionNumber, LocalDate decisionDate, String reason) {
		return reallocate(fromId, toId, amount, decisionNumber, decisionDate, reason, new FieldErrors());
	}

	/**
	 * The reallocation form, with the problems it already found ({@code problems}, each on its field): every rule
	 * adds its own, and any problem refuses the move ({@link vn.nq57.system.FieldsRefused}) with nothing changed.
	 */
	@Transactional
	long reallocate(long fromId, long toId, long amount, String decisionNumber, LocalDate decisionDate, String reason,
			FieldErrors problems) {
		access.requireFinance("điều chuyển kinh phí");
		if (fromId == toId) {
			problems.reject("to", "Phân bổ chuyển đi và nhận về phải khác nhau");
		}
		// lock both, lower id first
		jdbc.query("SELECT id FROM funding_allocation WHERE id IN (?, ?) ORDER BY id FOR UPDATE", rs -> {
		}, fromId, toId);
		Allocation from = allocation(fromId);
		Allocation to = allocation(toId);
		if (!problems.has("amount")) {
			if (amount <= 0) {
				problems.reject("amount", "Số tiền điều chuyển phải lớn hơn 0 đồng");
			}
			else if (amount > from.left()) {
				problems.reject("amount", "Số tiền điều chuyển " + Money.format(amount) + " lớn hơn số còn lại của phân bổ nguồn ("
						+ Money.format(from.left()) + " = " + Money.format(from.current()) + " hiện có − "
						+ Money.format(from.disbursed()) + " đã giải ngân)");
			}
		}
		if (decisionNumber == null || decisionNumber.isBlank()) {
			problems.reject("decisionNumber", "Hãy nhập số của quyết định điều chuyển");
		}
		if (decisionDate == null && !problems.has("decisionDate")) {
			problems.reject("decisionDate", "Hãy nhập ngày của quyết định điều chuyển");
		}
		if (reason == null || reason.isBlank()) {
			problems.reject("reason", "Hãy ghi lý do điều chuyển");
		}
		problems.refuseIfAny();
		long id = jdbc.queryForObject("""
				INSERT INTO funding_reallocation(from_allocation, to_allocation, amount, decision_number, decision_date, reason,
				                                 created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, fromId, toId, amount, decisionNumber.strip(),
				Date.valueOf(decisionDate), reason.strip(), AccessPolicy.current().id(), Timestamp.from(clock.now()));
		Map<String, Object> before = Map.of("from", from.current(), "to", to.current());
		Map<String, Object> after = Map.of("from", from.current() - amount, "to", to.current() + amount, "amount", amount,
				"decision", decisionNumber.strip(), "reason", reason.strip());
		audit.change("FUNDING_REALLOCATED", "FUNDING_REALLOCATION", id, to.taskId(), "Điều chuyển " + Money.format(amount)
				+ " từ phân bổ số " + fromId + " sang phân bổ số " + toId, before, after);
		shares.publishYear(from.year());
		if (to.year() != from.year()) {
			shares.publishYear(to.year());
		}
		return id;
	}

	/** What the check of a disbursement report found: the expected share of the period and whether it lags. */
	record Pace(BigDecimal rate, BigDecimal expected, boolean lags) {
	}

	/**
	 * The agency's report of what it disbursed in one month or quarter against an allocation (a new report or a
	 * correction on the version seen). The cumulative amount never exceeds the current allocation; when the rate lags
	 * the period's expected share by more than the setting, a reason is required.
	 */
	@Transactional
	Pace disburse(long allocationId, PeriodKind kind, int year, int index, long amount, String lagReason,
			Long expectedVersion) {
		return disburse(allocationId, kind, year, index, amount, lagReason, expectedVersion, new FieldErrors());
	}

	/**
	 * The disbursement form, with the problems it already found ({@code problems}, each on its field: period,
	 * amount, lagReason): every rule adds its own, and any problem refuses the report with nothing recorded.
	 */
	@Transactional
	Pace disburse(long allocationId, PeriodKind kind, int year, int index, long amount, String lagReason,
			Long expectedVersion, FieldErrors problems) {
		jdbc.query("SELECT id FROM funding_allocation WHERE id = ? FOR UPDATE", rs -> {
		}, allocationId);
		Allocation a = allocation(allocationId);
		CurrentUser u = AccessPolicy.current();
		access.require(FundingAccess.isAgencyStaff(u, a.agencyId()), "FUNDING_ALLOCATION", allocationId,
				"báo cáo giải ngân của cơ quan khác");
		if (kind != PeriodKind.MONTH && kind != PeriodKind.QUARTER) {
			throw new DomainException("Kỳ báo cáo giải ngân là tháng hoặc quý");
		}
		if (year != a.year()) {
			throw new DomainException("Phân bổ này thuộc năm ngân sách " + a.year() + "; không báo cáo giải ngân cho năm " + year);
		}
		boolean periodOk = !problems.has("period");
		if (periodOk && (index < 1 || index > kind.periodsIn(year))) {
			problems.reject("period", "Kỳ báo cáo không hợp lệ");
			periodOk = false;
		}
		LocalDate end = periodOk ? LocalDate.of(year, (index * kind.months()), 1).plusMonths(1).minusDays(1) : null;
		if (periodOk && end.minusMonths(kind.months()).isAfter(clock.today())) {
			problems.reject("period", "Kỳ báo cáo chưa bắt đầu");
			periodOk = false;
		}
		boolean amountOk = !problems.has("amount");
		if (amountOk && amount < 0) {
			problems.reject("amount", "Số tiền giải ngân không được âm");
			amountOk = false;
		}
		if (!periodOk) {
			// the period is needed for every other rule: what is known is said now
			problems.refuseIfAny();
		}
		Optional<long[]> existing = jdbc.query("""
				SELECT id, amount, version FROM funding_disbursement
				WHERE allocation_id = ? AND period_kind = ? AND period_year = ? AND period_index = ?""",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }, allocationId, kind.name(), year, index)
			.stream().findFirst();
		if (existing.isPresent() && (expectedVersion == null || existing.get()[2] != expectedVersion)) {
			throw new ConcurrentEditException("báo cáo giải ngân");
		}
		long others = a.disbursed() - existing.map(e -> e[1]).orElse(0L);
		long cumulative = others + amount;
		if (amountOk && cumulative > a.current()) {
			problems.reject("amount", "Tổng giải ngân " + Money.format(cumulative) + " vượt số được phân bổ "
					+ Money.format(a.current()) + " (đã báo cáo các kỳ khác " + Money.format(others) + ")");
			amountOk = false;
		}
		String reason = lagReason == null || lagReason.isBlank() ? null : lagReason.strip();
		Pace pace = null;
		if (amountOk) {
			Long throughPeriod = jdbc.queryForObject("""
					SELECT COALESCE(sum(amount), 0) FROM funding_disbursement
					WHERE allocation_id = ? AND period_end <= ? AND NOT (period_kind = ? AND period_year = ? AND period_index = ?)""",
					Long.class, allocationId, Date.valueOf(end), kind.name(), year, index);
			pace = pace(throughPeriod + amount, a.current(), end);
			if (pace.lags() && reason == null) {
				problems.reject("lagReason", "Tỷ lệ giải ngân " + pct(pace.rate()) + " thấp hơn mức cần đạt của kỳ ("
						+ pct(pace.expected()) + "); hãy ghi ngắn gọn lý do chậm giải ngân");
			}
		}
		problems.refuseIfAny();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("period", vn.nq57.kernel.Period.of(kind, year, index).label());
		after.put("amount", amount);
		after.put("lagReason", reason);
		if (existing.isPresent()) {
			jdbc.update("UPDATE funding_disbursement SET amount = ?, lag_reason = ?, reported_by = ?, reported_at = ?, version = version + 1 WHERE id = ?",
					amount, reason, u.id(), Timestamp.from(clock.now()), existing.get()[0]);
			audit.change("FUNDING_DISBURSEMENT_CORRECTED", "FUNDING_ALLOCATION", allocationId, a.taskId(),
					"Sửa báo cáo giải ngân " + after.get("period"), Map.of("amount", existing.get()[1]), after);
		}
		else {
			jdbc.update("""
					INSERT INTO funding_disbursement(allocation_id, period_kind, period_year, period_index, period_end, amount,
					                                 lag_reason, reported_by, reported_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", allocationId, kind.name(), year, index, Date.valueOf(end), amount,
					reason, u.id(), Timestamp.from(clock.now()));
			audit.change("FUNDING_DISBURSED", "FUNDING_ALLOCATION", allocationId, a.taskId(),
					"Báo cáo giải ngân " + Money.format(amount) + " (" + after.get("period") + ")", null, after);
		}
		return pace;
	}

	/** Rate of {@code disbursed} over {@code current} against the share of the year elapsed at {@code end}. */
	Pace pace(long disbursed, long current, LocalDate end) {
		BigDecimal rate = current == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(disbursed).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(current), 2, RoundingMode.DOWN);
		BigDecimal expected = BigDecimal.valueOf(end.getMonthValue() * 100L).divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
		boolean lags = rate.add(BigDecimal.valueOf(settings.lagPoints())).compareTo(expected) < 0;
		return new Pace(rate, expected, lags);
	}

	static String pct(BigDecimal p) {
		return vn.nq57.kernel.VnFormat.percent(p);
	}

	record Budget(int year, long localSpending, long scienceBudget, String note, long version) {
	}

	Optional<Budget> budget(int year) {
		return jdbc.query("SELECT year, local_spending, science_budget, note, version FROM funding_budget WHERE year = ?",
				(rs, i) -> new Budget(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)), year)
			.stream().findFirst();
	}

	/** Sở Tài chính enters the year's budget totals; the shares are published again. */
	@Transactional
	Budget saveBudget(int year, long localSpending, long scienceBudget, String note, Long expectedVersion) {
		return saveBudget(year, localSpending, scienceBudget, note, expectedVersion, new FieldErrors());
	}

	/**
	 * The budget form, with the problems it already found ({@code problems}, each on its field): every rule adds
	 * its own, and any problem refuses the save ({@link vn.nq57.system.FieldsRefused}) with nothing changed.
	 */
	@Transactional
	Budget saveBudget(int year, long localSpending, long scienceBudget, String note, Long expectedVersion,
			FieldErrors problems) {
		access.requireFinance("nhập số liệu ngân sách");
		if (year < 2020 || year > 2100) {
			throw new DomainException("Năm ngân sách không hợp lệ");
		}
		Optional<Budget> before = budget(year);
		if (before.isPresent() && (expectedVersion == null || before.get().version() != expectedVersion)) {
			throw new ConcurrentEditException("số liệu ngân sách");
		}
		if (!problems.has("localSpending") && localSpending <= 0) {
			problems.reject("localSpending", "Tổng chi ngân sách địa phương phải lớn hơn 0 đồng");
		}
		if (!problems.has("scienceBudget") && scienceBudget <= 0) {
			problems.reject("scienceBudget", "Chi ngân sách cho khoa học phải lớn hơn 0 đồng");
		}
		if (problems.isEmpty() && scienceBudget > localSpending) {
			problems.reject("scienceBudget", "Chi ngân sách cho khoa học không thể lớn hơn tổng chi ngân sách địa phương");
		}
		problems.refuseIfAny();
		jdbc.update("""
				INSERT INTO funding_budget(year, local_spending, science_budget, note, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (year) DO UPDATE SET local_spending = excluded.local_spending,
				  science_budget = excluded.science_budget, note = excluded.note, updated_by = excluded.updated_by,
				  updated_at = excluded.updated_at, version = funding_budget.version + 1""", year, localSpending,
				scienceBudget, note == null || note.isBlank() ? null : note.strip(), AccessPolicy.current().id(),
				Timestamp.from(clock.now()));
		Budget after = budget(year).orElseThrow();
		audit.change("FUNDING_BUDGET_SAVED", "FUNDING_BUDGET", (long) year, null, "Số liệu ngân sách năm " + year,
				before.map(b -> Map.<String, Object>of("localSpending", b.localSpending(), "scienceBudget", b.scienceBudget()))
					.orElse(null),
				Map.of("localSpending", localSpending, "scienceBudget", scienceBudget));
		shares.publishYear(year);
		return after;
	}
}
