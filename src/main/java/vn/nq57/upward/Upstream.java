package vn.nq57.upward;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.Role;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * The national systems and the codes that local tasks, indicators and agencies carry in each. A code names one
 * local record per system and kind, and a local record has one code per system: a second use is refused.
 */
@Service
public class Upstream {

	static final String ENTITY = "UPSTREAM_CODE";

	public enum SubjectType {
		TASK("Nhiệm vụ"), INDICATOR("Chỉ tiêu, chỉ số"), AGENCY("Cơ quan, đơn vị");

		private final String label;

		SubjectType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record System(long id, String code, String name, String owner, String description, String pushUrl,
			boolean active, long version) {
	}

	public record Code(long id, long systemId, SubjectType type, long subjectId, String code, String centralName,
			String localName, long version) {
	}

	/** A local record that may be mapped: its id, its code in the system (if any), its name. */
	public record Subject(long id, String localCode, String name) {
	}

	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final AccessPolicy policy;

	Upstream(JdbcTemplate jdbc, AuditLog audit, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.policy = policy;
	}

	void requireRead() {
		policy.require(AccessPolicy.current().seesEveryAgency(), "UPSTREAM", null, "xem báo cáo lên hệ thống Trung ương");
	}

	void requireManage() {
		policy.require(AccessPolicy.current().is(Role.SECRETARIAT), "UPSTREAM", null, "quản lý mã và tệp gửi hệ thống Trung ương");
	}

	private static final org.springframework.jdbc.core.RowMapper<System> SYSTEM = (rs, i) -> new System(rs.getLong("id"),
			rs.getString("code"), rs.getString("name"), rs.getString("owner"), rs.getString("description"),
			rs.getString("push_url"), rs.getBoolean("active"), rs.getLong("version"));

	public List<System> systems() {
		return jdbc.query("SELECT * FROM upstream_system WHERE active ORDER BY position, id", SYSTEM);
	}

	public System system(String code) {
		return jdbc.query("SELECT * FROM upstream_system WHERE code = ?", SYSTEM, code).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Không có hệ thống Trung ương mã " + code));
	}

	/** Adds a national system to the list (the three default ones come with the installation). */
	@Transactional
	public long addSystem(String code, String name, String owner) {
		requireManage();
		// every field checked at once, each problem beside its field (code, name, owner)
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		String c = code == null ? "" : code.strip().toUpperCase();
		f.check("code", () -> {
			if (!c.matches("[A-Z0-9_]{2,30}")) {
				throw new DomainException("Mã hệ thống gồm 2–30 chữ in hoa, chữ số hoặc dấu gạch dưới");
			}
			if (!jdbc.queryForList("SELECT id FROM upstream_system WHERE code = ?", Long.class, c).isEmpty()) {
				throw new DomainException("Đã có hệ thống mã " + c);
			}
			return c;
		});
		f.check("name", () -> {
			if (name == null || name.isBlank()) {
				throw new DomainException("Tên hệ thống không được để trống");
			}
			if (name.strip().length() > 300) {
				throw new DomainException("Tên hệ thống tối đa 300 ký tự");
			}
			return requireSafe("Tên hệ thống", name);
		});
		String o = owner == null || owner.isBlank() ? null : owner.strip();
		f.check("owner", () -> {
			if (o != null && o.length() > 300) {
				throw new DomainException("Cơ quan quản lý tối đa 300 ký tự");
			}
			return requireSafe("Cơ quan quản lý", o);
		});
		f.refuseIfAny();
		Long id = jdbc.queryForObject("INSERT INTO upstream_system(code, name, owner, position) VALUES (?, ?, ?, "
				+ "(SELECT coalesce(max(position), 0) + 1 FROM upstream_system)) RETURNING id", Long.class, c, name.strip(), o);
		audit.change("UPSTREAM_SYSTEM_ADDED", "UPSTREAM_SYSTEM", id, null, "Thêm hệ thống Trung ương " + c, null,
				Map.of("code", c, "name", name.strip()));
		return id;
	}

