package vn.nq57.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * Files attached to indicator values (the statistical table, the system's report a figure comes from).
 * Judged by content, not by name; the same types and size limit as evidence files of tasks.
 */
@Component
class IndicatorFiles {

	private static final Map<String, String> ALLOWED = Map.of(
			"application/pdf", "pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
			"application/msword", "doc",
			"application/x-tika-msoffice", "doc xls",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
			"application/vnd.ms-excel", "xls",
			"image/png", "png",
			"image/jpeg", "jpg jpeg");

	record StoredFile(long id, long indicatorId, long agencyId, String filename, String contentType, byte[] data) {
	}

	private final JdbcTemplate jdbc;

	private final vn.nq57.system.FileStore fileStore;
	private final AppClock clock;
	private final long maxBytes;
	private final Tika tika = new Tika();

	IndicatorFiles(JdbcTemplate jdbc, AppClock clock, @Value("${nq57.upload.max-bytes:10485760}") long maxBytes,
			vn.nq57.system.FileStore fileStore) {
		this.fileStore = fileStore;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	long maxMegabytes() {
		return maxBytes / 1024 / 1024;
	}

	/** Checks the file and returns its content (nothing is stored yet), or {@code null} when no file was sent. */
	Upload read(MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null; // no file chosen: the browser sends an empty part without a name
		}
		if (file.getSize() > maxBytes) {
			throw new DomainException("Tệp “" + file.getOriginalFilename() + "” quá lớn; dung lượng tối đa là "
					+ maxMegabytes() + " MB");
		}
		String name = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename().replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
		try (InputStream in = file.getInputStream()) {
			byte[] data = in.readAllBytes();
			// the shared checks: type by content, truncation, zip directory limits, macros, XML entities
			vn.nq57.system.UploadChecks.Checked checked = vn.nq57.system.UploadChecks.check(data, name, maxBytes);
			return new Upload(name, checked.contentType(), data);
		}
		catch (IOException e) {
			throw new DomainException("Không đọc được tệp tải lên");
		}
	}

	record Upload(String filename, String contentType, byte[] data) {
	}

	long store(Upload u, long indicatorId, long agencyId, long userId) {
		return jdbc.queryForObject("""
				INSERT INTO indicator_file(indicator_id, agency_id, filename, content_type, size_bytes, sha256, data,
				                           uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, indicatorId, agencyId, u.filename(),
				u.contentType(), (long) u.data().length, sha256(u.data()), fileStore.keep(u.data(), sha256(u.data())), userId,
				Timestamp.from(clock.now()));
	}

	/** Whether an approved (or computed) value cites this file as its source. */
	boolean backsSubmittedValue(long fileId) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM indicator_value WHERE file_id = ? AND state IN ('APPROVED', 'COMPUTED'))",
				Boolean.class, fileId));
	}

	Optional<StoredFile> find(long id) {
		return jdbc.query("SELECT id, indicator_id, agency_id, filename, content_type, data, sha256, size_bytes "
				+ "FROM indicator_file WHERE id = ?",
				rs -> rs.next() ? Optional.of(new StoredFile(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), fileStore.read(rs.getBytes(6), rs.getString(7), rs.getLong(8)))) : Optional.empty(), id);
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
