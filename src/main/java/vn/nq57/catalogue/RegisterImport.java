package vn.nq57.catalogue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * Excel export and import of every {@link Register}. The import is two steps: the preview runs every row through
 * the register's own service inside a transaction that is rolled back (a savepoint per row, so one wrong row does
 * not hide the next), and shows per row what would happen; the commit runs the same rows again in one transaction
 * and keeps them only if every row passes: all or nothing. Titles near existing entries are warned in the preview
 * and imported only when the user confirms.
 */
@Service
public class RegisterImport {

	/** What the preview found on one line of the sheet. */
	public record Line(int line, String title, String error, String warning) {

		public boolean ok() {
			return error == null;
		}
	}

	public record Preview(String token, String register, String fileName, int rows, int errors, int warnings,
			List<Line> lines) {

		public boolean committable() {
			return errors == 0 && rows > 0;
		}
	}

	private final Map<String, Register> registers = new LinkedHashMap<>();
	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final AppClock clock;

	RegisterImport(List<Register> all, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager txm, AuditLog audit,
			AppClock clock) {
		all.forEach(r -> registers.put(r.code(), r));
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(txm);
		this.audit = audit;
		this.clock = clock;
	}

	public Register register(String code) {
		Register r = registers.get(code);
		if (r == null) {
			throw new NotFoundException("Không có danh mục “" + code + "”");
		}
		return r;
	}

	public List<Register> registers() {
		return List.copyOf(registers.values());
	}

	public byte[] export(String code, String q) {
		Register r = register(code);
		return RegisterFiles.xlsx(sheetName(r.title()), r.headers(), r.exportRows(q), null);
	}

	/** An empty sheet with the register's columns, to fill in and import. */
	public byte[] template(String code) {
		Register r = register(code);
		return RegisterFiles.xlsx(sheetName(r.title()), r.headers(), List.of(), null);
	}

	public Preview preview(String code, String fileName, byte[] data) {
		Register r = register(code);
		CurrentUser user = AccessPolicy.current();
		List<Map<String, String>> rows = read(r, fileName, data);
		String token = UUID.randomUUID().toString();
		List<Line> lines = run(r, rows, true, false);
		jdbc.update("DELETE FROM catalogue_import WHERE created_at < :old", new MapSqlParameterSource("old",
				Timestamp.from(clock.now().minusSeconds(86400))));
		jdbc.update("""
				INSERT INTO catalogue_import(token, register, user_id, file_name, data, created_at)
				VALUES (:token, :reg, :user, :name, :data, :now)""",
				new MapSqlParameterSource("token", token).addValue("reg", code).addValue("user", user.id())
					.addValue("name", fileName == null ? "" : fileName).addValue("data", data)
					.addValue("now", Timestamp.from(clock.now())));
		int errors = (int) lines.stream().filter(l -> !l.ok()).count();
		int warnings = (int) lines.stream().filter(l -> l.warning() != null).count();
		return new Preview(token, code, fileName, rows.size(), errors, warnings, lines);
	}

	/** Imports every row of the previewed file or none; returns how many were created. */
	public int commit(String code, String token, boolean acknowledgeDuplicates) {
		Register r = register(code);
		CurrentUser user = AccessPolicy.current();
		Object[] stored = jdbc.query("SELECT file_name, data FROM catalogue_import WHERE token = :t AND register = :r AND user_id = :u",
				new MapSqlParameterSource("t", token).addValue("r", code).addValue("u", user.id()),
				rs -> rs.next() ? new Object[] { rs.getString(1), rs.getBytes(2) } : null);
		if (stored == null) {
			throw new DomainException("Không tìm thấy bản xem trước (đã hết hạn hoặc của người khác); hãy tải tệp lên lại");
		}
		List<Map<String, String>> rows = read(r, (String) stored[0], (byte[]) stored[1]);
		List<Line> lines = run(r, rows, false, acknowledgeDuplicates);
		jdbc.update("DELETE FROM catalogue_import WHERE token = :t", new MapSqlParameterSource("t", token));
		return (int) lines.stream().filter(Line::ok).count();
	}

