package vn.nq57.system;

import java.io.InputStream;
import java.util.stream.Stream;

/** The default store: every file's bytes in its owner's row. Nothing outside the database to reach or copy. */
final class DatabaseFileStore implements FileStore {

	@Override
	public String kind() {
		return "database";
	}

	@Override
	public String where() {
		return "cơ sở dữ liệu (trong các dòng của bảng chủ tệp)";
	}

	@Override
	public boolean shared() {
		return false;
	}

	@Override
	public byte[] keep(byte[] data, String sha256) {
		return data;
	}

	@Override
	public byte[] read(byte[] inRow, String sha256, long size) {
		if (inRow != null && (inRow.length == size || size == 0)) {
			return inRow;
		}
		throw new IllegalStateException("Tệp " + sha256 + " được lưu ngoài cơ sở dữ liệu nhưng nq57.files.store chưa chỉ "
				+ "nơi lưu tệp (directory hoặc s3)");
	}

	@Override
	public void put(String sha256, InputStream in, long size) {
		throw new UnsupportedOperationException("Tệp được lưu trong cơ sở dữ liệu; không có kho tệp riêng để ghi");
	}

	@Override
	public InputStream open(String sha256) {
		throw new UnsupportedOperationException("Tệp được lưu trong cơ sở dữ liệu; không có kho tệp riêng để đọc");
	}

	@Override
	public boolean exists(String sha256, long size) {
		return false;
	}

	@Override
	public Stream<String> names() {
		return Stream.empty();
	}

	@Override
	public boolean delete(String sha256) {
		return false;
	}

	@Override
	public void check() {
		// the database's own health is the readiness group's "db"
	}
}
