package vn.nq57.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.VnText;
import vn.nq57.reporting.ReportContent.Item;
import vn.nq57.reporting.ReportContent.Section;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;
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
 */
@Service
public class PeriodicReportService {

	static final VnFormat FMT = new VnFormat();
	static final int MAX_SECTION = 20_000;
	static final int MAX_ITEM = 2_000;
	static final int MAX_ITEMS = 100;
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

	public record ItemInput(ReportTheme theme, String text) {
	}

	/** What the agency edits: section texts by code, obstacles and proposals. */
	public record Edit(Map<String, String> sections, List<ItemInput> obstacles, List<ItemInput> proposals) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final JsonMapper json;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final ReportPrefill prefill;

	PeriodicReportService(NamedParameterJdbcTemplate jdbc, JsonMapper json, AccessPolicy access, AuditLog audit,
			AppClock clock, ReportPrefill prefill) {
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.prefill = prefill;
	}

	// ----- reading -----

	private static final String ROW_SQL = """
			SELECT r.id, r.agency_id, a.name AS agency_name, r.expected, r.state, r.revision, r.first_submitted_on,
			       r.submitted_on, r.reopened_until, r.return_reason, r.version, rg.plan_id,
			       p.id AS p_id, p.regime_id, rg.name AS regime_name, rg.frequency, p.period_key, p.year, p.idx, p.label,
			       p.starts_on, p.ends_on, p.window_start, p.window_end, p.due_date, p.lock_date, p.active
			FROM periodic_report r JOIN agency_view a ON a.id = r.agency_id
			JOIN reporting_period p ON p.id = r.period_id JOIN reporting_regime rg ON rg.id = p.regime_id
			""";

	static ReportRow row(ResultSet rs) throws SQLException {
		ReportingPeriod period = new ReportingPeriod(rs.getLong("p_id"), rs.getLong("regime_id"),
				rs.getString("regime_name"), ReportingCalendar.Frequency.valueOf(rs.getString("frequency")),
				rs.getString("period_key"), rs.getInt("year"), rs.getInt("idx"), rs.getString("label"),
				RegimeService.day(rs, "starts_on"), RegimeService.day(rs, "ends_on"), RegimeService.day(rs, "window_start"),
				RegimeService.day(rs, "window_end"), RegimeService.day(rs, "due_date"), RegimeService.day(rs, "lock_date"),
				rs.getBoolean("active"));
		return new ReportRow(rs.getLong("id"), period, rs.getLong("agency_id"), rs.getString("agency_name"),
				rs.getBoolean("expected"), ReportState.valueOf(rs.getString("state")), rs.getInt("revision"),
				RegimeService.day(rs, "first_submitted_on"), RegimeService.day(rs, "submitted_on"),
				RegimeService.day(rs, "reopened_until"), rs.getString("return_reason"), rs.getLong("version"));
	}

	/**
	 * The agency's reports of the periods whose data window has begun by {@code today} (and the next one due),
	 * newest due date first; only for that agency's own staff and those who see every agency.
	 */
	public List<ReportRow> forAgency(long agencyId) {
		CurrentUser me = AccessPolicy.current();
		access.require(access.canReadAgencyWork(me, agencyId), "AGENCY", agencyId, "xem báo cáo định kỳ của cơ quan khác");
		return jdbc.query(ROW_SQL + """
				 WHERE r.agency_id = :a AND (r.expected OR r.state <> 'NOT_STARTED') AND p.active
				   AND p.window_start <= :today
				 ORDER BY p.due_date DESC, rg.position, p.starts_on DESC LIMIT 200""",
				new MapSqlParameterSource("a", agencyId).addValue("today", Date.valueOf(clock.today())),
				(rs, i) -> row(rs));
	}

	/** The report row, without permission check (callers check; the grid and lists use it). */
	ReportRow rowOf(long id) {
		return jdbc.query(ROW_SQL + " WHERE r.id = :id", new MapSqlParameterSource("id", id), (rs, i) -> row(rs))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo #" + id));
	}

