package vn.nq57.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.kernel.VnFormat;

/**
 * An agency's periodic report from draft to DoST's decision: the officer drafts it (pre-filled from what the
 * agency posted), the agency head approves it, the officer or head submits it, DoST accepts it or returns it with a
 * reason; a returned report is revised, approved and submitted again. Every step is checked on the server (role
 * and agency), kept in the report's history and in the audit trail with the state before and after.
 *
 * <p>What was submitted is immutable: the working copy is frozen while submitted or accepted (a database trigger
 * refuses a change as well), and each submission is kept as sent. After the period locks (due date + grace days)
 * the agency can do nothing more unless DoST reopens it; DoST's own decisions are not bound by the lock.
 *
 * <p>What a step may do is decided by {@link ReportRules}; the rows are read and written by {@link ReportStore}.
 */
@Service
public class PeriodicReportService {

	static final VnFormat FMT = new VnFormat();
	/** Days a report returned after the lock stays open for the agency at least. */
	static final int MIN_REOPEN_DAYS = 5;

	/** A report as the lists and the grid see it. */
	public record ReportRow(long id, ReportingPeriod period, long agencyId, String agencyName, boolean expected,
			ReportState state, int revision, LocalDate firstSubmittedOn, LocalDate submittedOn, LocalDate reopenedUntil,
			String returnReason, long version) {

		public Completeness.Cell cell(LocalDate today) {
			return Completeness.cell(state, firstSubmittedOn, period.dueDate(), today);
		}

		/** Locked for the agency: past the lock date and not reopened (or the reopening has run out). */
		public boolean lockedFor(LocalDate today) {
			return period.isLocked(today) && (reopenedUntil == null || today.isAfter(reopenedUntil));
		}

		public boolean reopened(LocalDate today) {
			return period.isLocked(today) && reopenedUntil != null && !today.isAfter(reopenedUntil);
		}
	}

	/** A report with its content, as one user may see it. */
	public record ReportView(ReportRow row, Long planId, ReportContent content, boolean contentIsSubmission,
			String approvedBy, Instant approvedAt, String submittedBy, Instant submittedAt, String reviewedBy,
			Instant reviewedAt) {
	}

	/** One step of the workflow, for the report's history. */
	public record Step(String step, String label, int revision, String actor, Instant at, String note) {
	}

	public record ItemInput(ReportTheme theme, String text) implements java.io.Serializable {
	}

	/** What the agency edits: section texts by code, obstacles and proposals. */
	public record Edit(Map<String, String> sections, List<ItemInput> obstacles, List<ItemInput> proposals) implements java.io.Serializable {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final ReportPrefill prefill;
	private final ReportStore store;

	PeriodicReportService(NamedParameterJdbcTemplate jdbc, AccessPolicy access, AuditLog audit, AppClock clock,
			ReportPrefill prefill, ReportStore store) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.prefill = prefill;
		this.store = store;
	}

	// ----- reading -----

	/**
	 * The agency's reports of the periods whose data window has begun by {@code today} (and the next one due),
	 * newest due date first; only for that agency's own staff and those who see every agency.
	 */
	public List<ReportRow> forAgency(long agencyId) {
		CurrentUser me = AccessPolicy.current();
		access.require(access.canReadAgencyWork(me, agencyId), "AGENCY", agencyId, "xem báo cáo định kỳ của cơ quan khác");
		return store.forAgency(agencyId, clock.today());
	}

	/** The report row, without permission check (callers check; the grid and lists use it). */
	ReportRow rowOf(long id) {
		return store.rowOf(id);
	}

	public ReportRow row(long periodId, long agencyId) {
		return store.row(periodId, agencyId);
	}

	/** The received reports' contents of a period, by agency, for the consolidated report. */
	Map<Long, ReportContent> receivedContents(long periodId) {
		return store.receivedContents(periodId);
	}

