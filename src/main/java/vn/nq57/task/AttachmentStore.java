package vn.nq57.task;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.system.DomainException;

/**
 * Evidence files (outputs of a task). The type is judged by the file's content, not by the name it was
 * given; only the document and image types agencies actually send are accepted. Files live in the
 * database so every application node sees them.
 */
@Component
public class AttachmentStore {

	public record Attachment(long id, String filename, String contentType, long size, long agencyId, byte[] data) {
	}

	private final JdbcTemplate jdbc;
	private final long maxBytes;
	private final vn.nq57.system.FileStore fileStore;

	AttachmentStore(JdbcTemplate jdbc, @Value("${nq57.upload.max-bytes:10485760}") long maxBytes,
			vn.nq57.system.FileStore fileStore) {
		this.jdbc = jdbc;
		this.fileStore = fileStore;
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/** Stores the file, or refuses it with a message; returns {@code null} when no file was sent. */
	public Long store(MultipartFile file, long agencyId, long userId) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null; // no file chosen: the browser sends an empty part without a name
		}
		if (file.getSize() > maxBytes) {
			throw new DomainException("Tệp “" + file.getOriginalFilename() + "” quá lớn (" + size(file.getSize())
					+ "); dung lượng tối đa là " + size(maxBytes));
		}
		String name = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename().replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
		byte[] data;
		try (InputStream in = file.getInputStream()) {
			data = in.readAllBytes();
		}
		catch (IOException e) {
			throw new DomainException("Không đọc được tệp tải lên");
		}
		// the shared checks: type by content, truncation, zip directory limits, macros, XML entities
		vn.nq57.system.UploadChecks.Checked checked = vn.nq57.system.UploadChecks.check(data, name, maxBytes);
		String detected = checked.contentType();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		String storedName = name;
		jdbc.update(con -> {
			var ps = con.prepareStatement("""
					INSERT INTO attachment(filename, content_type, size_bytes, sha256, data, agency_id, uploaded_by)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			ps.setString(1, storedName);
			ps.setString(2, detected);
			ps.setLong(3, data.length);
			ps.setString(4, sha256(data));
			// the bytes themselves, or nothing when a shared store keeps them (nq57.files.store: directory or s3)
			ps.setBytes(5, fileStore.keep(data, sha256(data)));
			ps.setLong(6, agencyId);
			ps.setLong(7, userId);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	public Optional<Attachment> find(long id) {
		return jdbc.query("SELECT id, filename, content_type, size_bytes, agency_id, data, sha256 FROM attachment WHERE id = ?",
				rs -> rs.next() ? Optional.of(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getLong(4), rs.getLong(5), fileStore.read(rs.getBytes(6), rs.getString(7), rs.getLong(4))))
						: Optional.empty(), id);
	}

	/** What the file is, judged by its bytes alone (the name it was given decides nothing). */
	static String kindOf(byte[] data) {
		String magic = new Tika().detect(data);
		return switch (magic) {
			case "application/pdf" -> "pdf";
			case "image/png" -> "png";
			case "image/jpeg" -> "jpeg";
			case "application/zip", "application/x-tika-ooxml" -> officeOpenXml(data);
			case "application/x-tika-msoffice" -> legacyOffice(data);
			default -> null;
		};
	}

	/** A .docx or .xlsx is a zip with the part that makes it one; any other zip is refused. */
	private static String officeOpenXml(byte[] data) {
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(data))) {
			java.util.zip.ZipEntry e;
			int entries = 0;
			while ((e = zip.getNextEntry()) != null && entries++ < 10_000) {
				if (e.getName().equals("word/document.xml")) {
					return "docx";
				}
				if (e.getName().equals("xl/workbook.xml")) {
					return "xlsx";
				}
			}
		}
		catch (IOException | IllegalArgumentException e) {
			return null;
		}
		return null;
	}

	private static String legacyOffice(byte[] data) {
		try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(
				new java.io.ByteArrayInputStream(data))) {
			if (fs.getRoot().hasEntry("WordDocument")) {
				return "doc";
			}
			if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
				return "xls";
			}
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
		return null;
	}

	private static final Map<String, java.util.Set<String>> EXTENSIONS = Map.of("pdf", java.util.Set.of("pdf"), "png",
			java.util.Set.of("png"), "jpeg", java.util.Set.of("jpg", "jpeg"), "docx", java.util.Set.of("docx"), "xlsx",
			java.util.Set.of("xlsx"), "doc", java.util.Set.of("doc"), "xls", java.util.Set.of("xls"));

	private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg",
			"image/jpeg", "jpeg", "image/jpeg", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "doc", "application/msword", "xls",
			"application/vnd.ms-excel");

	static String size(long bytes) {
		return bytes >= 1024 * 1024 ? String.format(java.util.Locale.forLanguageTag("vi"), "%.1f MB", bytes / 1048576.0)
				: (bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " byte");
	}

	private static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
