package vn.nq57.datacall;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;

import vn.nq57.system.DomainException;

/**
 * Opens an uploaded spreadsheet defensively, as the plan and indicator imports do: the real type judged by content
 * (Tika), not by its name; zip entries limited in number, size and compression ratio; macro-enabled workbooks
 * refused. CSV text is accepted where the caller allows it.
 */
public final class SafeUpload {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final Tika TIKA = new Tika();

	static {
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
		ZipSecureFile.setMaxFileCount(5_000);
	}

	public enum Kind {
		XLSX, CSV
	}

	private SafeUpload() {
	}

	/** What the bytes are, or a refusal in Vietnamese. */
	public static Kind check(byte[] data, String filename, boolean csvAllowed) {
		String name = filename == null || filename.isBlank() ? "tải lên" : filename;
		if (data == null || data.length == 0) {
			throw new DomainException("Tệp “" + name + "” rỗng, không có nội dung");
		}
		if (data.length > MAX_BYTES) {
			throw new DomainException("Tệp “" + name + "” lớn quá 10 MB");
		}
		String type = TIKA.detect(data, name);
		String lower = name.toLowerCase(Locale.ROOT);
		if (type.contains("macroenabled") || lower.endsWith(".xlsm") || hasMacros(data)) {
			throw new DomainException("Tệp “" + name + "” có chứa macro; vì an toàn, hệ thống không nhận tệp có macro. "
					+ "Hãy lưu lại dạng Excel Workbook (.xlsx) không có macro rồi tải lên");
		}
		if (type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				|| type.equals("application/x-tika-ooxml") && lower.endsWith(".xlsx")) {
			return Kind.XLSX;
		}
		if (csvAllowed && (type.startsWith("text/") && !type.equals("text/html"))) {
			return Kind.CSV;
		}
		if (type.equals("application/x-tika-msoffice") || type.equals("application/vnd.ms-excel")) {
			throw new DomainException("Tệp “" + name + "” là Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx rồi tải lên");
		}
		throw new DomainException("Tệp “" + name + "” không phải bảng tính Excel (.xlsx)" + (csvAllowed ? " hay CSV" : "")
				+ ", dù tên tệp có thể ghi như vậy (nội dung là " + type + "); hãy kiểm tra lại tệp");
	}

	private static boolean hasMacros(byte[] data) {
		if (data.length < 4 || data[0] != 'P' || data[1] != 'K') {
			return false;
		}
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(data))) {
			return pkg.getParts().stream().anyMatch(p -> p.getPartName().getName().toLowerCase(Locale.ROOT).contains("vbaproject"));
		}
		catch (Exception e) {
			return false;
		}
	}

	public static Workbook open(byte[] data, String filename) {
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(data));
		}
		catch (IOException | RuntimeException e) {
			throw new DomainException("Không đọc được tệp “" + filename + "”: tệp hỏng, bị cắt hoặc có mật khẩu");
		}
	}
}
