package vn.nq57.progress;

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

	/** Detected content type → the extensions a file of that type may carry. */
	private static final Map<String, String> ALLOWED = Map.of(
			"application/pdf", "pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
			"application/msword", "doc",
			"application/x-tika-msoffice", "doc xls",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
			"application/vnd.ms-excel", "xls",
			"image/png", "png",
			"image/jpeg", "jpg jpeg");

	public record Attachment(long id, String filename, String contentType, long size, long agencyId, byte[] data) {
	}

	private final JdbcTemplate jdbc;
	private final long maxBytes;
	private final Tika tika = new Tika();

	AttachmentStore(JdbcTemplate jdbc, @Value("${nq57.upload.max-bytes:10485760}") long maxBytes) {
		this.jdbc = jdbc;
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/** Stores the file, or refuses it with a message; returns {@code null} when no file was sent. */
	public Long store(MultipartFile file, long agencyId, long userId) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > maxBytes) {
			throw new DomainException("Tệp “" + file.getOriginalFilename() + "” quá lớn ("
					+ (file.getSize() / 1024 / 1024) + " MB); dung lượng tối đa là " + (maxBytes / 1024 / 1024) + " MB");
		}
		String name = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename().replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
		byte[] data;
		String detected;
		try (InputStream in = file.getInputStream()) {
			data = in.readAllBytes();
			detected = tika.detect(data, name);
		}
		catch (IOException e) {
			throw new DomainException("Không đọc được tệp tải lên");
		}
		String exts = ALLOWED.get(detected);
		if (exts == null || !java.util.Arrays.asList(exts.split(" ")).contains(ext)) {
			throw new DomainException("Tệp “" + name + "” không thuộc loại được phép (chỉ nhận PDF, Word, Excel, "
					+ "ảnh PNG/JPEG) hoặc nội dung không khớp với phần mở rộng ." + ext);
		}
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
			ps.setBytes(5, data);
			ps.setLong(6, agencyId);
			ps.setLong(7, userId);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	public Optional<Attachment> find(long id) {
		return jdbc.query("SELECT id, filename, content_type, size_bytes, agency_id, data FROM attachment WHERE id = ?",
				rs -> rs.next() ? Optional.of(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getLong(4), rs.getLong(5), rs.getBytes(6))) : Optional.empty(), id);
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
