package vn.nq57.datacall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.datacall.DataCall.Question;
import vn.nq57.datacall.DataCall.QuestionInput;
import vn.nq57.kernel.VnFormat;
import vn.nq57.kernel.VnText;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.officialdoc.OfficialDocument.Align;
import vn.nq57.officialdoc.OfficialDocument.Column;
import vn.nq57.officialdoc.OfficialDocument.Table;
import vn.nq57.system.DomainException;

/**
 * The files of a call: the consolidated report in the Decree 30 layout (a report answering the requesting letter,
 * the figures in the text as in the Party committee's answer to the Central Office, an appendix table of figures)
 * and its Excel; the Excel an agency fills to answer; the Excel template DoST fills to give the questions.
 */
@Component
public class DataCallDocuments {

	private final Consolidation consolidation;
	private final JdbcTemplate jdbc;

	DataCallDocuments(Consolidation consolidation, JdbcTemplate jdbc) {
		this.consolidation = consolidation;
		this.jdbc = jdbc;
	}

	// ----- consolidated report -----

	public byte[] consolidatedDocx(DataCall call, List<Question> questions, LocalDate date) {
		List<Consolidation.Result> results = consolidation.results(call, questions, 30);
		Consolidation.Counts counts = consolidation.counts(call);
		OfficialDocument.Builder b = OfficialDocument.builder().issuer("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
			.number("      /BC-SKHCN").placeAndDate("Quảng Ngãi", date).kind("BÁO CÁO", call.title());
		String request = call.requestLine();
		b.paragraph((request.isEmpty() ? "Thực hiện đề nghị báo cáo" : "Thực hiện " + request)
				+ (call.requestSubject() == null ? "" : " về việc " + call.requestSubject())
				+ "; trên cơ sở báo cáo của " + counts.received() + "/" + counts.expected()
				+ " cơ quan, đơn vị (tỷ lệ báo cáo đầy đủ " + VnFormat.percent(counts.completeness()) + ", đúng hạn "
				+ VnFormat.percent(counts.timeliness()) + "), Sở Khoa học và Công nghệ tổng hợp, báo cáo như sau:");
		String section = null;
		int h1 = 0;
		int h2 = 0;
		for (Consolidation.Result r : results) {
			Question q = r.question();
			if (q.section() != null && !q.section().equals(section)) {
				section = q.section();
				h1++;
				h2 = 0;
				b.heading(2, h1 + ". " + section);
			}
			h2++;
			String number = h1 == 0 ? String.valueOf(h2) : h1 + "." + h2;
			b.heading(3, number + ". " + q.text());
			b.paragraph(sentence(r));
			if (q.kind() == QuestionKind.TEXT || q.kind() == QuestionKind.FILE) {
				for (String[] t : r.texts()) {
					b.paragraph("- " + t[0] + ": " + t[1]);
				}
				if (r.textCount() > r.texts().size()) {
					b.block(new OfficialDocument.Paragraph("(Và " + (r.textCount() - r.texts().size()) + " cơ quan, đơn vị khác; chi tiết tại tệp Excel kèm theo.)", true));
				}
			}
		}
		b.paragraph("Sở Khoa học và Công nghệ kính báo cáo" + (call.requestIssuer() == null ? "." : " " + call.requestIssuer() + "."));
		b.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "");
		List<String> to = new ArrayList<>();
		if (call.requestIssuer() != null) {
			to.add("- " + call.requestIssuer() + ";");
		}
		to.add("- UBND tỉnh (b/c);");
		to.add("- Lưu: VT, KH&ĐMST.");
		b.recipients(to);
		List<OfficialDocument.Row> rows = new ArrayList<>();
		int stt = 0;
		for (Consolidation.Result r : results) {
			if (r.question().kind() == QuestionKind.TEXT || r.question().kind() == QuestionKind.FILE) {
				continue;
			}
			stt++;
			rows.add(OfficialDocument.Row.of(String.valueOf(stt), r.question().text(),
					r.question().unit() == null ? (r.question().kind() == QuestionKind.PERCENT ? "%" : "") : r.question().unit(),
					r.figure(), String.valueOf(r.answered())));
		}
		List<OfficialDocument.Block> content = new ArrayList<>();
		content.add(new Table(List.of(new Column("STT", 6, Align.CENTER), new Column("Nội dung", 50),
				new Column("Đơn vị tính", 10, Align.CENTER), new Column("Kết quả tổng hợp", 24, Align.RIGHT),
				new Column("Số cơ quan báo cáo", 10, Align.CENTER)), rows));
		for (Consolidation.Result r : results) {
			if (r.question().kind() == QuestionKind.PER_COMMUNE && !r.communes().isEmpty()) {
				content.add(new OfficialDocument.Paragraph(r.question().code() + ". " + r.question().text()));
				List<OfficialDocument.Row> cr = new ArrayList<>();
				int i = 0;
				for (Consolidation.CommuneSum c : r.communes()) {
					cr.add(OfficialDocument.Row.of(String.valueOf(++i), c.name(), VnFormat.compact(c.sum(), 2)));
				}
				content.add(new Table(List.of(new Column("STT", 8, Align.CENTER), new Column("Xã, phường, đặc khu", 60),
						new Column("Số liệu" + (r.question().unit() == null ? "" : " (" + r.question().unit() + ")"), 32, Align.RIGHT)), cr));
			}
		}
		b.appendix(new OfficialDocument.Appendix("Phụ lục", "TỔNG HỢP SỐ LIỆU",
				"(Kèm theo Báo cáo số      /BC-SKHCN ngày      tháng      năm " + (date == null ? call.year() : date.getYear())
						+ " của Sở Khoa học và Công nghệ)", false, content));
		return DocxWriter.write(b.build());
	}

