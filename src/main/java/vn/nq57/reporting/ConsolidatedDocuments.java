package vn.nq57.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.nq57.kernel.Rates;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.officialdoc.OfficialDocument.Align;
import vn.nq57.officialdoc.OfficialDocument.Appendix;
import vn.nq57.officialdoc.OfficialDocument.Block;
import vn.nq57.officialdoc.OfficialDocument.Column;
import vn.nq57.officialdoc.OfficialDocument.Heading;
import vn.nq57.officialdoc.OfficialDocument.Paragraph;
import vn.nq57.officialdoc.OfficialDocument.Table;
import vn.nq57.reporting.ConsolidatedData.AgencyReport;
import vn.nq57.reporting.ConsolidatedData.AppendixRow;
import vn.nq57.reporting.ConsolidatedData.Contribution;
import vn.nq57.reporting.ConsolidatedData.GroupFigures;
import vn.nq57.reporting.ConsolidatedData.LateAgency;
import vn.nq57.reporting.ConsolidatedData.ThemeItems;
import vn.nq57.reporting.ConsolidatedReportService.DocSection;
import vn.nq57.reporting.ConsolidatedReportService.Header;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;
import vn.nq57.kernel.VnFormat;

/** The consolidated report as files: the Word document (Decree 30 layout) and the same tables in Excel. */
final class ConsolidatedDocuments {

	private static final VnFormat FMT = new VnFormat();

