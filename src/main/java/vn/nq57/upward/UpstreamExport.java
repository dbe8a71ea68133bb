package vn.nq57.upward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.nq57.deadline.DeadlineKind;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.task.StatusRules;
import vn.nq57.task.TaskStatus;

/**
 * The province's figures in a national system's layout: the mapped indicators' latest approved figures (the
 * province's figure, or each agency's when the layout has agency columns) with the codes the system knows, and the
 * mapped tasks' statuses; as the system's Excel file or pushed through {@link UpstreamPush}.
 */
@Service
public class UpstreamExport {

	public record Export(List<Map<String, Object>> indicatorRows, List<Map<String, Object>> taskRows, String period) {
		public int rows() {
			return indicatorRows.size() + taskRows.size();
		}
	}

	private final JdbcTemplate jdbc;
	private final Upstream upstream;
	private final UpstreamSettings settings;
	private final UpstreamPush push;
	private final AppClock clock;

	UpstreamExport(JdbcTemplate jdbc, Upstream upstream, UpstreamSettings settings, UpstreamPush push, AppClock clock) {
		this.jdbc = jdbc;
		this.upstream = upstream;
		this.settings = settings;
		this.push = push;
		this.clock = clock;
	}

	static String period(String frequency, LocalDate start) {
		if (start == null) {
			return "";
		}
		return switch (frequency == null ? "" : frequency) {
			case "MONTHLY" -> String.format("%02d/%d", start.getMonthValue(), start.getYear());
			case "QUARTERLY" -> "Quý " + new String[] { "I", "II", "III", "IV" }[(start.getMonthValue() - 1) / 3] + "/" + start.getYear();
			case "HALF_YEARLY" -> (start.getMonthValue() <= 6 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + start.getYear();
			default -> "Năm " + start.getYear();
		};
	}

	public Export build(Upstream.System s) {
		Map<String, String> cols = settings.columns(s.code());
		boolean perAgency = cols.containsValue("AGENCY_CODE") || cols.containsValue("AGENCY_NAME");
		String province = settings.provinceCode();
		List<Map<String, Object>> rows = new ArrayList<>();
		String[] latest = { null };
		LocalDate[] latestDay = { null };
		if (perAgency) {
			jdbc.query("""
					SELECT DISTINCT ON (v.indicator_id, v.agency_id) c.code, i.name, i.unit, i.frequency, v.period_start,
					       v.approved_value, v.approved_numerator, v.approved_denominator, a.code, a.name, ac.code,
					       (SELECT t.value FROM indicator_target_view t WHERE t.indicator_id = i.id AND t.year = extract(year FROM v.period_start))
					FROM upstream_code c JOIN indicator_view i ON i.id = c.subject_id
					JOIN indicator_value_view v ON v.indicator_id = i.id AND v.approved_value IS NOT NULL
					JOIN agency_view a ON a.id = v.agency_id
					LEFT JOIN upstream_code ac ON ac.system_id = c.system_id AND ac.subject_type = 'AGENCY' AND ac.subject_id = a.id
					WHERE c.system_id = ? AND c.subject_type = 'INDICATOR'
					ORDER BY v.indicator_id, v.agency_id, v.period_start DESC""", rs -> {
				LocalDate start = rs.getObject(5, LocalDate.class);
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("PROVINCE_CODE", province);
				r.put("SYSTEM_CODE", rs.getString(1));
				r.put("NAME", rs.getString(2));
				r.put("UNIT", rs.getString(3));
				r.put("PERIOD", period(rs.getString(4), start));
				r.put("VALUE", rs.getBigDecimal(6));
				r.put("NUMERATOR", rs.getBigDecimal(7));
				r.put("DENOMINATOR", rs.getBigDecimal(8));
				r.put("AGENCY_CODE", rs.getString(11) != null ? rs.getString(11) : rs.getString(9));
				r.put("AGENCY_NAME", rs.getString(10));
				r.put("TARGET", rs.getBigDecimal(12));
				rows.add(r);
				if (latestDay[0] == null || start.isAfter(latestDay[0])) {
					latestDay[0] = start;
					latest[0] = (String) r.get("PERIOD");
				}
			}, s.id());
		}
		else {
			jdbc.query("""
					SELECT c.code, i.name, i.unit, i.frequency, r.period_start, r.value, r.numerator, r.denominator,
					       (SELECT t.value FROM indicator_target_view t WHERE t.indicator_id = i.id AND t.year = extract(year FROM r.period_start)),
					       r.reported
					FROM upstream_code c JOIN indicator_view i ON i.id = c.subject_id
					LEFT JOIN LATERAL (SELECT * FROM indicator_rollup_view x WHERE x.indicator_id = i.id AND x.value IS NOT NULL
					                   ORDER BY x.period_start DESC LIMIT 1) r ON true
					WHERE c.system_id = ? AND c.subject_type = 'INDICATOR' ORDER BY c.code""", rs -> {
				LocalDate start = rs.getObject(5, LocalDate.class);
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("PROVINCE_CODE", province);
				r.put("SYSTEM_CODE", rs.getString(1));
				r.put("NAME", rs.getString(2));
				r.put("UNIT", rs.getString(3));
				r.put("PERIOD", period(rs.getString(4), start));
				r.put("VALUE", rs.getBigDecimal(6));
				r.put("NUMERATOR", rs.getBigDecimal(7));
				r.put("DENOMINATOR", rs.getBigDecimal(8));
				r.put("TARGET", rs.getBigDecimal(9));
				r.put("NOTE", start == null ? "Chưa có số liệu đã duyệt" : "Tổng hợp từ " + rs.getInt(10) + " cơ quan, đơn vị");
				rows.add(r);
				if (start != null && (latestDay[0] == null || start.isAfter(latestDay[0]))) {
					latestDay[0] = start;
					latest[0] = (String) r.get("PERIOD");
				}
			}, s.id());
		}
		return new Export(rows, taskRows(s), latest[0]);
	}

	private List<Map<String, Object>> taskRows(Upstream.System s) {
		LocalDate today = clock.today();
		Map<Long, Map<String, Object>> byTask = new LinkedHashMap<>();
		Map<Long, List<TaskStatus>> st = new LinkedHashMap<>();
		jdbc.query("""
				SELECT c.code, t.id, t.title, t.deadline_phrase, t.due_date,
				       (SELECT string_agg(a.name, '; ' ORDER BY a.name) FROM task_lead_view l JOIN agency_view a ON a.id = l.agency_id WHERE l.task_id = t.id)
				FROM upstream_code c JOIN task_view t ON t.id = c.subject_id
				WHERE c.system_id = ? AND c.subject_type = 'TASK' ORDER BY c.code""", rs -> {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("SYSTEM_CODE", rs.getString(1));
			r.put("NAME", rs.getString(3));
			LocalDate due = rs.getObject(5, LocalDate.class);
			r.put("DEADLINE", due != null ? VnFormat.DATE.format(due) : rs.getString(4));
			r.put("LEADS", rs.getString(6));
			byTask.put(rs.getLong(2), r);
		}, s.id());
		if (!byTask.isEmpty()) {
			jdbc.query("SELECT task_id, due_date, deadline_kind, completed_on FROM assignment_view WHERE task_id = ANY (?)", rs -> {
				String kind = rs.getString(3);
				st.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(StatusRules.of(rs.getObject(2, LocalDate.class),
						kind == null ? null : DeadlineKind.valueOf(kind), rs.getObject(4, LocalDate.class), today));
			}, (Object) byTask.keySet().toArray(Long[]::new));
		}
		byTask.forEach((id, r) -> r.put("STATUS", StatusRules.rollUp(st.getOrDefault(id, List.of())).label()));
		return new ArrayList<>(byTask.values());
	}

	static final String[][] TASK_COLUMNS = { { "Mã nhiệm vụ", "SYSTEM_CODE" }, { "Tên nhiệm vụ", "NAME" },
			{ "Cơ quan chủ trì", "LEADS" }, { "Thời hạn", "DEADLINE" }, { "Tình trạng", "STATUS" } };

	/** The system's file: its columns in its order; a second sheet for the mapped tasks. Recorded as sent. */
	public byte[] xlsx(Upstream.System s, Export e) {
		Map<String, String> cols = settings.columns(s.code());
		try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle head = wb.createCellStyle();
			Font f = wb.createFont();
			f.setBold(true);
			head.setFont(f);
			Sheet sheet = wb.createSheet("Chỉ tiêu");
			Row h = sheet.createRow(0);
			int j = 0;
			for (String header : cols.keySet()) {
				Cell c = h.createCell(j++);
				c.setCellValue(header);
				c.setCellStyle(head);
			}
			int r = 1;
			for (Map<String, Object> row : e.indicatorRows()) {
				Row x = sheet.createRow(r++);
				int k = 0;
				for (String field : cols.values()) {
					put(x.createCell(k++), row.get(field));
				}
			}
			if (!e.taskRows().isEmpty()) {
				Sheet t = wb.createSheet("Nhiệm vụ");
				Row th = t.createRow(0);
				for (int i = 0; i < TASK_COLUMNS.length; i++) {
					Cell c = th.createCell(i);
					c.setCellValue(TASK_COLUMNS[i][0]);
					c.setCellStyle(head);
				}
				int n = 1;
				for (Map<String, Object> row : e.taskRows()) {
					Row x = t.createRow(n++);
					for (int i = 0; i < TASK_COLUMNS.length; i++) {
						put(x.createCell(i), row.get(TASK_COLUMNS[i][1]));
					}
				}
			}
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void put(Cell c, Object v) {
		if (v instanceof BigDecimal b) {
			c.setCellValue(b.doubleValue());
		}
		else if (v != null) {
			c.setCellValue(v.toString());
		}
	}

	/** Builds the file and records it as sent by file. */
	public byte[] exportFile(String systemCode) {
		upstream.requireManage();
		Upstream.System s = upstream.system(systemCode);
		Export e = build(s);
		byte[] file = xlsx(s, e);
		upstream.recordSubmission(s, "FILE", e.period(), e.rows(), true, null, null, clock.now());
		return file;
	}

	/** Pushes the rows to the system's API; the outcome (receipt or refusal) is recorded either way. */
	public UpstreamPush.Result push(String systemCode) {
		upstream.requireManage();
		Upstream.System s = upstream.system(systemCode);
		if (s.pushUrl() == null) {
			throw new DomainException("Hệ thống " + s.code() + " chưa có địa chỉ tiếp nhận; hãy xuất tệp và gửi theo cách thông thường");
		}
		Export e = build(s);
		Map<String, String> cols = settings.columns(s.code());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> r : e.indicatorRows()) {
			Map<String, Object> m = new LinkedHashMap<>();
			cols.forEach((header, field) -> m.put(header, r.get(field)));
			rows.add(m);
		}
		for (Map<String, Object> r : e.taskRows()) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (String[] c : TASK_COLUMNS) {
				m.put(c[0], r.get(c[1]));
			}
			rows.add(m);
		}
		UpstreamPush.Result result = push.push(s.pushUrl(), new UpstreamPush.Payload(s.code(), settings.provinceCode(), e.period(), rows));
		upstream.recordSubmission(s, "PUSH", e.period(), rows.size(), result.accepted(), result.receipt(), result.message(), clock.now());
		return result;
	}
}
