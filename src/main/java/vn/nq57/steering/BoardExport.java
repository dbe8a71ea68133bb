package vn.nq57.steering;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A board printed for the session room (PDF, A4 landscape, one page set: the widgets one after the other, a table
 * never split from its title) and its figures in Excel (one sheet per widget, the filters on the first rows).
 */
final class BoardExport {

	private static volatile byte[] regular;
	private static volatile byte[] bold;

	private BoardExport() {
	}

	private static byte[] font(String name) {
		try (InputStream in = BoardExport.class.getResourceAsStream("/steering/fonts/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static BaseFont base(boolean b) throws IOException {
		if (regular == null) {
			regular = font("DejaVuSans.ttf");
			bold = font("DejaVuSans-Bold.ttf");
		}
		return BaseFont.createFont(b ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
				true, b ? bold : regular, null);
	}

	static String filterLine(BoardService.View v, String filterText) {
		return "Kỳ: " + v.periodLabel() + " · so với " + v.beforeLabel() + (filterText.isEmpty() ? "" : " · " + filterText);
	}

	static byte[] pdf(BoardService.View v, String filterText) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document doc = new Document(PageSize.A4.rotate(), 36, 36, 30, 30);
			PdfWriter.getInstance(doc, out);
			BaseFont rf = base(false);
			BaseFont bf = base(true);
			Font title = new Font(bf, 14);
			Font h = new Font(bf, 11);
			Font body = new Font(rf, 8.5f);
			Font small = new Font(rf, 7.5f, Font.NORMAL, new Color(80, 80, 80));
			Font head = new Font(bf, 8.5f);
			doc.addTitle(v.board().name());
			doc.open();
			Paragraph t = new Paragraph(v.board().name().toUpperCase(), title);
			t.setAlignment(Element.ALIGN_CENTER);
			doc.add(t);
			Paragraph sub = new Paragraph(filterLine(v, filterText), small);
			sub.setAlignment(Element.ALIGN_CENTER);
			sub.setSpacingAfter(8);
			doc.add(sub);
			for (BoardService.Shown w : v.widgets()) {
				Paragraph wt = new Paragraph(w.title(), h);
				wt.setSpacingBefore(6);
				wt.setKeepTogether(true);
				doc.add(wt);
				if (w.hidden()) {
					doc.add(new Paragraph("Mục này không hiển thị với vai trò của người xem.", small));
					continue;
				}
				Panel p = w.panel();
				if (!p.figures().isEmpty()) {
					PdfPTable figs = new PdfPTable(p.figures().size());
					figs.setWidthPercentage(100);
					for (Panel.Figure f : p.figures()) {
						Phrase ph = new Phrase();
						ph.add(new Phrase(f.label() + "\n", small));
						ph.add(new Phrase(f.value(), new Font(bf, 13)));
						if (f.previous() != null) {
							ph.add(new Phrase("\ntrước: " + f.previous() + " (" + f.change() + ")", small));
						}
						PdfPCell c = new PdfPCell(ph);
						c.setPadding(4);
						c.setBorderColor(new Color(200, 200, 200));
						figs.addCell(c);
					}
					figs.setSpacingAfter(4);
					doc.add(figs);
				}
				if (p.hasGrid()) {
					PdfPTable table = new PdfPTable(p.grid().headers().size());
					table.setWidthPercentage(100);
					table.setHeaderRows(1);
					for (String hd : p.grid().headers()) {
						PdfPCell c = new PdfPCell(new Phrase(hd, head));
						c.setBackgroundColor(new Color(232, 236, 241));
						c.setPadding(3);
						table.addCell(c);
					}
					for (Panel.Row r : p.grid().rows()) {
						for (String cell : r.cells()) {
							PdfPCell c = new PdfPCell(new Phrase(cell, body));
							c.setPadding(3);
							table.addCell(c);
						}
					}
					doc.add(table);
				}
				for (String n : p.notes()) {
					doc.add(new Paragraph(n, small));
				}
			}
			Paragraph foot = new Paragraph("In từ hệ thống theo dõi thực hiện Nghị quyết số 57-NQ/TW · " + v.periodLabel(), small);
			foot.setSpacingBefore(8);
			doc.add(foot);
			doc.close();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] xlsx(BoardService.View v, String filterText) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			XSSFFont f = wb.createFont();
			f.setBold(true);
			bold.setFont(f);
			int n = 1;
			for (BoardService.Shown w : v.widgets()) {
				String name = (n++ + ". " + w.title()).replaceAll("[\\\\/?*\\[\\]:]", " ");
				Sheet s = wb.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
				int r = 0;
				Row title = s.createRow(r++);
				title.createCell(0).setCellValue(w.title());
				title.getCell(0).setCellStyle(bold);
				s.createRow(r++).createCell(0).setCellValue(v.board().name() + " · " + filterLine(v, filterText));
				if (w.hidden()) {
					s.createRow(r++).createCell(0).setCellValue("Mục này không hiển thị với vai trò của người xem.");
					continue;
				}
				Panel p = w.panel();
				if (!p.figures().isEmpty()) {
					Row hr = s.createRow(++r);
					String[] hs = { "Chỉ tiêu", "Hiện nay", "Kỳ trước", "Tăng/giảm" };
					for (int i = 0; i < hs.length; i++) {
						hr.createCell(i).setCellValue(hs[i]);
						hr.getCell(i).setCellStyle(bold);
					}
					r++;
					for (Panel.Figure fig : p.figures()) {
						Row row = s.createRow(r++);
						row.createCell(0).setCellValue(fig.label());
						row.createCell(1).setCellValue(fig.value());
						row.createCell(2).setCellValue(fig.previous() == null ? "" : fig.previous());
						row.createCell(3).setCellValue(fig.change() == null ? "" : fig.change());
					}
				}
				if (p.hasGrid()) {
					Row hr = s.createRow(++r);
					for (int i = 0; i < p.grid().headers().size(); i++) {
						hr.createCell(i).setCellValue(p.grid().headers().get(i));
						hr.getCell(i).setCellStyle(bold);
					}
					r++;
					for (Panel.Row pr : p.grid().rows()) {
						Row row = s.createRow(r++);
						for (int i = 0; i < pr.cells().size(); i++) {
							String c = pr.cells().get(i);
							Long num = wholeNumber(c);
							if (num != null) {
								row.createCell(i).setCellValue(num);
							}
							else {
								row.createCell(i).setCellValue(c);
							}
						}
					}
				}
				for (String note : p.notes()) {
					s.createRow(++r).createCell(0).setCellValue(note);
				}
				for (int i = 0; i < 6; i++) {
					s.setColumnWidth(i, i == 0 ? 60 * 256 : 18 * 256);
				}
			}
			if (wb.getNumberOfSheets() == 0) {
				wb.createSheet("Bảng điều hành");
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** "1.526" → 1526, so that counts stay numbers in Excel; anything else stays text. */
	static Long wholeNumber(String s) {
		if (s == null || !s.matches("\\d{1,3}(\\.\\d{3})*")) {
			return null;
		}
		return Long.parseLong(s.replace(".", ""));
	}
}
