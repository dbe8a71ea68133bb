package vn.nq57.ops;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;

import vn.nq57.system.FileStore;

/**
 * A backup is a directory: one gzipped COPY file per table of the {@code public} schema (the Flyway history
 * included) and {@code manifest.tsv} with each table's row count and the SHA-256 of its COPY text. Everything is
 * read in one repeatable-read transaction, so the tables agree with each other. The uploaded files are in the
 * tables' rows by default, so the backup holds them; with a shared file store (a directory, an S3 bucket) the
 * backup copies the store's files into {@code files/} after the snapshot, and the restore puts back those the
 * store lacks ({@code nq57.backup.files=skip} leaves a bucket to its own versioning and replication). A restore goes into a
 * database whose schema Flyway has made (an empty database: the application migrates it on start), replaces the
 * rows of every table, sets the sequences past the highest ids, and checks every table's count and checksum against
 * the manifest. It works against the embedded server and a configured one alike, whatever PostgreSQL client tools
 * the machine has (the embedded binaries ship no pg_dump; a pg_dump older than the server refuses to dump it).
 */
@Service
public class Backup {

	/** One table in a backup: its name, rows and the checksum of its COPY text. */
	public record TableCopy(String table, long rows, String sha256) {
	}

	private final DataSource dataSource;

	private final FileStore fileStore;

	private final boolean copyFiles;

	/** A backup of a database alone (files kept in its rows). */
	Backup(DataSource dataSource) {
		this(dataSource, FileStore.inDatabase(), "copy");
	}

	/**
	 * {@code nq57.backup.files}: {@code copy} (the default) copies the shared store's files into the backup;
	 * {@code skip} leaves them to the store's own protection (a versioned, replicated bucket) and says so in the
	 * manifest and the log.
	 */
	@org.springframework.beans.factory.annotation.Autowired
	Backup(DataSource dataSource, FileStore fileStore,
			@org.springframework.beans.factory.annotation.Value("${nq57.backup.files:copy}") String files) {
		this.dataSource = dataSource;
		this.fileStore = fileStore;
		if (!files.strip().equalsIgnoreCase("copy") && !files.strip().equalsIgnoreCase("skip")) {
			throw new IllegalArgumentException("nq57.backup.files phải là copy hoặc skip (không phải “" + files + "”)");
		}
		this.copyFiles = files.strip().equalsIgnoreCase("copy");
	}

	/**
	 * A backup of another database and file store: a restore into a new database and bucket (tools, tests);
	 * {@code files} as {@code nq57.backup.files}.
	 */
	public static Backup of(DataSource dataSource, FileStore fileStore, String files) {
		return new Backup(dataSource, fileStore, files);
	}

	/** The file store this backup reads and the restore writes. */
	public FileStore fileStore() {
		return fileStore;
	}

	/** Whether a backup copies the shared store's files (false: {@code nq57.backup.files=skip}, or files in rows). */
	public boolean copiesFiles() {
		return copyFiles && fileStore.shared();
	}

	/**
	 * Copies every file of the shared store (directory or bucket) to {@code to/ab/abcdef…}, streamed, each checked
	 * against its name. Its files are named by their SHA-256 and never change, so every file a backed-up row names was
	 * written before the snapshot and is copied. Returns how many.
	 */
	public int copyFilesOut(Path to) throws IOException {
		int n = 0;
		try (var names = fileStore.names()) {
			for (String name : (Iterable<String>) names::iterator) {
				Path target = to.resolve(FileStore.relativePath(name));
				Files.createDirectories(target.getParent());
				Path tmp = target.resolveSibling(name + ".part");
				MessageDigest sha = sha256();
				try (InputStream in = new DigestInputStream(fileStore.open(name), sha)) {
					Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
				}
				if (!HexFormat.of().formatHex(sha.digest()).equals(name)) {
					Files.deleteIfExists(tmp);
					throw new IllegalStateException("Tệp " + name + " của kho tệp " + fileStore.where()
							+ " không khớp mã SHA-256 của tên nó");
				}
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
				n++;
			}
		}
		return n;
	}