	public ReportRow row(long periodId, long agencyId) {
		return jdbc.query(ROW_SQL + " WHERE r.period_id = :p AND r.agency_id = :a",
				new MapSqlParameterSource("p", periodId).addValue("a", agencyId), (rs, i) -> row(rs))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Cơ quan không có báo cáo của kỳ này"));
	}

	/**
	 * The report as the signed-in user may see it: the agency's own staff see the working copy; DoST, leaders and
	 * administrators see what was submitted (the last submission while a returned report is being revised), never a
	 * draft; anyone else is refused.
	 */
	public ReportView view(long id) {
		CurrentUser me = AccessPolicy.current();
		Loaded r = load(id, false);
		boolean own = me.actsFor(r.row.agencyId()) && (me.is(Role.AGENCY_OFFICER) || me.is(Role.AGENCY_HEAD));
		access.require(own || me.seesEveryAgency(), "PERIODIC_REPORT", id, "xem báo cáo của cơ quan khác");
		ReportContent content = null;
		boolean fromSubmission = false;
		if (own || r.row.state().isReceived()) {
			content = r.content;
		}
		else if (r.row.revision() > 0) {
			content = lastSubmission(id);
			fromSubmission = true;
		}
		return new ReportView(r.row, r.planId, content, fromSubmission, r.approvedBy, r.approvedAt, r.submittedBy,
				r.submittedAt, r.reviewedBy, r.reviewedAt);
	}

