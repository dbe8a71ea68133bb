package vn.nq57.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;

import vn.nq57.system.DomainException;

/**
 * Files of the registers, opened defensively as the import of plans does: the type is judged by content (Tika),
 * not by the name; a name that says another type is refused as disguised; macro-enabled and encrypted workbooks,
 * over-compressed ("zip bomb") and oversized files are refused with a message a civil servant understands. Also
 * writes a register's rows as one Excel sheet.
 */
public final class RegisterFiles {

	/** Largest upload of a register import or an attachment. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Rows read at most from an import sheet. */
	public static final int MAX_ROWS = 60_000;

	static {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
		ZipSecureFile.setMaxFileCount(5_000);
	}

	private static final Tika TIKA = new Tika();

	private static final Map<String, String> ATTACHMENT_TYPES = Map.of(
			"application/pdf", ".pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx",
			"image/png", ".png", "image/jpeg", ".jpg");

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public record Checked(String name, String contentType, String sha256) {
	}

	private RegisterFiles() {
	}

	/** An attachment (result files): PDF, Word, Excel or an image, whose content agrees with its name. */
	public static Checked checkAttachment(String fileName, byte[] data) {
		String name = safeName(fileName);
		checkSize(name, data);
		String real = TIKA.detect(data);
		String type = switch (real) {
			case "application/pdf", "image/png", "image/jpeg" -> real;
			case "application/x-tika-ooxml", "application/zip" -> officeType(name, data);
			default -> throw new DomainException("Tệp “" + name + "” không phải PDF, Word (.docx), Excel (.xlsx) hay ảnh PNG/JPEG "
					+ "(nội dung là " + describe(real) + "); chưa lưu gì");
		};
		String ext = ATTACHMENT_TYPES.get(type);
		String lower = name.toLowerCase(Locale.ROOT);
		if (!(lower.endsWith(ext) || ext.equals(".jpg") && lower.endsWith(".jpeg"))) {
			throw new DomainException("Tệp “" + name + "” có tên không đúng với nội dung (nội dung là " + describe(type)
					+ "); tệp bị ngụy trang hoặc đặt nhầm tên, chưa lưu gì");
		}
		return new Checked(name, type, sha256(data));
	}