	private List<Line> run(Register r, List<Map<String, String>> rows, boolean dryRun, boolean acknowledge) {
		List<Line> lines = new ArrayList<>();
		tx.executeWithoutResult(status -> {
			for (Map<String, String> row : rows) {
				int line = Integer.parseInt(row.get("__line"));
				String title = row.get(r.headers().get(0));
				savepoint("SAVEPOINT import_row");
				String warning = null;
				try {
					try {
						r.importRow(row, dryRun ? false : acknowledge);
					}
					catch (DuplicateWarning w) {
						if (!dryRun) {
							throw w;
						}
						warning = w.getMessage();
						savepoint("ROLLBACK TO SAVEPOINT import_row");
						r.importRow(row, true);
					}
					lines.add(new Line(line, title, null, warning));
					savepoint("RELEASE SAVEPOINT import_row");
				}
				catch (DomainException | org.springframework.dao.DataAccessException
						| org.springframework.security.access.AccessDeniedException e) {
					savepoint("ROLLBACK TO SAVEPOINT import_row");
					savepoint("RELEASE SAVEPOINT import_row");
					lines.add(new Line(line, title, message(e), warning));
				}
			}
			if (dryRun) {
				status.setRollbackOnly();
				return;
			}
			List<Line> bad = lines.stream().filter(l -> !l.ok()).toList();
			if (!bad.isEmpty()) {
				status.setRollbackOnly();
				return;
			}
			audit.change("REGISTER_IMPORTED", "REGISTER", null, null,
					"Nhập " + lines.size() + " dòng vào " + r.title() + " từ Excel", null, Map.of("rows", lines.size(), "register", r.code()));
		});
		if (!dryRun) {
			List<Line> bad = lines.stream().filter(l -> !l.ok()).toList();
			if (!bad.isEmpty()) {
				Line first = bad.get(0);
				throw new DomainException("Dòng " + first.line() + ": " + first.error() + (bad.size() > 1
						? " (và " + (bad.size() - 1) + " dòng lỗi khác)" : "") + ". Không nhập dòng nào.");
			}
		}
		return lines;
	}

	/** A row's savepoint, in SQL on the transaction's connection (the JPA transaction manager has no nested ones). */
	private void savepoint(String sql) {
		jdbc.getJdbcTemplate().execute(sql);
	}

	private static String message(RuntimeException e) {
		if (e instanceof org.springframework.dao.DataAccessException) {
			return "dữ liệu không hợp lệ với cơ sở dữ liệu";
		}
		return e.getMessage();
	}

	private List<Map<String, String>> read(Register r, String fileName, byte[] data) {
		List<List<String>> grid;
		try (Workbook wb = RegisterFiles.openXlsx(fileName, data)) {
			grid = RegisterFiles.rows(wb);
		}
		catch (java.io.IOException e) {
			throw new DomainException("Không đọc được tệp Excel");
		}
		int headerRow = -1;
		Map<Integer, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(grid.size(), 10) && headerRow < 0; i++) {
			Map<Integer, String> found = new LinkedHashMap<>();
			List<String> cells = grid.get(i);
			for (int c = 0; c < cells.size(); c++) {
				for (String h : r.headers()) {
					if (VnText.fold(h).equals(VnText.fold(cells.get(c)))) {
						found.put(c, h);
					}
				}
			}
			if (found.size() >= Math.max(1, r.required().size())) {
				headerRow = i;
				columns = found;
			}
		}
		if (headerRow < 0 || !columns.values().containsAll(r.required())) {
			List<String> missing = new ArrayList<>(r.required());
			missing.removeAll(columns.values());
			throw new DomainException("Không tìm thấy dòng tiêu đề với các cột bắt buộc của " + r.title() + " (thiếu: "
					+ String.join(", ", missing.isEmpty() ? r.required() : missing) + "); hãy dùng tệp mẫu");
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = headerRow + 1; i < grid.size(); i++) {
			List<String> cells = grid.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (Map.Entry<Integer, String> col : columns.entrySet()) {
				row.put(col.getValue(), col.getKey() < cells.size() ? cells.get(col.getKey()) : "");
			}
			row.put("__line", String.valueOf(i + 1));
			rows.add(row);
		}
		if (rows.isEmpty()) {
			throw new DomainException("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề");
		}
		return rows;
	}

	private static String sheetName(String title) {
		String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
		return s.length() > 31 ? s.substring(0, 31) : s;
	}
}