	/**
	 * Puts the backup's files ({@code from/ab/abcdef…}) back into the shared store, streamed, each checked against its
	 * name first; a file the store already holds (same name and size) is left. Returns how many files the backup has.
	 */
	public int copyFilesIn(Path from) throws IOException {
		if (from == null || !Files.isDirectory(from)) {
			return 0;
		}
		int n = 0;
		try (var all = Files.walk(from, 2)) {
			for (Path f : all.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
				.toList()) {
				String name = f.getFileName().toString();
				MessageDigest sha = sha256();
				try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
					in.transferTo(OutputStream.nullOutputStream());
				}
				if (!HexFormat.of().formatHex(sha.digest()).equals(name)) {
					throw new IllegalStateException("Tệp " + f + " của bản sao lưu không khớp mã SHA-256 của tên nó");
				}
				long size = Files.size(f);
				if (!fileStore.exists(name, size)) {
					try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
						fileStore.put(name, in, size);
					}
				}
				n++;
			}
		}
		return n;
	}

	/** How many files a backup directory holds in {@code files/}. */
	public static int filesIn(Path backup) {
		Path files = backup.resolve("files");
		if (!Files.isDirectory(files)) {
			return 0;
		}
		try (var all = Files.walk(files, 2)) {
			return (int) all.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).count();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What became of the uploaded files in a backup or restore of {@code dir}, said plainly (an S3 bucket left out of the backup is named as such). */
	public String filesSummary(Path dir, boolean restore) {
		String what = restore ? "khôi phục" : "sao lưu";
		int files = filesIn(dir);
		FileStore store = fileStore;
		if (!store.shared()) {
			return "các tệp tải lên nằm trong các bảng nên đã được " + what + " cùng dữ liệu";
		}
		if (restore && files == 0) {
			return "CHÚ Ý: bản sao lưu không có tệp tải lên nào (sao lưu với nq57.backup.files=skip, hoặc khi tệp nằm trong "
					+ "cơ sở dữ liệu): các tệp của kho " + store.kind() + " " + store.where()
					+ " phải được khôi phục từ phiên bản (versioning) hoặc bản sao (replication) của chính kho đó";
		}
		if (!restore && !copiesFiles()) {
			return "CHÚ Ý: các tệp tải lên trong kho " + store.kind() + " " + store.where() + " KHÔNG được " + what
					+ " (nq57.backup.files=skip): chúng được bảo vệ bằng phiên bản (versioning) và sao chép (replication) "
					+ "của chính kho đó";
		}
		return files + " tệp tải lên của kho " + store.kind() + " " + store.where() + " đã được " + what
				+ " (thư mục files/, kiểm tra mã SHA-256 từng tệp)";
	}

	/** Writes a backup of the database into {@code dir} (created; must be empty) and returns its manifest. */
	public List<TableCopy> backup(Path dir) {
		try {
			Files.createDirectories(dir);
			try (var existing = Files.list(dir)) {
				if (existing.findAny().isPresent()) {
					throw new IllegalStateException("Thư mục sao lưu " + dir + " đã có tệp; hãy chọn thư mục trống");
				}
			}
			List<TableCopy> manifest = new ArrayList<>();
			try (Connection c = dataSource.getConnection()) {
				c.setAutoCommit(false);
				c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				c.setReadOnly(true);
				CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
				for (String table : tables(c)) {
					MessageDigest sha = sha256();
					long rows;
					try (OutputStream out = new DigestOutputStream(new GZIPOutputStream(new BufferedOutputStream(
							Files.newOutputStream(dir.resolve(table + ".copy.gz")))), sha)) {
						rows = copy.copyOut("COPY " + quote(table) + " TO STDOUT", out);
					}
					manifest.add(new TableCopy(table, rows, HexFormat.of().formatHex(sha.digest())));
				}
				c.commit();
			}
			List<String> lines = new ArrayList<>();
			lines.add("# table\trows\tsha256 (of the COPY text)");
			manifest.forEach(t -> lines.add(t.table() + "\t" + t.rows() + "\t" + t.sha256()));
			if (copiesFiles()) {
				int files = copyFilesOut(dir.resolve("files"));
				lines.add("# files of the " + fileStore.kind() + " store " + fileStore.where() + ": " + files
						+ " (in files/, named by their SHA-256)");
			}
			else if (fileStore.shared()) {
				lines.add("# files of the " + fileStore.kind() + " store " + fileStore.where() + ": NOT COPIED "
						+ "(nq57.backup.files=skip): they are protected by the store's own versioning and replication");
			}
			else {
				lines.add("# files: in the tables' rows (nq57.files.store=database)");
			}
			Files.write(dir.resolve("manifest.tsv"), lines, StandardCharsets.UTF_8);
			return manifest;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Sao lưu không thành công: " + e.getMessage(), e);
		}
	}

	/**
	 * Replaces every table's rows with the backup's, in one transaction, and verifies counts and checksums; on any
	 * difference nothing is kept.
	 */
	public List<TableCopy> restore(Path dir) {
		Map<String, TableCopy> manifest = manifest(dir);
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				List<String> present = tables(c);
				for (String table : manifest.keySet()) {
					if (!present.contains(table)) {
						throw new IllegalStateException("Bảng " + table + " của bản sao lưu không có trong cơ sở dữ liệu: "
								+ "cơ sở dữ liệu đích phải được tạo bằng cùng phiên bản ứng dụng");
					}
				}
				s.execute("SET LOCAL session_replication_role = replica"); // foreign keys are whole again at the end
				s.execute("TRUNCATE " + String.join(", ", present.stream().map(Backup::quote).toList()) + " CASCADE");
				CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
				for (TableCopy t : manifest.values()) {
					try (InputStream in = new GZIPInputStream(new BufferedInputStream(
							Files.newInputStream(dir.resolve(t.table() + ".copy.gz"))))) {
						copy.copyIn("COPY " + quote(t.table()) + " FROM STDIN", in);
					}
				}
				resetSequences(s);
			}
			List<TableCopy> after = checksums(c, new ArrayList<>(manifest.keySet()));
			for (TableCopy t : after) {
				TableCopy expected = manifest.get(t.table());
				if (!expected.equals(t)) {
					c.rollback();
					throw new IllegalStateException("Khôi phục bảng " + t.table() + " không khớp bản sao lưu (" + t.rows()
							+ " dòng, cần " + expected.rows() + "); không giữ lại gì");
				}
			}
			if (fileStore.shared()) {
				copyFilesIn(dir.resolve("files"));
			}
			c.commit();
			return after;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Khôi phục không thành công: " + e.getMessage(), e);
		}
	}

	/** Row counts and checksums of the given tables now (as {@link #backup} would write them). */
	public List<TableCopy> checksums(List<String> tables) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			List<TableCopy> list = checksums(c, tables);
			c.commit();
			return list;
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<TableCopy> checksums(Connection c, List<String> tables) throws SQLException, IOException {
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		List<TableCopy> list = new ArrayList<>();
		for (String table : tables) {
			MessageDigest sha = sha256();
			long rows;
			try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
				rows = copy.copyOut("COPY " + quote(table) + " TO STDOUT", out);
			}
			list.add(new TableCopy(table, rows, HexFormat.of().formatHex(sha.digest())));
		}
		return list;
	}

	/** Every ordinary table of the public schema, by name. */
	public List<String> tables() {
		try (Connection c = dataSource.getConnection()) {
			return tables(c);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> tables(Connection c) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
						+ "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	/** Every sequence owned by a column is set past the column's highest value. */
	private static void resetSequences(Statement s) throws SQLException {
		List<String[]> owned = new ArrayList<>();
		try (ResultSet rs = s.executeQuery("""
				SELECT seq.relname, tab.relname, att.attname
				FROM pg_depend d
				JOIN pg_class seq ON seq.oid = d.objid AND seq.relkind = 'S'
				JOIN pg_class tab ON tab.oid = d.refobjid
				JOIN pg_attribute att ON att.attrelid = tab.oid AND att.attnum = d.refobjsubid
				JOIN pg_namespace n ON n.oid = seq.relnamespace AND n.nspname = 'public'
				WHERE d.deptype IN ('a', 'i')""")) {
			while (rs.next()) {
				owned.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			}
		}
		for (String[] o : owned) {
			s.execute("SELECT setval('" + quote(o[0]) + "', coalesce((SELECT max(" + quote(o[2]) + ") FROM " + quote(o[1])
					+ "), 0) + 1, false)");
		}
	}

	static Map<String, TableCopy> manifest(Path dir) {
		try {
			Map<String, TableCopy> m = new LinkedHashMap<>();
			for (String line : Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] c = line.split("\t");
				m.put(c[0], new TableCopy(c[0], Long.parseLong(c[1]), c[2]));
			}
			return m;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không đọc được manifest.tsv của bản sao lưu " + dir, e);
		}
	}

	private static String quote(String identifier) {
		if (!identifier.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("unexpected name " + identifier);
		}
		return "\"" + identifier + "\"";
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