	/**
	 * The report as the signed-in user may see it: the agency's own staff see the working copy; DoST, leaders and
	 * administrators see what was submitted (the last submission while a returned report is being revised), never a
	 * draft; anyone else is refused.
	 */
	public ReportView view(long id) {
		CurrentUser me = AccessPolicy.current();
		ReportStore.Loaded r = store.load(id, false);
		boolean own = me.actsFor(r.row().agencyId()) && (me.is(Role.AGENCY_OFFICER) || me.is(Role.AGENCY_HEAD));
		access.require(own || me.seesEveryAgency(), "PERIODIC_REPORT", id, "xem báo cáo của cơ quan khác");
		ReportContent content = null;
		boolean fromSubmission = false;
		if (own || r.row().state().isReceived()) {
			content = r.content();
		}
		else if (r.row().revision() > 0) {
			content = store.lastSubmission(id);
			fromSubmission = true;
		}
		return new ReportView(r.row(), r.planId(), content, fromSubmission, r.approvedBy(), r.approvedAt(), r.submittedBy(),
				r.submittedAt(), r.reviewedBy(), r.reviewedAt());
	}

	/** The workflow history; visible to whoever may see the report. */
	public List<Step> steps(long id) {
		view(id);
		return store.steps(id);
	}

	/** Every change with before and after: for the agency's own staff only (it shows draft wording). */
	public List<AuditLog.Entry> changes(long id) {
		CurrentUser me = AccessPolicy.current();
		ReportRow r = store.rowOf(id);
		access.require(access.canReport(me, r.agencyId()), "PERIODIC_REPORT", id, "xem nhật ký soạn thảo báo cáo của cơ quan khác");
		return audit.forEntity("PERIODIC_REPORT", id);
	}

	// ----- the agency's steps (the rules they check are ReportRules') -----

	@Transactional
	public void start(long id) {
		start(id, clock.today(), clock.now());
	}

	@Transactional
	void start(long id, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		ReportStore.Loaded r = store.load(id, true);
		access.require(access.canReport(me, r.row().agencyId()), "PERIODIC_REPORT", id, "lập báo cáo của cơ quan khác");
		if (r.row().state() != ReportState.NOT_STARTED) {
			throw new DomainException("Báo cáo " + r.row().period().title() + " đã được lập; hãy mở để soạn tiếp");
		}
		ReportRules.requireOpen(r.row(), today);
		ReportContent content = prefill.build(r.row().agencyId(), r.planId(), r.row().period(),
				r.row().period().dataAsOf(today), null, true);
		store.write(id, ReportState.DRAFT, content, now, "created_by = :user, ", me);
		store.step(id, "CREATED", r.row().revision(), me, now, null);
		audit.change("REPORT_CREATED", "PERIODIC_REPORT", id, null, title(r.row()), null, snapshot(ReportState.DRAFT, content));
	}

	@Transactional
	public void save(long id, Edit edit, Long expectedVersion) {
		save(id, edit, expectedVersion, clock.today(), clock.now());
	}

	@Transactional
	void save(long id, Edit edit, Long expectedVersion, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		ReportStore.Loaded r = store.load(id, true);
		access.require(access.canReport(me, r.row().agencyId()), "PERIODIC_REPORT", id, "sửa báo cáo của cơ quan khác");
		ReportRules.checkVersion(r.row(), expectedVersion);
		ReportRules.requireEditable(r.row(), today);
		ReportContent content = ReportRules.apply(r.content(), edit);
		ReportState next = afterEdit(r.row(), me, now);
		store.write(id, next, content, now, "", me);
		audit.change("REPORT_SAVED", "PERIODIC_REPORT", id, null, "Lưu " + title(r.row()),
				snapshot(r.row().state(), r.content()), snapshot(next, content));
	}

	/** Reads the task lines again and adds obstacles and proposals posted since; the agency's texts stay. */
	@Transactional
	public void refresh(long id, Long expectedVersion) {
		LocalDate today = clock.today();
		Instant now = clock.now();
		CurrentUser me = AccessPolicy.current();
		ReportStore.Loaded r = store.load(id, true);
		access.require(access.canReport(me, r.row().agencyId()), "PERIODIC_REPORT", id, "sửa báo cáo của cơ quan khác");
		ReportRules.checkVersion(r.row(), expectedVersion);
		ReportRules.requireEditable(r.row(), today);
		ReportContent content = prefill.build(r.row().agencyId(), r.planId(), r.row().period(),
				r.row().period().dataAsOf(today), r.content(), true);
		ReportState next = afterEdit(r.row(), me, now);
		store.write(id, next, content, now, "", me);
		audit.change("REPORT_REFRESHED", "PERIODIC_REPORT", id, null, "Cập nhật số liệu " + title(r.row()),
				snapshot(r.row().state(), r.content()), snapshot(next, content));
	}

