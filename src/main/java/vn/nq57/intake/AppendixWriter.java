package vn.nq57.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes a plan's appendix back out in the layout agencies know: STT, the seven appendix columns, group rows
 * (I, II, …) merged across, and two columns the document did not have: the status on the day of export and
 * the latest progress. Excel gets one sheet per plan; Word one table per plan, A4 landscape, Times New Roman,
 * margins of Decree 30/2020/NĐ-CP, the header row repeated on every page.
 */
final class AppendixWriter {

	static final String[] HEADERS = { "STT", "Tên nhiệm vụ", "Người đứng đầu chịu trách nhiệm", "Cơ quan chủ trì",
			"Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành", "Tình trạng", "Tiến độ mới nhất" };

	private static final int[] EXCEL_WIDTHS = { 7, 60, 28, 30, 30, 22, 20, 26, 50 };

	/** Word column widths in twentieths of a point, summing to the text width of A4 landscape (25,2 cm). */
	private static final int[] WORD_WIDTHS = { 680, 3500, 1500, 1500, 1500, 1150, 1150, 1300, 2010 };

	private static final String FONT = "Times New Roman";

	private AppendixWriter() {
	}

	static String statusHeader(String day) {
		return "Tình trạng (đến ngày " + day + ")";
	}

	static byte[] xlsx(List<AppendixExport.Part> parts, String day, String filterNote) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles st = new Styles(wb);
			Set<String> names = new HashSet<>();
			if (parts.isEmpty()) {
				Sheet sheet = wb.createSheet("Danh mục nhiệm vụ");
				header(sheet, st, "DANH MỤC NHIỆM VỤ", day, filterNote);
				sheet.createRow(3).createCell(0).setCellValue("Không có nhiệm vụ nào khớp bộ lọc.");
			}
			for (AppendixExport.Part part : parts) {
				Sheet sheet = wb.createSheet(sheetName(part, names, parts.size()));
				int r = header(sheet, st, part.title(), day, filterNote);
				for (AppendixExport.Section section : part.sections()) {
					if (section.title() != null || section.code() != null) {
						Row g = sheet.createRow(r);
						cell(g, 0, section.code() == null ? "" : section.code(), st.group);
						cell(g, 1, section.title() == null ? "" : section.title(), st.group);
						for (int c = 2; c < HEADERS.length; c++) {
							cell(g, c, "", st.group);
						}
						sheet.addMergedRegion(new CellRangeAddress(r, r, 1, HEADERS.length - 1));
						r++;
					}
					for (AppendixExport.Line l : section.lines()) {
						Row row = sheet.createRow(r++);
						String[] v = values(l);
						for (int c = 0; c < v.length; c++) {
							cell(row, c, v[c], c == 0 ? st.center : st.body);
						}
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int header(Sheet sheet, Styles st, String title, String day, String filterNote) {
		Row t = sheet.createRow(0);
		cell(t, 0, "PHỤ LỤC: DANH MỤC NHIỆM VỤ – " + title, st.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
		Row n = sheet.createRow(1);
		cell(n, 0, "Tình trạng tính đến ngày " + day + (filterNote == null ? "" : "; " + filterNote), st.note);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADERS.length - 1));
		Row h = sheet.createRow(2);
		for (int c = 0; c < HEADERS.length; c++) {
			cell(h, c, c == 7 ? statusHeader(day) : HEADERS[c], st.head);
			sheet.setColumnWidth(c, EXCEL_WIDTHS[c] * 256);
		}
		sheet.createFreezePane(0, 3);
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("3:3"));
		return 3;
	}

	private static String sheetName(AppendixExport.Part part, Set<String> used, int count) {
		String base = count == 1 ? "Danh mục nhiệm vụ" : part.planId() == null ? "Ngoài kế hoạch" : "KH " + part.planId()
				+ " " + part.title();
		String name = WorkbookUtil.createSafeSheetName(base.length() > 31 ? base.substring(0, 31) : base);
		String unique = name;
		for (int i = 2; !used.add(unique.toLowerCase()); i++) {
			unique = (name.length() > 27 ? name.substring(0, 27) : name) + " (" + i + ")";
		}
		return unique;
	}

	private static String[] values(AppendixExport.Line l) {
		return new String[] { nz(l.stt()), nz(l.title()), nz(l.head()), nz(l.leads()), nz(l.coordinators()),
				nz(l.output()), nz(l.deadline()), nz(l.status()), nz(l.progress()) };
	}

	private static void cell(Row row, int c, String v, CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellStyle(style);
		vn.nq57.kernel.Exports.text(cell, v);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/** Cell styles of the Excel export. */
	private static final class Styles {
		final CellStyle title;
		final CellStyle note;
		final CellStyle head;
		final CellStyle group;
		final CellStyle body;
		final CellStyle center;

		Styles(Workbook wb) {
			Font bold = wb.createFont();
			bold.setFontName(FONT);
			bold.setBold(true);
			bold.setFontHeightInPoints((short) 12);
			Font normal = wb.createFont();
			normal.setFontName(FONT);
			normal.setFontHeightInPoints((short) 12);
			Font italic = wb.createFont();
			italic.setFontName(FONT);
			italic.setItalic(true);
			italic.setFontHeightInPoints((short) 11);
			title = wb.createCellStyle();
			title.setFont(bold);
			title.setAlignment(HorizontalAlignment.CENTER);
			title.setWrapText(true);
			note = wb.createCellStyle();
			note.setFont(italic);
			note.setAlignment(HorizontalAlignment.CENTER);
			head = bordered(wb, bold);
			head.setAlignment(HorizontalAlignment.CENTER);
			head.setVerticalAlignment(VerticalAlignment.CENTER);
			head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			group = bordered(wb, bold);
			body = bordered(wb, normal);
			center = bordered(wb, normal);
			center.setAlignment(HorizontalAlignment.CENTER);
		}

		private static CellStyle bordered(Workbook wb, Font font) {
			CellStyle s = wb.createCellStyle();
			s.setFont(font);
			s.setWrapText(true);
			s.setVerticalAlignment(VerticalAlignment.TOP);
			s.setBorderTop(BorderStyle.THIN);
			s.setBorderBottom(BorderStyle.THIN);
			s.setBorderLeft(BorderStyle.THIN);
			s.setBorderRight(BorderStyle.THIN);
			return s;
		}
	}

	// ----- Word -----

	static byte[] docx(List<AppendixExport.Part> parts, String day, String filterNote) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			page(doc);
			paragraph(doc, "PHỤ LỤC", true, false, ParagraphAlignment.CENTER, 13);
			paragraph(doc, "DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN", true, false, ParagraphAlignment.CENTER, 13);
			paragraph(doc, "(Tình trạng tính đến ngày " + day + (filterNote == null ? "" : "; " + filterNote) + ")", false,
					true, ParagraphAlignment.CENTER, 12);
			if (parts.isEmpty()) {
				paragraph(doc, "Không có nhiệm vụ nào khớp bộ lọc.", false, true, ParagraphAlignment.LEFT, 12);
			}
			for (AppendixExport.Part part : parts) {
				paragraph(doc, part.title(), true, false, ParagraphAlignment.CENTER, 13);
				table(doc, part, day);
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(16838));
		size.setH(BigInteger.valueOf(11906));
		size.setOrient(STPageOrientation.LANDSCAPE);
		CTPageMar mar = sect.addNewPgMar();
		mar.setTop(BigInteger.valueOf(1134)); // 20 mm
		mar.setBottom(BigInteger.valueOf(1134));
		mar.setLeft(BigInteger.valueOf(1701)); // 30 mm
		mar.setRight(BigInteger.valueOf(850)); // 15 mm
	}

	private static void paragraph(XWPFDocument doc, String text, boolean bold, boolean italic, ParagraphAlignment align,
			int size) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		XWPFRun r = p.createRun();
		r.setFontFamily(FONT);
		r.setFontSize(size);
		r.setBold(bold);
		r.setItalic(italic);
		r.setText(text);
	}