	static final List<TaskStatus> COLUMNS = List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE,
			TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE, TaskStatus.AWAITING_TRIGGER, TaskStatus.ONGOING,
			TaskStatus.NO_DEADLINE);

	private ConsolidatedDocuments() {
	}

	// ----- Word -----

	static byte[] docx(Header h, List<DocSection> sections, ConsolidatedData d, String issuerName) {
		OfficialDocument.Builder b = OfficialDocument.builder()
			.issuer(h.issuerParent(), h.issuer())
			.number(h.number())
			.placeAndDate(h.place(), h.docDate())
			.kind("Báo cáo", h.subject())
			.signature(h.signerAuthority(), h.signerTitle(), h.signerName())
			.recipients(h.recipients());
		for (DocSection s : sections) {
			if (s.level() > 0 && s.heading() != null && !s.heading().isBlank()) {
				b.block(new Heading(Math.min(s.level(), 3), s.heading()));
			}
			if (s.body() != null && !s.body().isBlank()) {
				b.block(new Paragraph(s.body()));
			}
		}
		String reference = "(Kèm theo Báo cáo số " + h.number().strip() + " ngày "
				+ (h.docDate() == null ? "     " : FMT.date(h.docDate())) + " của " + issuerName + ")";
		b.appendix(new Appendix("Phụ lục I", "Danh mục nhiệm vụ và tình hình thực hiện", reference, true,
				List.of(new Paragraph("Tình trạng thực hiện tính đến ngày " + FMT.date(d.asOf()) + ".", true), tasksTable(d))));
		b.appendix(new Appendix("Phụ lục II", "Tình hình gửi báo cáo " + ConsolidatedText.lowerFirst(d.periodLabel()),
				reference, false, List.of(reportsTable(d))));
		return DocxWriter.write(b.build());
	}

	private static Block tasksTable(ConsolidatedData d) {
		List<OfficialDocument.Row> rows = new ArrayList<>();
		String group = "\u0000";
		int i = 0;
		for (AppendixRow r : d.appendix()) {
			String g = r.groupCode() == null ? ReportContent.NO_GROUP : r.groupCode();
			if (!g.equals(group)) {
				group = g;
				i = 0;
				rows.add(OfficialDocument.Row.group(r.groupCode() == null ? "Nhiệm vụ tại các thông báo kết luận, văn bản chỉ đạo khác"
						: r.groupCode() + ". " + r.groupTitle()));
			}
			i++;
			rows.add(OfficialDocument.Row.of(r.stt() == null || r.stt().isBlank() ? String.valueOf(i) : r.stt(),
					r.title(), Objects.toString(r.leads(), ""), deadline(r), r.status().label(), done(r)));
		}
		if (d.appendixTotal() > d.appendix().size()) {
			rows.add(OfficialDocument.Row.group("Phụ lục liệt kê " + FMT.num(d.appendix().size()) + "/"
					+ FMT.num(d.appendixTotal()) + " nhiệm vụ; danh sách đầy đủ trong tệp Excel kèm theo."));
		}
		return new Table(List.of(new Column("STT", 5, Align.CENTER), new Column("Tên nhiệm vụ", 40),
				new Column("Cơ quan chủ trì", 18), new Column("Thời gian hoàn thành", 12, Align.CENTER),
				new Column("Tình trạng", 13, Align.CENTER), new Column("Số cơ quan đã hoàn thành", 12, Align.CENTER)), rows);
	}

	private static Block reportsTable(ConsolidatedData d) {
		List<OfficialDocument.Row> rows = new ArrayList<>();
		int i = 0;
		for (AgencyReport r : d.reports()) {
			rows.add(OfficialDocument.Row.of(String.valueOf(++i), r.agency(), r.cell().label(),
					r.firstSubmittedOn() == null ? "" : FMT.date(r.firstSubmittedOn())));
		}
		return new Table(List.of(new Column("STT", 8, Align.CENTER), new Column("Cơ quan, đơn vị", 52),
				new Column("Tình hình gửi báo cáo", 22, Align.CENTER), new Column("Ngày gửi", 18, Align.CENTER)), rows);
	}

	private static String deadline(AppendixRow r) {
		String phrase = r.deadline() == null || r.deadline().isBlank() ? "(không ghi)" : r.deadline();
		return r.dueDate() == null ? phrase : phrase + "\n(" + FMT.date(r.dueDate()) + ")";
	}

	private static String done(AppendixRow r) {
		return r.assignments() == 0 ? "" : FMT.num(r.assignments() - r.open()) + "/" + FMT.num(r.assignments());
	}

	// ----- Excel -----

	static byte[] xlsx(ConsolidatedData d, String title) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles st = new Styles(wb);
			summarySheet(wb, st, d, title);
			tasksSheet(wb, st, d);
			reportsSheet(wb, st, d);
			issuesSheet(wb, st, d);
			lateSheet(wb, st, d);
			indicatorSheet(wb, st, d);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static final class Styles {
		final CellStyle title;
		final CellStyle header;
		final CellStyle text;
		final CellStyle number;
		final CellStyle percent;
		final CellStyle date;
		final CellStyle bold;

		Styles(XSSFWorkbook wb) {
			Font bold = wb.createFont();
			bold.setBold(true);
			bold.setFontName("Times New Roman");
			Font normal = wb.createFont();
			normal.setFontName("Times New Roman");
			Font big = wb.createFont();
			big.setBold(true);
			big.setFontName("Times New Roman");
			big.setFontHeightInPoints((short) 14);
			title = wb.createCellStyle();
			title.setFont(big);
			header = bordered(wb, bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setWrapText(true);
			text = bordered(wb, normal);
			text.setWrapText(true);
			number = bordered(wb, normal);
			number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
			percent = bordered(wb, normal);
			percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
			date = bordered(wb, normal);
			date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
			this.bold = bordered(wb, bold);
		}

		private static CellStyle bordered(XSSFWorkbook wb, Font f) {
			CellStyle s = wb.createCellStyle();
			s.setFont(f);
			s.setBorderBottom(BorderStyle.THIN);
			s.setBorderTop(BorderStyle.THIN);
			s.setBorderLeft(BorderStyle.THIN);
			s.setBorderRight(BorderStyle.THIN);
			s.setVerticalAlignment(VerticalAlignment.TOP);
			return s;
		}
	}

	private static Sheet sheet(XSSFWorkbook wb, String name, int[] widths) {
		Sheet s = wb.createSheet(name);
		for (int i = 0; i < widths.length; i++) {
			s.setColumnWidth(i, widths[i] * 256);
		}
		return s;
	}

	private static Row header(Sheet s, int at, Styles st, String... names) {
		Row r = s.createRow(at);
		for (int i = 0; i < names.length; i++) {
			Cell c = r.createCell(i);
			c.setCellValue(names[i]);
			c.setCellStyle(st.header);
		}
		s.createFreezePane(0, at + 1);
		return r;
	}

	private static void text(Row r, int col, String v, CellStyle style) {
		Cell c = r.createCell(col);
		c.setCellStyle(style);
		vn.nq57.kernel.Exports.text(c, v == null ? "" : v);
	}

	private static void number(Row r, int col, double v, CellStyle style) {
		Cell c = r.createCell(col);
		c.setCellValue(v);
		c.setCellStyle(style);
	}

	private static void date(Row r, int col, LocalDate v, Styles st) {
		Cell c = r.createCell(col);
		if (v != null) {
			c.setCellValue(v);
		}
		c.setCellStyle(st.date);
	}

	private static void rate(Row r, int col, BigDecimal pct, Styles st) {
		Cell c = r.createCell(col);
		if (pct != null) {
			c.setCellValue(pct.doubleValue() / 100);
		}
		else {
			c.setCellValue("–");
		}
		c.setCellStyle(st.percent);
	}

	private static void summarySheet(XSSFWorkbook wb, Styles st, ConsolidatedData d, String title) {
		Sheet s = sheet(wb, "Tổng hợp", new int[] { 60, 10, 12, 12, 12, 12, 12, 12, 12 });
		Row t = s.createRow(0);
		text(t, 0, title, st.title);
		t.getCell(0).setCellStyle(st.title);
		Row sub = s.createRow(1);
		sub.createCell(0).setCellValue(d.regimeName() + " – " + d.periodLabel() + "; số liệu nhiệm vụ tính đến ngày "
				+ FMT.date(d.asOf()));
		String[] names = new String[COLUMNS.size() + 2];
		names[0] = "Nhóm nhiệm vụ";
		names[1] = "Tổng số";
		for (int i = 0; i < COLUMNS.size(); i++) {
			names[i + 2] = COLUMNS.get(i).label();
		}
		header(s, 3, st, names);
		int at = 4;
		for (GroupFigures g : d.groups()) {
			Row r = s.createRow(at++);
			text(r, 0, ReportContent.NO_GROUP.equals(g.code()) ? g.title() : g.code() + ". " + g.title(), st.text);
			StatusCounts c = g.statusCounts();
			number(r, 1, c.total(), st.number);
			for (int i = 0; i < COLUMNS.size(); i++) {
				number(r, i + 2, c.get(COLUMNS.get(i)), st.number);
			}
		}
		StatusCounts all = d.statusCounts();
		Row total = s.createRow(at++);
		text(total, 0, "Tổng cộng", st.bold);
		number(total, 1, all.total(), st.number);
		for (int i = 0; i < COLUMNS.size(); i++) {
			number(total, i + 2, all.get(COLUMNS.get(i)), st.number);
		}
		at++;
		Row r1 = s.createRow(at++);
		text(r1, 0, "Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn", st.text);
		rate(r1, 1, all.completionRateOverDue(), st);
		Row r2 = s.createRow(at++);
		text(r2, 0, "Tỷ lệ hoàn thành trên tổng số nhiệm vụ", st.text);
		rate(r2, 1, all.completionRateOverAll(), st);
		Row r3 = s.createRow(at++);
		text(r3, 0, "Tỷ lệ nhiệm vụ quá hạn", st.text);
		rate(r3, 1, all.overdueRate(), st);
		at++;
		Completeness.Counts c = d.reporting();
		Row e = s.createRow(at++);
		text(e, 0, "Số cơ quan, đơn vị phải báo cáo", st.text);
		number(e, 1, c.expected(), st.number);
		Row rc = s.createRow(at++);
		text(rc, 0, "Đã gửi báo cáo", st.text);
		number(rc, 1, c.received(), st.number);
		rate(rc, 2, c.completeness(), st);
		Row ot = s.createRow(at++);
		text(ot, 0, "Gửi đúng hạn", st.text);
		number(ot, 1, c.onTime(), st.number);
		rate(ot, 2, c.timeliness(), st);
	}

	private static void tasksSheet(XSSFWorkbook wb, Styles st, ConsolidatedData d) {
		Sheet s = sheet(wb, "Nhiệm vụ", new int[] { 6, 8, 70, 30, 22, 12, 24, 12, 12 });
		header(s, 0, st, "STT", "Nhóm", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Hạn", "Tình trạng",
				"Số cơ quan được giao", "Số cơ quan đã hoàn thành");
		int at = 1;
		for (AppendixRow t : d.appendix()) {
			Row r = s.createRow(at++);
			text(r, 0, t.stt(), st.text);
			text(r, 1, t.groupCode(), st.text);
			text(r, 2, t.title(), st.text);
			text(r, 3, t.leads(), st.text);
			text(r, 4, t.deadline(), st.text);
			date(r, 5, t.dueDate(), st);
			text(r, 6, t.status().label(), st.text);
			number(r, 7, t.assignments(), st.number);
			number(r, 8, t.assignments() - t.open(), st.number);
		}
		s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, at - 1), 0, 8));
	}

	private static void reportsSheet(XSSFWorkbook wb, Styles st, ConsolidatedData d) {
		Sheet s = sheet(wb, "Chế độ báo cáo", new int[] { 6, 60, 22, 16, 30 });
		header(s, 0, st, "STT", "Cơ quan, đơn vị", "Tình hình gửi báo cáo", "Ngày gửi lần đầu", "Trạng thái báo cáo");
		int at = 1;
		for (AgencyReport a : d.reports()) {
			Row r = s.createRow(at);
			number(r, 0, at++, st.number);
			text(r, 1, a.agency(), st.text);
			text(r, 2, a.cell().label(), st.text);
			date(r, 3, a.firstSubmittedOn(), st);
			text(r, 4, a.state().label(), st.text);
		}
	}

	private static void issuesSheet(XSSFWorkbook wb, Styles st, ConsolidatedData d) {
		Sheet s = sheet(wb, "Khó khăn, kiến nghị", new int[] { 20, 40, 40, 90 });
		header(s, 0, st, "Loại", "Nhóm vấn đề", "Cơ quan, đơn vị", "Nội dung");
		int at = 1;
		for (String kind : List.of("Khó khăn, vướng mắc", "Kiến nghị, đề xuất")) {
			List<ThemeItems> themes = kind.startsWith("Khó") ? d.obstacles() : d.proposals();
			for (ThemeItems t : themes) {
				for (Contribution c : t.items()) {
					Row r = s.createRow(at++);
					text(r, 0, kind, st.text);
					text(r, 1, t.theme().label(), st.text);
					text(r, 2, c.agency(), st.text);
					text(r, 3, c.text(), st.text);
				}
			}
		}
	}

	private static void lateSheet(XSSFWorkbook wb, Styles st, ConsolidatedData d) {
		Sheet s = sheet(wb, "Đơn vị chậm tiến độ", new int[] { 6, 60, 14, 14, 14 });
		header(s, 0, st, "STT", "Cơ quan, đơn vị", "Số nhiệm vụ được giao", "Số nhiệm vụ quá hạn", "Tỷ lệ quá hạn");
		int at = 1;
		for (LateAgency a : d.lateWithTasks()) {
			Row r = s.createRow(at);
			number(r, 0, at++, st.number);
			text(r, 1, a.agency(), st.text);
			number(r, 2, a.total(), st.number);
			number(r, 3, a.overdue(), st.number);
			rate(r, 4, Rates.overdue(a.overdue(), a.total()), st);
		}
	}

	private static void indicatorSheet(XSSFWorkbook wb, Styles st, ConsolidatedData d) {
		Sheet s = sheet(wb, "Chỉ số", new int[] { 16, 70, 16, 12, 16, 14, 14, 14, 16, 40, 24 });
		header(s, 0, st, "Mã chỉ số", "Tên chỉ số", "Kỳ", "Đơn vị tính", "Giá trị", "Tử số", "Mẫu số", "Chỉ tiêu",
				"Năm chỉ tiêu", "Cơ quan báo cáo", "Tình trạng số liệu");
		int at = 1;
		for (ConsolidatedData.IndicatorLine l : d.indicators()) {
			IndicatorValue v = l.value();
			Row r = s.createRow(at++);
			text(r, 0, v.code(), st.text);
			text(r, 1, v.name(), st.text);
			text(r, 2, v.periodLabel(), st.text);
			text(r, 3, v.unit(), st.text);
			decimal(r, 4, v.value(), st);
			decimal(r, 5, v.numerator(), st);
			decimal(r, 6, v.denominator(), st);
			decimal(r, 7, v.target(), st);
			if (v.targetYear() != null) {
				number(r, 8, v.targetYear(), st.text);
			}
			text(r, 9, l.agency(), st.text);
			text(r, 10, v.stateLabel(), st.text);
		}
		s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, at - 1), 0, 10));
	}

	private static void decimal(Row r, int col, BigDecimal v, Styles st) {
		if (v == null) {
			text(r, col, "", st.text);
		}
		else {
			number(r, col, v.doubleValue(), st.text);
		}
	}
}
