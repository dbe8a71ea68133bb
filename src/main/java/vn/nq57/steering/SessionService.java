package vn.nq57.steering;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.deadline.DeadlineKind;
import vn.nq57.deadline.DeadlineParser;
import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.kernel.VnFormat;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;
import vn.nq57.task.Directive;
import vn.nq57.task.DirectiveKind;
import vn.nq57.task.TaskImport;
import vn.nq57.task.TaskService;

/**
 * Sessions, their conclusion items and the notice: DoST (the secretariat) records a session, drafts its conclusions
 * as structured items and issues the notice; on issue every item becomes a task of the notice's directive through
 * {@link TaskImport} (no import step) and the item keeps its task's id. Every change is audited; a stale edit is
 * refused (409); a notice is issued once.
 */
@Service
public class SessionService {

	public record Session(long id, SessionKind kind, LocalDate heldOn, String title, String chair, String place,
			Long focusAgencyId, String focusAgencyName, String agenda, List<Long> attendeeIds, String noticeNumber,
			LocalDate noticeIssuedOn, String noticeSigner, Long directiveId, long version) {

		public boolean issued() {
			return noticeIssuedOn != null;
		}

		public List<String> agendaItems() {
			return agenda == null ? List.of() : agenda.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
	}

	public record Item(long id, long sessionId, int position, String addressee, List<Long> agencyIds,
			String instruction, String expectedOutput, String deadlinePhrase, String deadlineKind, LocalDate dueDate,
			boolean reportBack, String problem, Long taskId, long version) {

		public boolean draft() {
			return problem != null;
		}
	}

	/** What the secretary typed for an item. */
	public record ItemInput(String addressee, String instruction, String expectedOutput, String deadline,
			boolean reportBack) {
	}

	/** What the page shows while typing: the agencies read, the unknown names with the nearest ones, the deadline. */
	public record ItemCheck(Addressees.Reading addressees, DeadlineSpec deadline, List<String> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	public record SessionInput(SessionKind kind, LocalDate heldOn, String title, String chair, String place,
			Long focusAgencyId, String agenda, List<Long> attendeeIds) {
	}

	static final String ISSUER_PARENT = "UBND TỈNH QUẢNG NGÃI";
	static final String ISSUER = "VĂN PHÒNG";
	static final String DIRECTIVE_ISSUER = "Văn phòng UBND tỉnh";

	private final JdbcTemplate jdbc;
	private final Addressees addressees;
	private final TaskService tasks;
	private final TaskImport taskImport;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final FigureCache cache;

	SessionService(JdbcTemplate jdbc, Addressees addressees, TaskService tasks, TaskImport taskImport,
			AccessPolicy access, AuditLog audit, AppClock clock, FigureCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.addressees = addressees;
		this.tasks = tasks;
		this.taskImport = taskImport;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	// ----- reading -----

	private static final String SESSION_COLUMNS = """
			s.id, s.kind, s.held_on, s.title, s.chair, s.place, s.focus_agency_id, fa.name, s.agenda,
			(SELECT array_agg(sa.agency_id ORDER BY sa.agency_id) FROM steering_session_agency sa WHERE sa.session_id = s.id),
			s.notice_number, s.notice_issued_on, s.notice_signer, s.directive_id, s.version
			FROM steering_session s LEFT JOIN agency_view fa ON fa.id = s.focus_agency_id""";

	private static Session session(ResultSet rs, int i) throws SQLException {
		return new Session(rs.getLong(1), SessionKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8),
				rs.getString(9), longs(rs.getArray(10)), rs.getString(11), rs.getObject(12, LocalDate.class),
				rs.getString(13), rs.getObject(14, Long.class), rs.getLong(15));
	}

	static List<Long> longs(Array a) throws SQLException {
		if (a == null) {
			return List.of();
		}
		Object[] values = (Object[]) a.getArray();
		return Arrays.stream(values).map(v -> ((Number) v).longValue()).toList();
	}

	public List<Session> sessions() {
		return jdbc.query("SELECT " + SESSION_COLUMNS + " ORDER BY s.held_on DESC, s.id DESC", SessionService::session);
	}

	public Session get(long id) {
		List<Session> s = jdbc.query("SELECT " + SESSION_COLUMNS + " WHERE s.id = ?", SessionService::session, id);
		if (s.isEmpty()) {
			throw new NotFoundException("Không tìm thấy phiên họp #" + id);
		}
		return s.get(0);
	}

	/**
	 * The session before this one that the brief compares with: for a working session, the previous one with the same
	 * agency if any; otherwise the previous session of the Steering Committee (not a working session).
	 */
	public java.util.Optional<Session> previous(Session s) {
		List<Session> found = s.focusAgencyId() == null ? List.of()
				: jdbc.query("SELECT " + SESSION_COLUMNS + " WHERE s.held_on < ? AND s.focus_agency_id = ? "
						+ "ORDER BY s.held_on DESC, s.id DESC LIMIT 1", SessionService::session, Date.valueOf(s.heldOn()),
						s.focusAgencyId());
		if (found.isEmpty()) {
			found = jdbc.query("SELECT " + SESSION_COLUMNS + " WHERE (s.held_on < ? OR s.held_on = ? AND s.id < ?) "
					+ "AND s.focus_agency_id IS NULL ORDER BY s.held_on DESC, s.id DESC LIMIT 1",
					SessionService::session, Date.valueOf(s.heldOn()), Date.valueOf(s.heldOn()), s.id());
		}
		return found.stream().findFirst();
	}

	public List<Item> items(long sessionId) {
		return jdbc.query("""
				SELECT id, session_id, position, addressee, agency_ids, instruction, expected_output, deadline_phrase,
				       deadline_kind, due_date, report_back, problem, task_id, version
				FROM steering_conclusion WHERE session_id = ? ORDER BY position, id""", SessionService::item, sessionId);
	}

	public Item item(long id) {
		List<Item> it = jdbc.query("""
				SELECT id, session_id, position, addressee, agency_ids, instruction, expected_output, deadline_phrase,
				       deadline_kind, due_date, report_back, problem, task_id, version
				FROM steering_conclusion WHERE id = ?""", SessionService::item, id);
		if (it.isEmpty()) {
			throw new NotFoundException("Không tìm thấy nội dung kết luận #" + id);
		}
		return it.get(0);
	}

	private static Item item(ResultSet rs, int i) throws SQLException {
		return new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), longs(rs.getArray(5)),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
				rs.getBoolean(11), rs.getString(12), rs.getObject(13, Long.class), rs.getLong(14));
	}

