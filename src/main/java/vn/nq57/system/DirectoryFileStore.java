package vn.nq57.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A directory every node mounts ({@code nq57.files.dir}: NFS, a shared volume): each file at {@code ab/abcdef…}
 * under its SHA-256, written to a temporary file and moved into place, so a reader never sees half a file.
 */
final class DirectoryFileStore implements FileStore {

	private final Path dir;

	DirectoryFileStore(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không tạo được thư mục lưu tệp " + this.dir + " (nq57.files.dir)", e);
		}
	}

	@Override
	public String kind() {
		return "directory";
	}

	@Override
	public String where() {
		return dir.toString();
	}

	Path directory() {
		return dir;
	}

	private Path path(String sha256) {
		Path p = dir.resolve(FileStore.relativePath(sha256)).normalize();
		if (!p.startsWith(dir)) { // cannot happen with a checked name; kept as the last word
			throw new IllegalArgumentException("tên tệp ra ngoài thư mục lưu tệp: " + sha256);
		}
		return p;
	}

	@Override
	public byte[] keep(byte[] data, String sha256) {
		Path target = path(sha256);
		try {
			if (!Files.exists(target) || Files.size(target) != data.length) {
				write(target, out -> Files.write(out, data));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không ghi được tệp vào thư mục lưu tệp " + dir, e);
		}
		return new byte[0];
	}

	private interface Writer {
		void to(Path tmp) throws IOException;
	}

	private static void write(Path target, Writer writer) throws IOException {
		Files.createDirectories(target.getParent());
		Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
		try {
			writer.to(tmp);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	@Override
	public byte[] read(byte[] inRow, String sha256, long size) {
		if (inRow != null && (inRow.length == size || size == 0)) {
			return inRow;
		}
		String name = FileStore.checkedName(sha256);
		Path p = path(name);
		try {
			if (size > 0 && Files.size(p) != size) {
				throw new IllegalStateException("Tệp " + name + " trong " + dir + " có " + Files.size(p) + " byte, cần " + size);
			}
			byte[] data = Files.readAllBytes(p);
			if (!FileStore.sha256(data).equals(name)) {
				throw new IllegalStateException("Tệp " + name + " trong " + dir + " không khớp mã SHA-256");
			}
			return data;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không đọc được tệp " + name + " trong thư mục lưu tệp " + dir, e);
		}
	}

	@Override
	public void put(String sha256, InputStream in, long size) {
		Path target = path(sha256);
		try {
			write(target, tmp -> {
				long n = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
				if (size >= 0 && n != size) {
					throw new IOException("đọc được " + n + " byte, cần " + size);
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không ghi được tệp " + sha256 + " vào thư mục lưu tệp " + dir, e);
		}
	}

	@Override
	public InputStream open(String sha256) {
		try {
			return Files.newInputStream(path(sha256));
		}
		catch (NoSuchFileException e) {
			throw new UncheckedIOException("Thư mục lưu tệp " + dir + " không có tệp " + sha256, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không đọc được tệp " + sha256 + " trong thư mục lưu tệp " + dir, e);
		}
	}

	@Override
	public boolean exists(String sha256, long size) {
		Path p = path(sha256);
		try {
			return Files.isRegularFile(p) && (size < 0 || Files.size(p) == size);
		}
		catch (IOException e) {
			return false;
		}
	}

	@Override
	public Stream<String> names() {
		if (!Files.isDirectory(dir)) {
			return Stream.empty();
		}
		try {
			return Files.walk(dir, 2).filter(Files::isRegularFile).map(p -> p.getFileName().toString())
				.filter(n -> n.matches("[0-9a-f]{64}"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không liệt kê được thư mục lưu tệp " + dir, e);
		}
	}

	@Override
	public boolean delete(String sha256) {
		try {
			return Files.deleteIfExists(path(sha256));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không xóa được tệp " + sha256 + " trong thư mục lưu tệp " + dir, e);
		}
	}

	@Override
	public void check() {
		if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
			throw new IllegalStateException("Thư mục lưu tệp " + dir + " không có hoặc không ghi được");
		}
	}
}