	private static String requireSafe(String what, String value) {
		if (!vn.nq57.system.TextRules.isSafe(value)) {
			throw new DomainException(what + " " + vn.nq57.system.TextRules.MESSAGE);
		}
		return value;
	}

	/** The system with that code, added with its code as name when missing (tests, demo). */
	@Transactional
	public System addSystemIfMissing(String code) {
		if (jdbc.queryForList("SELECT id FROM upstream_system WHERE code = ?", Long.class, code).isEmpty()) {
			addSystem(code, code, null);
		}
		return system(code);
	}

	@Transactional
	public void setPushUrl(String system, String url, Long version) {
		requireManage();
		System s = system(system);
		if (version != null && version != s.version()) {
			throw new ConcurrentEditException("hệ thống");
		}
		String u = url == null || url.isBlank() ? null : url.strip();
		if (u != null && !u.matches("https?://[^\\s]{3,490}")) {
			// beside the address field
			throw new vn.nq57.system.FieldsRefused("Địa chỉ tiếp nhận phải bắt đầu bằng http:// hoặc https://",
					new vn.nq57.system.FieldErrors().reject("url", "Địa chỉ tiếp nhận phải bắt đầu bằng http:// hoặc https://"));
		}
		jdbc.update("UPDATE upstream_system SET push_url = ?, version = version + 1 WHERE id = ?", u, s.id());
		Map<String, Object> before = new HashMap<>();
		before.put("pushUrl", s.pushUrl());
		Map<String, Object> after = new HashMap<>();
		after.put("pushUrl", u);
		audit.change("UPSTREAM_PUSH_URL", "UPSTREAM_SYSTEM", s.id(), null, "Địa chỉ tiếp nhận của " + s.code(), before, after);
	}

	public List<Code> codes(long systemId, SubjectType type) {
		String name = switch (type) {
			case INDICATOR -> "(SELECT i.code || ' – ' || i.name FROM indicator_view i WHERE i.id = c.subject_id)";
			case TASK -> "(SELECT coalesce(t.stt || '. ', '') || t.title FROM task_view t WHERE t.id = c.subject_id)";
			case AGENCY -> "(SELECT a.name FROM agency_view a WHERE a.id = c.subject_id)";
		};
		return jdbc.query("SELECT c.*, " + name + " AS local_name FROM upstream_code c WHERE c.system_id = ? AND c.subject_type = ? "
				+ "ORDER BY c.code", (rs, i) -> new Code(rs.getLong("id"), rs.getLong("system_id"), type, rs.getLong("subject_id"),
						rs.getString("code"), rs.getString("central_name"), rs.getString("local_name"), rs.getLong("version")),
				systemId, type.name());
	}