	private static void table(XWPFDocument doc, AppendixExport.Part part, String day) {
		XWPFTable table = doc.createTable(1, HEADERS.length);
		table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
		CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
				: table.getCTTbl().getTblPr().addNewTblW();
		width.setType(STTblWidth.DXA);
		width.setW(BigInteger.valueOf(java.util.Arrays.stream(WORD_WIDTHS).sum()));
		CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
				: table.getCTTbl().getTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int w : WORD_WIDTHS) {
			grid.addNewGridCol().setW(BigInteger.valueOf(w));
		}
		XWPFTableRow head = table.getRow(0);
		head.setRepeatHeader(true);
		for (int c = 0; c < HEADERS.length; c++) {
			text(head.getCell(c), c == 7 ? statusHeader(day) : HEADERS[c], true, true, c);
		}
		for (AppendixExport.Section section : part.sections()) {
			if (section.title() != null || section.code() != null) {
				XWPFTableRow g = table.createRow();
				while (g.getTableCells().size() > 2) {
					g.removeCell(g.getTableCells().size() - 1);
				}
				text(g.getCell(0), section.code() == null ? "" : section.code(), true, true, 0);
				XWPFTableCell merged = g.getCell(1);
				CTTcPr pr = merged.getCTTc().isSetTcPr() ? merged.getCTTc().getTcPr() : merged.getCTTc().addNewTcPr();
				pr.addNewGridSpan().setVal(BigInteger.valueOf(HEADERS.length - 1));
				int spanWidth = java.util.Arrays.stream(WORD_WIDTHS).skip(1).sum();
				(pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW()).setW(BigInteger.valueOf(spanWidth));
				text(merged, section.title() == null ? "" : section.title(), true, false, -1);
			}
			for (AppendixExport.Line l : section.lines()) {
				XWPFTableRow row = table.createRow();
				String[] v = values(l);
				for (int c = 0; c < v.length; c++) {
					text(row.getCell(c), v[c], false, c == 0, c);
				}
			}
		}
	}

	private static void text(XWPFTableCell cell, String text, boolean bold, boolean center, int column) {
		if (column >= 0) {
			CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
			CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
			w.setType(STTblWidth.DXA);
			w.setW(BigInteger.valueOf(WORD_WIDTHS[column]));
		}
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setAlignment(center ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				p = cell.addParagraph();
				p.setAlignment(center ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
			}
			XWPFRun r = p.createRun();
			r.setFontFamily(FONT);
			r.setFontSize(11);
			r.setBold(bold);
			r.setText(lines[i]);
		}
	}
}
