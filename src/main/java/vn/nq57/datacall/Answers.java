package vn.nq57.datacall;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.TypedNumbers;
import vn.nq57.datacall.DataCall.Question;

/**
 * An agency's answers to a call: saved as a draft or sent, each checked against its question's kind; one bad
 * answer refuses the whole save with the reasons, nothing changed. Sending after the due date is late; after DoST
 * closed the call it is refused until DoST reopens it.
 */
@Service
public class Answers {

	/** Decimals an answer may carry. */
	private static final int DECIMALS = 4;

	static final String ENTITY = "DATA_CALL_RESPONSE";

	/** What was typed for one question (strings as typed; the commune table by commune id). */
	public record Input(String value, String numerator, String denominator, Map<Long, String> communes,
			String sourceNote, Long fileId) {

		public static Input of(String value) {
			return new Input(value, null, null, Map.of(), null, null);
		}

		public static Input ratio(String numerator, String denominator) {
			return new Input(null, numerator, denominator, Map.of(), null, null);
		}

		boolean blank() {
			return isBlank(value) && isBlank(numerator) && isBlank(denominator) && fileId == null
					&& (communes == null || communes.values().stream().allMatch(Answers::isBlank));
		}
	}

	/** A stored answer. */
	public record Answer(long questionId, BigDecimal number, BigDecimal numerator, BigDecimal denominator, String text,
			Boolean yes, Long fileId, String sourceNote, Map<Long, BigDecimal> communes) {
	}

	/** An agency's response to a call. */
	public record Response(long id, long callId, long agencyId, String state, Instant submittedAt, LocalDate submittedOn,
			long version) {
		public boolean submitted() {
			return "SUBMITTED".equals(state);
		}
	}

	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final AppClock clock;
	private final DataCallService calls;
	private final DataCallAccess access;
	private final Prefill prefill;

