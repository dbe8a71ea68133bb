package vn.nq57.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.tika.Tika;

/**
 * The checks every uploaded evidence file goes through, in every module (progress, claims, indicator files, and any
 * new capability's uploads): the size limit named in the message; the real type judged by content (Apache Tika),
 * not by the name; the name's extension must agree; truncated PDF, PNG, JPEG and Office files refused; for Office
 * files, the zip directory is read <em>before</em> anything is inflated — entry count, inflated size and
 * compression ratio limits ("zip bombs"), macros ({@code vbaProject.bin}, macro-enabled content types, the VBA
 * storages of .doc/.xls) and XML document type declarations (external entities) are refused. Each refusal is a
 * {@link DomainException} with a Vietnamese message; nothing is stored.
 */
public final class UploadChecks {

	/** The most entries an Office file may hold (a real report has a few dozen). */
	public static final int MAX_ENTRIES = 2_000;

	/** The most an Office file may inflate to, all entries together. */
	public static final long MAX_INFLATED = 200L * 1024 * 1024;

	/** The largest compression ratio of one entry above 1 MB (XML compresses 10–30 times; bombs 1000 times). */
	public static final long MAX_RATIO = 100;

	private static final Tika TIKA = new Tika();

	/** A checked file: its cleaned name, its kind (pdf, png, jpeg, docx, xlsx, doc, xls) and its content type. */
	public record Checked(String name, String kind, String contentType) {
	}

	private static final Map<String, Set<String>> EXTENSIONS = Map.of("pdf", Set.of("pdf"), "png", Set.of("png"),
			"jpeg", Set.of("jpg", "jpeg"), "docx", Set.of("docx"), "xlsx", Set.of("xlsx"), "doc", Set.of("doc"), "xls",
			Set.of("xls"));

