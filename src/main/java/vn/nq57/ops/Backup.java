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

/**
 * A backup is a directory: one gzipped COPY file per table of the {@code public} schema (the Flyway history
 * included) and {@code manifest.tsv} with each table's row count and the SHA-256 of its COPY text. Everything is
 * read in one repeatable-read transaction, so the tables agree with each other; the evidence files are in the
 * database ({@code attachment}, {@code indicator_file}), so the backup holds them too. A restore goes into a
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

	private final vn.nq57.system.FileStore fileStore;

	/** A backup of a database alone (files kept in its rows). */
	Backup(DataSource dataSource) {
		this(dataSource, new vn.nq57.system.FileStore(""));
	}

	@org.springframework.beans.factory.annotation.Autowired
	Backup(DataSource dataSource, vn.nq57.system.FileStore fileStore) {
		this.dataSource = dataSource;
		this.fileStore = fileStore;
	}

	/**
	 * The shared file directory ({@code nq57.files.dir}), when files are kept there: copied to {@code files/} after
	 * the tables. Its files are named by their SHA-256 and never change, so every file a backed-up row names was
	 * written before the snapshot and is copied; each copy is checked against its name.
	 */
	public int copyFiles(Path from, Path to) throws IOException {
		if (from == null || !Files.isDirectory(from)) {
			return 0;
		}
		int n = 0;
		try (var all = Files.walk(from)) {
			for (Path f : all.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
				.toList()) {
				Path target = to.resolve(from.relativize(f).toString());
				if (!Files.exists(target)) {
					byte[] data = Files.readAllBytes(f);
					if (!vn.nq57.system.FileStore.sha256(data).equals(f.getFileName().toString())) {
						throw new IllegalStateException("Tệp " + f + " không khớp mã SHA-256 của tên nó");
					}
					Files.createDirectories(target.getParent());
					Files.write(target, data);
				}
				n++;
			}
		}
		return n;
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
			if (fileStore.directory() != null) {
				int files = copyFiles(fileStore.directory(), dir.resolve("files"));
				lines.add("# files of " + fileStore.directory() + ": " + files + " (in files/, named by their SHA-256)");
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
			if (fileStore.directory() != null) {
				copyFiles(dir.resolve("files"), fileStore.directory());
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
