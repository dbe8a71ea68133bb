package vn.nq57.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/**
 * Builds appendices with POI the way agencies lay them out, for tests. A row is a list of cell texts; a cell
 * "&gt;&gt;" is covered by the cell to its left (merged across), "^^" continues the cell above (merged down), and
 * "\n" inside a text starts a new paragraph (Word) or line (Excel).
 */
final class TestDocs {

	static final String LEFT = ">>";

	static final String UP = "^^";

	private TestDocs() {
	}

	static List<String> row(String... cells) {
		return List.of(cells);
	}

	/** The seven appendix columns in the usual order. */
	static List<String> standardHeader() {
		return row("STT", "Tên nhiệm vụ", "Người đứng đầu chịu trách nhiệm", "Cơ quan chủ trì", "Cơ quan phối hợp",
				"Kết quả", "Thời gian hoàn thành");
	}

	static List<String> group(String code, String title, int width) {
		List<String> r = new ArrayList<>();
		r.add(code);
		r.add(title);
		for (int i = 2; i < width; i++) {
			r.add(LEFT);
		}
		return r;
	}

	/** A Word document: paragraphs of prose, then each table (a list of rows), in order. */
	static byte[] docx(List<String> prose, List<List<List<String>>> tables) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String p : prose) {
				doc.createParagraph().createRun().setText(p);
			}
			for (List<List<String>> rows : tables) {
				doc.createParagraph().createRun().setText("Phụ lục");
				int width = rows.stream().mapToInt(List::size).max().orElse(1);
				XWPFTable table = doc.createTable(rows.size(), width);
				for (int r = 0; r < rows.size(); r++) {
					fill(table.getRow(r), rows.get(r), width);
				}
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void fill(XWPFTableRow row, List<String> cells, int width) {
		// cells merged across: the first keeps a grid span, the covered ones are removed
		int removed = 0;
		for (int c = 0; c < width; c++) {
			String text = c < cells.size() ? cells.get(c) : "";
			if (LEFT.equals(text)) {
				continue;
			}
			int span = 1;
			while (c + span < cells.size() && LEFT.equals(cells.get(c + span))) {
				span++;
			}
			XWPFTableCell cell = row.getCell(c - removed);
			CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
			if (span > 1) {
				pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
				for (int i = 1; i < span; i++) {
					row.removeCell(c - removed + 1);
				}
				removed += span - 1;
			}
			if (UP.equals(text)) {
				pr.addNewVMerge();
				continue;
			}
			String[] lines = text.split("\n", -1);
			cell.getParagraphs().get(0).createRun().setText(lines[0]);
			for (int i = 1; i < lines.length; i++) {
				cell.addParagraph().createRun().setText(lines[i]);
			}
		}
	}

	/** An Excel workbook with one sheet per entry; {@code hidden} sheets are hidden. */
	static byte[] xlsx(List<List<List<String>>> sheets, boolean... hidden) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			int n = 0;
			for (List<List<String>> rows : sheets) {
				Sheet sheet = wb.createSheet("Trang " + (n + 1));
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r);
					List<String> cells = rows.get(r);
					for (int c = 0; c < cells.size(); c++) {
						String text = cells.get(c);
						if (LEFT.equals(text)) {
							continue;
						}
						if (UP.equals(text)) {
							continue;
						}
						int span = 1;
						while (c + span < cells.size() && LEFT.equals(cells.get(c + span))) {
							span++;
						}
						int down = 1;
						while (r + down < rows.size() && c < rows.get(r + down).size()
								&& UP.equals(rows.get(r + down).get(c))) {
							down++;
						}
						if (text.matches("\\d+")) {
							row.createCell(c).setCellValue(Integer.parseInt(text));
						}
						else {
							row.createCell(c).setCellValue(text);
						}
						if (span > 1 || down > 1) {
							sheet.addMergedRegion(new CellRangeAddress(r, r + down - 1, c, c + span - 1));
						}
					}
				}
				if (hidden.length > n && hidden[n]) {
					wb.setSheetHidden(n, true);
				}
				n++;
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