	/** The figure of one question as it reads in the report. */
	static String sentence(Consolidation.Result r) {
		Question q = r.question();
		String from = " (tổng hợp từ " + r.answered() + " cơ quan, đơn vị trả lời)";
		if (r.answered() == 0) {
			return "Chưa có cơ quan, đơn vị nào trả lời nội dung này.";
		}
		return switch (q.kind()) {
			case NUMBER -> "Kết quả: " + r.figure() + from + ".";
			case PERCENT -> r.rate() == null ? "Các cơ quan báo cáo tỷ lệ nhưng không kèm tử số, mẫu số" + from + "."
					: "Tỷ lệ chung đạt " + VnFormat.decimal(r.rate(), 2) + "% (" + VnFormat.compact(r.numerator(), 2) + "/"
							+ VnFormat.compact(r.denominator(), 2) + ", tính lại từ tổng tử số và tổng mẫu số)" + from
							+ (r.percentOnly() > 0 ? "; " + r.percentOnly() + " cơ quan chỉ báo cáo tỷ lệ, không đưa vào tỷ lệ chung" : "") + ".";
			case YES_NO -> r.yes() + "/" + r.answered() + " cơ quan, đơn vị trả lời “Có”, " + r.no() + " trả lời “Không”.";
			case CHOICE -> "Kết quả: " + r.figure() + from + ".";
			case PER_COMMUNE -> r.figure() + from + "; chi tiết theo từng xã tại Phụ lục.";
			case TEXT, FILE -> r.answered() + " cơ quan, đơn vị trả lời:";
		};
	}

