package vn.nq57.funding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.Money;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.FieldsRefused;

/**
 * Funding proposals (đề xuất phân khai kinh phí) and their way through the review: the agency's officer drafts, its
 * head submits, DoST accepts, adjusts the amount with a reason, returns for revision or refuses with a reason, and
 * flags duplicates. Every transition is kept in {@code funding_proposal_step} (who, when, state and amount before and
 * after, reason) and in the audit trail; a change made on a stale version is refused (409).
 *
 * <p>Published to other capabilities: {@link #draftFor}, which drafts a proposal for a task in the open call of that
 * budget year (the catalogues capability calls it when a big problem is ordered).
 */
@Service
public class FundingProposals {

	/** What an agency types in for a proposal. {@code years}: amount per budget year, each &gt; 0. */
	record Input(long callId, long taskId, long agencyId, Source source, Category category, Map<Integer, Long> years,
			String justification, String expectedOutput, Long estimateFileId) {
	}

	/** DoST's decisions on a submitted proposal. */
	enum Review {
		ACCEPT, ADJUST, RETURN, REFUSE
	}

	private final JdbcTemplate jdbc;
	private final FundingStore store;
	private final FundingAccess access;
	private final AuditLog audit;
	private final AppClock clock;
	private final FundingFiles files;

	FundingProposals(JdbcTemplate jdbc, FundingStore store, FundingAccess access, AuditLog audit, AppClock clock,
			FundingFiles files) {
		this.files = files;
		this.jdbc = jdbc;
		this.store = store;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Drafts a proposal for a task of {@code agencyId} in the open call covering {@code year} (state DRAFT, the agency's
	 * head submits it as usual). {@code source}: a source's name ({@code STATE_BUDGET}) or Vietnamese label; the
	 * category is research and application. Refused with a Vietnamese {@link DomainException} when no call of that year
	 * is open, the amount is not positive, the task is not the agency's or the source unknown. Runs as the signed-in
	 * user (audited as them).
	 *
	 * @return the new proposal's id
	 */
	@Transactional
	public long draftFor(long taskId, long agencyId, int year, long amount, String source, String justification) {
		Source s = Source.find(source);
		if (s == null) {
			throw new DomainException("Nguồn kinh phí “" + source + "” không thuộc bốn nguồn của Kế hoạch (ngân sách nhà nước, "
					+ "vốn doanh nghiệp, tài trợ quốc tế, nguồn hợp pháp khác)");
		}
		LocalDate today = clock.today();
		Long callId = jdbc.query("""
				SELECT id FROM funding_call WHERE state = 'OPEN' AND ? BETWEEN year_from AND year_to AND closes_on >= ?
				ORDER BY closes_on LIMIT 1""", rs -> rs.next() ? rs.getLong(1) : null, year, today);
		if (callId == null) {
			throw new DomainException("Chưa có đợt đề xuất kinh phí nào đang mở cho năm " + year);
		}
		Map<Integer, Long> years = new TreeMap<>();
		years.put(year, amount);
		return insert(new Input(callId, taskId, agencyId, s, Category.SCIENCE_RESEARCH, years,
				justification == null || justification.isBlank() ? "Đặt hàng nhiệm vụ" : justification, null, null),
				"FUNDING_PROPOSAL_DRAFTED_FOR");
	}

	/** Creates a draft (officer or head of the agency, or DoST on its behalf). */
	@Transactional
	long create(Input in) {
		CurrentUser u = AccessPolicy.current();
		access.require(FundingAccess.isAgencyStaff(u, in.agencyId()) || FundingAccess.isDost(u), "FUNDING_PROPOSAL", null,
				"lập đề xuất kinh phí cho cơ quan khác");
		return insert(in, "FUNDING_PROPOSAL_CREATED");
	}

	private long insert(Input in, String action) {
		FundingCall call = store.call(in.callId());
		long total = check(in, call, false);
		long id = jdbc.queryForObject("""
				INSERT INTO funding_proposal(call_id, task_id, agency_id, source, category, amount, justification,
				                             expected_output, state, estimate_file_id, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?) RETURNING id""", Long.class, in.callId(), in.taskId(),
				in.agencyId(), in.source().name(), in.category().name(), total, in.justification().strip(),
				blankToNull(in.expectedOutput()), in.estimateFileId(), actorId(), now(), now());
		writeYears(id, in.years());
		step(id, null, ProposalState.DRAFT, null, total, null);
		audit.change(action, "FUNDING_PROPOSAL", id, in.taskId(), "Lập đề xuất kinh phí " + Money.format(total), null,
				state(store.proposal(id)));
		return id;
	}

	/** {@link #create} with the estimate file stored in the same transaction (a refused proposal leaves no file). */
	@Transactional
	long create(Input in, FundingFiles.Upload estimate) {
		Long fileId = estimate == null ? null : files.store(estimate, in.agencyId(), currentOrNull());
		return create(new Input(in.callId(), in.taskId(), in.agencyId(), in.source(), in.category(), in.years(),
				in.justification(), in.expectedOutput(), fileId));
	}

	/** {@link #update} with a new estimate file stored in the same transaction. */
	@Transactional
	Proposal update(long id, Input in, FundingFiles.Upload estimate, long expectedVersion) {
		Long fileId = estimate == null ? null : files.store(estimate, store.proposal(id).agencyId(), currentOrNull());
		return update(id, new Input(in.callId(), in.taskId(), in.agencyId(), in.source(), in.category(), in.years(),
				in.justification(), in.expectedOutput(), fileId), expectedVersion);
	}

	/** Changes a draft or a returned proposal (the agency's staff, on the version they saw). */
	@Transactional
	Proposal update(long id, Input in, long expectedVersion) {
		Proposal before = lockedFor(id, expectedVersion);
		CurrentUser u = AccessPolicy.current();
		access.require(FundingAccess.isAgencyStaff(u, before.agencyId()) || FundingAccess.isDost(u), "FUNDING_PROPOSAL", id,
				"sửa đề xuất kinh phí của cơ quan khác");
		if (!before.state().editable()) {
			throw new DomainException("Đề xuất đang ở trạng thái “" + label(before.state())
					+ "”; chỉ sửa được bản nháp hoặc đề xuất bị trả lại");
		}
		Input fixed = new Input(before.callId(), in.taskId(), before.agencyId(), in.source(), in.category(), in.years(),
				in.justification(), in.expectedOutput(), in.estimateFileId() == null ? before.estimateFileId() : in.estimateFileId());
		long total = check(fixed, store.call(before.callId()), before.state() == ProposalState.RETURNED);
		jdbc.update("""
				UPDATE funding_proposal SET task_id = ?, source = ?, category = ?, amount = ?, justification = ?,
				       expected_output = ?, estimate_file_id = ?, updated_at = ?, version = version + 1 WHERE id = ?""",
				fixed.taskId(), fixed.source().name(), fixed.category().name(), total, fixed.justification().strip(),
				blankToNull(fixed.expectedOutput()), fixed.estimateFileId(), now(), id);
		jdbc.update("DELETE FROM funding_proposal_year WHERE proposal_id = ?", id);
		writeYears(id, fixed.years());
		Proposal after = store.proposal(id);
		audit.change("FUNDING_PROPOSAL_UPDATED", "FUNDING_PROPOSAL", id, after.taskId(), "Sửa đề xuất kinh phí",
				state(before), state(after));
		return after;
	}

	/** The agency head sends the proposal to DoST. */
	@Transactional
	Proposal submit(long id, long expectedVersion) {
		Proposal p = lockedFor(id, expectedVersion);
		CurrentUser u = AccessPolicy.current();
		access.require(u.is(Role.AGENCY_HEAD) && u.actsFor(p.agencyId()), "FUNDING_PROPOSAL", id,
				"gửi đề xuất kinh phí (chỉ thủ trưởng cơ quan đề xuất)");
		if (!p.state().editable()) {
			throw new DomainException("Đề xuất đang ở trạng thái “" + label(p.state()) + "”, không gửi lại được");
		}
		FundingCall call = store.call(p.callId());
		checkOpen(call, p.state() == ProposalState.RETURNED);
		return move(p, ProposalState.SUBMITTED, null, null, "FUNDING_PROPOSAL_SUBMITTED", "submitted_at = ?, ");
	}

	/** DoST's review of one submitted proposal. {@code amount} for ADJUST; {@code reason} for all but ACCEPT. */
	@Transactional
	Proposal review(long id, Review action, Long amount, String reason, long expectedVersion) {
		return review(id, action, amount, reason, expectedVersion, new FieldErrors());
	}

	/**
	 * The review form, with the problems it already found ({@code problems}, each on its field): the rules add
	 * theirs (reason, amount) and any problem refuses the review ({@link vn.nq57.system.FieldsRefused}).
	 */
	@Transactional
	Proposal review(long id, Review action, Long amount, String reason, long expectedVersion, FieldErrors problems) {
		access.requireDost("xem xét đề xuất kinh phí");
		Proposal p = lockedFor(id, expectedVersion);
		return reviewLocked(p, action, amount, reason, problems);
	}

	private Proposal reviewLocked(Proposal p, Review action, Long amount, String reason) {
		return reviewLocked(p, action, amount, reason, new FieldErrors());
	}

	private Proposal reviewLocked(Proposal p, Review action, Long amount, String reason, FieldErrors problems) {
		if (p.state() != ProposalState.SUBMITTED) {
			throw new DomainException("Đề xuất số " + p.id() + " đang ở trạng thái “" + label(p.state())
					+ "”; chỉ xem xét được đề xuất đã gửi");
		}
		FundingCall call = store.call(p.callId());
		if (!call.open()) {
			throw new DomainException("Danh sách của đợt “" + call.title() + "” đã gửi Sở Tài chính; không xem xét lại được");
		}
		String r = reason == null ? "" : reason.strip();
		if (action != Review.ACCEPT && r.isEmpty()) {
			problems.reject("reason", "Hãy ghi lý do " + switch (action) {
				case ADJUST -> "điều chỉnh số tiền";
				case RETURN -> "trả lại để hoàn thiện";
				default -> "không chấp nhận";
			} + " (đề xuất số " + p.id() + ")");
		}
		if (action == Review.ADJUST && !problems.has("amount")) {
			if (amount == null || amount <= 0) {
				problems.reject("amount", "Số tiền điều chỉnh phải lớn hơn 0 đồng");
			}
			else if (amount == p.amount()) {
				problems.reject("amount", "Số tiền điều chỉnh bằng số đề xuất; hãy chọn “Chấp nhận”");
			}
		}
		problems.refuseIfAny();
		return switch (action) {
			case ACCEPT -> move(p, ProposalState.ACCEPTED, p.amount(), blankToNull(r), "FUNDING_PROPOSAL_ACCEPTED", "reviewed_at = ?, ");
			case ADJUST -> {
				yield move(p, ProposalState.ADJUSTED, amount, r, "FUNDING_PROPOSAL_ADJUSTED", "reviewed_at = ?, ");
			}
			case RETURN -> move(p, ProposalState.RETURNED, null, r, "FUNDING_PROPOSAL_RETURNED", "reviewed_at = ?, ");
			case REFUSE -> move(p, ProposalState.REFUSED, null, r, "FUNDING_PROPOSAL_REFUSED", "reviewed_at = ?, ");
		};
	}

	/** One item of a bulk review: the proposal and the version DoST saw in the queue. */
	record Picked(long id, long version) {
	}

	/** The same decision on many proposals with one confirmation; all or nothing. */
	@Transactional
	int reviewAll(List<Picked> picked, Review action, String reason) {
		access.requireDost("xem xét đề xuất kinh phí");
		if (picked.isEmpty()) {
			throw new DomainException("Chưa chọn đề xuất nào");
		}
		if (action == Review.ADJUST) {
			throw new DomainException("Điều chỉnh số tiền làm từng đề xuất một");
		}
		for (Picked k : picked) {
			reviewLocked(lockedFor(k.id(), k.version()), action, null, reason);
		}
		return picked.size();
	}

	/** DoST marks a proposal as duplicating another proposal or a central programme (named in the note). */
	@Transactional
	Proposal flagDuplicate(long id, Long otherId, String note, long expectedVersion) {
		return flagDuplicate(id, otherId, note, expectedVersion, new FieldErrors());
	}

	/** The duplicate form, with the problems it already found: every rule adds its own, each beside its field. */
	@Transactional
	Proposal flagDuplicate(long id, Long otherId, String note, long expectedVersion, FieldErrors problems) {
		access.requireDost("đánh dấu đề xuất trùng lặp");
		Proposal p = lockedFor(id, expectedVersion);
		String n = note == null ? "" : note.strip();
		if (otherId == null && n.isEmpty() && !problems.has("otherId")) {
			problems.reject("otherId", "Hãy chọn đề xuất trùng hoặc ghi chương trình Trung ương có cùng nội dung");
		}
		if (otherId != null) {
			if (otherId == id) {
				problems.reject("otherId", "Một đề xuất không trùng với chính nó");
			}
			else if (store.findProposal(otherId).isEmpty()) {
				problems.reject("otherId", "Không có đề xuất số " + otherId);
			}
		}
		if (!vn.nq57.system.TextRules.isSafe(n)) {
			problems.reject("note", "Nội dung " + vn.nq57.system.TextRules.MESSAGE);
		}
		problems.refuseIfAny();
		jdbc.update("UPDATE funding_proposal SET duplicate_of = ?, duplicate_note = ?, version = version + 1, updated_at = ? WHERE id = ?",
				otherId, blankToNull(n), now(), id);
		Proposal after = store.proposal(id);
		audit.change("FUNDING_PROPOSAL_DUPLICATE", "FUNDING_PROPOSAL", id, p.taskId(),
				"Đánh dấu trùng lặp" + (otherId == null ? "" : " với đề xuất số " + otherId), state(p), state(after));
		return after;
	}

	/** Sets proposals ALLOCATED after the decision (called by the allocation, in its transaction). */
	void allocated(Proposal p) {
		move(p, ProposalState.ALLOCATED, null, null, "FUNDING_PROPOSAL_ALLOCATED", "");
	}

	List<Step> history(long id) {
		return jdbc.query("""
				SELECT from_state, to_state, amount_before, amount_after, reason, actor_name, at
				FROM funding_proposal_step WHERE proposal_id = ? ORDER BY at, id""",
				(rs, i) -> new Step(rs.getString(1) == null ? null : ProposalState.valueOf(rs.getString(1)),
						ProposalState.valueOf(rs.getString(2)), FundingStore.nullableLong(rs, 3), FundingStore.nullableLong(rs, 4),
						rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), id);
	}

	record Step(ProposalState from, ProposalState to, Long amountBefore, Long amountAfter, String reason, String actor,
			java.time.Instant at) {
	}

	// --- rules ---

	private long check(Input in, FundingCall call, boolean returned) {
		checkOpen(call, returned);
		FieldErrors problems = problems(in, call, new FieldErrors());
		if (!problems.isEmpty()) {
			throw new FieldsRefused(String.join("; ", problems.all().values().stream().flatMap(List::stream).toList()), problems);
		}
		long total = 0;
		for (long v : in.years().values()) {
			total = Math.addExact(total, v);
		}
		return total;
	}

	/**
	 * Every problem of a proposal's fields at once, each on its field ({@code source}, {@code category},
	 * {@code amount_<year>}, {@code taskId}, {@code justification}, {@code expectedOutput}), added to {@code problems}
	 * (which may already hold the amounts that could not be read).
	 */
	FieldErrors problems(Input in, FundingCall call, FieldErrors problems) {
		if (in.source() == null) {
			problems.reject("source", "Hãy chọn nguồn kinh phí");
		}
		if (in.category() == null) {
			problems.reject("category", "Hãy chọn loại chi (sự nghiệp KH&CN, đầu tư phát triển, chuyển đổi số)");
		}
		boolean amountProblem = java.util.stream.IntStream.rangeClosed(call.yearFrom(), call.yearTo())
			.anyMatch(y -> problems.has("amount_" + y));
		if ((in.years() == null || in.years().isEmpty()) && !amountProblem) {
			problems.reject("amount_" + call.yearFrom(), "Hãy nhập số tiền đề xuất cho ít nhất một năm của đợt");
		}
		if (in.years() != null) {
			for (var e : in.years().entrySet()) {
				if (!call.covers(e.getKey())) {
					problems.reject("amount_" + e.getKey(), "Năm " + e.getKey() + " nằm ngoài đợt đề xuất (năm ngân sách " + call.years() + ")");
				}
				else if (e.getValue() == null || e.getValue() <= 0) {
					problems.reject("amount_" + e.getKey(), "Số tiền đề xuất năm " + e.getKey() + " phải lớn hơn 0 đồng");
				}
			}
		}
		if (store.taskTitle(in.taskId()).isEmpty()) {
			problems.reject("taskId", "Không có nhiệm vụ số " + in.taskId());
		}
		else if (!store.taskOfAgency(in.taskId(), in.agencyId())) {
			problems.reject("taskId", "Nhiệm vụ số " + in.taskId() + " không giao cho " + store.agencyName(in.agencyId())
					+ "; chỉ đề xuất kinh phí cho nhiệm vụ của cơ quan mình");
		}
		if (in.justification() == null || in.justification().isBlank()) {
			problems.reject("justification", "Hãy ghi sự cần thiết, căn cứ của đề xuất");
		}
		else if (in.justification().length() > 4000) {
			problems.reject("justification", "Sự cần thiết, căn cứ quá dài (tối đa 4.000 ký tự)");
		}
		if (in.expectedOutput() != null && in.expectedOutput().length() > 2000) {
			problems.reject("expectedOutput", "Sản phẩm dự kiến quá dài (tối đa 2.000 ký tự)");
		}
		return problems;
	}

	/** A new proposal only until the call closes; a returned one until the review due date. */
	private void checkOpen(FundingCall call, boolean returned) {
		LocalDate today = clock.today();
		if (!call.open()) {
			throw new DomainException("Đợt đề xuất “" + call.title() + "” đã kết thúc; không nhận thêm đề xuất");
		}
		LocalDate last = returned ? call.reviewDue() : call.closesOn();
		if (today.isAfter(last)) {
			throw new DomainException("Đợt đề xuất “" + call.title() + "” đã hết hạn nhận đề xuất ngày "
					+ VnFormat.DATE.format(last) + "; không gửi hoặc sửa đề xuất được nữa");
		}
	}

	private Proposal lockedFor(long id, long expectedVersion) {
		Long version = jdbc.query("SELECT version FROM funding_proposal WHERE id = ? FOR UPDATE",
				rs -> rs.next() ? rs.getLong(1) : null, id);
		if (version == null) {
			throw new vn.nq57.system.NotFoundException("Không có đề xuất kinh phí số " + id);
		}
		if (version != expectedVersion) {
			throw new StaleProposal(id, version);
		}
		Proposal p = store.proposal(id);
		CurrentUser u = AccessPolicy.current();
		String callState = store.call(p.callId()).state();
		access.require(access.canRead(u, p, callState), "FUNDING_PROPOSAL", id, "xem đề xuất kinh phí của cơ quan khác");
		return p;
	}

	/** A stale edit: 409 with the current version. */
	static class StaleProposal extends ConcurrentEditException {
		final long id;
		final long currentVersion;

		StaleProposal(long id, long currentVersion) {
			super("đề xuất kinh phí");
			this.id = id;
			this.currentVersion = currentVersion;
		}
	}

	private Proposal move(Proposal p, ProposalState to, Long approved, String reason, String action, String extraSet) {
		List<Object> args = new ArrayList<>();
		args.add(to.name());
		String approvedSet = "";
		if (to == ProposalState.ACCEPTED || to == ProposalState.ADJUSTED) {
			approvedSet = "approved_amount = ?, ";
			args.add(approved);
		}
		else if (to == ProposalState.RETURNED || to == ProposalState.REFUSED || to == ProposalState.SUBMITTED) {
			approvedSet = "approved_amount = NULL, ";
		}
		if (!extraSet.isEmpty()) {
			args.add(now());
		}
		String reasonSet = "";
		if (to != ProposalState.ALLOCATED) {
			reasonSet = "review_reason = ?, ";
			args.add(reason);
		}
		args.add(now());
		args.add(p.id());
		jdbc.update("UPDATE funding_proposal SET state = ?, " + approvedSet + extraSet + reasonSet
				+ "updated_at = ?, version = version + 1 WHERE id = ?", args.toArray());
		Long amountAfter = approved != null ? approved : (to == ProposalState.ALLOCATED ? p.reviewedAmount() : p.amount());
		step(p.id(), p.state(), to, p.reviewedAmount(), amountAfter, reason);
		Proposal after = store.proposal(p.id());
		audit.change(action, "FUNDING_PROPOSAL", p.id(), p.taskId(), label(p.state()) + " → " + label(to)
				+ (reason == null ? "" : ": " + reason), state(p), state(after));
		return after;
	}

	private void step(long id, ProposalState from, ProposalState to, Long before, Long after, String reason) {
		CurrentUser u = currentOrNull();
		jdbc.update("""
				INSERT INTO funding_proposal_step(proposal_id, from_state, to_state, amount_before, amount_after, reason,
				                                  actor_id, actor_name, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, from == null ? null : from.name(), to.name(), before, after, reason,
				u == null ? null : u.id(), u == null ? "hệ thống" : u.displayName(), now());
	}

	private void writeYears(long id, Map<Integer, Long> years) {
		years.forEach((y, a) -> jdbc.update("INSERT INTO funding_proposal_year(proposal_id, year, amount) VALUES (?, ?, ?)",
				id, y, a));
	}

	static Map<String, Object> state(Proposal p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("state", p.state().name());
		m.put("taskId", p.taskId());
		m.put("agencyId", p.agencyId());
		m.put("source", p.source().name());
		m.put("category", p.category().name());
		m.put("amount", p.amount());
		m.put("approvedAmount", p.approvedAmount());
		m.put("years", p.years());
		m.put("reviewReason", p.reviewReason());
		m.put("duplicateOf", p.duplicateOf());
		m.put("duplicateNote", p.duplicateNote());
		m.put("version", p.version());
		return m;
	}

	static String label(ProposalState s) {
		return switch (s) {
			case DRAFT -> "Dự thảo";
			case SUBMITTED -> "Đã gửi Sở KH&CN";
			case ACCEPTED -> "Chấp nhận";
			case ADJUSTED -> "Chấp nhận, điều chỉnh số tiền";
			case RETURNED -> "Trả lại để hoàn thiện";
			case REFUSED -> "Không chấp nhận";
			case ALLOCATED -> "Đã phân bổ";
		};
	}

	private Long actorId() {
		CurrentUser u = currentOrNull();
		return u == null ? null : u.id();
	}

	private static CurrentUser currentOrNull() {
		try {
			return AccessPolicy.current();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private Timestamp now() {
		return Timestamp.from(clock.now());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
