package vn.nq57.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Opens Word and Excel files defensively: the type is judged by content, not by the name the user gave the
 * file; encrypted, legacy, truncated and over-compressed files ("zip bombs") are refused with a message a
 * civil servant understands. Everything is read into plain {@link Grid}s and paragraphs, so the rest of the
 * import never touches POI.
 */
final class OfficeFiles {

	/** Word and Excel as the import understands them. */
	enum Format {
		DOCX("Word (.docx)"), XLSX("Excel (.xlsx)"), XLS("Excel 97–2003 (.xls)");

		final String label;

		Format(String label) {
			this.label = label;
		}
	}

	/** Rows and columns read at most from one sheet or table: far beyond any plan, far below a memory problem. */
	static final int MAX_ROWS = 20_000;

	static final int MAX_COLUMNS = 60;

	/** Largest expanded part of a file (the XML of one sheet or document). */
	static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

	static {
		// A part that expands more than 100 times is refused before it is expanded (POI's default is the same
		// ratio; set here so that the rule does not depend on another module's settings).
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		ZipSecureFile.setMaxFileCount(5_000);
	}

	/** A table as rows of grid positions; a cell merged across several positions keeps its text in the first. */
	record Grid(String name, List<GridRow> rows, List<String> before) {
	}

	/**
	 * One row: {@code texts} per grid position, {@code spans} the width of the cell starting there (0 for
	 * positions covered by a cell to the left), {@code continued} whether the position continues a cell merged
	 * down from the row above.
	 */
	record GridRow(int line, List<String> texts, List<Integer> spans, List<Boolean> continued) {

		String text(int position) {
			return position < texts.size() ? texts.get(position) : "";
		}

		int span(int position) {
			return position < spans.size() ? spans.get(position) : 1;
		}

		boolean isContinued(int position) {
			return position < continued.size() && continued.get(position);
		}

		boolean isEmpty() {
			return texts.stream().allMatch(String::isBlank);
		}
	}

	private OfficeFiles() {
	}

	/** Which of the formats the bytes are; refuses anything else with the reason. */
	static Format detect(byte[] data, String fileName) {
		String name = fileName == null || fileName.isBlank() ? "tải lên" : fileName;
		if (data == null || data.length == 0) {
			throw new IntakeException("Tệp “" + name + "” rỗng, không có nội dung");
		}
		FileMagic magic;
		try {
			magic = FileMagic.valueOf(data);
		}
		catch (RuntimeException e) {
			magic = FileMagic.UNKNOWN;
		}
		Format format = switch (magic) {
			case OOXML -> ooxmlFormat(data, name);
			case OLE2 -> ole2Format(data, name);
			case PDF -> throw new IntakeException("Tệp “" + name + "” là PDF; hệ thống đọc bảng từ Word (.docx) "
					+ "hoặc Excel (.xlsx). Hãy tải lên bản Word hoặc Excel của phụ lục");
			default -> throw new IntakeException("Tệp “" + name + "” không phải tài liệu Word (.docx) hay bảng tính "
					+ "Excel (.xlsx), dù tên tệp có thể ghi như vậy; hãy kiểm tra lại tệp");
		};
		checkExtension(format, name);
		return format;
	}

	private static void checkExtension(Format format, String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		boolean wordName = lower.endsWith(".docx") || lower.endsWith(".docm") || lower.endsWith(".doc");
		boolean excelName = lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
		if (format == Format.DOCX && excelName || format != Format.DOCX && wordName) {
			throw new IntakeException("Tệp “" + name + "” có tên của " + (wordName ? "tài liệu Word" : "bảng tính Excel")
					+ " nhưng nội dung lại là " + format.label + "; tệp không đúng như tên gọi, hãy kiểm tra lại");
		}
	}