	@Transactional
	public void approve(long id, Long expectedVersion) {
		approve(id, expectedVersion, clock.today(), clock.now());
	}

	@Transactional
	void approve(long id, Long expectedVersion, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		ReportStore.Loaded r = store.load(id, true);
		access.require(me.is(Role.AGENCY_HEAD) && me.actsFor(r.row().agencyId()), "PERIODIC_REPORT", id,
				"duyệt báo cáo (chỉ thủ trưởng cơ quan lập báo cáo)");
		ReportRules.checkVersion(r.row(), expectedVersion);
		switch (r.row().state()) {
			case DRAFT, RETURNED -> {
			}
			case APPROVED -> throw new DomainException("Báo cáo đã được thủ trưởng duyệt; có thể gửi Sở KH&CN");
			case NOT_STARTED -> throw new DomainException("Báo cáo chưa được lập");
			default -> throw ReportRules.notEditable(r.row());
		}
		ReportRules.requireOpen(r.row(), today);
		ReportRules.requireComplete(r.content(), "duyệt");
		jdbc.update("""
				UPDATE periodic_report SET state = 'APPROVED', approved_by = :user, approved_at = :now, updated_at = :now,
				       version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("user", me.id()).addValue("now", Timestamp.from(now)));
		store.step(id, "APPROVED", r.row().revision(), me, now, null);
		audit.change("REPORT_APPROVED", "PERIODIC_REPORT", id, null, "Thủ trưởng duyệt " + title(r.row()),
				Map.of("state", r.row().state().name()), Map.of("state", ReportState.APPROVED.name()));
	}

	@Transactional
	public void submit(long id, Long expectedVersion) {
		submit(id, expectedVersion, clock.today(), clock.now());
	}

	@Transactional
	void submit(long id, Long expectedVersion, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		ReportStore.Loaded r = store.load(id, true);
		access.require(access.canReport(me, r.row().agencyId()), "PERIODIC_REPORT", id, "gửi báo cáo của cơ quan khác");
		ReportRules.checkVersion(r.row(), expectedVersion);
		switch (r.row().state()) {
			case APPROVED -> {
			}
			case DRAFT, RETURNED -> throw new DomainException(
					"Báo cáo chưa được thủ trưởng cơ quan duyệt; không gửi được. Đề nghị thủ trưởng duyệt trước khi gửi.");
			case NOT_STARTED -> throw new DomainException("Báo cáo chưa được lập");
			default -> throw ReportRules.notEditable(r.row());
		}
		ReportRules.requireOpen(r.row(), today);
		ReportRules.requireComplete(r.content(), "gửi");
		int revision = r.row().revision() + 1;
		LocalDate first = r.row().firstSubmittedOn() == null ? today : r.row().firstSubmittedOn();
		jdbc.update("""
				UPDATE periodic_report SET state = 'SUBMITTED', revision = :rev, submitted_on = :today, submitted_at = :now,
				       submitted_by = :user, first_submitted_on = :first, return_reason = NULL, updated_at = :now,
				       version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("rev", revision).addValue("today", Date.valueOf(today))
					.addValue("now", Timestamp.from(now)).addValue("user", me.id()).addValue("first", Date.valueOf(first)));
		jdbc.update("""
				INSERT INTO periodic_report_submission(report_id, revision, submitted_on, submitted_at, submitted_by,
				       submitted_by_name, content)
				SELECT id, revision, submitted_on, submitted_at, submitted_by, :name, content FROM periodic_report WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("name", me.displayName()));
		long late = ChronoUnit.DAYS.between(r.row().period().dueDate(), first);
		String note = late <= 0 ? "Đúng hạn (hạn " + FMT.date(r.row().period().dueDate()) + ")"
				: "Muộn " + late + " ngày so với hạn " + FMT.date(r.row().period().dueDate());
		if (revision > 1) {
			note = "Gửi lại lần " + revision + "; lần đầu gửi ngày " + FMT.date(first) + " – " + note;
		}
		store.step(id, "SUBMITTED", revision, me, now, note);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("state", ReportState.SUBMITTED.name());
		after.put("revision", revision);
		after.put("submittedOn", today.toString());
		audit.change("REPORT_SUBMITTED", "PERIODIC_REPORT", id, null, "Gửi Sở KH&CN " + title(r.row()) + ": " + note,
				Map.of("state", r.row().state().name(), "revision", r.row().revision()), after);
	}

	// ----- DoST's steps -----

	@Transactional
	public void accept(long id) {
		accept(id, clock.now());
	}

	@Transactional
	void accept(long id, Instant now) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "PERIODIC_REPORT", id, "tiếp nhận báo cáo (chỉ Sở KH&CN)");
		ReportStore.Loaded r = store.load(id, true);
		if (r.row().state() != ReportState.SUBMITTED) {
			throw new DomainException("Chỉ tiếp nhận được báo cáo đang chờ tiếp nhận; báo cáo này: "
					+ r.row().state().label().toLowerCase());
		}
		jdbc.update("""
				UPDATE periodic_report SET state = 'ACCEPTED', reviewed_by = :user, reviewed_at = :now, updated_at = :now,
				       version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("user", me.id()).addValue("now", Timestamp.from(now)));
		store.step(id, "ACCEPTED", r.row().revision(), me, now, null);
		audit.change("REPORT_ACCEPTED", "PERIODIC_REPORT", id, null, "Sở KH&CN tiếp nhận " + title(r.row()),
				Map.of("state", r.row().state().name()), Map.of("state", ReportState.ACCEPTED.name()));
	}

