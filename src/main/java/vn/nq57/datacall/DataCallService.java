package vn.nq57.datacall;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;
import vn.nq57.datacall.DataCall.CallInput;
import vn.nq57.datacall.DataCall.Question;
import vn.nq57.datacall.DataCall.QuestionInput;

/** Creating and running a call: its document, questions, targets, opening, closing, reopening and copying. */
@Service
public class DataCallService {

	static final String ENTITY = "DATA_CALL";

	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final AppClock clock;
	private final AgencyDirectory agencies;
	private final DataCallAccess access;

	DataCallService(JdbcTemplate jdbc, AuditLog audit, AppClock clock, AgencyDirectory agencies, DataCallAccess access) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.agencies = agencies;
		this.access = access;
	}

	static final RowMapper<DataCall> CALL = (rs, i) -> new DataCall(rs.getLong("id"), rs.getString("title"),
			rs.getInt("year"), rs.getString("request_number"), rs.getObject("request_date", LocalDate.class),
			rs.getString("request_issuer"), rs.getString("request_subject"), rs.getObject("due_date", LocalDate.class),
			CallState.valueOf(rs.getString("state")), (Long) rs.getObject("copied_from"),
			rs.getTimestamp("consolidated_at") == null ? null : rs.getTimestamp("consolidated_at").toInstant(),
			rs.getLong("version"));

	static final RowMapper<Question> QUESTION = (rs, i) -> new Question(rs.getLong("id"), rs.getLong("call_id"),
			rs.getInt("position"), rs.getString("code"), rs.getString("section"), rs.getString("text"),
			QuestionKind.valueOf(rs.getString("kind")), rs.getString("unit"), rs.getString("choices"),
			rs.getBoolean("required"), rs.getString("prefill"));

	public DataCall get(long id) {
		return jdbc.query("SELECT * FROM data_call WHERE id = ?", CALL, id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Không có đợt báo cáo đột xuất số " + id));
	}

	public List<Question> questions(long callId) {
		return jdbc.query("SELECT * FROM data_call_question WHERE call_id = ? ORDER BY position, id", QUESTION, callId);
	}

	/** Calls the user may see: every call for the province's roles; the calls addressed to their agency otherwise. */
	public List<DataCall> visible(CurrentUser user) {
		if (user.seesEveryAgency()) {
			return jdbc.query("SELECT * FROM data_call ORDER BY due_date DESC, id DESC LIMIT 500", CALL);
		}
		return jdbc.query("""
				SELECT c.* FROM data_call c JOIN data_call_target t ON t.call_id = c.id AND t.agency_id = ?
				WHERE c.state <> 'DRAFT' ORDER BY c.due_date DESC, c.id DESC LIMIT 500""", CALL, user.agencyId());
	}

	public boolean targets(long callId, long agencyId) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM data_call_target WHERE call_id = ? AND agency_id = ?)", Boolean.class,
				callId, agencyId));
	}

	@Transactional
	public long create(CallInput in) {
		return create(in, new FieldErrors());
	}

	/**
	 * A new call, every field checked at once: the problems found already (a date that cannot be read) and the
	 * rules' are refused together ({@link vn.nq57.system.FieldsRefused}), each on its field.
	 */
	@Transactional
	public long create(CallInput in, FieldErrors problems) {
		access.requireManage();
		CallInput c = checked(in, problems);
		CurrentUser u = AccessPolicy.current();
		Long id = jdbc.queryForObject("""
				INSERT INTO data_call(title, year, request_number, request_date, request_issuer, request_subject, due_date,
				                      state, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""", Long.class, c.title(), c.year(),
				c.requestNumber(), c.requestDate(), c.requestIssuer(), c.requestSubject(), c.dueDate(), u.id(),
				Timestamp.from(clock.now()));
		audit.change("DATA_CALL_CREATED", ENTITY, id, null, "Tạo đợt báo cáo đột xuất “" + c.title() + "”", null,
				describe(c));
		return id;
	}

	@Transactional
	public void update(long id, CallInput in, Long version) {
		update(id, in, version, new FieldErrors());
	}

	@Transactional
	public void update(long id, CallInput in, Long version, FieldErrors problems) {
		access.requireManage();
		DataCall before = lockVersion(id, version);
		CallInput c = checked(in, problems);
		jdbc.update("""
				UPDATE data_call SET title = ?, year = ?, request_number = ?, request_date = ?, request_issuer = ?,
				       request_subject = ?, due_date = ?, version = version + 1 WHERE id = ?""", c.title(), c.year(),
				c.requestNumber(), c.requestDate(), c.requestIssuer(), c.requestSubject(), c.dueDate(), id);
		audit.change("DATA_CALL_UPDATED", ENTITY, id, null, "Sửa đợt báo cáo “" + c.title() + "”",
				describe(new CallInput(before.title(), before.year(), before.requestNumber(), before.requestDate(),
						before.requestIssuer(), before.requestSubject(), before.dueDate())), describe(c));
	}

	private static Map<String, Object> describe(CallInput c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("title", c.title());
		m.put("year", c.year());
		m.put("requestNumber", c.requestNumber());
		m.put("requestDate", c.requestDate() == null ? null : c.requestDate().toString());
		m.put("requestIssuer", c.requestIssuer());
		m.put("dueDate", c.dueDate() == null ? null : c.dueDate().toString());
		return m;
	}

	/** Every field of a call checked, each problem noted beside its field; refused with all of them. */
	private CallInput checked(CallInput in, FieldErrors f) {
		String title = f.check("title", () -> {
			String t = trim(in.title());
			if (t == null) {
				throw new DomainException("Tên đợt báo cáo không được để trống");
			}
			if (t.length() > 500) {
				throw new DomainException("Tên đợt báo cáo dài quá 500 ký tự");
			}
			return safe("Tên đợt báo cáo", t);
		});
		String number = f.check("requestNumber", () -> safe("Số công văn", longest("Số công văn", trim(in.requestNumber()), 100)));
		String issuer = f.check("requestIssuer", () -> safe("Cơ quan đề nghị", longest("Cơ quan đề nghị", trim(in.requestIssuer()), 300)));
		String subject = f.check("requestSubject", () -> safe("Nội dung “Về việc”", longest("Nội dung “Về việc”", trim(in.requestSubject()), 1000)));
		if (!f.has("dueDate")) {
			f.check("dueDate", () -> {
				if (in.dueDate() == null) {
					throw new DomainException("Chưa có hạn gửi báo cáo (dd/MM/yyyy)");
				}
				if (in.requestDate() != null && in.dueDate().isBefore(in.requestDate())) {
					throw new DomainException("Hạn gửi báo cáo không thể trước ngày của công văn đề nghị");
				}
				return in.dueDate();
			});
		}
		f.refuseIfAny();
		int year = in.year() != null ? in.year() : in.dueDate().getYear();
		return new CallInput(title, year, number, in.requestDate(), issuer, subject, in.dueDate());
	}

	private static String longest(String what, String value, int max) {
		if (value != null && value.length() > max) {
			throw new DomainException(what + " dài quá " + max + " ký tự");
		}
		return value;
	}

	private static String safe(String what, String value) {
		if (!vn.nq57.system.TextRules.isSafe(value)) {
			throw new DomainException(what + " " + vn.nq57.system.TextRules.MESSAGE);
		}
		return value;
	}

	static String trim(String s) {
		return s == null || s.isBlank() ? null : vn.nq57.kernel.VnText.nfc(s.strip());
	}

	/** The call at the version the user saw; 409 when someone changed it since. Locks the row. */
	DataCall lockVersion(long id, Long version) {
		DataCall c = jdbc.query("SELECT * FROM data_call WHERE id = ? FOR UPDATE", CALL, id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Không có đợt báo cáo đột xuất số " + id));
		if (version != null && version != c.version()) {
			throw new ConcurrentEditException("đợt báo cáo");
		}
		return c;
	}

	// ----- questions -----

	@Transactional
	public long addQuestion(long callId, QuestionInput in, Long version) {
		access.requireManage();
		DataCall c = lockVersion(callId, version);
		requireNotConsolidated(c);
		// the one-question form: every field checked at once, each problem beside its field
		FieldErrors f = new FieldErrors();
		Set<String> codes = new LinkedHashSet<>();
		questions(c.id()).forEach(q -> codes.add(q.code().toUpperCase()));
		f.check("code", () -> {
			String code = trim(in.code());
			if (code != null && code.length() > 30) {
				throw new DomainException("Mã câu hỏi dài quá 30 ký tự");
			}
			if (code != null && codes.contains(code.toUpperCase())) {
				throw new DomainException("Mã câu hỏi “" + code + "” đã có trong đợt báo cáo");
			}
			return safe("Mã câu hỏi", code);
		});
		f.check("section", () -> safe("Mục", longest("Mục", trim(in.section()), 300)));
		f.check("text", () -> {
			String text = trim(in.text());
			if (text == null) {
				throw new DomainException("Nội dung câu hỏi không được để trống");
			}
			return safe("Nội dung câu hỏi", longest("Nội dung câu hỏi", text, 2000));
		});
		f.check("kind", () -> {
			if (in.kind() == null) {
				throw new DomainException("Chưa chọn loại câu hỏi (Số, Tỷ lệ, Văn bản, Có/Không, Lựa chọn, Tệp, Số liệu theo từng xã)");
			}
			return in.kind();
		});
		f.check("unit", () -> safe("Đơn vị tính", longest("Đơn vị tính", trim(in.unit()), 50)));
		f.check("choices", () -> {
			if (in.kind() == QuestionKind.CHOICE && new Question(0, 0, 0, "1", null, "?", in.kind(), null, in.choices(),
					false, null).choiceList().size() < 2) {
				throw new DomainException("Câu hỏi lựa chọn cần ít nhất hai phương án (mỗi dòng một phương án)");
			}
			return safe("Phương án", in.choices());
		});
		f.check("prefill", () -> {
			String prefill = trim(in.prefill());
			if (prefill != null && !Prefill.valid(prefill)) {
				throw new DomainException("Nguồn điền sẵn “" + prefill + "” không hợp lệ (INDICATOR:mã chỉ số, TASKS_DONE, TASKS_OVERDUE, TASKS_TOTAL)");
			}
			return prefill;
		});
		f.refuseIfAny();
		List<Long> ids = addQuestions(c, List.of(in));
		return ids.get(0);
	}

	/** Adds many questions at once (an Excel template), all or nothing. */
	@Transactional
	public List<Long> addQuestions(long callId, List<QuestionInput> in, Long version) {
		access.requireManage();
		DataCall c = lockVersion(callId, version);
		requireNotConsolidated(c);
		return addQuestions(c, in);
	}

	private List<Long> addQuestions(DataCall c, List<QuestionInput> in) {
		List<Question> existing = questions(c.id());
		Set<String> codes = new LinkedHashSet<>();
		existing.forEach(q -> codes.add(q.code().toUpperCase()));
		int position = existing.stream().mapToInt(Question::position).max().orElse(0);
		List<String> errors = new ArrayList<>();
		List<QuestionInput> ok = new ArrayList<>();
		int n = 0;
		for (QuestionInput q : in) {
			n++;
			String where = in.size() > 1 ? "Câu " + n + ": " : "";
			String text = trim(q.text());
			if (text == null) {
				errors.add(where + "nội dung câu hỏi không được để trống");
				continue;
			}
			if (q.kind() == null) {
				errors.add(where + "chưa chọn loại câu hỏi (Số, Tỷ lệ, Văn bản, Có/Không, Lựa chọn, Tệp, Số liệu theo từng xã)");
				continue;
			}
			String code = trim(q.code());
			if (code == null) {
				code = String.valueOf(position + ok.size() + 1);
			}
			if (code.length() > 30) {
				errors.add(where + "mã câu hỏi dài quá 30 ký tự");
				continue;
			}
			if (!codes.add(code.toUpperCase())) {
				errors.add(where + "mã câu hỏi “" + code + "” đã có trong đợt báo cáo");
				continue;
			}
			if (q.kind() == QuestionKind.CHOICE && new Question(0, 0, 0, code, null, text, q.kind(), null, q.choices(),
					false, null).choiceList().size() < 2) {
				errors.add(where + "câu hỏi lựa chọn cần ít nhất hai phương án (mỗi dòng một phương án)");
				continue;
			}
			String prefill = trim(q.prefill());
			if (prefill != null && !Prefill.valid(prefill)) {
				errors.add(where + "nguồn điền sẵn “" + prefill + "” không hợp lệ (INDICATOR:mã chỉ số, TASKS_DONE, TASKS_OVERDUE, TASKS_TOTAL)");
				continue;
			}
			ok.add(new QuestionInput(code, trim(q.section()), text, q.kind(), trim(q.unit()), trim(q.choices()),
					q.required(), prefill));
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors));
		}
		List<Long> ids = new ArrayList<>();
		List<AuditLog.Change> changes = new ArrayList<>();
		for (QuestionInput q : ok) {
			position++;
			Long id = jdbc.queryForObject("""
					INSERT INTO data_call_question(call_id, position, code, section, text, kind, unit, choices, required, prefill)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, c.id(), position, q.code(),
					q.section(), q.text(), q.kind().name(), q.unit(), q.choices(), q.required(), q.prefill());
			ids.add(id);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("code", q.code());
			after.put("text", q.text());
			after.put("kind", q.kind().name());
			after.put("unit", q.unit());
			changes.add(new AuditLog.Change("DATA_CALL_QUESTION_ADDED", ENTITY, c.id(), null,
					"Thêm câu hỏi " + q.code() + " vào đợt báo cáo “" + c.title() + "”", null, after));
		}
		audit.changes(changes);
		bump(c.id());
		return ids;
	}

	@Transactional
	public void removeQuestion(long callId, long questionId, Long version) {
		access.requireManage();
		DataCall c = lockVersion(callId, version);
		if (c.state() != CallState.DRAFT) {
			throw new DomainException("Chỉ xóa được câu hỏi khi đợt báo cáo còn đang soạn (chưa gửi cho cơ quan)");
		}
		Question q = questions(callId).stream().filter(x -> x.id() == questionId).findFirst()
			.orElseThrow(() -> new NotFoundException("Không có câu hỏi này trong đợt báo cáo"));
		jdbc.update("DELETE FROM data_call_question WHERE id = ?", questionId);
		audit.change("DATA_CALL_QUESTION_REMOVED", ENTITY, callId, null, "Xóa câu hỏi " + q.code(),
				Map.of("code", q.code(), "text", q.text()), null);
		bump(callId);
	}

	private void bump(long callId) {
		jdbc.update("UPDATE data_call SET version = version + 1 WHERE id = ?", callId);
	}

	private static void requireNotConsolidated(DataCall c) {
		if (c.state() == CallState.CONSOLIDATED) {
			throw new DomainException("Đợt báo cáo đã được tổng hợp; không thêm câu hỏi được nữa");
		}
	}

	// ----- targets -----

	/**
	 * Sets the agencies asked: any set, collectives standing for their members (fan-out as for tasks). Answers of
	 * agencies no longer asked are kept but no longer counted.
	 */
	@Transactional
	public int setTargets(long callId, List<Long> chosen, Long version) {
		access.requireManage();
		DataCall c = lockVersion(callId, version);
		if (c.state() == CallState.CONSOLIDATED) {
			throw new DomainException("Đợt báo cáo đã được tổng hợp; không đổi được cơ quan được đề nghị báo cáo");
		}
		if (chosen == null || chosen.isEmpty()) {
			throw new DomainException("Chưa chọn cơ quan, đơn vị nào được đề nghị báo cáo");
		}
		Set<Long> ids = new LinkedHashSet<>(chosen);
		for (Long id : ids) {
			agencies.find(id).orElseThrow(() -> new DomainException("Không có cơ quan, đơn vị số " + id));
		}
		Map<Long, Long> fan = agencies.fanOut(ids);
		List<Long> before = jdbc.queryForList("SELECT agency_id FROM data_call_target_choice WHERE call_id = ?",
				Long.class, callId);
		jdbc.update("DELETE FROM data_call_target_choice WHERE call_id = ?", callId);
		jdbc.update("DELETE FROM data_call_target WHERE call_id = ?", callId);
		jdbc.batchUpdate("INSERT INTO data_call_target_choice(call_id, agency_id) VALUES (?, ?)",
				ids.stream().map(a -> new Object[] { callId, a }).toList());
		jdbc.batchUpdate("INSERT INTO data_call_target(call_id, agency_id, via_agency_id) VALUES (?, ?, ?)",
				fan.entrySet().stream().map(e -> new Object[] { callId, e.getKey(), e.getValue() }).toList());
		audit.change("DATA_CALL_TARGETS", ENTITY, callId, null,
				"Cơ quan được đề nghị báo cáo: " + fan.size() + " cơ quan, đơn vị", Map.of("chosen", before),
				Map.of("chosen", List.copyOf(ids), "agencies", fan.size()));
		bump(callId);
		return fan.size();
	}

	public List<Long> chosenTargets(long callId) {
		return jdbc.queryForList("SELECT agency_id FROM data_call_target_choice WHERE call_id = ? ORDER BY agency_id",
				Long.class, callId);
	}

	public int targetCount(long callId) {
		Integer n = jdbc.queryForObject("SELECT count(*) FROM data_call_target WHERE call_id = ?", Integer.class, callId);
		return n == null ? 0 : n;
	}

	// ----- lifecycle -----

	@Transactional
	public void open(long id, Long version) {
		access.requireManage();
		DataCall c = lockVersion(id, version);
		if (c.state() != CallState.DRAFT) {
			throw new DomainException("Đợt báo cáo đã được gửi cho các cơ quan");
		}
		if (questions(id).isEmpty()) {
			throw new DomainException("Đợt báo cáo chưa có câu hỏi nào");
		}
		if (targetCount(id) == 0) {
			throw new DomainException("Chưa chọn cơ quan, đơn vị nào được đề nghị báo cáo");
		}
		jdbc.update("UPDATE data_call SET state = 'OPEN', opened_at = ?, version = version + 1 WHERE id = ?",
				Timestamp.from(clock.now()), id);
		audit.change("DATA_CALL_OPENED", ENTITY, id, null, "Gửi đề nghị báo cáo “" + c.title() + "” cho các cơ quan",
				Map.of("state", c.state().name()), Map.of("state", "OPEN"));
	}

	@Transactional
	public void close(long id, Long version) {
		access.requireManage();
		DataCall c = lockVersion(id, version);
		if (c.state() != CallState.OPEN) {
			throw new DomainException("Chỉ đóng được đợt báo cáo đang nhận trả lời");
		}
		jdbc.update("UPDATE data_call SET state = 'CLOSED', closed_at = ?, version = version + 1 WHERE id = ?",
				Timestamp.from(clock.now()), id);
		audit.change("DATA_CALL_CLOSED", ENTITY, id, null, "Đóng đợt báo cáo “" + c.title() + "”",
				Map.of("state", c.state().name()), Map.of("state", "CLOSED"));
	}

	/** DoST lets agencies answer again after closing (or consolidating); audited with the reason. */
	@Transactional
	public void reopen(long id, String reason, Long version) {
		access.requireManage();
		DataCall c = lockVersion(id, version);
		if (c.state() != CallState.CLOSED && c.state() != CallState.CONSOLIDATED) {
			throw new DomainException("Đợt báo cáo đang mở; không cần mở lại");
		}
		String why = trim(reason);
		if (why == null) {
			// beside the reason field
			throw new vn.nq57.system.FieldsRefused("Hãy ghi lý do mở lại đợt báo cáo",
					new FieldErrors().reject("reason", "Hãy ghi lý do mở lại đợt báo cáo"));
		}
		jdbc.update("UPDATE data_call SET state = 'OPEN', version = version + 1 WHERE id = ?", id);
		audit.change("DATA_CALL_REOPENED", ENTITY, id, null, "Mở lại đợt báo cáo “" + c.title() + "”: " + why,
				Map.of("state", c.state().name()), Map.of("state", "OPEN", "reason", why));
	}

	@Transactional
	public void markConsolidated(long id, Long version) {
		access.requireManage();
		DataCall c = lockVersion(id, version);
		if (c.state() == CallState.DRAFT) {
			throw new DomainException("Đợt báo cáo chưa được gửi cho các cơ quan");
		}
		jdbc.update("UPDATE data_call SET state = 'CONSOLIDATED', consolidated_at = ?, closed_at = coalesce(closed_at, ?), "
				+ "version = version + 1 WHERE id = ?", Timestamp.from(clock.now()), Timestamp.from(clock.now()), id);
		audit.change("DATA_CALL_CONSOLIDATED", ENTITY, id, null, "Tổng hợp đợt báo cáo “" + c.title() + "”",
				Map.of("state", c.state().name()), Map.of("state", "CONSOLIDATED"));
	}

	/**
	 * A copy for the next year: same questions and targets, the year in the title moved on, dates a year later, a
	 * draft with no answers.
	 */
	@Transactional
	public long copyForNextYear(long id) {
		access.requireManage();
		DataCall c = get(id);
		int year = c.year() + 1;
		String title = c.title().replace(String.valueOf(c.year()), String.valueOf(year));
		if (title.equals(c.title())) {
			title = c.title() + " (năm " + year + ")";
		}
		LocalDate due = c.dueDate().plusYears(1);
		Long copy = jdbc.queryForObject("""
				INSERT INTO data_call(title, year, request_number, request_date, request_issuer, request_subject, due_date,
				                      state, copied_from, created_by, created_at)
				VALUES (?, ?, NULL, NULL, ?, ?, ?, 'DRAFT', ?, ?, ?) RETURNING id""", Long.class, title, year,
				c.requestIssuer(), c.requestSubject(), due, id, AccessPolicy.current().id(), Timestamp.from(clock.now()));
		jdbc.update("""
				INSERT INTO data_call_question(call_id, position, code, section, text, kind, unit, choices, required, prefill)
				SELECT ?, position, code, section, text, kind, unit, choices, required, prefill
				FROM data_call_question WHERE call_id = ?""", copy, id);
		jdbc.update("INSERT INTO data_call_target_choice(call_id, agency_id) SELECT ?, agency_id FROM data_call_target_choice WHERE call_id = ?", copy, id);
		jdbc.update("INSERT INTO data_call_target(call_id, agency_id, via_agency_id) SELECT ?, agency_id, via_agency_id FROM data_call_target WHERE call_id = ?", copy, id);
		audit.change("DATA_CALL_COPIED", ENTITY, copy, null, "Sao chép đợt báo cáo “" + c.title() + "” cho năm " + year,
				Map.of("from", id), Map.of("title", title, "year", year, "dueDate", due.toString()));
		return copy;
	}

	/** Agencies a picker offers: collectives first, then every active agency. */
	public List<AgencyDirectory.AgencyRef> pickable() {
		return agencies.active();
	}

	public Agency agency(long id) {
		return agencies.get(id);
	}
}