	Answers(JdbcTemplate jdbc, AuditLog audit, AppClock clock, DataCallService calls, DataCallAccess access, Prefill prefill) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.calls = calls;
		this.access = access;
		this.prefill = prefill;
	}

	static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	public Response response(long callId, long agencyId) {
		return jdbc.query("SELECT * FROM data_call_response WHERE call_id = ? AND agency_id = ?",
				(rs, i) -> new Response(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("agency_id"),
						rs.getString("state"),
						rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
						rs.getObject("submitted_on", LocalDate.class), rs.getLong("version")),
				callId, agencyId).stream().findFirst().orElse(null);
	}

	/** The answers of one agency, by question id; the caller must have checked the reader's right. */
	public Map<Long, Answer> answers(long responseId) {
		Map<Long, Map<Long, BigDecimal>> communes = new HashMap<>();
		jdbc.query("SELECT question_id, commune_id, value FROM data_call_commune_value WHERE response_id = ?", rs -> {
			communes.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getBigDecimal(3));
		}, responseId);
		Map<Long, Answer> out = new LinkedHashMap<>();
		jdbc.query("SELECT * FROM data_call_answer WHERE response_id = ?", rs -> {
			long q = rs.getLong("question_id");
			out.put(q, new Answer(q, rs.getBigDecimal("num_value"), rs.getBigDecimal("numerator"),
					rs.getBigDecimal("denominator"), rs.getString("text_value"), (Boolean) rs.getObject("bool_value"),
					(Long) rs.getObject("file_id"), rs.getString("source_note"), communes.getOrDefault(q, Map.of())));
		}, responseId);
		communes.forEach((q, m) -> out.putIfAbsent(q, new Answer(q, null, null, null, null, null, null, null, m)));
		return out;
	}

	/** Reads an agency's answers with the reader's right checked (own agency, or the province's roles). */
	public Map<Long, Answer> answersOf(long callId, long agencyId) {
		access.requireReadResponse(callId, agencyId);
		Response r = response(callId, agencyId);
		return r == null ? Map.of() : answers(r.id());
	}

	/**
	 * Saves (and with {@code submit} sends) the answers typed for the questions in {@code typed}; questions not in
	 * the map keep their answers. {@code version} is the response's version the user saw (409 when stale).
	 */
	@Transactional
	public Response save(long callId, long agencyId, Map<Long, Input> typed, Long version, boolean submit) {
		access.requireAnswerFor(callId, agencyId);
		DataCall call = calls.lockVersion(callId, null);
		if (!calls.targets(callId, agencyId)) {
			throw new DomainException("Cơ quan của bạn không thuộc danh sách được đề nghị báo cáo trong đợt này");
		}
		requireOpen(call);
		List<Question> questions = calls.questions(callId);
		Map<Long, Question> byId = new HashMap<>();
		questions.forEach(q -> byId.put(q.id(), q));
		Map<Long, Checked> checked = new LinkedHashMap<>();
		// every answer checked at once, each problem beside its question (field q<id>)
		vn.nq57.system.FieldErrors errors = new vn.nq57.system.FieldErrors();
		for (var e : typed.entrySet()) {
			Question q = byId.get(e.getKey());
			if (q == null) {
				errors.reject("q" + e.getKey(), "Câu hỏi số " + e.getKey() + " không thuộc đợt báo cáo này");
				continue;
			}
			Checked k = errors.check("q" + q.id(), () -> check(q, e.getValue()));
			if (k != null) {
				checked.put(q.id(), k);
			}
		}
		errors.refuseIfAny();
		Response r = response(callId, agencyId);
		if (r != null && version != null && version != r.version()) {
			throw new ConcurrentEditException("bản trả lời");
		}
		if (r == null) {
			jdbc.update("INSERT INTO data_call_response(call_id, agency_id, state, updated_at) VALUES (?, ?, 'DRAFT', ?) "
					+ "ON CONFLICT (call_id, agency_id) DO NOTHING", callId, agencyId, Timestamp.from(clock.now()));
			r = response(callId, agencyId);
			if (version != null && version != 0 && version != r.version()) {
				throw new ConcurrentEditException("bản trả lời");
			}
		}
		Map<Long, Answer> before = answers(r.id());
		CurrentUser u = AccessPolicy.current();
		for (var e : checked.entrySet()) {
			write(r.id(), e.getKey(), e.getValue());
		}
		if (submit) {
			Map<Long, Answer> now = answers(r.id());
			List<String> missing = questions.stream().filter(Question::required)
				.filter(q -> !answered(q, now.get(q.id()))).map(q -> "câu " + q.code()).toList();
			if (!missing.isEmpty()) {
				vn.nq57.system.FieldErrors unanswered = new vn.nq57.system.FieldErrors();
				questions.stream().filter(Question::required).filter(q -> !answered(q, now.get(q.id())))
					.forEach(q -> unanswered.reject("q" + q.id(), "Câu bắt buộc, chưa trả lời; bản trả lời chưa được gửi"));
				throw new vn.nq57.system.FieldsRefused("Chưa trả lời các câu bắt buộc: " + String.join(", ", missing)
						+ ". Bản trả lời chưa được gửi", unanswered);
			}
		}
		int updated = jdbc.update("""
				UPDATE data_call_response SET updated_at = ?, updated_by = ?, version = version + 1,
				       state = CASE WHEN ? THEN 'SUBMITTED' ELSE state END,
				       submitted_at = CASE WHEN ? THEN ? ELSE submitted_at END,
				       submitted_on = CASE WHEN ? THEN ? ELSE submitted_on END,
				       submitted_by = CASE WHEN ? THEN ? ELSE submitted_by END
				WHERE id = ? AND version = ?""", Timestamp.from(clock.now()), u.id(), submit, submit,
				Timestamp.from(clock.now()), submit, clock.today(), submit, u.id(), r.id(), r.version());
		if (updated == 0) {
			throw new ConcurrentEditException("bản trả lời");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		checked.forEach((q, c) -> after.put(byId.get(q).code(), c.describe()));
		Map<String, Object> was = new LinkedHashMap<>();
		checked.keySet().forEach(q -> {
			Answer a = before.get(q);
			was.put(byId.get(q).code(), a == null ? null : describe(a));
		});
		boolean late = submit && clock.today().isAfter(call.dueDate());
		audit.change(submit ? "DATA_CALL_SUBMITTED" : "DATA_CALL_ANSWERED", ENTITY, r.id(), null,
				(submit ? "Gửi trả lời" + (late ? " (muộn)" : "") : "Lưu trả lời") + " đợt “" + call.title() + "” của "
						+ calls.agency(agencyId).getName(), was, after);
		return response(callId, agencyId);
	}

	static void requireOpen(DataCall call) {
		if (call.state() == CallState.DRAFT) {
			throw new DomainException("Đợt báo cáo chưa được gửi cho các cơ quan");
		}
		if (call.state() != CallState.OPEN) {
			throw new DomainException("Đợt báo cáo “" + call.title() + "” đã "
					+ (call.state() == CallState.CONSOLIDATED ? "được tổng hợp" : "đóng")
					+ "; không nhận thêm trả lời. Nếu cần bổ sung, đề nghị Sở Khoa học và Công nghệ mở lại đợt báo cáo");
		}
	}

	static boolean answered(Question q, Answer a) {
		if (a == null) {
			return false;
		}
		return switch (q.kind()) {
			case NUMBER -> a.number() != null;
			case PERCENT -> a.denominator() != null || a.number() != null;
			case TEXT, CHOICE -> a.text() != null && !a.text().isBlank();
			case YES_NO -> a.yes() != null;
			case FILE -> a.fileId() != null;
			case PER_COMMUNE -> !a.communes().isEmpty();
		};
	}

	private static Map<String, Object> describe(Answer a) {
		Map<String, Object> m = new LinkedHashMap<>();
		put(m, "value", a.number());
		put(m, "numerator", a.numerator());
		put(m, "denominator", a.denominator());
		put(m, "text", a.text());
		put(m, "yes", a.yes());
		put(m, "file", a.fileId());
		if (!a.communes().isEmpty()) {
			m.put("communes", a.communes().size());
		}
		return m;
	}

	private static void put(Map<String, Object> m, String k, Object v) {
		if (v != null) {
			m.put(k, v instanceof BigDecimal b ? b.toPlainString() : v);
		}
	}

	/** One answer after its checks, ready to store ({@code clear}: the field was emptied). */
	record Checked(boolean clear, BigDecimal number, BigDecimal numerator, BigDecimal denominator, String text,
			Boolean yes, Long fileId, String sourceNote, Map<Long, BigDecimal> communes) {
		Map<String, Object> describe() {
			return clear ? Map.of("cleared", true)
					: Answers.describe(new Answer(0, number, numerator, denominator, text, yes, fileId, sourceNote,
							communes == null ? Map.of() : communes));
		}
	}

	Checked check(Question q, Input in) {
		String field = "Câu " + q.code();
		if (in == null || in.blank()) {
			return new Checked(true, null, null, null, null, null, null, null, null);
		}
		String source = DataCallService.trim(in.sourceNote());
		if (source != null && source.length() > 500) {
			source = source.substring(0, 500);
		}
		switch (q.kind()) {
			case NUMBER -> {
				BigDecimal v = TypedNumbers.parse(in.value(), field, DECIMALS);
				if (v != null && v.signum() < 0) {
					throw new DomainException(field + ": số liệu không được âm");
				}
				return new Checked(v == null, v, null, null, null, null, null, source, null);
			}
			case PERCENT -> {
				BigDecimal num = TypedNumbers.parse(in.numerator(), field + " (tử số)", DECIMALS);
				BigDecimal den = TypedNumbers.parse(in.denominator(), field + " (mẫu số)", DECIMALS);
				BigDecimal pct = TypedNumbers.parse(in.value(), field + " (tỷ lệ)", DECIMALS);
				if (num == null && den == null) {
					if (pct == null) {
						return new Checked(true, null, null, null, null, null, null, null, null);
					}
					if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
						throw new DomainException(field + ": tỷ lệ " + vn.nq57.kernel.VnFormat.decimal(pct, 2)
								+ "% không hợp lệ; tỷ lệ phải từ 0 đến 100%");
					}
					return new Checked(false, pct, null, null, null, null, null, source, null);
				}
				if (num == null || den == null) {
					throw new DomainException(field + ": tỷ lệ cần cả tử số và mẫu số");
				}
				if (num.signum() < 0 || den.signum() <= 0) {
					throw new DomainException(field + ": mẫu số phải lớn hơn 0 và tử số không được âm");
				}
				if (num.compareTo(den) > 0) {
					throw new DomainException(field + ": tử số (" + vn.nq57.kernel.VnFormat.compact(num, 4)
							+ ") lớn hơn mẫu số (" + vn.nq57.kernel.VnFormat.compact(den, 4) + "); tỷ lệ không thể vượt 100%");
				}
				BigDecimal rate = num.multiply(BigDecimal.valueOf(100)).divide(den, 4, java.math.RoundingMode.HALF_UP);
				if (pct != null && pct.subtract(rate).abs().compareTo(new BigDecimal("0.01")) > 0) {
					throw new DomainException(field + ": tỷ lệ ghi " + vn.nq57.kernel.VnFormat.decimal(pct, 2)
							+ "% không khớp với tử số/mẫu số (" + vn.nq57.kernel.VnFormat.decimal(rate, 2) + "%)");
				}
				return new Checked(false, rate, num, den, null, null, null, source, null);
			}
			case TEXT -> {
				String t = DataCallService.trim(in.value());
				if (t != null && t.length() > 4000) {
					throw new DomainException(field + ": nội dung dài quá 4.000 ký tự");
				}
				return new Checked(t == null, null, null, null, t, null, null, source, null);
			}
			case YES_NO -> {
				String t = VnText.fold(in.value() == null ? "" : in.value()).strip();
				Boolean yes = switch (t) {
					case "co", "yes", "true", "1", "x", "c", "da co" -> true;
					case "khong", "no", "false", "0", "k", "chua", "chua co" -> false;
					default -> null;
				};
				if (yes == null) {
					throw new DomainException(field + ": “" + in.value().strip() + "” không phải Có hoặc Không");
				}
				return new Checked(false, null, null, null, null, yes, null, source, null);
			}
			case CHOICE -> {
				String t = VnText.fold(in.value()).strip();
				String chosen = q.choiceList().stream().filter(c -> VnText.fold(c).strip().equals(t)).findFirst()
					.orElseThrow(() -> new DomainException(field + ": “" + in.value().strip()
							+ "” không phải một trong các phương án: " + String.join("; ", q.choiceList())));
				return new Checked(false, null, null, null, chosen, null, null, source, null);
			}
			case FILE -> {
				if (in.fileId() == null) {
					throw new DomainException(field + ": hãy chọn tệp đính kèm");
				}
				return new Checked(false, null, null, null, null, null, in.fileId(), source, null);
			}
			case PER_COMMUNE -> {
				Map<Long, BigDecimal> m = new LinkedHashMap<>();
				List<Long> communes = in.communes() == null ? List.of() : List.copyOf(in.communes().keySet());
				Map<Long, String> names = communeNames(communes);
				for (var e : in.communes().entrySet()) {
					if (isBlank(e.getValue())) {
						continue;
					}
					String name = names.get(e.getKey());
					if (name == null) {
						throw new DomainException(field + ": cơ quan số " + e.getKey() + " không phải xã, phường, đặc khu");
					}
					BigDecimal v = TypedNumbers.parse(e.getValue(), field + " – " + name, DECIMALS);
					if (v.signum() < 0) {
						throw new DomainException(field + " – " + name + ": số liệu không được âm");
					}
					m.put(e.getKey(), v);
				}
				return new Checked(m.isEmpty(), null, null, null, null, null, null, source, m);
			}
		}
		throw new IllegalStateException();
	}

	private Map<Long, String> communeNames(List<Long> ids) {
		Map<Long, String> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.query("SELECT id, name FROM agency_view WHERE kind = 'COMMUNE' AND id = ANY (?)",
				rs -> {
					out.put(rs.getLong(1), rs.getString(2));
				}, (Object) ids.toArray(Long[]::new));
		return out;
	}

	private void write(long responseId, long questionId, Checked c) {
		jdbc.update("DELETE FROM data_call_commune_value WHERE response_id = ? AND question_id = ?", responseId, questionId);
		if (c.clear()) {
			jdbc.update("DELETE FROM data_call_answer WHERE response_id = ? AND question_id = ?", responseId, questionId);
			return;
		}
		jdbc.update("""
				INSERT INTO data_call_answer(response_id, question_id, num_value, numerator, denominator, text_value,
				                             bool_value, file_id, source_note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (response_id, question_id) DO UPDATE SET num_value = excluded.num_value,
				  numerator = excluded.numerator, denominator = excluded.denominator, text_value = excluded.text_value,
				  bool_value = excluded.bool_value, file_id = excluded.file_id, source_note = excluded.source_note""",
				responseId, questionId, c.number(), c.numerator(), c.denominator(), c.text(), c.yes(), c.fileId(),
				c.sourceNote());
		if (c.communes() != null && !c.communes().isEmpty()) {
			jdbc.batchUpdate("INSERT INTO data_call_commune_value(response_id, question_id, commune_id, value) VALUES (?, ?, ?, ?)",
					c.communes().entrySet().stream().map(e -> new Object[] { responseId, questionId, e.getKey(), e.getValue() })
						.toList());
		}
	}

	/** Suggested answers for the questions that name a source, for the agency; nothing is saved. */
	public Map<Long, Prefill.Suggestion> suggestions(long callId, long agencyId) {
		access.requireReadResponse(callId, agencyId);
		Map<Long, Prefill.Suggestion> out = new LinkedHashMap<>();
		for (Question q : calls.questions(callId)) {
			if (q.prefill() != null) {
				Prefill.Suggestion s = prefill.suggest(q.prefill(), agencyId);
				if (s != null) {
					out.put(q.id(), s);
				}
			}
		}
		return out;
	}

	/** Stores an uploaded attachment for a file question; the caller checked the agency's right. */
	@Transactional
	public long storeFile(long callId, Long agencyId, String purpose, String filename, String contentType, byte[] data) {
		return jdbc.queryForObject("""
				INSERT INTO data_call_file(call_id, agency_id, purpose, filename, content_type, size_bytes, data, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, callId, agencyId, purpose,
				filename.length() > 255 ? filename.substring(0, 255) : filename, contentType, (long) data.length, data,
				AccessPolicy.current().id(), Timestamp.from(clock.now()));
	}

	public record StoredFile(long id, long callId, Long agencyId, String filename, String contentType, byte[] data) {
	}

	public StoredFile file(long id) {
		return jdbc.query("SELECT id, call_id, agency_id, filename, content_type, data FROM data_call_file WHERE id = ?",
				(rs, i) -> new StoredFile(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4),
						rs.getString(5), rs.getBytes(6)), id).stream().findFirst()
			.orElseThrow(() -> new vn.nq57.system.NotFoundException("Không có tệp này"));
	}
}