	/** Local records of a kind, with the code they have in the system (or none). */
	public List<Subject> subjects(SubjectType type) {
		return switch (type) {
			case INDICATOR -> jdbc.query("SELECT id, code, name FROM indicator_view WHERE active ORDER BY code",
					(rs, i) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3)));
			case TASK -> jdbc.query("SELECT id, stt, title FROM task_view ORDER BY plan_id NULLS FIRST, position, id LIMIT 5000",
					(rs, i) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3)));
			case AGENCY -> jdbc.query("SELECT id, code, name FROM agency_view WHERE active AND kind <> 'COLLECTIVE' ORDER BY kind, name",
					(rs, i) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3)));
		};
	}

	boolean exists(SubjectType type, long id) {
		String view = switch (type) {
			case INDICATOR -> "indicator_view";
			case TASK -> "task_view";
			case AGENCY -> "agency_view";
		};
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + view + " WHERE id = ?)", Boolean.class, id));
	}

	/**
	 * Gives a local record its code in a system (replacing its former code); refused when the code already names
	 * another record of that kind in the system.
	 */
	@Transactional
	public void map(String systemCode, SubjectType type, long subjectId, String code, String centralName) {
		requireManage();
		System s = system(systemCode);
		mapAll(s, type, Map.of(subjectId, new String[] { code, centralName }));
	}

	/**
	 * The one-record form: the record, the code and the name on the system checked together, each problem beside
	 * its field ({@code subject}, {@code upstreamCode}, {@code centralName}), then {@link #map}.
	 */
	@Transactional
	public void mapOne(String systemCode, SubjectType type, Long subjectId, String code, String centralName) {
		requireManage();
		System s = system(systemCode);
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		f.check("subject", () -> {
			if (subjectId == null) {
				throw new DomainException("Hãy chọn bản ghi cần gán mã");
			}
			if (!exists(type, subjectId)) {
				throw new DomainException("Không có " + type.label().toLowerCase() + " số " + subjectId);
			}
			return subjectId;
		});
		String c = code == null ? "" : code.strip();
		f.check("upstreamCode", () -> {
			if (c.isEmpty() || c.length() > 100) {
				throw new DomainException("Mã trên hệ thống không được để trống và tối đa 100 ký tự");
			}
			requireSafe("Mã trên hệ thống", c);
			List<Long> holder = jdbc.queryForList("SELECT subject_id FROM upstream_code WHERE system_id = ? AND subject_type = ? "
					+ "AND upper(code) = upper(?)", Long.class, s.id(), type.name(), c);
			if (!holder.isEmpty() && !holder.get(0).equals(subjectId)) {
				throw new DomainException("Mã “" + c + "” của " + s.code() + " đã được dùng cho " + type.label().toLowerCase() + " khác ("
						+ localName(type, holder.get(0)) + "); một mã chỉ gán cho một " + type.label().toLowerCase());
			}
			return c;
		});
		String n = centralName == null || centralName.isBlank() ? null : centralName.strip();
		f.check("centralName", () -> {
			if (n != null && n.length() > 1000) {
				throw new DomainException("Tên trên hệ thống tối đa 1.000 ký tự");
			}
			return requireSafe("Tên trên hệ thống", n);
		});
		f.refuseIfAny();
		mapAll(s, type, Map.of(subjectId, new String[] { c, n }));
	}

	/** Many mappings at once, all or nothing (a central list's commit). */
	@Transactional
	void mapAll(System s, SubjectType type, Map<Long, String[]> bySubject) {
		List<String> errors = new java.util.ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		for (var e : bySubject.entrySet()) {
			String code = e.getValue()[0] == null ? "" : e.getValue()[0].strip();
			if (code.isEmpty() || code.length() > 100) {
				errors.add("Mã trên hệ thống không được để trống và tối đa 100 ký tự");
				continue;
			}
			if (!exists(type, e.getKey())) {
				errors.add("Không có " + type.label().toLowerCase() + " số " + e.getKey());
				continue;
			}
			Long other = seen.put(code.toUpperCase(), e.getKey());
			if (other != null && !other.equals(e.getKey())) {
				errors.add("Mã “" + code + "” được chọn cho hai " + type.label().toLowerCase() + " khác nhau");
				continue;
			}
			List<Long> holder = jdbc.queryForList("SELECT subject_id FROM upstream_code WHERE system_id = ? AND subject_type = ? "
					+ "AND upper(code) = upper(?)", Long.class, s.id(), type.name(), code);
			if (!holder.isEmpty() && !holder.get(0).equals(e.getKey()) && !bySubject.containsKey(holder.get(0))) {
				errors.add("Mã “" + code + "” của " + s.code() + " đã được dùng cho " + type.label().toLowerCase() + " khác ("
						+ localName(type, holder.get(0)) + "); một mã chỉ gán cho một " + type.label().toLowerCase());
			}
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors));
		}
		List<AuditLog.Change> changes = new java.util.ArrayList<>();
		for (var e : bySubject.entrySet()) {
			List<String> before = jdbc.queryForList("SELECT code FROM upstream_code WHERE system_id = ? AND subject_type = ? AND subject_id = ?",
					String.class, s.id(), type.name(), e.getKey());
			jdbc.update("DELETE FROM upstream_code WHERE system_id = ? AND subject_type = ? AND subject_id = ?", s.id(), type.name(), e.getKey());
		}
		for (var e : bySubject.entrySet()) {
			String code = e.getValue()[0].strip();
			jdbc.update("DELETE FROM upstream_code WHERE system_id = ? AND subject_type = ? AND upper(code) = upper(?)", s.id(), type.name(), code);
			jdbc.update("INSERT INTO upstream_code(system_id, subject_type, subject_id, code, central_name, created_by) VALUES (?, ?, ?, ?, ?, ?)",
					s.id(), type.name(), e.getKey(), code, e.getValue()[1], AccessPolicy.current().id());
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("system", s.code());
			after.put("type", type.name());
			after.put("subject", e.getKey());
			after.put("code", code);
			changes.add(new AuditLog.Change("UPSTREAM_CODE_SET", ENTITY, e.getKey(), type == SubjectType.TASK ? e.getKey() : null,
					"Gán mã " + code + " của " + s.code() + " cho " + type.label().toLowerCase() + " " + localName(type, e.getKey()),
					null, after));
		}
		audit.changes(changes);
	}

	@Transactional
	public void unmap(String systemCode, SubjectType type, long subjectId) {
		requireManage();
		System s = system(systemCode);
		List<String> before = jdbc.queryForList("SELECT code FROM upstream_code WHERE system_id = ? AND subject_type = ? AND subject_id = ?",
				String.class, s.id(), type.name(), subjectId);
		if (before.isEmpty()) {
			return;
		}
		jdbc.update("DELETE FROM upstream_code WHERE system_id = ? AND subject_type = ? AND subject_id = ?", s.id(), type.name(), subjectId);
		audit.change("UPSTREAM_CODE_REMOVED", ENTITY, subjectId, null, "Bỏ mã " + before.get(0) + " của " + s.code(),
				Map.of("code", before.get(0)), null);
	}

	String localName(SubjectType type, long id) {
		List<String> n = switch (type) {
			case INDICATOR -> jdbc.queryForList("SELECT code || ' – ' || name FROM indicator_view WHERE id = ?", String.class, id);
			case TASK -> jdbc.queryForList("SELECT title FROM task_view WHERE id = ?", String.class, id);
			case AGENCY -> jdbc.queryForList("SELECT name FROM agency_view WHERE id = ?", String.class, id);
		};
		return n.isEmpty() ? "#" + id : n.get(0);
	}

	/** The code of each local record of a kind in a system. */
	public Map<Long, String> codeMap(long systemId, SubjectType type) {
		Map<Long, String> m = new HashMap<>();
		jdbc.query("SELECT subject_id, code FROM upstream_code WHERE system_id = ? AND subject_type = ?", rs -> {
			m.put(rs.getLong(1), rs.getString(2));
		}, systemId, type.name());
		return m;
	}

	public record Submission(long id, String method, String period, int rows, boolean ok, String receipt, String message,
			Instant at) {
	}

	public List<Submission> submissions(long systemId, int limit) {
		return jdbc.query("SELECT * FROM upstream_submission WHERE system_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
				(rs, i) -> new Submission(rs.getLong("id"), rs.getString("method"), rs.getString("period"), rs.getInt("row_count"),
						rs.getBoolean("ok"), rs.getString("receipt"), rs.getString("message"), rs.getTimestamp("created_at").toInstant()),
				systemId, limit);
	}

	@Transactional
	public void recordSubmission(System s, String method, String period, int rows, boolean ok, String receipt, String message,
			Instant at) {
		Long id = jdbc.queryForObject("""
				INSERT INTO upstream_submission(system_id, method, period, row_count, ok, receipt, message, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, s.id(), method, period, rows, ok, receipt,
				message == null || message.length() <= 1000 ? message : message.substring(0, 1000), AccessPolicy.current().id(),
				java.sql.Timestamp.from(at));
		audit.change(ok ? "UPSTREAM_SENT" : "UPSTREAM_SEND_FAILED", "UPSTREAM_SYSTEM", s.id(), null,
				(method.equals("PUSH") ? "Gửi trực tiếp " : "Xuất tệp ") + rows + " dòng số liệu cho " + s.code()
						+ (ok ? "" : ": " + message), null, Map.of("submission", id, "rows", rows));
	}
}
