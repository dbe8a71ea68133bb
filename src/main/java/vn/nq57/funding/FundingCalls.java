package vn.nq57.funding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;

/**
 * Funding calls: DoST opens one for a budget year with a closing date and a review due date, and sends the reviewed
 * list to Sở Tài chính; Sở Tài chính records the province's decision, which allocates every accepted or adjusted
 * proposal of the call.
 */
@Service
class FundingCalls {

	private final JdbcTemplate jdbc;
	private final FundingStore store;
	private final FundingAccess access;
	private final FundingProposals proposals;
	private final AuditLog audit;
	private final AppClock clock;
	private final FundingShares shares;

	FundingCalls(JdbcTemplate jdbc, FundingStore store, FundingAccess access, FundingProposals proposals, AuditLog audit,
			AppClock clock, FundingShares shares) {
		this.shares = shares;
		this.jdbc = jdbc;
		this.store = store;
		this.access = access;
		this.proposals = proposals;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	long open(String title, int yearFrom, int yearTo, LocalDate closesOn, LocalDate reviewDue) {
		access.requireDost("mở đợt đề xuất kinh phí");
		if (title == null || title.isBlank()) {
			throw new DomainException("Hãy đặt tên đợt đề xuất");
		}
		if (yearFrom < 2020 || yearFrom > 2100 || yearTo < yearFrom || yearTo - yearFrom > 5) {
			throw new DomainException("Năm ngân sách không hợp lệ (từ năm ≤ đến năm, tối đa 6 năm)");
		}
		if (closesOn == null || reviewDue == null) {
			throw new DomainException("Hãy nhập hạn nhận đề xuất và hạn xem xét");
		}
		if (reviewDue.isBefore(closesOn)) {
			throw new DomainException("Hạn xem xét (" + VnFormat.DATE.format(reviewDue) + ") phải sau hạn nhận đề xuất ("
					+ VnFormat.DATE.format(closesOn) + ")");
		}
		long id = jdbc.queryForObject("""
				INSERT INTO funding_call(title, year_from, year_to, closes_on, review_due, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, title.strip(), yearFrom, yearTo, Date.valueOf(closesOn),
				Date.valueOf(reviewDue), AccessPolicy.current().id(), java.sql.Timestamp.from(clock.now()));
		audit.change("FUNDING_CALL_OPENED", "FUNDING_CALL", id, null, "Mở đợt đề xuất kinh phí “" + title.strip() + "”", null,
				state(store.call(id)));
		return id;
	}

	/** DoST sends the reviewed list to Sở Tài chính: every submitted proposal must have been reviewed. */
	@Transactional
	FundingCall send(long callId, String letterNumber, long expectedVersion) {
		access.requireDost("gửi danh sách đề xuất sang Sở Tài chính");
		FundingCall c = locked(callId, expectedVersion);
		if (!c.open()) {
			throw new DomainException("Danh sách của đợt này đã gửi Sở Tài chính");
		}
		Integer pending = jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id = ? AND state = 'SUBMITTED'",
				Integer.class, callId);
		if (pending != null && pending > 0) {
			throw new DomainException("Còn " + pending + " đề xuất chưa xem xét; hãy xem xét hết trước khi gửi Sở Tài chính");
		}
		jdbc.update("UPDATE funding_call SET state = 'SENT', letter_number = ?, sent_on = ?, version = version + 1 WHERE id = ?",
				letterNumber == null || letterNumber.isBlank() ? null : letterNumber.strip(), Date.valueOf(clock.today()), callId);
		FundingCall after = store.call(callId);
		audit.change("FUNDING_CALL_SENT", "FUNDING_CALL", callId, null, "Gửi danh sách đề xuất đã xem xét sang Sở Tài chính",
				state(c), state(after));
		return after;
	}

	/**
	 * Sở Tài chính records the province's decision: an allocation for each accepted or adjusted proposal of the call,
	 * in the call's first budget year, of the reviewed amount unless {@code amounts} says otherwise (0: not allocated).
	 */
	@Transactional
	FundingCall decide(long callId, String number, LocalDate date, String signer, boolean demo, Map<Long, Long> amounts,
			long expectedVersion) {
		access.requireFinance("ghi quyết định phân bổ kinh phí");
		FundingCall c = locked(callId, expectedVersion);
		if (!"SENT".equals(c.state())) {
			throw new DomainException(c.open() ? "Sở KH&CN chưa gửi danh sách đề xuất của đợt này"
					: "Đợt này đã có quyết định phân bổ");
		}
		if (number == null || number.isBlank() || date == null) {
			throw new DomainException("Hãy nhập số và ngày của quyết định phân bổ");
		}
		List<Proposal> through = jdbc.query("SELECT " + FundingStore.PROPOSAL_COLUMNS
				+ " FROM funding_proposal p WHERE p.call_id = ? AND p.state IN ('ACCEPTED', 'ADJUSTED') ORDER BY p.id",
				(rs, i) -> FundingStore.proposal(rs, Map.of()), callId);
		int n = 0;
		for (Proposal p : through) {
			long amount = amounts == null || !amounts.containsKey(p.id()) ? p.reviewedAmount() : amounts.get(p.id());
			if (amount < 0) {
				throw new DomainException("Số tiền phân bổ cho đề xuất số " + p.id() + " không được âm");
			}
			if (amount == 0) {
				continue;
			}
			jdbc.update("""
					INSERT INTO funding_allocation(call_id, proposal_id, task_id, agency_id, year, source, category, amount,
					                               decision_number, decision_date, decision_signer, demo, created_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", callId, p.id(), p.taskId(), p.agencyId(), c.yearFrom(),
					p.source().name(), p.category().name(), amount, number.strip(), Date.valueOf(date),
					signer == null || signer.isBlank() ? null : signer.strip(), demo, AccessPolicy.current().id(),
					java.sql.Timestamp.from(clock.now()));
			proposals.allocated(p);
			n++;
		}
		jdbc.update("""
				UPDATE funding_call SET state = 'DECIDED', decision_number = ?, decision_date = ?, decision_signer = ?,
				       decision_demo = ?, version = version + 1 WHERE id = ?""", number.strip(), Date.valueOf(date),
				signer == null ? null : signer.strip(), demo, callId);
		FundingCall after = store.call(callId);
		audit.change("FUNDING_CALL_DECIDED", "FUNDING_CALL", callId, null,
				"Quyết định phân bổ số " + number.strip() + ": " + n + " nhiệm vụ", state(c), state(after));
		shares.publishYear(c.yearFrom());
		return after;
	}

	private FundingCall locked(long id, long expectedVersion) {
		Long version = jdbc.query("SELECT version FROM funding_call WHERE id = ? FOR UPDATE",
				rs -> rs.next() ? rs.getLong(1) : null, id);
		if (version == null) {
			throw new vn.nq57.system.NotFoundException("Không có đợt đề xuất số " + id);
		}
		if (version != expectedVersion) {
			throw new ConcurrentEditException("đợt đề xuất");
		}
		return store.call(id);
	}

	static Map<String, Object> state(FundingCall c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("title", c.title());
		m.put("years", c.years());
		m.put("closesOn", String.valueOf(c.closesOn()));
		m.put("reviewDue", String.valueOf(c.reviewDue()));
		m.put("state", c.state());
		m.put("letterNumber", c.letterNumber());
		m.put("decisionNumber", c.decisionNumber());
		m.put("decisionDate", c.decisionDate() == null ? null : c.decisionDate().toString());
		m.put("decisionSigner", c.decisionSigner());
		m.put("version", c.version());
		return m;
	}
}