	@Transactional
	public void returnReport(long id, String reason) {
		returnReport(id, reason, clock.today(), clock.now());
	}

	@Transactional
	void returnReport(long id, String reason, LocalDate today, Instant now) {
		returnReport(id, reason, today, now, new vn.nq57.system.FieldErrors());
	}

	/** The return form: a reason that is refused is noted beside its field ({@code problems}). */
	@Transactional
	public void returnReport(long id, String reason, vn.nq57.system.FieldErrors problems) {
		returnReport(id, reason, clock.today(), clock.now(), problems);
	}

	private void returnReport(long id, String reason, LocalDate today, Instant now, vn.nq57.system.FieldErrors problems) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "PERIODIC_REPORT", id, "trả lại báo cáo (chỉ Sở KH&CN)");
		ReportStore.Loaded r = store.load(id, true);
		if (r.row().state() != ReportState.SUBMITTED) {
			throw new DomainException("Chỉ trả lại được báo cáo đã gửi và chưa tiếp nhận; báo cáo này: "
					+ r.row().state().label().toLowerCase());
		}
		String why = problems.check("reason", () -> ReportRules.requireReason(reason, "trả lại"));
		problems.refuseIfAny();
		LocalDate reopened = r.row().reopenedUntil();
		if (r.row().lockedFor(today) || r.row().period().lockDate().isBefore(today.plusDays(MIN_REOPEN_DAYS))) {
			// the agency needs time to correct it even when the period has locked (or is about to)
			long grace = Math.max(MIN_REOPEN_DAYS,
					ChronoUnit.DAYS.between(r.row().period().dueDate(), r.row().period().lockDate()));
			LocalDate until = today.plusDays(grace);
			reopened = reopened == null || reopened.isBefore(until) ? until : reopened;
		}
		jdbc.update("""
				UPDATE periodic_report SET state = 'RETURNED', return_reason = :why, reviewed_by = :user, reviewed_at = :now,
				       reopened_until = :reopened, updated_at = :now, version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("why", why).addValue("user", me.id())
					.addValue("now", Timestamp.from(now)).addValue("reopened", reopened == null ? null : Date.valueOf(reopened)));
		store.step(id, "RETURNED", r.row().revision(), me, now, why
				+ (reopened != null && !reopened.equals(r.row().reopenedUntil()) ? " (mở để sửa đến hết ngày " + FMT.date(reopened) + ")" : ""));
		audit.change("REPORT_RETURNED", "PERIODIC_REPORT", id, null, "Sở KH&CN trả lại " + title(r.row()) + ": " + why,
				Map.of("state", r.row().state().name()), Map.of("state", ReportState.RETURNED.name(), "reason", why));
	}

	/** After the lock only DoST opens the period again for one agency, until a day, with a reason. */
	@Transactional
	public void reopen(long id, LocalDate until, String reason) {
		reopen(id, until, reason, new vn.nq57.system.FieldErrors());
	}

	/**
	 * The reopen form, with the problems it already found ({@code problems}, each on its field): the day and the
	 * reason are checked together and any problem refuses the reopening with nothing changed.
	 */
	@Transactional
	public void reopen(long id, LocalDate until, String reason, vn.nq57.system.FieldErrors problems) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "PERIODIC_REPORT", id, "mở lại kỳ báo cáo (chỉ Sở KH&CN)");
		LocalDate today = clock.today();
		Instant now = clock.now();
		ReportStore.Loaded r = store.load(id, true);
		if (!r.row().period().isLocked(today)) {
			throw new DomainException("Kỳ báo cáo chưa khóa sổ; cơ quan vẫn gửi được đến hết ngày "
					+ FMT.date(r.row().period().lockDate()));
		}
		if (r.row().state().isReceived()) {
			throw new DomainException("Báo cáo đã được gửi; không cần mở lại. Nếu cần sửa, hãy trả lại báo cáo.");
		}
		LocalDate end = until == null ? today.plusDays(7) : until;
		if (end.isBefore(today)) {
			problems.reject("until", "Ngày mở lại đến " + FMT.date(end) + " đã qua");
		}
		String why = problems.check("reason", () -> ReportRules.requireReason(reason, "mở lại"));
		problems.refuseIfAny();
		jdbc.update("UPDATE periodic_report SET reopened_until = :u, updated_at = :now, version = version + 1 WHERE id = :id",
				new MapSqlParameterSource("id", id).addValue("u", Date.valueOf(end)).addValue("now", Timestamp.from(now)));
		store.step(id, "REOPENED", r.row().revision(), me, now, why + " (đến hết ngày " + FMT.date(end) + ")");
		audit.change("REPORT_REOPENED", "PERIODIC_REPORT", id, null, "Mở lại " + title(r.row()) + " đến " + FMT.date(end),
				mapOf("reopenedUntil", r.row().reopenedUntil() == null ? null : r.row().reopenedUntil().toString()),
				Map.of("reopenedUntil", end.toString(), "reason", why));
	}

	/** Editing an approved report withdraws the approval; editing a returned one starts its revision. */
	private ReportState afterEdit(ReportRow r, CurrentUser me, Instant now) {
		if (r.state() == ReportState.APPROVED) {
			store.step(r.id(), "EDITED_AFTER_APPROVAL", r.revision(), me, now, "Cần thủ trưởng duyệt lại");
		}
		else if (r.state() == ReportState.RETURNED) {
			store.step(r.id(), "REVISING", r.revision(), me, now, null);
		}
		return ReportState.DRAFT;
	}

	private static Map<String, Object> snapshot(ReportState state, ReportContent c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("state", state.name());
		Map<String, String> sections = new LinkedHashMap<>();
		c.sections().forEach(s -> sections.put(s.code(), s.body()));
		m.put("sections", sections);
		m.put("obstacles", c.obstacles().stream().map(i -> i.theme().name() + ": " + i.text()).toList());
		m.put("proposals", c.proposals().stream().map(i -> i.theme().name() + ": " + i.text()).toList());
		m.put("tasks", c.tasks().size());
		m.put("dataAsOf", c.dataAsOf() == null ? null : c.dataAsOf().toString());
		return m;
	}

	private static Map<String, Object> mapOf(String k, Object v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(k, v);
		return m;
	}

	private static String title(ReportRow r) {
		return r.period().title() + " – " + r.agencyName();
	}
}
