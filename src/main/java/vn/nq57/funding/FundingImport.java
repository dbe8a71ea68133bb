package vn.nq57.funding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.Money;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * Proposals in from Excel: an agency (or DoST on its behalf) downloads the template of a call (pre-filled with the
 * agency's tasks), fills one proposal per row, uploads it; the preview lists what is wrong with each row (unknown task,
 * amount unreadable, year outside the call, duplicate row, unknown source or category, missing justification), and only
 * a file without errors can be committed, all rows or none, as drafts the head then submits.
 */
@Service
class FundingImport {

	static final String[] HEADERS = { "Mã nhiệm vụ", "Tên nhiệm vụ (tham khảo)", "Nguồn kinh phí", "Loại chi", "Năm",
			"Số tiền (đồng)", "Sự cần thiết, căn cứ", "Sản phẩm dự kiến" };

	static final int MAX_ROWS = 5_000;

	/** One row read: the input it makes, or the findings that stop it. */
	record Line(int row, Long taskId, String task, Source source, Category category, Integer year, Long amount,
			String justification, String expectedOutput, List<String> findings) implements java.io.Serializable {
	}

	/** Held in the user's session between preview and commit: serializable, so every node reads it (JDBC sessions). */
	record Preview(String token, long callId, long agencyId, String agencyName, List<Line> lines, int errors)
			implements java.io.Serializable {

		public boolean committable() {
			return errors == 0 && !lines.isEmpty();
		}
	}

	record Held(Preview preview, long userId, Instant at) implements java.io.Serializable {
	}

	/** The session attribute of a preview. */
	static final String SESSION_KEY = "nq57.funding.import.";

	/**
	 * Previews outside a web request (services called by tests and scripts); a request's previews live in its
	 * session, which the database holds for every node.
	 */
	private final Map<String, Held> held = new ConcurrentHashMap<>();

	private static jakarta.servlet.http.HttpSession session() {
		return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() instanceof
				org.springframework.web.context.request.ServletRequestAttributes a ? a.getRequest().getSession() : null;
	}

	private void hold(Held h) {
		var session = session();
		if (session == null) {
			held.values().removeIf(x -> x.at().isBefore(Instant.now().minusSeconds(3600)));
			held.put(h.preview().token(), h);
			return;
		}
		// one preview per user session at a time: an earlier one is replaced
		java.util.Collections.list(session.getAttributeNames()).stream().filter(n -> n.startsWith(SESSION_KEY))
			.forEach(session::removeAttribute);
		session.setAttribute(SESSION_KEY + h.preview().token(), h);
	}

	private Held held(String token) {
		var session = session();
		return session == null ? held.get(token)
				: session.getAttribute(SESSION_KEY + token) instanceof Held h ? h : held.get(token);
	}

	private void release(String token) {
		var session = session();
		if (session != null) {
			session.removeAttribute(SESSION_KEY + token);
		}
		held.remove(token);
	}
	private final JdbcTemplate jdbc;
	private final FundingStore store;
	private final FundingQueries queries;
	private final FundingProposals proposals;
	private final FundingFiles files;
	private final FundingAccess access;
	private final AppClock clock;

	FundingImport(JdbcTemplate jdbc, FundingStore store, FundingQueries queries, FundingProposals proposals, FundingFiles files,
			FundingAccess access, AppClock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.queries = queries;
		this.proposals = proposals;
		this.files = files;
		this.access = access;
		this.clock = clock;
	}