	/** The workflow history; visible to whoever may see the report. */
	public List<Step> steps(long id) {
		view(id);
		return jdbc.query("""
				SELECT step, revision, actor_name, at, note FROM periodic_report_step WHERE report_id = :id ORDER BY at, id""",
				new MapSqlParameterSource("id", id), (rs, i) -> new Step(rs.getString(1), stepLabel(rs.getString(1)),
						rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)));
	}

	/** Every change with before and after: for the agency's own staff only (it shows draft wording). */
	public List<AuditLog.Entry> changes(long id) {
		CurrentUser me = AccessPolicy.current();
		ReportRow r = rowOf(id);
		access.require(access.canReport(me, r.agencyId()), "PERIODIC_REPORT", id, "xem nhật ký soạn thảo báo cáo của cơ quan khác");
		return audit.forEntity("PERIODIC_REPORT", id);
	}

	// ----- the agency's steps -----

	@Transactional
	public void start(long id) {
		start(id, clock.today(), clock.now());
	}

	@Transactional
	void start(long id, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		Loaded r = load(id, true);
		access.require(access.canReport(me, r.row.agencyId()), "PERIODIC_REPORT", id, "lập báo cáo của cơ quan khác");
		if (r.row.state() != ReportState.NOT_STARTED) {
			throw new DomainException("Báo cáo " + r.row.period().title() + " đã được lập; hãy mở để soạn tiếp");
		}
		requireOpen(r.row, today);
		ReportContent content = prefill.build(r.row.agencyId(), r.planId, r.row.period(),
				r.row.period().dataAsOf(today), null, true);
		write(id, ReportState.DRAFT, content, now, "created_by = :user, ", me);
		step(id, "CREATED", r.row.revision(), me, now, null);
		audit.change("REPORT_CREATED", "PERIODIC_REPORT", id, null, title(r.row), null, snapshot(ReportState.DRAFT, content));
	}

	@Transactional
	public void save(long id, Edit edit, Long expectedVersion) {
		save(id, edit, expectedVersion, clock.today(), clock.now());
	}

	@Transactional
	void save(long id, Edit edit, Long expectedVersion, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		Loaded r = load(id, true);
		access.require(access.canReport(me, r.row.agencyId()), "PERIODIC_REPORT", id, "sửa báo cáo của cơ quan khác");
		checkVersion(r.row, expectedVersion);
		requireEditable(r.row, today);
		ReportContent content = apply(r.content, edit);
		ReportState next = afterEdit(r.row, me, now);
		write(id, next, content, now, "", me);
		audit.change("REPORT_SAVED", "PERIODIC_REPORT", id, null, "Lưu " + title(r.row),
				snapshot(r.row.state(), r.content), snapshot(next, content));
	}

	/** Reads the task lines again and adds obstacles and proposals posted since; the agency's texts stay. */
	@Transactional
	public void refresh(long id, Long expectedVersion) {
		LocalDate today = clock.today();
		Instant now = clock.now();
		CurrentUser me = AccessPolicy.current();
		Loaded r = load(id, true);
		access.require(access.canReport(me, r.row.agencyId()), "PERIODIC_REPORT", id, "sửa báo cáo của cơ quan khác");
		checkVersion(r.row, expectedVersion);
		requireEditable(r.row, today);
		ReportContent content = prefill.build(r.row.agencyId(), r.planId, r.row.period(),
				r.row.period().dataAsOf(today), r.content, true);
		ReportState next = afterEdit(r.row, me, now);
		write(id, next, content, now, "", me);
		audit.change("REPORT_REFRESHED", "PERIODIC_REPORT", id, null, "Cập nhật số liệu " + title(r.row),
				snapshot(r.row.state(), r.content), snapshot(next, content));
	}

	@Transactional
	public void approve(long id, Long expectedVersion) {
		approve(id, expectedVersion, clock.today(), clock.now());
	}

	@Transactional
	void approve(long id, Long expectedVersion, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		Loaded r = load(id, true);
		access.require(me.is(Role.AGENCY_HEAD) && me.actsFor(r.row.agencyId()), "PERIODIC_REPORT", id,
				"duyệt báo cáo (chỉ thủ trưởng cơ quan lập báo cáo)");
		checkVersion(r.row, expectedVersion);
		switch (r.row.state()) {
			case DRAFT, RETURNED -> {
			}
			case APPROVED -> throw new DomainException("Báo cáo đã được thủ trưởng duyệt; có thể gửi Sở KH&CN");
			case NOT_STARTED -> throw new DomainException("Báo cáo chưa được lập");
			default -> throw notEditable(r.row);
		}
		requireOpen(r.row, today);
		requireComplete(r.content, "duyệt");
		jdbc.update("""
				UPDATE periodic_report SET state = 'APPROVED', approved_by = :user, approved_at = :now, updated_at = :now,
				       version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("user", me.id()).addValue("now", Timestamp.from(now)));
		step(id, "APPROVED", r.row.revision(), me, now, null);
		audit.change("REPORT_APPROVED", "PERIODIC_REPORT", id, null, "Thủ trưởng duyệt " + title(r.row),
				Map.of("state", r.row.state().name()), Map.of("state", ReportState.APPROVED.name()));
	}

	@Transactional
	public void submit(long id, Long expectedVersion) {
		submit(id, expectedVersion, clock.today(), clock.now());
	}

	@Transactional
	void submit(long id, Long expectedVersion, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		Loaded r = load(id, true);
		access.require(access.canReport(me, r.row.agencyId()), "PERIODIC_REPORT", id, "gửi báo cáo của cơ quan khác");
		checkVersion(r.row, expectedVersion);
		switch (r.row.state()) {
			case APPROVED -> {
			}
			case DRAFT, RETURNED -> throw new DomainException(
					"Báo cáo chưa được thủ trưởng cơ quan duyệt; không gửi được. Đề nghị thủ trưởng duyệt trước khi gửi.");
			case NOT_STARTED -> throw new DomainException("Báo cáo chưa được lập");
			default -> throw notEditable(r.row);
		}
		requireOpen(r.row, today);
		requireComplete(r.content, "gửi");
		int revision = r.row.revision() + 1;
		LocalDate first = r.row.firstSubmittedOn() == null ? today : r.row.firstSubmittedOn();
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
		long late = ChronoUnit.DAYS.between(r.row.period().dueDate(), first);
		String note = late <= 0 ? "Đúng hạn (hạn " + FMT.date(r.row.period().dueDate()) + ")"
				: "Muộn " + late + " ngày so với hạn " + FMT.date(r.row.period().dueDate());
		if (revision > 1) {
			note = "Gửi lại lần " + revision + "; lần đầu gửi ngày " + FMT.date(first) + " – " + note;
		}
		step(id, "SUBMITTED", revision, me, now, note);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("state", ReportState.SUBMITTED.name());
		after.put("revision", revision);
		after.put("submittedOn", today.toString());
		audit.change("REPORT_SUBMITTED", "PERIODIC_REPORT", id, null, "Gửi Sở KH&CN " + title(r.row) + ": " + note,
				Map.of("state", r.row.state().name(), "revision", r.row.revision()), after);
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
		Loaded r = load(id, true);
		if (r.row.state() != ReportState.SUBMITTED) {
			throw new DomainException("Chỉ tiếp nhận được báo cáo đang chờ tiếp nhận; báo cáo này: "
					+ r.row.state().label().toLowerCase());
		}
		jdbc.update("""
				UPDATE periodic_report SET state = 'ACCEPTED', reviewed_by = :user, reviewed_at = :now, updated_at = :now,
				       version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("user", me.id()).addValue("now", Timestamp.from(now)));
		step(id, "ACCEPTED", r.row.revision(), me, now, null);
		audit.change("REPORT_ACCEPTED", "PERIODIC_REPORT", id, null, "Sở KH&CN tiếp nhận " + title(r.row),
				Map.of("state", r.row.state().name()), Map.of("state", ReportState.ACCEPTED.name()));
	}

	@Transactional
	public void returnReport(long id, String reason) {
		returnReport(id, reason, clock.today(), clock.now());
	}

	@Transactional
	void returnReport(long id, String reason, LocalDate today, Instant now) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "PERIODIC_REPORT", id, "trả lại báo cáo (chỉ Sở KH&CN)");
		Loaded r = load(id, true);
		if (r.row.state() != ReportState.SUBMITTED) {
			throw new DomainException("Chỉ trả lại được báo cáo đã gửi và chưa tiếp nhận; báo cáo này: "
					+ r.row.state().label().toLowerCase());
		}
		String why = requireReason(reason, "trả lại");
		LocalDate reopened = r.row.reopenedUntil();
		if (r.row.lockedFor(today) || r.row.period().lockDate().isBefore(today.plusDays(MIN_REOPEN_DAYS))) {
			// the agency needs time to correct it even when the period has locked (or is about to)
			long grace = Math.max(MIN_REOPEN_DAYS,
					ChronoUnit.DAYS.between(r.row.period().dueDate(), r.row.period().lockDate()));
			LocalDate until = today.plusDays(grace);
			reopened = reopened == null || reopened.isBefore(until) ? until : reopened;
		}
		jdbc.update("""
				UPDATE periodic_report SET state = 'RETURNED', return_reason = :why, reviewed_by = :user, reviewed_at = :now,
				       reopened_until = :reopened, updated_at = :now, version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("why", why).addValue("user", me.id())
					.addValue("now", Timestamp.from(now)).addValue("reopened", reopened == null ? null : Date.valueOf(reopened)));
		step(id, "RETURNED", r.row.revision(), me, now, why
				+ (reopened != null && !reopened.equals(r.row.reopenedUntil()) ? " (mở để sửa đến hết ngày " + FMT.date(reopened) + ")" : ""));
		audit.change("REPORT_RETURNED", "PERIODIC_REPORT", id, null, "Sở KH&CN trả lại " + title(r.row) + ": " + why,
				Map.of("state", r.row.state().name()), Map.of("state", ReportState.RETURNED.name(), "reason", why));
	}

	/** After the lock only DoST opens the period again for one agency, until a day, with a reason. */
	@Transactional
	public void reopen(long id, LocalDate until, String reason) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "PERIODIC_REPORT", id, "mở lại kỳ báo cáo (chỉ Sở KH&CN)");
		LocalDate today = clock.today();
		Instant now = clock.now();
		Loaded r = load(id, true);
		if (!r.row.period().isLocked(today)) {
			throw new DomainException("Kỳ báo cáo chưa khóa sổ; cơ quan vẫn gửi được đến hết ngày "
					+ FMT.date(r.row.period().lockDate()));
		}
		if (r.row.state().isReceived()) {
			throw new DomainException("Báo cáo đã được gửi; không cần mở lại. Nếu cần sửa, hãy trả lại báo cáo.");
		}
		LocalDate end = until == null ? today.plusDays(7) : until;
		if (end.isBefore(today)) {
			throw new DomainException("Ngày mở lại đến " + FMT.date(end) + " đã qua");
		}
		String why = requireReason(reason, "mở lại");
		jdbc.update("UPDATE periodic_report SET reopened_until = :u, updated_at = :now, version = version + 1 WHERE id = :id",
				new MapSqlParameterSource("id", id).addValue("u", Date.valueOf(end)).addValue("now", Timestamp.from(now)));
		step(id, "REOPENED", r.row.revision(), me, now, why + " (đến hết ngày " + FMT.date(end) + ")");
		audit.change("REPORT_REOPENED", "PERIODIC_REPORT", id, null, "Mở lại " + title(r.row) + " đến " + FMT.date(end),
				mapOf("reopenedUntil", r.row.reopenedUntil() == null ? null : r.row.reopenedUntil().toString()),
				Map.of("reopenedUntil", end.toString(), "reason", why));
	}

	// ----- rules -----

	private void requireEditable(ReportRow r, LocalDate today) {
		if (r.state() == ReportState.NOT_STARTED) {
			throw new DomainException("Báo cáo chưa được lập");
		}
		if (!r.state().isEditable()) {
			throw notEditable(r);
		}
		requireOpen(r, today);
	}

	private static DomainException notEditable(ReportRow r) {
		if (r.state() == ReportState.ACCEPTED) {
			return new DomainException("Báo cáo " + r.period().title() + " đã được Sở KH&CN tiếp nhận; không sửa được nữa.");
		}
		return new DomainException("Báo cáo " + r.period().title() + " đã gửi Sở KH&CN ngày " + FMT.date(r.submittedOn())
				+ "; không sửa được nữa. Nếu cần sửa, đề nghị Sở KH&CN trả lại báo cáo.");
	}

	/** The agency may work on the report: it owes it, the window has begun, and the period is not locked for it. */
	private static void requireOpen(ReportRow r, LocalDate today) {
		ReportingPeriod p = r.period();
		if (!r.expected()) {
			throw new DomainException(r.agencyName() + " không còn thuộc diện phải gửi " + p.title().toLowerCase()
					+ "; báo cáo được giữ nguyên");
		}
		if (!p.hasStarted(today)) {
			throw new DomainException("Kỳ " + p.label() + " bắt đầu từ ngày " + FMT.date(p.windowStart())
					+ "; chưa lập báo cáo được");
		}
		if (r.lockedFor(today)) {
			throw new DomainException("Kỳ báo cáo " + p.title() + " đã khóa sổ từ ngày " + FMT.date(p.lockDate().plusDays(1))
					+ " (hạn gửi " + FMT.date(p.dueDate()) + ", gia hạn đến hết ngày " + FMT.date(p.lockDate())
					+ "). Chỉ Sở KH&CN mở lại được; đề nghị liên hệ Sở KH&CN.");
		}
	}

	private static void requireComplete(ReportContent c, String what) {
		List<String> missing = c.missingRequired();
		if (!missing.isEmpty()) {
			throw new DomainException("Báo cáo còn để trống nội dung bắt buộc: "
					+ missing.stream().map(t -> "“" + t + "”").collect(Collectors.joining(", "))
					+ ". Hãy nhập nội dung (nếu không có kết quả, ghi rõ lý do) trước khi " + what + ".");
		}
	}

	private static void checkVersion(ReportRow r, Long expected) {
		if (expected != null && r.version() != expected) {
			throw new ConcurrentEditException("báo cáo");
		}
	}

	/** Editing an approved report withdraws the approval; editing a returned one starts its revision. */
	private ReportState afterEdit(ReportRow r, CurrentUser me, Instant now) {
		if (r.state() == ReportState.APPROVED) {
			step(r.id(), "EDITED_AFTER_APPROVAL", r.revision(), me, now, "Cần thủ trưởng duyệt lại");
		}
		else if (r.state() == ReportState.RETURNED) {
			step(r.id(), "REVISING", r.revision(), me, now, null);
		}
		return ReportState.DRAFT;
	}

	private static ReportContent apply(ReportContent c, Edit edit) {
		List<Section> sections = new ArrayList<>();
		Map<String, String> texts = edit.sections() == null ? Map.of() : edit.sections();
		for (String code : texts.keySet()) {
			if (c.section(code) == null) {
				throw new DomainException("Báo cáo không có mục “" + code + "”");
			}
		}
		for (Section s : c.sections()) {
			String body = texts.containsKey(s.code()) ? clean(texts.get(s.code())) : s.body();
			if (body != null && body.length() > MAX_SECTION) {
				throw new DomainException("Mục “" + s.title() + "” dài " + FMT.num(body.length()) + " ký tự; tối đa "
						+ FMT.num(MAX_SECTION) + " ký tự");
			}
			safe(s.title(), body);
			sections.add(s.withBody(body == null ? "" : body));
		}
		return new ReportContent(c.dataAsOf(), c.tasks(), sections, items(edit.obstacles(), c.obstacles(), "Khó khăn, vướng mắc"),
				items(edit.proposals(), c.proposals(), "Kiến nghị, đề xuất"), c.indicators());
	}

	private static List<Item> items(List<ItemInput> input, List<Item> before, String what) {
		if (input == null) {
			return before;
		}
		List<Item> out = new ArrayList<>();
		for (ItemInput i : input) {
			String text = clean(i.text());
			if (text == null || text.isEmpty()) {
				continue;
			}
			if (text.length() > MAX_ITEM) {
				throw new DomainException(what + ": mỗi ý tối đa " + FMT.num(MAX_ITEM) + " ký tự");
			}
			safe(what, text);
			// an item kept from before keeps the task it came from
			Item old = before.stream().filter(b -> b.text().equals(text)).findFirst().orElse(null);
			ReportTheme theme = i.theme() == null ? ReportTheme.classify(text) : i.theme();
			out.add(new Item(theme, text, old == null ? null : old.taskId(), old == null ? null : old.taskLabel()));
		}
		if (out.size() > MAX_ITEMS) {
			throw new DomainException(what + ": tối đa " + MAX_ITEMS + " ý");
		}
		return out;
	}

	private static String requireReason(String reason, String what) {
		String why = clean(reason);
		if (why == null || why.isEmpty()) {
			throw new DomainException("Cần nêu lý do " + what);
		}
		if (why.length() > 2000) {
			throw new DomainException("Lý do tối đa 2.000 ký tự");
		}
		safe(why);
		return why;
	}

	// ----- storage -----

	private record Loaded(ReportRow row, Long planId, ReportContent content, String approvedBy, Instant approvedAt,
			String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt) {
	}

	private Loaded load(long id, boolean forUpdate) {
		if (forUpdate) {
			jdbc.query("SELECT id FROM periodic_report WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id),
					rs -> null);
		}
		return jdbc.query(ROW_SQL.replace("SELECT r.id,", """
				SELECT r.content::text AS content_json, au.full_name AS approved_name, r.approved_at,
				       su.full_name AS submitted_name, r.submitted_at, ru.full_name AS reviewed_name, r.reviewed_at, r.id,""")
				+ """
						 LEFT JOIN app_user_view au ON au.id = r.approved_by LEFT JOIN app_user_view su ON su.id = r.submitted_by
						 LEFT JOIN app_user_view ru ON ru.id = r.reviewed_by WHERE r.id = :id""",
				new MapSqlParameterSource("id", id), (rs, i) -> {
					String c = rs.getString("content_json");
					return new Loaded(row(rs), (Long) rs.getObject("plan_id"),
							c == null ? ReportContent.empty() : json.readValue(c, ReportContent.class),
							rs.getString("approved_name"), instant(rs, "approved_at"), rs.getString("submitted_name"),
							instant(rs, "submitted_at"), rs.getString("reviewed_name"), instant(rs, "reviewed_at"));
				})
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo #" + id));
	}

	private ReportContent lastSubmission(long id) {
		return jdbc.query("SELECT content::text FROM periodic_report_submission WHERE report_id = :id ORDER BY revision DESC LIMIT 1",
				new MapSqlParameterSource("id", id), (rs, i) -> json.readValue(rs.getString(1), ReportContent.class))
			.stream().findFirst().orElse(null);
	}

	/**
	 * What DoST merges from the reports received for a period (submitted or accepted), by agency: the sections,
	 * obstacles, proposals and indicator values; the task lines are left in the database (the figures come from
	 * the tasks themselves).
	 */
	Map<Long, ReportContent> receivedContents(long periodId) {
		Map<Long, ReportContent> out = new LinkedHashMap<>();
		jdbc.query("""
				SELECT r.agency_id, jsonb_build_object('dataAsOf', r.content->'dataAsOf', 'sections', r.content->'sections',
				       'obstacles', r.content->'obstacles', 'proposals', r.content->'proposals',
				       'indicators', r.content->'indicators')::text
				FROM periodic_report r
				WHERE r.period_id = :p AND r.state IN ('SUBMITTED', 'ACCEPTED') ORDER BY r.agency_id""",
				new MapSqlParameterSource("p", periodId), rs -> {
					out.put(rs.getLong(1), json.readValue(rs.getString(2), ReportContent.class));
				});
		return out;
	}

	private void write(long id, ReportState state, ReportContent content, Instant now, String extraSet, CurrentUser me) {
		jdbc.update("""
				UPDATE periodic_report SET state = :state, content = CAST(:content AS jsonb), data_as_of = :asOf,
				       approved_by = CASE WHEN :state = 'APPROVED' THEN approved_by END,
				       approved_at = CASE WHEN :state = 'APPROVED' THEN approved_at END,
				       %s updated_at = :now, version = version + 1 WHERE id = :id""".formatted(extraSet),
				new MapSqlParameterSource("id", id).addValue("state", state.name())
					.addValue("content", json.writeValueAsString(content))
					.addValue("asOf", content.dataAsOf() == null ? null : Date.valueOf(content.dataAsOf()))
					.addValue("now", Timestamp.from(now)).addValue("user", me.id()));
	}

	private void step(long id, String step, int revision, CurrentUser me, Instant now, String note) {
		jdbc.update("""
				INSERT INTO periodic_report_step(report_id, step, revision, actor_id, actor_name, at, note)
				VALUES (:id, :step, :rev, :actor, :name, :at, :note)""",
				new MapSqlParameterSource("id", id).addValue("step", step).addValue("rev", revision)
					.addValue("actor", me.id()).addValue("name", me.displayName()).addValue("at", Timestamp.from(now))
					.addValue("note", note));
	}

	static String stepLabel(String step) {
		return switch (step) {
			case "CREATED" -> "Lập báo cáo";
			case "EDITED_AFTER_APPROVAL" -> "Sửa sau khi thủ trưởng đã duyệt";
			case "REVISING" -> "Sửa theo ý kiến trả lại";
			case "APPROVED" -> "Thủ trưởng cơ quan duyệt";
			case "SUBMITTED" -> "Gửi Sở KH&CN";
			case "ACCEPTED" -> "Sở KH&CN tiếp nhận";
			case "RETURNED" -> "Sở KH&CN trả lại";
			case "REOPENED" -> "Sở KH&CN mở lại kỳ báo cáo";
			default -> step;
		};
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

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String clean(String s) {
		return s == null ? null : VnText.nfc(s.replace("\r\n", "\n"));
	}

	private static void safe(String... values) {
		String unsafe = TextRules.firstUnsafe(values);
		if (unsafe != null) {
			throw new DomainException(unsafe);
		}
	}
}
