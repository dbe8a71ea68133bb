package vn.nq57.task;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;

/**
 * The core loop after a task is assigned: the agency posts progress and claims completion, its head
 * approves the claim, DoST confirms it (the completion date stays the agency's) or returns it with a
 * reason; leaders add directions the agency sees. Every step checks, on the server, that the user acts for
 * the agency concerned, and is audited.
 */
@Service
public class ProgressService {

	public record ProgressEntry(long id, long assignmentId, long agencyId, LocalDate reportedOn, int percent,
			String results, String outputNumber, LocalDate outputDate, Long attachmentId, String obstacles,
			String proposals, String author, Instant createdAt) {
	}

	public record ClaimEntry(long id, long assignmentId, long agencyId, LocalDate completedOn, String evidence,
			String outputNumber, LocalDate outputDate, Long attachmentId, ClaimState state, String claimedBy,
			Instant claimedAt, String approvedBy, Instant approvedAt, String reviewedBy, Instant reviewedAt,
			String returnReason) {
	}

	public record DirectionEntry(long id, String author, String content, Instant createdAt) {
	}

	private final TaskService tasks;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final JdbcTemplate jdbc;
	private final AttachmentStore files;

	ProgressService(TaskService tasks, AccessPolicy access, AuditLog audit, AppClock clock, JdbcTemplate jdbc,
			AttachmentStore files) {
		this.tasks = tasks;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
		this.files = files;
	}

	/** The assignment, if the user may see its agency's work; otherwise a 403 and an audit line. */
	public Assignment readableAssignment(long assignmentId) {
		Assignment a = tasks.assignment(assignmentId);
		CurrentUser user = AccessPolicy.current();
		access.require(access.canReadAgencyWork(user, a.getAgencyId()), "ASSIGNMENT", assignmentId,
				"xem phần việc của cơ quan khác");
		return a;
	}

