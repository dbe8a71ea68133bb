package vn.nq57.map;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;

/**
 * Environmental monitoring: a reading is compared with the configured limit of its parameter (table
 * {@code map_env_limit}, from the applicable QCVN). A reading outside the limit is flagged on the map and opens a
 * follow-up task for the agency responsible for the point, through {@link TaskService}, so the reminders apply as
 * for any task; while that task is open, a further exceedance at the point updates it instead of opening another.
 * After each reading the share of points within limits is republished as an indicator.
 */
@Service
public class MapEnvironment {

	record Limit(String medium, String parameter, String unit, BigDecimal min, BigDecimal max, String regulation) {

		boolean exceededBy(BigDecimal v) {
			return (max != null && v.compareTo(max) > 0) || (min != null && v.compareTo(min) < 0);
		}

		public String describe() {
			String u = unit.isEmpty() ? "" : " " + unit;
			if (min != null && max != null) {
				return VnFormat.compact(min, 4) + "–" + VnFormat.compact(max, 4) + u;
			}
			return (max != null ? "≤ " + VnFormat.compact(max, 4) : "≥ " + VnFormat.compact(min, 4)) + u;
		}
	}

	/** What a reading did: its id, whether it exceeds, and the follow-up task it opened or updated. */
	public record Outcome(long readingId, boolean exceeds, Long taskId, boolean opened) {
	}

	private final JdbcTemplate jdbc;

	private final MapAccess access;

	private final TaskService tasks;

	private final AuditLog audit;

	private final AppClock clock;

	private final MapSettings settings;

	private final MapIndicators indicators;

	private final MapLayers layers;

	MapEnvironment(JdbcTemplate jdbc, MapAccess access, TaskService tasks, AuditLog audit, AppClock clock,
			MapSettings settings, MapIndicators indicators, MapLayers layers) {
		this.jdbc = jdbc;
		this.access = access;
		this.tasks = tasks;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.indicators = indicators;
		this.layers = layers;
	}