	private static Format ooxmlFormat(byte[] data, String name) {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(data))) {
			PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
			if (rels.isEmpty()) {
				rels = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
			}
			if (rels.isEmpty()) {
				throw notOffice(name);
			}
			PackagePart main = pkg.getPart(rels.getRelationship(0));
			String type = main == null ? "" : main.getContentType();
			// a macro-enabled document (.docm/.xlsm), even renamed .docx, is refused before the preview
			if (type.contains("macroEnabled") || !pkg.getPartsByName(java.util.regex.Pattern.compile("(?i).*vbaProject\\.bin")).isEmpty()) {
				throw new IntakeException("Tệp “" + name + "” có chứa macro (mã lệnh VBA); hệ thống không nhận tệp có "
						+ "macro. Hãy lưu lại dạng .docx/.xlsx thông thường rồi tải lên");
			}
			if (type.contains("wordprocessingml") || type.contains("ms-word")) {
				return Format.DOCX;
			}
			if (type.contains("spreadsheetml") || type.contains("ms-excel")) {
				return Format.XLSX;
			}
			throw new IntakeException("Tệp “" + name + "” là tài liệu Office nhưng không phải Word hay Excel "
					+ "(ví dụ PowerPoint); hãy tải lên phụ lục dạng .docx hoặc .xlsx");
		}
		catch (IntakeException e) {
			throw e;
		}
		catch (InvalidFormatException | IOException | RuntimeException e) {
			throw unreadable(name, e);
		}
	}

	private static Format ole2Format(byte[] data, String name) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(data))) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
				throw passwordProtected(name);
			}
			if (root.hasEntry("WordDocument")) {
				throw new IntakeException("Tệp “" + name + "” là Word 97–2003 (.doc); hãy mở bằng Word và lưu lại "
						+ "dạng .docx rồi tải lên");
			}
			if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
				return Format.XLS;
			}
			throw notOffice(name);
		}
		catch (IntakeException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(name, e);
		}
	}

	/** Every table of a Word document, in the order they appear (the appendix follows pages of prose). */
	static List<Grid> docxTables(byte[] data, String name) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data))) {
			List<Grid> grids = new ArrayList<>();
			List<String> before = new ArrayList<>();
			int n = 0;
			for (IBodyElement el : doc.getBodyElements()) {
				if (el instanceof XWPFTable table) {
					n++;
					grids.add(grid(table, "Bảng " + n, List.copyOf(before.subList(Math.max(0, before.size() - 3), before.size()))));
					before.clear();
				}
				else if (el instanceof XWPFParagraph p && p.getText() != null && !p.getText().isBlank()) {
					before.add(p.getText().strip());
				}
			}
			return grids;
		}
		catch (IntakeException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(name, e);
		}
	}

	/** The paragraphs of a Word document outside tables, with list numbering written out ("1.", "a)", "-"). */
	static List<String> docxParagraphs(byte[] data, String name) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data))) {
			List<String> out = new ArrayList<>();
			Map<String, int[]> counters = new HashMap<>();
			for (IBodyElement el : doc.getBodyElements()) {
				if (el instanceof XWPFParagraph p) {
					String text = p.getText();
					if (text == null || text.isBlank()) {
						continue;
					}
					out.add(numbering(p, counters) + text);
				}
			}
			return out;
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(name, e);
		}
	}

	private static String numbering(XWPFParagraph p, Map<String, int[]> counters) {
		if (p.getNumID() == null) {
			return "";
		}
		String fmt = p.getNumFmt() == null ? "decimal" : p.getNumFmt();
		if ("bullet".equals(fmt)) {
			return "- ";
		}
		int level = p.getNumIlvl() == null ? 0 : Math.min(p.getNumIlvl().intValue(), 8);
		int[] c = counters.computeIfAbsent(p.getNumID().toString(), k -> new int[9]);
		c[level]++;
		for (int i = level + 1; i < c.length; i++) {
			c[i] = 0;
		}
		int n = c[level];
		String label = switch (fmt) {
			case "lowerLetter" -> String.valueOf((char) ('a' + (n - 1) % 26));
			case "upperLetter" -> String.valueOf((char) ('A' + (n - 1) % 26));
			case "upperRoman" -> roman(n);
			case "lowerRoman" -> roman(n).toLowerCase(Locale.ROOT);
			default -> String.valueOf(n);
		};
		String levelText = p.getNumLevelText();
		if (levelText != null && levelText.contains("%")) {
			return levelText.replaceAll("%\\d", label) + " ";
		}
		return label + (fmt.contains("Letter") ? ") " : ". ");
	}

	static String roman(int n) {
		String[] r = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
		int[] v = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < v.length; i++) {
			while (n >= v[i]) {
				sb.append(r[i]);
				n -= v[i];
			}
		}
		return sb.toString();
	}

	private static Grid grid(XWPFTable table, String name, List<String> before) {
		List<GridRow> rows = new ArrayList<>();
		int line = 0;
		for (XWPFTableRow row : table.getRows()) {
			line++;
			if (line > MAX_ROWS) {
				throw tooLarge(name);
			}
			List<String> texts = new ArrayList<>();
			List<Integer> spans = new ArrayList<>();
			List<Boolean> continued = new ArrayList<>();
			for (XWPFTableCell cell : row.getTableCells()) {
				CTTcPr pr = cell.getCTTc().getTcPr();
				int span = 1;
				boolean cont = false;
				if (pr != null) {
					if (pr.isSetGridSpan() && pr.getGridSpan().getVal() != null) {
						span = Math.max(1, Math.min(MAX_COLUMNS, pr.getGridSpan().getVal().intValue()));
					}
					if (pr.isSetVMerge()) {
						cont = pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE;
					}
				}
				List<String> paragraphs = new ArrayList<>();
				for (XWPFParagraph p : cell.getParagraphs()) {
					paragraphs.add(p.getText());
				}
				texts.add(String.join("\n", paragraphs).strip());
				spans.add(span);
				continued.add(cont);
				for (int i = 1; i < span; i++) {
					texts.add("");
					spans.add(0);
					continued.add(cont);
				}
				if (texts.size() > MAX_COLUMNS) {
					break;
				}
			}
			rows.add(new GridRow(line, texts, spans, continued));
		}
		return new Grid(name, rows, before);
	}

	/** Every visible sheet of a workbook, merged regions turned into spans and continuations. */
	static List<Grid> sheets(byte[] data, Format format, String name) {
		try (Workbook wb = format == Format.XLS ? new HSSFWorkbook(new ByteArrayInputStream(data))
				: new XSSFWorkbook(new ByteArrayInputStream(data))) {
			List<Grid> grids = new ArrayList<>();
			for (int s = 0; s < wb.getNumberOfSheets(); s++) {
				if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) {
					continue;
				}
				grids.add(grid(wb.getSheetAt(s)));
			}
			return grids;
		}
		catch (EncryptedDocumentException e) {
			throw passwordProtected(name);
		}
		catch (IntakeException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw unreadable(name, e);
		}
	}

	private static Grid grid(Sheet sheet) {
		String name = "Trang tính “" + sheet.getSheetName() + "”";
		int last = sheet.getLastRowNum();
		if (last + 1 > MAX_ROWS) {
			throw tooLarge(name);
		}
		Map<Long, int[]> regions = new HashMap<>();
		for (CellRangeAddress r : sheet.getMergedRegions()) {
			for (int row = r.getFirstRow(); row <= Math.min(r.getLastRow(), last); row++) {
				for (int col = r.getFirstColumn(); col <= Math.min(r.getLastColumn(), MAX_COLUMNS); col++) {
					regions.put(((long) row << 16) | col, new int[] { r.getFirstRow(), r.getFirstColumn(),
							r.getLastColumn() - r.getFirstColumn() + 1 });
				}
			}
		}
		List<GridRow> rows = new ArrayList<>();
		for (int i = 0; i <= last; i++) {
			Row row = sheet.getRow(i);
			int width = row == null ? 0 : Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
			List<String> texts = new ArrayList<>();
			List<Integer> spans = new ArrayList<>();
			List<Boolean> continued = new ArrayList<>();
			for (int c = 0; c < width; c++) {
				int[] region = regions.get(((long) i << 16) | c);
				if (region == null) {
					texts.add(text(row.getCell(c)));
					spans.add(1);
					continued.add(false);
				}
				else {
					boolean first = region[0] == i && region[1] == c;
					texts.add(first || region[1] == c ? text(row.getCell(c)) : "");
					spans.add(region[1] == c ? region[2] : 0);
					continued.add(region[0] != i);
				}
			}
			rows.add(new GridRow(i + 1, texts, spans, continued));
		}
		return new Grid(name, rows, List.of());
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy");

	/** A cell as the person sees it: whole numbers without ".0", dates as d/M/yyyy, formulas by their last value. */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue().strip();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().format(DAY)
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
			default -> "";
		};
	}

	static IntakeException passwordProtected(String name) {
		return new IntakeException("Tệp “" + name + "” được đặt mật khẩu nên hệ thống không đọc được; hãy gỡ mật "
				+ "khẩu (Tệp › Thông tin › Bảo vệ) rồi tải lên lại");
	}

	static IntakeException tooLarge(String name) {
		return new IntakeException(name + " có quá nhiều dòng (hơn " + MAX_ROWS + "); hãy tách phụ lục thành các tệp "
				+ "nhỏ hơn");
	}

	private static IntakeException notOffice(String name) {
		return new IntakeException("Tệp “" + name + "” không phải tài liệu Word (.docx) hay bảng tính Excel (.xlsx); "
				+ "hãy kiểm tra lại tệp");
	}

	/** Why POI could not read the file, in words: bomb, truncated, or simply broken. */
	static IntakeException unreadable(String name, Throwable e) {
		String all = messages(e);
		if (all.contains("zip bomb") || all.contains("max size of the expanded") || all.contains("inflate ratio")
				|| all.contains("exceed") && all.contains("zip")) {
			return new IntakeException("Tệp “" + name + "” bị từ chối: dữ liệu nén bất thường (một phần bung ra quá "
					+ "lớn so với kích thước tệp, kiểu “zip bomb”). Không có gì được ghi");
		}
		if (e instanceof EncryptedDocumentException || all.contains("encrypted") || all.contains("password")) {
			return passwordProtected(name);
		}
		if (e instanceof OLE2NotOfficeXmlFileException) {
			return new IntakeException("Tệp “" + name + "” là định dạng Office cũ, không phải .docx/.xlsx; hãy lưu lại "
					+ "dạng .docx hoặc .xlsx");
		}
		if (all.contains("truncated") || all.contains("unexpected end") || all.contains("eof")
				|| all.contains("invalid stored block") || all.contains("invalid distance") || all.contains("zip")
				|| e instanceof NotOfficeXmlFileException || e instanceof POIXMLException) {
			return new IntakeException("Tệp “" + name + "” bị hỏng hoặc không trọn vẹn (có thể tải lên chưa hết); hãy "
					+ "mở tệp bằng Word/Excel, lưu lại rồi tải lên lần nữa");
		}
		return new IntakeException("Không đọc được tệp “" + name + "”: tệp bị hỏng hoặc không đúng định dạng Word/Excel");
	}

	private static String messages(Throwable e) {
		StringBuilder sb = new StringBuilder();
		for (Throwable t = e; t != null && sb.length() < 4000; t = t.getCause()) {
			sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(' ');
			if (t.getCause() == t) {
				break;
			}
		}
		return sb.toString().toLowerCase(Locale.ROOT);
	}

	static byte[] readAll(InputStream in, long maxBytes, String name) throws IOException {
		byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
		if (data.length > maxBytes) {
			throw new IntakeException("Tệp “" + name + "” lớn hơn " + (maxBytes / (1024 * 1024))
					+ " MB, vượt quá dung lượng cho phép; không có gì được ghi");
		}
		return data;
	}
}