	/** Word or Excel by the package's main part; macro-enabled documents are refused. */
	private static String officeType(String name, byte[] data) {
		try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage
			.open(new ByteArrayInputStream(data))) {
			var rels = pkg.getRelationshipsByType(org.apache.poi.openxml4j.opc.PackageRelationshipTypes.CORE_DOCUMENT);
			if (rels.isEmpty()) {
				throw new DomainException("Tệp “" + name + "” là tệp nén, không phải tài liệu Word hay Excel; chưa lưu gì");
			}
			String main = pkg.getPart(rels.getRelationship(0)).getContentType();
			if (main.contains("macroEnabled") || !pkg.getPartsByName(java.util.regex.Pattern.compile("(?i).*vbaProject\\.bin")).isEmpty()) {
				throw new DomainException("Tệp “" + name + "” có chứa macro; hệ thống không nhận tệp có macro. Chưa lưu gì.");
			}
			if (main.contains("wordprocessingml")) {
				return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
			}
			if (main.contains("spreadsheetml")) {
				return XLSX;
			}
			throw new DomainException("Tệp “" + name + "” là tài liệu Office nhưng không phải Word hay Excel; chưa lưu gì");
		}
		catch (DomainException e) {
			throw e;
		}
		catch (Exception e) {
			throw new DomainException("Không đọc được tệp “" + name + "”: tệp hỏng hoặc bị nén bất thường; chưa lưu gì");
		}
	}

	/** A workbook to import: a real .xlsx (not .xls, .xlsm, encrypted, or another file renamed). */
	public static Workbook openXlsx(String fileName, byte[] data) {
		String name = safeName(fileName);
		checkSize(name, data);
		String type = TIKA.detect(data);
		String byName = TIKA.detect(data, name);
		if (type.equals("application/x-tika-msoffice") || type.equals("application/x-tika-ooxml-protected")) {
			throw new DomainException("Tệp “" + name + "” là Excel 97–2003 hoặc có mật khẩu; hãy lưu lại dạng .xlsx không mật khẩu rồi tải lên");
		}
		if (!(type.equals("application/x-tika-ooxml") || type.equals("application/zip") || type.equals(XLSX)
				|| type.contains("spreadsheetml"))) {
			throw new DomainException("Tệp “" + name + "” không phải bảng tính Excel (.xlsx), dù tên tệp có thể ghi như vậy (nội dung là "
					+ describe(type) + "); chưa nhập gì");
		}
		if (byName.contains("macroEnabled") || name.toLowerCase(Locale.ROOT).endsWith(".xlsm")) {
			throw new DomainException("Tệp “" + name + "” là bảng tính có macro (.xlsm); hệ thống không nhận tệp có macro");
		}
		if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			throw new DomainException("Tệp “" + name + "” không có đuôi .xlsx; hãy tải lên bảng tính Excel (.xlsx)");
		}
		try {
			XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(data));
			if (wb.isMacroEnabled()) {
				wb.close();
				throw new DomainException("Tệp “" + name + "” có chứa macro; hệ thống không nhận tệp có macro");
			}
			return wb;
		}
		catch (DomainException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new DomainException("Không đọc được tệp “" + name + "”: tệp hỏng, bị nén bất thường hoặc không phải Excel (.xlsx); chưa nhập gì");
		}
	}

	/** The first sheet as rows of trimmed texts (header row included), at most {@link #MAX_ROWS}. */
	public static List<List<String>> rows(Workbook wb) {
		Sheet s = wb.getSheetAt(0);
		DataFormatter f = new DataFormatter(new Locale("vi", "VN"));
		List<List<String>> out = new ArrayList<>();
		if (s.getLastRowNum() > MAX_ROWS) {
			throw new DomainException("Bảng tính có quá " + MAX_ROWS + " dòng; hãy chia thành nhiều tệp");
		}
		for (int r = 0; r <= s.getLastRowNum(); r++) {
			Row row = s.getRow(r);
			List<String> cells = new ArrayList<>();
			if (row != null) {
				for (int c = 0; c < Math.min(row.getLastCellNum(), 60); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : f.formatCellValue(cell).strip());
				}
			}
			out.add(cells);
		}
		return out;
	}

	/** One sheet: a bold header, then the rows, as .xlsx bytes. */
	public static byte[] xlsx(String sheetName, List<String> headers, List<List<Object>> rows, String note) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.createSheet(sheetName);
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			int r = 0;
			Row head = s.createRow(r++);
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(bold);
			}
			for (List<Object> values : rows) {
				Row row = s.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object v = values.get(c);
					if (v == null) {
						continue;
					}
					if (v instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(c).setCellValue(String.valueOf(v));
					}
				}
			}
			if (note != null) {
				s.createRow(r + 1).createCell(0).setCellValue(note);
			}
			for (int c = 0; c < headers.size(); c++) {
				s.setColumnWidth(c, Math.min(60, Math.max(12, headers.get(c).length() + 4)) * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String describe(String type) {
		return switch (type) {
			case "application/pdf" -> "PDF";
			case "application/x-msdownload", "application/x-dosexec" -> "chương trình chạy được (.exe)";
			case "text/plain" -> "văn bản thuần";
			case "text/html" -> "trang HTML";
			case "application/zip" -> "tệp nén ZIP";
			case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "tài liệu Word (.docx)";
			case XLSX -> "bảng tính Excel (.xlsx)";
			case "image/png" -> "ảnh PNG";
			case "image/jpeg" -> "ảnh JPEG";
			default -> type;
		};
	}

	private static void checkSize(String name, byte[] data) {
		if (data == null || data.length == 0) {
			throw new DomainException("Tệp “" + name + "” rỗng, không có nội dung");
		}
		if (data.length > MAX_BYTES) {
			throw new DomainException("Tệp “" + name + "” lớn hơn 10 MB; chưa lưu gì");
		}
	}

	private static String safeName(String fileName) {
		String n = fileName == null || fileName.isBlank() ? "tải lên" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