	public LocalDate today() {
		return clock.today();
	}

	public List<String> agencyNames(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList("SELECT name FROM agency_view WHERE id = ANY (?) ORDER BY kind, name", String.class,
				(Object) ids.toArray(Long[]::new));
	}

	// ----- sessions -----

	@Transactional
	public long saveSession(Long id, SessionInput in, Long expectedVersion) {
		requireSecretariat(id, "ghi phiên họp (chỉ Sở KH&CN)");
		// every field checked at once, each problem beside its field
		FieldErrors f = new FieldErrors();
		if (in.kind() == null) {
			f.reject("kind", "Cần chọn loại phiên họp");
		}
		if (in.heldOn() == null) {
			f.reject("heldOn", "Cần nhập ngày họp (dd/MM/yyyy)");
		}
		if (blank(in.title())) {
			f.reject("title", "Cần nhập tên phiên họp");
		}
		if (blank(in.chair())) {
			f.reject("chair", "Cần nhập người chủ trì");
		}
		if (in.kind() == SessionKind.WORKING && in.focusAgencyId() == null) {
			f.reject("focusAgencyId", "Buổi làm việc cần chọn cơ quan làm việc");
		}
		for (var field : new String[][] { { "title", in.title() }, { "chair", in.chair() }, { "place", in.place() },
				{ "agenda", in.agenda() } }) {
			String unsafe = TextRules.firstUnsafe(field[1]);
			if (unsafe != null && !f.has(field[0])) {
				f.reject(field[0], unsafe);
			}
		}
		f.refuseIfAny();
		Map<String, Object> before = null;
		long sid;
		if (id == null) {
			sid = jdbc.queryForObject("""
					INSERT INTO steering_session(kind, held_on, title, chair, place, focus_agency_id, agenda, created_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, in.kind().name(),
					Date.valueOf(in.heldOn()), nfc(in.title()), nfc(in.chair()), nfc(in.place()), in.focusAgencyId(),
					nfc(in.agenda()), AccessPolicy.current().id());
		}
		else {
			Session s = lock(id, expectedVersion);
			if (s.issued()) {
				throw new DomainException("Thông báo kết luận của phiên họp đã ban hành; không sửa thông tin phiên họp");
			}
			before = snapshot(s);
			jdbc.update("""
					UPDATE steering_session SET kind = ?, held_on = ?, title = ?, chair = ?, place = ?, focus_agency_id = ?,
					       agenda = ?, version = version + 1 WHERE id = ?""", in.kind().name(), Date.valueOf(in.heldOn()),
					nfc(in.title()), nfc(in.chair()), nfc(in.place()), in.focusAgencyId(), nfc(in.agenda()), id);
			jdbc.update("DELETE FROM steering_session_agency WHERE session_id = ?", id);
			sid = id;
		}
		List<Long> attendees = in.attendeeIds() == null ? List.of() : in.attendeeIds().stream().distinct().toList();
		if (!attendees.isEmpty()) {
			jdbc.update("""
					INSERT INTO steering_session_agency(session_id, agency_id)
					SELECT ?, a.id FROM agency_view a WHERE a.id = ANY (?)""", sid, attendees.toArray(Long[]::new));
		}
		Session after = get(sid);
		audit.change(id == null ? "SESSION_CREATED" : "SESSION_UPDATED", "STEERING_SESSION", sid, null, after.title(),
				before, snapshot(after));
		return sid;
	}

	private Session lock(long id, Long expectedVersion) {
		Long v = jdbc.query("SELECT version FROM steering_session WHERE id = ? FOR UPDATE",
				rs -> rs.next() ? rs.getLong(1) : null, id);
		if (v == null) {
			throw new NotFoundException("Không tìm thấy phiên họp #" + id);
		}
		if (expectedVersion != null && v.longValue() != expectedVersion.longValue()) {
			throw new ConcurrentEditException("phiên họp (phiên bản hiện tại: " + v + ")");
		}
		return get(id);
	}

	// ----- conclusion items -----

	/** Reads an item as typed, without saving: the live check of the drafting page. */
	public ItemCheck check(ItemInput in) {
		List<String> problems = new ArrayList<>();
		Addressees.Reading r = addressees.read(in.addressee());
		if (r.empty()) {
			problems.add("Chưa nhập cơ quan nhận kết luận (một cơ quan, nhiều cơ quan hoặc một nhóm như “Các sở, ban, ngành, địa phương”)");
		}
		for (Addressees.Unknown u : r.unknown()) {
			problems.add("Không có “" + u.text() + "” trong danh mục cơ quan"
					+ (u.suggestions().isEmpty() ? "" : "; có phải: " + String.join("; ", u.suggestions()) + "?"));
		}
		if (blank(in.instruction())) {
			problems.add("Chưa nhập nội dung kết luận, chỉ đạo");
		}
		DeadlineSpec d = DeadlineParser.parse(in.deadline() == null ? "" : in.deadline());
		if (d.kind() == DeadlineKind.UNPARSED) {
			problems.add("Thời hạn “" + d.phrase() + "”: " + d.problem());
		}
		return new ItemCheck(r, d, problems);
	}

	/**
	 * Saves an item. Without an addressee, an instruction, or with a name the registry does not know, nothing is
	 * saved and the message says why (with the nearest names). A deadline the parser cannot read is saved with the
	 * problem shown: the item stays a draft, and the notice cannot be issued, until it is fixed.
	 */
	@Transactional
	public Item saveItem(long sessionId, Long itemId, ItemInput in, Long expectedVersion) {
		requireSecretariat(sessionId, "soạn kết luận (chỉ Sở KH&CN)");
		Session s = lock(sessionId, null);
		if (s.issued()) {
			throw new DomainException("Thông báo kết luận đã ban hành ngày " + VnFormat.DATE.format(s.noticeIssuedOn())
					+ "; không sửa nội dung kết luận");
		}
		// every field checked at once, each refusing problem beside its field (an unread deadline only makes a draft)
		FieldErrors f = new FieldErrors();
		for (var field : new String[][] { { "addressee", in.addressee() }, { "instruction", in.instruction() },
				{ "expectedOutput", in.expectedOutput() }, { "deadline", in.deadline() } }) {
			String unsafe = TextRules.firstUnsafe(field[1]);
			if (unsafe != null) {
				f.reject(field[0], unsafe);
			}
		}
		ItemCheck c = check(in);
		if (!f.has("addressee")) {
			if (c.addressees().empty()) {
				f.reject("addressee", "Chưa nhập cơ quan nhận kết luận (một cơ quan, nhiều cơ quan hoặc một nhóm như “Các sở, ban, ngành, địa phương”)");
			}
			for (Addressees.Unknown u : c.addressees().unknown()) {
				f.reject("addressee", "Không có “" + u.text() + "” trong danh mục cơ quan"
						+ (u.suggestions().isEmpty() ? "" : "; có phải: " + String.join("; ", u.suggestions()) + "?"));
			}
		}
		if (!f.has("instruction") && blank(in.instruction())) {
			f.reject("instruction", "Chưa nhập nội dung kết luận, chỉ đạo");
		}
		f.refuseIfAny();
		DeadlineSpec d = c.deadline();
		String problem = d.kind() == DeadlineKind.UNPARSED ? "Thời hạn “" + d.phrase() + "”: " + d.problem() : null;
		Long[] ids = c.addressees().ids().toArray(Long[]::new);
		Map<String, Object> before = null;
		long id;
		if (itemId == null) {
			id = jdbc.queryForObject("""
					INSERT INTO steering_conclusion(session_id, position, addressee, agency_ids, instruction, expected_output,
					       deadline_phrase, deadline_kind, due_date, report_back, problem)
					VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM steering_conclusion WHERE session_id = ?),
					        ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, sessionId, sessionId,
					nfc(in.addressee()), ids, nfc(in.instruction()), nfc(in.expectedOutput()), d.phrase(), d.kind().name(),
					d.dueDate() == null ? null : Date.valueOf(d.dueDate()), in.reportBack(), problem);
		}
		else {
			Item old = item(itemId);
			if (old.sessionId() != sessionId) {
				throw new NotFoundException("Không tìm thấy nội dung kết luận #" + itemId);
			}
			if (expectedVersion != null && old.version() != expectedVersion) {
				throw new ConcurrentEditException("nội dung kết luận (phiên bản hiện tại: " + old.version() + ")");
			}
			before = snapshot(old);
			jdbc.update("""
					UPDATE steering_conclusion SET addressee = ?, agency_ids = ?, instruction = ?, expected_output = ?,
					       deadline_phrase = ?, deadline_kind = ?, due_date = ?, report_back = ?, problem = ?,
					       version = version + 1 WHERE id = ?""", nfc(in.addressee()), ids, nfc(in.instruction()),
					nfc(in.expectedOutput()), d.phrase(), d.kind().name(),
					d.dueDate() == null ? null : Date.valueOf(d.dueDate()), in.reportBack(), problem, itemId);
			id = itemId;
		}
		Item after = item(id);
		audit.change(itemId == null ? "CONCLUSION_CREATED" : "CONCLUSION_UPDATED", "STEERING_CONCLUSION", id, null,
				abbreviate(after.instruction()), before, snapshot(after));
		return after;
	}

	@Transactional
	public void deleteItem(long sessionId, long itemId, Long expectedVersion) {
		requireSecretariat(sessionId, "xóa nội dung kết luận (chỉ Sở KH&CN)");
		Session s = lock(sessionId, null);
		if (s.issued()) {
			throw new DomainException("Thông báo kết luận đã ban hành; không xóa nội dung kết luận");
		}
		Item old = item(itemId);
		if (old.sessionId() != sessionId) {
			throw new NotFoundException("Không tìm thấy nội dung kết luận #" + itemId);
		}
		if (expectedVersion != null && old.version() != expectedVersion) {
			throw new ConcurrentEditException("nội dung kết luận (phiên bản hiện tại: " + old.version() + ")");
		}
		jdbc.update("DELETE FROM steering_conclusion WHERE id = ?", itemId);
		audit.change("CONCLUSION_DELETED", "STEERING_CONCLUSION", itemId, null, abbreviate(old.instruction()),
				snapshot(old), null);
	}

	// ----- the notice -----

	/**
	 * Issues the notice: records its number and day, creates the directive it is, writes the .docx, and turns every
	 * item into a task of the directive (all or nothing). Refused when already issued, when an item is still a draft,
	 * when there is none, or on a stale version.
	 */
	@Transactional
	public Session issue(long sessionId, String number, LocalDate issuedOn, String signer, Long expectedVersion) {
		requireSecretariat(sessionId, "ban hành thông báo kết luận (chỉ Sở KH&CN)");
		Session s = lock(sessionId, null);
		if (s.issued()) {
			throw new DomainException("Thông báo kết luận của phiên họp này đã ban hành ngày "
					+ VnFormat.DATE.format(s.noticeIssuedOn()) + " (số " + s.noticeNumber() + "); không ban hành lần thứ hai");
		}
		if (expectedVersion != null && s.version() != expectedVersion) {
			throw new ConcurrentEditException("phiên họp (phiên bản hiện tại: " + s.version() + ")");
		}
		if (blank(number)) {
			throw new DomainException("Cần nhập số, ký hiệu của thông báo (ví dụ 125/TB-UBND)");
		}
		TextRules.requireSafe(number, signer);
		LocalDate day = issuedOn == null ? clock.today() : issuedOn;
		List<Item> items = items(sessionId);
		if (items.isEmpty()) {
			throw new DomainException("Thông báo chưa có nội dung kết luận nào");
		}
		List<Item> drafts = items.stream().filter(Item::draft).toList();
		if (!drafts.isEmpty()) {
			throw new DomainException("Còn " + drafts.size() + " nội dung kết luận chưa hoàn chỉnh (số "
					+ String.join(", ", drafts.stream().map(i -> String.valueOf(i.position())).toList()) + "): "
					+ drafts.get(0).problem());
		}
		if (tasks.directiveByNumber(number.strip()).isPresent()) {
			throw new DomainException("Đã có văn bản số " + number.strip() + " trong hệ thống");
		}
		Directive directive = tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE, number.strip(), day,
				DIRECTIVE_ISSUER, NoticeDocument.subject(s), null);
		List<TaskImport.TaskSpec> specs = items.stream().map(i -> new TaskImport.TaskSpec(null,
				String.valueOf(i.position()), i.instruction(), null, i.agencyIds(), List.of(), null, output(i),
				i.deadlinePhrase())).toList();
		TaskImport.Written w = taskImport.underDirective(directive.getId(), specs);
		for (int k = 0; k < items.size(); k++) {
			jdbc.update("UPDATE steering_conclusion SET task_id = ?, version = version + 1 WHERE id = ?",
					w.taskIds().get(k), items.get(k).id());
		}
		String sig = blank(signer) ? null : nfc(signer);
		jdbc.update("""
				UPDATE steering_session SET notice_number = ?, notice_issued_on = ?, notice_signer = ?, directive_id = ?,
				       issued_by = ?, version = version + 1 WHERE id = ?""", number.strip(), Date.valueOf(day), sig,
				directive.getId(), AccessPolicy.current().id(), sessionId);
		Session issued = get(sessionId);
		byte[] docx = NoticeDocument.docx(issued, items(sessionId), jdbcNames(items));
		jdbc.update("UPDATE steering_session SET notice_docx = ? WHERE id = ?", docx, sessionId);
		Map<String, Object> after = snapshot(issued);
		after.put("tasks", w.taskIds());
		cache.clear();
		audit.change("NOTICE_ISSUED", "STEERING_SESSION", sessionId, null, "Ban hành thông báo " + number.strip(),
				snapshot(s), after);
		return issued;
	}

	/** The issued notice, as stored when it was issued. */
	public byte[] noticeDocx(long sessionId) {
		byte[] b = jdbc.query("SELECT notice_docx FROM steering_session WHERE id = ?",
				rs -> rs.next() ? rs.getBytes(1) : null, sessionId);
		return b;
	}

	/** The draft notice as it would be issued now (no number yet). */
	public byte[] draftDocx(long sessionId) {
		List<Item> items = items(sessionId);
		return NoticeDocument.docx(get(sessionId), items, jdbcNames(items));
	}

	Map<Long, String> jdbcNames(List<Item> items) {
		Map<Long, String> names = new LinkedHashMap<>();
		Long[] ids = items.stream().flatMap(i -> i.agencyIds().stream()).distinct().toArray(Long[]::new);
		if (ids.length > 0) {
			jdbc.query("SELECT id, name FROM agency_view WHERE id = ANY (?)", rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			}, (Object) ids);
		}
		return names;
	}

	static String output(Item i) {
		String out = i.expectedOutput() == null ? "" : i.expectedOutput();
		if (i.reportBack()) {
			out = out.isEmpty() ? "Báo cáo kết quả về UBND tỉnh (qua Sở KH&CN)" : out + "; báo cáo kết quả về UBND tỉnh";
		}
		return out.isEmpty() ? null : out;
	}

	// ----- helpers -----

	private void requireSecretariat(Long id, String what) {
		CurrentUser u = AccessPolicy.current();
		access.require(access.canManagePlans(u), "STEERING_SESSION", id, what);
	}

	private static Map<String, Object> snapshot(Session s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", s.kind().name());
		m.put("heldOn", s.heldOn().toString());
		m.put("title", s.title());
		m.put("chair", s.chair());
		m.put("place", s.place());
		m.put("focusAgency", s.focusAgencyName());
		m.put("attendees", s.attendeeIds());
		m.put("noticeNumber", s.noticeNumber());
		m.put("noticeIssuedOn", s.noticeIssuedOn() == null ? null : s.noticeIssuedOn().toString());
		return m;
	}

	private static Map<String, Object> snapshot(Item i) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("position", i.position());
		m.put("addressee", i.addressee());
		m.put("agencyIds", i.agencyIds());
		m.put("instruction", i.instruction());
		m.put("expectedOutput", i.expectedOutput());
		m.put("deadline", i.deadlinePhrase());
		m.put("dueDate", i.dueDate() == null ? null : i.dueDate().toString());
		m.put("reportBack", i.reportBack());
		m.put("problem", i.problem());
		m.put("taskId", i.taskId());
		return m;
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String nfc(String s) {
		if (s == null) {
			return null;
		}
		String t = VnText.nfc(s).strip();
		return t.isEmpty() ? null : t;
	}

	static String abbreviate(String s) {
		return s == null || s.length() <= 120 ? s : s.substring(0, 117) + "…";
	}
}