	/** The template of a call for an agency: the headers, a guide row, and the agency's tasks listed on a second sheet. */
	byte[] template(long callId, long agencyId) {
		FundingCall call = store.call(callId);
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet("Đề xuất");
			Row h = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				h.createCell(i).setCellValue(HEADERS[i]);
				sheet.setColumnWidth(i, i == 1 || i == 6 ? 60 * 256 : 20 * 256);
			}
			Sheet tasks = wb.createSheet("Nhiệm vụ của cơ quan");
			tasks.createRow(0).createCell(0).setCellValue("Mã nhiệm vụ");
			tasks.getRow(0).createCell(1).setCellValue("Tên nhiệm vụ");
			tasks.getRow(0).createCell(2).setCellValue("Nguồn: Ngân sách nhà nước | Vốn doanh nghiệp | Tài trợ quốc tế | Nguồn huy động hợp pháp khác");
			tasks.getRow(0).createCell(3).setCellValue("Năm của đợt: " + call.years());
			int r = 1;
			for (FundingQueries.TaskRef t : queries.tasksOf(agencyId, 2000)) {
				Row row = tasks.createRow(r++);
				row.createCell(0).setCellValue(t.id());
				row.createCell(1).setCellValue(t.title());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new DomainException("Không tạo được tệp mẫu");
		}
	}

	/** Reads the file and keeps the preview for its user; nothing is saved. */
	Preview preview(long callId, long agencyId, FundingFiles.Upload upload) {
		CurrentUser me = AccessPolicy.current();
		access.require(FundingAccess.isAgencyStaff(me, agencyId) || FundingAccess.isDost(me), "FUNDING_IMPORT", null,
				"nhập đề xuất kinh phí cho cơ quan khác");
		FundingCall call = store.call(callId);
		if (!call.open() || clock.today().isAfter(call.closesOn())) {
			throw new DomainException("Đợt đề xuất “" + call.title() + "” không còn nhận đề xuất");
		}
		Set<Long> mine = new HashSet<>(queries.tasksOf(agencyId, 100_000).stream().map(FundingQueries.TaskRef::id).toList());
		List<Line> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		DataFormatter fmt = new DataFormatter();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(upload.data()))) {
			Sheet sheet = wb.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new DomainException("Tệp có hơn " + MAX_ROWS + " dòng; hãy chia thành nhiều tệp");
			}
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || isBlank(row, fmt)) {
					continue;
				}
				List<String> findings = new ArrayList<>();
				int line = r + 1;
				Long taskId = null;
				String taskText = text(row, 0, fmt);
				try {
					taskId = Long.parseLong(taskText.replaceAll("\\.0$", "").strip());
					if (!mine.contains(taskId)) {
						findings.add(cell(0, line) + ": nhiệm vụ số " + taskId + " không có hoặc không giao cho cơ quan");
					}
				}
				catch (NumberFormatException e) {
					findings.add(cell(0, line) + ": mã nhiệm vụ “" + taskText + "” không hợp lệ (xem trang “Nhiệm vụ của cơ quan”)");
				}
				Source source = Source.find(text(row, 2, fmt));
				if (source == null) {
					findings.add(cell(2, line) + ": nguồn kinh phí “" + text(row, 2, fmt) + "” không thuộc bốn nguồn");
				}
				Category category = Category.find(text(row, 3, fmt));
				if (category == null) {
					findings.add(cell(3, line) + ": loại chi “" + text(row, 3, fmt) + "” không hợp lệ");
				}
				Integer year = null;
				try {
					year = Integer.parseInt(text(row, 4, fmt).replaceAll("\\.0$", "").strip());
					if (!call.covers(year)) {
						findings.add(cell(4, line) + ": năm " + year + " nằm ngoài đợt đề xuất (" + call.years() + ")");
					}
				}
				catch (NumberFormatException e) {
					findings.add(cell(4, line) + ": năm “" + text(row, 4, fmt) + "” không hợp lệ");
				}
				Long amount = null;
				Cell a = row.getCell(5);
				try {
					amount = a != null && a.getCellType() == CellType.NUMERIC ? Money.ofNumber(a.getNumericCellValue(), cell(5, line))
							: Money.parse(text(row, 5, fmt), cell(5, line));
					if (amount <= 0) {
						findings.add(cell(5, line) + ": số tiền phải lớn hơn 0 đồng");
					}
				}
				catch (Money.Unreadable e) {
					findings.add(e.getMessage());
				}
				String justification = text(row, 6, fmt);
				if (justification.isBlank()) {
					findings.add(cell(6, line) + ": chưa ghi sự cần thiết, căn cứ");
				}
				if (taskId != null && year != null && source != null && !seen.add(taskId + "|" + year + "|" + source)) {
					findings.add("Dòng " + line + ": trùng với một dòng trước (cùng nhiệm vụ, năm và nguồn)");
				}
				lines.add(new Line(line, taskId, taskText, source, category, year, amount, justification, text(row, 7, fmt),
						findings));
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof DomainException d) {
				throw d;
			}
			throw new DomainException("Không đọc được tệp “" + upload.filename() + "”; hãy dùng mẫu tải về từ hệ thống");
		}
		int errors = (int) lines.stream().filter(l -> !l.findings().isEmpty()).count();
		Preview p = new Preview(UUID.randomUUID().toString(), callId, agencyId, store.agencyName(agencyId), lines, errors);
		hold(new Held(p, me.id(), Instant.now()));
		return p;
	}

	/** Commits a preview without errors: every row becomes a draft, or none does. */
	@Transactional
	int commit(String token) {
		CurrentUser me = AccessPolicy.current();
		Held h = held(token);
		if (h == null || h.userId() != me.id()) {
			throw new DomainException("Bản xem trước đã hết hạn; hãy tải tệp lên lại");
		}
		Preview p = h.preview();
		if (!p.committable()) {
			throw new DomainException("Tệp còn " + p.errors() + " dòng lỗi; hãy sửa tệp rồi tải lên lại");
		}
		for (Line l : p.lines()) {
			proposals.create(new FundingProposals.Input(p.callId(), l.taskId(), p.agencyId(), l.source(), l.category(),
					Map.of(l.year(), l.amount()), l.justification(), l.expectedOutput(), null));
		}
		release(token);
		return p.lines().size();
	}

	private static String cell(int col, int line) {
		return "ô " + CellReference.convertNumToColString(col) + line;
	}

	private static String text(Row row, int col, DataFormatter fmt) {
		Cell c = row.getCell(col);
		return c == null ? "" : fmt.formatCellValue(c).strip();
	}

	private static boolean isBlank(Row row, DataFormatter fmt) {
		for (int i = 0; i < HEADERS.length; i++) {
			if (!text(row, i, fmt).isBlank()) {
				return false;
			}
		}
		return true;
	}
}