	@Transactional
	public long postProgress(long assignmentId, ProgressInput in, MultipartFile file) {
		CurrentUser user = AccessPolicy.current();
		Assignment a = tasks.assignmentLocked(assignmentId);
		access.require(access.canReport(user, a.getAgencyId()), "ASSIGNMENT", assignmentId,
				"cập nhật tiến độ phần việc của cơ quan khác");
		checkVersion(a, in.getVersion());
		if (a.getState() == AssignmentState.COMPLETED) {
			throw new DomainException("Phần việc đã được xác nhận hoàn thành; không cập nhật tiến độ được nữa");
		}
		if (in.getPercent() == null || in.getPercent() < 0 || in.getPercent() > 100) {
			throw new DomainException("Tỷ lệ hoàn thành phải từ 0 đến 100%");
		}
		requireSafe(in.getResults(), in.getOutputNumber(), in.getObstacles(), in.getProposals());
		if (blank(in.getResults()) && blank(in.getObstacles()) && blank(in.getProposals())) {
			throw new DomainException("Cần nêu kết quả đạt được, hoặc khó khăn, vướng mắc, hoặc kiến nghị");
		}
		checkNotFuture(in.getOutputDate(), "Ngày văn bản");
		Long fileId = files.store(file, a.getAgencyId(), user.id());
		Map<String, Object> before = assignmentSnapshot(a);
		Long id = jdbc.queryForObject("""
				INSERT INTO progress_update(assignment_id, reported_on, percent, results, output_number, output_date,
				                            attachment_id, obstacles, proposals, author_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, assignmentId,
				Date.valueOf(clock.today()), in.getPercent(), trim(in.getResults()), trim(in.getOutputNumber()),
				in.getOutputDate() == null ? null : Date.valueOf(in.getOutputDate()), fileId, trim(in.getObstacles()),
				trim(in.getProposals()), user.id(), Timestamp.from(clock.now()));
		a.recordProgress(in.getPercent(), clock.now());
		tasks.saveAssignment(a);
		Map<String, Object> after = assignmentSnapshot(a);
		after.put("results", trim(in.getResults()));
		after.put("obstacles", trim(in.getObstacles()));
		after.put("proposals", trim(in.getProposals()));
		audit.change("PROGRESS_POSTED", "ASSIGNMENT", assignmentId, a.getTaskId(),
				"Cập nhật tiến độ " + in.getPercent() + "%", before, after);
		return id;
	}

	@Transactional
	public long claimCompletion(long assignmentId, ClaimInput in, MultipartFile file) {
		CurrentUser user = AccessPolicy.current();
		Assignment a = tasks.assignment(assignmentId);
		access.require(access.canReport(user, a.getAgencyId()), "ASSIGNMENT", assignmentId,
				"đề nghị hoàn thành phần việc của cơ quan khác");
		checkVersion(a, in.getVersion());
		if (a.getState() != AssignmentState.OPEN) {
			throw new DomainException("Phần việc đang " + a.getState().label().toLowerCase()
					+ "; không gửi thêm đề nghị hoàn thành được");
		}
		if (in.getCompletedOn() == null) {
			throw new DomainException("Chưa nhập ngày hoàn thành");
		}
		checkNotFuture(in.getCompletedOn(), "Ngày hoàn thành");
		checkNotFuture(in.getOutputDate(), "Ngày văn bản");
		if (blank(in.getEvidence())) {
			throw new DomainException("Chưa nêu kết quả, minh chứng hoàn thành");
		}
		requireSafe(in.getEvidence(), in.getOutputNumber());
		Long fileId = files.store(file, a.getAgencyId(), user.id());
		// the head's own claim needs no second approval by the same person
		boolean byHead = user.is(Role.AGENCY_HEAD);
		Map<String, Object> before = assignmentSnapshot(a);
		Instant now = clock.now();
		Long id = jdbc.queryForObject("""
				INSERT INTO completion_claim(assignment_id, completed_on, evidence, output_number, output_date,
				       attachment_id, state, claimed_by, claimed_at, approved_by, approved_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, assignmentId,
				Date.valueOf(in.getCompletedOn()), trim(in.getEvidence()), trim(in.getOutputNumber()),
				in.getOutputDate() == null ? null : Date.valueOf(in.getOutputDate()), fileId,
				(byHead ? ClaimState.HEAD_APPROVED : ClaimState.CLAIMED).name(), user.id(), Timestamp.from(now),
				byHead ? user.id() : null, byHead ? Timestamp.from(now) : null);
		if (byHead) {
			a.approveClaim();
		}
		else {
			a.claim();
		}
		tasks.saveAssignment(a);
		audit.change("COMPLETION_CLAIMED", "ASSIGNMENT", assignmentId, a.getTaskId(),
				"Đề nghị xác nhận hoàn thành ngày " + fmt(in.getCompletedOn()), before, assignmentSnapshot(a));
		return id;
	}

	@Transactional
	public void approveClaim(long claimId) {
		CurrentUser user = AccessPolicy.current();
		ClaimEntry claim = claim(claimId);
		Assignment a = tasks.assignment(claim.assignmentId());
		access.require(user.is(Role.AGENCY_HEAD) && user.actsFor(a.getAgencyId()), "CLAIM", claimId,
				"duyệt đề nghị hoàn thành (chỉ thủ trưởng cơ quan được giao)");
		if (claim.state() != ClaimState.CLAIMED) {
			throw new DomainException("Đề nghị này không ở trạng thái chờ thủ trưởng duyệt");
		}
		Map<String, Object> before = assignmentSnapshot(a);
		jdbc.update("UPDATE completion_claim SET state = ?, approved_by = ?, approved_at = ? WHERE id = ?",
				ClaimState.HEAD_APPROVED.name(), user.id(), Timestamp.from(clock.now()), claimId);
		a.approveClaim();
		tasks.saveAssignment(a);
		audit.change("COMPLETION_APPROVED", "ASSIGNMENT", a.getId(), a.getTaskId(),
				"Thủ trưởng duyệt đề nghị hoàn thành", before, assignmentSnapshot(a));
	}

	@Transactional
	public void confirmClaim(long claimId) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT), "CLAIM", claimId, "xác nhận hoàn thành (chỉ Sở KH&CN)");
		ClaimEntry claim = claim(claimId);
		if (claim.state() != ClaimState.HEAD_APPROVED) {
			throw new DomainException("Chỉ xác nhận được đề nghị đã được thủ trưởng cơ quan duyệt");
		}
		Assignment a = tasks.assignment(claim.assignmentId());
		Map<String, Object> before = assignmentSnapshot(a);
		jdbc.update("UPDATE completion_claim SET state = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
				ClaimState.CONFIRMED.name(), user.id(), Timestamp.from(clock.now()), claimId);
		a.complete(claim.completedOn());
		tasks.saveAssignment(a);
		audit.change("COMPLETION_CONFIRMED", "ASSIGNMENT", a.getId(), a.getTaskId(),
				"Sở KH&CN xác nhận hoàn thành ngày " + fmt(claim.completedOn()), before, assignmentSnapshot(a));
	}

	/** DoST returns an approved claim, or the head returns the officer's claim; the reason is required. */
	@Transactional
	public void returnClaim(long claimId, String reason) {
		CurrentUser user = AccessPolicy.current();
		ClaimEntry claim = claim(claimId);
		Assignment a = tasks.assignment(claim.assignmentId());
		boolean dost = user.is(Role.SECRETARIAT);
		boolean head = user.is(Role.AGENCY_HEAD) && user.actsFor(a.getAgencyId());
		access.require(dost || head, "CLAIM", claimId, "trả lại đề nghị hoàn thành");
		if (claim.state() != (dost ? ClaimState.HEAD_APPROVED : ClaimState.CLAIMED)) {
			throw new DomainException("Đề nghị đang “" + claim.state().label() + "”; không trả lại được");
		}
		if (blank(reason)) {
			throw new DomainException("Cần nêu lý do trả lại");
		}
		requireSafe(reason);
		Map<String, Object> before = assignmentSnapshot(a);
		jdbc.update("""
				UPDATE completion_claim SET state = ?, reviewed_by = ?, reviewed_at = ?, return_reason = ? WHERE id = ?""",
				ClaimState.RETURNED.name(), user.id(), Timestamp.from(clock.now()), reason.strip(), claimId);
		a.reopen();
		tasks.saveAssignment(a);
		audit.change("COMPLETION_RETURNED", "ASSIGNMENT", a.getId(), a.getTaskId(),
				"Trả lại đề nghị hoàn thành: " + reason.strip(), before, assignmentSnapshot(a));
	}

	@Transactional
	public long addDirection(long taskId, String content) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.LEADER), "TASK", taskId, "ghi ý kiến chỉ đạo (chỉ lãnh đạo tỉnh)");
		tasks.get(taskId);
		if (blank(content)) {
			throw new DomainException("Chưa nhập nội dung ý kiến chỉ đạo");
		}
		if (content.length() > 10000) {
			throw new DomainException("Ý kiến chỉ đạo tối đa 10.000 ký tự");
		}
		requireSafe(content);
		Long id = jdbc.queryForObject(
				"INSERT INTO direction(task_id, author_id, content, created_at) VALUES (?, ?, ?, ?) RETURNING id",
				Long.class, taskId, user.id(), content.strip(), Timestamp.from(clock.now()));
		audit.change("DIRECTION_ADDED", "TASK", taskId, taskId, "Ý kiến chỉ đạo", null,
				Map.of("content", content.strip()));
		return id;
	}

	/**
	 * The Steering Committee's answer to an obstacle or proposal raised on this task (the obstacles queue of the
	 * recommendation module), recorded by DoST or a leader as a direction of the task, so it shows where the
	 * agency raised it.
	 */
	@Transactional
	public long addAnswer(long taskId, String content) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.LEADER) || user.is(Role.SECRETARIAT), "TASK", taskId,
				"ghi trả lời kiến nghị trên nhiệm vụ (Sở KH&CN, lãnh đạo tỉnh)");
		tasks.get(taskId);
		if (blank(content)) {
			throw new DomainException("Chưa nhập nội dung trả lời");
		}
		if (content.length() > 10000) {
			throw new DomainException("Nội dung trả lời tối đa 10.000 ký tự");
		}
		requireSafe(content);
		Long id = jdbc.queryForObject(
				"INSERT INTO direction(task_id, author_id, content, created_at) VALUES (?, ?, ?, ?) RETURNING id",
				Long.class, taskId, user.id(), content.strip(), Timestamp.from(clock.now()));
		audit.change("DIRECTION_ADDED", "TASK", taskId, taskId, "Trả lời kiến nghị", null,
				Map.of("content", content.strip()));
		return id;
	}

	// ----- reading -----

	/** Progress posted on the task, limited to the agencies whose work the user may read. */
	public List<ProgressEntry> progress(Task task, CurrentUser user) {
		Set<Long> readable = readableAssignments(task, user);
		if (readable.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				SELECT p.id, p.assignment_id, a.agency_id, p.reported_on, p.percent, p.results, p.output_number,
				       p.output_date, p.attachment_id, p.obstacles, p.proposals, u.full_name, p.created_at
				FROM progress_update p JOIN assignment a ON a.id = p.assignment_id JOIN app_user_view u ON u.id = p.author_id
				WHERE a.task_id = ? ORDER BY p.created_at DESC, p.id DESC""", (rs, i) -> new ProgressEntry(
				rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getInt(5),
				rs.getString(6), rs.getString(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
				(Long) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12),
				rs.getTimestamp(13).toInstant()), task.getId())
			.stream().filter(p -> readable.contains(p.assignmentId())).toList();
	}

	public List<ClaimEntry> claims(Task task, CurrentUser user) {
		Set<Long> readable = readableAssignments(task, user);
		return claimsWhere("a.task_id = ?", task.getId()).stream()
			.filter(c -> readable.contains(c.assignmentId()))
			.toList();
	}

	public List<DirectionEntry> directions(long taskId) {
		return jdbc.query("""
				SELECT d.id, u.full_name, d.content, d.created_at FROM direction d JOIN app_user_view u ON u.id = d.author_id
				WHERE d.task_id = ? ORDER BY d.created_at DESC, d.id DESC""",
				(rs, i) -> new DirectionEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()), taskId);
	}

	/**
	 * Progress an agency posted on its assignments up to {@code upTo}, oldest first (for its periodic report);
	 * only for users who may read that agency's work.
	 */
	public List<ProgressEntry> progressOfAgency(long agencyId, LocalDate upTo) {
		CurrentUser user = AccessPolicy.current();
		access.require(access.canReadAgencyWork(user, agencyId), "AGENCY", agencyId, "xem tiến độ của cơ quan khác");
		return jdbc.query("""
				SELECT p.id, p.assignment_id, a.agency_id, p.reported_on, p.percent, p.results, p.output_number,
				       p.output_date, p.attachment_id, p.obstacles, p.proposals, u.full_name, p.created_at
				FROM progress_update p JOIN assignment a ON a.id = p.assignment_id JOIN app_user_view u ON u.id = p.author_id
				WHERE a.agency_id = ? AND p.reported_on <= ? ORDER BY p.reported_on, p.created_at, p.id""",
				(rs, i) -> new ProgressEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
						rs.getInt(5), rs.getString(6), rs.getString(7),
						rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), (Long) rs.getObject(9),
						rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant()),
				agencyId, Date.valueOf(upTo));
	}

	/** Completions DoST confirmed for the agency with a completion date in [from, to] (its periodic report). */
	public List<ClaimEntry> confirmedClaimsOfAgency(long agencyId, LocalDate from, LocalDate to) {
		CurrentUser user = AccessPolicy.current();
		access.require(access.canReadAgencyWork(user, agencyId), "AGENCY", agencyId, "xem kết quả của cơ quan khác");
		return claimsWhere("a.agency_id = ? AND c.state = 'CONFIRMED' AND c.completed_on BETWEEN ? AND ?", agencyId,
				Date.valueOf(from), Date.valueOf(to));
	}

	/** The most claims one page of the queue shows. */
	public static final int CLAIMS_PAGE_MAX = 200;

	private static final String PENDING_FROM = " FROM completion_claim c JOIN assignment a ON a.id = c.assignment_id WHERE ";

	/** Which claims wait for this user's decision: a condition on {@code c} and {@code a} with its arguments. */
	private record Pending(String where, List<Object> args) {
	}

	/**
	 * The head's own agency's claims (CLAIMED), or for DoST the approved ones (HEAD_APPROVED) of every agency or of
	 * {@code agencyId}; nothing for the other roles.
	 */
	private static Optional<Pending> pending(CurrentUser user, Long agencyId) {
		if (user.is(Role.SECRETARIAT)) {
			return Optional.of(agencyId == null ? new Pending("c.state = 'HEAD_APPROVED'", List.of())
					: new Pending("c.state = 'HEAD_APPROVED' AND a.agency_id = ?", List.of(agencyId)));
		}
		if (user.is(Role.AGENCY_HEAD)) {
			return Optional.of(new Pending("c.state = 'CLAIMED' AND a.agency_id = ?", List.of(user.agencyId())));
		}
		return Optional.empty();
	}

	private long count(Pending q) {
		Long total = jdbc.queryForObject("SELECT count(*)" + PENDING_FROM + q.where(), Long.class, q.args().toArray());
		return total == null ? 0 : total;
	}

	/**
	 * One page of the claims waiting for this user's decision, newest first (see {@link #pending}). A national queue
	 * holds tens of thousands: read a page at a time (index {@code completion_claim_pending_idx}), counted in SQL; a
	 * page past the end shows the last one.
	 */
	public vn.nq57.kernel.Page<ClaimEntry> pendingFor(CurrentUser user, Long agencyId, int page, int size) {
		int n = Math.max(1, Math.min(size, CLAIMS_PAGE_MAX));
		Optional<Pending> q = pending(user, agencyId);
		if (q.isEmpty()) {
			return vn.nq57.kernel.Page.empty(0, n);
		}
		long count = count(q.get());
		int p = (int) Math.min(Math.max(0, page), Math.max(0, (count - 1) / n));
		List<Object> paged = new java.util.ArrayList<>(q.get().args());
		paged.add(n);
		paged.add(vn.nq57.kernel.Page.offset(p, n));
		return new vn.nq57.kernel.Page<>(claimsWhere(q.get().where(), " LIMIT ? OFFSET ?", paged.toArray()), p, n, count);
	}

	/** How many claims wait for this user's decision (the count on "my work"): one count, no rows read. */
	public long pendingCount(CurrentUser user) {
		return pending(user, null).map(this::count).orElse(0L);
	}

	public ClaimEntry claim(long id) {
		return claimsWhere("c.id = ?", id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Không tìm thấy đề nghị hoàn thành #" + id));
	}

	public AttachmentStore.Attachment attachment(long id) {
		AttachmentStore.Attachment f = files.find(id)
			.orElseThrow(() -> new NotFoundException("Không tìm thấy tệp #" + id));
		CurrentUser user = AccessPolicy.current();
		access.require(access.canReadAgencyWork(user, f.agencyId()), "ATTACHMENT", id, "tải tệp của cơ quan khác");
		return f;
	}

	private List<ClaimEntry> claimsWhere(String where, Object... args) {
		return claimsWhere(where, "", args);
	}

	private List<ClaimEntry> claimsWhere(String where, String limit, Object... args) {
		return jdbc.query("""
				SELECT c.id, c.assignment_id, a.agency_id, c.completed_on, c.evidence, c.output_number, c.output_date,
				       c.attachment_id, c.state, cu.full_name, c.claimed_at, au.full_name, c.approved_at,
				       ru.full_name, c.reviewed_at, c.return_reason
				FROM completion_claim c JOIN assignment a ON a.id = c.assignment_id
				JOIN app_user_view cu ON cu.id = c.claimed_by
				LEFT JOIN app_user_view au ON au.id = c.approved_by
				LEFT JOIN app_user_view ru ON ru.id = c.reviewed_by
				WHERE %s ORDER BY c.claimed_at DESC, c.id DESC%s""".formatted(where, limit), (rs, i) -> new ClaimEntry(
				rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getString(5),
				rs.getString(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), (Long) rs.getObject(8),
				ClaimState.valueOf(rs.getString(9)), rs.getString(10), rs.getTimestamp(11).toInstant(),
				rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
				rs.getString(14), rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(),
				rs.getString(16)), args);
	}

	private Set<Long> readableAssignments(Task task, CurrentUser user) {
		return tasks.assignments(task.getId()).stream()
			.filter(a -> access.canReadAgencyWork(user, a.getAgencyId()))
			.map(Assignment::getId)
			.collect(Collectors.toSet());
	}

	private void checkVersion(Assignment a, Long expected) {
		if (expected != null && a.getVersion() != expected) {
			throw new ConcurrentEditException("phần việc");
		}
	}

	private void checkNotFuture(LocalDate d, String what) {
		if (d != null && d.isAfter(clock.today())) {
			throw new DomainException(what + " " + fmt(d) + " ở sau ngày hôm nay (" + fmt(clock.today()) + ")");
		}
	}

	private static void requireSafe(String... values) {
		TextRules.requireSafe(values);
	}

	private static Map<String, Object> assignmentSnapshot(Assignment a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("percent", a.getPercent());
		m.put("state", a.getState().name());
		m.put("completedOn", a.getCompletedOn() == null ? null : a.getCompletedOn().toString());
		return m;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : vn.nq57.kernel.VnText.nfc(s);
	}

	static String fmt(LocalDate d) {
		return d == null ? "" : d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}
}