	/** The consolidation as Excel: the figures, the answers side by side, the values per commune. */
	public byte[] consolidatedXlsx(DataCall call, List<Question> questions) {
		List<Consolidation.Result> results = consolidation.results(call, questions, 100_000);
		try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle head = headStyle(wb);
			Sheet s = wb.createSheet("Tổng hợp");
			Row t = s.createRow(0);
			t.createCell(0).setCellValue(call.title());
			Row h = s.createRow(2);
			String[] cols = { "Mã", "Câu hỏi", "Loại", "Đơn vị tính", "Số cơ quan trả lời", "Tổng", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Kết quả" };
			for (int i = 0; i < cols.length; i++) {
				Cell c = h.createCell(i);
				c.setCellValue(cols[i]);
				c.setCellStyle(head);
			}
			int r = 3;
			for (Consolidation.Result x : results) {
				Row row = s.createRow(r++);
				row.createCell(0).setCellValue(x.question().code());
				row.createCell(1).setCellValue(x.question().text());
				row.createCell(2).setCellValue(x.question().kind().label());
				row.createCell(3).setCellValue(x.question().unit() == null ? "" : x.question().unit());
				row.createCell(4).setCellValue(x.answered());
				num(row, 5, x.sum());
				num(row, 6, x.numerator());
				num(row, 7, x.denominator());
				num(row, 8, x.rate());
				row.createCell(9).setCellValue(x.figure());
			}
			s.setColumnWidth(1, 60 * 256);
			s.setColumnWidth(9, 40 * 256);
			Sheet side = wb.createSheet("Theo cơ quan");
			Row sh = side.createRow(0);
			Cell a0 = sh.createCell(0);
			a0.setCellValue("Cơ quan, đơn vị");
			a0.setCellStyle(head);
			Cell a1 = sh.createCell(1);
			a1.setCellValue("Ngày gửi");
			a1.setCellStyle(head);
			for (int i = 0; i < questions.size(); i++) {
				Cell c = sh.createCell(i + 2);
				c.setCellValue(questions.get(i).code() + ". " + questions.get(i).text());
				c.setCellStyle(head);
			}
			writeSideBySide(call, questions, side);
			if (results.stream().anyMatch(x -> !x.communes().isEmpty())) {
				Sheet cs = wb.createSheet("Theo xã");
				Row ch = cs.createRow(0);
				String[] cc = { "Mã câu hỏi", "Xã, phường, đặc khu", "Tổng số liệu", "Số cơ quan báo cáo" };
				for (int i = 0; i < cc.length; i++) {
					Cell c = ch.createCell(i);
					c.setCellValue(cc[i]);
					c.setCellStyle(head);
				}
				int k = 1;
				for (Consolidation.Result x : results) {
					for (Consolidation.CommuneSum c : x.communes()) {
						Row row = cs.createRow(k++);
						row.createCell(0).setCellValue(x.question().code());
						row.createCell(1).setCellValue(c.name());
						num(row, 2, c.sum());
						row.createCell(3).setCellValue(c.reporters());
					}
				}
			}
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void writeSideBySide(DataCall call, List<Question> questions, Sheet side) {
		Map<Long, Integer> col = new HashMap<>();
		Map<Long, Question> byId = new HashMap<>();
		for (int i = 0; i < questions.size(); i++) {
			col.put(questions.get(i).id(), i + 2);
			byId.put(questions.get(i).id(), questions.get(i));
		}
		int[] rowNo = { 0 };
		long[] current = { -1 };
		Row[] row = { null };
		jdbc.query("""
				SELECT r.id, ag.name, r.submitted_on, a.question_id, a.num_value, a.numerator, a.denominator, a.text_value,
				       a.bool_value, a.file_id,
				       (SELECT count(*) || ' xã; tổng ' || sum(v.value) FROM data_call_commune_value v
				        WHERE v.response_id = r.id AND v.question_id = a.question_id)
				FROM data_call_response r
				JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
				JOIN agency_view ag ON ag.id = r.agency_id
				LEFT JOIN data_call_answer a ON a.response_id = r.id
				WHERE r.call_id = ? AND r.state = 'SUBMITTED'
				ORDER BY ag.kind, ag.name, r.id""", rs -> {
			long id = rs.getLong(1);
			if (id != current[0]) {
				current[0] = id;
				row[0] = side.createRow(++rowNo[0]);
				row[0].createCell(0).setCellValue(rs.getString(2));
				LocalDate d = rs.getObject(3, LocalDate.class);
				row[0].createCell(1).setCellValue(d == null ? "" : VnFormat.DATE.format(d));
			}
			Long q = (Long) rs.getObject(4);
			if (q == null || !col.containsKey(q)) {
				return;
			}
			Question question = byId.get(q);
			Cell c = row[0].createCell(col.get(q));
			if (question.kind() == QuestionKind.NUMBER && rs.getBigDecimal(5) != null) {
				c.setCellValue(rs.getBigDecimal(5).doubleValue());
			}
			else if (question.kind() == QuestionKind.PER_COMMUNE) {
				c.setCellValue(rs.getString(11) == null ? "" : rs.getString(11));
			}
			else {
				c.setCellValue(Consolidation.text(question, rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
						rs.getString(8), (Boolean) rs.getObject(9), (Long) rs.getObject(10)));
			}
		}, call.id());
	}

	private static void num(Row row, int col, BigDecimal v) {
		if (v != null) {
			row.createCell(col).setCellValue(v.doubleValue());
		}
	}

	private static CellStyle headStyle(Workbook wb) {
		CellStyle st = wb.createCellStyle();
		Font f = wb.createFont();
		f.setBold(true);
		st.setFont(f);
		st.setWrapText(true);
		return st;
	}

	// ----- the answer template an agency fills -----

	static final String ANSWER_SHEET = "Trả lời";
	static final String COMMUNE_SHEET = "Theo xã";

	/** The Excel an agency fills: one row per question (value, or numerator and denominator), a sheet per commune. */
	public byte[] answerTemplate(DataCall call, List<Question> questions, Map<Long, Answers.Answer> current,
			List<String> communes) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle head = headStyle(wb);
			Sheet s = wb.createSheet(ANSWER_SHEET);
			s.createRow(0).createCell(0).setCellValue(call.title() + " – hạn gửi " + VnFormat.DATE.format(call.dueDate()));
			Row h = s.createRow(1);
			String[] cols = { "Mã", "Câu hỏi", "Loại", "Đơn vị tính", "Trả lời", "Tử số", "Mẫu số", "Phương án" };
			for (int i = 0; i < cols.length; i++) {
				Cell c = h.createCell(i);
				c.setCellValue(cols[i]);
				c.setCellStyle(head);
			}
			int r = 2;
			for (Question q : questions) {
				Row row = s.createRow(r++);
				row.createCell(0).setCellValue(q.code());
				row.createCell(1).setCellValue(q.text());
				row.createCell(2).setCellValue(q.kind().label());
				row.createCell(3).setCellValue(q.unit() == null ? "" : q.unit());
				row.createCell(7).setCellValue(String.join("; ", q.choiceList()));
				Answers.Answer a = current.get(q.id());
				if (a != null) {
					switch (q.kind()) {
						case NUMBER -> row.createCell(4).setCellValue(VnFormat.compact(a.number(), 4));
						case PERCENT -> {
							if (a.denominator() != null) {
								row.createCell(5).setCellValue(VnFormat.compact(a.numerator(), 4));
								row.createCell(6).setCellValue(VnFormat.compact(a.denominator(), 4));
							}
							else if (a.number() != null) {
								row.createCell(4).setCellValue(VnFormat.compact(a.number(), 4));
							}
						}
						case TEXT, CHOICE -> row.createCell(4).setCellValue(a.text() == null ? "" : a.text());
						case YES_NO -> row.createCell(4).setCellValue(a.yes() == null ? "" : a.yes() ? "Có" : "Không");
						default -> {
						}
					}
				}
			}
			s.setColumnWidth(1, 70 * 256);
			if (questions.stream().anyMatch(q -> q.kind() == QuestionKind.PER_COMMUNE)) {
				Sheet c = wb.createSheet(COMMUNE_SHEET);
				Row ch = c.createRow(0);
				Cell c0 = ch.createCell(0);
				c0.setCellValue("Xã, phường, đặc khu");
				c0.setCellStyle(head);
				List<Question> pc = questions.stream().filter(q -> q.kind() == QuestionKind.PER_COMMUNE).toList();
				for (int i = 0; i < pc.size(); i++) {
					Cell x = ch.createCell(i + 1);
					x.setCellValue(pc.get(i).code());
					x.setCellStyle(head);
				}
				int k = 1;
				for (String name : communes) {
					c.createRow(k++).createCell(0).setCellValue(name);
				}
				c.setColumnWidth(0, 40 * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What a filled answer file says, by question id; refused with every reason when its shape is wrong. */
	public Map<Long, Answers.Input> readAnswers(byte[] data, String filename, List<Question> questions,
			Map<String, Long> communeIdsByName) {
		SafeUpload.check(data, filename, false);
		Map<String, Question> byCode = new HashMap<>();
		questions.forEach(q -> byCode.put(q.code().strip().toUpperCase(), q));
		Map<Long, Answers.Input> out = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		DataFormatter f = new DataFormatter(java.util.Locale.forLanguageTag("vi-VN"));
		try (Workbook wb = SafeUpload.open(data, filename)) {
			Sheet s = wb.getSheet(ANSWER_SHEET);
			if (s == null) {
				throw new DomainException("Tệp “" + filename + "” không có trang “" + ANSWER_SHEET
						+ "”; hãy dùng mẫu trả lời tải từ hệ thống");
			}
			Row header = s.getRow(1);
			if (header == null || !"Mã".equals(text(f, header.getCell(0))) || !"Trả lời".equals(text(f, header.getCell(4)))) {
				throw new DomainException("Trang “" + ANSWER_SHEET + "” không đúng mẫu (dòng 2 phải có các cột Mã, Câu hỏi, Loại, Đơn vị tính, Trả lời, Tử số, Mẫu số)");
			}
			for (int i = 2; i <= s.getLastRowNum(); i++) {
				Row row = s.getRow(i);
				if (row == null) {
					continue;
				}
				String code = text(f, row.getCell(0));
				if (code.isEmpty()) {
					continue;
				}
				Question q = byCode.get(code.toUpperCase());
				if (q == null) {
					errors.add("Dòng " + (i + 1) + ": mã câu hỏi “" + code + "” không có trong đợt báo cáo");
					continue;
				}
				if (q.kind() == QuestionKind.FILE || q.kind() == QuestionKind.PER_COMMUNE) {
					continue;
				}
				String value = text(f, row.getCell(4));
				String num = text(f, row.getCell(5));
				String den = text(f, row.getCell(6));
				if (!value.isEmpty() || !num.isEmpty() || !den.isEmpty()) {
					out.put(q.id(), new Answers.Input(value, num, den, Map.of(), null, null));
				}
			}
			Sheet c = wb.getSheet(COMMUNE_SHEET);
			if (c != null && c.getRow(0) != null) {
				Row ch = c.getRow(0);
				Map<Integer, Question> cols = new HashMap<>();
				for (int j = 1; j < ch.getLastCellNum(); j++) {
					String code = text(f, ch.getCell(j));
					Question q = byCode.get(code.toUpperCase());
					if (q != null && q.kind() == QuestionKind.PER_COMMUNE) {
						cols.put(j, q);
					}
					else if (!code.isEmpty()) {
						errors.add("Trang “" + COMMUNE_SHEET + "”, cột " + (j + 1) + ": “" + code + "” không phải câu hỏi số liệu theo xã của đợt này");
					}
				}
				Map<Long, Map<Long, String>> values = new LinkedHashMap<>();
				for (int i = 1; i <= c.getLastRowNum(); i++) {
					Row row = c.getRow(i);
					if (row == null) {
						continue;
					}
					String name = text(f, row.getCell(0));
					if (name.isEmpty()) {
						continue;
					}
					Long commune = communeIdsByName.get(VnText.fold(name));
					for (var e : cols.entrySet()) {
						String v = text(f, row.getCell(e.getKey()));
						if (v.isEmpty()) {
							continue;
						}
						if (commune == null) {
							errors.add("Trang “" + COMMUNE_SHEET + "”, dòng " + (i + 1) + ": “" + name + "” không phải xã, phường, đặc khu trong danh mục");
							break;
						}
						values.computeIfAbsent(e.getValue().id(), k -> new LinkedHashMap<>()).put(commune, v);
					}
				}
				values.forEach((q, m) -> out.put(q, new Answers.Input(null, null, null, m, null, null)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors));
		}
		if (out.isEmpty()) {
			throw new DomainException("Tệp “" + filename + "” chưa có câu trả lời nào");
		}
		return out;
	}

	static String text(DataFormatter f, Cell c) {
		if (c == null) {
			return "";
		}
		if (c.getCellType() == CellType.NUMERIC) {
			BigDecimal v = BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros();
			return VnFormat.compact(v, 4).replace(".", "");
		}
		return VnText.nfc(f.formatCellValue(c)).strip();
	}

	// ----- the question template DoST fills -----

	static final String[] QUESTION_COLUMNS = { "Mã", "Mục", "Câu hỏi", "Loại", "Đơn vị tính", "Phương án", "Bắt buộc", "Điền sẵn từ" };

	public byte[] questionTemplate() {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle head = headStyle(wb);
			Sheet s = wb.createSheet("Câu hỏi");
			Row h = s.createRow(0);
			for (int i = 0; i < QUESTION_COLUMNS.length; i++) {
				Cell c = h.createCell(i);
				c.setCellValue(QUESTION_COLUMNS[i]);
				c.setCellStyle(head);
			}
			String[][] sample = { { "1", "Hạ tầng số", "Số trạm BTS trên địa bàn", "Số", "trạm", "", "Có", "" },
					{ "2", "Hạ tầng số", "Tỷ lệ văn bản điện tử", "Tỷ lệ", "%", "", "Có", "" },
					{ "3", "Chuyển đổi số", "Đã ban hành kế hoạch chuyển đổi số năm?", "Có/Không", "", "", "", "" },
					{ "4", "Chuyển đổi số", "Mức độ triển khai", "Lựa chọn", "", "Chưa triển khai; Đang triển khai; Đã hoàn thành", "", "" },
					{ "5", "Chuyển đổi số", "Khó khăn, vướng mắc", "Văn bản", "", "", "", "" } };
			for (int r = 0; r < sample.length; r++) {
				Row row = s.createRow(r + 1);
				for (int i = 0; i < sample[r].length; i++) {
					row.createCell(i).setCellValue(sample[r][i]);
				}
			}
			Sheet help = wb.createSheet("Hướng dẫn");
			String[] lines = { "Loại: Số, Tỷ lệ, Văn bản, Có/Không, Lựa chọn, Tệp, Số liệu theo từng xã",
					"Phương án (câu lựa chọn): các phương án cách nhau bởi dấu chấm phẩy",
					"Điền sẵn từ: INDICATOR:<mã chỉ số>, TASKS_DONE, TASKS_OVERDUE, TASKS_TOTAL (để trống nếu không)" };
			for (int i = 0; i < lines.length; i++) {
				help.createRow(i).createCell(0).setCellValue(lines[i]);
			}
			s.setColumnWidth(2, 60 * 256);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A parsed question row, with its problems (an empty list: fine). */
	public record QuestionRow(int line, QuestionInput input, List<String> problems) {
	}

	public List<QuestionRow> readQuestions(byte[] data, String filename) {
		SafeUpload.check(data, filename, false);
		DataFormatter f = new DataFormatter(java.util.Locale.forLanguageTag("vi-VN"));
		List<QuestionRow> out = new ArrayList<>();
		try (Workbook wb = SafeUpload.open(data, filename)) {
			Sheet s = wb.getSheetAt(0);
			Row h = s.getRow(s.getFirstRowNum());
			if (h == null) {
				throw new DomainException("Tệp “" + filename + "” trống");
			}
			Map<String, Integer> col = new HashMap<>();
			List<String> unknown = new ArrayList<>();
			for (int j = 0; j < h.getLastCellNum(); j++) {
				String name = text(f, h.getCell(j));
				if (name.isEmpty()) {
					continue;
				}
				String key = null;
				for (String c : QUESTION_COLUMNS) {
					if (VnText.fold(c).equals(VnText.fold(name))) {
						key = c;
					}
				}
				if (key == null) {
					unknown.add("“" + name + "”");
				}
				else {
					col.put(key, j);
				}
			}
			if (!unknown.isEmpty() || !col.containsKey("Câu hỏi") || !col.containsKey("Loại")) {
				throw new DomainException("Mẫu câu hỏi không đúng: " + (unknown.isEmpty() ? "" : "cột không nhận ra " + String.join(", ", unknown) + "; ")
						+ "các cột của mẫu là " + String.join(", ", QUESTION_COLUMNS) + " (bắt buộc có Câu hỏi và Loại)");
			}
			for (int i = s.getFirstRowNum() + 1; i <= s.getLastRowNum(); i++) {
				Row row = s.getRow(i);
				if (row == null) {
					continue;
				}
				java.util.function.Function<String, String> cell = k -> col.containsKey(k) ? text(f, row.getCell(col.get(k))) : "";
				String text = cell.apply("Câu hỏi");
				String kindText = cell.apply("Loại");
				if (text.isEmpty() && kindText.isEmpty()) {
					continue;
				}
				List<String> problems = new ArrayList<>();
				QuestionKind kind = QuestionKind.read(kindText);
				if (text.isEmpty()) {
					problems.add("thiếu nội dung câu hỏi");
				}
				if (kind == null) {
					problems.add("loại “" + kindText + "” không nhận ra (Số, Tỷ lệ, Văn bản, Có/Không, Lựa chọn, Tệp, Số liệu theo từng xã)");
				}
				String choices = cell.apply("Phương án");
				if (kind == QuestionKind.CHOICE && choices.split(";").length < 2) {
					problems.add("câu lựa chọn cần ít nhất hai phương án cách nhau bởi dấu chấm phẩy");
				}
				String pre = cell.apply("Điền sẵn từ");
				if (!pre.isEmpty() && !Prefill.valid(pre)) {
					problems.add("nguồn điền sẵn “" + pre + "” không hợp lệ");
				}
				String req = VnText.fold(cell.apply("Bắt buộc"));
				out.add(new QuestionRow(i + 1, new QuestionInput(cell.apply("Mã"), cell.apply("Mục"), text, kind,
						cell.apply("Đơn vị tính"), choices.replace(";", "\n"), req.startsWith("co") || req.equals("x"),
						pre.isEmpty() ? null : pre), problems));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (out.isEmpty()) {
			throw new DomainException("Tệp “" + filename + "” không có câu hỏi nào");
		}
		return out;
	}
}