	private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpeg",
			"image/jpeg", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "doc", "application/msword", "xls",
			"application/vnd.ms-excel");

	private UploadChecks() {
	}

	/** A file name safe to store and show: no path, at most 200 characters. */
	public static String cleanName(String original) {
		String name = original == null || original.isBlank() ? "tep" : original.replaceAll("[\\\\/\\p{Cntrl}]", "_");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	public static String size(long bytes) {
		return bytes >= 1024 * 1024 ? String.format(Locale.forLanguageTag("vi"), "%.1f MB", bytes / 1048576.0)
				: (bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " byte");
	}

	/** Checks an evidence file; returns what it is, or refuses it with the reason. */
	public static Checked check(byte[] data, String originalName, long maxBytes) {
		String name = cleanName(originalName);
		if (data == null || data.length == 0) {
			throw new DomainException("Tệp “" + name + "” rỗng, không có nội dung");
		}
		if (data.length > maxBytes) {
			throw new DomainException("Tệp “" + name + "” quá lớn (" + size(data.length) + "); dung lượng tối đa là "
					+ size(maxBytes));
		}
		String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		if (ext.equals("docm") || ext.equals("xlsm") || ext.equals("dotm") || ext.equals("xltm")) {
			throw macros(name);
		}
		String kind = switch (TIKA.detect(data)) {
			case "application/pdf" -> pdf(data, name);
			case "image/png" -> png(data, name);
			case "image/jpeg" -> jpeg(data, name);
			case "application/zip", "application/x-tika-ooxml" -> ooxml(data, name);
			case "application/x-tika-msoffice" -> legacy(data, name);
			default -> null;
		};
		if (kind == null || !EXTENSIONS.get(kind).contains(ext)) {
			throw new DomainException("Tệp “" + name + "” không thuộc loại được phép (chỉ nhận PDF, Word, Excel, ảnh "
					+ "PNG/JPEG) hoặc nội dung không khớp với phần mở rộng ." + ext);
		}
		return new Checked(name, kind, CONTENT_TYPES.get(kind));
	}

	private static DomainException truncated(String name) {
		return new DomainException("Tệp “" + name + "” bị cắt cụt hoặc hỏng (tải lên chưa hết?); hãy mở lại tệp gốc, "
				+ "lưu lại và tải lên lần nữa");
	}

	private static DomainException macros(String name) {
		return new DomainException("Tệp “" + name + "” có chứa macro (mã lệnh VBA); hệ thống không nhận tệp có macro. "
				+ "Hãy lưu lại dạng .docx/.xlsx thông thường");
	}

	private static String pdf(byte[] data, String name) {
		String tail = new String(data, Math.max(0, data.length - 1024), Math.min(1024, data.length),
				StandardCharsets.ISO_8859_1);
		if (!tail.contains("%%EOF")) {
			throw truncated(name);
		}
		return "pdf";
	}

	private static String png(byte[] data, String name) {
		String tail = new String(data, Math.max(0, data.length - 12), Math.min(12, data.length), StandardCharsets.ISO_8859_1);
		if (!tail.contains("IEND")) {
			throw truncated(name);
		}
		return "png";
	}

	private static String jpeg(byte[] data, String name) {
		int end = data.length;
		while (end > 2 && data[end - 1] == 0) {
			end--;
		}
		if (end < 4 || (data[end - 2] & 0xff) != 0xFF || (data[end - 1] & 0xff) != 0xD9) {
			throw truncated(name);
		}
		return "jpeg";
	}

	private static String legacy(byte[] data, String name) {
		try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new ByteArrayInputStream(data))) {
			var root = fs.getRoot();
			if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
				throw new DomainException("Tệp “" + name + "” có đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên");
			}
			if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("VBA")) {
				throw macros(name);
			}
			if (root.hasEntry("WordDocument")) {
				return "doc";
			}
			if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
				return "xls";
			}
			return null;
		}
		catch (DomainException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw truncated(name);
		}
	}

	/**
	 * An Office Open XML file: the zip's central directory is read first (no inflating): counts, sizes, ratios and
	 * names; then only the first kilobytes of each XML part are inflated, to refuse document type declarations.
	 */
	private static String ooxml(byte[] data, String name) {
		ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
		int eocd = -1;
		for (int i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
			if (b.getInt(i) == 0x06054b50) {
				eocd = i;
				break;
			}
		}
		if (eocd < 0) {
			throw truncated(name);
		}
		int entries = Short.toUnsignedInt(b.getShort(eocd + 10));
		long cdSize = Integer.toUnsignedLong(b.getInt(eocd + 12));
		long cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
		if (entries == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
			throw new DomainException("Tệp “" + name + "” là tệp nén quá lớn (định dạng ZIP64); hệ thống không nhận");
		}
		if (entries > MAX_ENTRIES) {
			throw new DomainException("Tệp “" + name + "” chứa " + entries + " phần, quá giới hạn " + MAX_ENTRIES
					+ " phần của một tài liệu Office; hệ thống không mở tệp này");
		}
		if (cdOffset + cdSize > eocd) {
			throw truncated(name);
		}
		long inflated = 0;
		boolean word = false;
		boolean excel = false;
		int p = (int) cdOffset;
		java.util.List<int[]> xmlParts = new java.util.ArrayList<>();
		for (int n = 0; n < entries; n++) {
			if (p + 46 > data.length || b.getInt(p) != 0x02014b50) {
				throw truncated(name);
			}
			int method = Short.toUnsignedInt(b.getShort(p + 10));
			long compressed = Integer.toUnsignedLong(b.getInt(p + 20));
			long size = Integer.toUnsignedLong(b.getInt(p + 24));
			int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
			int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
			int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
			long local = Integer.toUnsignedLong(b.getInt(p + 42));
			if (p + 46 + nameLen > data.length) {
				throw truncated(name);
			}
			String entry = new String(data, p + 46, nameLen, StandardCharsets.UTF_8);
			if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
				throw new DomainException("Tệp “" + name + "” là tệp nén quá lớn (định dạng ZIP64); hệ thống không nhận");
			}
			if (local + 30 + compressed > data.length) {
				throw truncated(name);
			}
			inflated += size;
			if (inflated > MAX_INFLATED) {
				throw new DomainException("Tệp “" + name + "” khi giải nén lớn hơn " + size(MAX_INFLATED)
						+ " (tệp nén bất thường, “bom nén”); hệ thống không mở tệp này");
			}
			if (size > 1024 * 1024 && (compressed == 0 || size / Math.max(1, compressed) > MAX_RATIO)) {
				throw new DomainException("Tệp “" + name + "” có phần “" + entry + "” nén với tỷ lệ bất thường (trên "
						+ MAX_RATIO + " lần, “bom nén”); hệ thống không mở tệp này");
			}
			String lower = entry.toLowerCase(Locale.ROOT);
			if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml") || lower.contains("/activex/")) {
				throw macros(name);
			}
			word |= entry.equals("word/document.xml");
			excel |= entry.equals("xl/workbook.xml");
			if ((lower.endsWith(".xml") || lower.endsWith(".rels")) && (method == 0 || method == 8)) {
				xmlParts.add(new int[] { (int) local, (int) compressed, method });
			}
			p += 46 + nameLen + extraLen + commentLen;
		}
		for (int[] part : xmlParts) {
			String head = head(data, b, part[0], part[1], part[2], name);
			if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
				throw new DomainException("Tệp “" + name + "” có khai báo DOCTYPE/ENTITY trong phần XML (có thể tham chiếu "
						+ "tệp bên ngoài); tài liệu Office thông thường không có, hệ thống không nhận tệp này");
			}
			if (head.contains("macroEnabled")) {
				throw macros(name);
			}
		}
		return word ? "docx" : excel ? "xlsx" : null;
	}

	/** The first 4 KB of one entry, inflated from its local header (bounded, whatever the entry claims). */
	private static String head(byte[] data, ByteBuffer b, int local, int compressed, int method, String name) {
		if (local + 30 > data.length || b.getInt(local) != 0x04034b50) {
			throw truncated(name);
		}
		int start = local + 30 + Short.toUnsignedInt(b.getShort(local + 26)) + Short.toUnsignedInt(b.getShort(local + 28));
		int len = (int) Math.min(compressed, Math.max(0, data.length - start));
		if (method == 0) {
			return new String(data, start, Math.min(len, 4096), StandardCharsets.UTF_8);
		}
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(data, start, len);
			byte[] out = new byte[4096];
			int got = 0;
			while (got < out.length && !inflater.finished() && !inflater.needsInput()) {
				int n = inflater.inflate(out, got, out.length - got);
				if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
					break;
				}
				got += n;
			}
			return new String(out, 0, got, StandardCharsets.UTF_8);
		}
		catch (DataFormatException e) {
			throw truncated(name);
		}
		finally {
			inflater.end();
		}
	}
}