	List<Limit> limits() {
		return jdbc.query("SELECT medium, parameter, unit, min_value, max_value, regulation FROM map_env_limit "
				+ "ORDER BY medium, parameter", (rs, i) -> new Limit(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)));
	}

	static final List<String> MEDIA = List.of("AIR", "WASTEWATER", "SURFACE_WATER", "SEAWATER");

	/** The limits with their id and version, for the limits page. */
	List<Map<String, Object>> limitRows() {
		return jdbc.queryForList("SELECT id, medium, parameter, unit, min_value, max_value, regulation, version "
				+ "FROM map_env_limit ORDER BY medium, parameter");
	}

	/**
	 * Adds a limit ({@code id} null) or changes one (the Board's staff): a parameter, its unit, a minimum and/or a
	 * maximum and the regulation it comes from. A stale edit is refused with the current version; bad values are
	 * refused with a sentence and nothing changes. Readings keep the limit they were judged against.
	 */
	@Transactional
	public long saveLimit(Long id, String medium, String parameter, String unit, BigDecimal min, BigDecimal max,
			String regulation, long expectedVersion) {
		return saveLimit(id, medium, parameter, unit, min, max, regulation, expectedVersion, new FieldErrors());
	}

	/**
	 * {@link #saveLimit(Long, String, String, String, BigDecimal, BigDecimal, String, long)} with the problems the
	 * form already found ({@code problems}, each on its field): every rule adds its own, and any problem refuses the
	 * whole save ({@link vn.nq57.system.FieldsRefused}) with nothing changed.
	 */
	@Transactional
	public long saveLimit(Long id, String medium, String parameter, String unit, BigDecimal min, BigDecimal max,
			String regulation, long expectedVersion, FieldErrors problems) {
		access.requireEdit("MAP_LIMIT", id);
		String m = medium == null ? "" : medium.strip();
		String p = parameter == null ? "" : parameter.strip();
		String r = regulation == null ? "" : regulation.strip();
		String u = unit == null ? "" : unit.strip();
		String named = p.isEmpty() ? "" : "Thông số " + p + ": ";
		if (!MEDIA.contains(m)) {
			problems.reject("medium", "Loại quan trắc “" + medium + "” không có");
		}
		if (p.isEmpty()) {
			problems.reject("parameter", "Cần tên thông số");
		}
		else if (p.length() > 40) {
			problems.reject("parameter", "Tên thông số tối đa 40 ký tự (đang có " + p.length() + ")");
		}
		if (u.length() > 20) {
			problems.reject("unit", "Đơn vị tối đa 20 ký tự (đang có " + u.length() + ")");
		}
		if (min == null && max == null && !problems.has("min") && !problems.has("max")) {
			problems.reject("max", named.isEmpty() ? "Cần giá trị tối thiểu hoặc tối đa" : named + "cần giá trị tối thiểu hoặc tối đa");
		}
		if (min != null && max != null && min.compareTo(max) > 0) {
			problems.reject("max", (named.isEmpty() ? "Giá trị tối thiểu " : named + "giá trị tối thiểu ") + VnFormat.compact(min, 4)
					+ " lớn hơn giá trị tối đa " + VnFormat.compact(max, 4));
		}
		if (r.isEmpty()) {
			problems.reject("regulation", named.isEmpty() ? "Cần ghi quy chuẩn áp dụng" : named + "cần ghi quy chuẩn áp dụng");
		}
		else if (r.length() > 120) {
			problems.reject("regulation", "Quy chuẩn tối đa 120 ký tự (đang có " + r.length() + ")");
		}
		if (id == null && !problems.has("parameter") && MEDIA.contains(m)
				&& jdbc.queryForObject("SELECT count(*) FROM map_env_limit WHERE medium = ? AND lower(parameter) = lower(?)",
						Integer.class, m, p) > 0) {
			problems.reject("parameter", "Đã có giới hạn cho thông số " + p + " (" + m + "); hãy sửa dòng đó");
		}
		problems.refuseIfAny();
		Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("medium", m);
		after.put("parameter", p);
		after.put("unit", u);
		after.put("min", min == null ? null : min.toPlainString());
		after.put("max", max == null ? null : max.toPlainString());
		after.put("regulation", r);
		if (id == null) {
			Long created = jdbc.queryForObject("""
					INSERT INTO map_env_limit (medium, parameter, unit, min_value, max_value, regulation)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, m, p, u, min, max, r);
			audit.change("MAP_LIMIT_CREATED", "MAP_LIMIT", created, null, m + " " + p, null, after);
			return created;
		}
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT medium, parameter, unit, min_value, max_value, "
				+ "regulation, version FROM map_env_limit WHERE id = ? FOR UPDATE", id);
		if (rows.isEmpty()) {
			throw new NotFoundException("Không tìm thấy giới hạn #" + id);
		}
		Map<String, Object> before = rows.get(0);
		long current = ((Number) before.get("version")).longValue();
		if (current != expectedVersion) {
			throw new vn.nq57.system.ConcurrentEditException("giới hạn " + before.get("parameter") + " (phiên bản hiện tại "
					+ current + ")");
		}
		jdbc.update("""
				UPDATE map_env_limit SET unit = ?, min_value = ?, max_value = ?, regulation = ?, version = version + 1
				WHERE id = ?""", u, min, max, r, id);
		Map<String, Object> was = new java.util.LinkedHashMap<>();
		was.put("medium", before.get("medium"));
		was.put("parameter", before.get("parameter"));
		was.put("unit", before.get("unit"));
		was.put("min", before.get("min_value") == null ? null : ((BigDecimal) before.get("min_value")).toPlainString());
		was.put("max", before.get("max_value") == null ? null : ((BigDecimal) before.get("max_value")).toPlainString());
		was.put("regulation", before.get("regulation"));
		after.put("parameter", before.get("parameter"));
		after.put("medium", before.get("medium"));
		audit.change("MAP_LIMIT_UPDATED", "MAP_LIMIT", id, null, before.get("medium") + " " + before.get("parameter"),
				was, after);
		return id;
	}

	/** Records a reading at a point (the Board's staff); an exceedance opens or updates the follow-up task. */
	@Transactional
	public Outcome record(long pointId, String parameter, LocalDate measuredOn, BigDecimal value) {
		return record(pointId, parameter, measuredOn, value, new FieldErrors());
	}

	/**
	 * {@link #record(long, String, LocalDate, BigDecimal)} with the problems the form already found
	 * ({@code problems}, each on its field): every rule adds its own, and any problem refuses the reading
	 * ({@link vn.nq57.system.FieldsRefused}) with nothing recorded.
	 */
	@Transactional
	public Outcome record(long pointId, String parameter, LocalDate measuredOn, BigDecimal value, FieldErrors problems) {
		access.requireEdit("MAP_POINT", pointId);
		List<Map<String, Object>> points = jdbc.queryForList(
				"SELECT code, name, medium, agency_id, illustrative FROM map_monitoring_point WHERE id = ?", pointId);
		if (points.isEmpty()) {
			throw new NotFoundException("Không tìm thấy điểm quan trắc #" + pointId);
		}
		Map<String, Object> point = points.get(0);
		String medium = (String) point.get("medium");
		if (measuredOn == null && !problems.has("measuredOn")) {
			problems.reject("measuredOn", "Cần ngày quan trắc");
		}
		if (measuredOn != null && measuredOn.isAfter(clock.today())) {
			problems.reject("measuredOn", "Ngày quan trắc " + VnFormat.DATE.format(measuredOn) + " ở sau ngày hôm nay");
		}
		if (value == null && !problems.has("value")) {
			problems.reject("value", "Cần giá trị đo");
		}
		Limit limit = limits().stream()
			.filter(l -> l.medium().equals(medium) && l.parameter().equalsIgnoreCase(parameter == null ? "" : parameter.strip()))
			.findFirst().orElse(null);
		if (limit == null) {
			problems.reject("parameter", "Chưa cấu hình giới hạn cho thông số “" + parameter + "” của loại quan trắc " + medium);
		}
		if (!problems.isEmpty()) {
			// the refusal says it in one sentence too (a caller without a form, the API)
			throw new vn.nq57.system.FieldsRefused(String.join("; ", problems.all().values().stream()
				.flatMap(List::stream).toList()) + "; chưa lưu kết quả nào", problems);
		}
		boolean exceeds = limit.exceededBy(value);
		Long readingId = jdbc.queryForObject("""
				INSERT INTO map_env_reading (point_id, parameter, measured_on, value, unit, limit_min, limit_max, exceeds,
				                             recorded_by, illustrative)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, pointId, limit.parameter(),
				Date.valueOf(measuredOn), value, limit.unit(), limit.min(), limit.max(), exceeds,
				MapAccess.currentOrNull() == null ? null : MapAccess.currentOrNull().id(), point.get("illustrative"));
		audit.change("MAP_READING_RECORDED", "MAP_POINT", pointId, null,
				point.get("code") + ": " + limit.parameter() + " = " + VnFormat.compact(value, 4) + " " + limit.unit(),
				null, Map.of("parameter", limit.parameter(), "value", value.toPlainString(), "measuredOn",
						measuredOn.toString(), "exceeds", exceeds));
		Long taskId = null;
		boolean opened = false;
		if (exceeds) {
			String what = limit.parameter() + " = " + VnFormat.compact(value, 4) + (limit.unit().isEmpty() ? "" : " " + limit.unit())
					+ " ngày " + VnFormat.DATE.format(measuredOn) + " (giới hạn " + limit.describe() + ", "
					+ limit.regulation() + ")";
			List<Map<String, Object>> open = jdbc.queryForList("""
					SELECT f.id, f.task_id, f.exceedances FROM map_env_followup f JOIN task_view t ON t.id = f.task_id
					WHERE f.point_id = ? AND t.open_count > 0 ORDER BY f.id DESC LIMIT 1""", pointId);
			if (open.isEmpty()) {
				TaskForm form = new TaskForm();
				form.setTitle("Kiểm tra, xử lý kết quả quan trắc vượt quy chuẩn tại điểm " + point.get("code") + " – "
						+ point.get("name") + ": " + what);
				form.setLeadAgencyIds(new java.util.LinkedHashSet<>(List.of(((Number) point.get("agency_id")).longValue())));
				form.setExpectedOutput("Báo cáo kết quả kiểm tra nguồn thải và biện pháp khắc phục");
				form.setDeadlinePhrase(VnFormat.DATE.format(clock.today().plusDays(settings.followUpDays())));
				Task task = tasks.saveFollowUp(null, form);
				taskId = task.getId();
				opened = true;
				jdbc.update("INSERT INTO map_env_followup (point_id, task_id, opened_on, last_reading_id) VALUES (?, ?, ?, ?)",
						pointId, taskId, Date.valueOf(clock.today()), readingId);
			}
			else {
				taskId = ((Number) open.get(0).get("task_id")).longValue();
				int count = ((Number) open.get(0).get("exceedances")).intValue() + 1;
				Task task = tasks.get(taskId);
				TaskForm form = TaskForm.of(task);
				form.setExpectedOutput("Báo cáo kết quả kiểm tra nguồn thải và biện pháp khắc phục (vượt ngưỡng " + count
						+ " lần; gần nhất: " + what + ")");
				tasks.saveFollowUp(taskId, form);
				jdbc.update("UPDATE map_env_followup SET exceedances = ?, last_reading_id = ? WHERE id = ?", count,
						readingId, open.get(0).get("id"));
			}
		}
		layers.invalidate();
		indicators.publishEnvironment(measuredOn);
		return new Outcome(readingId, exceeds, taskId, opened);
	}
}
