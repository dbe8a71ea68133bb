package vn.nq57.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded files live (evidence of progress and claims, funding estimates, indicator files). By default in
 * the database, in their owners' rows, so every node reaches them and the backup holds them. With
 * {@code nq57.files.dir} set to a directory every node mounts (NFS, a shared volume), the bytes go to that
 * directory instead, named by their SHA-256 ({@code ab/abcdef…}; the same content is kept once), and the owner's
 * row keeps the name, type, size and SHA-256 with an empty {@code data}: the database stays small and the backup
 * copies the directory beside the tables. An S3-compatible store is not offered.
 */
@Component
public class FileStore {

	private final Path dir;

	public FileStore(@Value("${nq57.files.dir:}") String dir) {
		this.dir = dir == null || dir.isBlank() ? null : Path.of(dir.strip()).toAbsolutePath();
		if (this.dir != null) {
			try {
				Files.createDirectories(this.dir);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Không tạo được thư mục lưu tệp " + this.dir + " (nq57.files.dir)", e);
			}
		}
	}

	/** The shared directory, or null when files are kept in the database. */
	public Path directory() {
		return dir;
	}

	/**
	 * The bytes the owner's row keeps for this file: the file itself (database store), or nothing once the file is
	 * written to the directory under its SHA-256.
	 */
	public byte[] keep(byte[] data, String sha256) {
		if (dir == null) {
			return data;
		}
		String name = checkedName(sha256);
		Path target = dir.resolve(name.substring(0, 2)).resolve(name);
		try {
			if (!Files.exists(target) || Files.size(target) != data.length) {
				Files.createDirectories(target.getParent());
				Path tmp = Files.createTempFile(target.getParent(), name, ".tmp");
				Files.write(tmp, data);
				try {
					Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không ghi được tệp vào thư mục lưu tệp " + dir, e);
		}
		return new byte[0];
	}

	/** The file's bytes: those of the row when it holds them, else the directory's copy (checked against its SHA-256). */
	public byte[] read(byte[] inRow, String sha256, long size) {
		if (inRow != null && (inRow.length == size || size == 0)) {
			return inRow;
		}
		if (dir == null) {
			throw new IllegalStateException("Tệp " + sha256 + " được lưu ở thư mục tệp nhưng nq57.files.dir chưa được đặt");
		}
		String name = checkedName(sha256);
		try {
			byte[] data = Files.readAllBytes(dir.resolve(name.substring(0, 2)).resolve(name));
			if (!sha256(data).equals(name)) {
				throw new IllegalStateException("Tệp " + name + " trong " + dir + " không khớp mã SHA-256");
			}
			return data;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không đọc được tệp " + name + " trong thư mục lưu tệp " + dir, e);
		}
	}

	private static String checkedName(String sha256) {
		String s = sha256 == null ? "" : sha256.strip().toLowerCase(java.util.Locale.ROOT);
		if (!s.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("mã SHA-256 không hợp lệ: " + sha256);
		}
		return s;
	}

	public static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
