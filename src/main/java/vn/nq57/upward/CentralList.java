package vn.nq57.upward;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.datacall.SafeUpload;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.upward.Upstream.SubjectType;

/**
 * A national system's list of tasks or indicators, as such systems export it (Excel or CSV: code, name, unit…):
 * previewed with a proposed local match for each line (the code already mapped, then the choice remembered for
 * the same name, then the most alike local name, accents aside), then committed all or nothing with the choices
 * made; the choices are remembered for the next list.
 */
@Service
public class CentralList {

	/** Column headers such exports use, folded, and what they carry. */
	static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("ma", "CODE"), Map.entry("ma so", "CODE"),
			Map.entry("ma chi tieu", "CODE"), Map.entry("ma nhiem vu", "CODE"), Map.entry("code", "CODE"),
			Map.entry("ma chi so", "CODE"), Map.entry("ten", "NAME"), Map.entry("ten chi tieu", "NAME"),
			Map.entry("ten chi so", "NAME"), Map.entry("ten nhiem vu", "NAME"), Map.entry("noi dung", "NAME"),
			Map.entry("name", "NAME"), Map.entry("don vi tinh", "UNIT"), Map.entry("don vi", "UNIT"), Map.entry("dvt", "UNIT"),
			Map.entry("unit", "UNIT"), Map.entry("stt", "SKIP"), Map.entry("tt", "SKIP"), Map.entry("nhom", "SKIP"),
			Map.entry("linh vuc", "SKIP"), Map.entry("ghi chu", "SKIP"));

	public record Candidate(long id, String label, double score) {
	}

	public record Line(int line, String code, String name, String unit, Long proposed, String why, List<Candidate> candidates) {
	}

	public record Preview(long listId, Upstream.System system, SubjectType type, String filename, List<Line> lines) {
		public long proposedCount() {
			return lines.stream().filter(l -> l.proposed() != null).count();
		}
	}

	private final JdbcTemplate jdbc;
	private final Upstream upstream;
	private final AuditLog audit;
	private final AppClock clock;

	CentralList(JdbcTemplate jdbc, Upstream upstream, AuditLog audit, AppClock clock) {
		this.jdbc = jdbc;
		this.upstream = upstream;
		this.audit = audit;
		this.clock = clock;
	}

	record Parsed(int line, String code, String name, String unit) {
	}

	/** The lines of the file, or a refusal naming what is wrong (unknown columns by name). */
	static List<Parsed> read(byte[] data, String filename) {
		SafeUpload.Kind kind = SafeUpload.check(data, filename, true);
		List<List<String>> rows = new ArrayList<>();
		if (kind == SafeUpload.Kind.CSV) {
			String text = new String(data, StandardCharsets.UTF_8);
			if (text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			char sep = text.lines().findFirst().orElse("").chars().filter(c -> c == ';').count()
					> text.lines().findFirst().orElse("").chars().filter(c -> c == ',').count() ? ';' : ',';
			try {
				for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(sep).get().parse(new StringReader(text))) {
					List<String> row = new ArrayList<>();
					r.forEach(v -> row.add(VnText.nfc(v).strip()));
					rows.add(row);
				}
			}
			catch (IOException | RuntimeException e) {
				throw new DomainException("Không đọc được tệp CSV “" + filename + "”: " + e.getMessage());
			}
		}
		else {
			DataFormatter f = new DataFormatter(Locale.forLanguageTag("vi-VN"));
			try (Workbook wb = SafeUpload.open(data, filename)) {
				Sheet s = wb.getSheetAt(0);
				for (int i = s.getFirstRowNum(); i <= s.getLastRowNum(); i++) {
					Row r = s.getRow(i);
					List<String> row = new ArrayList<>();
					if (r != null) {
						for (int j = 0; j < Math.max(0, r.getLastCellNum()); j++) {
							Cell c = r.getCell(j);
							row.add(c == null ? "" : VnText.nfc(f.formatCellValue(c)).strip());
						}
					}
					rows.add(row);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		int headerAt = -1;
		for (int i = 0; i < Math.min(rows.size(), 10); i++) {
			if (rows.get(i).stream().anyMatch(c -> "CODE".equals(HEADERS.get(Similarity.key(c))))) {
				headerAt = i;
				break;
			}
		}
		if (headerAt < 0) {
			throw new DomainException("Không tìm thấy dòng tiêu đề có cột mã (Mã, Mã chỉ tiêu, Mã nhiệm vụ) trong 10 dòng đầu của “"
					+ filename + "”");
		}
		Map<String, Integer> col = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		List<String> header = rows.get(headerAt);
		for (int j = 0; j < header.size(); j++) {
			String h = header.get(j);
			if (h.isBlank()) {
				continue;
			}
			String what = HEADERS.get(Similarity.key(h));
			if (what == null) {
				unknown.add("“" + h + "”");
			}
			else if (!what.equals("SKIP")) {
				col.putIfAbsent(what, j);
			}
		}
		if (!unknown.isEmpty()) {
			throw new DomainException("Danh mục có cột không nhận ra: " + String.join(", ", unknown)
					+ ". Các cột được nhận: Mã (Mã chỉ tiêu, Mã nhiệm vụ), Tên (Tên chỉ tiêu, Nội dung), Đơn vị tính, STT, Nhóm, Lĩnh vực, Ghi chú. "
					+ "Chưa có gì được lưu");
		}
		if (!col.containsKey("NAME")) {
			throw new DomainException("Danh mục thiếu cột tên (Tên, Tên chỉ tiêu, Tên nhiệm vụ hoặc Nội dung)");
		}
		List<Parsed> out = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		Map<String, Integer> codes = new HashMap<>();
		for (int i = headerAt + 1; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			String code = cell(r, col.get("CODE"));
			String name = cell(r, col.get("NAME"));
			if (code.isEmpty() && name.isEmpty()) {
				continue;
			}
			if (code.isEmpty() || name.isEmpty()) {
				errors.add("dòng " + (i + 1) + ": thiếu " + (code.isEmpty() ? "mã" : "tên"));
				continue;
			}
			Integer first = codes.put(code.toUpperCase(), i + 1);
			if (first != null) {
				errors.add("dòng " + (i + 1) + ": mã “" + code + "” trùng với dòng " + first);
				continue;
			}
			out.add(new Parsed(i + 1, code, name, cell(r, col.get("UNIT"))));
		}
		if (!errors.isEmpty()) {
			throw new DomainException("Danh mục có lỗi: " + String.join("; ", errors) + ". Chưa có gì được lưu");
		}
		if (out.isEmpty()) {
			throw new DomainException("Danh mục “" + filename + "” không có dòng nào");
		}
		return out;
	}

	private static String cell(List<String> r, Integer j) {
		return j == null || j >= r.size() ? "" : r.get(j);
	}

	/** Reads the file, keeps it for the commit, and proposes a match for each line. Nothing is mapped yet. */
	@Transactional
	public Preview preview(String systemCode, SubjectType type, byte[] data, String filename) {
		upstream.requireManage();
		Upstream.System s = upstream.system(systemCode);
		List<Parsed> parsed = read(data, filename);
		Long id = jdbc.queryForObject("""
				INSERT INTO upstream_list(system_id, subject_type, filename, data, state, row_count, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, 'PREVIEW', ?, ?, ?) RETURNING id""", Long.class, s.id(), type.name(),
				filename.length() > 255 ? filename.substring(0, 255) : filename, data, parsed.size(), AccessPolicy.current().id(),
				Timestamp.from(clock.now()));
		return new Preview(id, s, type, filename, propose(s, type, parsed));
	}

	public Preview preview(long listId) {
		upstream.requireRead();
		Map<String, Object> l = list(listId);
		Upstream.System s = upstream.systems().stream().filter(x -> x.id() == ((Number) l.get("system_id")).longValue()).findFirst()
			.orElseThrow();
		SubjectType type = SubjectType.valueOf((String) l.get("subject_type"));
		return new Preview(listId, s, type, (String) l.get("filename"), propose(s, type, read((byte[]) l.get("data"), (String) l.get("filename"))));
	}

	private Map<String, Object> list(long id) {
		List<Map<String, Object>> l = jdbc.queryForList("SELECT * FROM upstream_list WHERE id = ?", id);
		if (l.isEmpty()) {
			throw new NotFoundException("Không có danh mục đã tải lên số " + id);
		}
		return l.get(0);
	}

	List<Line> propose(Upstream.System s, SubjectType type, List<Parsed> parsed) {
		List<Upstream.Subject> subjects = upstream.subjects(type);
		Map<String, Long> byCode = new HashMap<>();
		upstream.codeMap(s.id(), type).forEach((subject, code) -> byCode.put(code.toUpperCase(), subject));
		Map<String, Long> memory = new HashMap<>();
		Map<String, Boolean> memoryNone = new HashMap<>();
		jdbc.query("SELECT name_key, subject_id FROM upstream_match_memory WHERE system_id = ? AND subject_type = ?", rs -> {
			Long v = (Long) rs.getObject(2);
			if (v == null) {
				memoryNone.put(rs.getString(1), true);
			}
			else {
				memory.put(rs.getString(1), v);
			}
		}, s.id(), type.name());
		Map<Long, String> keys = new HashMap<>();
		subjects.forEach(x -> keys.put(x.id(), x.name()));
		List<Line> out = new ArrayList<>();
		for (Parsed p : parsed) {
			List<Candidate> ranked = subjects.stream()
				.map(x -> new Candidate(x.id(), (x.localCode() == null ? "" : x.localCode() + " – ") + x.name(),
						Similarity.score(p.name(), x.name())))
				.filter(c -> c.score() >= 0.3).sorted(Comparator.comparingDouble(Candidate::score).reversed()).limit(5).toList();
			Long proposed = null;
			String why = null;
			String key = Similarity.key(p.name());
			if (byCode.containsKey(p.code().toUpperCase())) {
				proposed = byCode.get(p.code().toUpperCase());
				why = "MAPPED";
			}
			else if (memory.containsKey(key)) {
				proposed = memory.get(key);
				why = "REMEMBERED";
			}
			else if (memoryNone.containsKey(key)) {
				why = "REMEMBERED_NONE";
			}
			else if (!ranked.isEmpty() && ranked.get(0).score() >= 0.5) {
				proposed = ranked.get(0).id();
				why = "SIMILAR";
			}
			List<Candidate> cands = new ArrayList<>(ranked);
			final Long pr = proposed;
			if (pr != null && cands.stream().noneMatch(c -> c.id() == pr)) {
				cands.add(0, new Candidate(pr, keys.getOrDefault(pr, "#" + pr), 1));
			}
			out.add(new Line(p.line(), p.code(), p.name(), p.unit(), proposed, why, cands));
		}
		return out;
	}

	/**
	 * Maps the lines as chosen ({@code line → local id}, 0 or absent: no match), all or nothing; remembers each
	 * choice by the central name; keeps the list's lines as the system's current list.
	 */
	@Transactional
	public int commit(long listId, Map<Integer, Long> choices) {
		upstream.requireManage();
		Map<String, Object> l = list(listId);
		if (!"PREVIEW".equals(l.get("state"))) {
			throw new DomainException("Danh mục này đã được ghép mã; hãy tải lên lại nếu cần ghép lần nữa");
		}
		long systemId = ((Number) l.get("system_id")).longValue();
		Upstream.System s = upstream.systems().stream().filter(x -> x.id() == systemId).findFirst().orElseThrow();
		SubjectType type = SubjectType.valueOf((String) l.get("subject_type"));
		List<Parsed> parsed = read((byte[]) l.get("data"), (String) l.get("filename"));
		Map<Long, String[]> mapping = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		for (Parsed p : parsed) {
			Long chosen = choices.get(p.line());
			if (chosen == null || chosen == 0) {
				continue;
			}
			String[] other = mapping.put(chosen, new String[] { p.code(), p.name() });
			if (other != null) {
				errors.add("“" + upstream.localName(type, chosen) + "” được ghép với hai mã " + other[0] + " và " + p.code());
			}
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors) + ". Chưa có gì được lưu");
		}
		upstream.mapAll(s, type, mapping);
		for (Parsed p : parsed) {
			Long chosen = choices.get(p.line());
			jdbc.update("""
					INSERT INTO upstream_match_memory(system_id, subject_type, name_key, subject_id) VALUES (?, ?, ?, ?)
					ON CONFLICT (system_id, subject_type, name_key) DO UPDATE SET subject_id = excluded.subject_id""",
					systemId, type.name(), Similarity.key(p.name()), chosen == null || chosen == 0 ? null : chosen);
		}
		jdbc.update("DELETE FROM upstream_list_item WHERE list_id IN (SELECT id FROM upstream_list WHERE system_id = ? AND subject_type = ?)",
				systemId, type.name());
		jdbc.batchUpdate("INSERT INTO upstream_list_item(list_id, line, code, name, unit) VALUES (?, ?, ?, ?, ?)",
				parsed.stream().map(p -> new Object[] { listId, p.line(), p.code(), p.name(), p.unit() }).toList());
		jdbc.update("UPDATE upstream_list SET state = 'COMMITTED', committed_at = ? WHERE id = ?", Timestamp.from(clock.now()), listId);
		audit.change("UPSTREAM_LIST_COMMITTED", "UPSTREAM_SYSTEM", systemId, null, "Ghép danh mục " + type.label().toLowerCase()
				+ " của " + s.code() + " (" + l.get("filename") + "): " + mapping.size() + "/" + parsed.size() + " dòng được ghép",
				null, Map.of("list", listId, "mapped", mapping.size(), "lines", parsed.size()));
		return mapping.size();
	}

	/** The central items of the latest committed list of a system and kind that no local record carries. */
	public List<String[]> unmatched(long systemId, SubjectType type) {
		return jdbc.query("""
				SELECT i.code, i.name FROM upstream_list_item i JOIN upstream_list l ON l.id = i.list_id
				WHERE l.system_id = ? AND l.subject_type = ?
				  AND NOT EXISTS (SELECT 1 FROM upstream_code c WHERE c.system_id = l.system_id AND c.subject_type = l.subject_type
				                  AND upper(c.code) = upper(i.code))
				ORDER BY i.line""", (rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, systemId, type.name());
	}
}
