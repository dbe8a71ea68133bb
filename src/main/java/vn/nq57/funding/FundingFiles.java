package vn.nq57.funding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.account.CurrentUser;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;

/**
 * Estimate files (dự toán) and proposal workbooks: judged by content with Tika, not by name; the size limit of every
 * upload ({@code nq57.upload.max-bytes}); an Office file is opened as a zip first and refused when it has too many
 * parts, expands too far or carries macros.
 */
@Component
class FundingFiles {

	/** Content type → the extensions it may carry. */
	private static final Map<String, String> ESTIMATE = Map.of("application/pdf", "pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	static final int MAX_ENTRIES = 2_000;
	static final long MAX_EXPANDED = 100L * 1024 * 1024;

	record Upload(String filename, String contentType, byte[] data) {
	}

	record StoredFile(long id, long agencyId, String filename, String contentType, byte[] data) {
	}

	private final JdbcTemplate jdbc;

	private final vn.nq57.system.FileStore fileStore;
	private final AppClock clock;
	private final long maxBytes;
	private final Tika tika = new Tika();

	FundingFiles(JdbcTemplate jdbc, AppClock clock, @Value("${nq57.upload.max-bytes:10485760}") long maxBytes,
			vn.nq57.system.FileStore fileStore) {
		this.fileStore = fileStore;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	long maxMegabytes() {
		return maxBytes / 1024 / 1024;
	}

	/** An estimate file: PDF, Word (.docx) or Excel (.xlsx) whose content matches its extension; null when none sent. */
	Upload estimate(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		Upload u = read(file);
		String exts = ESTIMATE.get(u.contentType());
		if (exts == null || !exts.equals(extension(u.filename()))) {
			throw new DomainException("Tệp dự toán “" + u.filename() + "” không phải PDF, Word (.docx) hay Excel (.xlsx), "
					+ "hoặc nội dung không khớp với phần mở rộng ." + extension(u.filename()));
		}
		if (!"pdf".equals(exts)) {
			checkZip(u);
		}
		return u;
	}

	/** A proposals workbook (.xlsx) for the import. */
	Upload workbook(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new DomainException("Chưa chọn tệp Excel để nhập");
		}
		Upload u = read(file);
		if (!"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".equals(u.contentType())
				|| !"xlsx".equals(extension(u.filename()))) {
			throw new DomainException("Tệp “" + u.filename() + "” không phải bảng tính Excel (.xlsx) đúng như tên gọi; "
					+ "hãy dùng mẫu tải về từ hệ thống");
		}
		checkZip(u);
		return u;
	}

	private Upload read(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "tep" : file.getOriginalFilename().replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		if (file.getSize() > maxBytes) {
			throw new DomainException("Tệp “" + name + "” quá lớn (" + (file.getSize() / 1024 / 1024) + " MB); dung lượng tối đa là "
					+ maxMegabytes() + " MB");
		}
		try (InputStream in = file.getInputStream()) {
			byte[] data = in.readAllBytes();
			return new Upload(name, tika.detect(data, name), data);
		}
		catch (IOException e) {
			throw new DomainException("Không đọc được tệp tải lên");
		}
	}

	/** Refuses an Office file with too many parts, a part that expands too far, or macros. */
	static void checkZip(Upload u) {
		int entries = 0;
		long expanded = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(u.data()))) {
			ZipEntry e;
			byte[] buf = new byte[8192];
			while ((e = zip.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw new DomainException("Tệp “" + u.filename() + "” có quá nhiều thành phần (trên " + MAX_ENTRIES + "); "
							+ "hệ thống không mở tệp này");
				}
				String n = e.getName().toLowerCase(Locale.ROOT);
				if (n.contains("vbaproject") || n.endsWith(".bin") && n.contains("macro")) {
					throw new DomainException("Tệp “" + u.filename() + "” có chứa macro; hãy lưu lại dạng không có macro rồi tải lên");
				}
				int r;
				while ((r = zip.read(buf)) > 0) {
					expanded += r;
					if (expanded > MAX_EXPANDED) {
						throw new DomainException("Tệp “" + u.filename() + "” khi giải nén lớn bất thường; hệ thống không mở tệp này");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new DomainException("Tệp “" + u.filename() + "” bị hỏng, không mở được");
		}
	}

	static String extension(String name) {
		return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
	}

	long store(Upload u, long agencyId, CurrentUser by) {
		return jdbc.queryForObject("""
				INSERT INTO funding_file(agency_id, filename, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, agencyId, u.filename(), u.contentType(),
				(long) u.data().length, sha256(u.data()), fileStore.keep(u.data(), sha256(u.data())), by == null ? null : by.id(),
				Timestamp.from(clock.now()));
	}

	Optional<StoredFile> find(long id) {
		return jdbc.query("SELECT id, agency_id, filename, content_type, data, sha256, size_bytes FROM funding_file WHERE id = ?",
				(rs, i) -> new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						fileStore.read(rs.getBytes(5), rs.getString(6), rs.getLong(7))), id)
			.stream().findFirst();
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
