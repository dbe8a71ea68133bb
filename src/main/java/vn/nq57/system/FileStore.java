package vn.nq57.system;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where uploaded files live (evidence of progress and claims, funding estimates, indicator files). Three stores,
 * chosen by {@code nq57.files.store} ({@link FileStoreConfig}):
 * <ul>
 * <li>{@code database} (the default): in their owners' rows, so every node reaches them and the backup holds
 * them;</li>
 * <li>{@code directory} ({@code nq57.files.dir} set): a directory every node mounts (NFS, a shared volume);</li>
 * <li>{@code s3}: a bucket of an S3-compatible object store (MinIO, Ceph RGW, a cloud's S3).</li>
 * </ul>
 * In the shared stores the bytes are named by their SHA-256 ({@code ab/abcdef…}; the same content is kept once,
 * a name never comes from what the user typed), and the owner's row keeps the name, type, size and SHA-256 with
 * an empty {@code data}: the database stays small and the backup copies the store's files beside the tables.
 */
public interface FileStore {

	/** {@code database}, {@code directory} or {@code s3}. */
	String kind();

	/** Where the files are, for messages and the backup's manifest (never a secret). */
	String where();

	/** Whether the bytes are kept outside the database (then the backup copies them: {@link #names()}). */
	default boolean shared() {
		return true;
	}

	/**
	 * The bytes the owner's row keeps for this file: the file itself (database store), or nothing once the file is
	 * written to the shared store under its SHA-256.
	 */
	byte[] keep(byte[] data, String sha256);

	/**
	 * The file's bytes: those of the row when it holds them, else the shared store's copy, checked against its
	 * size and SHA-256 (an object longer than the row says is not read into memory).
	 */
	byte[] read(byte[] inRow, String sha256, long size);

	/** Writes a file under its SHA-256 from a stream of {@code size} bytes (the backup's restore; tests). */
	void put(String sha256, InputStream in, long size);

	/** The stored file as a stream; the caller closes it. Unknown names fail with a Vietnamese message. */
	InputStream open(String sha256);

	/** Whether the store holds a file of this name and size ({@code size < 0}: any size). */
	boolean exists(String sha256, long size);

	/** The names (SHA-256) of every stored file, lazily; the caller closes the stream. */
	Stream<String> names();

	/** Removes a stored file; true when it was there. */
	boolean delete(String sha256);

	/** Fails, with the reason in Vietnamese, when the store cannot be reached or written (readiness). */
	void check();

	/** The store that keeps every file in its owner's row (nothing to copy, nothing to reach). */
	static FileStore inDatabase() {
		return new DatabaseFileStore();
	}

	/**
	 * The one way a file's name in a shared store is made: a SHA-256 in lower-case hex, nothing else (no path
	 * separators, no {@code ..}, nothing the user typed).
	 */
	static String checkedName(String sha256) {
		String s = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
		if (!s.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("mã SHA-256 không hợp lệ: " + (s.length() > 80 ? s.substring(0, 80) : s));
		}
		return s;
	}

	/** The relative path of a stored file: {@code ab/abcdef…} (two levels keep directories and listings small). */
	static String relativePath(String sha256) {
		String name = checkedName(sha256);
		return name.substring(0, 2) + "/" + name;
	}

	static String sha256(byte[] data) {
		return HexFormat.of().formatHex(digest().digest(data));
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
